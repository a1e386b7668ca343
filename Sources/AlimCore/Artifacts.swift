import Foundation

/// One entry of the ENT's `activated` export: an account whose user already chose a password,
/// so it needs no activation code and no new sheet.
public struct ActivatedLogin: Codable, Hashable, Sendable, Comparable {
    public var login: String
    /// When the ENT says it was activated (`YYYY-MM-DD`), if given.
    public var date: String?
    public init(login: String, date: String? = nil) { self.login = login; self.date = date }
    public static func < (a: ActivatedLogin, b: ActivatedLogin) -> Bool { a.login < b.login }
}

/// Facts about tonight's inbox that later stages need besides the person records.
public struct InboxContext: Codable, Sendable, Equatable {
    /// Schools whose export is present tonight; a school absent here keeps all its accounts.
    public var schoolsPresent: [UAI]
    /// Logins the ENT reports as already activated.
    public var activated: [ActivatedLogin]
    /// School names when a source gives them (AAF EtabEducNat, SIECLE, folder label), by UAI value.
    public var schoolNames: [String: String]

    public init(schoolsPresent: [UAI] = [], activated: [ActivatedLogin] = [], schoolNames: [String: String] = [:]) {
        self.schoolsPresent = schoolsPresent
        self.activated = activated
        self.schoolNames = schoolNames
    }
}

/// What the ingest stage hands on: every accepted person record, every reject and warning, and
/// how each file went. Records + rejects together account for every person record of the inbox.
public struct IngestArtifact: Codable, Sendable, Equatable {
    /// Accepted records, sorted by `ref`.
    public var records: [PersonRecord]
    /// Person records (or whole files) that could not be imported, with a French reason.
    public var rejects: [Finding]
    /// Records imported with something worth a look (child not found, value ignored).
    public var warnings: [Finding]
    /// One outcome per file seen in the inbox.
    public var files: [FileOutcome]
    public var context: InboxContext
    /// Per primary school with a guardian file, what the ONDE join made of its child references.
    public var familyLinks: [FamilyLinkAudit]
    /// Child references that name several pupils: no link until the director says which.
    public var linkReview: [LinkReviewItem]
    /// Account lines of the ENT's own exports, sorted by place. Secrets (activation codes): kept here
    /// rather than in `context`, so they do not travel on into the identity artifact.
    public var entCredentials: [ENTCredentialRow]

    public init(records: [PersonRecord] = [], rejects: [Finding] = [], warnings: [Finding] = [],
                files: [FileOutcome] = [], context: InboxContext = .init(), familyLinks: [FamilyLinkAudit] = [],
                linkReview: [LinkReviewItem] = [], entCredentials: [ENTCredentialRow] = []) {
        self.records = records
        self.rejects = rejects
        self.warnings = warnings
        self.files = files
        self.context = context
        self.familyLinks = familyLinks
        self.linkReview = linkReview
        self.entCredentials = entCredentials
    }
}

/// One human as the identity stage resolved them: every record that describes the same person.
public struct PersonCluster: Codable, Hashable, Sendable {
    public var id: PersonID
    /// Pupil, guardian or contact (a person with a legal link anywhere is a guardian).
    public var kind: RecordKind
    /// The records of this person, sorted.
    public var records: [RecordRef]

    public init(id: PersonID, kind: RecordKind, records: [RecordRef]) {
        self.id = id
        self.kind = kind
        self.records = records
    }
}

/// A candidate pair the matcher could not decide alone: the director decides it.
public struct ReviewPair: Codable, Hashable, Sendable {
    /// Stable id of the pair (same two records ⇒ same id on every run), used by `alim review decide`.
    public var id: String
    public var a: RecordRef
    public var b: RecordRef
    /// Match weight (log-likelihood ratio, higher = more likely the same person).
    public var score: Double
    /// French reasons, for and against, that a director can judge.
    public var reasons: [String]

    public init(id: String, a: RecordRef, b: RecordRef, score: Double, reasons: [String]) {
        self.id = id
        self.a = a
        self.b = b
        self.score = score
        self.reasons = reasons
    }
}

/// A director's decision on a pair, applied on every later run.
public struct PairDecision: Codable, Hashable, Sendable {
    /// Same person (`merge`) or two people (`distinct`): either way the pair is never asked again.
    public enum Verdict: String, Codable, Sendable { case merge, distinct }
    public var pairId: String
    public var a: RecordRef
    public var b: RecordRef
    public var verdict: Verdict
    public init(pairId: String, a: RecordRef, b: RecordRef, verdict: Verdict) {
        self.pairId = pairId
        self.a = a
        self.b = b
        self.verdict = verdict
    }
}

