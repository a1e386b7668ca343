@testable import AlimIngest
import AlimCore
import Foundation
import XCTest

final class SIECLETests: XCTestCase {
    func testPupilsBothGenerationsOfTags() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("clg/ElevesSansAdresses.xml", SIECLEFixtures.twoPupils)
        let result = inbox.read()

        let lea = try XCTUnwrap(result.record("clg/ElevesSansAdresses.xml", "100"))
        XCTAssertEqual(lea.kind, .pupil)
        XCTAssertEqual(lea.source, .siecleStudents)
        XCTAssertEqual(lea.stage, .college)
        XCTAssertEqual(lea.uai, UAI("0141234A"))
        XCTAssertEqual(lea.externalId, "100")
        XCTAssertEqual(lea.ine, "123456789AB")
        XCTAssertEqual(lea.lastName, "MARTIN")
        XCTAssertEqual(lea.usageName, "DURAND")
        XCTAssertEqual(lea.firstName, "Léa")
        XCTAssertEqual(lea.otherFirstNames, ["Marie"])
        XCTAssertEqual(lea.birthDate, "2012-04-03")
        XCTAssertEqual(lea.sex, "F")
        XCTAssertEqual(lea.level, .cinquieme, "the pupil's own CODE_MEF, not last year's")
        XCTAssertEqual(lea.className, "5 A", "the division (D), not the group")

        let leo = try XCTUnwrap(result.record("clg/ElevesSansAdresses.xml", "101"))
        XCTAssertEqual(leo.lastName, "PETIT", "older exports use NOM")
        XCTAssertEqual(leo.otherFirstNames, [], "an empty <PRENOM2/> is no first name")
        XCTAssertNil(leo.birthDate, "31/02 is not a day")
        XCTAssertNil(leo.level)
        XCTAssertNil(leo.className)

