/// Reads an e-mail address into its comparison form: trimmed and lower-cased.
///
/// Mail providers ignore case, and exports add stray spaces; anything without a local part and a
/// dotted domain is not an address and must not make two records agree.
enum EmailNormalizer {
    static func normalize(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let s = TextFolding.trim(raw, newlines: true).lowercased()
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].utf8.contains(UInt8(ascii: ".")), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !s.utf8.contains(UInt8(ascii: " ")) else { return nil }
        if placeholderLocalParts.contains(String(parts[0])) { return nil }
        return s
    }

    /// Local parts schools type when a family has no address.
    static let placeholderLocalParts: Set<String> = ["x", "xx", "xxx", "aucun", "pasdemail", "nomail", "no-reply", "noreply", "inconnu"]
}

import Foundation
