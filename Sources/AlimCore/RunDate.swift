import Foundation

/// A calendar day (`YYYY-MM-DD`), the only clock the stages see.
///
/// Stages never read the wall clock: expiry dates, grace periods and "left since" all derive from the
/// run's `--date`, so the same inputs and date give the same outputs.
public struct RunDate: Hashable, Codable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    /// Parses `YYYY-MM-DD`, refusing impossible days (31/02, month 13).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Builds a date, refusing impossible ones.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month), day >= 1,
              day <= RunDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today in UTC, for runs without `--date`.
    public static func today() -> RunDate {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day], from: Date())
        return RunDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// Days in a month, leap years included: what tells 29/02/2016 from 29/02/2017.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic without Foundation time zones.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day `n` days after (or before, when negative) this one.
    public func adding(days n: Int) -> RunDate {
        let z = dayNumber + n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return RunDate(year: y, month: m, day: d)!
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// `dd/mm/yyyy`, as printed on French sheets.
    public var french: String { String(format: "%02d/%02d/%04d", day, month, year) }

    public static func < (a: RunDate, b: RunDate) -> Bool { a.dayNumber < b.dayNumber }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = RunDate(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "date invalide : \(s)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
