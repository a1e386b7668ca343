import Foundation
import AlimCore

/// Decides which accounts tonight's persons get, from the configured policy only.
///
/// A pupil gets an account on the platform of the stage they study in (`one` for primary, `college`
/// for collège when `createCollegeAccounts`). A legal guardian gets a `one` account when one of their
/// legal children is a primary pupil and a `college` account when one is a collège pupil. The auth of
/// every account is `policy.auth(platform:profile:)`: a collège (EduConnect) child never changes the
/// auth of a One account, it only sets `hasCollegeChild` (the EduConnect notice on the sheet).
struct Planner {
    let config: AlimConfig

    func plan(_ identity: IdentityArtifact) -> [PlannedPerson] {
        let clusters = Self.completeClusters(identity)
        let recordByRef = Dictionary(identity.records.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        var clusterOf: [RecordRef: PersonID] = [:]
        for c in clusters { for r in c.records { clusterOf[r] = c.id } }

        // Pupils first: guardians' accounts depend on their children's.
        var pupils: [PersonID: PlannedPerson] = [:]
        var atCollege = Set<PersonID>()
        for c in clusters where c.kind == .pupil {
            let records = c.records.compactMap { recordByRef[$0] }.filter { $0.kind == .pupil }
            if let p = planPupil(c.id, records) { pupils[c.id] = p }
            if records.contains(where: { $0.stage == .college }) { atCollege.insert(c.id) }
        }
        var out = Array(pupils.values)
        for c in clusters where c.kind == .guardian {
            let records = c.records.compactMap { recordByRef[$0] }.filter { $0.kind == .guardian }
            if let g = planGuardian(c.id, records, pupils: pupils, atCollege: atCollege, clusterOf: clusterOf) { out.append(g) }
        }
        return out.sorted { $0.clusterId < $1.clusterId }
    }

    /// The identity artifact's clusters, plus a singleton for any record no cluster holds (so no
    /// record is ever lost, even from an incomplete identity stage).
    static func completeClusters(_ identity: IdentityArtifact) -> [PersonCluster] {
        var seen = Set<RecordRef>()
        var out = identity.persons
        for c in identity.persons { seen.formUnion(c.records) }
        for r in identity.records where !seen.contains(r.ref) {
            let kind: RecordKind = r.kind == .guardian && !r.links.contains { $0.role == .legal } ? .contact : r.kind
            out.append(PersonCluster(id: "rec:\(r.ref)", kind: kind, records: [r.ref]))
        }
        return out.sorted { $0.id < $1.id }
    }

    private func planPupil(_ id: PersonID, _ records: [PersonRecord]) -> PlannedPerson? {
        guard !records.isEmpty else { return nil }
        var accounts: [PlannedAccount] = []
        for plat in Platform.allCases {
            if plat == .college && !config.policy.createCollegeAccounts { continue }
            let mine = Self.ordered(records.filter { platform(of: $0.stage) == plat })
            guard let best = mine.first else { continue }
            accounts.append(PlannedAccount(
                clusterId: id, platform: plat, profile: .pupil, auth: config.policy.auth(platform: plat, profile: .pupil),
                lastName: best.displayLastName, firstName: best.firstName,
                birthDate: mine.lazy.compactMap(\.birthDate).first,
                uais: Array(Set(mine.compactMap(\.uai))).sorted(),
                classes: Array(Set(mine.compactMap { nonEmpty($0.className) })).sorted(),
                level: mine.lazy.compactMap(\.level).first,
                email: mine.lazy.compactMap { nonEmpty($0.email) }.first,
                childClusters: [], hasCollegeChild: false, records: mine.map(\.ref).sorted()))
        }
        return PlannedPerson(clusterId: id, kind: .pupil, keys: MatchKey.pupilKeys(id, records),
                             nameKeys: [], childClusters: [], accounts: accounts)
    }

    private func planGuardian(_ id: PersonID, _ records: [PersonRecord], pupils: [PersonID: PlannedPerson],
                              atCollege: Set<PersonID>, clusterOf: [RecordRef: PersonID]) -> PlannedPerson? {
        guard !records.isEmpty else { return nil }
        let legalChildren = Set(records.flatMap { r in
            r.links.filter { $0.role == .legal }.compactMap { clusterOf[$0.pupil] }
        }).filter { pupils[$0] != nil || atCollege.contains($0) }.sorted()
        func childAccount(_ child: PersonID, _ plat: Platform) -> PlannedAccount? {
            pupils[child]?.accounts.first { $0.platform == plat }
        }
        // Whether collège accounts are created or not, the One sheet carries the EduConnect notice.
        let hasCollegeChild = legalChildren.contains(where: atCollege.contains)
        var accounts: [PlannedAccount] = []
        for plat in Platform.allCases {
            let kids = legalChildren.filter { childAccount($0, plat) != nil }
            guard !kids.isEmpty else { continue }
            let own = records.filter { platform(of: $0.stage) == plat }
            let mine = Self.ordered(own.isEmpty ? records : own)
            let best = mine[0]
            let kidAccounts = kids.compactMap { childAccount($0, plat) }
            accounts.append(PlannedAccount(
                clusterId: id, platform: plat, profile: .guardian,
                auth: config.policy.auth(platform: plat, profile: .guardian),
                lastName: best.displayLastName, firstName: best.firstName,
                birthDate: mine.lazy.compactMap(\.birthDate).first,
                uais: Array(Set(kidAccounts.flatMap(\.uais) + own.compactMap(\.uai))).sorted(),
                classes: Array(Set(kidAccounts.flatMap(\.classes))).sorted(),
                level: nil, email: mine.lazy.compactMap { nonEmpty($0.email) }.first,
                childClusters: kids, hasCollegeChild: plat == .one && hasCollegeChild,
                records: mine.map(\.ref).sorted()))
        }
        guard !accounts.isEmpty else { return nil }
        return PlannedPerson(clusterId: id, kind: .guardian, keys: MatchKey.guardianKeys(id, records),
                             nameKeys: MatchKey.names(records), childClusters: legalChildren, accounts: accounts)
    }

    /// Deterministic preference among a person's records: the school's own export (ONDE, SIECLE)
    /// before the académie's AAF, then the smallest ref.
    static func ordered(_ records: [PersonRecord]) -> [PersonRecord] {
        func rank(_ s: SourceFormat) -> Int {
            switch s {
            case .ondePupils, .ondeGuardians, .siecleStudents, .siecleGuardians: return 0
            case .aafStudents, .aafGuardians: return 1
            default: return 2
            }
        }
        return records.sorted { (rank($0.source), $0.ref) < (rank($1.source), $1.ref) }
    }
}

func nonEmpty(_ s: String?) -> String? {
    guard let t = s?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
    return t
}
