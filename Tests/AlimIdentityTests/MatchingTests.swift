import AlimCore
@testable import AlimIdentity
import XCTest

final class MatchingTests: XCTestCase {
    func testParentOfTwoChildrenInTwoSchoolsMerges() {
        let c1 = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "2", last: "BERNARD", first: "Jules", birth: "2016-01-01")
        let c2 = Fx.pupil("0615678B/CSVExtraction-eleves.csv", "2", last: "BERNARD", first: "Emma", birth: "2019-06-01", uai: Fx.schoolB)
        let p1 = Fx.guardian("0611234A/CSVExtraction-responsables.csv", "2", last: "BERNARD", first: "Julien",
                             phones: ["06 11 22 33 44"], address: Fx.address("3 R PASTEUR"), children: [c1.ref])
        let p2 = Fx.guardian("0615678B/CSVExtraction-responsables.csv", "2", last: "BERNARD", first: "Julien",
                             phones: ["+33611223344"], address: Fx.address("3 RUE PASTEUR"), children: [c2.ref], uai: Fx.schoolB)
        let out = Fx.run([c1, c2, p1, p2])
        XCTAssertTrue(out.together(p1, p2))
        XCTAssertFalse(out.together(c1, c2))
        XCTAssertEqual(out.persons.first { $0.records.contains(p1.ref) }?.kind, .guardian)
        XCTAssertEqual(out.mergedPairs, 1)
        out.assertPartition()
    }

    func testParentInOndeAndSiecleWithAccentsDroppedMerges() {
        let onde = Fx.guardian("0611234A/CSVExtraction-responsables.csv", "2", last: "LEFEVRE", first: "HELENE",
                               email: "helene.lefevre@orange.fr")
        let siecle = Fx.guardian("0619999C/ResponsablesAvecAdresses.xml", "501", last: "LEFÈVRE", first: "Hélène",
                                 email: " Helene.Lefevre@Orange.fr ", uai: Fx.college, source: .siecleGuardians)
        XCTAssertTrue(Fx.run([onde, siecle]).together(onde, siecle))
    }

    func testPupilReenteredInASecondSchoolWithSwappedDayMonthMerges() {
        let a = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "2", last: "DE LA FONTAINE", first: "Anne-Sophie", birth: "2016-03-04")
        let b = Fx.pupil("0615678B/CSVExtraction-eleves.csv", "9", last: "DELAFONTAINE", first: "ANNE SOPHIE", birth: "2016-04-03", uai: Fx.schoolB)
        // Both schools list the mother: without an INE, the family confirms the move (namesakes otherwise).
        let ma = Fx.guardian("0611234A/CSVExtraction-responsables.csv", "2", last: "DE LA FONTAINE", first: "Claire", children: [a.ref])
        let mb = Fx.guardian("0615678B/CSVExtraction-responsables.csv", "2", last: "DE LA FONTAINE", first: "Claire", children: [b.ref],
                             uai: Fx.schoolB)
        XCTAssertTrue(Fx.run([a, b, ma, mb]).together(a, b))
    }

    func testSwappedFirstAndLastNamesMerge() {
        let a = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "2", last: "GAUTHIER", first: "Mathis", birth: "2016-03-04")
        let b = Fx.pupil("0615678B/CSVExtraction-eleves.csv", "9", last: "MATHIS", first: "Gauthier", birth: "2016-03-04", uai: Fx.schoolB)
        let ma = Fx.guardian("0611234A/CSVExtraction-responsables.csv", "2", last: "GAUTHIER", first: "Claire", phones: ["06 11 22 33 44"],
                             children: [a.ref])
        let mb = Fx.guardian("0615678B/CSVExtraction-responsables.csv", "2", last: "GAUTHIER", first: "Claire", phones: ["0611223344"],
                             children: [b.ref], uai: Fx.schoolB)
        let out = Fx.run([a, b, ma, mb])
        XCTAssertTrue(out.together(a, b))
    }

    func testUsageNameInOneFileBirthNameInTheOther() {
        let a = Fx.guardian("0611234A/CSVExtraction-responsables.csv", "2", last: "MARTIN", first: "Anne", usage: "DUPONT",
                            phones: ["0611223344"])
        let b = Fx.guardian("0615678B/CSVExtraction-responsables.csv", "2", last: "DUPONT", first: "Anne",
                            phones: ["0611223344"], uai: Fx.schoolB)
        XCTAssertTrue(Fx.run([a, b]).together(a, b))
    }

    /// A guardian pair with nothing but the name in common and nothing contradicting: the director decides.
    private func ambiguousPair() -> (PersonRecord, PersonRecord) {
        (Fx.guardian("0611234A/CSVExtraction-responsables.csv", "2", last: "CHEVALIER", first: "Aurélie", phones: ["0611223344"]),
         Fx.guardian("0615678B/CSVExtraction-responsables.csv", "2", last: "CHEVALIER", first: "Aurelie", uai: Fx.schoolB))
    }

    func testUncertainPairGoesToReviewWithFrenchReasons() throws {
        let (a, b) = ambiguousPair()
        let out = Fx.run([a, b])
        XCTAssertFalse(out.together(a, b))
        let pair = try XCTUnwrap(out.review.first)
        XCTAssertEqual(pair.id, PairID.make(a.ref, b.ref))
        XCTAssertEqual(pair.id, PairID.make(b.ref, a.ref))
        XCTAssertEqual(pair.id.count, 12)
        XCTAssertTrue(pair.reasons.contains("même nom"))
        XCTAssertTrue(pair.reasons.contains("même prénom"))
        XCTAssertGreaterThanOrEqual(pair.score, IdentityConfig().reviewThreshold)
    }

    func testDecidedPairStaysDecided() throws {
        let (a, b) = ambiguousPair()
        let first = Fx.run([a, b])
        let id = try XCTUnwrap(first.review.first?.id)

        let distinct = try XCTUnwrap(DecisionStore.decision(forPair: id, verdict: .distinct, in: first))
        let second = Fx.run([a, b], decisions: [distinct])
        XCTAssertFalse(second.together(a, b))
        XCTAssertTrue(second.review.isEmpty, "a decided pair is never asked again")
        XCTAssertEqual(Fx.run([a, b], decisions: [distinct]).persons, second.persons)

        let merge = try XCTUnwrap(DecisionStore.decision(forPair: id, verdict: .merge, in: first))
        let third = Fx.run([a, b], decisions: [merge])
        XCTAssertTrue(third.together(a, b))
        XCTAssertTrue(third.review.isEmpty)
        XCTAssertEqual(third.mergedPairs, 1)
    }

    func testDecisionsPersistThroughTheStoreAcrossRuns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("alim-identity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = DecisionStore(url: dir.appendingPathComponent("decisions.csv"))
        let (a, b) = ambiguousPair()
        let first = Fx.run([a, b])
        try store.record(try XCTUnwrap(DecisionStore.decision(forPair: first.review[0].id, verdict: .merge, in: first)))
        let next = Fx.run([a, b], decisions: try store.load())
        XCTAssertTrue(next.together(a, b))
        XCTAssertTrue(next.review.isEmpty)
    }

    func testDeterministicAcrossRunsAndInputOrder() throws {
        let records = sampleRecords()
        let one = try ArtifactCoding.encode(Fx.run(records))
        let two = try ArtifactCoding.encode(Identity.match(Identity.normalize(IngestArtifact(records: records.reversed())),
                                                           decisions: [], config: .init()))
        XCTAssertEqual(one, two)
        XCTAssertEqual(try ArtifactCoding.encode(Identity.normalize(Fx.ingest(records))),
                       try ArtifactCoding.encode(Identity.normalize(Fx.ingest(records))))
    }

    func testPersonIDStableWhenOtherRecordsChange() throws {
        let records = sampleRecords()
        let before = Fx.run(records)
        let extra = Fx.pupil("0615678B/CSVExtraction-eleves.csv", "50", last: "NOUVEAU", first: "Élève", birth: "2017-01-01", uai: Fx.schoolB)
        let after = Fx.run(records + [extra])
        for cluster in before.persons {
            XCTAssertEqual(after.persons.first { $0.records == cluster.records }?.id, cluster.id)
        }
        XCTAssertEqual(Set(before.persons.map(\.id)).count, before.persons.count, "ids are unique")
        XCTAssertTrue(before.persons.allSatisfy { $0.id.hasPrefix("P") && $0.id.count == 13 })
        XCTAssertEqual(before.persons.map(\.id), before.persons.map(\.id).sorted())
    }

    func testContactOnlyClusterIsContact() {
        let c = Fx.guardian("0611234A/CSVExtraction-responsables.csv", "2", last: "A", first: "B", kind: .contact)
        XCTAssertEqual(Fx.run([c]).persons.first?.kind, .contact)
    }

    private func sampleRecords() -> [PersonRecord] {
        let c1 = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "2", last: "BERNARD", first: "Jules", birth: "2016-01-01", ine: "123456789AB")
        let c1b = Fx.pupil("0615678B/CSVExtraction-eleves.csv", "3", last: "BERNARD", first: "JULES", birth: "2016-01-01", uai: Fx.schoolB)
        let c2 = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "3", last: "BERNARD", first: "Lina", birth: "2018-01-01")
        let p1 = Fx.guardian("0611234A/CSVExtraction-responsables.csv", "2", last: "BERNARD", first: "Julien",
                             phones: ["0611223344"], children: [c1.ref, c2.ref])
        let p2 = Fx.guardian("0615678B/CSVExtraction-responsables.csv", "2", last: "BERNARD", first: "Julien",
                             phones: ["0611223344"], children: [c1b.ref], uai: Fx.schoolB)
        let m = Fx.guardian("0611234A/CSVExtraction-responsables.csv", "3", last: "SIMON", first: "Inès", usage: "BERNARD",
                            email: "ines@free.fr", children: [c1.ref, c2.ref])
        return [c1, c1b, c2, p1, p2, m]
    }
}
