import AlimCore
/// Reads an e-mail address into its comparison form: trimmed and lower-cased, a letter an 8-bit export
/// cannot write as « ? ».
///
/// Mail providers ignore case, and exports add stray spaces; anything without a local part and a
/// dotted domain is not an address and must not make two records agree.
enum EmailNormalizer {
    static func normalize(_ raw: String?) -> String? {
        guard let raw else { return nil }
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(Array(raw.utf8)) }
        // A letter outside Latin-9 is « ? » once SIECLE has written the address (`ilkaywałesa@…` →
        // `ilkaywa?esa@…`): the comparison form writes it so, and both spellings meet.
        let lossy = String(String.UnicodeScalarView(raw.unicodeScalars.map { Latin9.contains($0) ? $0 : "?" }))
        let s = TextFold.trim(lossy, newlines: true).lowercased()
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].utf8.contains(UInt8(ascii: ".")), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !s.utf8.contains(UInt8(ascii: " ")) else { return nil }
        if placeholderLocalParts.contains(String(parts[0])) { return nil }
        return s
    }

    /// The same rules on ASCII bytes (nearly every address), without `Character`s or Foundation.
    private static func normalizeASCII(_ raw: [UInt8]) -> String? {
        // Blanks `trim(_:newlines: true)` removes, in ASCII: space, tab, and line feed to carriage return.
        func blank(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        guard let lo = raw.firstIndex(where: { !blank($0) }), let hi = raw.lastIndex(where: { !blank($0) }) else { return nil }
        let s = raw[lo...hi].map { ($0 >= 65 && $0 <= 90) ? $0 + 32 : $0 }
        guard let at = s.firstIndex(of: UInt8(ascii: "@")), s.lastIndex(of: UInt8(ascii: "@")) == at else { return nil }
        let local = s[..<at], domain = s[(at + 1)...]
        let dot = UInt8(ascii: ".")
        guard !local.isEmpty, domain.contains(dot), domain.first != dot, domain.last != dot, !s.contains(0x20) else { return nil }
        let text = String(decoding: s, as: UTF8.self)
        if placeholderLocalParts.contains(String(decoding: local, as: UTF8.self)) { return nil }
        return text
    }

    /// Local parts schools type when a family has no address.
    static let placeholderLocalParts: Set<String> = ["x", "xx", "xxx", "aucun", "pasdemail", "nomail", "no-reply", "noreply", "inconnu"]
}

import Foundation
