import AlimCore
@testable import AlimIdentity
import XCTest

/// One guardian typed with a one-letter first-name typo in two schools (`Claire` / `Clare`): the same
/// surname and home must reach the director, and a shared phone or e-mail must merge; relatives one
/// letter apart (twins, mother and grandmother, a couple) must not.
final class FirstNameTypoTests: XCTestCase {
    private let elevesA = "0611234A/CSVExtraction-eleves.csv"
    private let elevesB = "0615678B/CSVExtraction-eleves.csv"
    private let respA = "0611234A/CSVExtraction-responsables.csv"
    private let respB = "0615678B/CSVExtraction-responsables.csv"

    /// The pipeline's case: two ONDE files, different children, same postal address, one mobile, no e-mail.
    private func duvernois(phonesB: [String] = [], emailA: String? = nil, emailB: String? = nil,
                           addressB: String = "12 RUE DES ECOLES") -> [PersonRecord] {
        let kidA = Fx.pupil(elevesA, "2", last: "DUVERNOIS", first: "Hugo", birth: "2016-05-04")
        let kidB = Fx.pupil(elevesB, "2", last: "DUVERNOIS", first: "Emma", birth: "2020-09-11", uai: Fx.schoolB)
        var a = Fx.guardian(respA, "2", last: "DUVERNOIS", first: "Claire", phones: ["06 52 41 87 39"], email: emailA,
                            address: Fx.address("12 RUE DES ECOLES"), children: [kidA.ref])
        var b = Fx.guardian(respB, "2", last: "DUVERNOIS", first: "Clare", phones: phonesB, email: emailB,
                            address: Fx.address(addressB), children: [kidB.ref], uai: Fx.schoolB)
        a.civility = "Mme"
        b.civility = "Mme"
        return [kidA, kidB, a, b]
    }

    func testOneLetterTypoSameSurnameSameAddressGoesToReview() {
        let records = duvernois()
        let out = Fx.run(records)
        XCTAssertFalse(out.together(records[2], records[3]))
        XCTAssertTrue(out.inReview(records[2], records[3]))
        let reasons = out.review.first { Set([$0.a, $0.b]) == Set([records[2].ref, records[3].ref]) }?.reasons ?? []
        XCTAssertTrue(reasons.contains("prénoms proches : Claire / Clare"), "\(reasons)")
        XCTAssertTrue(reasons.contains { $0.contains("faute de frappe probable") }, "\(reasons)")
        out.assertPartition()
    }

    func testOneLetterTypoWithSharedMobileMerges() {
        let records = duvernois(phonesB: ["+33 6 52 41 87 39"])
        let out = Fx.run(records)
        XCTAssertTrue(out.together(records[2], records[3]), "\(out.review) \(out.persons)")
    }

    func testOneLetterTypoWithSharedEmailMerges() {
        let records = duvernois(emailA: "claire.duvernois@orange.fr", emailB: " CLAIRE.DUVERNOIS@orange.fr ")
        XCTAssertTrue(Fx.run(records).together(records[2], records[3]))
    }

    func testOneLetterTypoAtAnotherAddressIsNeitherMergedNorReviewed() {
        let records = duvernois(addressB: "40 AVENUE JEAN JAURES")
        let out = Fx.run(records)
        XCTAssertFalse(out.together(records[2], records[3]))
        XCTAssertFalse(out.inReview(records[2], records[3]))
    }

    func testCoupleOneLetterApartWithKnownSexesIsNotReviewed() {
        // Julien and Julie, one surname, one home: the civilities say two people.
        var julien = Fx.guardian(respA, "2", last: "ROBIN", first: "Julien", address: Fx.address("5 RUE PASTEUR"))
        var julie = Fx.guardian(respB, "2", last: "ROBIN", first: "Julie", address: Fx.address("5 RUE PASTEUR"), uai: Fx.schoolB)
        julien.civility = "M."
        julien.sex = "M"
        julie.civility = "Mme"
        julie.sex = "F"
        let out = Fx.run([julien, julie])
        XCTAssertFalse(out.together(julien, julie))
        XCTAssertFalse(out.inReview(julien, julie))
    }

    func testMotherAndGrandmotherAtOneAddressStayDistinct() {
        let kid = Fx.pupil("0619999C/ElevesSansAdresses.xml", "100", last: "LEROY", first: "Adam", birth: "2013-02-03",
                           uai: Fx.college, source: .siecleStudents)
        let file = "0619999C/ResponsablesAvecAdresses.xml"
        let mother = Fx.guardian(file, "500", last: "LEROY", first: "Marie", address: Fx.address("8 RUE PASTEUR"),
                                 children: [kid.ref], relationship: "10", uai: Fx.college, source: .siecleGuardians)
        let grandmother = Fx.guardian(file, "501", last: "BRUN", first: "Monique", usage: "LEROY", phones: ["0493000000"],
                                      address: Fx.address("8 RUE PASTEUR"), children: [kid.ref], relationship: "37",
                                      kind: .contact, uai: Fx.college, source: .siecleGuardians)
        let out = Fx.run([kid, mother, grandmother])
        XCTAssertFalse(out.together(mother, grandmother))
        XCTAssertFalse(out.inReview(mother, grandmother))
    }

    func testTwinPupilsOneLetterApartStayDistinctWithTheirGuardiansAtOneAddress() {
        let lea = Fx.pupil(elevesA, "2", last: "MOREAU", first: "Léa", birth: "2016-05-04")
        let leo = Fx.pupil(elevesA, "3", last: "MOREAU", first: "Léo", birth: "2016-05-04")
        let mum = Fx.guardian(respA, "2", last: "MOREAU", first: "Claire", address: Fx.address("3 RUE PASTEUR"), children: [lea.ref, leo.ref])
        let out = Fx.run([lea, leo, mum])
        XCTAssertFalse(out.together(lea, leo))
        XCTAssertFalse(out.inReview(lea, leo))
    }
}
