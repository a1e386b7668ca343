import AlimCore

/// « Fichiers reçus »: how each inbox file was handled, refused files first in the eye (highlighted).
enum FilesSection {
    static func render(_ page: PageContext) -> Markup {
        guard let ingest = page.input.ingest else { return ReportSection.files.wrap(PageContext.notRun("ingest")) }
        guard !ingest.files.isEmpty else { return ReportSection.files.wrap("<p>Aucun fichier dans la boîte de dépôt.</p>\n") }
        let rows = Markup.join(ingest.files.sorted().map { file -> Markup in
            let tone = file.status == .refused || file.status == .unknown ? " class=\"alert-row\"" : ""
            return """
            <tr\(Markup.trusted(tone))><td class="file">\(file.file)</td><td>\(file.format?.rawValue ?? "—")</td>\
            <td>\(file.uai?.value ?? "—")</td><td>\(French.fileStatus(file.status))</td>\
            <td class="num">\(French.number(file.records))</td><td class="num">\(French.number(file.skippedRows))</td>\
            <td>\(file.message ?? "")</td></tr>

            """
        })
        return ReportSection.files.wrap("""
        <div class="table-wrap"><table>
        <thead><tr><th scope="col">Fichier</th><th scope="col">Format reconnu</th><th scope="col">École</th>\
        <th scope="col">Traitement</th><th scope="col">Personnes lues</th><th scope="col">Lignes ignorées</th><th scope="col">Message</th></tr></thead>
        <tbody>
        \(rows)</tbody></table></div>

        """)
    }
}
