@testable import AlimIngest
import AlimCore
import Foundation
import XCTest

/// Runs the real SIECLE and AAF samples of ../shared/samples (skipped when absent).
final class XMLSampleTests: XCTestCase {
    /// `<repo>/../shared/samples`; from a worktree under `wt/`, one more level up.
    private static let samples: URL = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = ["../shared/samples", "../../shared/samples"].map { repo.appendingPathComponent($0).standardizedFileURL }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }()
    private static let folders = ["betagouv-dossiersco", "edificeio-entcore/aaf-test", "edificeio-entcore/aaf/test",
                                  "edificeio-entcore/tests-data/positions/aaf"]

    private func sampleFiles() throws -> [InboxFile] {
        guard FileManager.default.fileExists(atPath: Self.samples.path) else { throw XCTSkip("no ../shared/samples") }
        var files: [InboxFile] = []
        for folder in Self.folders {
            let dir = Self.samples.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "xml" {
                let rel = String(url.standardizedFileURL.path.dropFirst(Self.samples.path.count + 1))
                files.append(InboxFile(url: url, relativePath: rel))
            }
        }
        return files
    }

    /// Person elements counted by a plain text scan, independent of the reader.
    private func personCount(_ url: URL) throws -> Int {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        func count(_ pattern: String) -> Int {
            (try? NSRegularExpression(pattern: pattern)).map { $0.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) } ?? 0
        }
        if text.contains("<BEE_ELEVES") { return count(#"<ELEVE\s[^>]*ELEVE_ID="#) }
        if text.contains("<BEE_RESPONSABLES") { return count(#"<PERSONNE\s[^>]*PERSONNE_ID="#) }
        if text.contains("<ficAlimMENESR") {
            return count(#"<addRequest>\s*<operationalAttributes>\s*<attr name="categoriePersonne">\s*<value>(Eleve|PersRelEleve)</value>"#)
        }
        return 0
    }

    func testEverySampleIsImportedWithTheInvariantOrRefusedWithLocation() throws {
        let files = try sampleFiles()
        XCTAssertGreaterThan(files.count, 50)
        let result = XMLIngest.read(files: files, config: .default)
        XCTAssertEqual(Set(result.files.map(\.file)), Set(files.map(\.relativePath)), "one outcome per file")

        var seen = Set<RecordRef>()
        for ref in result.records.map(\.ref) + result.rejects.map({ RecordRef(file: $0.file, ref: $0.ref) }) {
            XCTAssertTrue(seen.insert(ref).inserted, "\(ref) appears twice")
        }
        var persons = 0
        for file in files {
            let outcome = try XCTUnwrap(result.outcome(file.relativePath))
            let records = result.records.filter { $0.ref.file == file.relativePath }.count
            let rejects = result.rejects.filter { $0.file == file.relativePath }
            if outcome.status == .refused {
                XCTAssertEqual(records, 0, file.relativePath)
                XCTAssertEqual(rejects.count, 1, file.relativePath)
                XCTAssertNotNil(rejects.first?.ref.range(of: #"^ligne \d+, colonne \d+$"#, options: .regularExpression), file.relativePath)
            } else {
                let expected = try personCount(file.url)
                persons += expected
                XCTAssertEqual(records + rejects.count, expected, file.relativePath)
                XCTAssertEqual(outcome.records, expected, file.relativePath)
            }
        }
        XCTAssertGreaterThan(persons, 10_000)

        let malformed = try XCTUnwrap(result.outcome("betagouv-dossiersco/eleves_avec_adresse_simple.xml"))
        XCTAssertEqual(malformed.status, .refused)
        XCTAssertTrue(malformed.message?.contains("ligne 139, colonne") ?? false, malformed.message ?? "")
        XCTAssertEqual(result.outcome("betagouv-dossiersco/retour_ent.xml")?.status, .unknown)
        XCTAssertEqual(result.outcome("edificeio-entcore/aaf-test/FULL_ENTTSSERVICES_Complet_20130117_MefEducNat_0000.xml")?.status, .skipped)

        // The 2013 set lacks Eleve_0000: guardians of its pupils are reported, the others linked.
        let aafGuardians = result.records.filter { $0.source == .aafGuardians }
        XCTAssertFalse(aafGuardians.isEmpty)
        XCTAssertTrue(aafGuardians.allSatisfy { !$0.links.isEmpty })
        XCTAssertTrue(result.rejects.contains { $0.kind == .guardian && $0.file.contains("PersRelEleve") })
        let pupil = try XCTUnwrap(result.record("edificeio-entcore/aaf-test/FULL_ENTTSSERVICES_Complet_20130117_Eleve_0001.xml", "2605692"))
        XCTAssertEqual(pupil.lastName, "AZOT")
        XCTAssertEqual(pupil.className, "RUS1TERM")
        XCTAssertNotNil(pupil.uai)
    }
}
