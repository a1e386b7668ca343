/// The page's sections, in order. Their headings are the contract the browser check verifies
/// (`scripts/check-report-chromium.sh` looks for each of them in the rendered page).
public enum ReportSection: String, CaseIterable, Sendable {
    case status = "etat"
    case schools = "ecoles"
    case ent = "comptes-ent"
    case charts = "graphiques"
    case files = "fichiers"
    case rejects = "rejets"
    case warnings = "avertissements"
    case review = "doublons"
    case familyLinks = "liens-familiaux"
    case guard_ = "garde-fou"

    /// The French `<h2>` of the section.
    public var heading: String {
        switch self {
        case .status: return "État de l'import"
        case .schools: return "Écoles"
        case .ent: return "Comptes dans l'ENT"
        case .charts: return "Graphiques"
        case .files: return "Fichiers reçus"
        case .rejects: return "Rejets"
        case .warnings: return "Avertissements"
        case .review: return "Doublons à décider"
        case .familyLinks: return "Liens familiaux"
        case .guard_: return "Garde-fou et exports absents"
        }
    }

    /// The section element with its heading and anchor.
    func wrap(_ body: Markup) -> Markup {
        "<section id=\"\(rawValue)\">\n<h2>\(heading)</h2>\n\(body)</section>\n\n"
    }
}
