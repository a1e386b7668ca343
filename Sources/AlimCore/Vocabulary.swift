import Foundation

/// The ENT an account lives on. One serves primary schools; `college` is the collèges' ENT.
public enum Platform: String, Codable, Sendable, CaseIterable, Comparable {
    case one
    case college

    public static func < (a: Platform, b: Platform) -> Bool { a.rawValue < b.rawValue }
}

/// Whether an account belongs to a pupil or to a legal guardian.
public enum Profile: String, Codable, Sendable, CaseIterable, Comparable {
    case pupil
    case guardian

    public static func < (a: Profile, b: Profile) -> Bool { a.rawValue < b.rawValue }
}

/// How an account logs in. `local` accounts get a login, an activation code and a sheet;
/// `educonnect` accounts are federated and can get no sheet.
public enum Auth: String, Codable, Sendable, CaseIterable {
    case local
    case educonnect
}

/// What a record read from the inbox describes (`kind` in lineage.csv).
///
/// A `contact` (SIECLE level 2/3, or a person with no legal link) is listed in lineage but gets no account.
public enum RecordKind: String, Codable, Sendable, CaseIterable, Comparable {
    case pupil
    case guardian
    case contact

    public static func < (a: RecordKind, b: RecordKind) -> Bool { a.rawValue < b.rawValue }
}

/// Whether a pupil studies in a primary school (1er degré) or a collège (2nd degré).
/// For guardians it is the stage of the source they were read from.
public enum SchoolStage: String, Codable, Sendable, Comparable {
    case primary
    case college

    public static func < (a: SchoolStage, b: SchoolStage) -> Bool { a.rawValue < b.rawValue }
}

/// The export format a file was recognised as (from its content, never its name).
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    case ondePupils = "onde-eleves"
    case ondeGuardians = "onde-responsables"
    /// ONDE's teacher export: recognised so it is skipped quietly, never read as people.
    case ondeTeachers = "onde-enseignants"
    case siecleStudents = "siecle-eleves"
    case siecleGuardians = "siecle-responsables"
    case aafStudents = "aaf-eleve"
    case aafGuardians = "aaf-persrel"
    case aafStructures = "aaf-etab"
    case aafOther = "aaf-autre"
    case activated = "comptes-actives"
    /// The ENT's users export (logins, aliases, activation codes).
    case entUsers = "ent-utilisateurs"
    /// The ENT's `activation_de_comptes.csv` (accounts not yet activated, with their codes).
    case entActivation = "ent-activation"
}

/// The role a guardian-type record plays for one pupil.
///
/// Only `legal` makes an account: SIECLE level 1 / RESP_LEGAL 1–2, ONDE guardians, AAF legal flag.
public enum LinkRole: String, Codable, Sendable, Comparable {
    case legal
    case inCharge = "in-charge"
    case contact

    public static func < (a: LinkRole, b: LinkRole) -> Bool { a.rawValue < b.rawValue }
}

/// The French school levels Alim knows, in school order; anything else is kept as `other`.
///
/// Levels decide which pupils get a sheet (CM1/CM2, optionally CE2) and which stage a pupil is in.
public enum SchoolLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case tps = "TPS", ps = "PS", ms = "MS", gs = "GS"
    case cp = "CP", ce1 = "CE1", ce2 = "CE2", cm1 = "CM1", cm2 = "CM2"
    case sixieme = "6E", cinquieme = "5E", quatrieme = "4E", troisieme = "3E"
    case other = "AUTRE"

    /// The stage the level belongs to; `other` is decided by the source instead.
    public var stage: SchoolStage? {
        switch self {
        case .sixieme, .cinquieme, .quatrieme, .troisieme: return .college
        case .other: return nil
        default: return .primary
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 99 }
    public static func < (a: SchoolLevel, b: SchoolLevel) -> Bool { a.order < b.order }

    /// Reads the spellings found in ONDE, SIECLE (MEF labels) and AAF: `CM1`, `cm 1`, `6EME`, `5E`, `GRANDE SECTION`…
    public init(parsing raw: String) {
        let s = TextFold.key(raw)
        if let direct = SchoolLevel(rawValue: s) { self = direct; return }
        let table: [(String, SchoolLevel)] = [
            ("TOUTEPETITESECTION", .tps), ("PETITESECTION", .ps), ("MOYENNESECTION", .ms), ("GRANDESECTION", .gs),
            ("COURSPREPARATOIRE", .cp), ("6EME", .sixieme), ("5EME", .cinquieme), ("4EME", .quatrieme), ("3EME", .troisieme),
            ("SIXIEME", .sixieme), ("CINQUIEME", .cinquieme), ("QUATRIEME", .quatrieme), ("TROISIEME", .troisieme),
        ]
        for (prefix, level) in table where s.hasPrefix(prefix) { self = level; return }
        self = .other
    }
}
