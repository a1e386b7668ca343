@testable import AlimIngest
import AlimCore
import Foundation
import XCTest

final class AAFTests: XCTestCase {
    static func aaf(_ requests: String, declaration: String? = #"<?xml version="1.0" encoding="UTF-8"?>"#, comment: String = "") -> String {
        (declaration.map { $0 + "\n" } ?? "") + """
        <!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">
        <ficAlimMENESR>
        \(comment)
        \(requests)
        </ficAlimMENESR>
        """
    }

    static func add(_ category: String, _ id: String, _ attrs: [(String, [String])], key: String = "categoriePersonne") -> String {
        let body = attrs.map { name, values in
            "<attr name=\"\(name)\">" + (values.isEmpty ? "<value/>" : values.map { "<value>\($0)</value>" }.joined()) + "</attr>"
        }.joined(separator: "\n")
        return """
        <addRequest>
        <operationalAttributes><attr name="\(key)"><value>\(category)</value></attr></operationalAttributes>
        <identifier><id>\(id)</id></identifier>
        <attributes>
        \(body)
        </attributes>
        </addRequest>
        """
    }

    static let etab = aaf(add("EtabEducNat", "52006", [("ENTStructureJointure", ["52006"]), ("ENTStructureUAI", ["0061234B"]),
                                                       ("ENTStructureNomCourant", ["COLLEGE$JEAN MOULIN"])], key: "categorieStructure"))

    static let pupils2D = aaf(
        add("Eleve", "2605692", [("ENTPersonJointure", ["2605692"]), ("ENTPersonDateNaissance", ["14/09/2011"]),
                                 ("ENTPersonNomPatro", ["AZOT"]), ("sn", ["LONG"]), ("givenName", ["K&#249;"]),
                                 ("ENTPersonAutresPrenoms", ["Jet", "Pyk"]), ("personalTitle", ["Mlle"]), ("ENTEleveINE", ["123456789AA"]),
                                 ("ENTElevePersRelEleve", ["2867253$2$1$1$0$0", "2867254$1$0$2$0$0", "2867255$10$0$0$1$0"]),
                                 ("ENTEleveMEF", ["10210001110"]), ("ENTEleveNivFormation", ["4EME"]),
                                 ("ENTPersonStructRattach", ["52006"]), ("ENTEleveClasses", ["52006$4EME B"]),
                                 ("ENTPersonAdresse", ["1 rue de Test$$$"]), ("ENTPersonCodePostal", ["06000"]), ("ENTPersonVille", ["NICE"]),
                                 ("ENTEleveGroupes", [])])
        + add("PersEducNat", "1", [("sn", ["PROF"])]))

    static let guardiansChunk0 = aaf(
        add("PersRelEleve", "2867253", [("ENTPersonJointure", ["2867253"]), ("sn", ["LONG"]), ("givenName", ["Mère"]),
                                        ("personalTitle", ["Mme"]), ("homePhone", ["0493000000"]), ("telephoneNumber", [""]),
                                        ("mail", ["mere@example.fr"]), ("ENTPersonAdresse", ["1 rue de Test$Bât A$$"])])
        + add("PersRelEleve", "2867254", [("sn", ["AZOT"]), ("givenName", ["Père"])]), declaration: nil)

    static let guardiansChunk1 = aaf(
        add("PersRelEleve", "2867255", [("sn", ["VOISIN"]), ("givenName", ["Contact"])])
        + add("PersRelEleve", "9999999", [("sn", ["ORPHELIN"]), ("givenName", ["Sans"])]), declaration: nil)

    func testComplet2DAcrossChunks() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("aaf/ENT_Complet_20240101_EtabEducNat_0000.xml", Self.etab)
        try inbox.add("aaf/ENT_Complet_20240101_Eleve_0000.xml", Self.pupils2D)
        try inbox.add("aaf/ENT_Complet_20240101_PersRelEleve_0000.xml", Self.guardiansChunk0)
        try inbox.add("aaf/ENT_Complet_20240101_PersRelEleve_0001.xml", Self.guardiansChunk1)
        let result = inbox.read()