        XCTAssertEqual(result.outcome("clg/ElevesSansAdresses.xml")?.status, .imported)
        XCTAssertEqual(result.outcome("clg/ElevesSansAdresses.xml")?.records, 2)
        XCTAssertEqual(result.schoolsPresent, [UAI("0141234A")!])
        XCTAssertTrue(result.rejects.isEmpty)
    }

    func testGuardiansNewLevelsAddressesAndContacts() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("a/ElevesSansAdresses.xml", SIECLEFixtures.twoPupils)
        try inbox.add("b/ResponsablesAvecAdresses.xml", SIECLEFixtures.responsables(body: """
            <PERSONNES>
              <PERSONNE PERSONNE_ID="900">
                <LC_CIVILITE>MME</LC_CIVILITE><NOM_DE_FAMILLE>MARTIN</NOM_DE_FAMILLE><PRENOM>Anne</PRENOM>
                <TEL_PERSONNEL>0231000000</TEL_PERSONNEL><TEL_PORTABLE>+33600000000</TEL_PORTABLE><TEL_PROFESSIONNEL></TEL_PROFESSIONNEL>
                <MEL>anne@example.fr</MEL><ADRESSE_ID>77</ADRESSE_ID>
              </PERSONNE>
              <PERSONNE PERSONNE_ID="901"><NOM_DE_FAMILLE>DUPONT</NOM_DE_FAMILLE><PRENOM>Paul</PRENOM></PERSONNE>
              <PERSONNE PERSONNE_ID="902"><NOM_DE_FAMILLE>NULLE</NOM_DE_FAMILLE><PRENOM>Part</PRENOM></PERSONNE>
              <PERSONNE PERSONNE_ID="903"><PRENOM>Sansnom</PRENOM></PERSONNE>
            </PERSONNES>
            <RESPONSABLES>
              <RESPONSABLE_ELEVE><ELEVE_ID>100</ELEVE_ID><PERSONNE_ID>900</PERSONNE_ID><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>10</CODE_PARENTE><PAIE_FRAIS_SCOLAIRES>1</PAIE_FRAIS_SCOLAIRES><PERCOIT_LES_AIDES>true</PERCOIT_LES_AIDES></RESPONSABLE_ELEVE>
              <RESPONSABLE_ELEVE><ELEVE_ID>101</ELEVE_ID><PERSONNE_ID>900</PERSONNE_ID><NIVEAU_RESPONSABILITE>3</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
              <RESPONSABLE_ELEVE><ELEVE_ID>100</ELEVE_ID><PERSONNE_ID>901</PERSONNE_ID><NIVEAU_RESPONSABILITE>2</NIVEAU_RESPONSABILITE><CODE_PARENTE>39</CODE_PARENTE></RESPONSABLE_ELEVE>
              <RESPONSABLE_ELEVE><ELEVE_ID>555</ELEVE_ID><PERSONNE_ID>901</PERSONNE_ID><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
              <RESPONSABLE_ELEVE><ELEVE_ID>556</ELEVE_ID><PERSONNE_ID>902</PERSONNE_ID><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
            </RESPONSABLES>
            <ADRESSES>
              <ADRESSE ADRESSE_ID="77"><LIGNE1_ADRESSE>18 RUE DES HOMMETS</LIGNE1_ADRESSE><LIGNE2_ADRESSE></LIGNE2_ADRESSE>
                <CODE_POSTAL>14270</CODE_POSTAL><LIBELLE_POSTAL>MEZIDON</LIBELLE_POSTAL><LL_PAYS>FRANCE</LL_PAYS></ADRESSE>
            </ADRESSES>
            """))
        let result = inbox.read()
        let gfile = "b/ResponsablesAvecAdresses.xml"

        let anne = try XCTUnwrap(result.record(gfile, "900"))
        XCTAssertEqual(anne.kind, .guardian)
        XCTAssertEqual(anne.source, .siecleGuardians)
        XCTAssertEqual(anne.uai, UAI("0141234A"))
        XCTAssertEqual(anne.civility, "MME")
        XCTAssertEqual(anne.email, "anne@example.fr")
        XCTAssertEqual(anne.phones, [Phone(kind: "home", raw: "0231000000"), Phone(kind: "mobile", raw: "+33600000000")])
        XCTAssertEqual(anne.address, PostalAddress(lines: ["18 RUE DES HOMMETS"], postalCode: "14270", city: "MEZIDON", country: "FRANCE"))
        XCTAssertEqual(anne.links, [
            GuardianLink(pupil: RecordRef(file: "a/ElevesSansAdresses.xml", ref: "100"), role: .legal, relationship: "10"),
            GuardianLink(pupil: RecordRef(file: "a/ElevesSansAdresses.xml", ref: "101"), role: .contact),
        ])

        let paul = try XCTUnwrap(result.record(gfile, "901"))
        XCTAssertEqual(paul.kind, .contact, "only a level-2 link resolves")
        XCTAssertEqual(paul.links.map(\.role), [.inCharge])
        XCTAssertTrue(result.warnings.contains { $0.file == gfile && $0.ref == "901" && $0.reason.contains("555") })

        XCTAssertNil(result.record(gfile, "902"))
        XCTAssertTrue(result.rejects.contains { $0.file == gfile && $0.ref == "902" && $0.kind == .guardian && $0.reason.contains("Aucun élève") })
        XCTAssertTrue(result.rejects.contains { $0.file == gfile && $0.ref == "903" && $0.reason.contains("Nom ou prénom absent") })
        XCTAssertEqual(result.outcome(gfile)?.records, 4)
    }

    func testOlderRespLegalWithTrueFalse() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("ElevesSansAdresses.xml", SIECLEFixtures.twoPupils)
        try inbox.add("ResponsablesSansAdresses.xml", SIECLEFixtures.responsables(body: """
            <PERSONNES>
              <PERSONNE PERSONNE_ID="1"><NOM>PERE</NOM><PRENOM>Un</PRENOM></PERSONNE>
              <PERSONNE PERSONNE_ID="2"><NOM>MERE</NOM><PRENOM>Deux</PRENOM></PERSONNE>
              <PERSONNE PERSONNE_ID="3"><NOM>VOISIN</NOM><PRENOM>Trois</PRENOM></PERSONNE>
              <PERSONNE PERSONNE_ID="4"><NOM>TANTE</NOM><PRENOM>Quatre</PRENOM></PERSONNE>
            </PERSONNES>
            <RESPONSABLES>
              <RESPONSABLE_ELEVE><ELEVE_ID>100</ELEVE_ID><PERSONNE_ID>1</PERSONNE_ID><RESP_LEGAL>1</RESP_LEGAL></RESPONSABLE_ELEVE>
              <RESPONSABLE_ELEVE><ELEVE_ID>100</ELEVE_ID><PERSONNE_ID>2</PERSONNE_ID><RESP_LEGAL>2</RESP_LEGAL></RESPONSABLE_ELEVE>
              <RESPONSABLE_ELEVE><ELEVE_ID>100</ELEVE_ID><PERSONNE_ID>3</PERSONNE_ID><RESP_LEGAL>0</RESP_LEGAL></RESPONSABLE_ELEVE>
              <RESPONSABLE_ELEVE><ELEVE_ID>101</ELEVE_ID><PERSONNE_ID>4</PERSONNE_ID><RESP_LEGAL>true</RESP_LEGAL></RESPONSABLE_ELEVE>
              <RESPONSABLE_ELEVE><ELEVE_ID>101</ELEVE_ID><PERSONNE_ID>3</PERSONNE_ID><RESP_LEGAL>false</RESP_LEGAL></RESPONSABLE_ELEVE>
            </RESPONSABLES>
            """))
        let result = inbox.read()
        let f = "ResponsablesSansAdresses.xml"
        XCTAssertEqual(result.record(f, "1")?.kind, .guardian)
        XCTAssertEqual(result.record(f, "2")?.kind, .guardian)
        XCTAssertEqual(result.record(f, "3")?.kind, .contact)
        XCTAssertEqual(result.record(f, "3")?.links.count, 2)
        XCTAssertEqual(result.record(f, "4")?.links.map(\.role), [.legal])
        XCTAssertEqual(result.record(f, "1")?.lastName, "PERE")
    }

    func testGuardiansOfAnotherSchoolDoNotLink() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("ElevesSansAdresses.xml", SIECLEFixtures.twoPupils)
        try inbox.add("ResponsablesSansAdresses.xml", SIECLEFixtures.responsables(uai: "0999999Z", body: """
            <PERSONNES><PERSONNE PERSONNE_ID="1"><NOM>PERE</NOM><PRENOM>Un</PRENOM></PERSONNE></PERSONNES>
            <RESPONSABLES><RESPONSABLE_ELEVE><ELEVE_ID>100</ELEVE_ID><PERSONNE_ID>1</PERSONNE_ID><RESP_LEGAL>1</RESP_LEGAL></RESPONSABLE_ELEVE></RESPONSABLES>
            """))
        let result = inbox.read()
        XCTAssertNil(result.record("ResponsablesSansAdresses.xml", "1"))
        XCTAssertEqual(result.rejects.filter { $0.file == "ResponsablesSansAdresses.xml" }.map(\.ref), ["1"])
    }

    func testDuplicateIdAndMissingSchoolAndLeftPupil() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("dup.xml", SIECLEFixtures.eleves(body: """
            <ELEVES>
              <ELEVE ELEVE_ID="7"><NOM_DE_FAMILLE>A</NOM_DE_FAMILLE><PRENOM>B</PRENOM><DATE_SORTIE>01/01/2020</DATE_SORTIE></ELEVE>
              <ELEVE ELEVE_ID="7"><NOM_DE_FAMILLE>C</NOM_DE_FAMILLE><PRENOM>D</PRENOM></ELEVE>
              <ELEVE><NOM_DE_FAMILLE>E</NOM_DE_FAMILLE><PRENOM>F</PRENOM></ELEVE>
            </ELEVES>
            """))
        try inbox.add("nouai.xml", SIECLEFixtures.eleves(uai: "", body: "<ELEVES><ELEVE ELEVE_ID=\"1\"><NOM>X</NOM><PRENOM>Y</PRENOM></ELEVE></ELEVES>"))
        let result = inbox.read()
        XCTAssertEqual(result.records.map(\.ref.file), ["dup.xml"])
        XCTAssertEqual(result.rejects.filter { $0.file == "dup.xml" }.count, 2)
        XCTAssertTrue(result.warnings.contains { $0.file == "dup.xml" && $0.ref == "7" && $0.field == "DATE_SORTIE" })
        XCTAssertEqual(result.outcome("dup.xml")?.records, 3)
        XCTAssertEqual(result.outcome("nouai.xml")?.status, .refused)
        XCTAssertTrue(result.rejects.contains { $0.file == "nouai.xml" && $0.reason.contains("UAJ") })
    }

    func testMEFLevelTable() {
        XCTAssertEqual(SIECLEVocabulary.level(mefCode: "10010012110", label: nil), .sixieme)
        XCTAssertEqual(SIECLEVocabulary.level(mefCode: "10310019110", label: nil), .troisieme)
        XCTAssertEqual(SIECLEVocabulary.level(mefCode: "99999999999", label: "4EME"), .quatrieme)
        XCTAssertEqual(SIECLEVocabulary.level(mefCode: "24133610210", label: nil), .other)
        XCTAssertNil(SIECLEVocabulary.level(mefCode: nil, label: nil))
    }
}
