import AlimCore

/// « Graphiques »: pupil accounts by level, sheet coverage per school, stage durations.
enum ChartsSection {
    static func render(_ page: PageContext) -> Markup {
        ReportSection.charts.wrap(levels(page) + coverage(page) + durations(page))
    }

    /// Live pupil accounts by school level, in school order (levels with no pupil are left out).
    private static func levels(_ page: PageContext) -> Markup {
        let title = "Comptes d'élèves par niveau"
        guard let artifact = page.input.accounts else { return heading(title) + PageContext.notRun("accounts") }
        var counts: [SchoolLevel?: Int] = [:]
        for account in artifact.accounts where account.profile == .pupil && account.change != .left {
            counts[account.level, default: 0] += 1
        }
        let ordered: [SchoolLevel?] = SchoolLevel.allCases.map { Optional($0) } + [nil]
        let bars = ordered.compactMap { level in counts[level].map { (label: French.level(level), value: $0) } }
        guard !bars.isEmpty else { return heading(title) + "<p>Aucun compte d'élève.</p>\n" }
        let description = "Nombre de comptes d'élèves actifs par niveau : "
            + bars.map { "\($0.label) : \(French.number($0.value))" }.joined(separator: " ; ") + "."
        let chart = VerticalBarChart(id: "graph-niveaux", title: title, bars: bars)
        return ChartFigure(id: "graph-niveaux", title: title, description: description,
                           svg: chart.svg(description: description), header: ["Niveau", "Comptes d'élèves"],
                           rows: bars.map { [$0.label, French.number($0.value)] }).markup
    }

    /// Printed, e-mailed and missing sheets of guardians, one stacked bar per school.
    private static func coverage(_ page: PageContext) -> Markup {
        let title = "Couverture des fiches par école"
        guard page.input.sheets != nil else { return heading(title) + PageContext.notRun("sheets") }
        let rows = page.schools.compactMap { school -> (label: String, values: [Int])? in
            guard let s = school.sheets, s.total > 0 else { return nil }
            return (label: school.uai.value + (school.name.map { " " + $0 } ?? ""), values: [s.printed, s.emailed, s.withoutSheet])
        }
        guard !rows.isEmpty else { return heading(title) + "<p>Aucune fiche dans cet import.</p>\n" }
        let series = ["imprimées", "par courriel", "responsables sans fiche"]
        let description = "Fiches par école (imprimées, par courriel, responsables sans fiche) : "
            + rows.map { "\($0.label) : \($0.values.map(French.number).joined(separator: ", "))" }.joined(separator: " ; ") + "."
        let chart = StackedBarChart(id: "graph-fiches", title: title, series: series, rows: rows)
        return ChartFigure(id: "graph-fiches", title: title, description: description,
                           svg: chart.svg(description: description), header: ["École"] + series,
                           rows: rows.map { [$0.label] + $0.values.map(French.number) }).markup
    }

    /// Wall time of each stage as the pipeline measured it (the only part of the page that varies between reruns).
    private static func durations(_ page: PageContext) -> Markup {
        let title = "Durée des étapes"
        let stages = page.input.stages
        guard !stages.isEmpty else { return heading(title) + "<p>Aucune étape mesurée.</p>\n" }
        let bars = stages.map { (label: French.stage($0.name), value: $0.durationMs, text: French.duration(ms: $0.durationMs)) }
        let description = "Durée de chaque étape : "
            + bars.map { "\($0.label) : \($0.text)" }.joined(separator: " ; ") + "."
        let chart = HorizontalBarChart(id: "graph-durees", title: title, bars: bars)
        return ChartFigure(id: "graph-durees", title: title, description: description,
                           svg: chart.svg(description: description),
                           header: ["Étape", "Durée", "Entrées", "Sorties", "Rejets"],
                           rows: stages.map { [French.stage($0.name), French.duration(ms: $0.durationMs), French.number($0.recordsIn),
                                               French.number($0.recordsOut), French.number($0.rejects)] }).markup
    }

    private static func heading(_ title: String) -> Markup { "<h3>\(title)</h3>\n" }
}
