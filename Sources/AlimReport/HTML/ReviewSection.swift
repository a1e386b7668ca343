import AlimCore

/// « Doublons à décider »: each pair the matcher left to the director, both records side by side,
/// the reasons for and against, and the two commands that record the decision.
enum ReviewSection {
    static func render(_ page: PageContext) -> Markup {
        guard let identity = page.input.identity else { return ReportSection.review.wrap(PageContext.notRun("identity")) }
        guard !identity.review.isEmpty else { return ReportSection.review.wrap("<p>Aucun doublon à décider.</p>\n") }
        let intro: Markup = """
        <p>\(French.count(identity.review.count, "paire de fiches pourrait", "paires de fiches pourraient")) désigner la même personne. \
        Le directeur ou la directrice décide ; la décision est appliquée à chaque import suivant. \
        Tant qu'une paire n'est pas décidée, les deux personnes restent distinctes.</p>

        """
        let pairs = identity.review.sorted { $0.id < $1.id }.map { pair(for: $0, page: page) }
        return ReportSection.review.wrap(intro + Markup.join(pairs))
    }

    /// The command lines a director runs; shown on the page, also used by the terminal summary.
    static func commands(_ id: String) -> (merge: String, distinct: String) {
        ("alim review decide \(id) merge", "alim review decide \(id) distinct")
    }

    private static func pair(for pair: ReviewPair, page: PageContext) -> Markup {
        let a = page.index.records[pair.a], b = page.index.records[pair.b]
        let schools = page.index.schools(of: pair.a).union(page.index.schools(of: pair.b)).sorted()
        let where_ = schools.isEmpty ? "École inconnue" : schools.map { page.schoolLabel($0) }.joined(separator: ", ")
        let lines: [(String, (PersonRecord) -> String?)] = [
            ("Nom", { r in r.usageName.map { "\(r.lastName) (usage : \($0))" } ?? r.lastName }),
            ("Prénom", { ([$0.firstName] + $0.otherFirstNames).joined(separator: ", ") }),
            ("Naissance", { French.date($0.birthDate) }),
            ("Type", { French.kind($0.kind) }),
            ("Classe", { r in [r.className, r.level.map { French.level($0) }].compactMap { $0 }.joined(separator: " — ") }),
            ("Courriel", { $0.email }),
            ("Enfants", { r in r.links.isEmpty ? nil : r.links.map { link in
                page.index.records[link.pupil].map { "\($0.firstName) \($0.displayLastName)" } ?? link.pupil.description
            }.joined(separator: ", ") }),
        ]
        let rows = Markup.join(lines.map { label, value in
            "<tr><th scope=\"row\">\(label)</th><td>\(shown(a, value))</td><td>\(shown(b, value))</td></tr>\n"
        })
        let reasons = Markup.join(pair.reasons.map { "<li>\($0)</li>\n" })
        let cmd = commands(pair.id)
        return """
        <article class="pair" id="paire-\(pair.id)">
        <h3>Paire \(pair.id) <span class="score">score \(score(pair.score))</span></h3>
        <p class="pair-school">\(where_)</p>
        <div class="table-wrap"><table class="pair-table">
        <thead><tr><th scope="col"></th><th scope="col">Fiche A : <span class="file">\(pair.a.description)</span></th>\
        <th scope="col">Fiche B : <span class="file">\(pair.b.description)</span></th></tr></thead>
        <tbody>
        \(rows)</tbody></table></div>
        <p class="evidence-title">Indices :</p>
        <ul class="evidence">
        \(reasons)</ul>
        <p class="decide">Même personne : <code>\(cmd.merge)</code><br>Personnes différentes : <code>\(cmd.distinct)</code></p>
        </article>

        """
    }

    /// One line of one record, or a dash when the record or the value is missing.
    private static func shown(_ record: PersonRecord?, _ value: (PersonRecord) -> String?) -> String {
        guard let record, let text = value(record), !text.isEmpty else { return "—" }
        return text
    }

    /// The match weight with one decimal and a French comma, rounded the same on every machine.
    static func score(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10),\(abs(tenths) % 10)"
    }
}
