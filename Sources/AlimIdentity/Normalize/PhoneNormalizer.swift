/// Reads French phone numbers, however typed, into E.164 (`+33611223344`).
///
/// The same mobile is written `06 11 22 33 44`, `06.11.22.33.44`, `0611223344`, `+33611223344` or
/// `0033611223344` depending on the source; only E.164 lets two records agree on it. Anonymised
/// placeholders (`0000000000`) are dropped: they would make every family "share" a phone.
enum PhoneNormalizer {
    /// Overseas départements dial a French 10-digit number but have their own country code.
    /// Key: first four national digits; value: E.164 country code.
    static let overseasPrefixes: [String: String] = [
        "0590": "590", "0690": "590", "0594": "594", "0694": "594", "0596": "596", "0696": "596",
        "0262": "262", "0692": "262", "0693": "262", "0269": "262", "0639": "262",
    ]

    /// E.164 form, or nil when the number is empty, too short or a placeholder.
    static func normalize(_ raw: String) -> String? {
        let trimmed = TextFolding.trim(raw)
        var digits = trimmed.filter { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        var international = trimmed.hasPrefix("+")
        if !international, digits.hasPrefix("00") { digits.removeFirst(2); international = true }
        var e164: String
        if international {
            // `+33 (0)6…` and `+330611…`: drop the trunk zero after the French code.
            if digits.hasPrefix("330"), digits.count == 12 { digits.remove(at: digits.index(digits.startIndex, offsetBy: 2)) }
            e164 = digits
        } else if digits.count == 10, digits.hasPrefix("0") {
            e164 = (overseasPrefixes[String(digits.prefix(4))] ?? "33") + digits.dropFirst()
        } else if digits.count == 9, !digits.hasPrefix("0") {
            // A spreadsheet ate the leading zero.
            e164 = (overseasPrefixes["0" + digits.prefix(3)] ?? "33") + digits
        } else if digits.count == 11, digits.hasPrefix("33") {
            e164 = digits
        } else {
            return nil
        }
        guard (8...15).contains(e164.count), !isPlaceholder(e164) else { return nil }
        return "+" + e164
    }

    /// Whether an E.164 number is personal (mobile or foreign) rather than a household landline:
    /// parents share the home number, never their mobiles.
    static func isPersonal(_ e164: String) -> Bool {
        let digits = e164.dropFirst()
        for code in ["33", "590", "594", "596", "262"] where digits.hasPrefix(code) {
            let national = digits.dropFirst(code.count)
            return national.hasPrefix("6") || national.hasPrefix("7")
        }
        return true
    }

    /// All national digits equal (`0000000000`, `0611111111` is kept) or an obvious sequence.
    static func isPlaceholder(_ e164: String) -> Bool {
        let national = e164.hasPrefix("33") ? e164.utf8.dropFirst(2) : e164.utf8[...]
        func allSame(_ u: Substring.UTF8View) -> Bool {
            guard let f = u.first else { return false }
            return u.allSatisfy { $0 == f }
        }
        if allSame(national) || allSame(e164.utf8[...]) { return true }
        return ["123456789", "612345678", "102030405"].contains { national.elementsEqual($0.utf8) }
    }
}

import Foundation
