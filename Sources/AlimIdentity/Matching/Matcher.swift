import AlimCore

/// What a match run measured besides its artifact, for benchmarks and the run summary.
public struct MatchDiagnostics: Sendable {
    /// Record refs in index order: candidate codes point into it.
    public var refs: [RecordRef]
    /// Every candidate pair that was scored, as `i << 32 | j` with i < j indices into `refs`.
    public var candidateCodes: [UInt64]
    /// Every candidate pair that was scored (sorted refs).
    public var candidates: [(RecordRef, RecordRef)] {
        candidateCodes.map { (refs[Int($0 >> 32)], refs[Int($0 & 0xFFFF_FFFF)]) }
    }
    /// Unions refused because the cluster would have held a forbidden pair.
    public var refusedUnions: Int
}

/// The matching engine: pupils first, then guardians (so "shares a child" uses pupil persons).
struct Matcher {
    let normalized: NormalizedArtifact
    let decisions: [PairDecision]
    let config: IdentityConfig
    /// Requested thread count (nil = automatic), see `Parallel.threads`.
    var threads: Int? = nil

    /// One scored candidate pair and what became of it.
    struct Scored: Sendable {
        let i: Int, j: Int
        let assessment: PairAssessment
        let verdict: RuleVerdict
    }

    func run() -> (IdentityArtifact, MatchDiagnostics) {
        let records = normalized.ingest.records
        let keys = normalized.keys
        var context = MatchContext(records: records, keys: keys, threads: threads)
        let book = DecisionBook(decisions, index: context.index)
        var uf = UnionFind(count: keys.count)
        var state = RunState()

        let pupils = keys.indices.filter { keys[$0].kind == .pupil }
        let guardians = keys.indices.filter { keys[$0].kind != .pupil }

        resolve(pupils, guardianPhase: false, passes: Blocker.pupilPasses, extraBlocks: [], context: context, book: book, uf: &uf, state: &state)

        // Pupil persons are known: number them and let guardians see which child persons they share.
        var pupilCluster = [Int?](repeating: nil, count: keys.count)
        for p in pupils { pupilCluster[p] = uf.find(p) }
        context.setChildPersons(pupilCluster: pupilCluster)
        var childBlocks: [Int: [Int]] = [:]
        for g in guardians { for c in context.features.childRange(g) { childBlocks[Int(context.features.childIDs[c]), default: []].append(g) } }
        let extra = childBlocks.keys.sorted().map { childBlocks[$0]! }

        // ONDE rows that continue one guardian (four or more children) are one person whatever the scores.
        for g in guardians {
            guard let first = records[g].continues, let f = context.index[first], keys[f].isGuardianType else { continue }
            if uf.union(g, f) { state.merged += 1 }
        }

        resolve(guardians, guardianPhase: true, passes: Blocker.guardianPasses, extraBlocks: extra, context: context, book: book, uf: &uf, state: &state)

        return assemble(records: records, keys: keys, uf: &uf, state: state)
    }

    /// Accumulates what both populations produce.
    struct RunState {
        var candidates: [UInt64] = []
        var review: [ReviewPair] = []
        var merged = 0
        var refused = 0
    }

