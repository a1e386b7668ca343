import Foundation

/// Everything a département may set in `alim.toml`. Every field has this département's default,
/// so a missing file or a missing key means "the documented default", never a crash; a key no section
/// declares or a value of the wrong type is refused (`ConfigProblem`), never ignored.
///
/// Policy lives here, per platform and profile — never inferred from one person's data.
public struct AlimConfig: Codable, Sendable, Equatable {
    public var policy: PolicyConfig
    public var accounts: AccountsConfig
    public var sheets: SheetsConfig
    public var identity: IdentityConfig
    public var limits: LimitsConfig
    /// School names by UAI, for sheets and the report when no source gives one (ONDE has none).
    public var schools: [String: String]

    public init(schools: [String: String] = [:], policy: PolicyConfig = .init(), accounts: AccountsConfig = .init(), sheets: SheetsConfig = .init(),
                identity: IdentityConfig = .init(), limits: LimitsConfig = .init()) {
        self.policy = policy
        self.accounts = accounts
        self.sheets = sheets
        self.identity = identity
        self.limits = limits
        self.schools = schools
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case policy, accounts, sheets, identity, limits, schools
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.configSection(keyedBy: CodingKeys.self)
        policy = try c.section(PolicyConfig.self, .policy) ?? .init()
        accounts = try c.section(AccountsConfig.self, .accounts) ?? .init()
        sheets = try c.section(SheetsConfig.self, .sheets) ?? .init()
        identity = try c.section(IdentityConfig.self, .identity) ?? .init()
        limits = try c.section(LimitsConfig.self, .limits) ?? .init()
        schools = try c.section(SchoolNames.self, .schools)?.names ?? [:]
    }

    /// This département's defaults.
    public static let `default` = AlimConfig()

    /// The keys each section knows, read off the sections' `CodingKeys`: a key declared there is known
    /// here, with nothing else to update. `[schools]` takes any UAI, so it has no list.
    public static let knownKeys: [String: [String]] = [
        CodingKeys.policy.stringValue: PolicyConfig.CodingKeys.allCases.map(\.stringValue),
        CodingKeys.accounts.stringValue: AccountsConfig.CodingKeys.allCases.map(\.stringValue),
        CodingKeys.sheets.stringValue: SheetsConfig.CodingKeys.allCases.map(\.stringValue),
        CodingKeys.identity.stringValue: IdentityConfig.CodingKeys.allCases.map(\.stringValue),
        CodingKeys.limits.stringValue: LimitsConfig.CodingKeys.allCases.map(\.stringValue),
    ]

    /// The sections of the file, in the order of `CodingKeys`.
    public static let sections: [String] = CodingKeys.allCases.map(\.stringValue)

    /// The section that declares `key`, if any (first in file order).
    static func section(declaring key: String) -> String? {
        sections.first { knownKeys[$0]?.contains(key) == true }
    }
}

/// `[schools]`: school names by UAI. Any UAI is a key; a key that is not one is refused.
private struct SchoolNames: Decodable {
    var names: [String: String] = [:]

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnyConfigKey.self)
        for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let uai = UAI(key.stringValue) else {
                throw ConfigProblem(path: c.codingPath.map(\.stringValue) + [key.stringValue], kind: .notAUAI(key.stringValue))
            }
            names[uai.value] = try c.string(key)
        }
    }
}

/// Which platform and authentication each population gets.
public struct PolicyConfig: Codable, Sendable, Equatable {
    /// Auth of primary-school pupils on One. Default `local`.
    public var primaryPupilAuth: Auth
    /// Auth of primary-school guardians on One. Default `local` (no primary school federates here).
    public var primaryGuardianAuth: Auth
    /// Auth of collège pupils on the collège ENT. Default `educonnect`.
    public var collegePupilAuth: Auth
    /// Auth of collège guardians on the collège ENT. Default `educonnect`.
    public var collegeGuardianAuth: Auth
    /// Whether Alim creates the collège accounts at all (listed, no sheet). Default true.
    public var createCollegeAccounts: Bool

    public init(primaryPupilAuth: Auth = .local, primaryGuardianAuth: Auth = .local,
                collegePupilAuth: Auth = .educonnect, collegeGuardianAuth: Auth = .educonnect,
                createCollegeAccounts: Bool = true) {
        self.primaryPupilAuth = primaryPupilAuth
        self.primaryGuardianAuth = primaryGuardianAuth
        self.collegePupilAuth = collegePupilAuth
        self.collegeGuardianAuth = collegeGuardianAuth
        self.createCollegeAccounts = createCollegeAccounts
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case primaryPupilAuth = "primary_pupil_auth", primaryGuardianAuth = "primary_guardian_auth"
        case collegePupilAuth = "college_pupil_auth", collegeGuardianAuth = "college_guardian_auth"
        case createCollegeAccounts = "create_college_accounts"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.configSection(keyedBy: CodingKeys.self)
        let d = PolicyConfig()
        primaryPupilAuth = try c.choice(Auth.self, .primaryPupilAuth) ?? d.primaryPupilAuth
        primaryGuardianAuth = try c.choice(Auth.self, .primaryGuardianAuth) ?? d.primaryGuardianAuth
        collegePupilAuth = try c.choice(Auth.self, .collegePupilAuth) ?? d.collegePupilAuth
        collegeGuardianAuth = try c.choice(Auth.self, .collegeGuardianAuth) ?? d.collegeGuardianAuth
        createCollegeAccounts = try c.bool(.createCollegeAccounts) ?? d.createCollegeAccounts
    }

