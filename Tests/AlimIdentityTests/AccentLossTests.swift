import AlimCore
@testable import AlimIdentity
import XCTest

/// An export that cannot encode an accented letter drops it (`Benoît` → `Benot`): the first names agree
/// once that letter is dropped from the other record too. A typo of an unaccented letter, relatives one
/// letter apart and records that give different sexes are not helped by the rule.
final class AccentLossTests: XCTestCase {
    private let elevesA = "0611234A/CSVExtraction-eleves.csv"
    private let elevesB = "0615678B/CSVExtraction-eleves.csv"
    private let respA = "0611234A/CSVExtraction-responsables.csv"
    private let respB = "0615678B/CSVExtraction-responsables.csv"

    /// One father listed by two schools for two children, same home, nothing else in common.
    private func leroy(_ firstA: String, _ firstB: String) -> [PersonRecord] {
        let kidA = Fx.pupil(elevesA, "2", last: "LEROY", first: "Hugo", birth: "2016-05-04")
        let kidB = Fx.pupil(elevesB, "2", last: "LEROY", first: "Emma", birth: "2020-09-11", uai: Fx.schoolB)
        let a = Fx.guardian(respA, "2", last: "LEROY", first: firstA, address: Fx.address("12 RUE DES ECOLES"), children: [kidA.ref])
        let b = Fx.guardian(respB, "2", last: "LEROY", first: firstB, email: "benoit.leroy@orange.fr",
                            address: Fx.address("12 R DES ECOLES"), children: [kidB.ref], uai: Fx.schoolB)
        return [kidA, kidB, a, b]
    }

    func testDroppedAccentedLetterMerges() {
        let records = leroy("Benot", "Benoît")
        let out = Fx.run(records)
        XCTAssertTrue(out.together(records[2], records[3]), "\(out.review)")
        out.assertPartition()
    }

    func testEveryAccentedLetterDroppedMerges() {
        let records = leroy("Hlne", "HÉLÈNE")
        XCTAssertTrue(Fx.run(records).together(records[2], records[3]))
    }

    func testTypoOfAnUnaccentedLetterStillGoesToReview() {
        // `Benoit` has no accent to lose: `Benot` is a typo, and a typo with only a home in common is asked.
        let records = leroy("Benot", "Benoit")
        let out = Fx.run(records)
        XCTAssertFalse(out.together(records[2], records[3]))
        XCTAssertTrue(out.inReview(records[2], records[3]))
    }

    func testDroppingALetterOtherThanTheAccentedOneIsNoLoss() {
        // `Benoî` lost the `t`, not the `î`: still a typo for the director.
        let records = leroy("Beno", "Benoît")
        XCTAssertFalse(Fx.run(records).together(records[2], records[3]))
    }

    func testTwinsWhoseNamesDifferByAnAccentedLetterAndSexStayDistinct() {
        // Anaïs and Anas, born the same day to the same parents: the sexes tell them apart.
        let anais = Fx.pupil(elevesA, "2", last: "BENALI", first: "Anaïs", birth: "2016-05-04", sex: "F")
        let anas = Fx.pupil(elevesA, "3", last: "BENALI", first: "Anas", birth: "2016-05-04", sex: "M")
        let mum = Fx.guardian(respA, "2", last: "BENALI", first: "Sarah", address: Fx.address("3 RUE PASTEUR"),
                              children: [anais.ref, anas.ref])
        let out = Fx.run([anais, anas, mum])
        XCTAssertFalse(out.together(anais, anas))
        XCTAssertFalse(out.inReview(anais, anas))
    }

    func testAccentlessFormIsOnlyBuiltForAccentedNames() {
        let records = leroy("Benot", "Benoît")
        let n = Identity.normalize(Fx.ingest(records))
        let table = FeatureTable(keys: n.keys, records: n.ingest.records,
                                 index: Dictionary(uniqueKeysWithValues: n.keys.enumerated().map { ($1.ref, $0) }))
        let forms = n.ingest.records.indices.map { table.firstAccentless[$0] < 0 ? nil : String(decoding: table.strings.bytes(table.firstAccentless[$0]), as: UTF8.self) }
        XCTAssertEqual(forms.compactMap { $0 }, ["BENOT"])
        XCTAssertEqual(PairScorer.accentLost(1, 3, table), table.firstName[3].compact)  // records sorted by ref: Benot is 1, Benoît 3
        XCTAssertNil(PairScorer.accentLost(0, 2, table))
    }
}
