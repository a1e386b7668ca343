import AlimCore
import Foundation
import GRDB

/// The accounts stage: platform policy, logins, activation codes and the persistent state
/// (`WORKDIR/state.sqlite`, `WORKDIR/secret.key`).
///
/// A run loads the state, decides tonight's accounts (`Planner`, `PersonMatcher`, `Reconciler`) and
/// replaces the state in ONE SQLite transaction, so a run killed at any point leaves the previous
/// state intact. The latest run keeps the state it started from: rerunning the same run id
/// recomputes from there, reusing the code nonces it drew, and gives a byte-identical artifact.
public struct AccountsStage: Sendable {
    public let workdir: URL
    public let config: AlimConfig
    /// Test hook: called inside the final transaction, after the new state is written. Throwing
    /// here simulates a run killed mid-commit.
    var beforeCommit: (@Sendable () throws -> Void)?

    public init(workdir: URL, config: AlimConfig) {
        self.workdir = workdir
        self.config = config
    }

    var stateURL: URL { workdir.appendingPathComponent("state.sqlite") }
    var keyURL: URL { workdir.appendingPathComponent("secret.key") }

    /// Decides tonight's accounts for run `runId` and commits the state in one transaction.
    /// Rerunning the same `runId` gives the same artifact (it replaces that run's effects); only the
    /// latest run can be rerun (`AccountsError.notLatestRun` otherwise).
    ///
    /// `ent` are tonight's lines of the ENT's account exports (the ingest artifact's): with
    /// `credentials = "ent"` they give the accounts their ENT logins and the sheets their codes.
    public func run(_ identity: IdentityArtifact, date: RunDate, runId: String,
                    allowMassRemoval: Set<UAI> = [], ent: [ENTCredentialRow] = []) throws -> AccountsArtifact {
        let (store, key) = try open()
        let planned = Planner(config: config).plan(identity)
        let config = self.config, hook = beforeCommit
        // Read, decide and write in one transaction: nothing else sees a half-done night.
        let outcome = try store.queue.write { db -> RunOutcome in
            let start = try RunLog.start(db, runId: runId)
            var reconciler = Reconciler(
                config: config, date: date, runId: runId, context: identity.context,
                allowMassRemoval: allowMassRemoval, renewals: start.renewals,
                codes: CodeIssuer(key: key, date: date, runId: runId, validityDays: config.accounts.codeValidityDays,
                                  reuse: start.reuseNonces, state: start.base),
                entRows: ent)
            let outcome = reconciler.reconcile(start.base, planned)
            try RunLog.undoPrevious(db, runId: runId, isRerun: start.isRerun)
            try RunLog.keepBase(db, start)
            try StateStore.update(db, from: start.current, to: outcome.state)
            try RunLog.record(db, runId: runId, date: date, outcome: outcome)
            try hook?()
            return outcome
        }
        return AccountsArtifact(accounts: outcome.accounts, lineage: Lineage.entries(identity, outcome),
                                directory: outcome.directory, holds: outcome.holds,
                                schoolsMissing: outcome.schoolsMissing, warnings: outcome.warnings)
    }

    /// Creates the workdir (0700), the secret key (0600) and the state (0600) if missing; safe to call again.
    public func initialize() throws {
        _ = try open()
    }

    /// Marks the selected accounts' codes for renewal; the next run issues new codes for exactly these.
    /// Only active local accounts not yet activated have a code to renew. Returns how many accounts were selected.
    public func renew(_ selector: RenewSelector, date: RunDate) throws -> Int {
        // The ENT's codes are renewed in the ENT: Alim has no code of its own to issue.
        guard config.accounts.credentials == .alim else { throw AccountsError.renewalInENT }
        let (store, _) = try open()
        return try store.queue.write { db in
            let state = try StateStore.load(db)
            let selected = state.accounts.filter { a in
                guard a.status == .active, a.auth == .local, a.activatedOn == nil else { return false }
                switch selector {
                case let .login(login): return a.login == login.lowercased()
                case let .className(uai, className): return a.uais.contains(uai) && a.classes.contains(className)
                case let .school(uai): return a.uais.contains(uai)
                }
            }
            for a in selected {
                try db.execute(sql: "INSERT INTO renewals (account_id, requested, consumed_run) VALUES (?, ?, NULL)",
                               arguments: [a.id, date.description])
            }
            return selected.count
        }
    }

    /// directory.csv for the ENT: accounts to create, update and deactivate.
    public static func directoryCSV(_ artifact: AccountsArtifact, includeCodes: Bool) -> CSVOutput {
        DirectoryExport.csv(artifact, includeCodes: includeCodes)
    }

    private func open() throws -> (StateStore, [UInt8]) {
        try SecureFile.makeDirectory(workdir)
        let key = try SecretKey.loadOrCreate(at: keyURL)
        return (try StateStore(url: stateURL), key)
    }
}

/// Which accounts `alim renew` targets.
public enum RenewSelector: Sendable, Equatable {
    case login(String)
    case className(uai: UAI, className: String)
    case school(UAI)
}
