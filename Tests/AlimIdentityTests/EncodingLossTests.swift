import AlimCore
@testable import AlimIdentity
import XCTest

/// A letter outside Latin-9 cannot be written by an 8-bit export: SIECLE writes « ? », ONDE drops or
/// transliterates it (`Oğuz` → `O?uz`, `Ouz`, `Oguz`). That is not a disagreement; an ordinary typo, a
/// `?` that hides more than a letter, or records that give different sexes are not helped.
final class EncodingLossTests: XCTestCase {
    private let eleves = "0611234A/CSVExtraction-eleves.csv"
    private let onde = "0611234A/CSVExtraction-responsables.csv"
    private let siecleEleves = "0619999C/ElevesSansAdresses.xml"
    private let siecle = "0619999C/ResponsablesAvecAdresses.xml"

    /// One father: in ONDE for a primary child, in SIECLE for a collège child; the same home, and an
    /// e-mail given only by SIECLE (nothing personal in common).
    private func father(ondeFirst: String, siecleFirst: String, ondeLast: String = "YILMAZ", siecleLast: String = "YILMAZ",
                        sexes: (String?, String?) = ("M.", "M.")) -> [PersonRecord] {
        let kidA = Fx.pupil(eleves, "2", last: ondeLast, first: "Emre", birth: "2017-05-04")
        let kidB = Fx.pupil(siecleEleves, "1001", last: siecleLast, first: "Elif", birth: "2012-09-11", uai: Fx.college,
                            source: .siecleStudents)
        var a = Fx.guardian(onde, "2", last: ondeLast, first: ondeFirst, address: Fx.address("8 RUE DU MOULIN"), children: [kidA.ref])
        var b = Fx.guardian(siecle, "5001", last: siecleLast, first: siecleFirst, email: "famille.yilmaz@free.fr",
                            address: Fx.address("8 R DU MOULIN"), children: [kidB.ref], uai: Fx.college, source: .siecleGuardians)
        a.civility = sexes.0
        b.civility = sexes.1
        a.sex = sexes.0 == "Mme" ? "F" : "M"
        b.sex = sexes.1 == "Mme" ? "F" : "M"
        return [kidA, kidB, a, b]
    }

    func testQuestionMarkAgainstTransliteratedLetterMerges() {
        let r = father(ondeFirst: "Oguz", siecleFirst: "O?uz")
        let out = Fx.run(r)
        XCTAssertTrue(out.together(r[2], r[3]), "\(out.review)")
        out.assertPartition()
    }

    func testQuestionMarkAgainstDroppedLetterMerges() {
        let r = father(ondeFirst: "Ouz", siecleFirst: "O?uz")
        XCTAssertTrue(Fx.run(r).together(r[2], r[3]))
    }

    func testDroppedLetterAgainstTheFullNameMerges() {
        // AAF and hand-typed files keep the letter in UTF-8; ONDE lost it.
        let r = father(ondeFirst: "Ouz", siecleFirst: "Oğuz")
        XCTAssertTrue(Fx.run(r).together(r[2], r[3]))
    }

    func testQuestionMarkInTheSurnameMerges() {
        let r = father(ondeFirst: "Emre", siecleFirst: "Emre", ondeLast: "SAHIN", siecleLast: "?AHIN")
        let out = Fx.run(r)
        XCTAssertTrue(out.together(r[2], r[3]), "\(out.review)")
    }

    func testOrdinaryOneLetterTypoStillGoesToReview() {
        // No « ? » and no letter outside Latin-9: `Ouz` / `Oguz` is a typo like any other.
        let r = father(ondeFirst: "Ouz", siecleFirst: "Oguz")
        let out = Fx.run(r)
        XCTAssertFalse(out.together(r[2], r[3]))
        XCTAssertTrue(out.inReview(r[2], r[3]))
    }

    func testQuestionMarkDoesNotHideAWholeOtherName() {
        let r = father(ondeFirst: "Ozan", siecleFirst: "O?uz")
        XCTAssertFalse(Fx.run(r).together(r[2], r[3]))
    }

    func testDifferentSexesAreNotHelped() {
        // `Ay?e` (Ayşe) and `Aye`… but one is Mme and the other M.: two people.
        let r = father(ondeFirst: "Ayse", siecleFirst: "Ay?e", sexes: ("Mme", "M."))
        XCTAssertFalse(Fx.run(r).together(r[2], r[3]))
    }

    func testPatterns() {
        XCTAssertEqual(EncodingLoss.pattern("O?uz").map { String(decoding: $0, as: UTF8.self) }, "O?UZ")
        XCTAssertEqual(EncodingLoss.pattern("Oğuz").map { String(decoding: $0, as: UTF8.self) }, "O?UZ")
        XCTAssertEqual(EncodingLoss.pattern("Łukasz").map { String(decoding: $0, as: UTF8.self) }, "?UKASZ")
        XCTAssertNil(EncodingLoss.pattern("Hélène"), "Latin-9 letters survive every export")
        XCTAssertNil(EncodingLoss.pattern("Œdipe"))
        XCTAssertNil(EncodingLoss.pattern("Oguz"))
        XCTAssertNil(EncodingLoss.pattern("??"), "too little left to compare")
        let p = Array("O?UZ".utf8)
        XCTAssertTrue(EncodingLoss.matches(p, Array("OGUZ".utf8)))
        XCTAssertTrue(EncodingLoss.matches(p, Array("OUZ".utf8)))
        XCTAssertTrue(EncodingLoss.matches(p, p))
        XCTAssertFalse(EncodingLoss.matches(p, Array("OGUZE".utf8)))
        XCTAssertFalse(EncodingLoss.matches(p, Array("ONUR".utf8)))
    }

    func testAnEmailThatLostALetterMeetsTheOriginal() {
        XCTAssertEqual(EmailNormalizer.normalize("ilkaywałesa95@hotmail.fr"), "ilkaywa?esa95@hotmail.fr")
        XCTAssertEqual(EmailNormalizer.normalize("ilkaywa?esa95@hotmail.fr"), "ilkaywa?esa95@hotmail.fr")
        XCTAssertEqual(EmailNormalizer.normalize(" Hélène.Lefevre@Orange.fr "), "hélène.lefevre@orange.fr", "Latin-9 letters are kept")
        XCTAssertNotEqual(EmailNormalizer.normalize("ilkaywalesa95@hotmail.fr"), EmailNormalizer.normalize("ilkaywałesa95@hotmail.fr"),
                          "a transliterated letter is another address")
    }
}
