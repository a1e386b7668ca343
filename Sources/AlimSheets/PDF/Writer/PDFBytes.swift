import CCairoPango
import Foundation

/// The bytes of a PDF being written, with the few formatters PDF syntax needs.
///
/// Page content is mostly numbers; formatting them with `String(format:)` was a measurable part of
/// a sheet, so numbers are written digit by digit, rounded to a fixed number of decimals, trailing
/// zeros dropped — the same value always gives the same bytes.
struct PDFBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// A non-negative or negative integer in decimal.
    mutating func append(int value: Int) {
        if value < 0 { bytes.append(45) }
        var v = value.magnitude
        if v == 0 { bytes.append(48); return }
        let first = bytes.count
        while v > 0 { bytes.append(UInt8(48 + v % 10)); v /= 10 }
        bytes[first...].reverse()
    }

    /// A real rounded to `decimals` places (at most 4), without exponent or trailing zeros.
    mutating func append(real value: Double, decimals: Int = 3) {
        let scale = [1, 10, 100, 1000, 10000][min(max(decimals, 0), 4)]
        guard value.isFinite else { bytes.append(48); return }
        let scaled = Int((value * Double(scale)).rounded())
        if scaled < 0 { bytes.append(45) }
        let m = scaled.magnitude
        append(int: Int(m / UInt(scale)))
        var frac = Int(m % UInt(scale))
        guard frac != 0 else { return }
        var width = decimals
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        bytes.append(46)
        var digits = [UInt8](repeating: 48, count: width)
        var i = width - 1
        while frac > 0 { digits[i] = UInt8(48 + frac % 10); frac /= 10; i -= 1 }
        bytes.append(contentsOf: digits)
    }

    /// Four uppercase hex digits: a CID in a `TJ` string or a code in a CMap.
    mutating func append(hex16 value: UInt16) {
        bytes.append(Self.hexDigits[Int(value >> 12)])
        bytes.append(Self.hexDigits[Int(value >> 8 & 0xF)])
        bytes.append(Self.hexDigits[Int(value >> 4 & 0xF)])
        bytes.append(Self.hexDigits[Int(value & 0xF)])
    }

    /// A text string (document title): UTF-16BE with its byte-order mark, in hex, so any name survives.
    mutating func append(textString s: String) {
        bytes.append(60)
        append(hex16: 0xFEFF)
        for unit in s.utf16 { append(hex16: unit) }
        bytes.append(62)
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// A stream object's body around already compressed bytes (`/FlateDecode`); `extra` adds keys.
    static func stream(_ compressed: [UInt8], extra: String) -> [UInt8] {
        var s = PDFBytes(capacity: compressed.count + 64)
        s.append("<< /Length "); s.append(int: compressed.count); s.append(extra); s.append(" /Filter /FlateDecode >>\nstream\n")
        s.append(compressed)
        s.append("\nendstream")
        return s.bytes
    }
}

/// zlib (RFC 1950) compression, the format of PDF's `/FlateDecode`.
enum Flate {
    /// Compressed bytes at a zlib level; falls back to the input's own size bound, never fails.
    static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var bound = compressBound(uLong(input.count))
        var out = [UInt8](repeating: 0, count: Int(bound))
        let status = input.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                compress2(dst.baseAddress, &bound, src.baseAddress, uLong(input.count), level)
            }
        }
        precondition(status == Z_OK, "zlib compress2 failed with a buffer of compressBound size")
        out.removeSubrange(Int(bound)...)
        return out
    }
}
