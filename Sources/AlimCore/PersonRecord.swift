import Foundation

/// A phone number as read, with what the source said it was.
public struct Phone: Codable, Hashable, Sendable {
    /// `home`, `work`, `mobile` or `other`, as the source column or tag says.
    public var kind: String
    /// The number exactly as exported; normalisation to E.164 happens in the identity stage.
    public var raw: String

    public init(kind: String, raw: String) {
        self.kind = kind
        self.raw = raw
    }
}

/// A postal address as read: free lines, postal code, commune, country.
public struct PostalAddress: Codable, Hashable, Sendable {
    public var lines: [String]
    public var postalCode: String?
    public var city: String?
    public var country: String?

    public init(lines: [String], postalCode: String? = nil, city: String? = nil, country: String? = nil) {
        self.lines = lines
        self.postalCode = postalCode
        self.city = city
        self.country = country
    }

    /// True when nothing usable was exported (empty tags, `XXXXXXXXXX` placeholders are kept as read).
    public var isEmpty: Bool {
        lines.allSatisfy { $0.isEmpty } && (postalCode ?? "").isEmpty && (city ?? "").isEmpty
    }
}

/// A guardian-type record's link to one pupil record of the same inbox.
public struct GuardianLink: Codable, Hashable, Sendable {
    /// The pupil record this link points to.
    public var pupil: RecordRef
    /// Legal guardian, person in charge, or contact: only `legal` gives an account.
    public var role: LinkRole
    /// The source's relationship code or label when it has one (SIECLE `CODE_PARENTE` 10 mère, 20 père, 50 tuteur…).
    public var relationship: String?

    public init(pupil: RecordRef, role: LinkRole, relationship: String? = nil) {
        self.pupil = pupil
        self.role = role
        self.relationship = relationship
    }
}

/// One person record read from one file of the inbox, in the source's own spelling.
///
/// Every reader (ONDE CSV, SIECLE, AAF) produces this one shape, so identity and accounts never
/// depend on a format. Values are trimmed but not normalised: normalisation is the identity stage's job,
/// and sheets print names as the school wrote them.
public struct PersonRecord: Codable, Hashable, Sendable {
    /// Where the record came from; unique within a run.
    public var ref: RecordRef
    /// Pupil, guardian or contact.
    public var kind: RecordKind
    /// The format the file was recognised as.
    public var source: SourceFormat
    /// For pupils: where they study. For guardians: the stage of the source.
    public var stage: SchoolStage
    /// The school the record belongs to (folder for ONDE, data for SIECLE/AAF); nil only for AAF guardians
    /// whose school is known through their children.
    public var uai: UAI?
    /// The source's own identifier: SIECLE `ELEVE_ID`/`PERSONNE_ID`, AAF `ENTPersonJointure`; nil for ONDE.
    public var externalId: String?
    /// National pupil id (11 characters), when exported.
    public var ine: String?
    /// `M.`, `Mme`… as exported.
    public var civility: String?
    /// Birth name (nom de famille).
    public var lastName: String
    /// Usage (e.g. married) name when it differs from the birth name.
    public var usageName: String?
    /// First name (prénom usuel).
    public var firstName: String
    /// Further first names when the source has them.
    public var otherFirstNames: [String]
    /// `YYYY-MM-DD`; nil when absent or open-ended (`31/12/9999`).
    public var birthDate: String?
    /// `M`/`F` when exported.
    public var sex: String?
    /// Pupils: the level (CM1, 5E…).
    public var level: SchoolLevel?
    /// Pupils: the class (division) label as exported.
    public var className: String?
    public var email: String?
    public var phones: [Phone]
    public var address: PostalAddress?
    /// Guardians and contacts: the pupils they are linked to, resolved within the inbox.
    public var links: [GuardianLink]
    /// An ONDE guardian row that continues the row before it (a guardian of four or more children is
    /// written over several rows, identical but for the children): the record that row starts. The
    /// identity stage makes them one person before any scoring.
    public var continues: RecordRef? = nil

    public init(ref: RecordRef, kind: RecordKind, source: SourceFormat, stage: SchoolStage, uai: UAI?,
                externalId: String? = nil, ine: String? = nil, civility: String? = nil,
                lastName: String, usageName: String? = nil, firstName: String, otherFirstNames: [String] = [],
                birthDate: String? = nil, sex: String? = nil, level: SchoolLevel? = nil, className: String? = nil,
                email: String? = nil, phones: [Phone] = [], address: PostalAddress? = nil, links: [GuardianLink] = []) {
        self.ref = ref
        self.kind = kind
        self.source = source
        self.stage = stage
        self.uai = uai
        self.externalId = externalId
        self.ine = ine
        self.civility = civility
        self.lastName = lastName
        self.usageName = usageName
        self.firstName = firstName
        self.otherFirstNames = otherFirstNames
        self.birthDate = birthDate
        self.sex = sex
        self.level = level
        self.className = className
        self.email = email
        self.phones = phones
        self.address = address
        self.links = links
    }

    /// The name a sheet prints: usage name when there is one, else birth name.
    public var displayLastName: String { (usageName?.isEmpty == false ? usageName : nil) ?? lastName }
}
