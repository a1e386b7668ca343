import AlimCore

/// lineage.csv's rows: every accepted record, its person, and the account it gives on its own
/// platform (a primary record → the `one` account, a collège record → the `college` account,
/// a contact → none).
enum Lineage {
    static func entries(_ identity: IdentityArtifact, _ outcome: RunOutcome) -> [LineageEntry] {
        var clusterOf: [RecordRef: PersonID] = [:]
        for c in Planner.completeClusters(identity) { for r in c.records { clusterOf[r] = c.id } }
        return identity.records.sorted { $0.ref < $1.ref }.map { r in
            let person = clusterOf[r.ref] ?? "rec:\(r.ref)"
            let account: AccountID? = r.kind == .contact ? nil :
                outcome.accountFor[RunOutcome.slotKey(person, platform(of: r.stage), r.kind == .pupil ? .pupil : .guardian)]
            return LineageEntry(record: r.ref, kind: r.kind, personId: person, accountId: account)
        }
    }
}
