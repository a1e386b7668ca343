/// Chooses which pairs get scored: records sharing a key in any pass.
///
/// Comparing every pair is O(n²); the passes below keep the true pairs (one typo anywhere still leaves
/// another pass agreeing) while a block of a frequent key is capped so no pass explodes.
struct Blocker: Sendable {
    /// A named pass: the keys one record contributes (empty = none).
    struct Pass: Sendable {
        let name: String
        let keys: @Sendable (NormalizedRecord) -> [String]
    }

    /// Blocks larger than this are skipped for that pass (other passes still cover their pairs).
    var maxBlock = 30

    /// Passes for pupils.
    static let pupilPasses: [Pass] = [
        Pass(name: "ine") { r in r.ine.map { [$0] } ?? [] },
        Pass(name: "naissance+initiale-prenom") { r in
            guard let d = r.birthDate, let c = r.firstName.compact.first else { return [] }
            return [d + String(c)]
        },
        Pass(name: "naissance+initiale-nom") { r in
            guard let d = r.birthDate else { return [] }
            return Set(r.surnameKeys.compactMap { $0.first.map { d + String($0) } }).sorted()
        },
        Pass(name: "son-nom+prenom") { r in soundAndFirst(r) },
        Pass(name: "noms-tries") { r in sortedNames(r) },
        Pass(name: "courriel") { r in r.email.map { [$0] } ?? [] },
    ]

    /// Passes for guardians and contacts (the shared-child pass is added by the matcher).
    static let guardianPasses: [Pass] = [
        Pass(name: "courriel") { r in r.email.map { [$0] } ?? [] },
        Pass(name: "telephone") { r in r.phones },
        Pass(name: "son-nom+prenom") { r in soundAndFirst(r) },
        Pass(name: "noms-tries") { r in sortedNames(r) },
        Pass(name: "naissance+initiale-prenom") { r in
            guard let d = r.birthDate, let c = r.firstName.compact.first else { return [] }
            return [d + String(c)]
        },
        Pass(name: "nom+adresse") { r in
            guard let a = r.address, let loc = a.locality, !a.street.isEmpty else { return [] }
            return r.surnameSounds.map { "\($0)|\(loc)|\(a.number ?? "")|\(a.street)" }
        },
    ]

    private static func soundAndFirst(_ r: NormalizedRecord) -> [String] {
        let f = String(r.firstName.compact.prefix(2))
        return r.surnameSounds.map { $0 + "|" + f }
    }

    /// Surname and first name as an unordered pair: a record with swapped columns lands in the same block.
    private static func sortedNames(_ r: NormalizedRecord) -> [String] {
        guard !r.firstName.isEmpty else { return [] }
        return r.surnameKeys.map { [$0, r.firstName.compact].sorted().joined(separator: "|") }
    }

    /// Candidate pairs (indices into `keys`, i < j) among `members`, deduplicated and sorted.
    ///
    /// Pairs are codes `i << 32 | j` gathered in one array, then sorted and made unique: cheaper than
    /// hashing every pair into a set, and the order is the scoring order.
    func pairs(_ keys: [NormalizedRecord], members: [Int], passes: [Pass], extraBlocks: [[Int]] = []) -> [UInt64] {
        var out: [UInt64] = []
        for pass in passes {
            var blocks: [String: [Int]] = [:]
            for i in members {
                for k in pass.keys(keys[i]) where !k.isEmpty { blocks[k, default: []].append(i) }
            }
            for (_, block) in blocks { addPairs(block, to: &out) }
        }
        for block in extraBlocks { addPairs(block, to: &out) }
        out.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(out.count)
        for c in out where unique.last != c { unique.append(c) }
        return unique
    }

    private func addPairs(_ block: [Int], to out: inout [UInt64]) {
        guard block.count > 1, block.count <= maxBlock else { return }
        for x in 0..<block.count {
            for y in (x + 1)..<block.count where block[x] != block[y] {
                let (i, j) = block[x] < block[y] ? (block[x], block[y]) : (block[y], block[x])
                out.append(UInt64(i) << 32 | UInt64(j))
            }
        }
    }
}