    /// The auth for one platform and profile.
    public func auth(platform: Platform, profile: Profile) -> Auth {
        switch (platform, profile) {
        case (.one, .pupil): return primaryPupilAuth
        case (.one, .guardian): return primaryGuardianAuth
        case (.college, .pupil): return collegePupilAuth
        case (.college, .guardian): return collegeGuardianAuth
        }
    }
}

/// Who issues the logins and activation codes printed on the sheets.
///
/// One (Edifice's entcore) generates every login and code itself and accepts none from an importer,
/// so this département prints the ENT's own credentials, read back from its exports (`ent`). `alim`
/// keeps Alim's own codes, for a platform that accepts them.
public enum CredentialSource: String, Codable, Sendable, CaseIterable {
    case ent
    case alim
}

/// Codes, grace periods and the mass-removal guard.
public struct AccountsConfig: Codable, Sendable, Equatable {
    /// Days an activation code stays valid. Default 90.
    public var codeValidityDays: Int
    /// Days a left account is kept before it is listed for deactivation. Default 30.
    public var graceDays: Int
    /// Fraction of a school's accounts that may leave in one night. Default 0.10.
    public var massRemovalRatio: Double
    /// The guard trips only when at least this many accounts would leave. Default 5.
    public var massRemovalMinimum: Int
    /// Longest part of a login (first name, last name) before truncation. Default 20.
    public var loginPartMax: Int
    /// Whether directory.csv carries activation codes. Default false.
    public var directoryIncludesCodes: Bool
    /// Put before every account id to make the `externalId` of the ENT's import bundle, so Alim's
    /// ids never collide with the académie's (AAF) or another feeder's on the same ENT. Default `ALIM-`.
    public var entTenantPrefix: String
    /// Whose logins and codes the sheets carry. Default `ent`.
    public var credentials: CredentialSource

    public init(codeValidityDays: Int = 90, graceDays: Int = 30, massRemovalRatio: Double = 0.10,
                massRemovalMinimum: Int = 5, loginPartMax: Int = 20, directoryIncludesCodes: Bool = false,
                entTenantPrefix: String = "ALIM-", credentials: CredentialSource = .ent) {
        self.codeValidityDays = codeValidityDays
        self.graceDays = graceDays
        self.massRemovalRatio = massRemovalRatio
        self.massRemovalMinimum = massRemovalMinimum
        self.loginPartMax = loginPartMax
        self.directoryIncludesCodes = directoryIncludesCodes
        self.entTenantPrefix = entTenantPrefix
        self.credentials = credentials
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case codeValidityDays = "code_validity_days", graceDays = "grace_days"
        case massRemovalRatio = "mass_removal_ratio", massRemovalMinimum = "mass_removal_minimum"
        case loginPartMax = "login_part_max", directoryIncludesCodes = "directory_includes_codes"
        case entTenantPrefix = "ent_tenant_prefix"
        case credentials
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.configSection(keyedBy: CodingKeys.self)
        let d = AccountsConfig()
        codeValidityDays = try c.int(.codeValidityDays) ?? d.codeValidityDays
        graceDays = try c.int(.graceDays) ?? d.graceDays
        massRemovalRatio = try c.number(.massRemovalRatio) ?? d.massRemovalRatio
        massRemovalMinimum = try c.int(.massRemovalMinimum) ?? d.massRemovalMinimum
        loginPartMax = try c.int(.loginPartMax) ?? d.loginPartMax
        directoryIncludesCodes = try c.bool(.directoryIncludesCodes) ?? d.directoryIncludesCodes
        entTenantPrefix = try c.string(.entTenantPrefix) ?? d.entTenantPrefix
        credentials = try c.choice(CredentialSource.self, .credentials) ?? d.credentials
    }
}

/// Which sheets are made and with which texts.
public struct SheetsConfig: Codable, Sendable, Equatable {
    /// Pupil levels that get their own sheet. Default CM1 and CM2.
    public var pupilLevels: [SchoolLevel]
    /// Schools (UAI) that also give CE2 pupils a sheet.
    public var ce2Schools: [String]
    /// A folder of Mustache templates overriding the shipped French ones (same file names).
    public var templatesDir: String?
    /// Sender of the e-mails (`From:`).
    public var emailFrom: String
    /// The login page printed on every sheet.
    public var loginURL: String
    /// Whether the bundle carries the model clause for the règlement intérieur.
    public var includeRulesClause: Bool

