import AlimCore
import Foundation
import XCTest
@testable import AlimReport

final class SummaryTests: XCTestCase {
    func testTotalsCountEveryArtifact() {
        let summary = Report.summary(ReportFixture.full)
        XCTAssertEqual(summary.date, "2025-03-14")
        XCTAssertEqual(summary.exitStatus, 66)
        XCTAssertEqual(summary.stages.map(\.name), ["ingest", "identity", "accounts", "sheets"])
        let t = summary.totals
        XCTAssertEqual(t.persons, 7)
        // Left accounts are not live; held accounts still are.
        XCTAssertEqual(t.accounts, ["one/pupil": 4, "one/guardian": 2, "college/pupil": 0, "college/guardian": 1])
        XCTAssertEqual(t.sheets, 5)
        XCTAssertEqual(t.reviewPairs, 1)
        XCTAssertEqual(t.rejects, 3)
        XCTAssertEqual(t.warnings, 1)
    }

    func testTotalsOfARunWhereOnlyIngestRan() {
        let t = Report.summary(ReportFixture.partial(ingest: ReportFixture.ingest)).totals
        XCTAssertEqual(t, RunTotals(persons: 0, accounts: [:], sheets: 0, reviewPairs: 0, rejects: 3, warnings: 1))
    }

    func testSummaryJSONIsStableAndHasNoSecret() throws {
        let a = try ArtifactCoding.encode(Report.summary(ReportFixture.full), readable: true)
        let b = try ArtifactCoding.encode(Report.summary(ReportFixture.full), readable: true)
        XCTAssertEqual(a, b)
        let text = String(decoding: a, as: UTF8.self)
        XCTAssertFalse(text.contains(ReportFixture.secretCode))
        XCTAssertTrue(text.contains("\"review_pairs\" : 1"))
    }

    func testSchoolLinesCountPeopleAccountsSheetsAndFindingsPerSchool() throws {
        let input = ReportFixture.full
        let facts = SchoolFactsBuilder.build(input, index: RecordIndex(ingest: input.ingest, identity: input.identity))
        XCTAssertEqual(facts.map(\.uai.value), ["0611234A", "0615678B", "0619999C"])
        let a = facts[0], b = facts[1], c = facts[2]
        XCTAssertEqual(a.name, "École des Pins", "the source's name wins over alim.toml")
        XCTAssertEqual(b.name, "École Jules-Ferry & annexe")
        XCTAssertEqual([a.pupils, a.guardians], [2, 1], "an AAF guardian without UAI belongs to their children's school")
        XCTAssertEqual([b.pupils, b.guardians], [1, 2], "contacts are not guardians")
        XCTAssertEqual(a.accounts, .init(new: 3, changed: 0, unchanged: 1, left: 0, returned: 0, held: 0))
        XCTAssertEqual(b.accounts, .init(new: 1, changed: 1, unchanged: 0, left: 1, returned: 1, held: 0))
        XCTAssertEqual(c.accounts?.held, 1)
        XCTAssertEqual(a.sheets, .init(printed: 3, emailed: 1, withoutSheet: 0))
        XCTAssertEqual(b.sheets, .init(printed: 1, emailed: 0, withoutSheet: 2))
        XCTAssertEqual(c.sheets, .init())
        XCTAssertEqual([a.rejects, b.rejects], [2, 0], "a reject without UAI is placed by its inbox folder")
        XCTAssertEqual(b.warnings, 1)
        XCTAssertEqual([a.reviewPairs, b.reviewPairs], [0, 1])
        XCTAssertEqual(b.hold?.wouldLeave, 8)
        XCTAssertNil(a.hold)
        XCTAssertEqual([a.exportMissing, b.exportMissing, c.exportMissing], [false, false, true])
    }

    func testSchoolValuesAreUnknownWhenTheirStageDidNotRun() throws {
        let input = ReportFixture.partial(ingest: ReportFixture.ingest)
        let facts = SchoolFactsBuilder.build(input, index: RecordIndex(ingest: input.ingest, identity: nil))
        let a = try XCTUnwrap(facts.first { $0.uai == ReportFixture.schoolA })
        XCTAssertEqual(a.pupils, 2, "without identity, each record counts as one person")
        XCTAssertEqual(a.guardians, 2, "without identity, the two AAF records of one guardian are not merged")
        XCTAssertNil(a.accounts)
        XCTAssertNil(a.sheets)
        XCTAssertNil(a.reviewPairs)
        XCTAssertEqual(a.rejects, 2)
    }

    func testFrenchNumbersAndDurations() {
        XCTAssertEqual(French.number(0), "0")
        XCTAssertEqual(French.number(999), "999")
        XCTAssertEqual(French.number(12_345), "12\u{00A0}345")
        XCTAssertEqual(French.number(1_234_567), "1\u{00A0}234\u{00A0}567")
        XCTAssertEqual(French.duration(ms: 950), "950\u{00A0}ms")
        XCTAssertEqual(French.duration(ms: 1_234), "1,2\u{00A0}s")
        XCTAssertEqual(French.duration(ms: 2_000), "2\u{00A0}s")
        XCTAssertEqual(French.duration(ms: 125_000), "2\u{00A0}min 5\u{00A0}s")
        XCTAssertEqual(French.count(1, "rejet", "rejets"), "1 rejet")
        XCTAssertEqual(French.count(2, "rejet", "rejets"), "2 rejets")
        XCTAssertEqual(ReviewSection.score(8.44), "8,4")
        XCTAssertEqual(ReviewSection.score(-0.25), "-0,3")
    }
}
