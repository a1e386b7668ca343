import Foundation

/// The one text folding every comparison key of Alim goes through: the ONDE guardian → pupil join,
/// header matching, identity keys, logins, file names and sort keys.
///
/// Exports spell one name `Léa`, `LEA`, `LÉA` or `Lea` depending on the tool and its encoding; two
/// keys of the same name must never differ because two modules folded it differently (they once
/// disagreed on `Œ`). `fold` gives upper-case ASCII: accents dropped by canonical decomposition,
/// ligatures and letters without a decomposition spelled out (`Œ` → `OE`, `ß` → `SS`, `Þ` → `TH`),
/// typographic apostrophes and dashes turned into `'` and `-`, and anything else that has no Latin
/// base a space. Text made of Latin-1, Latin Extended-A and ASCII (every name an 8-bit French export
/// can hold) is folded through a table built once from `TextFoldReference`, so the fast path and the
/// reference cannot disagree on those letters; other text goes through the reference itself.
public enum TextFold {
    /// Scalars below this (ASCII, Latin-1, Latin Extended-A) are folded through the tables.
    static let tableLimit: UInt32 = 0x180
    /// `fold` of every scalar below `tableLimit`, computed once from the reference.
    private static let table: [UInt32] = (0..<tableLimit).map { pack(TextFoldReference.foldCharacter(character($0))) }
    /// `key` of every scalar below `tableLimit`, computed once from the reference.
    private static let keyTable: [UInt32] = (0..<tableLimit).map { pack(TextFoldReference.key(String(character($0)))) }

    private static func character(_ v: UInt32) -> Character { Character(Unicode.Scalar(v)!) }

    /// Up to three UTF-8 bytes packed little-endian, with their count in the top byte.
    private static func pack(_ s: String) -> UInt32 {
        let bytes = Array(s.utf8)
        precondition(bytes.count <= 3, "folding table entries hold at most three bytes")
        var packed = UInt32(bytes.count) << 24
        for (i, b) in bytes.enumerated() { packed |= UInt32(b) << (8 * UInt32(i)) }
        return packed
    }

    @inline(__always)
    private static func unpack(_ packed: UInt32, into out: inout [UInt8]) {
        let count = packed >> 24
        if count > 0 { out.append(UInt8(packed & 0xFF)) }
        if count > 1 { out.append(UInt8((packed >> 8) & 0xFF)) }
        if count > 2 { out.append(UInt8((packed >> 16) & 0xFF)) }
    }