        let pupilFile = "aaf/ENT_Complet_20240101_Eleve_0000.xml"
        let pupil = try XCTUnwrap(result.record(pupilFile, "2605692"))
        XCTAssertEqual(pupil.kind, .pupil)
        XCTAssertEqual(pupil.source, .aafStudents)
        XCTAssertEqual(pupil.uai, UAI("0061234B"), "structure jointure resolved through EtabEducNat")
        XCTAssertEqual(pupil.lastName, "AZOT")
        XCTAssertEqual(pupil.usageName, "LONG")
        XCTAssertEqual(pupil.firstName, "Kù", "numeric character reference")
        XCTAssertEqual(pupil.otherFirstNames, ["Jet", "Pyk"])
        XCTAssertEqual(pupil.birthDate, "2011-09-14")
        XCTAssertEqual(pupil.level, .quatrieme)
        XCTAssertEqual(pupil.stage, .college)
        XCTAssertEqual(pupil.className, "4EME B")
        XCTAssertEqual(pupil.ine, "123456789AA")
        XCTAssertEqual(pupil.address?.lines, ["1 rue de Test"])
        XCTAssertEqual(result.schoolNames["0061234B"], "COLLEGE JEAN MOULIN")
        XCTAssertEqual(result.schoolsPresent, [UAI("0061234B")!])

        let mother = try XCTUnwrap(result.record("aaf/ENT_Complet_20240101_PersRelEleve_0000.xml", "2867253"))
        XCTAssertEqual(mother.kind, .guardian)
        XCTAssertEqual(mother.source, .aafGuardians)
        XCTAssertEqual(mother.links, [GuardianLink(pupil: pupil.ref, role: .legal, relationship: "2")])
        XCTAssertEqual(mother.phones, [Phone(kind: "home", raw: "0493000000")])
        XCTAssertEqual(mother.email, "mere@example.fr")
        XCTAssertEqual(mother.address?.lines, ["1 rue de Test", "Bât A"])
        XCTAssertEqual(result.record("aaf/ENT_Complet_20240101_PersRelEleve_0000.xml", "2867254")?.links.first?.role, .legal, "legal flag 2")
        let contact = try XCTUnwrap(result.record("aaf/ENT_Complet_20240101_PersRelEleve_0001.xml", "2867255"))
        XCTAssertEqual(contact.kind, .contact, "links across chunks; contact flag only")
        XCTAssertEqual(contact.links.first?.pupil, pupil.ref)
        XCTAssertTrue(result.rejects.contains { $0.ref == "9999999" && $0.kind == .guardian && $0.reason.contains("Aucun élève") })

