/// Chooses which pairs get scored: records sharing a key in any pass.
///
/// Comparing every pair is O(n²); the passes below keep the true pairs (one typo anywhere still leaves
/// another pass agreeing) while a block of a frequent key is capped so no pass explodes. Keys are built
/// from the interned ids of `FeatureTable` and packed into 128 bits without loss, so a block is a run
/// of equal keys after one sort: no string is built or hashed per record.
struct Blocker: Sendable {
    /// An exact block key: two 64-bit words.
    struct Key: Comparable, Sendable {
        var a: Int64
        var b: Int64
        static func < (x: Key, y: Key) -> Bool { (x.a, x.b) < (y.a, y.b) }
    }

    /// A named pass: appends the keys one record contributes (none when a field is missing).
    ///
    /// `refine`, when set, splits a block above `refineAbove` records by a second key (birth year for
    /// pupils, commune for guardians): a frequent name (MARTIN + NI…) no longer pairs every namesake of
    /// the département, while a rare name keeps its whole block.
    struct Pass: Sendable {
        let name: String
        var refine: (@Sendable (FeatureTable, Int) -> Int64)? = nil
        let keys: @Sendable (FeatureTable, Int, inout [Key]) -> Void
    }

    /// Blocks larger than this are skipped for that pass (other passes still cover their pairs).
    var maxBlock = 30
    /// Blocks larger than this are split by the pass's refining key, when it has one.
    var refineAbove = 6

    /// Refining keys: the birth year (pupils), the locality (guardians; -1 without address).
    static let byBirthYear: @Sendable (FeatureTable, Int) -> Int64 = { f, i in Int64(f.birth[i] < 0 ? -1 : f.birth[i] / 10000) }
    static let byLocality: @Sendable (FeatureTable, Int) -> Int64 = { f, i in Int64(f.locality[i]) }

    private static func pack(_ x: Int32, _ y: Int32) -> Int64 { Int64(x) << 32 | Int64(UInt32(bitPattern: y)) }

    static let ine = Pass(name: "ine") { f, i, out in
        if f.ine[i] >= 0 { out.append(Key(a: Int64(f.ine[i]), b: 0)) }
    }
    static let birthAndFirstInitial = Pass(name: "naissance+initiale-prenom") { f, i, out in
        guard f.birth[i] >= 0, f.firstPrefix[i] != 0 else { return }
        out.append(Key(a: Int64(f.birth[i]), b: Int64(f.firstPrefix[i] >> 8)))
    }
    static let birthAndSurnameInitial = Pass(name: "naissance+initiale-nom") { f, i, out in
        guard f.birth[i] >= 0 else { return }
        var seen: UInt8 = 0
        for k in f.surnameKeyRange(i) {
            let c = f.surnameInitial[k]
            // Keys are few (≤ 4) and initials mostly equal: skip repeats of the previous initial.
            if c == 0 || c == seen { continue }
            seen = c
            out.append(Key(a: Int64(f.birth[i]), b: Int64(c)))
        }
    }
    static let soundAndFirst = Pass(name: "son-nom+prenom") { f, i, out in
        for k in f.soundRange(i) { out.append(Key(a: Int64(f.sounds[k]), b: Int64(f.firstPrefix[i]))) }
    }
    static let soundAndFirstByYear = Pass(name: "son-nom+prenom", refine: byBirthYear, keys: soundAndFirst.keys)
    static let soundAndFirstByLocality = Pass(name: "son-nom+prenom", refine: byLocality, keys: soundAndFirst.keys)
    /// Surname and first name as an unordered pair: a record with swapped columns lands in the same block.
    static let sortedNames = Pass(name: "noms-tries") { f, i, out in
        let first = f.firstName[i].compact
        guard first >= 0 else { return }
        for k in f.surnameKeyRange(i) {
            let s = f.surnameKeys[k]
            out.append(Key(a: pack(min(s, first), max(s, first)), b: 0))
        }
    }
    static let sortedNamesByYear = Pass(name: "noms-tries", refine: byBirthYear, keys: sortedNames.keys)
    static let sortedNamesByLocality = Pass(name: "noms-tries", refine: byLocality, keys: sortedNames.keys)
    static let email = Pass(name: "courriel") { f, i, out in
        if f.email[i] >= 0 { out.append(Key(a: Int64(f.email[i]), b: 0)) }
    }
    static let phone = Pass(name: "telephone") { f, i, out in
        for k in Int(f.phoneStart[i])..<Int(f.phoneStart[i + 1]) { out.append(Key(a: Int64(f.phoneIDs[k]), b: 0)) }
    }
    static let nameAndAddress = Pass(name: "nom+adresse") { f, i, out in
        guard f.street[i] >= 0, f.locality[i] >= 0 else { return }
        for k in f.soundRange(i) {
            out.append(Key(a: pack(f.sounds[k], f.locality[i]), b: pack(f.number[i], f.street[i])))
        }
    }