/// What the match stage hands on: the records and who is who.
public struct IdentityArtifact: Codable, Sendable, Equatable {
    /// Accepted records, as ingested (sorted by ref).
    public var records: [PersonRecord]
    /// One cluster per human, sorted by id; every record is in exactly one cluster.
    public var persons: [PersonCluster]
    /// Pairs for the director, sorted by id.
    public var review: [ReviewPair]
    /// Candidate pairs scored, for the summary.
    public var candidatePairs: Int
    /// Pairs merged automatically or by decision.
    public var mergedPairs: Int
    /// Carried from ingest for the accounts stage.
    public var context: InboxContext

    public init(records: [PersonRecord], persons: [PersonCluster], review: [ReviewPair],
                candidatePairs: Int, mergedPairs: Int, context: InboxContext) {
        self.context = context
        self.records = records
        self.persons = persons
        self.review = review
        self.candidatePairs = candidatePairs
        self.mergedPairs = mergedPairs
    }
}

/// What happened to an account tonight compared with the state.
public enum AccountChange: String, Codable, Sendable, CaseIterable {
    case new, changed, unchanged, left, returned
    /// Held back by the mass-removal guard: the school's changes were not applied.
    case held
    /// Retired tonight because its person turned out to be another account's (a director's merge, a
    /// better match): `mergedInto` names the survivor, which keeps its id (the ENT's externalId).
    case merged
}

/// A one-time activation code as it must be printed. Never logged.
public struct Credential: Codable, Hashable, Sendable {
    public var code: String
    /// `YYYY-MM-DD`; empty for the ENT's codes, which do not expire.
    public var expires: String
    /// True when the code was issued tonight (new account or renewal; for the ENT's codes: first seen
    /// tonight): such sheets are printed by default.
    public var issuedTonight: Bool
    /// The login this code opens when the ENT issued both (read from its export); nil for Alim's codes,
    /// which go with the account's own `login`.
    public var login: String?
    public init(code: String, expires: String, issuedTonight: Bool, login: String? = nil) {
        self.code = code
        self.expires = expires
        self.issuedTonight = issuedTonight
        self.login = login
    }
}

/// One account on one platform, ready for accounts.csv, the directory export and the sheets.
public struct Account: Codable, Hashable, Sendable {
    public var id: AccountID
    public var personId: PersonID
    public var platform: Platform
    public var profile: Profile
    public var auth: Auth
    public var login: String
    public var lastName: String
    public var firstName: String
    public var birthDate: String?
    public var uais: [UAI]
    public var classes: [String]
    /// Pupils only: the level (for which pupils get a sheet and for the report).
    public var level: SchoolLevel?
    /// Guardians: account ids of the pupils they are legal guardian of (on the same platform).
    public var children: [AccountID]
    /// Guardians: whether they also have a child at collège (the EduConnect notice).
    public var hasCollegeChild: Bool
    public var email: String?
    /// Records this account was built from.
    public var records: [RecordRef]
    /// Whether the account can have a sheet at all.
    public var sheet: Bool
    /// French reason when `sheet` is false.
    public var sheetReason: String?
    public var change: AccountChange
    /// The code to print; nil for federated or activated accounts.
    public var credential: Credential?
    /// The login the ENT generated for this account, once one of its exports named it (accounts.csv
    /// shows it instead of `login`, which stays Alim's: the alias sent to the ENT).
    public var entLogin: String?
    /// For a `merged` account: the account that absorbed it.
    public var mergedInto: AccountID? = nil
    /// The family on this account's sheet changed tonight (another account of the same person was
    /// merged into it, bringing its children): a new sheet listing all of them is due, with the code
    /// already handed if it is still valid.
    public var reprintTonight: Bool = false

    public init(id: AccountID, personId: PersonID, platform: Platform, profile: Profile, auth: Auth, login: String,
                lastName: String, firstName: String, birthDate: String?, uais: [UAI], classes: [String],
                level: SchoolLevel? = nil, children: [AccountID], hasCollegeChild: Bool = false, email: String? = nil,
                records: [RecordRef], sheet: Bool, sheetReason: String?, change: AccountChange,
                credential: Credential?, entLogin: String? = nil) {
        self.id = id
        self.personId = personId
        self.platform = platform
        self.profile = profile
        self.auth = auth
        self.login = login
        self.lastName = lastName
        self.firstName = firstName
        self.birthDate = birthDate
        self.uais = uais
        self.classes = classes
        self.level = level
        self.children = children
        self.hasCollegeChild = hasCollegeChild
        self.email = email
        self.records = records
        self.sheet = sheet
        self.sheetReason = sheetReason
        self.change = change
        self.credential = credential
        self.entLogin = entLogin
    }
}

