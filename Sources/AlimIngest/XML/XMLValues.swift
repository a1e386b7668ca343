import AlimCore
import Foundation

/// Value conversions shared by the SIECLE and AAF readers (both write dates `dd/mm/yyyy`).
enum XMLValues {
    /// `dd/mm/yyyy` → `yyyy-mm-dd`; nil for empty, impossible or open-ended (`31/12/9999`) dates.
    static func isoDate(fromFrench raw: String?) -> String? {
        guard let raw = raw?.xmlTrimmed, !raw.isEmpty else { return nil }
        let parts = raw.split(separator: "/")
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
              let date = RunDate(year: y, month: m, day: d) else { return nil }
        // Same text as `RunDate.description`, without `String(format:)` (a hot spot on large files).
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
