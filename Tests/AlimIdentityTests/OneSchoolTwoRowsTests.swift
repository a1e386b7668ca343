import AlimCore
@testable import AlimIdentity
import XCTest

/// A guardian entered twice in one school, one row with the phone and the other with the e-mail: the
/// shared child and the same address are strong evidence. The family graph alone never merges a mother
/// and the grandmother, or a father and his son, who share a surname, a home and a child.
final class OneSchoolTwoRowsTests: XCTestCase {
    private let eleves = "0611234A/CSVExtraction-eleves.csv"
    private let resp = "0611234A/CSVExtraction-responsables.csv"

    private func rows(firstB: String = "Karim", phonesB: [String] = [], emailB: String? = "karim.benali@gmail.com",
                      addressB: String = "14 RUE PASTEUR", phonesA: [String] = ["06 12 48 93 27"], sexB: String = "M") -> [PersonRecord] {
        let kid = Fx.pupil(eleves, "2", last: "BENALI", first: "Inès", birth: "2017-05-04")
        var a = Fx.guardian(resp, "2", last: "BENALI", first: "Karim", phones: phonesA, address: Fx.address("14 RUE PASTEUR"),
                            children: [kid.ref])
        var b = Fx.guardian(resp, "9", last: "BENALI", first: firstB, phones: phonesB, email: emailB, address: Fx.address(addressB),
                            children: [kid.ref])
        a.sex = "M"
        b.sex = sexB
        return [kid, a, b]
    }

    func testPhoneRowAndEmailRowOfOneGuardianMerge() {
        let r = rows()
        let out = Fx.run(r)
        XCTAssertTrue(out.together(r[1], r[2]), "\(out.review)")
        out.assertPartition()
    }

    func testWithoutTheSharedAddressTheyGoToReview() {
        let r = rows(addressB: "3 AVENUE GAMBETTA")
        XCTAssertFalse(Fx.run(r).together(r[1], r[2]))
    }

    func testFatherAndSonWithTheHouseholdLandlineStayApart() {
        // The son's row repeats the home number the father's row also gives: two members of one household.
        let r = rows(phonesB: ["04 93 12 34 56"], emailB: nil, phonesA: ["06 12 48 93 27", "04 93 12 34 56"])
        XCTAssertFalse(Fx.run(r).together(r[1], r[2]))
    }

    func testALandlineRowAndAnEmailRowAreAskedNotMerged() {
        // The father gives only the household landline, the row of his son only an e-mail: nothing personal.
        let r = rows(phonesA: ["04 93 12 34 56"])
        let out = Fx.run(r)
        XCTAssertFalse(out.together(r[1], r[2]))
        XCTAssertTrue(out.inReview(r[1], r[2]), "\(out.review)")
    }

    func testFatherAndSonWithTheirOwnMobilesStayApart() {
        let r = rows(phonesB: ["06 77 01 02 03"], emailB: nil)
        let out = Fx.run(r)
        XCTAssertFalse(out.together(r[1], r[2]))
    }

    func testARowWithNoContactBesideARowWithTheMobileIsAskedNotMerged() {
        // The grandfather's row whose landline was not exported: nothing tells him from a second entry.
        let r = rows(emailB: nil)
        let out = Fx.run(r)
        XCTAssertFalse(out.together(r[1], r[2]))
        XCTAssertTrue(out.inReview(r[1], r[2]), "\(out.review)")
    }

    func testTheSameRowTypedTwiceMerges() {
        let r = rows(phonesB: ["+33 6 12 48 93 27"], emailB: nil)
        XCTAssertTrue(Fx.run(r).together(r[1], r[2]))
    }

    func testABareRowBesideALandlineOnlyRowIsAskedNotMerged() {
        // Nothing personal on either row: a grandfather with the father's name is as likely.
        let r = rows(emailB: nil, phonesA: ["04 93 12 34 56"])
        let out = Fx.run(r)
        XCTAssertFalse(out.together(r[1], r[2]))
        XCTAssertTrue(out.inReview(r[1], r[2]), "\(out.review)")
    }

    func testACoupleWithOneFirstNameAndCivilitiesStaysApart() {
        // Camille and Camille BENALI, M. and Mme, one home, one child: the civility tells them apart.
        var r = rows(firstB: "Karim", emailB: nil)
        r[1].sex = nil
        r[2].sex = nil
        r[1].civility = "M."
        r[2].civility = "Mme"
        XCTAssertFalse(Fx.run(r).together(r[1], r[2]))
    }

    func testCivilityGivesTheSexOfAGuardian() {
        XCTAssertEqual(RecordNormalizer.sexOfCivility("M."), "M")
        XCTAssertEqual(RecordNormalizer.sexOfCivility("Mme"), "F")
        XCTAssertEqual(RecordNormalizer.sexOfCivility(" MADAME "), "F")
        XCTAssertNil(RecordNormalizer.sexOfCivility("Dr"))
    }

    func testMotherAndGrandmotherWithCloseFirstNamesAreAskedNotMerged() {
        // Marie and Maria, one surname, one home, one child, the household landline: the family graph alone.
        let kid = Fx.pupil(eleves, "2", last: "ROCHE", first: "Jade", birth: "2018-02-03")
        var mother = Fx.guardian(resp, "2", last: "ROCHE", first: "Marie", phones: ["04 93 55 66 77"], address: Fx.address("2 RUE DES ROSES"),
                                 children: [kid.ref])
        var gran = Fx.guardian("0615678B/CSVExtraction-responsables.csv", "4", last: "ROCHE", first: "Maria", phones: ["04 93 55 66 77"],
                               address: Fx.address("2 RUE DES ROSES"), children: [kid.ref], uai: Fx.schoolB)
        mother.sex = "F"
        gran.sex = "F"
        let out = Fx.run([kid, mother, gran])
        XCTAssertFalse(out.together(mother, gran))
        XCTAssertTrue(out.inReview(mother, gran), "\(out.review)")
    }

    func testCloseFirstNamesWithASharedMobileStillMerge() {
        // The same shape with the mother's own mobile on both rows: one person with a typo.
        let kid = Fx.pupil(eleves, "2", last: "ROCHE", first: "Jade", birth: "2018-02-03")
        let mother = Fx.guardian(resp, "2", last: "ROCHE", first: "Marie", phones: ["06 93 55 66 77"], address: Fx.address("2 RUE DES ROSES"),
                                 children: [kid.ref])
        let typo = Fx.guardian("0615678B/CSVExtraction-responsables.csv", "4", last: "ROCHE", first: "Maire", phones: ["+33 6 93 55 66 77"],
                               address: Fx.address("2 RUE DES ROSES"), children: [kid.ref], uai: Fx.schoolB)
        XCTAssertTrue(Fx.run([kid, mother, typo]).together(mother, typo))
    }
}
