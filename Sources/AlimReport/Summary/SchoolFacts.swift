import AlimCore

/// One school's line of the report: what a director checks each morning.
///
/// A value is nil when the stage that produces it did not run, so the page can say so instead of
/// printing a misleading zero.
struct SchoolFacts: Sendable, Equatable {
    /// Account counts by what happened tonight.
    struct AccountChanges: Sendable, Equatable {
        var new = 0, changed = 0, unchanged = 0, left = 0, returned = 0, held = 0, merged = 0
    }

    /// Sheets of the school's bundle.
    struct Sheets: Sendable, Equatable {
        var printed = 0, emailed = 0, withoutSheet = 0
        var total: Int { printed + emailed + withoutSheet }
    }

    var uai: UAI
    var name: String?
    var pupils: Int?
    var guardians: Int?
    var accounts: AccountChanges?
    var sheets: Sheets?
    var rejects: Int?
    var warnings: Int?
    var reviewPairs: Int?
    var hold: MassRemovalHold?
    /// Its local One accounts by where they stand with the ENT (zeros for a school without any); nil
    /// when the accounts stage did not run or with `credentials = "alim"`.
    var ent: ENTAccountCounts?
    /// True when the accounts stage reported this school's export missing tonight.
    var exportMissing: Bool
}

/// Builds the per-school lines from the artifacts, sorted by UAI.
enum SchoolFactsBuilder {
    /// Every school seen anywhere in the run (records, accounts, bundles, holds, findings), one line each.
    static func build(_ input: ReportInput, index: RecordIndex) -> [SchoolFacts] {
        var facts: [UAI: SchoolFacts] = [:]
        func touch(_ uai: UAI) {
            if facts[uai] == nil {
                facts[uai] = SchoolFacts(uai: uai, name: SchoolNames.name(of: uai, input), exportMissing: false)
            }
        }
        for set in index.schools.values { set.forEach(touch) }
        input.ingest?.context.schoolsPresent.forEach(touch)
        input.accounts?.accounts.forEach { $0.uais.forEach(touch) }
        input.accounts?.schoolsMissing.forEach(touch)
        input.accounts?.holds.forEach { touch($0.uai) }
        input.sheets?.bundles.forEach { touch($0.uai) }
        ((input.ingest?.rejects ?? []) + (input.ingest?.warnings ?? [])).compactMap(RecordIndex.school(of:)).forEach(touch)

        if input.ingest != nil || input.identity != nil { countPeople(into: &facts, index: index) }
        if let accounts = input.accounts { countAccounts(accounts, into: &facts) }
        if let ent = ENTAccounts.perSchool(input) {
            for key in facts.keys { facts[key]?.ent = ENTAccountCounts(uai: key) }
            for counts in ent { facts[counts.uai]?.ent = counts }
        }
        if let sheets = input.sheets { countSheets(sheets, into: &facts) }
        if let ingest = input.ingest { countFindings(ingest, into: &facts) }
        if let identity = input.identity { countReview(identity, into: &facts, index: index) }
        return facts.values.sorted { $0.uai < $1.uai }
    }

    private static func countPeople(into facts: inout [UAI: SchoolFacts], index: RecordIndex) {
        for key in facts.keys { facts[key]?.pupils = 0; facts[key]?.guardians = 0 }
        for person in index.persons {
            for uai in index.schools(of: person) {
                switch person.kind {
                case .pupil: facts[uai]?.pupils? += 1
                case .guardian: facts[uai]?.guardians? += 1
                case .contact: break
                }
            }
        }
    }

    private static func countAccounts(_ artifact: AccountsArtifact, into facts: inout [UAI: SchoolFacts]) {
        for key in facts.keys { facts[key]?.accounts = .init(); facts[key]?.exportMissing = false }
        for account in artifact.accounts {
            for uai in Set(account.uais) {
                switch account.change {
                case .new: facts[uai]?.accounts?.new += 1
                case .changed: facts[uai]?.accounts?.changed += 1
                case .unchanged: facts[uai]?.accounts?.unchanged += 1
                case .left: facts[uai]?.accounts?.left += 1
                case .returned: facts[uai]?.accounts?.returned += 1
                case .held: facts[uai]?.accounts?.held += 1
                case .merged: facts[uai]?.accounts?.merged += 1
                }
            }
        }
        for hold in artifact.holds { facts[hold.uai]?.hold = hold }
        for uai in artifact.schoolsMissing { facts[uai]?.exportMissing = true }
    }

    private static func countSheets(_ artifact: SheetsArtifact, into facts: inout [UAI: SchoolFacts]) {
        for key in facts.keys { facts[key]?.sheets = .init() }
        for bundle in artifact.bundles {
            facts[bundle.uai]?.sheets?.printed += bundle.printed
            facts[bundle.uai]?.sheets?.emailed += bundle.emailed
            facts[bundle.uai]?.sheets?.withoutSheet += bundle.guardiansWithoutSheet
        }
    }

    private static func countFindings(_ artifact: IngestArtifact, into facts: inout [UAI: SchoolFacts]) {
        for key in facts.keys { facts[key]?.rejects = 0; facts[key]?.warnings = 0 }
        for finding in artifact.rejects {
            if let uai = RecordIndex.school(of: finding) { facts[uai]?.rejects? += 1 }
        }
        for finding in artifact.warnings {
            if let uai = RecordIndex.school(of: finding) { facts[uai]?.warnings? += 1 }
        }
    }

    private static func countReview(_ artifact: IdentityArtifact, into facts: inout [UAI: SchoolFacts], index: RecordIndex) {
        for key in facts.keys { facts[key]?.reviewPairs = 0 }
        for pair in artifact.review {
            for uai in index.schools(of: pair.a).union(index.schools(of: pair.b)) { facts[uai]?.reviewPairs? += 1 }
        }
    }
}

/// School names: what the sources say first, then `alim.toml`'s `[schools]` table.
enum SchoolNames {
    static func name(of uai: UAI, _ input: ReportInput) -> String? {
        let context = input.identity?.context ?? input.ingest?.context
        if let name = context?.schoolNames[uai.value], !name.isEmpty { return name }
        if let name = input.config.schools[uai.value], !name.isEmpty { return name }
        return nil
    }
}
