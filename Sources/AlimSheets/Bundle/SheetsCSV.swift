import AlimCore

/// sheets.csv: one row per sheet printed or e-mailed, with every field the sheet carries, so a
/// school can also run its own mail merge. Holds activation codes: written 0600 like the PDFs.
enum SheetsCSV {
    static let header = ["uai", "ecole", "classe", "profil", "nom", "prenom", "enfants", "identifiant",
                         "code_activation", "expiration", "url", "courriel", "notice_educonnect", "fichier"]

    static func row(_ s: Sheet, files: [String]) -> [String] {
        [s.uai.value, s.schoolName, s.className, s.kind.rawValue, s.lastName, s.firstName, s.childrenText, s.login,
         s.code, s.expires, s.url, s.email ?? "", s.educonnectNotice ? "oui" : "non", files.joined(separator: " + ")]
    }
}
