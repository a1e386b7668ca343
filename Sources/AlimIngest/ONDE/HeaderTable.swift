import AlimCore

/// The CSV exports Alim recognises from their header.
enum CSVKind: String, Sendable, CaseIterable {
    case ondePupils
    case ondeGuardians
    case activated
    /// ONDE's teacher export: staff are not Alim's business; recognised so it is skipped, not refused.
    case ondeTeachers

    var format: SourceFormat {
        switch self {
        case .ondePupils: return .ondePupils
        case .ondeGuardians: return .ondeGuardians
        case .activated: return .activated
        case .ondeTeachers: return .ondeTeachers
        }
    }

    /// How the export is named in French messages.
    var label: String {
        switch self {
        case .ondePupils: return "ONDE élèves"
        case .ondeGuardians: return "ONDE responsables"
        case .activated: return "comptes activés de l'ENT"
        case .ondeTeachers: return "ONDE enseignants"
        }
    }
}

/// A typed column Alim reads from a CSV export.
enum CSVField: String, Sendable, CaseIterable {
    // Pupils.
    case pupilLastName, pupilUsageName, pupilFirstName, pupilOtherFirstName, birthDate, sex, ine
    case address, postalCode, city, country, cycle, level, className
    // Guardians.
    case civility, guardianUsageName, guardianLastName, guardianFirstName, guardianAddress, guardianPostalCode
    case guardianCity, guardianCountry, email, phoneHome, phoneWork, phoneExtension, phoneMobile
    case childUsageName, childLastName, childFirstName, childClass
    // ENT activated export.
    case login, activationDate
    // ONDE teachers (only to recognise the export).
    case director
}

/// One row of the header table: which spellings of which export name a field.
struct HeaderEntry: Sendable {
    var kind: CSVKind
    var field: CSVField
    /// Missing from the header ⇒ the file is refused, naming `spellings[0]`.
    var required: Bool
    /// Present ⇒ the file is this kind (the columns no other export has).
    var identifies: Bool
    /// May appear several times (ONDE's child groups, further first names), mapped by position.
    var repeats: Bool
    /// Every spelling seen in ONDE and older Base Élèves exports; the first is the one named in messages.
    var spellings: [String]

    init(_ kind: CSVKind, _ field: CSVField, required: Bool = false, identifies: Bool = false,
         repeats: Bool = false, _ spellings: [String]) {
        self.kind = kind
        self.field = field
        self.required = required
        self.identifies = identifies
        self.repeats = repeats
        self.spellings = spellings
    }
}

/// The one table from header spellings to typed fields. Matching ignores case, accents, surrounding
/// spaces (ONDE writes `" Cycle"`) and runs of spaces, so only genuinely different words need a line.
/// To accept a new export variant, add its spelling here; no reader code changes.
enum HeaderTable {
    static let entries: [HeaderEntry] = [
        // ONDE / Base Élèves pupils (CSVExtraction-eleves.csv).
        HeaderEntry(.ondePupils, .pupilLastName, required: true, identifies: true,
                    ["Nom Elève", "Nom de famille élève", "Nom de famille de l'élève", "Nom de l'élève"]),
        HeaderEntry(.ondePupils, .pupilUsageName, ["Nom d'usage Elève", "Nom usage élève", "Nom d'usage de l'élève"]),
        HeaderEntry(.ondePupils, .pupilFirstName, required: true, identifies: true,
                    ["Prénom Elève", "Prénom 1", "Prénom de l'élève", "Premier prénom"]),
        HeaderEntry(.ondePupils, .pupilOtherFirstName, repeats: true, ["Prénom 2", "Prénom 3", "Autres prénoms"]),
        HeaderEntry(.ondePupils, .birthDate, required: true, ["Date naissance", "Date de naissance"]),
        HeaderEntry(.ondePupils, .sex, ["Sexe"]),
        HeaderEntry(.ondePupils, .ine, ["INE", "INE élève", "Numéro INE", "N° INE", "Identifiant national élève", "Identifiant national"]),
        HeaderEntry(.ondePupils, .address, ["Adresse1", "Adresse 1", "Adresse", "Adresse élève"]),
        HeaderEntry(.ondePupils, .postalCode, ["Cp1", "CP 1", "CP", "Code postal 1", "Code postal"]),
        HeaderEntry(.ondePupils, .city, ["Commune1", "Commune 1", "Commune"]),
        HeaderEntry(.ondePupils, .country, ["Pays1", "Pays 1", "Pays"]),
        HeaderEntry(.ondePupils, .cycle, ["Cycle"]),
        HeaderEntry(.ondePupils, .level, ["Niveau", "Niveau élève", "Libellé niveau"]),
        HeaderEntry(.ondePupils, .className, required: true, ["Classe", "Libellé classe", "Classe élève"]),

        // ONDE / Base Élèves guardians (CSVExtraction-responsables.csv).
        HeaderEntry(.ondeGuardians, .civility, ["Civilité Responsable", "Civilité"]),
        HeaderEntry(.ondeGuardians, .guardianUsageName, ["Nom usage responsable", "Nom d'usage responsable"]),
        HeaderEntry(.ondeGuardians, .guardianLastName, required: true, identifies: true,
                    ["Nom responsable", "Nom de famille responsable"]),
        HeaderEntry(.ondeGuardians, .guardianFirstName, required: true, identifies: true, ["Prénom responsable"]),
        HeaderEntry(.ondeGuardians, .guardianAddress, ["Adresse responsable"]),
        HeaderEntry(.ondeGuardians, .guardianPostalCode, ["CP responsable", "Code postal responsable"]),
        HeaderEntry(.ondeGuardians, .guardianCity, ["Commune responsable"]),
        HeaderEntry(.ondeGuardians, .guardianCountry, ["Pays", "Pays responsable"]),
        HeaderEntry(.ondeGuardians, .email, ["Courriel", "Courriel responsable", "Adresse électronique", "Email", "Mél"]),
        HeaderEntry(.ondeGuardians, .phoneHome, ["Téléphone domicile"]),
        HeaderEntry(.ondeGuardians, .phoneWork, ["Téléphone travail"]),
        HeaderEntry(.ondeGuardians, .phoneExtension, ["Numéro de poste"]),
        HeaderEntry(.ondeGuardians, .phoneMobile, ["Téléphone portable"]),
        HeaderEntry(.ondeGuardians, .childUsageName, repeats: true, ["Nom d'usage enfant", "Nom usage enfant"]),
        HeaderEntry(.ondeGuardians, .childLastName, required: true, identifies: true, repeats: true,
                    ["Nom de famille enfant", "Nom enfant"]),
        HeaderEntry(.ondeGuardians, .childFirstName, required: true, repeats: true, ["Prénom enfant"]),
        HeaderEntry(.ondeGuardians, .childClass, required: true, repeats: true,
                    ["Classes enfants", "Classe enfant", "Classe enfants", "Classes enfant"]),

        // The ENT's export of accounts already activated.
        HeaderEntry(.activated, .login, required: true, identifies: true, ["login", "identifiant"]),
        HeaderEntry(.activated, .activationDate, ["date", "activation", "date activation", "date d'activation", "activated"]),

        // ONDE teachers (CSVExtraction-enseignants.csv): recognised and skipped.
        HeaderEntry(.ondeTeachers, .director, required: true, identifies: true, ["Directeur"]),
    ]
}
