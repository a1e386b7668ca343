import AlimCore

/// What reading one ONDE file produced, before guardians are joined to the school's pupils.
struct OndeFileResult: Sendable {
    var records: [PersonRecord] = []
    var rejects: [Finding] = []
    var warnings: [Finding] = []
    /// Guardian rows waiting for the pupils of their school.
    var guardians: [PendingGuardian] = []
    /// Person rows read (accepted + rejected + pending guardians).
    var personRows = 0
    /// Rows of the organismes d'accueil trailer.
    var skippedRows = 0
    /// Levels already parsed, by spelling (a file has a handful of spellings and many rows).
    var levels: [String: SchoolLevel] = [:]
    /// The guardian row read just before, when all its child groups were filled: the next row may
    /// continue it.
    var lastFullGuardian: (ref: RecordRef, identity: [String?])?
}

/// A guardian row read but not yet linked: the join needs every pupil file of the school first.
struct PendingGuardian: Sendable {
    var record: PersonRecord
    var children: [ChildReference]
}

/// One repeated child group of a guardian row (`Nom d'usage enfant;Nom de famille enfant;Prénom enfant;Classes enfants`).
struct ChildReference: Sendable {
    /// 1-based position of the group in the row.
    var group: Int
    var lastName: String?
    var usageName: String?
    var firstName: String?
    var className: String?
    /// The child's birth date (`YYYY-MM-DD`) when the guardian file carries one: extra evidence.
    var birthDate: String? = nil
    /// The header names of the group, for the finding's `field`.
    var field: String

    /// `Prénom NOM (classe)` for French messages; both names when the row gives both.
    var display: String {
        var names = [lastName, usageName].compactMap { $0 }
        if names.count == 2, TextFold.key(names[0]) == TextFold.key(names[1]) { names.removeLast() }
        let name = ([firstName].compactMap { $0 } + [names.joined(separator: " / ")].filter { !$0.isEmpty }).joined(separator: " ")
        return className.map { "\(name) (\($0))" } ?? name
    }
}

/// The ONDE *organismes d'accueil* trailer: a row `Intitulé;Adresse Organisme;…` after which no
/// row is a person.
enum OndeTrailer {
    static func starts(_ row: CSVRow) -> Bool {
        // Cheap test first: this runs on every row, and folding accents is not cheap.
        guard row.count >= 2, let first = row.value(0), first.utf8.count <= 12,
              first.lowercased().hasPrefix("intitul"), let second = row.value(1) else { return false }
        return HeaderKey.normalise(first) == "INTITULE" && HeaderKey.normalise(second) == "ADRESSEORGANISME"
    }
}
