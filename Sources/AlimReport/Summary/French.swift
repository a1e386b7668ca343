import AlimCore

/// French wording shared by the page and the terminal summary: numbers, durations, plurals, labels.
///
/// Written by hand rather than with `NumberFormatter` so the output never depends on the machine's
/// locale data: the same run gives the same bytes on every host.
enum French {
    /// No-break space: the French thousands separator and the space before « : » and inside « ».
    static let nbsp = "\u{00A0}"

    /// `12345` → `12 345` (with a no-break space).
    static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += nbsp }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// `950` → `950 ms`, `1234` → `1,2 s`, `125000` → `2 min 5 s`.
    static func duration(ms: Int) -> String {
        let ms = max(ms, 0)
        if ms < 1000 { return "\(ms)\(nbsp)ms" }
        if ms < 60_000 {
            let tenths = (ms + 50) / 100
            return tenths % 10 == 0 ? "\(tenths / 10)\(nbsp)s" : "\(tenths / 10),\(tenths % 10)\(nbsp)s"
        }
        let seconds = (ms + 500) / 1000
        return "\(seconds / 60)\(nbsp)min \(seconds % 60)\(nbsp)s"
    }

    /// `count` followed by the noun, singular for 0 and 1 as French does (« 0 rejet », « 2 rejets »).
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(number(n)) \(n <= 1 ? singular : plural)"
    }

    /// Stage names as the pipeline records them, in words; unknown names are shown as recorded.
    static let stageLabels: [String: String] = [
        "ingest": "Lecture des exports",
        "identity": "Identification des personnes",
        "normalize": "Normalisation des noms et contacts",
        "match": "Rapprochement des personnes",
        "accounts": "Comptes",
        "sheets": "Fiches de connexion",
        "report": "Rapport",
    ]

    static func stage(_ name: String) -> String { stageLabels[name] ?? name }

    static func platform(_ p: Platform) -> String {
        switch p {
        case .one: return "One (écoles)"
        case .college: return "ENT des collèges"
        }
    }

    static func profile(_ p: Profile) -> String {
        switch p {
        case .pupil: return "élèves"
        case .guardian: return "responsables légaux"
        }
    }

    static func kind(_ k: RecordKind) -> String {
        switch k {
        case .pupil: return "élève"
        case .guardian: return "responsable légal"
        case .contact: return "contact"
        }
    }

    static func level(_ l: SchoolLevel?) -> String {
        guard let l else { return "non renseigné" }
        switch l {
        case .sixieme: return "6e"
        case .cinquieme: return "5e"
        case .quatrieme: return "4e"
        case .troisieme: return "3e"
        case .other: return "autre"
        default: return l.rawValue
        }
    }

    static func fileStatus(_ s: FileOutcome.Status) -> String {
        switch s {
        case .imported: return "importé"
        case .refused: return "refusé"
        case .skipped: return "ignoré (non utilisé)"
        case .unknown: return "non reconnu"
        }
    }

    /// `2024-09-02` → `02/09/2024`; anything else as given.
    static func date(_ iso: String?) -> String? {
        guard let iso, let d = RunDate(iso) else { return iso }
        return d.french
    }

    /// Guillemets with no-break spaces: « texte ».
    static func quoted(_ s: String) -> String { "«\(nbsp)\(s)\(nbsp)»" }

    /// A school as directors name it: `École des Pins (0611234A)` or the UAI alone.
    static func school(_ uai: UAI?, name: String?) -> String {
        guard let uai else { return "École inconnue" }
        guard let name else { return uai.value }
        return "\(name) (\(uai.value))"
    }
}
