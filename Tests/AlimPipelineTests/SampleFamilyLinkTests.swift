import AlimCore
import Foundation
@testable import AlimPipeline
import XCTest

/// The real be1d-test ONDE export (../shared/samples): no guardian is linked to a pupil whose name is
/// not on that guardian's row, and nearly every child reference of the rows is linked (so a join that
/// links nothing cannot pass). The rows are decoded here, independently of Alim's readers.
/// Skipped when the samples are absent.
final class SampleFamilyLinkTests: XCTestCase {
    private static let school = "0123456A-emile-zola"
    private static let guardianColumns = 13
    private static let groupSize = 4  // usage name, family name, first name, classes

    /// Case, accents, spaces, hyphens and apostrophes ignored: only letters and digits, lower-cased.
    static func fold(_ s: String?) -> String {
        guard let s else { return "" }
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
    }

    /// ONDE CSV as exported: Latin-1, `;`, values quoted or not, CRLF or LF. Returns every record, header first.
    static func records(_ url: URL) throws -> [[String]] {
        let text = try XCTUnwrap(String(data: try Data(contentsOf: url), encoding: .isoLatin1))
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false, pendingQuote = false
        for c in text.unicodeScalars {
            if quoted {
                if pendingQuote {
                    pendingQuote = false
                    if c == "\"" { cell.unicodeScalars.append(c); continue }
                    quoted = false
                } else if c == "\"" { pendingQuote = true; continue }
                else { cell.unicodeScalars.append(c); continue }
            }
            switch c {
            case "\"" where cell.isEmpty: quoted = true
            case ";": row.append(cell); cell = ""
            case "\r": continue
            case "\n": row.append(cell); rows.append(row); row = []; cell = ""
            default: cell.unicodeScalars.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    struct ChildRef {
        var usage: String, last: String, first: String, className: String
        var names: Set<String> { Set([SampleFamilyLinkTests.fold(usage), SampleFamilyLinkTests.fold(last)]).subtracting([""]) }

        /// The row names this pupil: a non-empty name (birth or usage, either side) and the first name agree.
        func names(_ pupil: PersonRecord) -> Bool {
            let first = SampleFamilyLinkTests.fold(self.first)
            guard !first.isEmpty, first == SampleFamilyLinkTests.fold(pupil.firstName) else { return false }
            let theirs = Set([SampleFamilyLinkTests.fold(pupil.lastName), SampleFamilyLinkTests.fold(pupil.usageName)]).subtracting([""])
            return !names.isDisjoint(with: theirs)
        }
    }

    static func children(of row: [String]) -> [ChildRef] {
        var out: [ChildRef] = []
        var i = guardianColumns
        while i < row.count {
            func cell(_ k: Int) -> String { i + k < row.count ? row[i + k] : "" }
            let ref = ChildRef(usage: cell(0), last: cell(1), first: cell(2), className: cell(3))
            if ![ref.usage, ref.last, ref.first, ref.className].allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                out.append(ref)
            }
            i += groupSize
        }
        return out
    }

    func testNoGuardianIsLinkedToAChildTheirRowDoesNotName() throws {
        let source = TestSupport.samples.appendingPathComponent("edificeio-entcore/be1d-test/Ecole primaire Emile Zola")
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw XCTSkip("../shared/samples absent: the be1d-test family-link check needs "
                          + "edificeio-entcore/be1d-test/Ecole primaire Emile Zola/")
        }
        let inbox = try TestSupport.tempDir("be1d-links")
        let folder = inbox.appendingPathComponent(Self.school)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["CSVExtraction-eleves.csv", "CSVExtraction-responsables.csv"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let rows = try Self.records(folder.appendingPathComponent("CSVExtraction-responsables.csv"))
        XCTAssertEqual(rows.first?.count, Self.guardianColumns + 3 * Self.groupSize, "unexpected header")
        XCTAssertEqual(rows.count - 1, 469, "guardian rows")

        let run = try Pipeline.run(RunOptions(inbox: inbox, workdir: try TestSupport.workdir("be1d-links"), configFile: nil,
                                              date: TestSupport.date))
        let ingest = try ArtifactCoding.read(IngestArtifact.self, from: run.runFolder.appendingPathComponent("ingest.json"))
        let records = Dictionary(ingest.records.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        let guardianFile = "\(Self.school)/CSVExtraction-responsables.csv"

        var references = 0, referencesLinked = 0, links = 0
        var strangers: [String] = []
        var guardiansWithStranger = 0
        for (index, row) in rows.enumerated().dropFirst() {
            let ref = RecordRef(file: guardianFile, ref: String(index + 1))  // record number, header = 1
            let named = Self.children(of: row)
            references += named.count
            guard let guardian = records[ref] else { continue }  // rejected row: no links at all
            let pupils = guardian.links.compactMap { records[$0.pupil] }
            XCTAssertEqual(pupils.count, guardian.links.count, "\(ref): a link to a pupil record absent from ingest.json")
            links += guardian.links.count
            referencesLinked += named.filter { child in pupils.contains { child.names($0) } }.count
            let foreign = pupils.filter { pupil in !named.contains { $0.names(pupil) } }
            if !foreign.isEmpty {
                guardiansWithStranger += 1
                let rowNames = named.map { "\($0.last.isEmpty ? $0.usage : $0.last) \($0.first) (\($0.className))" }.joined(separator: ", ")
                for p in foreign {
                    strangers.append("  row \(ref.ref) « \(guardian.lastName) \(guardian.firstName) » names [\(rowNames)] "
                                     + "but is linked to \(p.lastName)\(p.usageName.map { " (\($0))" } ?? "") \(p.firstName), \(p.className ?? "?")")
                }
            }
        }
        let coverage = references == 0 ? 0 : Double(referencesLinked) / Double(references)
        let figures = String(format: "be1d sample: %d guardian rows, %d child references, %d linked to the child they name "
                                + "(%.1f %%), %d links made, %d guardians linked to a child their row does not name (%d links)",
                             rows.count - 1, references, referencesLinked, coverage * 100, links, guardiansWithStranger,
                             strangers.count)
        print(figures)
        XCTAssertTrue(strangers.isEmpty, "\(figures):\n" + strangers.prefix(40).joined(separator: "\n")
                      + (strangers.count > 40 ? "\n  … \(strangers.count - 40) more" : ""))
        XCTAssertGreaterThanOrEqual(coverage, 0.95, "too few references linked: \(figures)")
        XCTAssertGreaterThan(references, 400, figures)
    }
}
