import AlimCore

/// « Écoles »: one row per school, the part of the page a director reads, and a total row.
enum SchoolsSection {
    static func render(_ page: PageContext) -> Markup {
        let input = page.input
        guard !page.schools.isEmpty else {
            let notes = StatusSection.missingStages(input).isEmpty ? Markup.empty : notRunNotes(input)
            return ReportSection.schools.wrap(notes + "<p>Aucune école dans cet import.</p>\n")
        }
        let rows = Markup.join(page.schools.map(row))
        return ReportSection.schools.wrap("""
        \(notRunNotes(input))<div class="table-wrap">
        <table class="schools">
        <thead>
        <tr><th rowspan="2" scope="col">École</th><th rowspan="2" scope="col">Élèves</th><th rowspan="2" scope="col">Responsables</th>\
        <th colspan="4" scope="colgroup">Comptes</th><th colspan="3" scope="colgroup">Fiches</th>\
        <th rowspan="2" scope="col">Rejets</th><th rowspan="2" scope="col">Doublons</th>\
        <th rowspan="2" scope="col">Garde-fou</th><th rowspan="2" scope="col">Export</th></tr>
        <tr><th scope="col">nouveaux</th><th scope="col">modifiés</th><th scope="col">partis</th><th scope="col">revenus</th>\
        <th scope="col">imprimées</th><th scope="col">courriel</th><th scope="col" title="responsables légaux sans fiche">sans fiche</th></tr>
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

    private static func row(_ school: SchoolFacts) -> Markup {
        let name: Markup = school.name.map { "<span class=\"school-name\">\($0)</span><br>" } ?? .empty
        let cells: [Markup] = [
            cell(school.pupils), cell(school.guardians),
            cell(school.accounts?.new), cell(school.accounts?.changed), cell(school.accounts?.left), cell(school.accounts?.returned),
            cell(school.sheets?.printed), cell(school.sheets?.emailed), cell(school.sheets?.withoutSheet, alertAbove: 0),
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
            cell(input.ingest?.rejects.count), cell(input.identity?.review.count),
            input.accounts.map { "<td>\(French.count($0.holds.count, "retenue", "retenues"))</td>" } ?? "<td class=\"missing\">—</td>",
            input.accounts.map { "<td>\(French.count($0.schoolsMissing.count, "absent", "absents"))</td>" } ?? "<td class=\"missing\">—</td>",
        ]
        return "<tfoot><tr><th scope=\"row\">Total de l'import</th>\(cells)</tr></tfoot>"
    }
}
