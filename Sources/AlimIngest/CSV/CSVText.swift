import Foundation

/// The two text encodings an ONDE-era CSV can come in.
///
/// ONDE writes 8-bit Latin without saying so; newer tools write UTF-8. `latin` is Windows-1252
/// with its five undefined bytes read as ISO-8859-1, so no byte ever decodes to garbage or fails.
enum CSVEncoding: String, Sendable {
    case utf8
    case latin

    /// Decodes one field's bytes, dropping one quote of every `""` pair when `escaped` is set.
    /// Only field bytes are decoded, so a file is never converted whole.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, encoding: CSVEncoding, escaped: Bool) -> String {
        if bytes.isEmpty { return "" }
        if !escaped && (encoding == .utf8 || isASCII(bytes)) {
            return String(decoding: bytes, as: UTF8.self)
        }
        // Worst case: every byte becomes a 3-byte UTF-8 sequence (cp1252 0x80 → U+20AC).
        let capacity = encoding == .utf8 ? bytes.count : bytes.count * 3
        return String(unsafeUninitializedCapacity: capacity) { out in
            var o = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if escaped && b == UInt8(ascii: "\"") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "\"") {
                    out[o] = b; o += 1; i += 2; continue
                }
                if encoding == .utf8 || b < 0x80 {
                    out[o] = b; o += 1
                } else {
                    let scalar = Latin.scalar(b)
                    if scalar < 0x800 {
                        out[o] = UInt8(0xC0 | (scalar >> 6)); out[o + 1] = UInt8(0x80 | (scalar & 0x3F)); o += 2
                    } else {
                        out[o] = UInt8(0xE0 | (scalar >> 12))
                        out[o + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                        out[o + 2] = UInt8(0x80 | (scalar & 0x3F)); o += 3
                    }
                }
                i += 1
            }
            return o
        }
    }

    /// True when no byte has its high bit set (8 bytes at a time).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}

/// Windows-1252 for 0x80–0x9F (the five undefined bytes 0x81 0x8D 0x8F 0x90 0x9D kept as
/// ISO-8859-1 control characters); 0xA0–0xFF are the same in both.
enum Latin {
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar of one byte ≥ 0x80.
    @inline(__always)
    static func scalar(_ b: UInt8) -> UInt32 {
        b < 0xA0 ? high[Int(b) - 0x80] : UInt32(b)
    }
}

/// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF), fast on ASCII.
enum UTF8Check {
    /// The offset of the first invalid byte, or nil when the whole buffer is valid UTF-8.
    static func firstInvalid(_ buf: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buf.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let n = buf.count
        var i = 0
        while i < n {
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8; continue
            }
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            if i + need >= n { return i }
            let c1 = base[i + 1]
            if c1 < lo || c1 > hi { return i }
            var k = 2
            while k <= need {
                if base[i + k] & 0xC0 != 0x80 { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }
}
