import AlimCore

/// « État de l'import »: the exit status in words, the key figures, the stages that did not run.
enum StatusSection {
    static func render(_ page: PageContext) -> Markup {
        let input = page.input
        let status = input.exitStatus
        let tone: String
        switch status {
        case .success: tone = "ok"
        case .inputUnusable, .massRemoval: tone = "warn"
        case .internalError, .usage, .locked: tone = "bad"
        }
        let totals = page.totals
        var accountCards: [Markup] = []
        if input.accounts != nil {
            for platform in Platform.allCases {
                for profile in Profile.allCases {
                    let n = totals.accounts[TotalsBuilder.key(platform, profile)] ?? 0
                    accountCards.append(card("Comptes \(French.platform(platform)), \(French.profile(profile))", n))
                }
            }
        } else {
            accountCards.append(card("Comptes", nil))
        }
        let cards: [Markup] = [card("Personnes identifiées", input.identity == nil ? nil : totals.persons)]
            + accountCards + [
                card("Fiches produites", input.sheets == nil ? nil : totals.sheets),
                card("Doublons à décider", input.identity == nil ? nil : totals.reviewPairs),
                card("Rejets", input.ingest == nil ? nil : totals.rejects),
                card("Avertissements", input.ingest == nil ? nil : totals.warnings),
            ]
        let missing = missingStages(input)
        let missingNote: Markup = missing.isEmpty ? .empty
            : "<p class=\"absent\">Étapes non exécutées : \(missing.joined(separator: ", ")). Les chiffres correspondants sont marqués « — ».</p>\n"
        return ReportSection.status.wrap("""
        <div class="status \(tone)">
        <p class="status-code">Code de sortie \(Int(status.rawValue))</p>
        <p class="status-words">\(status.french)</p>
        </div>
        <p class="meta">Import du \(input.date.french) — exécution \(French.quoted(input.runId)).</p>
        \(missingNote)<div class="cards">
        \(cards)</div>

        """)
    }

    /// The French names of the stages whose artifact is absent.
    static func missingStages(_ input: ReportInput) -> [String] {
        var names: [String] = []
        if input.ingest == nil { names.append(French.stage("ingest")) }
        if input.identity == nil { names.append(French.stage("identity")) }
        if input.accounts == nil { names.append(French.stage("accounts")) }
        if input.sheets == nil { names.append(French.stage("sheets")) }
        return names
    }

    private static func card(_ label: String, _ value: Int?) -> Markup {
        let shown = value.map(French.number) ?? "—"
        return "<div class=\"card\"><span class=\"card-value\">\(shown)</span><span class=\"card-label\">\(label)</span></div>\n"
    }
}
