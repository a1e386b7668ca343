import AlimCore

/// Assembles report.html: one self-contained page (inline style, inline SVG, no script, no external
/// resource), so it opens offline from a mail attachment or a USB stick and prints cleanly.
enum HTMLPage {
    static func render(_ input: ReportInput) -> String {
        let page = PageContext(input)
        let title = "Rapport d'import Alim du \(input.date.french)"
        let nav = Markup.join(ReportSection.allCases.map { "<li><a href=\"#\($0.rawValue)\">\($0.heading)</a></li>" })
        let body = Markup.join([
            StatusSection.render(page),
            SchoolsSection.render(page),
            ENTSection.render(page),
            ChartsSection.render(page),
            FilesSection.render(page),
            FindingsSection.rejects(page),
            FindingsSection.warnings(page),
            ReviewSection.render(page),
            FamilyLinksSection.render(page),
            GuardSection.render(page),
        ])
        let document: Markup = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(title)</title>
        <style>
        \(Markup.trusted(PageStyle.css))</style>
        </head>
        <body>
        <header>
        <h1>\(title)</h1>
        <nav aria-label="Sections du rapport"><ul>\(nav)</ul></nav>
        </header>
        <main>
        \(body)</main>
        <footer><p>Page produite par Alim à partir des fichiers de l'exécution \(French.quoted(input.runId)). \
        Elle ne contient aucun code d'activation et se lit sans connexion.</p></footer>
        </body>
        </html>

        """
        return document.raw
    }
}
