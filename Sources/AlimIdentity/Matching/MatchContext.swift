import AlimCore

/// What the scorer needs beyond the two records: name frequencies and the family graph, as flat features.
struct MatchContext: Sendable {
    let records: [PersonRecord]
    let keys: [NormalizedRecord]
    var features: FeatureTable
    /// Record index by ref, built once per run.
    let index: [RecordRef: Int]
    let population: Int

    /// The population below which name frequencies are treated as if observed among this many records.
    static let minimumPopulation = 2000

    init(records: [PersonRecord], keys: [NormalizedRecord], threads: Int? = nil) {
        self.records = records
        self.keys = keys
        var index: [RecordRef: Int] = [:]
        index.reserveCapacity(keys.count)
        for i in keys.indices { index[keys[i].ref] = i }
        self.index = index
        features = FeatureTable(keys: keys, records: records, index: index, threads: threads)
        // A floor on the population: in a small inbox, observed frequencies say nothing (a name seen twice
        // among four records is not common), so rare-name weights need a population of a few thousand.
        population = max(keys.count, Self.minimumPopulation)
    }

    /// Records each pupil-person's guardians, so "shares a child" compares persons, not records.
    mutating func setChildPersons(pupilCluster: [Int?]) {
        features.setChildPersons(pupilCluster: pupilCluster)
    }
}
