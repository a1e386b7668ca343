import AlimCore
import Foundation

/// The report stage: summary.json, report.html and the terminal summary, from the stored artifacts.
///
/// All three are pure functions of `ReportInput`, so `alim report` can regenerate them from a past
/// run's artifacts, and two runs of the same inputs differ only in the measured stage durations.
/// None of them ever reads an activation code.
public enum Report {
    /// summary.json: per-stage counts and the run totals the operator's monitoring compares night to night.
    public static func summary(_ input: ReportInput) -> RunSummary {
        RunSummary(date: input.date.description, stages: input.stages,
                   totals: TotalsBuilder.totals(input), exitStatus: input.exitStatus,
                   familyLinks: input.ingest?.familyLinks.sorted() ?? [],
                   entAccounts: ENTAccounts.perSchool(input) ?? [])
    }

    /// report.html: one self-contained French page for the operator and the school directors.
    public static func html(_ input: ReportInput) -> String { HTMLPage.render(input) }

    /// The short text summary `alim run` and `alim report` print (about twenty lines, no colour).
    /// - Parameter runDirectory: the run folder, to tell the operator where the report and outputs are.
    public static func text(_ input: ReportInput, runDirectory: String? = nil) -> String {
        TextSummary.render(input, runDirectory: runDirectory)
    }
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
