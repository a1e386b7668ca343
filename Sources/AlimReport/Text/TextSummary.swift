import AlimCore

/// The few lines `alim run` and `alim report` print: enough to know, under cron or at the terminal,
/// whether the night went well and where to look next. Plain text (the CLI adds colour on a TTY).
enum TextSummary {
    /// Most school lines printed; the page has the rest.
    static let maxSchools = 10

    static func render(_ input: ReportInput, runDirectory: String?) -> String {
        let page = PageContext(input)
        let totals = page.totals
        var lines: [String] = []
        lines.append("Alim — import du \(input.date.french) (exécution \(clip(input.runId, 60)))")
        lines.append("État : code \(input.exitStatus.rawValue) — \(input.exitStatus.french)")
        let missing = StatusSection.missingStages(input)
        if !missing.isEmpty { lines.append("Étapes non exécutées : \(missing.joined(separator: ", "))") }

        var figures: [String] = []
        if input.identity != nil { figures.append(French.count(totals.persons, "personne", "personnes")) }
        if input.accounts != nil {
            let live = totals.accounts.values.reduce(0, +)
            let detail = Platform.allCases.flatMap { platform in
                Profile.allCases.compactMap { profile -> String? in
                    let n = totals.accounts[TotalsBuilder.key(platform, profile)] ?? 0
                    return n == 0 ? nil : "\(platform == .one ? "One" : "collège") \(French.profile(profile)) \(French.number(n))"
                }
            }
            figures.append(French.count(live, "compte", "comptes") + (detail.isEmpty ? "" : " (\(detail.joined(separator: ", ")))"))
        }
        if input.sheets != nil { figures.append(French.count(totals.sheets, "fiche", "fiches")) }
        if !figures.isEmpty { lines.append("Totaux : " + figures.joined(separator: " · ")) }

        if input.ingest != nil || input.identity != nil {
            var checks: [String] = []
            if input.ingest != nil {
                checks.append(French.count(totals.rejects, "rejet", "rejets"))
                checks.append(French.count(totals.warnings, "avertissement", "avertissements"))
            }
            if input.identity != nil { checks.append(French.count(totals.reviewPairs, "doublon à décider", "doublons à décider")) }
            lines.append("À vérifier : " + checks.joined(separator: " · "))
        }
        if let audits = input.ingest?.familyLinks, !audits.isEmpty {
            let made = audits.reduce(0) { $0 + $1.linked }, ambiguous = audits.reduce(0) { $0 + $1.ambiguous }
            let missing = audits.reduce(0) { $0 + $1.notFound }, unjustified = audits.reduce(0) { $0 + $1.unjustified }
            var parts = [French.count(made, "lien créé", "liens créés"), French.count(ambiguous, "enfant ambigu", "enfants ambigus"),
                         French.count(missing, "enfant introuvable", "enfants introuvables")]
            if unjustified > 0 { parts.append(French.count(unjustified, "lien non justifié écarté", "liens non justifiés écartés")) }
            lines.append("Liens familiaux : " + parts.joined(separator: " · ") + (ambiguous > 0 ? " (voir link-review.csv)" : ""))
        }

        if let line = entLine(input) { lines.append(line) }

        if !page.schools.isEmpty {
            lines.append("Écoles (\(French.number(page.schools.count))) :")
            for school in page.schools.prefix(maxSchools) { lines.append("  " + schoolLine(school)) }
            if page.schools.count > maxSchools {
                lines.append("  … et \(French.number(page.schools.count - maxSchools)) autres écoles : voir le rapport")
            }
        }

        if let rejects = input.ingest?.rejects, !rejects.isEmpty {
            lines.append("Motifs de rejet les plus fréquents :")
            for (reason, n) in topReasons(rejects, count: 3) { lines.append("  \(French.number(n)) × \(clip(reason, 90))") }
        }
        if let review = input.identity?.review, let first = review.map(\.id).min() {
            lines.append("Doublons : « alim review decide <id> merge » (même personne) ou « … distinct » (personnes différentes), ex. \(clip(first, 40))")
        }
        if let runDirectory {
            let dir = runDirectory.hasSuffix("/") ? String(runDirectory.dropLast()) : runDirectory
            lines.append("Rapport : \(dir)/report.html")
            lines.append("Sorties : \(dir)/")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `0611234A École des Pins : 2 élèves, 1 responsable ; comptes : 3 nouveaux ; fiches : 3 imprimées…`,
    /// zero counts left out so the line stays short, alarms in capitals at the end.
    static func schoolLine(_ s: SchoolFacts) -> String {
        var parts: [String] = []
        if let pupils = s.pupils, let guardians = s.guardians {
            parts.append(French.count(pupils, "élève", "élèves") + ", " + French.count(guardians, "responsable", "responsables"))
        }
        if let a = s.accounts {
            let changes = [(a.new, "nouveau", "nouveaux"), (a.changed, "modifié", "modifiés"), (a.left, "parti", "partis"),
                           (a.returned, "revenu", "revenus"), (a.held, "retenu", "retenus"), (a.merged, "fusionné", "fusionnés")]
                .filter { $0.0 > 0 }.map { French.count($0.0, $0.1, $0.2) }
            parts.append("comptes : " + (changes.isEmpty ? "aucun changement" : changes.joined(separator: ", ")))
        }
        if let sh = s.sheets {
            let sheets = [(sh.printed, "imprimée", "imprimées"), (sh.emailed, "par courriel", "par courriel"),
                          (sh.withoutSheet, "sans fiche", "sans fiche")]
                .filter { $0.0 > 0 }.map { French.count($0.0, $0.1, $0.2) }
            parts.append("fiches : " + (sheets.isEmpty ? "aucune" : sheets.joined(separator: ", ")))
        }
        var alerts: [String] = []
        if let n = s.rejects, n > 0 { alerts.append(French.count(n, "rejet", "rejets")) }
        if let n = s.reviewPairs, n > 0 { alerts.append(French.count(n, "doublon", "doublons")) }
        if !alerts.isEmpty { parts.append(alerts.joined(separator: ", ")) }
        var line = s.uai.value + (s.name.map { " " + clip($0, 30) } ?? "") + " : " + parts.joined(separator: " ; ")
        if s.hold != nil { line += " [RETENUE PAR LE GARDE-FOU]" }
        if s.exportMissing { line += " [EXPORT ABSENT]" }
        return line
    }

    /// `Comptes One dans l'ENT : 40 en attente de création · 63 fiches ce soir · 2 déjà activés — l'ENT n'a encore
    /// rien créé pour 0610002B, 0610004D`: the three states always, the others when not zero.
    static func entLine(_ input: ReportInput) -> String? {
        guard let total = ENTAccounts.total(input), let schools = ENTAccounts.perSchool(input), !schools.isEmpty else { return nil }
        let words: [(ENTAccountState, String, String, Bool)] = [
            (.waiting, "en attente de création", "en attente de création", true),
            (.printable, "fiche ce soir", "fiches ce soir", true),
            (.handed, "fiche déjà remise", "fiches déjà remises", false),
            (.activated, "déjà activé", "déjà activés", true),
            (.contradictory, "contradictoire (voir warnings.csv)", "contradictoires (voir warnings.csv)", false),
            (.codeUnknown, "sans code connu", "sans code connu", false),
            (.noSheet, "sans fiche prévue", "sans fiche prévue", false),
        ]
        let parts = words.compactMap { state, one, many, always -> String? in
            let n = total[state] ?? 0
            return always || n > 0 ? French.count(n, one, many) : nil
        }
        var line = "Comptes One dans l'ENT : " + parts.joined(separator: " · ")
        let untouched = schools.filter { $0.total > 0 && $0.waiting == $0.total }.map(\.uai.value)
        if !untouched.isEmpty {
            let shown = untouched.prefix(5).joined(separator: ", ") + (untouched.count > 5 ? ", …" : "")
            line += " — l'ENT n'a encore rien créé pour " + shown
        }
        return line
    }

    /// The most frequent reject reasons, most frequent first, then alphabetical.
    static func topReasons(_ findings: [Finding], count: Int) -> [(String, Int)] {
        var tally: [String: Int] = [:]
        for f in findings { tally[f.reason, default: 0] += 1 }
        return tally.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(count).map { ($0.key, $0.value) }
    }

    /// Keeps terminal lines short and inert: control characters from the data (escape sequences that
    /// could clear or recolour the operator's terminal) are replaced, long strings shortened.
    static func clip(_ s: String, _ max: Int) -> String {
        var safe = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { safe += "\u{FFFD}" } else { safe.unicodeScalars.append(scalar) }
        }
        return safe.count <= max ? safe : String(safe.prefix(max - 1)) + "…"
    }
}
