import AlimCore

/// « Écoles »: one row per school, the part of the page a director reads, and a total row.
enum SchoolsSection {
    static func render(_ page: PageContext) -> Markup {
        let input = page.input
        guard !page.schools.isEmpty else {
            let notes = StatusSection.missingStages(input).isEmpty ? Markup.empty : notRunNotes(input)
            return ReportSection.schools.wrap(notes + "<p>Aucune école dans cet import.</p>\n")
        }
        let ent = input.config.accounts.credentials == .ent
        let rows = Markup.join(page.schools.map { row($0, ent: ent) })
        let entGroup: Markup = ent
            ? "<th colspan=\"\(entColumns.count)\" scope=\"colgroup\"><a href=\"#\(ReportSection.ent.rawValue)\">Comptes One dans l'ENT</a></th>" : .empty
        let entHeads: Markup = ent ? Markup.join(entColumns.map { column in
            "<th scope=\"col\" title=\"\(column.title)\">\(column.label)</th>"
        }) : .empty
        return ReportSection.schools.wrap("""
        \(notRunNotes(input))<div class="table-wrap">
        <table class="schools">
        <thead>
        <tr><th rowspan="2" scope="col">École</th><th rowspan="2" scope="col">Élèves</th><th rowspan="2" scope="col">Responsables</th>\
        <th colspan="4" scope="colgroup">Comptes</th><th colspan="3" scope="colgroup">Fiches</th>\(entGroup)\
        <th rowspan="2" scope="col">Rejets</th><th rowspan="2" scope="col">Doublons</th>\
        <th rowspan="2" scope="col">Garde-fou</th><th rowspan="2" scope="col">Export</th></tr>
        <tr><th scope="col">nouveaux</th><th scope="col">modifiés</th><th scope="col">partis</th><th scope="col">revenus</th>\
        <th scope="col">imprimées</th><th scope="col">courriel</th><th scope="col" title="responsables légaux sans fiche">sans fiche</th>\
        \(entHeads)</tr>
        </thead>
        <tbody>
        \(rows)</tbody>
        \(totalRow(page))
        </table>
        </div>

        """)
    }

    private static func notRunNotes(_ input: ReportInput) -> Markup {
        var notes: [Markup] = []
        if input.ingest == nil { notes.append(PageContext.notRun("ingest")) }
        if input.identity == nil { notes.append(PageContext.notRun("identity")) }
        if input.accounts == nil { notes.append(PageContext.notRun("accounts")) }
        if input.sheets == nil { notes.append(PageContext.notRun("sheets")) }
        return Markup.join(notes)
    }

    /// The « Comptes One dans l'ENT » columns (with `credentials = "ent"`), beside the « Fiches » ones
    /// (whose « imprimées » and « courriel » are the accounts with a sheet tonight): the accounts the
    /// ENT has not created yet, those already activated, and « autres » — handed sheets, contradictory
    /// exports, unknown codes. The « Comptes dans l'ENT » section details every state.
    static let entColumns: [(label: String, title: String, states: [ENTAccountState])] = [
        ("en attente", "pas encore créés par l'ENT : aucune fiche possible", [.waiting]),
        ("activés", "déjà activés dans l'ENT : pas de nouvelle fiche", [.activated]),
        ("autres", "fiche déjà remise, exports de l'ENT contradictoires ou code inconnu", [.handed, .contradictory, .codeUnknown]),
    ]

    /// A school's ENT cells; « autres » is an alert when it holds contradictory exports or unknown codes.
    private static func entCells(_ counts: ENTAccountCounts?) -> [Markup] {
        if let counts, counts.total == 0 {
            return entColumns.map { _ in "<td class=\"num missing\" title=\"aucun compte One dans cette école\">—</td>" }
        }
        let needsALook = counts.map { $0.contradictory + $0.codeUnknown > 0 } ?? false
        return entColumns.map { column in
            let value = counts.map { c in column.states.reduce(0) { $0 + c[$1] } }
            return cell(value, alertAbove: needsALook && column.states.contains(.contradictory) ? 0 : nil)
        }
    }

