import AlimCore

/// Reads the birth-date spellings the sources use into `YYYY-MM-DD`.
///
/// ONDE writes `yyyy-mm-dd`, SIECLE and AAF `dd/mm/yyyy`, and `31/12/9999` means "no date": one
/// canonical form lets a birth date be compared exactly, then for a day/month swap or a one-digit typo.
enum DateNormalizer {
    /// The canonical day, or nil when absent, open-ended or impossible.
    static func normalize(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let s = TextFolding.trim(raw)
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
}

import Foundation
