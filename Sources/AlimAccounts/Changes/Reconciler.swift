import AlimCore

/// Everything one run decides, before it is committed.
struct RunOutcome: Sendable {
    var state: StateSnapshot
    var accounts: [Account]
    /// (cluster, platform, profile) → account id, for the lineage.
    var accountFor: [String: AccountID]
    var directory: [DirectoryEntry]
    var holds: [MassRemovalHold]
    var schoolsMissing: [UAI]
    var consumedRenewals: Set<AccountID>
    /// ENT export lines that matched no single account, or contradicted another (warnings.csv).
    var warnings: [Finding] = []
    var created = 0, updated = 0, left = 0, deactivated = 0, held = 0, merged = 0

    static func slotKey(_ cluster: PersonID, _ platform: Platform, _ profile: Profile) -> String {
        "\(cluster)\u{1}\(platform.rawValue)\u{1}\(profile.rawValue)"
    }
}

/// Compares tonight's planned accounts with the stored state and decides each account's night:
/// new, changed, unchanged, left, returned, held; then ids, logins and codes. Pure given its inputs,
/// except for fresh code nonces drawn from the CSPRNG.
struct Reconciler {
    let config: AlimConfig
    let date: RunDate
    let runId: String
    let context: InboxContext
    let allowMassRemoval: Set<UAI>
    let renewals: Set<AccountID>
    var codes: CodeIssuer
    /// Tonight's lines of the ENT's account exports (with `credentials = "ent"`).
    var entRows: [ENTCredentialRow] = []

    private struct Slot {
        var planned: PlannedAccount
        var row: Int?
    }

