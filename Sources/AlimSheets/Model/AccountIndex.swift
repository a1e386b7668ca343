import AlimCore

/// Lookups over tonight's accounts and records, built once per run.
///
/// A guardian belongs to a school's bundle through any of three facts — the account's own schools,
/// its children's schools, and the legal links of its records — so a guardian is never missing from
/// a school's coverage because one of them was incomplete.
struct AccountIndex {
    let byId: [AccountID: Account]
    let byPerson: [PersonID: [Account]]
    let records: [RecordRef: PersonRecord]
    let lineage: [RecordRef: LineageEntry]
    /// One guardian account id → the schools whose bundle lists it.
    let guardianSchools: [AccountID: Set<UAI>]
    /// Per school, the One guardian accounts its bundle lists and its One pupil accounts, in id order:
    /// a school's bundle reads its own accounts, never every account of the département.
    let guardiansBySchool: [UAI: [Account]]
    let pupilsBySchool: [UAI: [Account]]
    /// Per school, the records holding a legal link to one of its primary pupils, in ref order (the
    /// guardians coverage.csv must name, with or without a One account).
    let legalGuardianRecordsBySchool: [UAI: [PersonRecord]]

    init(accounts: AccountsArtifact, identity: IdentityArtifact) {
        var byId: [AccountID: Account] = [:]
        var byPerson: [PersonID: [Account]] = [:]
        for a in accounts.accounts {
            byId[a.id] = a
            byPerson[a.personId, default: []].append(a)
        }
        var records: [RecordRef: PersonRecord] = [:]
        for r in identity.records { records[r.ref] = r }
        var lineage: [RecordRef: LineageEntry] = [:]
        for l in accounts.lineage { lineage[l.record] = l }
        var guardianSchools: [AccountID: Set<UAI>] = [:]
        for a in accounts.accounts where a.platform == .one && a.profile == .guardian {
            var schools = Set(a.uais)
            for child in a.children { schools.formUnion(byId[child]?.uais ?? []) }
            for ref in a.records {
                for link in records[ref]?.links ?? [] where link.role == .legal {
                    if let pupil = records[link.pupil], pupil.stage == .primary, let uai = pupil.uai { schools.insert(uai) }
                }
            }
            guardianSchools[a.id] = schools
        }
        var guardiansBySchool: [UAI: [Account]] = [:]
        var pupilsBySchool: [UAI: [Account]] = [:]
        for a in accounts.accounts.sorted(by: { $0.id < $1.id }) where a.platform == .one {
            if a.profile == .guardian {
                for uai in guardianSchools[a.id] ?? [] { guardiansBySchool[uai, default: []].append(a) }
            } else {
                for uai in Set(a.uais) { pupilsBySchool[uai, default: []].append(a) }
            }
        }
        var legal: [UAI: [PersonRecord]] = [:]
        for r in identity.records.sorted(by: { $0.ref < $1.ref }) {
            var schools = Set<UAI>()
            for link in r.links where link.role == .legal {
                if let pupil = records[link.pupil], pupil.stage == .primary, let uai = pupil.uai { schools.insert(uai) }
            }
            for uai in schools { legal[uai, default: []].append(r) }
        }
        self.byId = byId
        self.byPerson = byPerson
        self.records = records
        self.lineage = lineage
        self.guardianSchools = guardianSchools
        self.guardiansBySchool = guardiansBySchool
        self.pupilsBySchool = pupilsBySchool
        self.legalGuardianRecordsBySchool = legal
    }

    /// One pupil accounts of the children of `guardian` in `uai`, sorted by class then name.
    func children(of guardian: Account, in uai: UAI) -> [Sheet.Child] {
        let accounts = guardian.children.compactMap { byId[$0] }.filter { $0.platform == .one }
        let here = accounts.filter { $0.uais.contains(uai) }
        return SheetOrder.sorted((here.isEmpty ? accounts : here)
            .map { Sheet.Child(firstName: $0.firstName, lastName: $0.lastName, className: $0.classes.first ?? "") })
    }

    /// Schools whose bundles are made: every school with a One account, a primary pupil record or a
    /// rejected guardian record.
    func schools(rejects: [Finding]) -> [UAI] {
        var set = Set<UAI>()
        for a in byId.values where a.platform == .one {
            if a.profile == .guardian { set.formUnion(guardianSchools[a.id] ?? []) } else { set.formUnion(a.uais) }
        }
        for r in records.values where r.kind == .pupil && r.stage == .primary { if let uai = r.uai { set.insert(uai) } }
        for f in rejects where f.kind == .guardian { if let uai = f.uai { set.insert(uai) } }
        return set.sorted()
    }
}
