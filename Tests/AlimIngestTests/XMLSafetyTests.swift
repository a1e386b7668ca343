@testable import AlimIngest
import AlimCore
import Foundation
import XCTest

final class XMLSafetyTests: XCTestCase {
    private func assertRefused(_ result: PartialIngest, _ file: String, containing text: String,
                               file callerFile: StaticString = #filePath, line: UInt = #line) {
        let outcome = result.outcome(file)
        XCTAssertEqual(outcome?.status, .refused, file: callerFile, line: line)
        XCTAssertTrue(outcome?.message?.contains(text) ?? false, "\(outcome?.message ?? "nil")", file: callerFile, line: line)
        XCTAssertEqual(result.rejects.filter { $0.file == file }.count, 1, file: callerFile, line: line)
        XCTAssertTrue(result.records.allSatisfy { $0.ref.file != file }, file: callerFile, line: line)
    }

    func testExternalEntityIsRefusedAndNotFetched() throws {
        let inbox = try XMLFixtureInbox()
        let secret = inbox.root.appendingPathComponent("secret.txt")
        try "TOPSECRET".write(to: secret, atomically: false, encoding: .utf8)
        try inbox.add("xxe.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE BEE_ELEVES [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
            <BEE_ELEVES><PARAMETRES><UAJ>0141234A</UAJ></PARAMETRES><DONNEES><ELEVES>
            <ELEVE ELEVE_ID="1"><NOM>&xxe;</NOM><PRENOM>X</PRENOM></ELEVE></ELEVES></DONNEES></BEE_ELEVES>
            """)
        let result = inbox.read()
        assertRefused(result, "xxe.xml", containing: "entités")
        XCTAssertFalse(result.rejects.contains { $0.reason.contains("TOPSECRET") })
    }

    func testBillionLaughsIsRefused() throws {
        let inbox = try XMLFixtureInbox()
        var decls = #"<!ENTITY lol0 "lol">"#
        for i in 1...9 { decls += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        try inbox.add("lol.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE ficAlimMENESR [\(decls)]>
            <ficAlimMENESR><addRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes>
            <identifier><id>1</id></identifier><attributes><attr name="sn"><value>&lol9;</value></attr></attributes></addRequest></ficAlimMENESR>
            """)
        assertRefused(inbox.read(), "lol.xml", containing: "entités")
    }

    func testExternalDTDReferenceIsNeitherFetchedNorRefused() throws {
        let inbox = try XMLFixtureInbox()
        // A DTD next to the file that would inject a default attribute if it were loaded.
        try inbox.add("ficAlimMENESR.dtd", #"<!ENTITY evil "EVIL"><!ATTLIST attr name CDATA "sn">"#)
        try inbox.add("ENT_Complet_EtabEducNat_0000.xml", AAFTests.etab)
        XCTAssertEqual(inbox.read().outcome("ENT_Complet_EtabEducNat_0000.xml")?.status, .imported)
    }

    func testPredefinedAndNumericEntitiesAreFine() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("e.xml", SIECLEFixtures.eleves(body: """
            <ELEVES><ELEVE ELEVE_ID="1"><NOM>D&apos;ARC &amp; &#201;LAN &lt;&gt;&quot;</NOM><PRENOM>J&#xE9;r&#233;my</PRENOM></ELEVE></ELEVES>
            """))
        let pupil = try XCTUnwrap(inbox.read().record("e.xml", "1"))
        XCTAssertEqual(pupil.lastName, "D'ARC & ÉLAN <>\"")
        XCTAssertEqual(pupil.firstName, "Jérémy")
    }

    func testMalformedFileIsRefusedWholeWithLineAndColumn() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("ok.xml", SIECLEFixtures.twoPupils)
        try inbox.add("bad.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <BEE_ELEVES VERSION="3.0">
              <PARAMETRES><UAJ>0141234A</UAJ></PARAMETRES>
              <DONNEES>
                <ELEVES>
                  <ELEVE ELEVE_ID="1"><NOM>A</NOM><PRENOM>B</PRENOM></ELEVE>
                </ELEVES>
                <STRUCTURES>
                  <STRICTURES_ELEVE ELEVE_ID="1">
                  </STRUCTURES_ELEVE>
                </STRUCTURES>
              </DONNEES>
            </BEE_ELEVES>
            """)
        let result = inbox.read()
        assertRefused(result, "bad.xml", containing: "ligne 10, colonne")
        let reject = try XCTUnwrap(result.rejects.first { $0.file == "bad.xml" })
        XCTAssertTrue(reject.ref.hasPrefix("ligne 10, colonne "), reject.ref)
        XCTAssertTrue(reject.reason.contains("mal formé"))
        XCTAssertEqual(result.records.filter { $0.ref.file == "ok.xml" }.count, 2, "the rest of the inbox is imported")
    }

    func testTruncatedFileIsRefused() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("cut.xml", String(SIECLEFixtures.twoPupils.prefix(400)))
        let result = inbox.read()
        XCTAssertEqual(result.outcome("cut.xml")?.status, .refused)
        XCTAssertTrue(result.records.isEmpty)
    }

    func testUnrelatedXMLIsUnknown() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("page.xml", "<html><body><p>Bonjour</p></body></html>")
        try inbox.add("nomenclature.xml", "<?xml version=\"1.0\"?><BEE_NOMENCLATURES><PARAMETRES/></BEE_NOMENCLATURES>")
        let result = inbox.read()
        XCTAssertEqual(result.outcome("page.xml")?.status, .unknown)
        XCTAssertTrue(result.outcome("page.xml")?.message?.contains("<html>") ?? false)
        XCTAssertEqual(result.outcome("nomenclature.xml")?.status, .skipped)
        XCTAssertTrue(result.rejects.isEmpty && result.records.isEmpty)
    }

    func testRecordLimitRefusesTheFile() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("e.xml", SIECLEFixtures.twoPupils)
        var config = AlimConfig()
        config.limits.maxRecordsPerFile = 2
        XCTAssertEqual(inbox.read(config).outcome("e.xml")?.status, .refused)
        config.limits.maxRecordsPerFile = 100
        config.limits.maxFileBytes = 100
        XCTAssertTrue(inbox.read(config).outcome("e.xml")?.message?.contains("max_file_bytes") ?? false)
    }

    func testRerunIsIdentical() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("ENT_Complet_EtabEducNat_0000.xml", AAFTests.etab)
        try inbox.add("ENT_Complet_Eleve_0000.xml", AAFTests.pupils2D)
        try inbox.add("ENT_Complet_PersRelEleve_0000.xml", AAFTests.guardiansChunk0)
        let a = inbox.read(), b = inbox.read()
        XCTAssertEqual(a.records, b.records)
        XCTAssertEqual(a.rejects, b.rejects)
        XCTAssertEqual(a.warnings, b.warnings)
        XCTAssertEqual(a.files, b.files)
    }
}
