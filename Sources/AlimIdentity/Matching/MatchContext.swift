import AlimCore

/// What the scorer needs beyond the two records: name frequencies and the family graph.
struct MatchContext: Sendable {
    let records: [PersonRecord]
    let keys: [NormalizedRecord]
    /// Records per surname key (compact and without particles): the term-frequency u-probabilities.
    let surnameCount: [String: Int]
    /// Records per compact first name.
    let firstNameCount: [String: Int]
    let population: Int
    /// Pupils: signatures (phone, e-mail, name) of the guardian records linked to them.
    var guardianSignatures: [Set<String>]
    /// Guardians: the pupil persons (cluster numbers) they are linked to; filled once pupils are resolved.
    var childPersons: [Set<Int>]
    /// Guardians: the relationship code given for each child person, when the source gives one.
    var childRelations: [[Int: String]]

    /// The population below which name frequencies are treated as if observed among this many records.
    static let minimumPopulation = 2000

    init(records: [PersonRecord], keys: [NormalizedRecord]) {
        self.records = records
        self.keys = keys
        var surnames: [String: Int] = [:], firsts: [String: Int] = [:]
        for k in keys {
            for s in k.surnameKeys { surnames[s, default: 0] += 1 }
            firsts[k.firstName.compact, default: 0] += 1
        }
        surnameCount = surnames
        firstNameCount = firsts
        // A floor on the population: in a small inbox, observed frequencies say nothing (a name seen twice
        // among four records is not common), so rare-name weights need a population of a few thousand.
        population = max(keys.count, Self.minimumPopulation)
        childPersons = Array(repeating: [], count: keys.count)
        childRelations = Array(repeating: [:], count: keys.count)
        var signatures = Array(repeating: Set<String>(), count: keys.count)
        let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1.ref, $0) })
        for (g, record) in records.enumerated() where record.kind != .pupil {
            let k = keys[g]
            var sig = Set(k.phones.map { "T" + $0 })
            if let e = k.email { sig.insert("E" + e) }
            if !k.lastName.isEmpty, !k.firstName.isEmpty { sig.insert("N" + k.lastName.compact + "|" + k.firstName.compact) }
            for link in record.links { if let p = index[link.pupil] { signatures[p].formUnion(sig) } }
        }
        guardianSignatures = signatures
    }

    /// Records each pupil-person's guardians, so "shares a child" compares persons, not records.
    mutating func setChildPersons(pupilCluster: [Int?]) {
        let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1.ref, $0) })
        for (g, record) in records.enumerated() where record.kind != .pupil {
            childPersons[g] = Set(record.links.compactMap { index[$0.pupil].flatMap { pupilCluster[$0] } })
            for link in record.links {
                guard let rel = link.relationship.map({ TextFolding.fold($0).trimmingCharacters(in: .whitespaces) }), !rel.isEmpty,
                      let c = index[link.pupil].flatMap({ pupilCluster[$0] }) else { continue }
                childRelations[g][c] = rel
            }
        }
    }
}
