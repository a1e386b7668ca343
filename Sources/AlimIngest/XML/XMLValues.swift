import AlimCore
import Foundation

/// Value conversions shared by the SIECLE and AAF readers (both write dates `dd/mm/yyyy`).
enum XMLValues {
    /// `dd/mm/yyyy` → `yyyy-mm-dd`; nil for empty, impossible or open-ended (`31/12/9999`) dates.
    static func isoDate(fromFrench raw: String?) -> String? {
        guard let raw = raw?.xmlTrimmed, !raw.isEmpty else { return nil }
        if let fast = isoDateFast(raw) { return fast.isEmpty ? nil : fast }
        let parts = raw.split(separator: "/")
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
              let date = RunDate(year: y, month: m, day: d) else { return nil }
        // Same text as `RunDate.description`, without `String(format:)` (a hot spot on large files).
        return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
    }

    /// `d/m/yyyy` made of ASCII digits only, read from the bytes (the common case, hot on large files):
    /// the date, "" when the digits form an impossible date, nil to fall back to the general parse.
    private static func isoDateFast(_ raw: String) -> String? {
        var parts = (0, 0, 0), index = 0, digits = 0
        for b in raw.utf8 {
            if b == UInt8(ascii: "/") {
                guard digits > 0, index < 2 else { return nil }
                index += 1
                digits = 0
            } else if b >= 0x30 && b <= 0x39 {
                digits += 1
                guard digits <= 4 else { return nil }
                let v = Int(b - 0x30)
                switch index {
                case 0: parts.0 = parts.0 * 10 + v
                case 1: parts.1 = parts.1 * 10 + v
                default: parts.2 = parts.2 * 10 + v
                }
            } else {
                return nil
            }
        }
        guard index == 2, digits > 0 else { return nil }
        guard let date = RunDate(year: parts.2, month: parts.1, day: parts.0) else { return "" }
        return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
    }

    /// `n` in decimal, left-padded with zeros to `width` digits.
    private static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Reads the boolean spellings found in SIECLE and AAF: `1`/`0`, `true`/`false`, `O`/`N`, `oui`/`non`.
    static func bool(_ raw: String?) -> Bool? {
        switch raw?.xmlTrimmed.lowercased() {
        case "1", "true", "o", "oui", "y", "yes": return true
        case "0", "false", "n", "non", "no": return false
        default: return nil
        }
    }

    /// Sex from SIECLE `CODE_SEXE` (1/2) or AAF `ENTPersonSexe` (M/F, 1/2).
    static func sex(_ raw: String?) -> String? {
        switch raw?.xmlTrimmed.uppercased() {
        case "1", "M", "H", "MASCULIN": return "M"
        case "2", "F", "FEMININ", "FÉMININ": return "F"
        default: return nil
        }
    }

    /// Phones in source order, skipping empty ones and repeats.
    static func phones(_ pairs: [(kind: String, raw: String?)]) -> [Phone] {
        var seen = Set<String>()
        var out: [Phone] = []
        for (kind, raw) in pairs {
            guard let raw = raw?.xmlTrimmed, !raw.isEmpty, seen.insert(kind + raw).inserted else { continue }
            out.append(Phone(kind: kind, raw: raw))
        }
        return out
    }

    /// `NOM Prénom` for `Finding.subject`.
    static func subject(lastName: String?, firstName: String?) -> String? {
        let s = [lastName, firstName].compactMap { $0 }.joined(separator: " ")
        return s.isEmpty ? nil : s
    }
}

extension Substring {
    /// Trims ASCII blanks (space, tab, CR, LF) fast: Foundation's `trimmingCharacters` dominated
    /// the profile of large files. XML values carry no other leading/trailing blanks worth removing.
    var xmlTrimmed: String {
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = utf8.firstIndex(where: { !blank($0) }), let last = utf8.lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// See `Substring.xmlTrimmed`; returns `self` without copying when there is nothing to trim.
    var xmlTrimmed: String {
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let f = utf8.first, let l = utf8.last else { return self }
        if !blank(f) && !blank(l) { return self }
        return self[...].xmlTrimmed
    }
}
