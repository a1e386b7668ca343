import AlimCore

/// Which accounts each school's bundle carries.
///
/// With `preDelete`, the ENT pre-deletes every user of the school that came from a CSV and whose
/// `externalId` is absent from the school's files (and restores them when they come back). So a
/// bundle must list every account that is to stay alive in that school, and only those:
/// - One accounts only: the collèges' ENT is fed by the académie, never by Alim;
/// - live accounts only — new, changed, unchanged, returned, and `held` ones (a hold means
///   tonight's changes were not applied: the account stays as the state has it, so it must stay in
///   the other schools' bundles). A `left` account (in its grace period or deactivated tonight) is
///   left out: the ENT pre-deletes it, which is what the grace period means on the ENT's side, and
///   restores it under the same `externalId` if the school exports it again. Accounts deactivated
///   on an earlier night are not in the artifact at all;
/// - a guardian goes in the bundle of every school where one of its live children studies or where
///   its own records are, so that no school's import pre-deletes a parent another school keeps.
struct ENTBundleMembers {
    /// One school's accounts, sorted by name then id.
    struct School {
        var pupils: [Account] = []
        /// Each guardian with its children in this school (account ids, sorted).
        var guardians: [(account: Account, children: [AccountID])] = []
    }

    /// Every school some live One account belongs to, sorted.
    let schools: [UAI]
    private let bySchool: [UAI: School]

    init(_ artifact: AccountsArtifact) {
        let live = artifact.accounts.filter(Self.isLive)
        var bySchool: [UAI: School] = [:]
        var pupilSchools: [AccountID: [UAI]] = [:]
        for a in live where a.profile == .pupil {
            pupilSchools[a.id] = a.uais
            for uai in Set(a.uais) { bySchool[uai, default: School()].pupils.append(a) }
        }
        for g in live where g.profile == .guardian {
            var children: [UAI: [AccountID]] = [:]
            for child in Set(g.children) {
                for uai in Set(pupilSchools[child] ?? []) { children[uai, default: []].append(child) }
            }
            for uai in Set(g.uais).union(children.keys) {
                bySchool[uai, default: School()].guardians.append((g, (children[uai] ?? []).sorted()))
            }
        }
        for uai in bySchool.keys {
            bySchool[uai]!.pupils.sort { Self.order($0) < Self.order($1) }
            bySchool[uai]!.guardians.sort { Self.order($0.account) < Self.order($1.account) }
        }
        self.bySchool = bySchool
        schools = bySchool.keys.sorted()
    }

    /// The accounts of one school's bundle.
    func school(_ uai: UAI) -> School { bySchool[uai] ?? School() }

    /// A One account the ENT must keep tonight (see the type's documentation).
    static func isLive(_ a: Account) -> Bool {
        guard a.platform == .one else { return false }
        switch a.change {
        case .new, .changed, .unchanged, .returned, .held: return true
        case .left, .merged: return false
        }
    }

    /// Name order through the one folding of Alim (never the locale), then the id.
    private static func order(_ a: Account) -> (String, String, String) {
        (TextFold.key(a.lastName), TextFold.key(a.firstName), a.id)
    }
}
