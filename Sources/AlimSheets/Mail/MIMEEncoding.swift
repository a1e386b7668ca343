import AlimCore
import Foundation

/// The MIME encodings an .eml needs, written out so the output is exact and deterministic:
/// RFC 2047 encoded words for French headers, quoted-printable for the French body, base64 for the PDF.
enum MIMEEncoding {
    /// A header value: as is when printable ASCII, else RFC 2047 `=?UTF-8?B?…?=` words (each ≤ 75
    /// characters, split on character boundaries), folded with CRLF + space.
    static func headerValue(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }) { return text }
        var words: [String] = []
        var chunk = Data()
        for ch in text {
            let bytes = Data(String(ch).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text; line breaks become CRLF, lines ≤ 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count * 5 / 4)
        // Lines split on LF, a CR before it dropped: CRLF and LF inputs give the same message.
        var lines = Array(text.utf8).split(separator: 10, omittingEmptySubsequences: false)
        for k in lines.indices where lines[k].last == 13 { lines[k] = lines[k].dropLast() }
        for (n, line) in lines.enumerated() {
            var length = 0
            for i in line.indices {
                let b = line[i]
                let isLast = i == line.endIndex - 1
                let literal = (b >= 33 && b <= 126 && b != 61) || ((b == 32 || b == 9) && !isLast)
                let width = literal ? 1 : 3
                if length + width > 75 {
                    out.append(61); out.append(13); out.append(10)
                    length = 0
                }
                if literal { out.append(b) } else { out.append(61); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)]) }
                length += width
            }
            if n < lines.count - 1 { out.append(13); out.append(10) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Base64 in lines of 76 characters, CRLF-separated.
    static func base64Lines(_ data: Data) -> String {
        data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// RFC 5322 date at midnight UTC of the run day: `Mon, 01 Sep 2025 00:00:00 +0000`.
    static func date(_ d: RunDate) -> String {
        let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = days[((d.dayNumber % 7) + 7) % 7]
        return String(format: "%@, %02d %@ %04d 00:00:00 +0000", weekday, d.day, months[d.month - 1], d.year)
    }
}
