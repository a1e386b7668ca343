import AlimCore

/// Two stored accounts that turn out, tonight, to be one person's (a director's `merge` decision, or
/// a better match): one survives, the other is retired as merged into it.
///
/// Found from the records: a stored account that no person claimed tonight, of the same platform and
/// profile, built last time from records that tonight belong to a planned account, is that account's
/// person. Matching on records only (never on names) keeps a namesake who left (a grandfather with
/// the father's name) from being taken for a merge.
///
/// The survivor is the account already activated (in the ENT, or listed in its activated export),
/// else the older one (smallest id): a family keeps the account it already uses, and its externalId
/// in the ENT. The others are retired with « fusionné avec <identifiant> », never « a quitté
/// l'école », and listed for deactivation.
struct AccountMerges {
    /// Row index of a retired account → row index of its survivor.
    private(set) var absorbed: [Int: Int] = [:]
    /// Row indices of survivors that absorbed another account tonight.
    private(set) var survivors: Set<Int> = []

    /// Settles the merges of tonight's planned accounts: `rows[k]` is the stored row planned account
    /// `planned[k]` claimed (nil: none); on return it is the survivor's, and `claimed` holds every row
    /// involved (retired rows are not « leaving »).
    init(planned: [PlannedAccount], rows: inout [Int?], claimed: inout Set<Int>, accounts: [AccountRow],
         activated: (AccountRow) -> Bool) {
        var byRecord: [RecordRef: [Int]] = [:]
        for i in accounts.indices where !claimed.contains(i) && Self.canMerge(accounts[i]) {
            for r in accounts[i].records { byRecord[r, default: []].append(i) }
        }
        guard !byRecord.isEmpty else { return }
        for k in planned.indices {
            let a = planned[k]
            var found = Set<Int>()
            for r in a.records {
                for i in byRecord[r] ?? [] where !claimed.contains(i)
                    && accounts[i].platform == a.platform && accounts[i].profile == a.profile {
                    found.insert(i)
                }
            }
            guard !found.isEmpty else { continue }
            let all = Array(found) + (rows[k].map { [$0] } ?? [])
            // One row alone is no merge: the person is found again by its records (its keys changed).
            let survivor = all.min { x, y in
                let ax = activated(accounts[x]), ay = activated(accounts[y])
                return ax != ay ? ax : accounts[x].id < accounts[y].id
            }!
            for i in all {
                claimed.insert(i)
                if i != survivor { absorbed[i] = survivor }
            }
            rows[k] = survivor
            if all.count > 1 { survivors.insert(survivor) }
        }
    }

    /// Active or left accounts can be absorbed; deactivated and already merged ones stay as they are.
    static func canMerge(_ row: AccountRow) -> Bool { row.status == .active || row.status == .left }

    /// The French reason a retired account carries on coverage lists and in accounts.csv.
    static func reason(survivor: AccountRow) -> String {
        "fusionné avec \(survivor.entLogin ?? survivor.login) : même personne, un seul compte est gardé"
    }
}
