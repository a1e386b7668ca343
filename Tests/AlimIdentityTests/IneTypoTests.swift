import AlimCore
@testable import AlimIdentity
import XCTest

/// A pupil re-entered in another primary school whose INE carries a one-character typo: names, birth
/// date and guardians agree, so the INE is weak evidence against, never a veto. INEs further apart, twins
/// and a family that does not confirm the pupil stay apart.
final class IneTypoTests: XCTestCase {
    private let elevesA = "0611234A/CSVExtraction-eleves.csv"
    private let elevesB = "0615678B/CSVExtraction-eleves.csv"
    private let respA = "0611234A/CSVExtraction-responsables.csv"
    private let respB = "0615678B/CSVExtraction-responsables.csv"

    /// The same pupil in two schools, each school listing the mother (named `motherB` in school B).
    private func moved(ineA: String, ineB: String, firstB: String = "Hugo", birthB: String = "2016-05-04",
                       motherB: String = "Nathalie") -> [PersonRecord] {
        let a = Fx.pupil(elevesA, "2", last: "LAMBERT", first: "Hugo", birth: "2016-05-04", ine: ineA, sex: "M")
        let b = Fx.pupil(elevesB, "2", last: "LAMBERT", first: firstB, birth: birthB, ine: ineB, uai: Fx.schoolB, sex: "M")
        let ma = Fx.guardian(respA, "2", last: "LAMBERT", first: "Nathalie", children: [a.ref])
        let mb = Fx.guardian(respB, "2", last: "LAMBERT", first: motherB, children: [b.ref], uai: Fx.schoolB)
        return [a, b, ma, mb]
    }

    func testOneSubstitutedCharacterWithAgreeingFamilyMerges() {
        let r = moved(ineA: "071234567AB", ineB: "071234667AB")
        let out = Fx.run(r)
        XCTAssertTrue(out.together(r[0], r[1]), "\(out.review)")
        out.assertPartition()
    }

    func testTwoSwappedCharactersWithAgreeingFamilyMerge() {
        let r = moved(ineA: "071234567AB", ineB: "071243567AB")
        XCTAssertTrue(Fx.run(r).together(r[0], r[1]))
    }

    func testOneCharacterApartWithASurnameTypoAndAgreeingFamilyMerges() {
        var r = moved(ineA: "071234567AB", ineB: "071234667AB")
        r[1].lastName = "LAMBET"
        XCTAssertTrue(Fx.run(r).together(r[0], r[1]))
    }

    func testOneCharacterApartWithoutConfirmingFamilyGoesToReview() {
        // Another guardian name in school B: nothing confirms that the INE is the typo.
        let r = moved(ineA: "071234567AB", ineB: "071234667AB", motherB: "Sandrine")
        let out = Fx.run(r)
        XCTAssertFalse(out.together(r[0], r[1]))
        XCTAssertTrue(out.inReview(r[0], r[1]), "\(out.review)")
    }

    func testTwoCharactersApartStaysDistinct() {
        let r = moved(ineA: "071234567AB", ineB: "071299567AB")
        let out = Fx.run(r)
        XCTAssertFalse(out.together(r[0], r[1]))
        XCTAssertFalse(out.inReview(r[0], r[1]))
    }

    func testOneCharacterApartWithAnotherBirthDateStaysDistinct() {
        let r = moved(ineA: "071234567AB", ineB: "071234667AB", birthB: "2017-03-12")
        XCTAssertFalse(Fx.run(r).together(r[0], r[1]))
    }

    func testTwinsWithNeighbouringInesStayDistinct() {
        // Twins registered one after the other get INEs one character apart: their first names differ.
        let r = moved(ineA: "071234567AB", ineB: "071234568AB", firstB: "Léo")
        let out = Fx.run(r)
        XCTAssertFalse(out.together(r[0], r[1]))
        XCTAssertFalse(out.inReview(r[0], r[1]))
    }

    func testIdenticalInesStayStrongEvidence() {
        // An equal INE merges even with day and month swapped and no guardian in common.
        let r = moved(ineA: "071234567AB", ineB: "071234567AB", birthB: "2016-04-05", motherB: "Sandrine")
        XCTAssertTrue(Fx.run(r).together(r[0], r[1]))
    }

    func testScorerFlagsOnlyOneCharacterApart() {
        let r = moved(ineA: "071234567AB", ineB: "071234667AB")
        let far = moved(ineA: "071234567AB", ineB: "171234667AB")
        for (records, typo) in [(r, true), (far, false)] {
            let normalized = Identity.normalize(Fx.ingest(records))
            let context = MatchContext(records: normalized.ingest.records, keys: normalized.keys)
            let i = context.index[records[0].ref]!, j = context.index[records[1].ref]!
            let p = PairScorer(context: context).assess(min(i, j), max(i, j))
            XCTAssertEqual(p.ineTypo, typo)
            XCTAssertEqual(p.ineEqual, false)
        }
    }

    func testNamesakePupilsOfTwoSchoolsWithoutInesOrCommonGuardianAreAskedNotMerged() {
        // Two « Alice PETIT » born on 16/03/2021 in two schools, no INE: chance, until the family says otherwise.
        let r = moved(ineA: "", ineB: "", motherB: "Sandrine").map { rec -> PersonRecord in var x = rec; x.ine = nil; return x }
        let out = Fx.run(r)
        XCTAssertFalse(out.together(r[0], r[1]))
        XCTAssertTrue(out.inReview(r[0], r[1]), "\(out.review)")
    }

    func testAPupilWhoMovedWithoutInesMergesWhenTheGuardiansAgree() {
        let r = moved(ineA: "", ineB: "").map { rec -> PersonRecord in var x = rec; x.ine = nil; return x }
        XCTAssertTrue(Fx.run(r).together(r[0], r[1]))
    }
}
