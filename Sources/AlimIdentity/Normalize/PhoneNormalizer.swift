import AlimCore
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

    /// `overseasPrefixes` as bytes, scanned without building a key string per number.
    static let overseasBytes: [(prefix: [UInt8], code: [UInt8])] =
        overseasPrefixes.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), Array($0.value.utf8)) }

    /// E.164 form, or nil when the number is empty, too short or a placeholder.
    static func normalize(_ raw: String) -> String? {
        let digits: [UInt8], international: Bool
        if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly every number): digits and the first non-blank byte, without `Character`s.
            digits = raw.utf8.filter { $0 >= 48 && $0 <= 57 }
            international = raw.utf8.first { $0 != 0x20 && $0 != 0x09 } == UInt8(ascii: "+")
        } else {
            let trimmed = TextFold.trim(raw)
            digits = Array(trimmed.filter { $0.isASCII && $0.isNumber }.utf8)
            international = trimmed.hasPrefix("+")
        }
        return e164(digits, international: international)
    }

    /// The E.164 number from the digits as typed (`international` when they followed a `+`).
    private static func e164(_ typed: [UInt8], international plus: Bool) -> String? {
        var digits = typed[...]
        guard !digits.isEmpty else { return nil }
        let zero = UInt8(ascii: "0"), three = UInt8(ascii: "3")
        var international = plus
        if !international, digits.count >= 2, digits[digits.startIndex] == zero, digits[digits.startIndex + 1] == zero { digits = digits.dropFirst(2); international = true }
        // Appended in place (one buffer, sized once): this runs for every distinct number of the inbox.
        var e164: [UInt8] = []
        e164.reserveCapacity(digits.count + 4)
        e164.append(UInt8(ascii: "+"))
        if international {
            // `+33 (0)6…` and `+330611…`: drop the trunk zero after the French code.
            if digits.count == 12, digits[digits.startIndex] == three, digits[digits.startIndex + 1] == three,
               digits[digits.startIndex + 2] == zero {
                e164 += digits.prefix(2)
                e164 += digits.dropFirst(3)
            } else {
                e164 += digits
            }
        } else if digits.count == 10, digits.first == zero {
            e164 += overseasCode(digits.prefix(4))
            e164 += digits.dropFirst()
        } else if digits.count == 9, digits.first != zero {
            // A spreadsheet ate the leading zero.
            e164 += overseasCode([zero] + digits.prefix(3))
            e164 += digits
        } else if digits.count == 11, digits[digits.startIndex] == three, digits[digits.startIndex + 1] == three {
            e164 += digits
        } else {
            return nil
        }
        // `+33 694 36 32 52` is `0694 36 32 52` with its zero swapped for +33 by a tool that knows only
        // metropolitan numbers: an overseas number keeps its own country code whichever way it was written.
        if e164.count == 12, e164[1] == three, e164[2] == three, let code = overseasCodeAfterZero(e164[3..<6]) {
            e164 = [UInt8(ascii: "+")] + code + e164[3...]
        }
        guard (9...16).contains(e164.count), !isPlaceholder(e164.dropFirst()) else { return nil }
        return String(decoding: e164, as: UTF8.self)
    }

    /// The country code of a French number's first four national digits: an overseas one, else 33.
    private static func overseasCode<C: Collection<UInt8>>(_ prefix: C) -> [UInt8] {
        overseasBytes.first { $0.prefix.elementsEqual(prefix) }?.code ?? metropolitanCode
    }

    private static let metropolitanCode: [UInt8] = [UInt8(ascii: "3"), UInt8(ascii: "3")]

    /// The overseas country code of the national digits `0` + `rest` (three digits), nil when metropolitan:
    /// `overseasCode([0] + rest)` without building that array.
    private static func overseasCodeAfterZero(_ rest: ArraySlice<UInt8>) -> [UInt8]? {
        for o in overseasBytes where o.prefix.first == UInt8(ascii: "0") && o.prefix.dropFirst().elementsEqual(rest) {
            return o.code
        }
        return nil
    }

    /// Whether an E.164 number is personal (mobile or foreign) rather than a household landline:
    /// parents share the home number, never their mobiles.
    static func isPersonal(_ e164: String) -> Bool {
        if e164.utf8.allSatisfy({ $0 < 0x80 }) { return isPersonal(utf8: Array(e164.utf8)) }
        let digits = e164.dropFirst()
        for code in ["33", "590", "594", "596", "262"] where digits.hasPrefix(code) {
            let national = digits.dropFirst(code.count)
            return national.hasPrefix("6") || national.hasPrefix("7")
        }
        return true
    }

    /// `isPersonal` over a number's UTF-8 bytes: without a `String` when they are ASCII (every number
    /// `normalize` returns).
    static func isPersonal(utf8 e164: [UInt8]) -> Bool {
        guard e164.allSatisfy({ $0 < 0x80 }) else { return isPersonal(String(decoding: e164, as: UTF8.self)) }
        let digits = e164.dropFirst()
        for code in countryCodes where digits.starts(with: code) {
            let national = digits.dropFirst(code.count)
            return national.first == UInt8(ascii: "6") || national.first == UInt8(ascii: "7")
        }
        return true
    }

    /// Country codes whose mobiles start with 6 or 7 after the code, in `isPersonal`'s order.
    private static let countryCodes: [[UInt8]] = ["33", "590", "594", "596", "262"].map { Array($0.utf8) }

    /// All national digits equal (`0000000000`, `0611111111` is kept) or an obvious sequence.
    static func isPlaceholder(_ e164: String) -> Bool { isPlaceholder(Array(e164.utf8)[...]) }

    /// National numbers typed as obvious sequences.
    private static let sequences: [[UInt8]] = ["123456789", "612345678", "102030405"].map { Array($0.utf8) }

    /// `isPlaceholder` over the digits of an E.164 number without its `+`.
    static func isPlaceholder(_ e164: ArraySlice<UInt8>) -> Bool {
        let national = e164.starts(with: "33".utf8) ? e164.dropFirst(2) : e164
        func allSame(_ u: ArraySlice<UInt8>) -> Bool {
            guard let f = u.first else { return false }
            return u.allSatisfy { $0 == f }
        }
        if allSame(national) || allSame(e164) { return true }
        return sequences.contains { national.elementsEqual($0) }
    }
}

import Foundation
