import AlimCore
import Foundation

/// The sheets stage: per-school bundles of connection sheets under `sheets/<UAI>/`.
public enum Sheets {
    /// Renders the bundles into `outputDirectory` (created 0700, files 0600) and returns what was made.
    ///
    /// One folder and one zip per school: print PDFs per class and for the school (guardians and
    /// pupils apart), one .eml per guardian with an e-mail address, sheets.csv, coverage.csv (every
    /// legal guardian, with a sheet or a reason), the blank documents to sign and, when configured,
    /// the directors' clause for the règlement intérieur. Nothing here logs a code.
    public static func run(accounts: AccountsArtifact, identity: IdentityArtifact, rejects: [Finding],
                           config: AlimConfig, date: RunDate, outputDirectory: URL,
                           selection: SheetSelection = .tonight) throws -> SheetsArtifact {
        let index = AccountIndex(accounts: accounts, identity: identity)
        let planner = SheetPlanner(index: index, config: config, selection: selection,
                                   schoolNames: identity.context.schoolNames)
        let templates = try TemplateSet(overrideDirectory: config.sheets.templatesDir)
        let writer = BundleWriter(renderer: PageRenderer(), templates: templates, config: config, date: date)
        try SecureFile.makeDirectory(outputDirectory)
        var bundles: [SheetsArtifact.SchoolBundle] = []
        var coverage: [CoverageEntry] = []
        for uai in index.schools(rejects: rejects) where selection.uai == nil || selection.uai == uai {
            let sheets = planner.sheets(for: uai)
            let entries = CoverageBuilder.entries(uai: uai, sheets: sheets, planner: planner, rejects: rejects)
            let counts = try writer.write(uai: uai, schoolName: planner.schoolName(uai), sheets: sheets, coverage: entries,
                                          folder: outputDirectory.appendingPathComponent(uai.value))
            bundles.append(.init(uai: uai, folder: "sheets/\(uai.value)", printed: counts.printed, emailed: counts.emailed,
                                 guardiansWithoutSheet: entries.filter { $0.status == .noSheet }.count))
            coverage += entries
        }
        // Every bundle on disk before the stage reports success (the files were written unflushed).
        try SecureFile.syncFileSystem(of: outputDirectory)
        return SheetsArtifact(bundles: bundles, coverage: coverage)
    }
}

/// Which sheets to print: tonight's (new accounts and renewed codes) or a reprint.
///
/// Tonight's run prints on paper only the families without a usable e-mail address (the others get
/// an .eml); a reprint (`all`) puts every selected sheet in the print PDFs, e-mailed ones included,
/// and writes the .eml files again, always with the codes already issued.
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
