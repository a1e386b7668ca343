import AlimCore
import AlimIdentity
import AlimReport
import Foundation

/// Gathers whatever artifacts a run has into the report's input; an artifact there but unreadable stops it.
enum ReportInputLoader {
    static func load(_ ctx: StageContext) throws -> ReportInput {
        let store = ctx.store
        return try ReportInput(runId: ctx.runId, date: ctx.date,
                    stages: ctx.record.stageSummaries,
                    exitStatus: ctx.record.exitStatus ?? .success,
                    ingest: ctx.ifPresent(ArtifactName.ingest, inMemory: store.ingest != nil, ctx.ingestArtifact),
                    identity: ctx.ifPresent(ArtifactName.identity, inMemory: store.identity != nil, ctx.identityArtifact),
                    accounts: ctx.ifPresent(ArtifactName.accounts, inMemory: store.accounts != nil, ctx.accountsArtifact),
                    sheets: store.sheets ?? ctx.loadIfPresent(SheetsArtifact.self, ArtifactName.sheets),
                    config: ctx.config)
    }
}
