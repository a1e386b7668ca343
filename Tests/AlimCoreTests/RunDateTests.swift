import AlimTestSupport
import Foundation
import XCTest
@testable import AlimCore

/// The run's calendar day: strict parsing, arithmetic across months and leap years, French display.
final class RunDateTests: XCTestCase {
    func testParsesOnlyRealDaysWrittenYYYYMMDD() {
        let d = RunDate("2026-09-01")
        XCTAssertEqual(d?.year, 2026)
        XCTAssertEqual(d?.month, 9)
        XCTAssertEqual(d?.day, 1)
        XCTAssertEqual(d?.description, "2026-09-01")
        XCTAssertNotNil(RunDate("2024-02-29"))
        XCTAssertNotNil(RunDate("2000-02-29"))
        for bad in ["2026-13-01", "2026-00-10", "2026-02-29", "2024-02-30", "1900-02-29", "2100-02-29", "2026-04-31",
                    "2026-01-00", "2026-1-01", "26-01-01", "2026/01/01", "01/09/2026", "", "2026-01-01x",
                    "2026-01-01 ", "abcd-ef-gh", "1899-12-31", "3000-01-01", "2026--01"] {
            XCTAssertNil(RunDate(bad), bad)
        }
        XCTAssertNil(RunDate(year: 2026, month: 2, day: 29))
        XCTAssertEqual(RunDate(year: 2028, month: 2, day: 29)?.description, "2028-02-29")
    }

    func testDaysInMonthFollowTheGregorianLeapYears() {
        XCTAssertEqual(RunDate.daysIn(month: 2, year: 2024), 29)
        XCTAssertEqual(RunDate.daysIn(month: 2, year: 2023), 28)
        XCTAssertEqual(RunDate.daysIn(month: 2, year: 2000), 29, "divisible by 400")
        XCTAssertEqual(RunDate.daysIn(month: 2, year: 1900), 28, "divisible by 100")
        XCTAssertEqual(RunDate.daysIn(month: 2, year: 2100), 28)
        XCTAssertEqual((1...12).map { RunDate.daysIn(month: $0, year: 2026) }, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    }

    func testAddingDaysCrossesMonthsYearsAndLeapDays() {
        func d(_ s: String) -> RunDate { RunDate(s)! }
        XCTAssertEqual(d("2024-02-28").adding(days: 1), d("2024-02-29"))
        XCTAssertEqual(d("2023-02-28").adding(days: 1), d("2023-03-01"))
        XCTAssertEqual(d("2100-02-28").adding(days: 1), d("2100-03-01"))
        XCTAssertEqual(d("2000-02-28").adding(days: 1), d("2000-02-29"))
        XCTAssertEqual(d("2026-12-31").adding(days: 1), d("2027-01-01"))
        XCTAssertEqual(d("2027-01-01").adding(days: -1), d("2026-12-31"))
        XCTAssertEqual(d("2026-09-01").adding(days: 90), d("2026-11-30"), "code validity, default 90 days")
        XCTAssertEqual(d("2024-03-01").adding(days: -366), d("2023-03-01"))
        XCTAssertEqual(d("2026-09-01").adding(days: 0), d("2026-09-01"))
    }

    func testDayNumbersCountFrom1970AndAgreeWithFoundation() {
        XCTAssertEqual(RunDate("1970-01-01")!.dayNumber, 0)
        XCTAssertEqual(RunDate("1969-12-31")!.dayNumber, -1)
        XCTAssertEqual(RunDate("2000-03-01")!.dayNumber - RunDate("2000-02-28")!.dayNumber, 2)
        XCTAssertEqual(RunDate("1900-03-01")!.dayNumber - RunDate("1900-02-28")!.dayNumber, 1)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var rng = SeededRandom(seed: 1970)
        for _ in 0..<2000 {
            let year = Int.random(in: 1903...2996, using: &rng), month = Int.random(in: 1...12, using: &rng)
            let day = Int.random(in: 1...RunDate.daysIn(month: month, year: year), using: &rng)
            let date = RunDate(year: year, month: month, day: day)!
            let reference = calendar.date(from: DateComponents(year: year, month: month, day: day))!
            XCTAssertEqual(date.dayNumber, Int((reference.timeIntervalSince1970 / 86400).rounded()), date.description)
            let n = Int.random(in: -800...800, using: &rng)
            XCTAssertEqual(date.adding(days: n).dayNumber, date.dayNumber + n, "\(date) + \(n)")
        }
    }

    func testOrderFrenchFormAndCoding() throws {
        XCTAssertLessThan(RunDate("2025-12-31")!, RunDate("2026-01-01")!)
        XCTAssertLessThan(RunDate("2026-02-09")!, RunDate("2026-02-10")!)
        XCTAssertEqual(RunDate("2026-09-01")!.french, "01/09/2026")
        XCTAssertEqual(RunDate("2026-12-25")!.french, "25/12/2026")
        let data = try JSONEncoder().encode([RunDate("2024-02-29")!])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"2024-02-29\"]")
        XCTAssertEqual(try JSONDecoder().decode([RunDate].self, from: data), [RunDate("2024-02-29")!])
        XCTAssertThrowsError(try JSONDecoder().decode([RunDate].self, from: Data("[\"2026-02-30\"]".utf8)))
        let today = RunDate.today()
        XCTAssertNotNil(RunDate(today.description))
    }
}
