import AlimAccounts
import AlimCore
import AlimIdentity
import AlimReport
import AlimSheets
import Foundation

/// The operator's commands besides runs: init, review decisions, renewals, reprints, reports.
/// Each takes the workdir lock when it changes anything.
public enum Operations {
    /// Creates the workdir (0700), the secret key (0600) and, if asked, a commented default `alim.toml`.
    public static func initialize(workdir root: URL, configFile: String?) throws -> [String] {
        let workdir = Workdir(root)
        let lock = try RunLock(workdir)
        defer { withExtendedLifetime(lock) {} }
        var made: [String] = []
        if let configFile, !FileManager.default.fileExists(atPath: configFile) {
            try SecureFile.write(ConfigLoader.defaultFile, to: URL(fileURLWithPath: configFile))
            made.append(configFile)
        }
        let config = try ConfigLoader.load(configFile)
        do {
            try AccountsStage(workdir: workdir.root, config: config).initialize()
        } catch let error as AccountsError {
            // A damaged key or a state written by a later Alim: the operator's to fix, exit 64.
            throw PipelineError.usage(error.description + ".")
        }
        made.append(workdir.root.path)
        return made
    }

    /// Records a director's decision on a review pair of the latest run (or `runId`).
    public static func decide(pairId: String, verdict: PairDecision.Verdict, workdir root: URL, runId: String?) throws -> PairDecision {
        let workdir = Workdir(root)
        let lock = try RunLock(workdir)
        defer { withExtendedLifetime(lock) {} }
        guard let id = runId ?? workdir.latestRunId() else {
            throw PipelineError.usage("Aucun run dans \(workdir.runsFolder.path) : lancez d'abord « alim run ».")
        }
        let url = workdir.runFolder(id).appendingPathComponent(ArtifactName.identity)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw PipelineError.usage("Le run \(id) n'a pas de liste de doublons (étape match non exécutée).")
        }
        let identity = try StageContext.read(IdentityFile.self, from: url)
        guard let pair = identity.review.first(where: { $0.id == pairId }) else {
            throw PipelineError.usage("La paire \(pairId) n'est pas dans la liste de doublons du run \(id) (voir review.csv).")
        }
        let decision = PairDecision(pairId: pair.id, a: pair.a, b: pair.b, verdict: verdict)
        try DecisionStore(url: workdir.decisionsFile).record(decision)
        return decision
    }

    /// The review pairs of a run, for `alim review list`.
    public static func reviewPairs(workdir root: URL, runId: String?) throws -> [ReviewPair] {
        let workdir = Workdir(root)
        guard let id = runId ?? workdir.latestRunId() else { return [] }
        let url = workdir.runFolder(id).appendingPathComponent(ArtifactName.identity)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try StageContext.read(IdentityFile.self, from: url).review
    }

    /// Marks codes for renewal; the next run issues exactly these new codes.
    public static func renew(_ selector: RenewSelector, workdir root: URL, configFile: String?, date: RunDate) throws -> Int {
        let workdir = Workdir(root)
        let lock = try RunLock(workdir)
        defer { withExtendedLifetime(lock) {} }
        let config = try ConfigLoader.load(configFile)
        do {
            return try AccountsStage(workdir: workdir.root, config: config).renew(selector, date: date)
        } catch let error as AccountsError {
            throw PipelineError.usage(error.description + ".")
        }
    }

    /// Prints sheets again from a run's accounts without changing any code, into `runs/<id>/reprints/<n>/`.
    public static func reprint(_ selection: SheetSelection, workdir root: URL, runId: String?) throws -> (URL, SheetsArtifact) {
        let workdir = Workdir(root)
        let lock = try RunLock(workdir)
        defer { withExtendedLifetime(lock) {} }
        guard let id = runId ?? workdir.latestRunId() else {
            throw PipelineError.usage("Aucun run dans \(workdir.runsFolder.path) : lancez d'abord « alim run ».")
        }
        let record = try RunRecord.load(from: workdir.runFolder(id))
        let config = try ConfigLoader.load(record.configFile)
        let ctx = StageContext(workdir: workdir, runId: id, record: record, config: config, observer: SilentObserver())
        let accounts = try ctx.accountsArtifact()
        let identity = try ctx.identityArtifact()
        let ingest = try ctx.ingestArtifact()
        let base = ctx.file("reprints")
        try SecureFile.makeDirectory(base)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        let folder = base.appendingPathComponent(String(format: "%03d", existing.count + 1))
        try SecureFile.makeDirectory(folder)
        let artifact = try Sheets.run(accounts: accounts, identity: identity, rejects: ingest.rejects, config: config,
                                      date: record.date, outputDirectory: folder, selection: selection)
        return (folder, artifact)
    }

    /// The terminal summary of a run; regenerates its report.html from the stored artifacts.
    public static func report(workdir root: URL, runId: String?) throws -> (text: String, html: URL) {
        let (ctx, input) = try reportInput(workdir: root, runId: runId)
        let html = ctx.file(ArtifactName.report)
        try SecureFile.write(Report.html(input), to: html)
        return (Report.text(input, runDirectory: ctx.folder.path), html)
    }

    /// The terminal summary of a run, without touching its files (what `alim run` prints at the end:
    /// the report stage has just written report.html).
    public static func summaryText(workdir root: URL, runId: String?) throws -> String {
        let (ctx, input) = try reportInput(workdir: root, runId: runId)
        return Report.text(input, runDirectory: ctx.folder.path)
    }

    private static func reportInput(workdir root: URL, runId: String?) throws -> (StageContext, ReportInput) {
        let workdir = Workdir(root)
        guard let id = runId ?? workdir.latestRunId() else {
            throw PipelineError.usage("Aucun run dans \(workdir.runsFolder.path) : lancez d'abord « alim run ».")
        }
        let record = try RunRecord.load(from: workdir.runFolder(id))
        let config = (try? ConfigLoader.load(record.configFile)) ?? .default
        let ctx = StageContext(workdir: workdir, runId: id, record: record, config: config, observer: SilentObserver())
        return (ctx, try ReportInputLoader.load(ctx))
    }
}
