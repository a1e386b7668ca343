import AlimAccounts
import AlimCore
import AlimIdentity
import AlimIngest
import AlimReport
import AlimSheets
import Foundation
import Logging

/// Runs one stage from the previous stage's persisted artifact and persists its own.
///
/// Each case reads files, calls the stage module's single entry point and writes files: the stage
/// modules never touch the run folder layout, and this type never holds domain logic.
enum StageRunner {
    /// What a stage produced beyond its files: its counts and whether it asks for a special exit.
    struct Outcome {
        var summary: StageSummary
        var exit: ExitStatus = .success
    }

    static func run(_ stage: StageName, _ ctx: StageContext) throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        var outcome: Outcome
        switch stage {
        case .ingest: outcome = try ingest(ctx)
        case .normalize: outcome = try normalize(ctx)
        case .match: outcome = try match(ctx)
        case .accounts: outcome = try accounts(ctx)
        case .sheets: outcome = try sheets(ctx)
        case .report: outcome = try report(ctx)
        }
        let elapsed = clock.now - start
        outcome.summary.durationMs = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        return outcome
    }

    private static func ingest(_ ctx: StageContext) throws -> Outcome {
        let inbox = ctx.inbox
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox.path, isDirectory: &isDir), isDir.boolValue else {
            throw PipelineError.usage("La boîte de dépôt \(inbox.path) n'existe pas ou n'est pas un dossier.")
        }
        let artifact = try Ingest.run(inbox: inbox, config: ctx.config, progress: ctx.observer.progress(for: .ingest))
        ctx.store.ingest = artifact
        let writer = ctx.store.writer
        try writer.artifact(artifact, to: ctx.file(ArtifactName.ingest))
        try writer.file(to: ctx.file(ArtifactName.rejects)) { ContractFiles.findings(artifact.rejects).encoded() }
        try writer.file(to: ctx.file(ArtifactName.warnings)) { ContractFiles.findings(artifact.warnings).encoded() }
        try writer.file(to: ctx.file(ArtifactName.linkReview)) {
            ContractFiles.linkReview(artifact.linkReview, records: artifact.records).encoded()
        }
        // File-level problems go to the log too (file, line and column; never a person's data), so the
        // operator's log collector sees them without opening rejects.csv.
        let logger = Logger(label: "alim.ingest")
        for file in artifact.files where file.status == .refused || file.status == .unknown {
            logger.warning("file refused", metadata: ["file": "\(file.file)", "status": "\(file.status.rawValue)",
                                                      "reason": "\(file.message ?? "")"])
        }
        let personRejects = artifact.rejects.count
        let refused = artifact.files.contains { $0.status == .refused || $0.status == .unknown }
        return Outcome(summary: StageSummary(name: "ingest", recordsIn: artifact.records.count + personRejects,
                                             recordsOut: artifact.records.count, rejects: personRejects, durationMs: 0),
                       exit: refused ? .inputUnusable : .success)
    }

    private static func normalize(_ ctx: StageContext) throws -> Outcome {
        let ingest = try ctx.ingestArtifact()
        let normalized = Identity.normalize(ingest)
        ctx.store.normalized = normalized
        try ctx.store.writer.artifact(NormalizedFile(keys: normalized.keys), to: ctx.file(ArtifactName.normalized))
        return Outcome(summary: StageSummary(name: "normalize", recordsIn: ingest.records.count,
                                             recordsOut: normalized.ingest.records.count, rejects: 0, durationMs: 0))
    }

    private static func match(_ ctx: StageContext) throws -> Outcome {
        let normalized = try ctx.normalizedArtifact()
        let decisions = try DecisionStore(url: ctx.workdir.decisionsFile).load()
        let identity = Identity.match(normalized, decisions: decisions, config: ctx.config.identity)
        // The keys served their only purpose: free them before the accounts stage.
        ctx.store.normalized = nil
        ctx.store.identity = identity
        try ctx.store.writer.artifact(IdentityFile(identity), to: ctx.file(ArtifactName.identity))
        try ctx.store.writer.file(to: ctx.file(ArtifactName.review)) { Identity.reviewCSV(identity).encoded() }
        return Outcome(summary: StageSummary(name: "match", recordsIn: identity.records.count,
                                             recordsOut: identity.persons.count, rejects: 0, durationMs: 0))
    }

    private static func accounts(_ ctx: StageContext) throws -> Outcome {
        let identity = try ctx.identityArtifact()
        // The ENT's export lines (activation codes) are read from ingest.json only: no later artifact copies them.
        let ingest = try ctx.ingestArtifact()
        let allow = Set(ctx.record.allowMassRemoval.compactMap { UAI($0) })
        let stage = AccountsStage(workdir: ctx.workdir.root, config: ctx.config)
        let artifact: AccountsArtifact
        do {
            artifact = try stage.run(identity, date: ctx.date, runId: ctx.runId, allowMassRemoval: allow,
                                     ent: ingest.entCredentials)
        } catch let error as AccountsError {
            // An operator's mistake (an older run replayed, a damaged key), not a bug: say it in French, exit 64.
            throw PipelineError.usage(error.description + ".")
        }
        ctx.store.accounts = artifact
        let writer = ctx.store.writer
        try writer.artifact(artifact, to: ctx.file(ArtifactName.accounts))
        try writer.file(to: ctx.file(ArtifactName.accountsCSV)) { ContractFiles.accounts(artifact).encoded() }
        try writer.file(to: ctx.file(ArtifactName.lineage)) { ContractFiles.lineage(artifact).encoded() }
        // warnings.csv: ingest's, and the ENT lines this stage could not match (rewritten whole, so a rerun
        // of this stage gives the same file).
        let warnings = ingest.warnings + artifact.warnings
        try writer.file(to: ctx.file(ArtifactName.warnings)) { ContractFiles.findings(warnings).encoded() }
        let includeCodes = ctx.config.accounts.directoryIncludesCodes
        try writer.file(to: ctx.file(ArtifactName.directory)) {
            AccountsStage.directoryCSV(artifact, includeCodes: includeCodes).encoded()
        }
        try ENTBundleStep.run(artifact, identity: identity, ctx)
        return Outcome(summary: StageSummary(name: "accounts", recordsIn: identity.persons.count,
                                             recordsOut: artifact.accounts.count, rejects: 0, durationMs: 0),
                       exit: artifact.holds.isEmpty ? .success : .massRemoval)
    }

    private static func sheets(_ ctx: StageContext) throws -> Outcome {
        let accounts = try ctx.accountsArtifact()
        let identity = try ctx.identityArtifact()
        let ingest = try ctx.ingestArtifact()
        let folder = ctx.file(ArtifactName.sheetsFolder)
        try? FileManager.default.removeItem(at: folder)
        try SecureFile.makeDirectory(folder)
        let artifact = try Sheets.run(accounts: accounts, identity: identity, rejects: ingest.rejects,
                                      config: ctx.config, date: ctx.date, outputDirectory: folder)
        ctx.store.sheets = artifact
        try ctx.store.writer.artifact(artifact, to: ctx.file(ArtifactName.sheets))
        let made = artifact.bundles.reduce(0) { $0 + $1.printed + $1.emailed }
        return Outcome(summary: StageSummary(name: "sheets", recordsIn: accounts.accounts.count,
                                             recordsOut: made, rejects: 0, durationMs: 0))
    }

    private static func report(_ ctx: StageContext) throws -> Outcome {
        let input = try ReportInputLoader.load(ctx)
        let summary = Report.summary(input)
        try ctx.store.writer.artifact(summary, to: ctx.file(ArtifactName.summary), readable: true)
        let html = Report.html(input)
        try ctx.store.writer.file(to: ctx.file(ArtifactName.report)) { Data(html.utf8) }
        ctx.store.reportText = Report.text(input, runDirectory: ctx.folder.path)
        return Outcome(summary: StageSummary(name: "report", recordsIn: 0, recordsOut: 1, rejects: 0, durationMs: 0))
    }
}
