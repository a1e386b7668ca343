import AlimCore
@testable import AlimIdentity
import XCTest

/// A guardian of four or more children is written by ONDE over several rows: one person, always.
final class ContinuationRowTests: XCTestCase {
    private let kids = (1...4).map { Fx.pupil("e.csv", "\($0 + 1)", last: "NGUYEN", first: ["Adam", "Inès", "Jules", "Manon"][$0 - 1], birth: "201\($0)-01-01") }

    func testContinuationRowsAreOnePersonWithoutAnyContact() {
        let first = Fx.guardian("r.csv", "2", last: "NGUYEN", first: "Mai", children: kids.prefix(3).map(\.ref))
        var second = Fx.guardian("r.csv", "3", last: "NGUYEN", first: "Mai", children: [kids[3].ref])
        second.continues = first.ref
        let identity = Fx.run(kids + [first, second])
        let mai = identity.persons.filter { $0.kind == .guardian }
        XCTAssertEqual(mai.count, 1)
        XCTAssertEqual(mai.first?.records, [first.ref, second.ref])
        XCTAssertTrue(identity.review.isEmpty)
    }

    func testWithoutTheMarkTwoBareRowsAreNotMergedAutomatically() {
        let first = Fx.guardian("r.csv", "2", last: "NGUYEN", first: "Mai", children: kids.prefix(3).map(\.ref))
        let second = Fx.guardian("r.csv", "3", last: "NGUYEN", first: "Mai", children: [kids[3].ref])
        let identity = Fx.run(kids + [first, second])
        XCTAssertEqual(identity.persons.filter { $0.kind == .guardian }.count, 2, "only the ingest's mark makes them one")
    }
}
