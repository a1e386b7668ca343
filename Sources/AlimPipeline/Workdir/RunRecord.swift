import AlimCore
import Foundation

/// `run.json`: what a run was asked to do and how far each stage went.
///
/// It is what lets `alim stage NAME --run ID` rerun one stage with the same inbox, configuration and
/// date, and what `alim runs` lists. Durations live here and in summary.json only.
public struct RunRecord: Codable, Sendable {
    /// A stage's state within a run.
    public enum StageStatus: String, Codable, Sendable {
        case pending, done, failed
        /// An earlier stage was rerun after this one: its output may be out of date.
        case stale
    }

    /// One stage's line.
    public struct StageLine: Codable, Sendable {
        public var stage: StageName
        public var status: StageStatus
        public var summary: StageSummary?
    }

    public var runId: String
    public var date: RunDate
    public var inbox: String
    public var configFile: String?
    public var allowMassRemoval: [String]
    public var stages: [StageLine]
    public var exitStatus: ExitStatus?
    /// True once every stage of a full run has ended (successfully or not). A run without it was
    /// killed: the next `alim run` for the same inbox, date and configuration resumes it under the same id.
    public var completed: Bool

    public init(runId: String, date: RunDate, inbox: String, configFile: String?, allowMassRemoval: [String]) {
        self.runId = runId
        self.date = date
        self.inbox = inbox
        self.configFile = configFile
        self.allowMassRemoval = allowMassRemoval
        self.stages = StageName.allCases.map { StageLine(stage: $0, status: .pending, summary: nil) }
        self.exitStatus = nil
        self.completed = false
    }

    /// Whether this unfinished run is the one `options` would start again.
    func isResumable(by inbox: String, date: RunDate, configFile: String?, allowMassRemoval: [String]) -> Bool {
        !completed && self.inbox == inbox && self.date == date && self.configFile == configFile
            && self.allowMassRemoval == allowMassRemoval
    }

    static let fileName = "run.json"

    static func exists(in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(fileName).path)
    }

    /// Reads `run.json` of a run folder; one of another format or damaged is a usage error (exit 64).
    public static func load(from folder: URL) throws -> RunRecord {
        try StageContext.read(RunRecord.self, from: folder.appendingPathComponent(fileName))
    }

    /// Writes `run.json` atomically.
    public func save(to folder: URL) throws {
        try ArtifactCoding.write(self, to: folder.appendingPathComponent(Self.fileName), readable: true)
    }

    /// Records a stage's result and marks every later stage stale if it had run.
    mutating func finish(_ stage: StageName, status: StageStatus, summary: StageSummary?) {
        for i in stages.indices {
            if stages[i].stage == stage {
                stages[i].status = status
                stages[i].summary = summary
            } else if stages[i].stage > stage, stages[i].status == .done {
                stages[i].status = .stale
            }
        }
    }

    /// The summaries of the stages that ran, in order.
    var stageSummaries: [StageSummary] {
        stages.compactMap { $0.status == .pending ? nil : $0.summary }
    }
}
