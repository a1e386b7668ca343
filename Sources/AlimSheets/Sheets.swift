import AlimCore
import Dispatch
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
        try SecureFile.makeDirectory(outputDirectory)
        let schools = index.schools(rejects: rejects).filter { selection.uai == nil || selection.uai == $0 }
        // Schools are independent: two threads, each with its own pango renderer (pango's cairo font map
        // is per thread), take every other school. The split depends only on the school order, never on
        // timing, so the same inputs still give byte-identical bundles.
        let threads = min(2, max(1, schools.count))
        let results = ResultSlots<(SheetsArtifact.SchoolBundle, [CoverageEntry])>(count: schools.count)
        let shared = UncheckedSendable((planner, templates))
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            let (planner, templates) = shared.value
            let writer = BundleWriter(renderer: PageRenderer(), templates: templates, config: config, date: date)
            for k in stride(from: t, to: schools.count, by: threads) {
                let uai = schools[k]
                do {
                    let sheets = planner.sheets(for: uai)
                    let entries = CoverageBuilder.entries(uai: uai, sheets: sheets, planner: planner, rejects: rejects)
                    let counts = try writer.write(uai: uai, schoolName: planner.schoolName(uai), sheets: sheets,
                                                  coverage: entries, folder: outputDirectory.appendingPathComponent(uai.value))
                    let bundle = SheetsArtifact.SchoolBundle(
                        uai: uai, folder: "sheets/\(uai.value)", printed: counts.printed, emailed: counts.emailed,
                        guardiansWithoutSheet: entries.filter { $0.status == .noSheet }.count)
                    results.set(k, .success((bundle, entries)))
                } catch {
                    results.set(k, .failure(error))
                    return
                }
            }
        }
        var bundles: [SheetsArtifact.SchoolBundle] = []
        var coverage: [CoverageEntry] = []
        for result in try results.all() {
            bundles.append(result.0)
            coverage += result.1
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

/// One result per school, filled from two threads at distinct indices.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [Result<T, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, Error>) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
    }

    /// Every result in order; the first failure (in school order) is thrown.
    func all() throws -> [T] {
        lock.lock(); defer { lock.unlock() }
        return try slots.map { slot in
            guard let slot else { throw UnfinishedBundle() }
            return try slot.get()
        }
    }
}

/// Read-only values shared by the bundle threads (the account index and templates are never mutated).
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A school whose bundle was not made because an earlier school of its thread failed (that failure
/// comes first in school order, so this one is never what the operator sees).
private struct UnfinishedBundle: Error {}
