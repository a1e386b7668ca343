import AlimCore
@testable import AlimIdentity
import XCTest

/// Each hard rule, on the smallest record set that would otherwise score as a match.
final class HardRuleTests: XCTestCase {
    private let elevesA = "0611234A/CSVExtraction-eleves.csv"
    private let elevesB = "0615678B/CSVExtraction-eleves.csv"
    private let respA = "0611234A/CSVExtraction-responsables.csv"
    private let respB = "0615678B/CSVExtraction-responsables.csv"

    func testTwinsLeaLeoNeverMergedNorReviewed() {
        let lea = Fx.pupil(elevesA, "2", last: "MOREAU", first: "Léa", birth: "2016-05-04", sex: "F")
        let leo = Fx.pupil(elevesA, "3", last: "MOREAU", first: "Léo", birth: "2016-05-04", sex: "M")
        let mum = Fx.guardian(respA, "2", last: "MOREAU", first: "Claire", phones: ["0611223344"], children: [lea.ref, leo.ref])
        let out = Fx.run([lea, leo, mum])
        XCTAssertFalse(out.together(lea, leo))
        XCTAssertFalse(out.inReview(lea, leo))
        out.assertPartition()
    }

    func testTwinsLouisLouiseInTwoSchoolsWithoutSexNeverMerged() {
        let a = Fx.pupil(elevesA, "2", last: "GIRARD", first: "Louis", birth: "2016-05-04")
        let b = Fx.pupil(elevesB, "2", last: "GIRARD", first: "Louise", birth: "2016-05-04", uai: Fx.schoolB)
        let out = Fx.run([a, b])
        XCTAssertFalse(out.together(a, b))
        XCTAssertFalse(out.inReview(a, b))
    }

    func testEqualINEOverridesTheTwinRule() {
        // Same national id: one pupil whose first name was mistyped in one school.
        let a = Fx.pupil(elevesA, "2", last: "GIRARD", first: "Louis", birth: "2016-05-04", ine: "123456789AB")
        let b = Fx.pupil(elevesB, "2", last: "GIRARD", first: "Louiss", birth: "2016-05-04", ine: "123456789AB", uai: Fx.schoolB)
        XCTAssertTrue(Fx.run([a, b]).together(a, b))
    }

    func testDifferentINENeverMerged() {
        let a = Fx.pupil(elevesA, "2", last: "PETIT", first: "Hugo", birth: "2016-05-04", ine: "123456789AB")
        let b = Fx.pupil(elevesB, "2", last: "PETIT", first: "Hugo", birth: "2016-05-04", ine: "987654321CD", uai: Fx.schoolB)
        let out = Fx.run([a, b])
        XCTAssertFalse(out.together(a, b))
        XCTAssertFalse(out.inReview(a, b))
    }

    func testHomonymousGuardiansWithDifferentContactsNeverMerged() {
        let a = Fx.guardian(respA, "2", last: "MARTIN", first: "Nicolas", phones: ["0611111112"], email: "nicolas.martin@free.fr",
                            address: Fx.address("3 RUE PASTEUR"))
        let b = Fx.guardian(respB, "2", last: "MARTIN", first: "Nicolas", phones: ["0622222223"], email: "nmartin@orange.fr",
                            address: Fx.address("40 AVENUE JEAN JAURES"), uai: Fx.schoolB)
        let out = Fx.run([a, b])
        XCTAssertFalse(out.together(a, b))
    }

    func testFatherAndSonWithOneNameNeverMerged() {
        let son = Fx.guardian("aaf/PersRelEleve.xml", "G1", last: "DUPONT", first: "Pierre", phones: ["0493112233"],
                              address: Fx.address("5 RUE DU MOULIN"), birth: "1985-03-02", source: .aafGuardians)
        let father = Fx.guardian("aaf/PersRelEleve.xml", "G2", last: "DUPONT", first: "Pierre", phones: ["0493112233"],
                                 address: Fx.address("5 RUE DU MOULIN"), birth: "1958-07-14", source: .aafGuardians)
        let out = Fx.run([son, father])
        XCTAssertFalse(out.together(son, father))
        XCTAssertFalse(out.inReview(son, father))
    }

    func testPupilAndGuardianNeverOnePersonEvenByDecision() {
        let child = Fx.pupil(elevesA, "2", last: "DUPONT", first: "Pierre", birth: "2016-01-01")
        let dad = Fx.guardian(respA, "2", last: "DUPONT", first: "Pierre", children: [child.ref])
        let decision = PairDecision(pairId: PairID.make(child.ref, dad.ref), a: child.ref, b: dad.ref, verdict: .merge)
        let out = Fx.run([child, dad], decisions: [decision])
        XCTAssertFalse(out.together(child, dad))
        XCTAssertEqual(Set(out.persons.map(\.kind)), [.pupil, .guardian])
    }

