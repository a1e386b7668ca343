import AlimCore
import Foundation

/// The sheets stage: per-school bundles of connection sheets under `sheets/<UAI>/`.
public enum Sheets {
    /// Renders the bundles into `outputDirectory` (created 0700, files 0600) and returns what was made.
    public static func run(accounts: AccountsArtifact, identity: IdentityArtifact, rejects: [Finding],
                           config: AlimConfig, date: RunDate, outputDirectory: URL,
                           selection: SheetSelection = .tonight) throws -> SheetsArtifact {
        SheetsArtifact(bundles: [], coverage: [])
    }
}

/// Which sheets to print: tonight's (new accounts and renewed codes) or a reprint.
public struct SheetSelection: Sendable, Equatable {
    public var uai: UAI?
    public var className: String?
    /// Every sheet-eligible account, not only tonight's new codes.
    public var all: Bool
    public init(uai: UAI? = nil, className: String? = nil, all: Bool = false) {
        self.uai = uai
        self.className = className
        self.all = all
    }
    /// The nightly default: new accounts and renewed codes only.
    public static let tonight = SheetSelection()
}