/// A school whose changes were held back tonight by the mass-removal guard.
public struct MassRemovalHold: Codable, Hashable, Sendable {
    public var uai: UAI
    public var accountsBefore: Int
    public var wouldLeave: Int
    public init(uai: UAI, accountsBefore: Int, wouldLeave: Int) {
        self.uai = uai
        self.accountsBefore = accountsBefore
        self.wouldLeave = wouldLeave
    }
}

/// One line of the directory export for the ENT.
public struct DirectoryEntry: Codable, Hashable, Sendable {
    /// What the ENT must do with the account tonight.
    public enum Action: String, Codable, Sendable { case create, update, deactivate }
    public var action: Action
    public var accountId: AccountID
    public init(action: Action, accountId: AccountID) { self.action = action; self.accountId = accountId }
}

/// Which person and account one accepted record ended in.
public struct LineageEntry: Codable, Hashable, Sendable {
    public var record: RecordRef
    public var kind: RecordKind
    public var personId: PersonID
    /// The account the record gives on its own platform; nil for contacts and records that give none.
    public var accountId: AccountID?
    public init(record: RecordRef, kind: RecordKind, personId: PersonID, accountId: AccountID?) {
        self.record = record
        self.kind = kind
        self.personId = personId
        self.accountId = accountId
    }
}

/// What the accounts stage hands on. Holds activation codes: written 0600.
public struct AccountsArtifact: Codable, Sendable, Equatable {
    /// Every account, sorted by id (includes `left` accounts still in their grace period).
    public var accounts: [Account]
    /// One entry per accepted record, sorted by record: its person and its account (lineage.csv).
    public var lineage: [LineageEntry]
    public var directory: [DirectoryEntry]
    public var holds: [MassRemovalHold]
    /// Schools whose export was missing tonight (accounts kept).
    public var schoolsMissing: [UAI]
    /// Lines of the ENT's exports that could not be matched to one account (unknown, ambiguous,
    /// contradictory), with a French reason; added to warnings.csv.
    public var warnings: [Finding]

    public init(accounts: [Account], lineage: [LineageEntry],
                directory: [DirectoryEntry], holds: [MassRemovalHold], schoolsMissing: [UAI], warnings: [Finding] = []) {
        self.accounts = accounts
        self.lineage = lineage
        self.directory = directory
        self.holds = holds
        self.schoolsMissing = schoolsMissing
        self.warnings = warnings
    }
}

/// How a guardian gets (or does not get) their sheet: one row per legal guardian in coverage.csv.
public struct CoverageEntry: Codable, Hashable, Sendable {
    /// How the guardian gets the sheet; the raw values are the French words of coverage.csv.
    public enum Status: String, Codable, Sendable {
        case printed = "imprimée"
        case emailed = "envoyée par courriel"
        case noSheet = "sans fiche"
    }
    public var uai: UAI
    public var accountId: AccountID?
    public var lastName: String
    public var firstName: String
    public var children: String
    public var status: Status
    /// French reason when `status` is `noSheet`.
    public var reason: String?
    public init(uai: UAI, accountId: AccountID?, lastName: String, firstName: String, children: String,
                status: Status, reason: String?) {
        self.uai = uai
        self.accountId = accountId
        self.lastName = lastName
        self.firstName = firstName
        self.children = children
        self.status = status
        self.reason = reason
    }
}

/// What the sheets stage hands on to the report.
public struct SheetsArtifact: Codable, Sendable, Equatable {
    /// One school's bundle and its counts, for the report's coverage table.
    public struct SchoolBundle: Codable, Hashable, Sendable {
        public var uai: UAI
        /// Bundle folder relative to the run directory (`sheets/<UAI>`).
        public var folder: String
        public var printed: Int
        public var emailed: Int
        public var guardiansWithoutSheet: Int
        public init(uai: UAI, folder: String, printed: Int, emailed: Int, guardiansWithoutSheet: Int) {
            self.uai = uai
            self.folder = folder
            self.printed = printed
            self.emailed = emailed
            self.guardiansWithoutSheet = guardiansWithoutSheet
        }
    }
    public var bundles: [SchoolBundle]
    public var coverage: [CoverageEntry]
    public init(bundles: [SchoolBundle], coverage: [CoverageEntry]) {
        self.bundles = bundles
        self.coverage = coverage
    }
}
