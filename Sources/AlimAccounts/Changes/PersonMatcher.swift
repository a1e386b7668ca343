import AlimCore

/// Finds tonight's persons among the stored ones, so an account id never changes for the same human.
///
/// Tier by tier (see `MatchKey` for the order), persons taken in cluster-id order each claim the
/// unclaimed stored person of the same kind sharing a key of that tier (several: the one sharing the
/// most keys overall, then the smallest id). Pupils are matched
/// first, because a guardian's `nc:` key names one of their already-matched children.
enum PersonMatcher {
    /// Tonight's cluster id → stored person id, for the persons found again.
    static func match(_ planned: [PlannedPerson], stored: [PersonRow]) -> [PersonID: String] {
        var index: [String: [String]] = [:]
        var kindOf: [String: RecordKind] = [:]
        var keysOf: [String: Set<String>] = [:]
        for p in stored {
            kindOf[p.id] = p.kind
            keysOf[p.id] = Set(p.keys)
            for k in p.keys { index[k, default: []].append(p.id) }
        }
        for k in index.keys { index[k]!.sort() }
        var matched: [PersonID: String] = [:]
        var claimed = Set<String>()

        func run(kind: RecordKind, tiers: [String], tonightKeys: (PlannedPerson) -> [String]) {
            let people = planned.filter { $0.kind == kind }.sorted { $0.clusterId < $1.clusterId }
            // Each person's keys once for every tier (a guardian's `nc:` keys depend only on the pupils,
            // matched before any guardian).
            let keysOfPerson = people.map(tonightKeys)
            var keySets: [Set<String>?] = Array(repeating: nil, count: people.count)
            for tier in tiers {
                for (n, p) in people.enumerated() where matched[p.clusterId] == nil {
                    let candidates = keysOfPerson[n].filter { $0.hasPrefix(tier) }
                        .flatMap { index[$0] ?? [] }
                        .filter { !claimed.contains($0) && kindOf[$0] == kind }
                    guard !candidates.isEmpty else { continue }
                    // Homonyms sharing a key: the stored person sharing the most keys wins, then the oldest.
                    if keySets[n] == nil { keySets[n] = Set(keysOfPerson[n]) }
                    let all = keySets[n]!
                    let best = candidates.count == 1 ? candidates.first : candidates.min { a, b in
                        let sa = keysOf[a, default: []].intersection(all).count
                        let sb = keysOf[b, default: []].intersection(all).count
                        return sa != sb ? sa > sb : a < b
                    }
                    if let best {
                        matched[p.clusterId] = best
                        claimed.insert(best)
                    }
                }
            }
        }
        run(kind: .pupil, tiers: MatchKey.pupilTiers) { $0.keys }
        run(kind: .guardian, tiers: MatchKey.guardianTiers) { keys(of: $0, personOf: matched) }
        return matched
    }

    /// Every key of a person, `nc:` keys included for the children whose stored person is known.
    static func keys(of p: PlannedPerson, personOf: [PersonID: String]) -> [String] {
        var keys = p.keys
        for child in p.childClusters {
            guard let pid = personOf[child] else { continue }
            for name in p.nameKeys { keys.append(MatchKey.childKey(name: name, childPerson: pid)) }
        }
        return Array(Set(keys)).sorted()
    }
}