    mutating func reconcile(_ base: StateSnapshot, _ planned: [PlannedPerson]) -> RunOutcome {
        var state = base
        let present = Set(context.schoolsPresent)
        let activatedLogins = Set(context.activated.map { $0.login.lowercased() })

        // 1. Persons and their existing accounts.
        var personOf = PersonMatcher.match(planned, stored: state.persons)
        var slots: [Slot] = []
        var claimedRows = Set<Int>()
        let rowsByPerson = Dictionary(grouping: state.accounts.indices, by: { state.accounts[$0].personId })
        for p in planned {
            for a in p.accounts {
                let row = personOf[p.clusterId].flatMap { pid in
                    rowsByPerson[pid]?.filter {
                        state.accounts[$0].platform == a.platform && state.accounts[$0].profile == a.profile
                            && state.accounts[$0].status != .merged
                    }.min { state.accounts[$0].id < state.accounts[$1].id }
                }
                if let row { claimedRows.insert(row) }
                slots.append(Slot(planned: a, row: row))
            }
        }

        // 1b. Stored accounts that are, tonight, another account's person: one survives, the others merge.
        let merges = settleMerges(&slots, claimed: &claimedRows, personOf: &personOf, state: &state,
                                  activatedLogins: activatedLogins)

        // 2. Stored accounts absent tonight: leaving when all their schools exported, else kept.
        var leaving = Set<AccountID>()
        for i in state.accounts.indices where !claimedRows.contains(i) && state.accounts[i].status == .active {
            if state.accounts[i].uais.allSatisfy(present.contains) { leaving.insert(state.accounts[i].id) }
        }

        // 3. Mass-removal guard.
        let holds = MassRemovalGuard.holds(activeRows: state.accounts.filter { $0.status == .active }, leaving: leaving,
                                           present: present, config: config.accounts, allow: allowMassRemoval)
        let heldSchools = Set(holds.map(\.uai))
        func isHeld(_ uais: [UAI]) -> Bool { uais.contains(where: heldSchools.contains) }

        var out = RunOutcome(state: state, accounts: [], accountFor: [:], directory: [], holds: holds,
                             schoolsMissing: [], consumedRenewals: [])
        var changes: [AccountID: AccountChange] = [:]
        var deactivatedTonight = Set<AccountID>()
        var recomputed = Set<AccountID>()
        var familyGrew = Set<AccountID>()

        // 4. New persons and accounts (held schools create nothing), in a stable order.
        let live = slots.filter { s in
            !isHeld(s.planned.uais + (s.row.map { state.accounts[$0].uais } ?? []))
        }
        let livePersons = Set(live.map(\.planned.clusterId))
        for p in planned where livePersons.contains(p.clusterId) && personOf[p.clusterId] == nil {
            let id = "H" + pad(state.next("person"))
            personOf[p.clusterId] = id
            state.persons.append(PersonRow(id: id, kind: p.kind, clusterId: p.clusterId, keys: []))
        }
        let personIndex = Dictionary(uniqueKeysWithValues: state.persons.enumerated().map { ($1.id, $0) })
        for p in planned where livePersons.contains(p.clusterId) {
            guard let pid = personOf[p.clusterId], let i = personIndex[pid] else { continue }
            state.persons[i].clusterId = p.clusterId
            state.persons[i].keys = PersonMatcher.keys(of: p, personOf: personOf)
        }
        var taken: [Platform: Set<String>] = [:]
        for r in state.accounts { taken[r.platform, default: []].insert(r.login) }
        var allocators = taken.mapValues(LoginAllocator.init)
        let partMax = config.accounts.loginPartMax
        // Each login base folded once (not at every comparison of the sort: folding is what costs).
        let fresh = live.filter { $0.row == nil }.map(\.planned)
            .map { a in (a, LoginFolding.base(firstName: a.firstName, lastName: a.lastName, partMax: partMax)) }
            .sorted { x, y in
                (x.0.platform.rawValue, x.1, x.0.profile.rawValue, x.0.clusterId)
                    < (y.0.platform.rawValue, y.1, y.0.profile.rawValue, y.0.clusterId)
            }
        var newRowOf: [String: Int] = [:]
        for (a, base) in fresh {
            let prefix = a.platform == .one ? "O" : "C"
            let id = prefix + pad(state.next(a.platform.rawValue))
            let login = allocators[a.platform, default: LoginAllocator(taken: [])].allocate(base: base)
            newRowOf[RunOutcome.slotKey(a.clusterId, a.platform, a.profile)] = state.accounts.count
            state.accounts.append(AccountRow(
                id: id, personId: personOf[a.clusterId] ?? "", clusterId: a.clusterId, platform: a.platform,
                profile: a.profile, auth: a.auth, login: login, lastName: a.lastName, firstName: a.firstName,
                birthDate: a.birthDate, uais: a.uais, classes: a.classes, level: a.level, email: a.email,
                children: [], hasCollegeChild: a.hasCollegeChild, records: a.records, status: .active,
                leftSince: nil, activatedOn: nil))
            changes[id] = .new
        }

        // 5. Every account present tonight: its id, then its fields and change.
        for s in slots {
            let key = RunOutcome.slotKey(s.planned.clusterId, s.planned.platform, s.planned.profile)
            if let r = s.row { out.accountFor[key] = state.accounts[r].id }
            else if let r = newRowOf[key] { out.accountFor[key] = state.accounts[r].id }
        }
        for s in live {
            let a = s.planned
            let key = RunOutcome.slotKey(a.clusterId, a.platform, a.profile)
            guard let r = s.row ?? newRowOf[key] else { continue }
            let before = state.accounts[r]
            var row = before
            row.clusterId = a.clusterId
            row.auth = a.auth
            row.lastName = a.lastName
            row.firstName = a.firstName
            row.birthDate = a.birthDate
            row.uais = a.uais
            row.classes = a.classes
            row.level = a.level
            row.email = a.email
            row.hasCollegeChild = a.hasCollegeChild
            row.records = a.records
            row.children = a.childClusters.compactMap {
                out.accountFor[RunOutcome.slotKey($0, a.platform, .pupil)]
            }.sorted()
            if s.row != nil {
                if before.status != .active { changes[row.id] = .returned }
                else { changes[row.id] = before.published == row.published ? .unchanged : .changed }
            }
            if merges.survivors.contains(r), row.profile == .guardian, Set(row.children) != Set(before.children) {
                familyGrew.insert(row.id)
            }
            row.status = .active
            row.leftSince = nil
            state.accounts[r] = row
            recomputed.insert(row.id)
        }

        // 6. Held accounts, and stored accounts absent tonight.
        for s in slots {
            if let r = s.row, !recomputed.contains(state.accounts[r].id) { changes[state.accounts[r].id] = .held }
        }
        for (i, survivor) in merges.absorbed.sorted(by: { $0.key < $1.key }) {
            state.accounts[i].status = .merged
            state.accounts[i].mergedInto = state.accounts[survivor].id
            state.accounts[i].leftSince = nil
            changes[state.accounts[i].id] = .merged
            deactivatedTonight.insert(state.accounts[i].id)
            out.merged += 1
        }
        for i in base.accounts.indices where !claimedRows.contains(i) {
            var row = state.accounts[i]
            guard row.status != .deactivated, row.status != .merged else { continue }
            if isHeld(row.uais) { changes[row.id] = .held; continue }
            if row.status == .active {
                guard leaving.contains(row.id) else { changes[row.id] = .unchanged; continue }
                row.status = .left
                row.leftSince = date.description
                out.left += 1
            }
            if let since = row.leftSince.flatMap(RunDate.init), date.dayNumber - since.dayNumber >= config.accounts.graceDays {
                row.status = .deactivated
                deactivatedTonight.insert(row.id)
            }
            changes[row.id] = .left
            state.accounts[i] = row
        }

        // 7. Activation and codes: Alim's, or the ENT's read from its exports.
        var current = CodeIssuer.currentGenerations(state)
        // An account created tonight cannot be in the ENT yet: a line naming it is a stale or foreign one.
        let known = state.accounts.filter { changes[$0.id] != .new }
        let ent = ENTNight(facts: entFacts(known, into: &out), key: codes.key, date: date)
        let entMode = config.accounts.credentials == .ent
        for i in state.accounts.indices {
            let id = state.accounts[i].id
            guard let change = changes[id] else { continue }
            if entMode { ent.record(&state.accounts[i]) }
            // The activated export names the login the user typed: Alim's, or the ENT's once known.
            let listed = activatedLogins.contains(state.accounts[i].login)
                || state.accounts[i].entLogin.map { activatedLogins.contains($0.lowercased()) } == true
            if state.accounts[i].activatedOn == nil && listed && change != .held {
                state.accounts[i].activatedOn = date.description
            }
            let row = state.accounts[i]
            let activated = row.activatedOn != nil || listed
            if change == .merged, let into = row.mergedInto, let survivor = state.accounts.first(where: { $0.id == into }) {
                out.accounts.append(Rendering.merged(row, into: survivor, sheets: config.sheets))
                continue
            }
            if entMode {
                var account = ent.render(&state.accounts[i], change: change, activated: activated, sheets: config.sheets)
                account.reprintTonight = familyGrew.contains(id)
                out.accounts.append(account)
                continue
            }
            if recomputed.contains(id) && row.auth == .local && !activated {
                let g = current[id]
                if g == nil || codes.isExpired(g!) || renewals.contains(id) {
                    let issued = codes.issue(accountId: id, after: g)
                    state.generations.append(issued)
                    current[id] = issued
                    if renewals.contains(id) { out.consumedRenewals.insert(id) }
                }
            }
            var account = Rendering.account(row, change: change, credential: codes.credential(current[id]),
                                            activated: activated, sheets: config.sheets)
            account.reprintTonight = familyGrew.contains(id)
            out.accounts.append(account)
        }

        // 8. Directory, counts, missing schools.
        for a in out.accounts {
            switch a.change {
            case .new: out.directory.append(DirectoryEntry(action: .create, accountId: a.id)); out.created += 1
            case .changed, .returned: out.directory.append(DirectoryEntry(action: .update, accountId: a.id)); out.updated += 1
            case .held: out.held += 1
            default: break
            }
        }
        for id in deactivatedTonight { out.directory.append(DirectoryEntry(action: .deactivate, accountId: id)) }
        out.deactivated = deactivatedTonight.count
        let order: [DirectoryEntry.Action: Int] = [.create: 0, .update: 1, .deactivate: 2]
        out.directory.sort { (order[$0.action]!, $0.accountId) < (order[$1.action]!, $1.accountId) }
        out.accounts.sort { $0.id < $1.id }
        out.schoolsMissing = Array(Set(base.accounts.filter { $0.status != .deactivated && $0.status != .merged }.flatMap(\.uais))
            .subtracting(present)).sorted()
        state.canonicalise()
        out.state = state
        return out
    }
}

