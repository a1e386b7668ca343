import AlimCore
import AlimIdentity
import Foundation

/// Everything one stage needs: where the run lives, its inputs and settings.
struct StageContext {
    let workdir: Workdir
    let runId: String
    let record: RunRecord
    let config: AlimConfig
    let observer: PipelineObserver
    /// Artifacts already in memory (a full run hands them on) and the background writer.
    var store = ArtifactStore()

    var folder: URL { workdir.runFolder(runId) }
    var date: RunDate { record.date }
    var inbox: URL { URL(fileURLWithPath: record.inbox) }

    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// Reads an earlier stage's artifact, or says which stage to run first.
    func load<T: Decodable>(_ type: T.Type, _ name: String, producedBy stage: StageName) throws -> T {
        let url = file(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw PipelineError.missingArtifact(
                "L'artefact \(name) de l'étape « \(stage.rawValue) » manque dans le run \(runId) : relancez cette étape d'abord.")
        }
        return try Self.read(type, from: url)
    }

    /// Loads an artifact if present (the report works with whatever ran); one that is there but cannot be
    /// read (another format, damaged) stops the stage like any other.
    func loadIfPresent<T: Decodable>(_ type: T.Type, _ name: String) throws -> T? {
        let url = file(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try Self.read(type, from: url)
    }

    /// Reads an artifact; one of another format or damaged is the operator's to fix (exit 64), in French.
    static func read<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        do {
            return try ArtifactCoding.read(type, from: url)
        } catch let error as ArtifactError {
            throw PipelineError.usage(error.description)
        } catch {
            throw PipelineError.usage("L'artefact \(url.lastPathComponent) est illisible : relancez l'exécution complète.")
        }
    }
}

extension StageContext {
    /// An artifact in memory when this command produced or read it already, else read once from the run.
    private func cached<T>(_ slot: ReferenceWritableKeyPath<ArtifactStore, T?>, _ read: () throws -> T) throws -> T {
        if let a = store[keyPath: slot] { return a }
        let a = try read()
        store[keyPath: slot] = a
        return a
    }

    func ingestArtifact() throws -> IngestArtifact {
        try cached(\.ingest) { try load(IngestArtifact.self, ArtifactName.ingest, producedBy: .ingest) }
    }

    /// normalized.json holds the keys only: joined again with ingest.json's records.
    func normalizedArtifact() throws -> NormalizedArtifact {
        try cached(\.normalized) {
            let file = try load(NormalizedFile.self, ArtifactName.normalized, producedBy: .normalize)
            return PersistedForms.normalized(file, ingest: try ingestArtifact())
        }
    }

    /// identity.json holds persons and review pairs only: joined again with ingest.json's records.
    func identityArtifact() throws -> IdentityArtifact {
        try cached(\.identity) {
            let file = try load(IdentityFile.self, ArtifactName.identity, producedBy: .match)
            return PersistedForms.identity(file, ingest: try ingestArtifact())
        }
    }

    func accountsArtifact() throws -> AccountsArtifact {
        try cached(\.accounts) { try load(AccountsArtifact.self, ArtifactName.accounts, producedBy: .accounts) }
    }

    /// For the report, which works with whatever ran: nil when the stage has neither run in this
    /// command (`inMemory`) nor left its file in the run folder.
    func ifPresent<T>(_ name: String, inMemory: Bool, _ read: () throws -> T) throws -> T? {
        if inMemory || FileManager.default.fileExists(atPath: file(name).path) { return try read() }
        return nil
    }
}

/// File names of the persisted artifacts, in one place.
enum ArtifactName {
    static let ingest = "ingest.json"
    static let normalized = "normalized.json"
    static let identity = "identity.json"
    static let accounts = "accounts.json"
    static let sheets = "sheets.json"
    static let summary = "summary.json"
    static let report = "report.html"
    static let rejects = "rejects.csv"
    static let warnings = "warnings.csv"
    static let review = "review.csv"
    static let linkReview = "link-review.csv"
    static let accountsCSV = "accounts.csv"
    static let lineage = "lineage.csv"
    static let directory = "directory.csv"
    /// The import bundles for One (`ent/Alim_<YYYYMMDD>_<UAI>_<label>.zip`), written by the accounts stage.
    static let entFolder = "ent"
    static let sheetsFolder = "sheets"
}
