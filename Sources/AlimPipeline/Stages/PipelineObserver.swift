import AlimCore
import Foundation

/// Watches a run stage by stage, so the CLI can draw progress on a terminal, print one line per stage
/// under cron, or emit JSON for a log collector — without the pipeline knowing which.
public protocol PipelineObserver: Sendable {
    /// A stage begins.
    func stageStarted(_ stage: StageName)
    /// Where the stage reports records done.
    func progress(for stage: StageName) -> StageProgress
    /// A stage ended (its counts carry no personal data).
    func stageFinished(_ stage: StageName, summary: StageSummary)
    /// A stage failed with a French message.
    func stageFailed(_ stage: StageName, message: String)
}

/// An observer that ignores everything (tests, library use).
public struct SilentObserver: PipelineObserver {
    public init() {}
    public func stageStarted(_ stage: StageName) {}
    public func progress(for stage: StageName) -> StageProgress { NoProgress() }
    public func stageFinished(_ stage: StageName, summary: StageSummary) {}
    public func stageFailed(_ stage: StageName, message: String) {}
}
