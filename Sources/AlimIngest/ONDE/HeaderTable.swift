import AlimCore

/// The CSV exports Alim recognises from their header.
enum CSVKind: String, Sendable, CaseIterable {
    case ondePupils
    case ondeGuardians
    case activated
    /// ONDE's teacher export: staff are not Alim's business; recognised so it is skipped, not refused.
    case ondeTeachers
    /// The ENT's users export: its logins, the aliases and externalIds Alim gave, activation codes.
    case entUsers
    /// The ENT's `activation_de_comptes.csv`: accounts not yet activated, with login, alias and code.
    case entActivation

    /// The ENT's account exports: their own columns decide the export, whatever person columns
    /// (`Nom`, `Prénom`, `Classes`) they share with ONDE.
    var isENTAccounts: Bool { self == .entUsers || self == .entActivation }

    var format: SourceFormat {
        switch self {
        case .ondePupils: return .ondePupils
        case .ondeGuardians: return .ondeGuardians
        case .activated: return .activated
        case .ondeTeachers: return .ondeTeachers
        case .entUsers: return .entUsers
        case .entActivation: return .entActivation
        }
    }

    /// How the export is named in French messages.
    var label: String {
        switch self {
        case .ondePupils: return "ONDE élèves"
        case .ondeGuardians: return "ONDE responsables"
        case .activated: return "comptes activés de l'ENT"
        case .ondeTeachers: return "ONDE enseignants"
        case .entUsers: return "utilisateurs de l'ENT"
        case .entActivation: return "activation des comptes de l'ENT"
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
    case childUsageName, childLastName, childFirstName, childClass, childBirthDate
    // ENT activated export; `login` is also the ENT's login in its account exports.
    case login, activationDate
    // ENT account exports (users, activation_de_comptes).
    case externalId, accountType, entLastName, entFirstName, loginAlias, activationCode
    // ONDE teachers (only to recognise the export).
    case director
    /// A column the export is known to carry and Alim does not read (second address, consents,
    /// class id…): ignored without a warning, where an unknown column gets one.
    case unused
}

/// One row of the header table: which spellings of which export name a field.
struct HeaderEntry: Sendable {
    var kind: CSVKind
    var field: CSVField
    /// Missing from the header ⇒ the file is refused, naming `spellings[0]`.
    var required: Bool
    /// May appear several times (ONDE's child groups, further first names), mapped by position.
    var repeats: Bool
    /// Every spelling seen in ONDE, older Base Élèves exports and the ENT's own import templates; the
    /// first is the one named in messages. Compared through `HeaderKey` (case, accents, spaces,
    /// apostrophes, `*`, punctuation and BOM ignored).
    var spellings: [String]

    init(_ kind: CSVKind, _ field: CSVField, required: Bool = false, repeats: Bool = false, _ spellings: [String]) {
        self.kind = kind
        self.field = field
        self.required = required
        self.repeats = repeats
        self.spellings = spellings
    }
}

/// The one table from header spellings to typed fields, per export. To accept a new export
/// variant, add its spelling here; no reader code changes.
///
/// A spelling may belong to several exports (`Nom`, `Prénom élève`: the pupil's own name in a pupil
/// file, the child's in a guardian file); `HeaderMap` decides the export from the spellings that
/// belong to one export only, then reads every column with that export's lines.
enum HeaderTable {
    static let entries: [HeaderEntry] = [
        // ONDE / Base Élèves pupils (CSVExtraction-eleves.csv), and the ENT's CSV_Eleves templates.
        HeaderEntry(.ondePupils, .pupilLastName, required: true,
                    ["Nom Elève", "Nom de famille élève", "Nom de famille de l'élève", "Nom de l'élève", "Nom de famille", "Nom"]),
        HeaderEntry(.ondePupils, .pupilUsageName, ["Nom d'usage Elève", "Nom usage élève", "Nom d'usage de l'élève", "Nom d'usage", "Nom usage"]),
        HeaderEntry(.ondePupils, .pupilFirstName, required: true,
                    ["Prénom Elève", "Prénom 1", "Prénom de l'élève", "Premier prénom", "Prénom"]),
        HeaderEntry(.ondePupils, .pupilOtherFirstName, repeats: true,
                    ["Prénom 2", "Prénom 3", "Autres prénoms", "Deuxième prénom", "Troisième prénom", "Second prénom"]),
        HeaderEntry(.ondePupils, .birthDate, required: true, ["Date naissance", "Date de naissance", "Né(e) le", "Née le", "Date_naiss"]),
        HeaderEntry(.ondePupils, .sex, ["Sexe", "Genre"]),
        HeaderEntry(.ondePupils, .ine, ["INE", "INE élève", "Numéro INE", "N° INE", "Identifiant national élève", "Identifiant national"]),
        HeaderEntry(.ondePupils, .address, ["Adresse1", "Adresse", "Adresse élève"]),
        HeaderEntry(.ondePupils, .postalCode, ["Cp1", "CP", "Code postal 1", "Code postal"]),
        HeaderEntry(.ondePupils, .city, ["Commune1", "Commune", "Ville"]),
        HeaderEntry(.ondePupils, .country, ["Pays1", "Pays"]),
        HeaderEntry(.ondePupils, .cycle, ["Cycle"]),
        HeaderEntry(.ondePupils, .level, ["Niveau", "Niveau élève", "Libellé niveau"]),
        HeaderEntry(.ondePupils, .className, required: true,
                    ["Classe", "Libellé classe", "Classes", "Classe ou regroupement"]),
        HeaderEntry(.ondePupils, .unused, repeats: true, [
            "Adresse2", "Cp2", "Commune2", "Pays2", "Attestation fournie", "Autorisations associations",
            "Autorisations photos", "Décision de passage", "Identifiant classe", "Identifiant élève", "Externalid", "Id",
            "Regroupement", "Groupes", "Filière", "MEF", "Libellé MEF", "Boursier", "Transport", "Téléphone",
            "Téléphone travail", "Email", "Courriel", "Date d'entrée", "Date de sortie", "Nationalité",
        ]),

        // ONDE / Base Élèves guardians (CSVExtraction-responsables.csv), and the ENT's CSV_Parents
        // templates. The child columns come in repeated groups with three spellings: `… enfant`
        // (ONDE), `… élève` (other ONDE versions), `… de l'élève` (the ENT's template).
        HeaderEntry(.ondeGuardians, .civility, ["Civilité Responsable", "Civilité"]),
        HeaderEntry(.ondeGuardians, .guardianUsageName, ["Nom usage responsable", "Nom d'usage responsable", "Nom d'usage", "Nom usage"]),
        HeaderEntry(.ondeGuardians, .guardianLastName, required: true,
                    ["Nom responsable", "Nom de famille responsable", "Nom de famille", "Nom"]),
        HeaderEntry(.ondeGuardians, .guardianFirstName, required: true, ["Prénom responsable", "Prénom"]),
        HeaderEntry(.ondeGuardians, .guardianAddress, ["Adresse responsable", "Adresse", "Adresse1"]),
        HeaderEntry(.ondeGuardians, .guardianPostalCode, ["CP responsable", "Code postal responsable", "CP", "Code postal"]),
        HeaderEntry(.ondeGuardians, .guardianCity, ["Commune responsable", "Commune", "Ville"]),
        HeaderEntry(.ondeGuardians, .guardianCountry, ["Pays", "Pays responsable"]),
        HeaderEntry(.ondeGuardians, .email, ["Courriel", "Courriel responsable", "Adresse électronique", "Email", "E-mail", "Mél", "Adresse mail"]),
        HeaderEntry(.ondeGuardians, .phoneHome, ["Téléphone domicile", "Téléphone"]),
        HeaderEntry(.ondeGuardians, .phoneWork, ["Téléphone travail"]),
        HeaderEntry(.ondeGuardians, .phoneExtension, ["Numéro de poste", "Poste"]),
        HeaderEntry(.ondeGuardians, .phoneMobile, ["Téléphone portable", "Portable", "Mobile"]),
        HeaderEntry(.ondeGuardians, .childUsageName, repeats: true,
                    ["Nom d'usage enfant", "Nom usage enfant", "Nom d'usage élève", "Nom usage élève", "Nom d'usage de l'élève"]),
        HeaderEntry(.ondeGuardians, .childLastName, required: true, repeats: true,
                    ["Nom de famille enfant", "Nom enfant", "Nom de famille élève", "Nom de famille de l'élève", "Nom de l'élève"]),
        HeaderEntry(.ondeGuardians, .childFirstName, required: true, repeats: true,
                    ["Prénom enfant", "Prénom élève", "Prénom de l'élève"]),
        HeaderEntry(.ondeGuardians, .childClass, required: true, repeats: true,
                    ["Classes enfants", "Classes enfant", "Classe enfant", "Classe enfants", "Classes élèves", "Classes élève",
                     "Classe élève", "Classes de l'élève", "Classe de l'élève"]),
        HeaderEntry(.ondeGuardians, .childBirthDate, repeats: true,
                    ["Date de naissance enfant", "Date naissance enfant", "Date de naissance élève", "Date naissance élève",
                     "Date de naissance de l'élève"]),
        HeaderEntry(.ondeGuardians, .unused, repeats: true, [
            "Lien de parenté", "Lien avec l'enfant", "Autorité parentale", "Identifiant responsable", "Externalid", "Id",
            "Childexternalid", "Idenfant", "Childid", "Identifiant classe", "Adresse2", "Cp2", "Commune2", "Pays2",
        ]),

        // The ENT's export of accounts already activated.
        HeaderEntry(.activated, .login, required: true, ["login", "identifiant"]),
        HeaderEntry(.activated, .activationDate, ["date", "activation", "date activation", "date d'activation", "activated"]),

        // The ENT's users export (entcore `directory/…/text/export.id.txt`, French headers). The alias
        // column is required: it is the export's own column (`Id`, `Nom`, `Identifiant`… exist elsewhere).
        HeaderEntry(.entUsers, .externalId, required: true, ["Id", "Identifiant externe", "externalId"]),
        HeaderEntry(.entUsers, .accountType, required: true, ["Type", "Profil"]),
        HeaderEntry(.entUsers, .entLastName, required: true, ["Nom"]),
        HeaderEntry(.entUsers, .entFirstName, required: true, ["Prénom"]),
        HeaderEntry(.entUsers, .login, required: true, ["Identifiant"]),
        HeaderEntry(.entUsers, .loginAlias, required: true, ["Login personnalisé (Alias)", "Login personnalisé"]),
        HeaderEntry(.entUsers, .activationCode, required: true, ["Code d'activation"]),
        HeaderEntry(.entUsers, .unused, repeats: true, [
            "Identifiant SIECLE", "Fonctions", "Établissements", "Classes", "Enfants", "Parents", "Dernière connexion",
            "Courriel", "Téléphone",
        ]),

        // The ENT's `activation_de_comptes.csv` (entcore `text/export.txt`): not yet activated accounts.
        HeaderEntry(.entActivation, .accountType, required: true, ["Type"]),
        HeaderEntry(.entActivation, .entLastName, required: true, ["Nom"]),
        HeaderEntry(.entActivation, .entFirstName, required: true, ["Prénom"]),
        HeaderEntry(.entActivation, .login, required: true, ["Login"]),
        HeaderEntry(.entActivation, .loginAlias, required: true, ["Alias de login"]),
        HeaderEntry(.entActivation, .activationCode, required: true, ["Code d'activation"]),

        // ONDE teachers (CSVExtraction-enseignants.csv): recognised and skipped.
        HeaderEntry(.ondeTeachers, .director, required: true, ["Directeur"]),
    ]
}
