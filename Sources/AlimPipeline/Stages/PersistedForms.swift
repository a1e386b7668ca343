import AlimCore
import AlimIdentity
import Foundation

/// `normalized.json`: what the normalize stage adds, the comparison keys, and nothing else.
///
/// The records are ingest.json's: an artifact never embeds the one before it, so a night writes and a
/// rerun reads each record once (`PersistedForms.normalized` joins the two again).
struct NormalizedFile: Codable, Sendable {
    /// One entry per accepted record, in the order of ingest.json's records (by ref).
    var keys: [NormalizedRecord]
}

/// `identity.json`: what the match stage adds, who is who and the pairs for the director.
///
/// The records and the inbox context are ingest.json's (`PersistedForms.identity` joins them again).
public struct IdentityFile: Codable, Sendable, Equatable {
    public var persons: [PersonCluster]
    public var review: [ReviewPair]
    public var candidatePairs: Int
    public var mergedPairs: Int

    init(_ identity: IdentityArtifact) {
        persons = identity.persons
        review = identity.review
        candidatePairs = identity.candidatePairs
        mergedPairs = identity.mergedPairs
    }
}

extension NormalizedFile: ChunkedArtifact {
    var chunkedFields: [ArtifactField] { [.array("keys", keys)] }
}

extension IdentityFile: ChunkedArtifact {
    public var chunkedFields: [ArtifactField] {
        [.array("persons", persons), .array("review", review), .value("candidatePairs", candidatePairs),
         .value("mergedPairs", mergedPairs)]
    }
}

/// Joins a persisted stage file with ingest.json into the artifact the stage handed on in memory;
/// the result equals that artifact field for field (`PersistedFormsTests`).
enum PersistedForms {
    static func normalized(_ file: NormalizedFile, ingest: IngestArtifact) -> NormalizedArtifact {
        NormalizedArtifact(ingest: Identity.view(of: ingest), keys: file.keys)
    }

    static func identity(_ file: IdentityFile, ingest: IngestArtifact) -> IdentityArtifact {
        let view = Identity.view(of: ingest)
        return IdentityArtifact(records: view.records, persons: file.persons, review: file.review,
                                candidatePairs: file.candidatePairs, mergedPairs: file.mergedPairs,
                                context: view.context)
    }
}

/// Reads a finished run's artifacts as the stages handed them on (tests and tools that inspect a run
/// folder): `identity.json` joined with `ingest.json`.
public enum RunFolderArtifacts {
    public static func identity(in runFolder: URL) throws -> IdentityArtifact {
        let ingest = try ArtifactCoding.read(IngestArtifact.self, from: runFolder.appendingPathComponent(ArtifactName.ingest))
        let file = try ArtifactCoding.read(IdentityFile.self, from: runFolder.appendingPathComponent(ArtifactName.identity))
        return PersistedForms.identity(file, ingest: ingest)
    }
}
