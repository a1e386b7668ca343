import AlimCore

/// « Garde-fou et exports absents »: schools whose changes were held back, and schools that sent nothing.
enum GuardSection {
    static func render(_ page: PageContext) -> Markup {
        guard let accounts = page.input.accounts else { return ReportSection.guard_.wrap(PageContext.notRun("accounts")) }
        var parts: [Markup] = []
        if accounts.holds.isEmpty {
            parts.append("<p>Aucune école retenue par le garde-fou des suppressions massives.</p>\n")
        } else {
            let rows = Markup.join(accounts.holds.sorted { $0.uai < $1.uai }.map { hold in
                let percent = hold.accountsBefore > 0 ? hold.wouldLeave * 100 / hold.accountsBefore : 0
                return """
                <tr><th scope="row">\(page.schoolLabel(hold.uai))</th><td class="num">\(French.number(hold.accountsBefore))</td>\
                <td class="num">\(French.number(hold.wouldLeave))</td><td class="num">\(percent)\(French.nbsp)%</td></tr>

                """
            })
            parts.append("""
            <p>Ces écoles auraient perdu trop de comptes en une nuit : leurs changements n'ont pas été appliqués. \
            Vérifiez que l'export de l'école est complet (toutes les classes) avant le prochain import.</p>
            <div class="table-wrap"><table>
            <thead><tr><th scope="col">École</th><th scope="col">Comptes avant</th><th scope="col">Départs retenus</th><th scope="col">Part</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></div>

            """)
        }
        if accounts.schoolsMissing.isEmpty {
            parts.append("<p>Tous les exports attendus sont arrivés.</p>\n")
        } else {
            let items = Markup.join(accounts.schoolsMissing.sorted().map { "<li>\(page.schoolLabel($0))</li>\n" })
            parts.append("""
            <p>Aucun export reçu ce soir pour ces écoles ; leurs comptes sont conservés tels quels :</p>
            <ul>
            \(items)</ul>

            """)
        }
        return ReportSection.guard_.wrap(Markup.join(parts))
    }
}
