import AlimCore
import Foundation

/// The accounts stage: platform policy, logins, activation codes and the persistent state
/// (`WORKDIR/state.sqlite`).
public struct AccountsStage: Sendable {
    public let workdir: URL
    public let config: AlimConfig

    public init(workdir: URL, config: AlimConfig) {
        self.workdir = workdir
        self.config = config
    }

    /// Decides tonight's accounts for run `runId` and commits the state in one transaction.
    /// Rerunning the same `runId` gives the same artifact (it replaces that run's effects).
    public func run(_ identity: IdentityArtifact, date: RunDate, runId: String,
                    allowMassRemoval: Set<UAI> = []) throws -> AccountsArtifact {
        AccountsArtifact(accounts: [], lineage: [], directory: [], holds: [], schoolsMissing: [])
    }

    /// Creates the secret key (0600) and the state if missing; safe to call again.
    public func initialize() throws {}

    /// Marks the selected accounts' codes for renewal; the next run issues new codes for exactly these.
    /// Returns how many accounts were selected.
    public func renew(_ selector: RenewSelector, date: RunDate) throws -> Int { 0 }

    /// directory.csv for the ENT: accounts to create, update and deactivate.
    public static func directoryCSV(_ artifact: AccountsArtifact, includeCodes: Bool) -> CSVOutput {
        CSVOutput(header: ["action"])
    }
}

/// Which accounts `alim renew` targets.
public enum RenewSelector: Sendable, Equatable {
    case login(String)
    case className(uai: UAI, className: String)
    case school(UAI)
}