    private func resolve(_ members: [Int], guardianPhase: Bool, passes: [Blocker.Pass], extraBlocks: [[Int]], context: MatchContext,
                         book: DecisionBook, uf: inout UnionFind, state: inout RunState) {
        let keys = context.keys
        let scorer = PairScorer(context: context)
        let pairCodes = Blocker().pairs(context.features, members: members, passes: passes, extraBlocks: extraBlocks,
                                        threads: Parallel.threads(threads, count: members.count))
        state.candidates.append(contentsOf: pairCodes)
        // Pairs are independent: contiguous ranges are scored on separate threads, joined in pair order.
        let scored: [Scored] = Parallel.map(count: pairCodes.count, threads: Parallel.threads(threads, count: pairCodes.count)) { range in
            var out: [Scored] = []
            out.reserveCapacity(range.count)
            for code in pairCodes[range] {
                let i = Int(code >> 32), j = Int(code & 0xFFFF_FFFF)
                if book.verdict(i, j) != nil { continue }  // decided pairs are applied below, never re-asked
                let a = scorer.assess(i, j)
                out.append(Scored(i: i, j: j, assessment: a, verdict: HardRules.check(a)))
            }
            return out
        }

        // The director's merges win (never across pupil/guardian, never against a distinct decision).
        for (i, j) in book.merges where keys[i].isGuardianType == guardianPhase && keys[j].isGuardianType == guardianPhase {
            if !clusterHasDecidedDistinct(uf.find(i), uf.find(j), uf: &uf, book: book), uf.union(i, j) { state.merged += 1 }
        }

        // Automatic merges, strongest first; each union is checked against every pair it would join.
        let merges = scored.filter { $0.assessment.score >= config.mergeThreshold && $0.verdict == .allow }
            .sorted { ($0.assessment.score, $1.i, $1.j) > ($1.assessment.score, $0.i, $0.j) }
        var pending: [(Scored, String?)] = []
        // Pairs the rules hold for the director (a one-letter first-name typo with the same home…) still say
        // that a record resembles someone: a merge of that record with another who cannot be that someone
        // is as much a coin toss as between two merges.
        let plausible = scored.filter {
            guard $0.assessment.score >= config.reviewThreshold, case .noMerge = $0.verdict else { return false }
            return true
        }
        let ambiguous = ambiguousMerges(merges, plausible: plausible, scorer: scorer, book: book)
        for s in merges {
            if ambiguous.contains(DecisionBook.code(s.i, s.j)) {
                pending.append((s, "fusion suspendue : ressemble autant à deux personnes qui ne peuvent pas être la même"))
                continue
            }
            let ra = uf.find(s.i), rb = uf.find(s.j)
            if ra == rb { continue }
            if let reason = forbiddenInUnion(ra, rb, uf: &uf, scorer: scorer, book: book) {
                state.refused += 1
                pending.append((s, reason))
            } else {
                uf.union(ra, rb)
                state.merged += 1
            }
        }
        for s in scored where s.assessment.score < config.mergeThreshold || s.verdict != .allow {
            if case .distinct = s.verdict { continue }
            if case .insufficient = s.verdict { continue }
            if s.assessment.score >= config.reviewThreshold || s.assessment.score >= config.mergeThreshold {
                pending.append((s, nil))
            }
        }
        let explainer = PairScorer(context: context, explain: true)
        for (s, extra) in pending where uf.find(s.i) != uf.find(s.j) {
            var reasons = explainer.assess(s.i, s.j).reasons
            if case let .noMerge(reason, _) = s.verdict { reasons.append("fusion automatique interdite : " + reason) }
            if let extra { reasons.append(extra) }
            let a = keys[s.i].ref, b = keys[s.j].ref
            state.review.append(ReviewPair(id: PairID.make(a, b), a: min(a, b), b: max(a, b),
                                           score: (s.assessment.score * 100).rounded() / 100, reasons: reasons))
        }
    }

    /// Score gap under which two candidate merges of one record count as equally likely.
    static let ambiguityMargin = 8.0

    /// Merges of a record that resembles, about equally, two records that can never be one person
    /// (a father's ONDE row that fits both him and his homonymous father in SIECLE): choosing by score
    /// order would be a coin toss, so both go to review.
    private func ambiguousMerges(_ merges: [Scored], plausible: [Scored], scorer: PairScorer, book: DecisionBook) -> Set<UInt64> {
        // Each candidate (merges first, then plausible pairs) is listed under both its records as
        // `record << 32 | side`, side = 2 × candidate + (0: i, 1: j); one sort of integers groups a record's
        // candidates (no dictionary of arrays). Only merges are ever marked.
        let candidates = merges + plausible
        var sides: [UInt64] = []
        sides.reserveCapacity(candidates.count * 2)
        for (k, s) in candidates.enumerated() {
            sides.append(UInt64(s.i) << 32 | UInt64(2 * k))
            sides.append(UInt64(s.j) << 32 | UInt64(2 * k + 1))
        }
        sides.sort()
        var out = Set<UInt64>()
        var ns: [(Int, Double, Bool, Bool)] = []
        var start = 0
        while start < sides.count {
            var end = start + 1
            while end < sides.count, sides[end] >> 32 == sides[start] >> 32 { end += 1 }
            defer { start = end }
            guard end - start > 1, end - start <= 12 else { continue }
            let x = Int(sides[start] >> 32)
            ns.removeAll(keepingCapacity: true)
            for e in start..<end {
                let side = Int(sides[e] & 0xFFFF_FFFF), s = candidates[side / 2]
                ns.append((side % 2 == 0 ? s.j : s.i, s.assessment.score, s.assessment.hasPersonalCorroboration, side / 2 < merges.count))
            }
            for m in 0..<ns.count {
                for n in (m + 1)..<ns.count where abs(ns[m].1 - ns[n].1) < Self.ambiguityMargin && (ns[m].3 || ns[n].3) {
                    let (y, z) = (ns[m].0, ns[n].0)
                    if book.verdict(y, z) == .distinct || HardRules.check(scorer.assess(y, z)).forbidsCluster {
                        // A mobile or e-mail in common with one and only the household (landline, address) with
                        // the other is no coin toss: the father's row shares his e-mail, the grandfather's only the
                        // home. The personal match stands; the household one goes to the director.
                        if ns[m].2 != ns[n].2 {
                            let household = ns[m].2 ? n : m
                            if ns[household].3 { out.insert(DecisionBook.code(x, ns[household].0)) }
                        } else {
                            if ns[m].3 { out.insert(DecisionBook.code(x, y)) }
                            if ns[n].3 { out.insert(DecisionBook.code(x, z)) }
                        }
                    }
                }
            }
        }
        return out
    }