    private static func row(_ school: SchoolFacts, ent: Bool) -> Markup {
        let name: Markup = school.name.map { "<span class=\"school-name\">\($0)</span><br>" } ?? .empty
        let cells: [Markup] = [
            cell(school.pupils), cell(school.guardians),
            cell(school.accounts?.new), cell(school.accounts?.changed), cell(school.accounts?.left), cell(school.accounts?.returned),
            cell(school.sheets?.printed), cell(school.sheets?.emailed), cell(school.sheets?.withoutSheet, alertAbove: 0),
        ] + (ent ? entCells(school.ent) : []) + [
            cell(school.rejects, alertAbove: 0), cell(school.reviewPairs, alertAbove: 0),
            holdCell(school), exportCell(school),
        ]
        return """
        <tr id="\(PageContext.anchor(school.uai))"><th scope="row">\(name)<span class="uai">\(school.uai.value)</span></th>\(cells)</tr>

        """
    }

    private static func cell(_ value: Int?, alertAbove: Int? = nil) -> Markup {
        guard let value else { return "<td class=\"num missing\" title=\"étape non exécutée\">—</td>" }
        if let limit = alertAbove, value > limit { return "<td class=\"num alert\">\(French.number(value))</td>" }
        return "<td class=\"num\">\(French.number(value))</td>"
    }

    private static func holdCell(_ school: SchoolFacts) -> Markup {
        guard school.accounts != nil else { return "<td class=\"missing\" title=\"étape non exécutée\">—</td>" }
        guard let hold = school.hold else { return "<td>non</td>" }
        let detail = "\(French.count(hold.wouldLeave, "départ retenu", "départs retenus")) sur \(French.count(hold.accountsBefore, "compte", "comptes"))"
        return "<td class=\"alert\" title=\"\(detail)\">retenu</td>"
    }

    private static func exportCell(_ school: SchoolFacts) -> Markup {
        guard school.accounts != nil else { return "<td class=\"missing\" title=\"étape non exécutée\">—</td>" }
        return school.exportMissing ? "<td class=\"alert\">absent</td>" : "<td>reçu</td>"
    }

    private static func entTotalCells(_ input: ReportInput) -> [Markup] {
        let total = ENTAccounts.total(input)
        return entColumns.map { column in cell(total.map { t in column.states.reduce(0) { $0 + (t[$1] ?? 0) } }) }
    }

    /// Totals of the whole run: people and accounts counted once even when they belong to several schools.
    private static func totalRow(_ page: PageContext) -> Markup {
        let input = page.input
        let hasPeople = input.ingest != nil || input.identity != nil
        let pupils = hasPeople ? page.index.persons.filter { $0.kind == .pupil }.count : nil
        let guardians = hasPeople ? page.index.persons.filter { $0.kind == .guardian }.count : nil
        func changes(_ c: AccountChange) -> Int? { input.accounts.map { $0.accounts.filter { $0.change == c }.count } }
        let bundles = input.sheets?.bundles
        let cells: [Markup] = [
            cell(pupils), cell(guardians),
            cell(changes(.new)), cell(changes(.changed)), cell(changes(.left)), cell(changes(.returned)),
            cell(bundles.map { $0.reduce(0) { $0 + $1.printed } }), cell(bundles.map { $0.reduce(0) { $0 + $1.emailed } }),
            cell(bundles.map { $0.reduce(0) { $0 + $1.guardiansWithoutSheet } }),
        ] + (input.config.accounts.credentials == .ent ? entTotalCells(input) : []) + [
            cell(input.ingest?.rejects.count), cell(input.identity?.review.count),
            input.accounts.map { "<td>\(French.count($0.holds.count, "retenue", "retenues"))</td>" } ?? "<td class=\"missing\">—</td>",
            input.accounts.map { "<td>\(French.count($0.schoolsMissing.count, "absent", "absents"))</td>" } ?? "<td class=\"missing\">—</td>",
        ]
        return "<tfoot><tr><th scope=\"row\">Total de l'import</th>\(cells)</tr></tfoot>"
    }
}
