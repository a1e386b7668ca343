import AlimCore

/// Reads the birth-date spellings the sources use into `YYYY-MM-DD`.
///
/// ONDE writes `yyyy-mm-dd`, SIECLE and AAF `dd/mm/yyyy`, and `31/12/9999` means "no date": one
/// canonical form lets a birth date be compared exactly, then for a day/month swap or a one-digit typo.
enum DateNormalizer {
    /// The canonical day, or nil when absent, open-ended or impossible.
    static func normalize(_ raw: String?) -> String? {
        guard let raw else { return nil }
        if let day = exact(raw) { return day }
        let s = TextFold.trim(raw)
        guard !s.isEmpty else { return nil }
        let head = s.split(separator: " ").first.map(String.init) ?? s  // drop a time part
        let parts = head.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        var y = 0, m = 0, d = 0
        if parts.count == 3, parts[0].count == 4 {
            guard let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
            (y, m, d) = (a, b, c)
        } else if parts.count == 3, parts[2].count == 4 {
            guard let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
            (y, m, d) = (c, b, a)
        } else if parts.count == 1, head.count == 8, let n = Int(head) {
            (y, m, d) = (n / 10000, (n / 100) % 100, n % 100)
        } else {
            return nil
        }
        if y >= 9999 { return nil }
        return RunDate(year: y, month: m, day: d)?.description
    }

    /// The two spellings the sources write, `yyyy-mm-dd` and `dd/mm/yyyy` with nothing around them, read
    /// on bytes: the same result as the general path without splitting nor `String(format:)`. The outer
    /// optional is nil when `raw` is not of that shape (the general path decides).
    static func exact(_ raw: String) -> String?? {
        var u = raw.utf8.makeIterator()
        var b = [UInt8](repeating: 0, count: 10)
        for k in 0..<10 { guard let c = u.next() else { return nil }; b[k] = c }
        guard u.next() == nil else { return nil }
        func digit(_ k: Int) -> Int? { b[k] >= 48 && b[k] <= 57 ? Int(b[k] - 48) : nil }
        func number(_ r: Range<Int>) -> Int? {
            var v = 0
            for k in r { guard let d = digit(k) else { return nil }; v = v * 10 + d }
            return v
        }
        func separator(_ k: Int) -> Bool { b[k] == UInt8(ascii: "/") || b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: ".") }
        let y: Int, m: Int, d: Int
        if separator(4), separator(7), let yy = number(0..<4), let mm = number(5..<7), let dd = number(8..<10) {
            (y, m, d) = (yy, mm, dd)
        } else if separator(2), separator(5), let dd = number(0..<2), let mm = number(3..<5), let yy = number(6..<10) {
            (y, m, d) = (yy, mm, dd)
        } else {
            return nil
        }
        guard y < 9999, let day = RunDate(year: y, month: m, day: d) else { return .some(nil) }
        var out = [UInt8](repeating: UInt8(ascii: "-"), count: 10)
        for (k, (v, width)) in [(day.year, 4), (day.month, 2), (day.day, 2)].enumerated() {
            let at = [0, 5, 8][k]
            var x = v
            for p in stride(from: at + width - 1, through: at, by: -1) { out[p] = UInt8(48 + x % 10); x /= 10 }
        }
        return .some(String(decoding: out, as: UTF8.self))
    }
}

import Foundation
