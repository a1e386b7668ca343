import AlimCore
@testable import AlimIdentity
import XCTest

/// SIECLE writes the relationship as `CODE_PARENTE` (10 mother, 20 father) and AAF as its `lien` (2 mother,
/// 1 father): one mother listed by both must agree with herself, and a grandmother must still disagree.
final class RelationshipTests: XCTestCase {
    private let siecleEleves = "0619999C/ElevesSansAdresses.xml"
    private let siecle = "0619999C/ResponsablesAvecAdresses.xml"
    private let aafEleves = "aaf/ENT_Complet_Eleve_0000.xml"
    private let aaf = "aaf/ENT_Complet_PersRelEleve_0000.xml"

    private func records(aafFirst: String, aafCode: String) -> [PersonRecord] {
        let kidS = Fx.pupil(siecleEleves, "100", last: "ROCHE", first: "Adam", birth: "2013-02-03", ine: "071234567AB",
                            uai: Fx.college, source: .siecleStudents)
        let kidA = Fx.pupil(aafEleves, "A100", last: "ROCHE", first: "Adam", birth: "2013-02-03", ine: "071234567AB",
                            uai: Fx.college, source: .aafStudents)
        let s = Fx.guardian(siecle, "500", last: "ROCHE", first: "Marie", address: Fx.address("8 RUE PASTEUR"),
                            children: [kidS.ref], relationship: "10", uai: Fx.college, source: .siecleGuardians)
        let a = Fx.guardian(aaf, "G500", last: "ROCHE", first: aafFirst, address: Fx.address("8 RUE PASTEUR"),
                            children: [kidA.ref], relationship: aafCode, uai: Fx.college, source: .aafGuardians)
        return [kidS, kidA, s, a]
    }

    func testSiecleMotherAndAafMotherAgree() {
        let r = records(aafFirst: "Marie", aafCode: "2")
        let out = Fx.run(r)
        XCTAssertTrue(out.together(r[0], r[1]))
        XCTAssertTrue(out.together(r[2], r[3]), "\(out.review)")
    }

    func testSiecleMotherAndAafFatherCodeDisagree() {
        // Same name, but AAF says father (1) where SIECLE says mother (10): never merged.
        let r = records(aafFirst: "Marie", aafCode: "1")
        XCTAssertFalse(Fx.run(r).together(r[2], r[3]))
    }

    func testCanonicalCodes() {
        XCTAssertEqual(Relationship.canonical("10", source: .siecleGuardians), "MERE")
        XCTAssertEqual(Relationship.canonical("2", source: .aafGuardians), "MERE")
        XCTAssertEqual(Relationship.canonical(" 20 ", source: .siecleGuardians), "PERE")
        XCTAssertEqual(Relationship.canonical("1", source: .aafGuardians), "PERE")
        XCTAssertEqual(Relationship.canonical("20", source: .aafGuardians), "PERE", "SIECLE's code in an AAF file")
        XCTAssertNil(Relationship.canonical("99", source: .siecleGuardians), "an unknown code never disagrees")
        XCTAssertNil(Relationship.canonical("", source: .aafGuardians))
    }
}
