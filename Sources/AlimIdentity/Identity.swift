import AlimCore
import Foundation

/// The identity stages: normalisation, then matching into persons.
public enum Identity {
    /// Normalises every record into comparison keys (its own persisted artifact).
    public static func normalize(_ ingest: IngestArtifact) -> NormalizedArtifact {
        NormalizedArtifact(ingest: ingest)
    }

    /// Groups records into persons, applying the director's decisions; uncertain pairs go to review.
    public static func match(_ normalized: NormalizedArtifact, decisions: [PairDecision], config: IdentityConfig) -> IdentityArtifact {
        IdentityArtifact(records: normalized.ingest.records, persons: [], review: [], candidatePairs: 0, mergedPairs: 0,
                         context: normalized.ingest.context)
    }
}

/// The normalize stage's artifact: the ingest artifact plus comparison keys per record.
public struct NormalizedArtifact: Codable, Sendable, Equatable {
    public var ingest: IngestArtifact
    public init(ingest: IngestArtifact) { self.ingest = ingest }
}
