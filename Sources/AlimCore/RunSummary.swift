import Foundation

/// The exit statuses the operator's cron watches. Distinct, documented in the README.
public enum ExitStatus: Int32, Codable, Sendable {
    /// Everything imported.
    case success = 0
    /// Unexpected internal failure (a bug): the previous state is intact.
    case internalError = 1
    /// Bad command line or configuration: nothing was run.
    case usage = 64
    /// At least one input file was unusable (refused whole); the rest was imported.
    case inputUnusable = 65
    /// The mass-removal guard held back at least one school's changes.
    case massRemoval = 66
    /// Another run holds the workdir's lock.
    case locked = 75

    /// French words for the report.
    public var french: String {
        switch self {
        case .success: return "Succès : tout a été importé."
        case .internalError: return "Erreur interne : l'état précédent est conservé."
        case .usage: return "Erreur d'utilisation ou de configuration : rien n'a été exécuté."
        case .inputUnusable: return "Au moins un fichier était inutilisable ; le reste a été importé."
        case .massRemoval: return "Garde-fou des suppressions massives déclenché : les changements d'au moins une école sont retenus."
        case .locked: return "Un autre import utilise déjà ce dossier de travail."
        }
    }
}

/// Counts for one stage in summary.json.
public struct StageSummary: Codable, Sendable, Equatable {
    public var name: String
    public var recordsIn: Int
    public var recordsOut: Int
    public var rejects: Int
    /// Measured wall time; the only value that differs between two identical runs.
    public var durationMs: Int

    public init(name: String, recordsIn: Int, recordsOut: Int, rejects: Int, durationMs: Int) {
        self.name = name
        self.recordsIn = recordsIn
        self.recordsOut = recordsOut
        self.rejects = rejects
        self.durationMs = durationMs
    }

    enum CodingKeys: String, CodingKey {
        case name, rejects
        case recordsIn = "records_in", recordsOut = "records_out", durationMs = "duration_ms"
    }
}

/// Totals of a run in summary.json.
public struct RunTotals: Codable, Sendable, Equatable {
    public var persons: Int
    /// `"<platform>/<profile>"` → count, e.g. `one/guardian`.
    public var accounts: [String: Int]
    public var sheets: Int
    public var reviewPairs: Int
    public var rejects: Int
    public var warnings: Int

    public init(persons: Int, accounts: [String: Int], sheets: Int, reviewPairs: Int, rejects: Int, warnings: Int) {
        self.persons = persons
        self.accounts = accounts
        self.sheets = sheets
        self.reviewPairs = reviewPairs
        self.rejects = rejects
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case persons, accounts, sheets, rejects, warnings
        case reviewPairs = "review_pairs"
    }
}

/// summary.json: per stage counts and duration, totals and the exit status.
///
/// The run id is the folder's name, not a field, so two runs of the same inputs differ only in durations.
public struct RunSummary: Codable, Sendable, Equatable {
    public var date: String
    public var stages: [StageSummary]
    public var totals: RunTotals
    public var exitStatus: Int32
    public var exitMeaning: String
    /// Per primary school, the family-link audit of the ONDE join (empty when ingest did not run).
    public var familyLinks: [FamilyLinkAudit]
    /// Per school with One accounts, where they stand with the ENT (waiting, printable, activated…);
    /// empty when the accounts stage did not run or with `credentials = "alim"`.
    public var entAccounts: [ENTAccountCounts]

    public init(date: String, stages: [StageSummary], totals: RunTotals, exitStatus: ExitStatus,
                familyLinks: [FamilyLinkAudit] = [], entAccounts: [ENTAccountCounts] = []) {
        self.date = date
        self.stages = stages
        self.totals = totals
        self.exitStatus = exitStatus.rawValue
        self.exitMeaning = exitStatus.french
        self.familyLinks = familyLinks
        self.entAccounts = entAccounts
    }

    enum CodingKeys: String, CodingKey {
        case date, stages, totals
        case exitStatus = "exit_status", exitMeaning = "exit_meaning"
        case familyLinks = "family_links"
        case entAccounts = "ent_accounts"
    }
}

/// One school's local One accounts counted by `ENTAccountState` (`notApplicable` is not counted).
/// A guardian with children in two schools counts in both.
public struct ENTAccountCounts: Codable, Hashable, Sendable, Comparable {
    public var uai: UAI
    public var waiting: Int
    public var printable: Int
    public var handed: Int
    public var activated: Int
    public var contradictory: Int
    public var codeUnknown: Int
    public var noSheet: Int

    public init(uai: UAI, waiting: Int = 0, printable: Int = 0, handed: Int = 0, activated: Int = 0,
                contradictory: Int = 0, codeUnknown: Int = 0, noSheet: Int = 0) {
        self.uai = uai
        self.waiting = waiting
        self.printable = printable
        self.handed = handed
        self.activated = activated
        self.contradictory = contradictory
        self.codeUnknown = codeUnknown
        self.noSheet = noSheet
    }

    /// The count of one state (0 for `notApplicable`).
    public subscript(state: ENTAccountState) -> Int {
        get {
            switch state {
            case .waiting: return waiting
            case .printable: return printable
            case .handed: return handed
            case .activated: return activated
            case .contradictory: return contradictory
            case .codeUnknown: return codeUnknown
            case .noSheet: return noSheet
            case .notApplicable: return 0
            }
        }
        set {
            switch state {
            case .waiting: waiting = newValue
            case .printable: printable = newValue
            case .handed: handed = newValue
            case .activated: activated = newValue
            case .contradictory: contradictory = newValue
            case .codeUnknown: codeUnknown = newValue
            case .noSheet: noSheet = newValue
            case .notApplicable: break
            }
        }
    }

    /// Every local One account of the school counted here.
    public var total: Int { waiting + printable + handed + activated + contradictory + codeUnknown + noSheet }

    public static func < (a: ENTAccountCounts, b: ENTAccountCounts) -> Bool { a.uai < b.uai }

    enum CodingKeys: String, CodingKey {
        case uai, waiting, printable, handed, activated, contradictory
        case codeUnknown = "code_unknown", noSheet = "no_sheet"
    }
}

/// Receives progress from a long stage so the CLI can draw a live line on a terminal or one line under cron.
public protocol StageProgress: Sendable {
    /// `done` records so far out of `total` when known.
    func update(done: Int, total: Int?)
}

/// A progress sink that ignores everything (tests, library use).
public struct NoProgress: StageProgress {
    public init() {}
    public func update(done: Int, total: Int?) {}
}
