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
    func value(_ index: Int?) -> String? {
        guard let index else { return nil }
        let v = self[index].trimmingCharacters(in: CSVRow.blanks)
        return v.isEmpty ? nil : v
    }

    /// Whether every field is empty or blank (a row of bare separators).
    var isBlank: Bool {
        (0..<spans.count).allSatisfy { value($0) == nil }
    }

    static let blanks = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{00A0}"))
}

import Foundation