    func testMotherAndGrandmotherAtOneAddressNeverMerged() {
        let child = Fx.pupil(elevesA, "2", last: "ROUX", first: "Jade", birth: "2016-01-01")
        let mother = Fx.guardian(respA, "2", last: "BLANC", first: "Sophie", usage: "ROUX", phones: ["0493112233"],
                                 address: Fx.address("5 RUE DU MOULIN"), children: [child.ref])
        let grandmother = Fx.guardian(respA, "3", last: "ROUX", first: "Monique", phones: ["0493112233"],
                                      address: Fx.address("5 RUE DU MOULIN"), children: [child.ref], kind: .contact)
        let out = Fx.run([child, mother, grandmother])
        XCTAssertFalse(out.together(mother, grandmother))
        XCTAssertFalse(out.inReview(mother, grandmother))
    }

    func testDifferentRelationshipsToOneChildNeverMerged() {
        // Grandfather and father, one name, one household, both listed for the same collège pupil.
        let child = Fx.pupil("0619999C/Eleves.xml", "100", last: "ROUX", first: "Jade", birth: "2013-01-01", uai: Fx.college, source: .siecleStudents)
        let father = Fx.guardian("0619999C/Resp.xml", "500", last: "ROUX", first: "Michel", phones: ["0493112233"],
                                 address: Fx.address("5 RUE DU MOULIN"), children: [child.ref], relationship: "20",
                                 uai: Fx.college, source: .siecleGuardians)
        let grandfather = Fx.guardian("0619999C/Resp.xml", "501", last: "ROUX", first: "Michel", phones: ["0493112233"],
                                      address: Fx.address("5 RUE DU MOULIN"), children: [child.ref], relationship: "37",
                                      kind: .contact, uai: Fx.college, source: .siecleGuardians)
        let out = Fx.run([child, father, grandfather])
        XCTAssertFalse(out.together(father, grandfather))
        XCTAssertFalse(out.inReview(father, grandfather))
    }

    func testSameFileRowsNeedASharedPhoneOrEmail() {
        let a = Fx.guardian(respA, "2", last: "LEROY", first: "Karine", address: Fx.address("5 RUE DU MOULIN"))
        let b = Fx.guardian(respA, "3", last: "LEROY", first: "Karine", address: Fx.address("5 RUE DU MOULIN"))
        let out = Fx.run([a, b])
        XCTAssertFalse(out.together(a, b))
        XCTAssertTrue(out.inReview(a, b), "same row twice with nothing shared: the director decides")
        // Listed twice by mistake, with the same mobile: merged.
        let c = Fx.guardian(respA, "4", last: "LEROY", first: "Karine", phones: ["06 12 44 56 78"])
        let d = Fx.guardian(respA, "5", last: "LEROY", first: "Karine", phones: ["0612445678"])
        XCTAssertTrue(Fx.run([c, d]).together(c, d))
    }

    func testTransitivityNeverJoinsAForbiddenPair() {
        // A and C have different INEs; B (no INE) matches both. At most one union may happen.
        let a = Fx.pupil(elevesA, "2", last: "FAURE", first: "Nina", birth: "2016-02-03", ine: "111111111AA")
        let b = Fx.pupil(elevesB, "2", last: "FAURE", first: "Nina", birth: "2016-02-03", uai: Fx.schoolB)
        let c = Fx.pupil("0619999C/Eleves.xml", "7", last: "FAURE", first: "Nina", birth: "2016-02-03", ine: "222222222BB",
                         uai: Fx.college, source: .siecleStudents)
        let out = Fx.run([a, b, c])
        XCTAssertFalse(out.together(a, c))
        XCTAssertFalse(out.together(a, b) && out.together(b, c))
        // B fits A and C equally: choosing one would be a coin toss, so the director decides both.
        XCTAssertFalse(out.together(a, b))
        XCTAssertFalse(out.together(b, c))
        XCTAssertTrue(out.inReview(a, b) && out.inReview(b, c))
        XCTAssertTrue(out.review.allSatisfy { !$0.reasons.isEmpty })
        out.assertPartition()
    }

    func testRuleVerdictsDirectly() {
        let x = RecordNormalizer.normalize(Fx.guardian(respA, "2", last: "A", first: "B"))
        let y = RecordNormalizer.normalize(Fx.pupil(elevesA, "2", last: "A", first: "B", birth: nil))
        XCTAssertEqual(HardRules.check(x, y, PairAssessment()), .distinct(reason: "un élève et un responsable ne sont jamais la même personne"))
        var p = PairAssessment()
        p.firstName = .exact; p.surname = .exact; p.phonesDiffer = true; p.emailsDiffer = true; p.address = .different; p.sharedChild = true
        let g2 = RecordNormalizer.normalize(Fx.guardian(respB, "2", last: "A", first: "B"))
        XCTAssertEqual(HardRules.check(x, g2, p), .noMerge(reason: "homonymes : téléphones, courriels et adresses tous différents", transitive: true))
    }
}
