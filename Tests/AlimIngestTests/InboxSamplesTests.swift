import AlimCore
import XCTest
@testable import AlimIngest

/// The public ONDE samples (be1d-test, sample-be1d) put under UAI folders: every row accounted for.
/// Skipped when /work/shared/samples is not there.
final class InboxSamplesTests: XCTestCase {
    /// `<repo>/../shared/samples`, or one level higher when the repo is a worktree under `wt/`.
    private var samples: URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = ["../shared/samples", "../../shared/samples"].map {
            root.appendingPathComponent($0).appendingPathComponent("edificeio-entcore").standardizedFileURL
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }

    func testBe1dSamplesAllRowsAccountedFor() throws {
        let be1d = samples.appendingPathComponent("be1d-test/Ecole primaire Emile Zola")
        let variant = samples.appendingPathComponent("sample-be1d/EcoleprimaireEmileZola/CSVExtraction-responsables.csv")
        guard FileManager.default.fileExists(atPath: be1d.path) else { throw XCTSkip("samples not available") }
        let inbox = try TestInbox()
        for name in ["CSVExtraction-eleves.csv", "CSVExtraction-responsables.csv", "CSVExtraction-enseignants.csv"] {
            try inbox.write("0611234A-emile-zola/\(name)", [UInt8](Data(contentsOf: be1d.appendingPathComponent(name))))
        }
        try inbox.write("0622222B/eleves.csv", [UInt8](Data(contentsOf: be1d.appendingPathComponent("CSVExtraction-eleves.csv"))))
        try inbox.write("0622222B/responsables.csv", [UInt8](Data(contentsOf: variant)))
        let artifact = try inbox.run()

        func accounted(_ file: String) -> [String] {
            artifact.records.filter { $0.ref.file == file }.map(\.ref.ref) + artifact.rejects.filter { $0.file == file }.map(\.ref)
        }
        for school in ["0611234A-emile-zola", "0622222B"] {
            let pupils = accounted("\(school)/" + (school == "0622222B" ? "eleves.csv" : "CSVExtraction-eleves.csv"))
            XCTAssertEqual(pupils.count, 247)
            XCTAssertEqual(Set(pupils), Set((2...248).map(String.init)))
        }
        // be1d-test guardians: 450 + 16 + 3 rows; every one a record or a reject, once.
        let quoted = accounted("0611234A-emile-zola/CSVExtraction-responsables.csv")
        XCTAssertEqual(quoted.count, 469)
        XCTAssertEqual(Set(quoted).count, 469)
        let unquoted = accounted("0622222B/responsables.csv")
        let dataLines = try String(decoding: Data(contentsOf: variant), as: UTF8.self)
            .split(separator: "\n").count - 1
        XCTAssertEqual(unquoted.count, dataLines)
        // Same people in both variants: the same guardians are linked.
        let linkedQuoted = artifact.records.filter { $0.ref.file.hasSuffix("CSVExtraction-responsables.csv") }.count
        let linkedUnquoted = artifact.records.filter { $0.ref.file == "0622222B/responsables.csv" }.count
        XCTAssertEqual(linkedQuoted, linkedUnquoted)
        XCTAssertGreaterThan(linkedQuoted, 400)
        // ONDE writes H for boys; every pupil has a sex and a birth date; every guardian child was found.
        let pupils = artifact.records.filter { $0.kind == .pupil }
        XCTAssertEqual(Set(pupils.compactMap(\.sex)), ["F", "M"])
        XCTAssertEqual(pupils.filter { $0.sex == "M" }.count, 220)
        XCTAssertTrue(pupils.allSatisfy { $0.birthDate != nil })
        XCTAssertTrue(artifact.warnings.isEmpty, "\(artifact.warnings.prefix(3))")
        // Accents decoded from Latin-1.
        XCTAssertTrue(artifact.records.contains { $0.firstName == "Eléa" })
        // The teacher export is recognised and skipped: not people, not a reject.
        XCTAssertEqual(artifact.files.first { $0.file.hasSuffix("enseignants.csv") }?.status, .skipped)
        XCTAssertFalse(artifact.rejects.contains { $0.file.hasSuffix("enseignants.csv") })
        XCTAssertEqual(artifact.context.schoolsPresent.map(\.value), ["0611234A", "0622222B"])
        XCTAssertEqual(artifact.context.schoolNames["0611234A"], "Emile Zola")
    }
}
