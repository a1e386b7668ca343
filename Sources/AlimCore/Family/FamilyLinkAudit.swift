/// What the ONDE join made of one school's guardian rows: every child reference ends linked,
/// refused as ambiguous, or not found, and every link made is checked again against the row.
///
/// A family link is an identity decision: a wrong one shows a stranger's child to a guardian on One
/// and on the printed sheet. The operator sees these counts per school in `summary.json` and in the
/// « Liens familiaux » section of the report, so a drop or an ambiguity is visible the night it happens.
public struct FamilyLinkAudit: Codable, Hashable, Sendable, Comparable {
    public var uai: UAI
    /// Guardian rows read (accepted or not).
    public var guardianRows: Int
    /// Child references written on those rows (one per filled child group).
    public var references: Int
    /// References that gave a link to exactly one pupil.
    public var linked: Int
    /// References that matched several pupils: no link, a review item for the director.
    public var ambiguous: Int
    /// References that matched no pupil of the school (or lacked a name, first name or class).
    public var notFound: Int
    /// Links the independent check could not justify from the row's text; such a link is removed
    /// before it reaches the artifact, and any count above zero is an alert (a defect of Alim).
    public var unjustified: Int

    public init(uai: UAI, guardianRows: Int = 0, references: Int = 0, linked: Int = 0, ambiguous: Int = 0,
                notFound: Int = 0, unjustified: Int = 0) {
        self.uai = uai
        self.guardianRows = guardianRows
        self.references = references
        self.linked = linked
        self.ambiguous = ambiguous
        self.notFound = notFound
        self.unjustified = unjustified
    }

    public static func < (a: FamilyLinkAudit, b: FamilyLinkAudit) -> Bool { a.uai < b.uai }

    enum CodingKeys: String, CodingKey {
        case uai, references, linked, ambiguous, unjustified
        case guardianRows = "guardian_rows", notFound = "not_found"
    }
}

/// A child reference the join refused to decide because it names several pupils of the school:
/// the director says which one (never a guess, never both).
public struct LinkReviewItem: Codable, Hashable, Sendable, Comparable {
    /// `<file>#<row>/<group>`: the same row and child group give the same id every night.
    public var id: String
    public var uai: UAI
    /// The guardian row.
    public var guardian: RecordRef
    /// The guardian as written (`NOM Prénom`).
    public var guardianName: String
    /// The child as the row writes it (`Prénom NOM (classe)`).
    public var reference: String
    /// The header names of the child group.
    public var field: String
    /// Every pupil the reference matches, sorted.
    public var candidates: [RecordRef]

    public init(id: String, uai: UAI, guardian: RecordRef, guardianName: String, reference: String, field: String,
                candidates: [RecordRef]) {
        self.id = id
        self.uai = uai
        self.guardian = guardian
        self.guardianName = guardianName
        self.reference = reference
        self.field = field
        self.candidates = candidates
    }

    public static func < (a: LinkReviewItem, b: LinkReviewItem) -> Bool {
        a.guardian != b.guardian ? a.guardian < b.guardian : a.id < b.id
    }
}