extension Reconciler {
    /// Step 1b: settles the merges (`AccountMerges`) and moves each survivor to the person matched
    /// tonight, so the next night finds it again under that person.
    private func settleMerges(_ slots: inout [Slot], claimed: inout Set<Int>, personOf: inout [PersonID: String],
                                  state: inout StateSnapshot, activatedLogins: Set<String>) -> AccountMerges {
        var rows = slots.map(\.row)
        let merges = AccountMerges(planned: slots.map(\.planned), rows: &rows, claimed: &claimed, accounts: state.accounts) { row in
            row.activatedOn != nil || activatedLogins.contains(row.login)
                || row.entLogin.map { activatedLogins.contains($0.lowercased()) } == true
        }
        for k in slots.indices where rows[k] != slots[k].row {
            guard let r = rows[k] else { continue }
            slots[k].row = r
            let cluster = slots[k].planned.clusterId
            if let person = personOf[cluster] { state.accounts[r].personId = person }
            else { personOf[cluster] = state.accounts[r].personId }
        }
        return merges
    }

    /// Tonight's ENT facts per account, their warnings into `out`; none with `credentials = "alim"`,
    /// where each ENT export file gets one warning saying it is not used.
    func entFacts(_ accounts: [AccountRow], into out: inout RunOutcome) -> [AccountID: ENTFact] {
        guard config.accounts.credentials == .ent else {
            for file in Set(entRows.map(\.file)).sorted() {
                out.warnings.append(Finding(file: file, ref: "", reason: "Export de l'ENT non utilisé : la configuration "
                    + "(accounts.credentials = \"alim\") fait imprimer les codes d'Alim. Retirez ce fichier de la boîte de dépôt, "
                    + "ou passez à credentials = \"ent\"."))
            }
            return [:]
        }
        let matched = ENTCredentialMatcher(accounts: accounts, prefix: ENTExternalID.prefix(config)).match(entRows)
        out.warnings += matched.warnings
        return matched.facts
    }
}

func pad(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 7 - s.count)) + s
}
