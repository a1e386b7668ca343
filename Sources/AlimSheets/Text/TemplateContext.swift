import AlimCore

/// The variables a département's templates can use (documented in Templates/LISEZMOI.md).
///
/// Values are escaped for the medium by the caller-supplied function: pango markup for PDFs,
/// nothing for e-mail text. Templates themselves never escape.
enum TemplateContext {
    typealias Escape = @Sendable (String) -> String

    /// Variables common to every page of a school: `ecole`, `uai`, `annee_scolaire`.
    static func school(name: String, uai: UAI, date: RunDate, escape: Escape) -> [String: Any] {
        ["ecole": escape(name), "uai": uai.value, "annee_scolaire": schoolYear(date)]
    }

    /// The sheet's variables: school ones plus `classe`, `nom`, `prenom`, `profil`, `enfants`
    /// (`prenom`, `nom`, `classe`), `identifiant`, `code`, `expiration`, `url`, `courriel`, `educonnect`.
    static func sheet(_ s: Sheet, date: RunDate, escape: Escape) -> [String: Any] {
        var c = school(name: s.schoolName, uai: s.uai, date: date, escape: escape)
        c["classe"] = escape(s.className)
        c["nom"] = escape(s.lastName)
        c["prenom"] = escape(s.firstName)
        c["profil"] = s.kind.rawValue
        c["enfants"] = s.children.map { ["prenom": escape($0.firstName), "nom": escape($0.lastName), "classe": escape($0.className)] }
        c["identifiant"] = escape(s.login)
        c["code"] = escape(s.code)
        // Absent when the code does not expire (the ENT's): `{{#expiration}}…{{/expiration}}` is then skipped.
        if !s.expires.isEmpty { c["expiration"] = s.expires }
        c["url"] = escape(s.url)
        c["courriel"] = escape(s.email ?? "")
        c["educonnect"] = s.educonnectNotice
        return c
    }

    /// French school year of the run day: from August on, `2025-2026`.
    static func schoolYear(_ d: RunDate) -> String {
        d.month >= 8 ? "\(d.year)-\(d.year + 1)" : "\(d.year - 1)-\(d.year)"
    }

    static let pango: Escape = PangoEscape.escape
    static let plain: Escape = { !$0.utf8.contains(where: { $0 == 13 || $0 == 10 }) ? $0 : $0.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") }
}
