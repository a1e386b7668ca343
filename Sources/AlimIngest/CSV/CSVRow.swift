/// One field's place in the file: a byte range, and whether it holds `""` escapes to undo.
struct FieldSpan: Sendable {
    var start: Int
    var end: Int
    var escaped: Bool
}

/// One CSV record as the parser found it, valid only inside the parser's callback.
///
/// Fields are byte ranges decoded on demand, so columns a reader never asks for cost nothing.
/// A row shorter than the header (ONDE does not pad) simply answers "" past its last field.
struct CSVRow {
    /// Record number, header = 1 (empty lines are not records).
    let number: Int
    /// Physical line where the record starts.
    let line: Int
    let spans: [FieldSpan]
    let buffer: UnsafeBufferPointer<UInt8>
    let encoding: CSVEncoding

    var count: Int { spans.count }

    /// The field at `index`, decoded and not trimmed; "" past the end of the row.
    subscript(index: Int) -> String {
        guard index >= 0, index < spans.count else { return "" }
        let s = spans[index]
        return CSVEncoding.decode(UnsafeBufferPointer(rebasing: buffer[s.start..<s.end]), encoding: encoding, escaped: s.escaped)
    }

    /// The field at `index`, trimmed of spaces, tabs and no-break spaces; nil when empty.
    /// Trimming works on bytes, before decoding, so it costs no Foundation call per field.
    func value(_ index: Int?) -> String? {
        guard let index, index >= 0, index < spans.count else { return nil }
        let s = spans[index]
        var start = s.start, end = s.end
        while start < end {
            let w = blankWidth(at: start)
            if w == 0 { break }
            start += w
        }
        while end > start {
            let b = buffer[end - 1]
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A || (encoding == .latin && b == 0xA0) { end -= 1; continue }
            if encoding == .utf8 && b == 0xA0 && end - 2 >= start && buffer[end - 2] == 0xC2 { end -= 2; continue }
            break
        }
        if start == end { return nil }
        return CSVEncoding.decode(UnsafeBufferPointer(rebasing: buffer[start..<end]), encoding: encoding, escaped: s.escaped)
    }

    /// Bytes of the blank (space, tab, line break, no-break space) at `offset`, or 0.
    @inline(__always)
    private func blankWidth(at offset: Int) -> Int {
        let b = buffer[offset]
        if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { return 1 }
        if encoding == .latin && b == 0xA0 { return 1 }
        if encoding == .utf8 && b == 0xC2 && offset + 1 < buffer.count && buffer[offset + 1] == 0xA0 { return 2 }
        return 0
    }

    /// Whether every field is empty or blank (a row of bare separators).
    var isBlank: Bool {
        (0..<spans.count).allSatisfy { value($0) == nil }
    }

    static let blanks = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{00A0}"))
}

import Foundation