    private func clusterHasDecidedDistinct(_ ra: Int, _ rb: Int, uf: inout UnionFind, book: DecisionBook) -> Bool {
        for x in uf.members[ra] { for y in uf.members[rb] where book.verdict(x, y) == .distinct { return true } }
        return false
    }

    /// The French reason a union of clusters `ra` and `rb` is refused, or nil when every joined pair is allowed.
    private func forbiddenInUnion(_ ra: Int, _ rb: Int, uf: inout UnionFind, scorer: PairScorer, book: DecisionBook) -> String? {
        let keys = scorer.context.keys
        for x in uf.members[ra] {
            for y in uf.members[rb] {
                if book.verdict(x, y) == .distinct {
                    return "fusion refusée : le groupe réunirait une paire déclarée distincte par la direction"
                }
                let verdict = HardRules.check(scorer.assess(x, y))
                if verdict.forbidsCluster {
                    return "fusion refusée : le groupe réunirait \(keys[x].ref) et \(keys[y].ref), interdits ensemble"
                }
            }
        }
        return nil
    }

    private func assemble(records: [PersonRecord], keys: [NormalizedRecord], uf: inout UnionFind, state: RunState) -> (IdentityArtifact, MatchDiagnostics) {
        var clusters: [[Int]] = []
        // Records are sorted by ref (`Identity.normalize`), so index order is ref order: sort integers.
        for i in keys.indices where uf.find(i) == i { clusters.append(uf.members[i].sorted()) }
        let ids = PersonIDs.assign(clusters: clusters, records: records, keys: keys, threads: threads)
        // Person ids are unique (`PersonIDs` falls back to the smallest ref on a clash); the first
        // member's index breaks any tie as its ref would. Persons are built straight in that order.
        let order = PersonIDs.sortOrder(ids, firsts: clusters.map { $0[0] })
        let frozen = clusters
        let persons: [PersonCluster] = Parallel.fill(count: clusters.count, threads: Parallel.threads(threads, count: clusters.count)) { range, write in
            for k in range {
                let c = order[k], members = frozen[c]
                write(k, PersonCluster(id: ids[c], kind: ClusterKind.of(members, records), records: members.map { keys[$0].ref }))
            }
        }
        var seen = Set<String>()
        let review = state.review.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
        let artifact = IdentityArtifact(records: records, persons: persons, review: review,
                                        candidatePairs: state.candidates.count, mergedPairs: state.merged,
                                        context: normalized.ingest.context)
        let diag = MatchDiagnostics(refs: keys.map(\.ref), candidateCodes: state.candidates, refusedUnions: state.refused)
        return (artifact, diag)
    }
}

/// The kind of a resolved person.
enum ClusterKind {
    /// Pupil; guardian when any record is a guardian or has a legal link; else contact.
    static func of(_ members: [Int], _ records: [PersonRecord]) -> RecordKind {
        if members.contains(where: { records[$0].kind == .pupil }) { return .pupil }
        if members.contains(where: { records[$0].kind == .guardian || records[$0].links.contains { $0.role == .legal } }) { return .guardian }
        return .contact
    }
}
