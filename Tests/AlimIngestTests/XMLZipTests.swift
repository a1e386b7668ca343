@testable import AlimIngest
import AlimCore
import Foundation
import XCTest
import ZIPFoundation

final class XMLZipTests: XCTestCase {
    private func makeZip(_ inbox: XMLFixtureInbox, _ name: String, entries: [(String, Data)]) throws {
        let url = inbox.root.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try inbox.add(name, bytes: try Data(contentsOf: url))
    }

    private func latin(_ s: String) -> Data { s.data(using: .isoLatin1)! }

    func testZippedSIECLEExport() throws {
        let inbox = try XMLFixtureInbox()
        try makeZip(inbox, "ExportXML_0141234A.zip", entries: [
            ("ElevesSansAdresses.xml", latin(SIECLEFixtures.twoPupils)),
            ("ResponsablesSansAdresses.xml", latin(SIECLEFixtures.responsables(body: """
                <PERSONNES><PERSONNE PERSONNE_ID="1"><NOM>PERE</NOM><PRENOM>Un</PRENOM></PERSONNE></PERSONNES>
                <RESPONSABLES><RESPONSABLE_ELEVE><ELEVE_ID>100</ELEVE_ID><PERSONNE_ID>1</PERSONNE_ID><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE></RESPONSABLES>
                """))),
            ("lisezmoi.txt", Data("rien".utf8)),
        ])
        let result = inbox.read()
        let pupil = try XCTUnwrap(result.record("ExportXML_0141234A.zip!ElevesSansAdresses.xml", "100"))
        XCTAssertEqual(pupil.firstName, "Léa")
        let father = try XCTUnwrap(result.record("ExportXML_0141234A.zip!ResponsablesSansAdresses.xml", "1"))
        XCTAssertEqual(father.links.map(\.pupil), [pupil.ref])
        XCTAssertEqual(result.outcome("ExportXML_0141234A.zip!lisezmoi.txt")?.status, .unknown)
        XCTAssertEqual(result.outcome("ExportXML_0141234A.zip!ElevesSansAdresses.xml")?.status, .imported)
    }

    func testZipSlipIsRefused() throws {
        let inbox = try XMLFixtureInbox()
        try makeZip(inbox, "slip.zip", entries: [("ok.xml", latin(SIECLEFixtures.twoPupils)), ("../../evil.xml", Data("<x/>".utf8))])
        let result = inbox.read()
        XCTAssertEqual(result.outcome("slip.zip")?.status, .refused)
        XCTAssertTrue(result.outcome("slip.zip")?.message?.contains("../../evil.xml") ?? false)
        XCTAssertTrue(result.records.isEmpty, "nothing of a refused zip is imported")
        XCTAssertTrue(ZipExpander.isUnsafe("/etc/passwd"))
        XCTAssertTrue(ZipExpander.isUnsafe("C:\\x.xml"))
        XCTAssertFalse(ZipExpander.isUnsafe("dir/ok..xml"))
    }

    func testZipBombDeclaredSizeIsRefused() throws {
        let inbox = try XMLFixtureInbox()
        let big = Data(repeating: UInt8(ascii: " "), count: 200_000) + latin(SIECLEFixtures.twoPupils)
        try makeZip(inbox, "bomb.zip", entries: [("ElevesSansAdresses.xml", big)])
        var config = AlimConfig()
        config.limits.maxUnzippedBytes = 50_000
        let result = inbox.read(config)
        XCTAssertEqual(result.outcome("bomb.zip")?.status, .refused)
        XCTAssertTrue(result.outcome("bomb.zip")?.message?.contains("max_unzipped_bytes") ?? false)
        XCTAssertTrue(result.records.isEmpty)
    }

    func testZipBombLyingAboutItsSizeIsStoppedWhileInflating() throws {
        let inbox = try XMLFixtureInbox()
        let big = Data(repeating: UInt8(ascii: " "), count: 200_000) + latin(SIECLEFixtures.twoPupils)
        var expander = ZipExpander(maxUnzippedBytes: 50_000)
        defer { expander.cleanUp() }
        let url = inbox.root.appendingPathComponent("liar.zip")
        let archive = try Archive(url: url, accessMode: .create)
        try archive.addEntry(with: "a.xml", type: .file, uncompressedSize: Int64(big.count), compressionMethod: .deflate) { p, s in
            big.subdata(in: Int(p)..<Int(p) + s)
        }
        // Patch the declared sizes (local header offset 22, central directory) down to 10 bytes.
        var bytes = try Data(contentsOf: url)
        func patch(_ offset: Int) { withUnsafeBytes(of: UInt32(10).littleEndian) { bytes.replaceSubrange(offset..<offset + 4, with: $0) } }
        patch(22)
        if let cd = bytes.range(of: Data([0x50, 0x4B, 0x01, 0x02])) { patch(cd.lowerBound + 24) }
        try bytes.write(to: url)
        XCTAssertThrowsError(try expander.expand(zip: url, relativePath: "liar.zip")) { error in
            XCTAssertTrue((error as? ZipExpander.Refusal)?.reason.contains("limite") ?? false, "\(error)")
        }
    }
}
