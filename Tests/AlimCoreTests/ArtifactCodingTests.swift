import Foundation
import XCTest
@testable import AlimCore

/// Artifacts carry their format; reading refuses another format or a damaged file in French.
final class ArtifactCodingTests: XCTestCase {
    private struct Sample: Codable, Equatable {
        var name: String
        var items: [Item]
        struct Item: Codable, Equatable { var kind: RecordKind }
    }

    private let sample = Sample(name: "é/x", items: [Item(kind: .pupil), Item(kind: .guardian)])
    private typealias Item = Sample.Item

    func testEveryArtifactCarriesItsFormatBesideItsOwnKeys() throws {
        let data = try ArtifactCoding.encode(sample)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("}\n"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object[ArtifactCoding.versionKey] as? Int, ArtifactCoding.formatVersion)
        XCTAssertEqual(Set(object.keys), ["formatVersion", "items", "name"])
        XCTAssertTrue(text.contains("\"é/x\""), "slashes and accents are written as such")
        XCTAssertEqual(try ArtifactCoding.encode(sample), data, "deterministic")
        XCTAssertEqual(try ArtifactCoding.decode(Sample.self, from: data), sample)
        // A real artifact too.
        let ingest = try ArtifactCoding.encode(IngestArtifact(records: []))
        XCTAssertTrue(String(decoding: ingest, as: UTF8.self).contains("\"formatVersion\":3"))
        XCTAssertEqual(try ArtifactCoding.decode(IngestArtifact.self, from: ingest).records, [])
    }

    func testAnArtifactOfAnotherFormatIsRefused() throws {
        let plain = try JSONEncoder().encode(sample)   // as written before formats were (format 1)
        XCTAssertThrowsError(try ArtifactCoding.decode(Sample.self, from: plain, name: "ingest.json")) { error in
            XCTAssertEqual(error as? ArtifactError, ArtifactError(name: "ingest.json", kind: .otherFormat(found: 1, expected: 3)))
            XCTAssertEqual(String(describing: error),
                           "L'artefact ingest.json a été écrit par une autre version d'Alim (format 1, attendu 3) : relancez l'exécution complète.")
        }
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: try ArtifactCoding.encode(sample)) as? [String: Any])
        object["formatVersion"] = 2   // the pretty-printed, embedding format of earlier Alims
        XCTAssertThrowsError(try ArtifactCoding.decode(Sample.self, from: try JSONSerialization.data(withJSONObject: object))) { error in
            XCTAssertEqual((error as? ArtifactError)?.kind, .otherFormat(found: 2, expected: 3))
        }
    }

    func testADamagedArtifactIsRefusedNamingTheField() throws {
        XCTAssertThrowsError(try ArtifactCoding.decode(Sample.self, from: Data("{\"formatVersion\": 3, \"na".utf8), name: "identity.json")) { error in
            XCTAssertEqual(error as? ArtifactError, ArtifactError(name: "identity.json", kind: .undecodable(field: nil)))
            XCTAssertTrue(String(describing: error).hasPrefix("L'artefact identity.json est illisible"), "\(error)")
        }
        let wrong = Data("{\"formatVersion\": 3, \"name\": \"x\", \"items\": [{\"kind\": \"pupil\"}, {\"kind\": \"alien\"}]}".utf8)
        XCTAssertThrowsError(try ArtifactCoding.decode(Sample.self, from: wrong, name: "identity.json")) { error in
            XCTAssertEqual((error as? ArtifactError)?.kind, .undecodable(field: "items.1.kind"))
            XCTAssertTrue(String(describing: error).contains("(champ items.1.kind)"), "\(error)")
        }
        XCTAssertThrowsError(try ArtifactCoding.decode(Sample.self, from: Data("[1, 2]".utf8))) { error in
            XCTAssertEqual((error as? ArtifactError)?.kind, .undecodable(field: nil))
        }
    }

    func testReadAndWriteNameTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("alim-artifact-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("accounts.json")
        try ArtifactCoding.write(sample, to: url)
        XCTAssertEqual(try ArtifactCoding.read(Sample.self, from: url), sample)
        try JSONEncoder().encode(sample).write(to: url)
        XCTAssertThrowsError(try ArtifactCoding.read(Sample.self, from: url)) { error in
            XCTAssertEqual((error as? ArtifactError)?.name, "accounts.json")
        }
    }
}