    public init(pupilLevels: [SchoolLevel] = [.cm1, .cm2], ce2Schools: [String] = [], templatesDir: String? = nil,
                emailFrom: String = "ne-pas-repondre@ent.example.fr", loginURL: String = "https://oneconnect.edifice.io",
                includeRulesClause: Bool = true) {
        self.pupilLevels = pupilLevels
        self.ce2Schools = ce2Schools
        self.templatesDir = templatesDir
        self.emailFrom = emailFrom
        self.loginURL = loginURL
        self.includeRulesClause = includeRulesClause
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case pupilLevels = "pupil_levels", ce2Schools = "ce2_schools", templatesDir = "templates_dir"
        case emailFrom = "email_from", loginURL = "login_url", includeRulesClause = "include_rules_clause"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.configSection(keyedBy: CodingKeys.self)
        let d = SheetsConfig()
        pupilLevels = try c.choices(SchoolLevel.self, .pupilLevels) ?? d.pupilLevels
        ce2Schools = try c.uais(.ce2Schools) ?? d.ce2Schools
        templatesDir = try c.string(.templatesDir)
        emailFrom = try c.string(.emailFrom) ?? d.emailFrom
        loginURL = try c.string(.loginURL) ?? d.loginURL
        includeRulesClause = try c.bool(.includeRulesClause) ?? d.includeRulesClause
    }

    /// Whether a pupil of this level in this school gets a sheet.
    public func pupilGetsSheet(level: SchoolLevel?, uai: UAI?) -> Bool {
        guard let level else { return false }
        if pupilLevels.contains(level) { return true }
        if level == .ce2, let uai, ce2Schools.contains(uai.value) { return true }
        return false
    }
}

/// Matching thresholds (log-likelihood weights); see the identity module for their meaning.
public struct IdentityConfig: Codable, Sendable, Equatable {
    /// At or above: merged automatically (unless a hard rule forbids it).
    public var mergeThreshold: Double
    /// At or above (and below merge): sent to review.
    public var reviewThreshold: Double

    public init(mergeThreshold: Double = 12, reviewThreshold: Double = 6) {
        self.mergeThreshold = mergeThreshold
        self.reviewThreshold = reviewThreshold
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case mergeThreshold = "merge_threshold", reviewThreshold = "review_threshold"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.configSection(keyedBy: CodingKeys.self)
        let d = IdentityConfig()
        mergeThreshold = try c.number(.mergeThreshold) ?? d.mergeThreshold
        reviewThreshold = try c.number(.reviewThreshold) ?? d.reviewThreshold
    }
}

/// Input limits: past one, the file is refused whole with a message naming the limit.
public struct LimitsConfig: Codable, Sendable, Equatable {
    /// Largest input file in bytes. Default 512 MiB.
    public var maxFileBytes: Int
    /// Longest CSV line in bytes. Default 64 KiB.
    public var maxLineBytes: Int
    /// Most fields in one CSV row. Default 200.
    public var maxFieldsPerRow: Int
    /// Most records in one file. Default 1,000,000.
    public var maxRecordsPerFile: Int
    /// Largest total uncompressed size of a zip. Default 1 GiB.
    public var maxUnzippedBytes: Int

    public init(maxFileBytes: Int = 512 << 20, maxLineBytes: Int = 64 << 10, maxFieldsPerRow: Int = 200,
                maxRecordsPerFile: Int = 1_000_000, maxUnzippedBytes: Int = 1 << 30) {
        self.maxFileBytes = maxFileBytes
        self.maxLineBytes = maxLineBytes
        self.maxFieldsPerRow = maxFieldsPerRow
        self.maxRecordsPerFile = maxRecordsPerFile
        self.maxUnzippedBytes = maxUnzippedBytes
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxFileBytes = "max_file_bytes", maxLineBytes = "max_line_bytes", maxFieldsPerRow = "max_fields_per_row"
        case maxRecordsPerFile = "max_records_per_file", maxUnzippedBytes = "max_unzipped_bytes"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.configSection(keyedBy: CodingKeys.self)
        let d = LimitsConfig()
        maxFileBytes = try c.int(.maxFileBytes) ?? d.maxFileBytes
        maxLineBytes = try c.int(.maxLineBytes) ?? d.maxLineBytes
        maxFieldsPerRow = try c.int(.maxFieldsPerRow) ?? d.maxFieldsPerRow
        maxRecordsPerFile = try c.int(.maxRecordsPerFile) ?? d.maxRecordsPerFile
        maxUnzippedBytes = try c.int(.maxUnzippedBytes) ?? d.maxUnzippedBytes
    }
}