        XCTAssertEqual(result.outcome(pupilFile)?.status, .imported)
        XCTAssertEqual(result.outcome(pupilFile)?.records, 1)
        XCTAssertEqual(result.outcome(pupilFile)?.skippedRows, 1, "the PersEducNat request")
        XCTAssertEqual(result.outcome("aaf/ENT_Complet_20240101_EtabEducNat_0000.xml")?.format, .aafStructures)
        XCTAssertEqual(result.records.count + result.rejects.count, 5)
    }

    func testFirstDegreeNamesAndPrimaryStage() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("ENT1D_Complet_Eleve_0000.xml", Self.aaf(
            Self.add("Eleve", "E1", [("ENTPersonNom", ["DUPONT"]), ("ENTPersonPrenom", ["Zoé"]), ("ENTPersonStructRattach", ["0061111A"]),
                                ("ENTPersonClasses", ["0061111A$CM1 A"]), ("ENTEleveNiveau", ["CM1"]),
                                ("ENTEleveAutoriteParentale", ["R1"]), ("ENTPersonSexe", ["F"])])
            + Self.add("Eleve", "E2", [("ENTPersonNom", ["MARTIN"]), ("ENTPersonPrenom", ["Tom"]), ("ENTPersonStructRattach", ["0061111A"])]),
            comment: "<!-- versionAF=\"AAF-VE2407\" degre=\"1\" -->"))
        try inbox.add("ENT1D_Complet_PersRelEleve_0000.xml", Self.aaf(
            Self.add("PersRelEleve", "R1", [("ENTPersonNom", ["DUPONT"]), ("ENTPersonPrenom", ["Marc"]), ("ENTPersonMail", ["m@example.fr"]),
                                       ("ENTPersonTelPortable", ["0600000000"]), ("ENTPersonTelPerso", ["0400000000"]),
                                       ("ENTAuxPersRelEleveEleve", ["E2", "E404"])])))
        let result = inbox.read()
        let zoe = try XCTUnwrap(result.record("ENT1D_Complet_Eleve_0000.xml", "E1"))
        XCTAssertEqual(zoe.stage, .primary)
        XCTAssertEqual(zoe.level, .cm1)
        XCTAssertEqual(zoe.className, "CM1 A")
        XCTAssertEqual(zoe.uai, UAI("0061111A"))
        XCTAssertEqual(zoe.sex, "F")
        XCTAssertEqual(result.record("ENT1D_Complet_Eleve_0000.xml", "E2")?.stage, .primary, "1D names and degre comment")
        let marc = try XCTUnwrap(result.record("ENT1D_Complet_PersRelEleve_0000.xml", "R1"))
        XCTAssertEqual(marc.kind, .guardian)
        XCTAssertEqual(marc.stage, .primary)
        XCTAssertEqual(marc.links.map(\.pupil.ref), ["E1", "E2"])
        XCTAssertEqual(marc.phones.map(\.kind), ["home", "mobile"])
        XCTAssertEqual(marc.email, "m@example.fr")
        XCTAssertTrue(result.warnings.contains { $0.ref == "R1" && $0.reason.contains("E404") })
    }

    func testDeltaModifiesAndDeletes() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("ENT_Complet_20240101_EtabEducNat_0000.xml", Self.etab)
        try inbox.add("ENT_Complet_20240101_Eleve_0000.xml", Self.pupils2D)
        try inbox.add("ENT_Complet_20240101_PersRelEleve_0000.xml", Self.guardiansChunk0)
        try inbox.add("ENT_Delta_20240102_PersRelEleve_0000.xml", Self.aaf("""
            <modifyRequest>
              <operationalAttributes><attr name="categoriePersonne"><value>PersRelEleve</value></attr></operationalAttributes>
              <identifier><id>2867253</id></identifier>
              <modifications><modification name="mail" operation="replace"><value>nouveau@example.fr</value></modification></modifications>
            </modifyRequest>
            <modifyRequest>
              <operationalAttributes><attr name="categoriePersonne"><value>PersRelEleve</value></attr></operationalAttributes>
              <identifier><id>2867253</id></identifier>
              <modifications><modification operation="replace"><attr name="homePhone"><value>0499999999</value></attr></modification></modifications>
            </modifyRequest>
            <deleteRequest>
              <operationalAttributes><attr name="categoriePersonne"><value>PersRelEleve</value></attr></operationalAttributes>
              <identifier><id>2867254</id></identifier>
            </deleteRequest>
            <deleteRequest>
              <operationalAttributes><attr name="categoriePersonne"><value>PersRelEleve</value></attr></operationalAttributes>
              <identifier><id>123</id></identifier>
            </deleteRequest>
            """))
        let result = inbox.read()
        let g = "ENT_Complet_20240101_PersRelEleve_0000.xml"
        XCTAssertEqual(result.record(g, "2867253")?.email, "nouveau@example.fr")
        XCTAssertEqual(result.record(g, "2867253")?.phones, [Phone(kind: "home", raw: "0499999999")])
        XCTAssertNil(result.record(g, "2867254"))
        XCTAssertTrue(result.rejects.contains { $0.file == g && $0.ref == "2867254" && $0.reason.contains("supprimé") })
        XCTAssertTrue(result.warnings.contains { $0.file == "ENT_Delta_20240102_PersRelEleve_0000.xml" && $0.ref == "123" })
        XCTAssertEqual(result.outcome("ENT_Delta_20240102_PersRelEleve_0000.xml")?.status, .imported)
    }

    func testDeltaWithoutCompletWarns() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("ENT_Delta_Eleve_0000.xml", Self.aaf("""
            <modifyRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes>
            <identifier><id>42</id></identifier><modifications><modification name="sn" operation="replace"><value>X</value></modification></modifications></modifyRequest>
            """))
        let result = inbox.read()
        XCTAssertTrue(result.records.isEmpty)
        XCTAssertTrue(result.rejects.isEmpty)
        XCTAssertEqual(result.warnings.map(\.ref), ["42"])
    }

    func testOtherCategoriesSkippedWithCounts() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("ENT_Complet_MefEducNat_0000.xml", Self.aaf(
            Self.add("MefEducNat", "1", [("ENTMefJointure", ["1"])], key: "categorieMef") + Self.add("MefEducNat", "2", [], key: "categorieMef")))
        let result = inbox.read()
        let outcome = try XCTUnwrap(result.outcome("ENT_Complet_MefEducNat_0000.xml"))
        XCTAssertEqual(outcome.status, .skipped)
        XCTAssertEqual(outcome.skippedRows, 2)
        XCTAssertEqual(outcome.records, 0)
        XCTAssertTrue(result.records.isEmpty && result.rejects.isEmpty)
    }

    func testUndeclaredLatinBytesAreRetriedAsISO885915() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("ENT_Complet_EtabEducNat_0000.xml", Self.etab)
        let text = Self.aaf(Self.add("Eleve", "1", [("sn", ["BÉRÉNICE"]), ("givenName", ["Hélène €"]), ("ENTPersonStructRattach", ["52006"])]),
                            declaration: nil)
        // ISO-8859-15 bytes: Latin-1 for accents, € at 0xA4.
        let bytes = Data(text.unicodeScalars.map { $0 == "€" ? 0xA4 : UInt8($0.value) })
        try inbox.add("ENT_Complet_Eleve_0000.xml", bytes: bytes)
        let result = inbox.read()
        let pupil = try XCTUnwrap(result.record("ENT_Complet_Eleve_0000.xml", "1"), "\(result.rejects)")
        XCTAssertEqual(pupil.lastName, "BÉRÉNICE")
        XCTAssertEqual(pupil.firstName, "Hélène €")
    }

    func testDeclaredISO885915() throws {
        let inbox = try XMLFixtureInbox()
        try inbox.add("ENT_Complet_EtabEducNat_0000.xml", Self.etab)
        try inbox.add("ENT_Complet_Eleve_0000.xml", Self.aaf(Self.add("Eleve", "1", [("sn", ["Ñuñez"]), ("givenName", ["Zoé"]), ("ENTPersonStructRattach", ["52006"])]),
                                                             declaration: #"<?xml version="1.0" encoding="ISO-8859-15"?>"#))
        XCTAssertEqual(inbox.read().record("ENT_Complet_Eleve_0000.xml", "1")?.lastName, "Ñuñez")
    }

    func testPackedRelation() {
        XCTAssertEqual(AAFRelation(packed: "2867253$2$1$1$0$0")?.role, .legal)
        XCTAssertEqual(AAFRelation(packed: "2867254$1$0$2$0$0")?.role, .legal)
        XCTAssertEqual(AAFRelation(packed: "5$10$0$0$1$0")?.role, .contact)
        XCTAssertEqual(AAFRelation(packed: "5$10$1$0$0$0")?.role, .inCharge)
        XCTAssertEqual(AAFRelation(packed: "5")?.role, .contact)
        XCTAssertNil(AAFRelation(packed: "$1$1$1$0$0"))
    }
}
