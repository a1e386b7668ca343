import AlimCore

/// The director's decisions indexed by record pair, for O(1) lookups during matching.
struct DecisionBook: Sendable {
    private var verdicts: [UInt64: PairDecision.Verdict] = [:]
    /// Merge decisions whose two records are both in tonight's inbox, in file order.
    private(set) var merges: [(Int, Int)] = []

    init(_ decisions: [PairDecision], index: [RecordRef: Int]) {
        // Later lines win, so a hand edit appended to the file overrides an older decision.
        for d in decisions {
            guard let i = index[d.a], let j = index[d.b], i != j else { continue }
            verdicts[Self.code(i, j)] = d.verdict
        }
        merges = verdicts.filter { $0.value == .merge }.keys.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
    }

    static func code(_ i: Int, _ j: Int) -> UInt64 {
        let (x, y) = i < j ? (i, j) : (j, i)
        return UInt64(x) << 32 | UInt64(y)
    }

    func verdict(_ i: Int, _ j: Int) -> PairDecision.Verdict? { verdicts[Self.code(i, j)] }
}
