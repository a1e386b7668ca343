import AlimCore
import Foundation

/// What `alim run` was asked to do.
public struct RunOptions: Sendable {
    public var inbox: URL
    public var workdir: URL
    public var configFile: String?
    public var date: RunDate
    public var allowMassRemoval: [UAI]

    public init(inbox: URL, workdir: URL, configFile: String?, date: RunDate, allowMassRemoval: [UAI] = []) {
        self.inbox = inbox
        self.workdir = workdir
        self.configFile = configFile
        self.date = date
        self.allowMassRemoval = allowMassRemoval
    }
}

/// How a command ended: which run, and the exit status cron sees.
public struct RunResult: Sendable {
    public var runId: String
    public var exitStatus: ExitStatus
    public var runFolder: URL
    /// The terminal summary, when the report stage ran in this command (built from the artifacts in
    /// memory, so printing it reads nothing back).
    public var summaryText: String? = nil
}

/// The pipeline's entry point: whole runs and single-stage reruns, under the workdir lock.
///
/// Stages run in order, each from the previous stage's persisted artifact; a failure stops the run
/// with the earlier artifacts intact, and the state is only touched inside the accounts stage's
/// single transaction.
public enum Pipeline {
    /// Runs every stage over the inbox into a new run folder.
    public static func run(_ options: RunOptions, observer: PipelineObserver = SilentObserver()) throws -> RunResult {
        let config = try ConfigLoader.load(options.configFile)
        let workdir = Workdir(options.workdir)
        let lock = try RunLock(workdir)
        defer { withExtendedLifetime(lock) {} }
        let inbox = options.inbox.standardizedFileURL.path
        let configFile = options.configFile.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let allow = options.allowMassRemoval.map(\.value)
        var record: RunRecord
        if let last = workdir.latestRunId(), let previous = try? RunRecord.load(from: workdir.runFolder(last)),
           previous.isResumable(by: inbox, date: options.date, configFile: configFile, allowMassRemoval: allow) {
            // The previous run was killed: run it again under its own id, so the accounts stage replaces
            // its own effects and the outputs equal those of an uninterrupted run.
            record = RunRecord(runId: last, date: options.date, inbox: inbox, configFile: configFile, allowMassRemoval: allow)
        } else {
            record = RunRecord(runId: workdir.newRunId(date: options.date), date: options.date, inbox: inbox,
                               configFile: configFile, allowMassRemoval: allow)
        }
        let folder = workdir.runFolder(record.runId)
        try SecureFile.makeDirectory(folder)
        workdir.sweepTemporaryFiles(in: workdir.root, recursive: false)
        workdir.sweepTemporaryFiles(in: workdir.runsFolder, recursive: false)
        workdir.sweepTemporaryFiles(in: folder)
        try record.save(to: folder)
        try workdir.markLatest(record.runId)
        let store = ArtifactStore()
        let status = try execute(StageName.allCases, record: record, workdir: workdir, config: config, observer: observer,
                                 store: store, completesRun: true)
        return RunResult(runId: record.runId, exitStatus: status, runFolder: folder, summaryText: store.reportText)
    }

    /// Reruns one stage of an existing run from the persisted output of the stage before it.
    /// Later stages are marked stale, or rerun too with `throughEnd`.
    public static func rerun(_ stage: StageName, runId: String, workdir root: URL, throughEnd: Bool,
                             observer: PipelineObserver = SilentObserver()) throws -> RunResult {
        let workdir = Workdir(root)
        let lock = try RunLock(workdir)
        defer { withExtendedLifetime(lock) {} }
        let folder = workdir.runFolder(runId)
        guard RunRecord.exists(in: folder) else {
            throw PipelineError.usage("Le run \(runId) n'existe pas dans \(workdir.runsFolder.path) (voir « alim runs »).")
        }
        let record = try RunRecord.load(from: folder)
        let config = try ConfigLoader.load(record.configFile)
        workdir.sweepTemporaryFiles(in: folder)
        let stages = throughEnd ? stage.throughEnd : [stage]
        let store = ArtifactStore()
        let status = try execute(stages, record: record, workdir: workdir, config: config, observer: observer, store: store)
        return RunResult(runId: runId, exitStatus: status, runFolder: folder, summaryText: store.reportText)
    }

    /// Every run of the workdir with its stages, oldest first.
    public static func runs(workdir root: URL) -> [RunRecord] {
        let workdir = Workdir(root)
        return workdir.runIds().compactMap { try? RunRecord.load(from: workdir.runFolder($0)) }
    }

    /// Runs `stages` in order, handing artifacts on in memory (`store`); returns the run's exit status.
    ///
    /// Each stage's files are written on the store's background queue while the next stage computes;
    /// run.json is queued behind them, so it never marks a stage done before that stage's files are on
    /// disk, and the command returns only once everything is written.
    private static func execute(_ stages: [StageName], record initial: RunRecord, workdir: Workdir, config: AlimConfig,
                                observer: PipelineObserver, store: ArtifactStore,
                                completesRun: Bool = false) throws -> ExitStatus {
        var record = initial
        let folder = workdir.runFolder(record.runId)
        var exits: [ExitStatus] = record.exitStatus.map { [$0] } ?? []
        if stages.contains(.ingest) { exits = [] }
        for stage in stages {
            if stage == .report { record.exitStatus = ExitPolicy.combine(exits) }
            var ctx = StageContext(workdir: workdir, runId: record.runId, record: record, config: config, observer: observer)
            ctx.store = store
            observer.stageStarted(stage)
            do {
                let outcome = try StageRunner.run(stage, ctx)
                exits.append(outcome.exit)
                record.finish(stage, status: .done, summary: outcome.summary)
                observer.stageFinished(stage, summary: outcome.summary)
            } catch {
                // What earlier stages queued is written first; then the failure is recorded.
                try? store.writer.drain()
                record.finish(stage, status: .failed, summary: nil)
                let failure = (error as? PipelineError)?.exitStatus ?? .internalError
                record.exitStatus = failure
                record.completed = record.completed || completesRun
                try? record.save(to: folder)
                observer.stageFailed(stage, message: String(describing: error))
                throw error
            }
            record.exitStatus = ExitPolicy.combine(exits)
            if stage == stages.last && completesRun { record.completed = true }
            let snapshot = record
            try store.writer.submit { try snapshot.save(to: folder) }
        }
        try store.writer.drain()
        return record.exitStatus ?? .success
    }
}

/// Which exit status wins when several apply: the mass-removal hold (an operator must act) over an
/// unusable input file, over success.
enum ExitPolicy {
    static func combine(_ exits: [ExitStatus]) -> ExitStatus {
        for candidate in [ExitStatus.massRemoval, .inputUnusable] where exits.contains(candidate) { return candidate }
        return .success
    }
}
