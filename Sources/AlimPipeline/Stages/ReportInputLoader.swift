import AlimCore
import AlimIdentity
import AlimReport
import Foundation

/// Gathers whatever artifacts a run has into the report's input; an artifact there but unreadable stops it.
enum ReportInputLoader {
    static func load(_ ctx: StageContext) throws -> ReportInput {
        try ReportInput(runId: ctx.runId, date: ctx.date,
                    stages: ctx.record.stageSummaries,
                    exitStatus: ctx.record.exitStatus ?? .success,
                    ingest: ctx.loadIfPresent(IngestArtifact.self, ArtifactName.ingest),
                    identity: ctx.loadIfPresent(IdentityArtifact.self, ArtifactName.identity),
                    accounts: ctx.loadIfPresent(AccountsArtifact.self, ArtifactName.accounts),
                    sheets: ctx.loadIfPresent(SheetsArtifact.self, ArtifactName.sheets),
                    config: ctx.config)
    }
}