    /// Upper-case ASCII with accents removed; ASCII punctuation and digits kept as they are
    /// (callers tokenise or keep only letters and digits).
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        appendFolded(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the folded bytes of `text` (as `fold` gives them) to `out`, without building a
    /// `String`; ASCII text, the common case, costs one pass.
    public static func appendFolded(_ text: String, to out: inout [UInt8]) {
        let start = out.count
        var ascii = true
        for b in text.utf8 where b >= 0x80 { ascii = false; break }
        if ascii {
            for b in text.utf8 { out.append((b >= 97 && b <= 122) ? b - 32 : b) }
            return
        }
        appendThroughTable(text, table, start: start, to: &out, fallback: TextFoldReference.fold)
    }

    /// The comparison key of a name, class label or header: `fold` with only letters and digits kept
    /// (`Jean-Pierre` = `JEAN PIERRE`, `N'Diaye` = `NDIAYE`, `" Cycle"` = `CYCLE`, `Prénom*` = `PRENOM`).
    ///
    /// A letter or digit that has no Latin base (Greek, Cyrillic, CJK…) is kept as it is rather than
    /// dropped, so a name written only in such letters still has a non-empty key.
    public static func key(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        appendKey(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `key(text)`'s bytes to `out`.
    public static func appendKey(_ text: String, to out: inout [UInt8]) {
        var ascii = true
        for b in text.utf8 where b >= 0x80 { ascii = false; break }
        if ascii {
            for b in text.utf8 {
                if b >= 97 && b <= 122 { out.append(b - 32) } else if (b >= 65 && b <= 90) || (b >= 48 && b <= 57) { out.append(b) }
            }
            return
        }
        appendThroughTable(text, keyTable, start: out.count, to: &out, fallback: TextFoldReference.key)
    }

    /// Appends each scalar's table entry; text with a scalar beyond the table goes through the
    /// reference whole (it may need canonical composition, which works across scalars).
    private static func appendThroughTable(_ text: String, _ table: [UInt32], start: Int, to out: inout [UInt8],
                                           fallback: (String) -> String) {
        for u in text.unicodeScalars {
            let v = u.value
            guard v < tableLimit else {
                out.removeSubrange(start...)
                out.append(contentsOf: fallback(text).utf8)
                return
            }
            unpack(table[Int(v)], into: &out)
        }
    }

    /// Folded letter-and-digit tokens: hyphens, apostrophes, dots, commas and spaces all separate.
    public static func tokens(_ text: String) -> [String] {
        let bytes = Array(fold(text).utf8)
        var out: [String] = []
        var start = -1
        for (i, b) in bytes.enumerated() {
            let alnum = (b >= 65 && b <= 90) || (b >= 48 && b <= 57)
            if alnum, start < 0 { start = i }
            if !alnum, start >= 0 { out.append(String(decoding: bytes[start..<i], as: UTF8.self)); start = -1 }
        }
        if start >= 0 { out.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return out
    }

    /// Lower-case ASCII letters only (`Jean-Pierre` → `jeanpierre`, `N'Diaye` → `ndiaye`): what a
    /// login part is made of.
    public static func letters(_ text: String) -> String {
        var out: [UInt8] = []
        appendFolded(text, to: &out)
        return String(decoding: out.compactMap { ($0 >= 65 && $0 <= 90) ? $0 + 32 : nil }, as: UTF8.self)
    }

    /// `fold`, with the case of each letter kept (`Élodie Œuvray` → `Elodie OEuvray`): for file names,
    /// which keep the director's spelling of a class but must be plain ASCII.
    public static func asciiKeepingCase(_ text: String) -> String {
        var out = ""
        for ch in text.precomposedStringWithCanonicalMapping {
            let folded = fold(String(ch))
            out += ch.isLowercase ? folded.lowercased() : folded
        }
        return out
    }

    /// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`) without Foundation's
    /// bridging: most cells are already trimmed, and that case returns without scanning.
    public static func trim(_ s: String, newlines: Bool = false) -> String {
        let u = s.utf8
        guard let first = u.first, let last = u.last else { return s }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return s }
        let blank: (Unicode.Scalar) -> Bool = { c in
            c == "\t" || c.properties.generalCategory == .spaceSeparator
                || (newlines && (c.properties.generalCategory == .lineSeparator || c.properties.generalCategory == .paragraphSeparator
                    || ("\n"..."\r").contains(c) || c == "\u{85}"))
        }
        let scalars = s.unicodeScalars
        guard let lo = scalars.firstIndex(where: { !blank($0) }) else { return "" }
        let hi = scalars.lastIndex(where: { !blank($0) })!
        return String(scalars[lo...hi])
    }
}

/// The plain Unicode definition of `TextFold`, kept as the reference the fast path is built from and
/// tested against: canonical composition, then per character a ligature table, canonical
/// decomposition with the marks dropped, and typographic separators.
public enum TextFoldReference {
    /// Letters whose folded form is not their base letter after decomposition.
    static let spelledOut: [Character: String] = [
        "Œ": "OE", "œ": "OE", "Æ": "AE", "æ": "AE", "ß": "SS", "ẞ": "SS", "Ø": "O", "ø": "O", "Ł": "L", "ł": "L",
        "Đ": "D", "đ": "D", "Ð": "D", "ð": "D", "Þ": "TH", "þ": "TH", "Ħ": "H", "ħ": "H", "ı": "I", "Ŀ": "L", "ŀ": "L",
        "ĸ": "K", "Ŋ": "N", "ŋ": "N", "Ŧ": "T", "ŧ": "T", "ƒ": "F", "Ĳ": "IJ", "ĳ": "IJ", "ŉ": "N",
    ]

    /// See `TextFold.fold`.
    public static func fold(_ text: String) -> String {
        var out = ""
        for ch in text.precomposedStringWithCanonicalMapping { out += foldCharacter(ch) }
        return out
    }

    /// One character folded.
    static func foldCharacter(_ ch: Character) -> String {
        if let spelled = spelledOut[ch] { return spelled }
        var out = ""
        for s in String(ch).decomposedStringWithCanonicalMapping.unicodeScalars where s.isASCII {
            let v = UInt8(s.value)
            out.unicodeScalars.append(Unicode.Scalar((v >= 97 && v <= 122) ? v - 32 : v))
        }
        if !out.isEmpty { return out }
        switch ch {
        case "’", "‘", "ʼ", "`", "´", "′": return "'"
        case "‐", "‑", "‒", "–", "—", "−": return "-"
        default: return " "
        }
    }

    /// See `TextFold.key`.
    public static func key(_ text: String) -> String {
        var out = ""
        for ch in text.precomposedStringWithCanonicalMapping {
            let folded = foldCharacter(ch)
            let kept = folded.unicodeScalars.filter { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            if !kept.isEmpty {
                out.unicodeScalars.append(contentsOf: kept)
            } else if folded == " ", ch.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil }),
                      !ch.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                out += ch.uppercased()
            }
        }
        return out
    }
}
