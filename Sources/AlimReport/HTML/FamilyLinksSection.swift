import AlimCore

/// « Liens familiaux »: per primary school, what the ONDE join made of the child references written
/// on the guardian rows (links made, refused as ambiguous, not found), then every ambiguous
/// reference with its candidates, so a director sees the night a family lost or could have gained a
/// link.
enum FamilyLinksSection {
    static func render(_ page: PageContext) -> Markup {
        guard let ingest = page.input.ingest else { return ReportSection.familyLinks.wrap(PageContext.notRun("ingest")) }
        let audits = ingest.familyLinks.sorted()
        guard !audits.isEmpty else {
            return ReportSection.familyLinks.wrap("<p>Aucun fichier de responsables ONDE n'a été lu cette nuit.</p>\n")
        }
        let total = audits.reduce(into: FamilyLinkAudit(uai: audits[0].uai)) { sum, a in
            sum.guardianRows += a.guardianRows
            sum.references += a.references
            sum.linked += a.linked
            sum.ambiguous += a.ambiguous
            sum.notFound += a.notFound
            sum.unjustified += a.unjustified
        }
        let intro: Markup = """
        <p>Chaque enfant indiqué sur une ligne de responsable ONDE est relié à un seul élève de l'école, \
        seulement si son nom (de naissance ou d'usage), son prénom et sa classe correspondent. \
        Un enfant qui correspond à plusieurs élèves n'est relié à aucun : le directeur ou la directrice indique lequel.</p>

        """
        let rows = Markup.join(audits.map { a in
            "<tr><th scope=\"row\">\(page.schoolLabel(a.uai))</th>\(cell(a.guardianRows))\(cell(a.references))"
                + "\(cell(a.linked))\(cell(a.ambiguous, alert: true))\(cell(a.notFound, alert: true))\(cell(a.unjustified, alert: true))</tr>\n"
        })
        let totals: Markup = "<tr class=\"total\"><th scope=\"row\">Total</th>\(cell(total.guardianRows))\(cell(total.references))"
            + "\(cell(total.linked))\(cell(total.ambiguous, alert: true))\(cell(total.notFound, alert: true))"
            + "\(cell(total.unjustified, alert: true))</tr>\n"
        let table: Markup = """
        <div class="table-wrap"><table class="family-links">
        <thead><tr><th scope="col">École</th><th scope="col">Lignes de responsables</th><th scope="col">Enfants indiqués</th>\
        <th scope="col">Liens créés</th><th scope="col">Ambigus (à décider)</th><th scope="col">Introuvables</th>\
        <th scope="col">Liens non justifiés</th></tr></thead>
        <tbody>
        \(rows)\(totals)</tbody></table></div>

        """
        var alert = Markup.empty
        if total.unjustified > 0 {
            let n = total.unjustified
            let text = French.count(n, "lien trouvé ne correspondait", "liens trouvés ne correspondaient")
                + " pas au texte des lignes et " + (n > 1 ? "n'ont pas été créés" : "n'a pas été créé") + " : signalez-le à l'équipe ENT."
            alert = "<p class=\"alert\">\(text)</p>\n"
        }
        return ReportSection.familyLinks.wrap(intro + table + alert + ambiguous(ingest, page: page))
    }

    private static func cell(_ n: Int, alert: Bool = false) -> Markup {
        alert && n > 0 ? "<td class=\"num alert\">\(n)</td>" : "<td class=\"num\">\(n)</td>"
    }

    /// The ambiguous references, each with its candidates (also in link-review.csv).
    private static func ambiguous(_ ingest: IngestArtifact, page: PageContext) -> Markup {
        guard !ingest.linkReview.isEmpty else { return "<p>Aucun enfant ambigu.</p>\n" }
        let items = Markup.join(ingest.linkReview.sorted().map { item in
            let candidates = Markup.join(item.candidates.map { ref -> Markup in
                guard let p = page.index.records[ref] else { return "<li>\(ref.description)</li>" }
                let born = p.birthDate.map { " — né(e) le \(French.date($0) ?? $0)" } ?? ""
                return "<li>\(p.firstName) \(p.displayLastName) (\(p.className ?? "sans classe"))\(born) — <span class=\"file\">\(ref.description)</span></li>"
            })
            return """
            <li><strong>\(item.guardianName)</strong> (\(page.schoolLabel(item.uai)), <span class="file">\(item.guardian.description)</span>) \
            indique « \(item.reference) », qui correspond à :<ul>\(candidates)</ul></li>

            """
        })
        return """
        <p>\(French.count(ingest.linkReview.count, "enfant indiqué correspond", "enfants indiqués correspondent")) \
        à plusieurs élèves (liste complète dans <code>link-review.csv</code>) :</p>
        <ul class="link-review">
        \(items)</ul>

        """
    }
}
