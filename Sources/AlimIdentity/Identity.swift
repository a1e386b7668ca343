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

    /// review.csv: French headers and the evidence a director can judge.
    public static func reviewCSV(_ identity: IdentityArtifact) -> CSVOutput {
        CSVOutput(header: ["paire"])
    }
}

/// The normalize stage's artifact: the ingest artifact plus comparison keys per record.
public struct NormalizedArtifact: Codable, Sendable, Equatable {
    public var ingest: IngestArtifact
    public init(ingest: IngestArtifact) { self.ingest = ingest }
}

/// The director's decisions on review pairs, kept in `WORKDIR/decisions.csv` (editable by hand),
/// applied on every later run so a decided pair is never asked again.
public struct DecisionStore: Sendable {
    public let url: URL
    public init(url: URL) { self.url = url }
    /// Every decision recorded so far (empty when the file does not exist).
    public func load() throws -> [PairDecision] { [] }
    /// Records (or replaces) the decision on one pair.
    public func record(_ decision: PairDecision) throws {}
}
