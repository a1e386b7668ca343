import AlimCore

/// « Rejets » and « Avertissements »: file, record, field, person and reason, grouped by school so a
/// director finds their own part. Long lists are cut; the CSV files keep every line.
enum FindingsSection {
    /// Most lines shown per list; beyond, the page points to the CSV file.
    static let limit = 1000

    static func rejects(_ page: PageContext) -> Markup {
        guard let ingest = page.input.ingest else { return ReportSection.rejects.wrap(PageContext.notRun("ingest")) }
        guard !ingest.rejects.isEmpty else { return ReportSection.rejects.wrap("<p>Aucun rejet : toutes les personnes lues ont été importées.</p>\n") }
        let intro: Markup = "<p>\(French.count(ingest.rejects.count, "personne ou fichier n'a pas pu être importé", "personnes ou fichiers n'ont pas pu être importés")). Corrigez l'export indiqué puis relancez l'import ; la liste complète est dans <code>rejects.csv</code>.</p>\n"
        return ReportSection.rejects.wrap(intro + grouped(ingest.rejects, page: page, file: "rejects.csv"))
    }

    static func warnings(_ page: PageContext) -> Markup {
        guard let ingest = page.input.ingest else { return ReportSection.warnings.wrap(PageContext.notRun("ingest")) }
        guard !ingest.warnings.isEmpty else { return ReportSection.warnings.wrap("<p>Aucun avertissement.</p>\n") }
        return ReportSection.warnings.wrap("""
        <details>
        <summary>\(French.count(ingest.warnings.count, "avertissement", "avertissements")) : personnes importées, avec un point à vérifier</summary>
        \(grouped(ingest.warnings, page: page, file: "warnings.csv"))</details>

        """)
    }

    /// The findings as one table per school (unknown school last), at most `limit` lines in all.
    private static func grouped(_ findings: [Finding], page: PageContext, file: String) -> Markup {
        var bySchool: [String: [Finding]] = [:]
        for finding in findings { bySchool[RecordIndex.school(of: finding)?.value ?? "~", default: []].append(finding) }
        var shown = 0
        var parts: [Markup] = []
        for key in bySchool.keys.sorted() {
            guard shown < limit else { break }
            let all = bySchool[key]!.sorted()
            let uai = UAI(key)
            let slice = all.prefix(limit - shown)
            shown += slice.count
            let rows = Markup.join(slice.map { f in
                """
                <tr><td class="file">\(f.file)</td><td>\(f.ref)</td><td>\(f.field)</td><td>\(f.subject ?? "")</td><td>\(f.reason)</td></tr>

                """
            })
            parts.append("""
            <h3>\(page.schoolLabel(uai)) — \(French.number(all.count))</h3>
            <div class="table-wrap"><table class="findings">
            <thead><tr><th scope="col">Fichier</th><th scope="col">Enregistrement</th><th scope="col">Champ</th>\
            <th scope="col">Personne</th><th scope="col">Motif</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></div>

            """)
        }
        if findings.count > shown {
            parts.append("<p class=\"more\">… et \(French.number(findings.count - shown)) autres lignes : voir <code>\(file)</code>.</p>\n")
        }
        return Markup.join(parts)
    }
}
