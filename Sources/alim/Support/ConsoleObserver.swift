import AlimCore
import AlimPipeline
import Foundation
import Logging

/// Shows a run's progress: a live line per stage on a terminal (records, rate), one log line per
/// stage under cron (no TTY) or in JSON. Counts only: no personal data, no codes.
final class ConsoleObserver: PipelineObserver, @unchecked Sendable {
    private let logger = Logger(label: "alim.pipeline")
    private let live: Bool
    private let lock = NSLock()
    private var started: [StageName: ContinuousClock.Instant] = [:]

    init(format: LogFormat) {
        live = format == .text && isatty(STDERR_FILENO) == 1
    }

    func stageStarted(_ stage: StageName) {
        lock.withLock { started[stage] = ContinuousClock.now }
        if live { draw("[\(stage.rawValue)] démarrage…") }
    }

    func progress(for stage: StageName) -> StageProgress {
        live ? LiveProgress(stage: stage, start: ContinuousClock.now, observer: self) : NoProgress()
    }

    func stageFinished(_ stage: StageName, summary: StageSummary) {
        if live { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        let seconds = max(Double(summary.durationMs) / 1000, 0.001)
        let rate = Int(Double(summary.recordsIn) / seconds)
        logger.info("stage done", metadata: [
            "stage": "\(stage.rawValue)", "in": "\(summary.recordsIn)", "out": "\(summary.recordsOut)",
            "rejects": "\(summary.rejects)", "ms": "\(summary.durationMs)", "records_per_s": "\(rate)",
        ])
    }

    func stageFailed(_ stage: StageName, message: String) {
        if live { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        logger.error("stage failed", metadata: ["stage": "\(stage.rawValue)", "error": "\(message)"])
    }

    fileprivate func draw(_ text: String) {
        lock.withLock {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
        }
    }
}

/// A live progress line: records done, rate, and time left when the total is known.
struct LiveProgress: StageProgress, @unchecked Sendable {
    let stage: StageName
    let start: ContinuousClock.Instant
    let observer: ConsoleObserver

    func update(done: Int, total: Int?) {
        let elapsed = ContinuousClock.now - start
        let seconds = max(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, 0.001)
        let rate = Double(done) / seconds
        var text = "[\(stage.rawValue)] \(done)"
        if let total, total > 0 {
            let pct = Int(Double(done) * 100 / Double(total))
            let width = 24, filled = min(width, pct * width / 100)
            text += "/\(total) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(pct)%"
            if rate > 0 { text += String(format: " reste %.0f s", Double(total - done) / rate) }
        }
        text += String(format: " (%.0f enr./s)", rate)
        observer.draw(text)
    }
}
