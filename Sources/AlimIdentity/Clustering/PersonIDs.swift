import AlimCore

/// Derives a `PersonID` from a cluster's content so the same person keeps it across runs.
///
/// The key is the most stable thing the cluster holds, in this order: the smallest INE (national and
/// permanent), else the smallest source identifier (`ELEVE_ID`, `PERSONNE_ID`, `ENTPersonJointure`,
/// stable from year to year in its source), else the smallest normalised identity
/// (`surname|first name|birth date|e-mail|phone`), else the smallest record ref. The id is `P` plus 12
/// hex digits of FNV-1a of that key. Two clusters that would share an id (homonyms with no date nor
/// contact) both fall back to their smallest record ref, which is unique within a run.
enum PersonIDs {
    /// Clusters are independent: their keys are computed in contiguous ranges on `threads` threads.
    static func assign(clusters: [[Int]], records: [PersonRecord], keys: [NormalizedRecord], threads: Int? = nil) -> [PersonID] {
        let primary = Parallel.map(count: clusters.count, threads: Parallel.threads(threads, count: clusters.count)) { range in
            clusters[range].map { stableKey($0, records: records, keys: keys) }
        }
        // A key shared by two clusters: found by sorting the keys' hashes (equal strings have equal
        // hashes; equal hashes are compared as strings), cheaper than a dictionary of 100,000 strings.
        let hashes = primary.map(StableHash.fnv1a)
        let order = hashes.indices.sorted { (hashes[$0], $0) < (hashes[$1], $1) }
        var shared = [Bool](repeating: false, count: primary.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, hashes[order[end]] == hashes[order[start]] { end += 1 }
            for x in start..<end { for y in start..<end where x != y && primary[order[x]] == primary[order[y]] { shared[order[x]] = true } }
            start = end
        }
        return clusters.indices.map { c in
            shared[c] ? "P" + StableHash.hex("REF:" + smallestRef(clusters[c], records: records)) : "P" + StableHash.hex(hashes[c])
        }
    }

    /// Cluster indices sorted by (id, first member): `P` and 12 lower-case hex digits compare as the
    /// 48-bit number they spell, so integers are sorted rather than strings (any other id, never made
    /// here, falls back to comparing strings).
    static func sortOrder(_ ids: [PersonID], firsts: [Int]) -> [Int] {
        var numbers: [UInt64] = []
        numbers.reserveCapacity(ids.count)
        for id in ids {
            guard let n = hexNumber(id) else {
                return ids.indices.sorted { (ids[$0], firsts[$0]) < (ids[$1], firsts[$1]) }
            }
            numbers.append(n)
        }
        return ids.indices.sorted { (numbers[$0], firsts[$0]) < (numbers[$1], firsts[$1]) }
    }

    /// The number a `P` + 12 lower-case hex digit id spells, or nil for any other shape.
    static func hexNumber(_ id: PersonID) -> UInt64? {
        var id = id
        return id.withUTF8 { b -> UInt64? in
            guard b.count == 13, b[0] == UInt8(ascii: "P") else { return nil }
            var n: UInt64 = 0
            for k in 1..<13 {
                let c = b[k]
                let v: UInt8
                switch c {
                case 48...57: v = c - 48
                case 97...102: v = c - 87
                default: return nil
                }
                n = n << 4 | UInt64(v)
            }
            return n
        }
    }

    static func stableKey(_ members: [Int], records: [PersonRecord], keys: [NormalizedRecord]) -> String {
        if let ine = members.compactMap({ keys[$0].ine }).min() { return "INE:" + ine }
        let externals = members.compactMap { i -> String? in
            guard let e = records[i].externalId, !e.isEmpty else { return nil }
            return records[i].source.rawValue + ":" + e
        }
        if let ext = externals.min() { return "EXT:" + ext }
        // Fields read in place: `let k = keys[i]` would copy the whole record (a retain per field).
        let identities = members.map { i -> String in
            [keys[i].kind == .pupil ? "E" : "R", keys[i].lastName.compact, keys[i].firstName.compact, keys[i].birthDate ?? "",
             keys[i].email ?? "", keys[i].phones.first ?? ""].joined(separator: "|")
        }
        return "ID:" + (identities.min() ?? smallestRef(members, records: records))
    }

    static func smallestRef(_ members: [Int], records: [PersonRecord]) -> String {
        let ref = members.map { records[$0].ref }.min()!
        return "\(ref.file)#\(ref.ref)"
    }
}
