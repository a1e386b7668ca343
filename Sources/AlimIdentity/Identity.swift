import AlimCore
import Foundation

/// The identity stages: normalisation, then matching into persons.
public enum Identity {
    /// Normalises every record into comparison keys (its own persisted artifact), so matching never
    /// depends on accents, case, separators, date or phone spelling.
    ///
    /// `threads`: nil = automatic (two threads above 20,000 records); an explicit count forces the split
    /// (the output is byte-identical whatever the count).
    public static func normalize(_ ingest: IngestArtifact, threads: Int? = nil) -> NormalizedArtifact {
        let view = view(of: ingest)
        return NormalizedArtifact(ingest: view, keys: RecordNormalizer.normalizeAll(view.records, threads: threads))
    }

    /// The ingest artifact as the identity stages hand it on: without the ENT's lines, records by ref.
    /// Also what joins a persisted `normalized.json` or `identity.json` back with `ingest.json`.
    public static func view(of ingest: IngestArtifact) -> IngestArtifact {
        var view = ingest
        // The ENT's activation codes stay in ingest.json: the accounts stage reads them from there,
        // and no later artifact needs a copy of a secret.
        view.entCredentials = []
        // By index: iterating `zip` over the records would copy every record (a dozen retains) per step.
        let records = view.records
        if !records.indices.dropFirst().allSatisfy({ records[$0 - 1].ref < records[$0].ref }) {
            view.records.sort { $0.ref < $1.ref }
        }
        return view
    }

    /// Groups records into persons, applying the director's decisions; uncertain pairs go to review.
    ///
    /// Pupils are resolved first, then guardians and contacts (a pupil and a guardian are never one
    /// person). Pairs scoring at or above `mergeThreshold` merge unless a hard rule forbids it; pairs
    /// between the thresholds, or forbidden but plausible, go to review; the rest stay distinct.
    ///
    /// `threads`: as for `normalize` (candidate pairs are scored in contiguous ranges on that many threads).
    public static func match(_ normalized: NormalizedArtifact, decisions: [PairDecision], config: IdentityConfig,
                             threads: Int? = nil) -> IdentityArtifact {
        matchWithDiagnostics(normalized, decisions: decisions, config: config, threads: threads).0
    }

    /// `match`, plus the candidate pairs and refused unions a benchmark needs to measure blocking.
    public static func matchWithDiagnostics(_ normalized: NormalizedArtifact, decisions: [PairDecision],
                                            config: IdentityConfig, threads: Int? = nil) -> (IdentityArtifact, MatchDiagnostics) {
        let keys = normalized.keys, records = normalized.ingest.records
        let aligned = keys.count == records.count && keys.indices.allSatisfy { keys[$0].ref == records[$0].ref }
        let ready = aligned ? normalized : normalize(normalized.ingest, threads: threads)
        return Matcher(normalized: ready, decisions: decisions, config: config, threads: threads).run()
    }

    /// review.csv: French headers and the evidence a director can judge.
    public static func reviewCSV(_ identity: IdentityArtifact) -> CSVOutput {
        ReviewSheet.csv(identity)
    }
}

/// The normalize stage's artifact: the ingest artifact plus comparison keys per record.
public struct NormalizedArtifact: Codable, Sendable, Equatable {
    public var ingest: IngestArtifact
    /// One entry per accepted record, sorted by ref (same order as `ingest.records`).
    public var keys: [NormalizedRecord]

    public init(ingest: IngestArtifact, keys: [NormalizedRecord]) {
        self.ingest = ingest
        self.keys = keys
    }

    /// Builds the keys from the ingest artifact.
    public init(ingest: IngestArtifact) {
        self = Identity.normalize(ingest)
    }
}
