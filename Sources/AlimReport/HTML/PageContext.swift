import AlimCore

/// What every section of the page needs, computed once per page.
struct PageContext {
    let input: ReportInput
    let index: RecordIndex
    let schools: [SchoolFacts]
    let totals: RunTotals

    init(_ input: ReportInput) {
        self.input = input
        index = RecordIndex(ingest: input.ingest, identity: input.identity)
        schools = SchoolFactsBuilder.build(input, index: index)
        totals = TotalsBuilder.totals(input)
    }

    /// The school label of a UAI as shown everywhere on the page.
    func schoolLabel(_ uai: UAI?) -> String {
        French.school(uai, name: uai.flatMap { SchoolNames.name(of: $0, input) })
    }

    /// The anchor of a school's part of the page, so a director can be sent a link to it.
    static func anchor(_ uai: UAI?) -> String { "ecole-" + (uai?.value ?? "inconnue") }

    /// The notice a section shows when the stage feeding it did not run.
    static func notRun(_ stage: String) -> Markup {
        "<p class=\"absent\">\(French.stage(stage)) : étape non exécutée.</p>\n"
    }
}
