/// Birth dates as ONDE and Base Élèves write them: `dd/mm/yyyy` or `yyyy-mm-dd`.
///
/// A date is checked against the calendar (31/02 or month 13 are impossible) rather than passed
/// on: a wrong birth date would mislead duplicate detection more than a missing one.
enum OndeDate {
    enum Parsed: Equatable {
        case empty
        /// `YYYY-MM-DD`.
        case valid(String)
        case invalid
    }

    static func parse(_ raw: String?) -> Parsed {
        guard let raw, !raw.isEmpty else { return .empty }
        let s = Array(raw.utf8)
        let day: Int, month: Int, year: Int
        if let parts = split(s, on: UInt8(ascii: "/")), parts.count == 3, parts[2].count == 4,
           (1...2).contains(parts[0].count), (1...2).contains(parts[1].count) {
            guard let d = number(parts[0]), let m = number(parts[1]), let y = number(parts[2]) else { return .invalid }
            (day, month, year) = (d, m, y)
        } else if let parts = split(s, on: UInt8(ascii: "-")), parts.count == 3, parts[0].count == 4,
                  (1...2).contains(parts[1].count), (1...2).contains(parts[2].count) {
            guard let y = number(parts[0]), let m = number(parts[1]), let d = number(parts[2]) else { return .invalid }
            (day, month, year) = (d, m, y)
        } else {
            return .invalid
        }
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
            return .invalid
        }
        return .valid(pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func split(_ s: [UInt8], on separator: UInt8) -> [ArraySlice<UInt8>]? {
        guard s.contains(separator) else { return nil }
        return s.split(separator: separator, omittingEmptySubsequences: false)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for d in digits {
            guard d >= 48, d <= 57 else { return nil }
            value = value * 10 + Int(d - 48)
        }
        return digits.isEmpty ? nil : value
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
