import AlimCore
@testable import AlimIdentity
import XCTest

/// A father's ONDE row resembles both his SIECLE record and the grandfather's (same name, same home).
/// A mobile or e-mail shared with one only is no coin toss: that merge stands and the other is asked;
/// with only the household in common with both, both are asked.
final class AmbiguityTests: XCTestCase {
    private let onde = "0611234A/CSVExtraction-responsables.csv"
    private let siecle = "0619999C/ResponsablesAvecAdresses.xml"

    private func family(ondeEmail: String?) -> [PersonRecord] {
        let kidP = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "2", last: "TARBAAND", first: "Lina", birth: "2017-04-03")
        let kidC = Fx.pupil("0619999C/ElevesSansAdresses.xml", "100", last: "TARBAAND", first: "Hugo", birth: "2012-02-03",
                            uai: Fx.college, source: .siecleStudents)
        let home = Fx.address("34 AVENUE DE LA LIBERATION")
        let ondeRow = Fx.guardian(onde, "2", last: "TARBAAND", first: "Cédric", phones: ["04 34 91 37 96"], email: ondeEmail,
                                  address: home, children: [kidP.ref])
        let father = Fx.guardian(siecle, "500", last: "TARBAAND", first: "Cedric", phones: ["06 71 22 33 44"],
                                 email: "cedric.tarbaand@sfr.fr", address: home, children: [kidC.ref], relationship: "20",
                                 uai: Fx.college, source: .siecleGuardians)
        let grandfather = Fx.guardian(siecle, "501", last: "TARBAAND", first: "Cédric", phones: ["0434913796"], address: home,
                                      children: [kidC.ref], relationship: "37", kind: .contact, uai: Fx.college, source: .siecleGuardians)
        return [kidP, kidC, ondeRow, father, grandfather]
    }

    func testSharedEmailDecidesAndTheHouseholdMatchIsAsked() {
        let r = family(ondeEmail: "cedric.tarbaand@sfr.fr")
        let out = Fx.run(r)
        XCTAssertTrue(out.together(r[2], r[3]), "\(out.review)")
        XCTAssertFalse(out.together(r[2], r[4]))
        XCTAssertFalse(out.together(r[3], r[4]))
    }

    func testOnlyTheHouseholdWithBothAsksBoth() {
        let r = family(ondeEmail: nil)
        let out = Fx.run(r)
        XCTAssertFalse(out.together(r[2], r[3]))
        XCTAssertFalse(out.together(r[2], r[4]))
        XCTAssertTrue(out.inReview(r[2], r[4]) || out.inReview(r[2], r[3]), "\(out.review)")
    }

    func testAFatherRecordHeldForATypoStillMakesTheGrandfatherMatchAsked() {
        // SIECLE has the father as « Julin » (held for review: a typo with only the home in common) and the
        // grandfather as « Julien » with no contact: the ONDE « Julien » must not go to the grandfather.
        let kidP = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "2", last: "MARTIN", first: "Lina", birth: "2017-04-03")
        let kidC = Fx.pupil("0619999C/ElevesSansAdresses.xml", "100", last: "MARTIN", first: "Hugo", birth: "2012-02-03",
                            uai: Fx.college, source: .siecleStudents)
        let home = Fx.address("92 RUE DES ROSES")
        let ondeRow = Fx.guardian(onde, "2", last: "MARTIN", first: "Julien", phones: ["04 62 68 10 26"], address: home, children: [kidP.ref])
        let father = Fx.guardian(siecle, "500", last: "MARTIN", first: "Julin", phones: ["+33 (0)4 62 68 10 26"], address: home,
                                 children: [kidC.ref], relationship: "20", uai: Fx.college, source: .siecleGuardians)
        let grandfather = Fx.guardian(siecle, "501", last: "MARTIN", first: "Julien", address: home, children: [kidC.ref],
                                      relationship: "37", kind: .contact, uai: Fx.college, source: .siecleGuardians)
        let out = Fx.run([kidP, kidC, ondeRow, father, grandfather])
        XCTAssertFalse(out.together(ondeRow, grandfather), "\(out.persons)")
        XCTAssertTrue(out.inReview(ondeRow, grandfather) || out.inReview(ondeRow, father), "\(out.review)")
    }

    func testWithoutTheTypoedFatherTheSameNameAndHomeStillMerge() {
        // No second candidate: one guardian in ONDE and in SIECLE, exact names and the same home.
        let kidP = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "2", last: "MARTIN", first: "Lina", birth: "2017-04-03")
        let kidC = Fx.pupil("0619999C/ElevesSansAdresses.xml", "100", last: "MARTIN", first: "Hugo", birth: "2012-02-03",
                            uai: Fx.college, source: .siecleStudents)
        let home = Fx.address("92 RUE DES ROSES")
        let ondeRow = Fx.guardian(onde, "2", last: "QUERDEAUD", first: "Julien", phones: ["04 62 68 10 26"], address: home, children: [kidP.ref])
        let father = Fx.guardian(siecle, "500", last: "QUERDEAUD", first: "Julien", phones: ["+33 (0)4 62 68 10 26"], address: home,
                                 children: [kidC.ref], relationship: "20", uai: Fx.college, source: .siecleGuardians)
        XCTAssertTrue(Fx.run([kidP, kidC, ondeRow, father]).together(ondeRow, father))
    }

    func testALegalGuardianAndAContactWithOnlyNameAndHomeAreAskedNotMerged() {
        // The father's ONDE row (e-mail only) and the grandfather, a SIECLE contact with the household landline:
        // nothing personal in common, and nothing else to compare (no shared child).
        let kidP = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "2", last: "CORFEIAC", first: "Lina", birth: "2017-04-03")
        let kidC = Fx.pupil("0619999C/ElevesSansAdresses.xml", "100", last: "CORFEIAC", first: "Hugo", birth: "2012-02-03",
                            uai: Fx.college, source: .siecleStudents)
        let home = Fx.address("12 RUE PASTEUR")
        let father = Fx.guardian(onde, "2", last: "CORFEIAC", first: "Thierry", email: "thierry.corfeiac@sfr.fr", address: home,
                                 children: [kidP.ref])
        let grandfather = Fx.guardian(siecle, "501", last: "CORFEIAC", first: "Thierry", phones: ["04 21 04 47 91"], address: home,
                                      children: [kidC.ref], relationship: "37", kind: .contact, uai: Fx.college, source: .siecleGuardians)
        let out = Fx.run([kidP, kidC, father, grandfather])
        XCTAssertFalse(out.together(father, grandfather))
        XCTAssertTrue(out.inReview(father, grandfather), "\(out.review)")
    }
}
