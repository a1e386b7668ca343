import AlimCore
import Foundation
@testable import AlimPipeline
import XCTest

/// The family links Alim makes on the sample inbox, against the generator's ground truth
/// (`Fixtures/expected/links.csv`, one row per child reference of every guardian record):
/// every `link` row is linked, no other link is made (precision 1.0), an `ambiguous` reference
/// (homonymous pupils: same name, first name and class) and a `not_found` one give no link.
///
/// Links are read from the ingest artifact (`ingest.json`: each guardian record's `links`). They are
/// compared per guardian *person* within one guardian file (the record's true person in truth.csv), so a
/// guardian spread over two ONDE rows (four children or more) may hold all of its children on either
/// record without the test depending on which.
final class FamilyLinkTruthTests: XCTestCase {
    nonisolated(unsafe) private static var shared: RunResult?

    /// One run shared by the tests of this file.
    private func fixtureRun() throws -> RunResult {
        if let s = Self.shared { return s }
        let result = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: try TestSupport.workdir("links"),
                                                 configFile: nil, date: TestSupport.date))
        Self.shared = result
        return result
    }

    private func ingest(_ result: RunResult) throws -> IngestArtifact {
        try ArtifactCoding.read(IngestArtifact.self, from: result.runFolder.appendingPathComponent("ingest.json"))
    }

    struct TruthRow {
        var guardian: RecordRef
        /// The true child; nil for a reference to a child absent from the pupil files.
        var pupil: RecordRef?
        /// `link`, `ambiguous` or `not_found`.
        var expected: String
    }

    /// Reads `Fixtures/expected/links.csv`.
    static func linkTruth() throws -> [TruthRow] {
        let text = try String(contentsOf: TestSupport.fixtures.appendingPathComponent("expected/links.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "guardian_file;guardian_ref;pupil_file;pupil_ref;expected")
        return lines.dropFirst().map { line in
            let p = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            precondition(p.count == 5, "links.csv: bad line \(line)")
            return TruthRow(guardian: RecordRef(file: p[0], ref: p[1]),
                            pupil: p[3].isEmpty ? nil : RecordRef(file: p[2], ref: p[3]), expected: p[4])
        }
    }

    /// One guardian person within one guardian file, and one pupil record.
    struct Pair: Hashable, CustomStringConvertible {
        var file: String
        var guardian: String
        var pupil: RecordRef
        var description: String { "\(file) [\(guardian)] → \(pupil)" }
    }

    func testFactsCountTheLinkTruth() throws {
        let rows = try Self.linkTruth()
        let facts = try TestSupport.facts()
        let counts = try XCTUnwrap(facts["family_links"] as? [String: Int])
        for kind in ["link", "ambiguous", "not_found"] {
            XCTAssertEqual(rows.filter { $0.expected == kind }.count, counts[kind], kind)
        }
        XCTAssertEqual(Set(rows.map(\.expected)), ["link", "ambiguous", "not_found"])
        XCTAssertTrue(rows.filter { $0.expected != "not_found" }.allSatisfy { $0.pupil != nil })
    }

    /// The three child-column spellings (`enfant`, `élève`, the ENT template's `de l'élève`) all import.
    func testEveryGuardianFileIsImportedWhateverItsChildColumns() throws {
        let result = try fixtureRun()
        let ingest = try ingest(result)
        let facts = try TestSupport.facts()
        let spellings = try XCTUnwrap(facts["guardian_child_columns"] as? [String: String])
        XCTAssertEqual(Set(spellings.values), ["enfant", "élève", "de l'élève"])
        for (file, spelling) in spellings.sorted(by: { $0.key < $1.key }) {
            let outcome = try XCTUnwrap(ingest.files.first { $0.file == file }, file)
            XCTAssertEqual(outcome.status, .imported,
                           "\(file) (child columns « \(spelling) ») not imported: \(outcome.message ?? "")")
            XCTAssertEqual(outcome.format, .ondeGuardians, file)
        }
        XCTAssertEqual(result.exitStatus, .success)
    }

    func testFamilyLinksEqualTheGroundTruth() throws {
        let result = try fixtureRun()
        let ingest = try ingest(result)
        let truth = try TestSupport.truth()
        let rows = try Self.linkTruth()
        func person(_ ref: RecordRef) -> String {
            if let p = truth[ref], !p.isEmpty { return p }
            return "record \(ref.ref)"  // a rejected row, or a record the truth does not know: only itself
        }
        func pair(_ guardian: RecordRef, _ pupil: RecordRef) -> Pair {
            Pair(file: guardian.file, guardian: person(guardian), pupil: pupil)
        }
        var expected: Set<Pair> = [], ambiguous: Set<Pair> = [], notFound: Set<Pair> = []
        for row in rows {
            guard let pupil = row.pupil else { continue }
            switch row.expected {
            case "link": expected.insert(pair(row.guardian, pupil))
            case "ambiguous": ambiguous.insert(pair(row.guardian, pupil))
            default: notFound.insert(pair(row.guardian, pupil))
            }
        }
        ambiguous.subtract(expected)
        notFound.subtract(expected)
        var made: Set<Pair> = []
        for record in ingest.records where !record.links.isEmpty {
            for link in record.links { made.insert(pair(record.ref, link.pupil)) }
        }
        let correct = made.intersection(expected)
        let wrong = made.subtracting(expected)
        let missing = expected.subtracting(made)
        let precision = made.isEmpty ? 0 : Double(correct.count) / Double(made.count)
        let recall = expected.isEmpty ? 0 : Double(correct.count) / Double(expected.count)
        // Ambiguous and not-found references of a child who is in the files count as not linked.
        let trueChildren = expected.count + ambiguous.count + notFound.count
        let childRecall = Double(correct.count) / Double(max(trueChildren, 1))

        let pupils = Dictionary(ingest.records.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        func show(_ pairs: Set<Pair>) -> String {
            pairs.sorted { ($0.file, $0.guardian, $0.pupil) < ($1.file, $1.guardian, $1.pupil) }.prefix(25).map { p in
                let r = pupils[p.pupil]
                let name = r.map { "\($0.lastName)\($0.usageName.map { " (\($0))" } ?? "") \($0.firstName), \($0.className ?? "?")" } ?? "?"
                return "  \(p) \(name)"
            }.joined(separator: "\n") + (pairs.count > 25 ? "\n  … \(pairs.count - 25) more" : "")
        }
        let figures = String(format: "family links: %d made, %d expected, %d correct; precision %.4f, recall %.4f "
                                + "(over every true child, ambiguous and not-found references included: %.4f)",
                             made.count, expected.count, correct.count, precision, recall, childRecall)
        print(figures)
        XCTAssertTrue(wrong.isEmpty, "\(figures)\n\(wrong.count) links to a child the guardian's rows do not name "
                      + "unambiguously:\n\(show(wrong))")
        XCTAssertTrue(missing.isEmpty, "\(figures)\n\(missing.count) expected links missing:\n\(show(missing))")
        let linkedAmbiguous = made.intersection(ambiguous)
        XCTAssertTrue(linkedAmbiguous.isEmpty, "\(figures)\nambiguous references (homonymous pupils) linked anyway:\n"
                      + show(linkedAmbiguous))
        let linkedNotFound = made.intersection(notFound)
        XCTAssertTrue(linkedNotFound.isEmpty, "\(figures)\nreferences that name nobody linked anyway:\n" + show(linkedNotFound))
        XCTAssertEqual(precision, 1.0, figures)
        XCTAssertEqual(recall, 1.0, figures)
    }

    /// A reference left without a link (ambiguous or naming nobody) is never silent: the guardian's row
    /// carries a warning (or, when no child of the row is found, the row is rejected with its reason).
    func testEveryReferenceLeftUnlinkedIsReported() throws {
        let result = try fixtureRun()
        let ingest = try ingest(result)
        let reported = Set((ingest.warnings + ingest.rejects).map { RecordRef(file: $0.file, ref: $0.ref) })
        let unlinked = try Self.linkTruth().filter { $0.expected != "link" && !$0.guardian.file.contains("!") }
        XCTAssertFalse(unlinked.isEmpty)
        for row in unlinked {
            XCTAssertTrue(reported.contains(row.guardian),
                          "\(row.guardian): a reference \(row.expected) (\(row.pupil?.description ?? "absent child")) gave no warning")
        }
    }
}
