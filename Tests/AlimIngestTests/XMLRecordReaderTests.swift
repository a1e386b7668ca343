@testable import AlimIngest
import AlimCore
import Foundation
import XCTest

/// The flat record reader (`XMLRecord`, interned-name ids, lazy byte decoding) must read values exactly
/// as the former per-record tree did: direct children only, text pieces joined, blanks trimmed.
final class XMLRecordReaderTests: XCTestCase {
    func testSIECLEValuesFromSplitTextCDATAReferencesAndNestedTags() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("clg/ElevesSansAdresses.xml", SIECLEFixtures.eleves(body: """
            <ELEVES>
              <ELEVE ELEVE_ID=" 300 ">
                <SCOLARITE_AN_DERNIER><PRENOM>Faux</PRENOM><NOM_DE_FAMILLE>FAUX</NOM_DE_FAMILLE></SCOLARITE_AN_DERNIER>
                <NOM_DE_FAMILLE> MAR<!-- split -->TIN </NOM_DE_FAMILLE>
                <NOM_USAGE>DE<!-- a -->  <!-- b -->LA</NOM_USAGE>
                <PRENOM><![CDATA[Zoé]]></PRENOM>
                <PRENOM2>   </PRENOM2>
                <PRENOM3>J&#233;r&#244;me</PRENOM3>
                <DATE_NAISS>3//4/2012</DATE_NAISS>
              </ELEVE>
              <ELEVE ELEVE_ID="301">
                <NOM_DE_FAMILLE>PETIT</NOM_DE_FAMILLE>
                <PRENOM>Ma<PRENOM2>Interne</PRENOM2>ël</PRENOM>
                <DATE_NAISS>29/02/2012</DATE_NAISS>
              </ELEVE>
            </ELEVES>
            """))
        let result = inbox.read()

        let zoe = try XCTUnwrap(result.record("clg/ElevesSansAdresses.xml", "300"), "the id attribute is trimmed")
        XCTAssertEqual(zoe.lastName, "MARTIN", "text around a comment is one value; the nested FAUX is not a direct child")
        XCTAssertEqual(zoe.usageName, "DE  LA", "blanks between two pieces of text are kept")
        XCTAssertEqual(zoe.firstName, "Zoé", "CDATA is text")
        XCTAssertEqual(zoe.otherFirstNames, ["Jérôme"], "a blank PRENOM2 is none; numeric references are decoded")
        XCTAssertEqual(zoe.birthDate, "2012-04-03", "empty parts between slashes are skipped, as before")

        let mael = try XCTUnwrap(result.record("clg/ElevesSansAdresses.xml", "301"))
        XCTAssertEqual(mael.firstName, "Maël", "text split by a child element is joined")
        XCTAssertEqual(mael.otherFirstNames, [], "a PRENOM2 inside PRENOM is not the pupil's PRENOM2")
        XCTAssertEqual(mael.birthDate, "2012-02-29")
    }

    func testAAFValuesSplitByCommentsAndParentalAuthorityKeepsRelationship() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("ENT_Complet_20240101_EtabEducNat_0000.xml", AAFTests.etab)
        try inbox.add("ENT_Complet_20240101_Eleve_0000.xml", AAFTests.aaf("""
            <addRequest>
              <operationalAttributes> <attr name="categoriePersonne"> <value> Eleve </value> </attr> </operationalAttributes>
              <identifier> <id> E1 </id> </identifier>
              <attributes>
                <attr name="ENTEleveEnseignements"><value>FRANCAIS</value><value>ANGLAIS</value></attr>
                <attr name="sn"> <value> LONG<!-- c -->UET </value> </attr>
                <attr name="givenName"><value/></attr>
                <attr name="ENTPersonPrenom"><value>K&#249;</value></attr>
                <attr name="ENTPersonDateNaissance"><value>01/02/2011</value></attr>
                <attr name="ENTPersonStructRattach"><value>52006</value></attr>
                <attr name="ENTElevePersRelEleve"><value>R1$20$1$0$0$0</value></attr>
                <attr name="ENTEleveAutoriteParentale"><value>R1</value></attr>
              </attributes>
            </addRequest>
            """))
        try inbox.add("ENT_Complet_20240101_PersRelEleve_0000.xml", AAFTests.aaf(
            AAFTests.add("PersRelEleve", "R1", [("sn", ["LONGUET"]), ("givenName", ["Paul"])])))
        let result = inbox.read()

        let pupil = try XCTUnwrap(result.record("ENT_Complet_20240101_Eleve_0000.xml", "E1"), "id and category are trimmed")
        XCTAssertEqual(pupil.lastName, "LONGUET")
        XCTAssertEqual(pupil.firstName, "Kù", "an empty first spelling gives way to the next one")
        XCTAssertEqual(pupil.birthDate, "2011-02-01")
        XCTAssertEqual(pupil.uai, UAI("0061234B"))
        let guardian = try XCTUnwrap(result.record("ENT_Complet_20240101_PersRelEleve_0000.xml", "R1"))
        XCTAssertEqual(guardian.links, [GuardianLink(pupil: pupil.ref, role: .legal, relationship: "20")],
                       "parental authority makes a financial-only relation legal and keeps its relationship")
        XCTAssertEqual(guardian.kind, .guardian)
    }
}