    /// First name and address: a surname that lost a letter to an 8-bit export (`?AHIN` / `SAHIN`) changes
    /// its sound, so the surname passes miss it; one first name at one address is a short block.
    static let firstAndAddress = Pass(name: "prenom+adresse") { f, i, out in
        guard f.street[i] >= 0, f.locality[i] >= 0, f.firstName[i].compact >= 0 else { return }
        out.append(Key(a: pack(f.firstName[i].compact, f.locality[i]), b: pack(f.number[i], f.street[i])))
    }

    /// Passes for pupils.
    static let pupilPasses: [Pass] = [ine, birthAndFirstInitial, birthAndSurnameInitial, soundAndFirstByYear, sortedNamesByYear, email]

    /// Passes for guardians and contacts (the shared-child pass is added by the matcher).
    static let guardianPasses: [Pass] = [email, phone, soundAndFirstByLocality, sortedNamesByLocality, birthAndFirstInitial, nameAndAddress, firstAndAddress]

    /// Candidate pairs (indices, i < j) among `members`, deduplicated and sorted.
    ///
    /// Pairs are codes `i << 32 | j` gathered in one array, then sorted and made unique: cheaper than
    /// hashing every pair into a set, and the order is the scoring order.
    ///
    /// Passes are independent: with `threads` > 1 they run in contiguous groups on separate threads; the
    /// codes are sorted at the end, so the result does not depend on the split.
    func pairs(_ features: FeatureTable, members: [Int], passes: [Pass], extraBlocks: [[Int]] = [], threads: Int = 1) -> [UInt64] {
        var out: [UInt64] = Parallel.map(count: passes.count, threads: threads) { range in
            pairs(features, members: members, passes: passes[range])
        }
        for block in extraBlocks { addPairs(block, to: &out) }
        RadixSort.sort(&out)
        var unique: [UInt64] = []
        unique.reserveCapacity(out.count)
        for c in out where unique.last != c { unique.append(c) }
        return unique
    }

    /// The codes of `passes`' blocks, unsorted and with repeats.
    private func pairs(_ features: FeatureTable, members: [Int], passes: ArraySlice<Pass>) -> [UInt64] {
        var out: [UInt64] = []
        var entries: [(Key, Int32)] = []
        var keys: [Key] = []
        for pass in passes {
            entries.removeAll(keepingCapacity: true)
            for i in members {
                keys.removeAll(keepingCapacity: true)
                pass.keys(features, i, &keys)
                for k in keys { entries.append((k, Int32(i))) }
            }
            entries.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            var start = 0
            var block: [Int] = []
            while start < entries.count {
                var end = start + 1
                while end < entries.count, entries[end].0 == entries[start].0 { end += 1 }
                if end - start > refineAbove, let refine = pass.refine {
                    // Split by the refining key; members stay in index order within each sub-block.
                    let sub = entries[start..<end].map { (refine(features, Int($0.1)), Int($0.1)) }.sorted { $0 < $1 }
                    var s0 = 0
                    while s0 < sub.count {
                        var s1 = s0 + 1
                        while s1 < sub.count, sub[s1].0 == sub[s0].0 { s1 += 1 }
                        block.removeAll(keepingCapacity: true)
                        for e in s0..<s1 { block.append(sub[e].1) }
                        addPairs(block, to: &out)
                        s0 = s1
                    }
                } else if end - start > 1, end - start <= maxBlock {
                    block.removeAll(keepingCapacity: true)
                    for e in start..<end { block.append(Int(entries[e].1)) }
                    addPairs(block, to: &out)
                }
                start = end
            }
        }
        return out
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
