import AlimCore
import Foundation

/// The report stage: summary.json, report.html and the terminal summary, from the stored artifacts.
public enum Report {
    /// summary.json.
    public static func summary(_ input: ReportInput) -> RunSummary {
        RunSummary(date: input.date.description, stages: input.stages,
                   totals: RunTotals(persons: 0, accounts: [:], sheets: 0, reviewPairs: 0, rejects: 0, warnings: 0),
                   exitStatus: input.exitStatus)
    }

    /// report.html: one self-contained French page.
    public static func html(_ input: ReportInput) -> String { "" }

    /// The short text summary `alim report` prints.
    public static func text(_ input: ReportInput) -> String { "" }
}

/// Everything the report reads; any artifact may be missing when a stage did not run.
public struct ReportInput: Sendable {
    public var runId: String
    public var date: RunDate
    public var stages: [StageSummary]
    public var exitStatus: ExitStatus
    public var ingest: IngestArtifact?
    public var identity: IdentityArtifact?
    public var accounts: AccountsArtifact?
    public var sheets: SheetsArtifact?
    public var config: AlimConfig

    public init(runId: String, date: RunDate, stages: [StageSummary], exitStatus: ExitStatus,
                ingest: IngestArtifact?, identity: IdentityArtifact?, accounts: AccountsArtifact?,
                sheets: SheetsArtifact?, config: AlimConfig) {
        self.runId = runId
        self.date = date
        self.stages = stages
        self.exitStatus = exitStatus
        self.ingest = ingest
        self.identity = identity
        self.accounts = accounts
        self.sheets = sheets
        self.config = config
    }
}
