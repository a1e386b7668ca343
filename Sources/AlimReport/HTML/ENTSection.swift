import AlimCore

/// « Comptes dans l'ENT »: per school, where its local One accounts stand with the ENT tonight —
/// waiting for the ENT to create them, sheet tonight with the ENT's login and code, sheet already
/// handed, already activated, contradictory exports, unknown code, no sheet planned — and what the
/// operator does next (import the bundles, drop the ENT's export into the inbox).
enum ENTSection {
    static func render(_ page: PageContext) -> Markup {
        let input = page.input
        guard input.config.accounts.credentials == .ent else {
            return ReportSection.ent.wrap("""
            <p>Les fiches portent les identifiants et les codes délivrés par Alim \
            (<code>accounts.credentials = "alim"</code>) : les exports de l'ENT ne sont pas lus.</p>

            """)
        }
        guard let schools = ENTAccounts.perSchool(input), let total = ENTAccounts.total(input) else {
            return ReportSection.ent.wrap(PageContext.notRun("accounts"))
        }
        guard !schools.isEmpty else { return ReportSection.ent.wrap("<p>Aucun compte One cette nuit.</p>\n") }

        let intro: Markup = """
        <p>L'ENT One crée lui-même les identifiants et les codes d'activation. Chaque nuit, Alim écrit les paquets \
        d'import des écoles (dossier <code>ent/</code> de l'exécution) ; une fois qu'ils sont importés dans l'ENT, \
        son export des comptes (export des utilisateurs ou <code>activation_de_comptes.csv</code>) déposé dans la boîte \
        de dépôt donne à l'exécution suivante l'identifiant et le code de chaque compte : sa fiche est alors faite.</p>

        """
        let heads = Markup.join(ENTAccounts.shown.map { "<th scope=\"col\" title=\"\(ENTAccounts.meaning($0))\">\(ENTAccounts.label($0))</th>" })
        let rows = Markup.join(schools.map { counts in
            "<tr><th scope=\"row\">\(page.schoolLabel(counts.uai))</th>\(cells { counts[$0] })"
                + "<td class=\"num\">\(French.number(counts.total))</td></tr>\n"
        })
        let sum = ENTAccounts.shown.reduce(0) { $0 + (total[$1] ?? 0) }
        let totalRow: Markup = "<tfoot><tr><th scope=\"row\">Total de l'import</th>\(cells { total[$0] ?? 0 })"
            + "<td class=\"num\">\(French.number(sum))</td></tr></tfoot>\n"
        let table: Markup = """
        <div class="table-wrap"><table class="ent-accounts">
        <thead><tr><th scope="col">École</th>\(heads)<th scope="col">Comptes One</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        \(totalRow)</table></div>

        """
        return ReportSection.ent.wrap(intro + table + notes(schools, total: total, page: page) + legend)
    }

    /// One cell per shown state; contradictory exports and unknown codes are alerts.
    private static func cells(_ value: (ENTAccountState) -> Int) -> Markup {
        Markup.join(ENTAccounts.shown.map { state in
            let n = value(state)
            let alert = n > 0 && (state == .contradictory || state == .codeUnknown)
            return alert ? "<td class=\"num alert\">\(French.number(n))</td>" : "<td class=\"num\">\(French.number(n))</td>"
        })
    }

    /// What to do next, in the operator's words.
    private static func notes(_ schools: [ENTAccountCounts], total: [ENTAccountState: Int], page: PageContext) -> Markup {
        var notes: [Markup] = []
        let waiting = total[.waiting] ?? 0
        if waiting > 0 {
            notes.append("""
            <p>\(French.count(waiting, "compte attend", "comptes attendent")) que l'ENT \(waiting > 1 ? "les" : "le") crée : \
            importez dans l'ENT les paquets du dossier <code>ent/</code> de cette exécution, puis déposez son export \
            des comptes dans la boîte de dépôt ; l'exécution suivante fera leurs fiches.</p>

            """)
        }
        let untouched = schools.filter { $0.total > 0 && $0.waiting == $0.total }
        if !untouched.isEmpty {
            let items = Markup.join(untouched.map { "<li>\(page.schoolLabel($0.uai))</li>\n" })
            notes.append("""
            <p>Écoles dont l'ENT n'a encore créé aucun compte (aucun export de l'ENT ne les nomme) :</p>
            <ul>
            \(items)</ul>

            """)
        }
        if let n = total[.contradictory], n > 0 {
            notes.append("""
            <p class="alert">\(French.count(n, "compte n'a", "comptes n'ont")) pas de fiche : les exports de l'ENT de cette nuit \
            se contredisent à \(n > 1 ? "leur" : "son") sujet (détail dans <code>warnings.csv</code>). Déposez un seul export récent.</p>

            """)
        }
        if let n = total[.codeUnknown], n > 0 {
            notes.append("""
            <p class="alert">\(French.count(n, "compte a", "comptes ont")) un identifiant de l'ENT mais aucun code connu : \
            déposez l'export des comptes de l'ENT (avec les codes d'activation) dans la boîte de dépôt.</p>

            """)
        }
        return Markup.join(notes)
    }

    private static var legend: Markup {
        let items = Markup.join(ENTAccounts.shown.map { "<li><strong>\(ENTAccounts.label($0))</strong> : \(ENTAccounts.meaning($0))</li>\n" })
        return """
        <details><summary>Signification des colonnes</summary>
        <ul>
        \(items)</ul>
        <p>Un responsable d'enfants de deux écoles compte dans chacune ; le total de l'import le compte une fois. \
        Les comptes des collèges (ÉduConnect) et les comptes partis ne sont pas comptés.</p>
        </details>

        """
    }
}
