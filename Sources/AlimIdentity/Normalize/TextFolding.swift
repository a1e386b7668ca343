import Foundation

/// Turns free text into accent- and case-insensitive ASCII tokens.
///
/// Exports spell one name `Léa`, `LEA` or `LÉA` depending on the tool and its encoding, so every
/// comparison works on folded upper-case ASCII. Folding is table-driven for the Latin letters French
/// names use (fast path for 100,000 records) and falls back to Unicode decomposition for the rest.
enum TextFolding {
    /// Letters whose folded form is not a single base letter after stripping marks.
    private static let ligatures: [Character: String] = [
        "Œ": "OE", "œ": "OE", "Æ": "AE", "æ": "AE", "ß": "SS", "Ø": "O", "ø": "O", "Ł": "L", "ł": "L", "Đ": "D", "đ": "D",
    ]

    /// Upper-case ASCII with accents removed; every other character kept as is (callers tokenise).
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { ($0 >= 97 && $0 <= 122) ? $0 - 32 : $0 }, as: UTF8.self)
        }
        if let latin = foldLatin(text) { return latin }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for ch in text.precomposedStringWithCanonicalMapping {
            if ch.isASCII {
                let v = ch.asciiValue!
                out.append(Unicode.Scalar((v >= 97 && v <= 122) ? v - 32 : v))
                continue
            }
            if let lig = ligatures[ch] { out.append(contentsOf: lig.unicodeScalars); continue }
            // Canonical decomposition keeps the base letter first; drop the combining marks.
            let decomposed = String(ch).decomposedStringWithCanonicalMapping
            var kept = false
            for s in decomposed.unicodeScalars where s.isASCII {
                let v = UInt8(s.value)
                out.append(Unicode.Scalar((v >= 97 && v <= 122) ? v - 32 : v))
                kept = true
            }
            if !kept {
                // Typographic apostrophes and dashes become their ASCII separators; anything else a space.
                switch ch {
                case "’", "‘", "ʼ", "`", "´": out.append("'")
                case "‐", "‑", "–", "—": out.append("-")
                default: out.append(" ")
                }
            }
        }
        return String(out)
    }

    /// Base letters of the precomposed Latin-1 letters (U+00C0–U+00FF), upper-cased; 0 where Unicode
    /// decomposition keeps no ASCII letter (Ð, Þ, ×, ÷…) or a ligature table applies (Æ, Ø, ß).
    private static let latin1: [UInt8] = Array("AAAAAAACEEEEIIII\0NOOOOO\0\0UUUUY\0\0AAAAAAACEEEEIIII\0NOOOOO\0\0UUUUY\0Y".utf8)

    /// The fast path for text made of ASCII and precomposed French letters (`Léa`, `HÉLÈNE`, `Noël`, `Œ`):
    /// the same result as the decomposition path without Foundation; nil when another scalar appears.
    private static func foldLatin(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                let b = UInt8(v)
                out.append((b >= 97 && b <= 122) ? b - 32 : b)
            } else if v >= 0xC0, v <= 0xFF, v != 0xC6, v != 0xE6, latin1[Int(v - 0xC0)] != 0 {
                out.append(latin1[Int(v - 0xC0)])
            } else if v == 0xC6 || v == 0xE6 {
                out.append(contentsOf: [65, 69])  // Æ æ → AE
            } else if v == 0x152 || v == 0x153 {
                out.append(contentsOf: [79, 69])  // Œ œ → OE
            } else {
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the folded bytes of `text` (upper-case ASCII, as `fold` gives) to `out`, without building
    /// a `String` when the text is ASCII, the common case.
    static func appendFolded(_ text: String, to out: inout [UInt8]) {
        let start = out.count
        for b in text.utf8 {
            guard b < 0x80 else {
                out.removeSubrange(start...)
                out.append(contentsOf: fold(text).utf8)
                return
            }
            out.append((b >= 97 && b <= 122) ? b - 32 : b)
        }
    }

    /// Folded alphanumeric tokens: hyphens, apostrophes, dots, commas and spaces all separate.
    static func tokens(_ text: String) -> [String] {
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
}

extension TextFolding {
    /// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`) without Foundation's bridging:
    /// most cells are already trimmed, and that case returns without scanning.
    static func trim(_ s: String, newlines: Bool = false) -> String {
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
