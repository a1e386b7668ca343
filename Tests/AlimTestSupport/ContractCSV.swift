import Foundation

/// Reads a CSV Alim writes (UTF-8, optional BOM, `;`, RFC 4180 quotes, CRLF) back into cells, so tests
/// check the bytes a director's spreadsheet would open, not the writer's own model.
public enum ContractCSV {
    public static func parse(_ data: Data) -> (header: [String], rows: [[String]]) {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var all: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var pending: Unicode.Scalar?
        var it = String(decoding: bytes, as: UTF8.self).unicodeScalars.makeIterator()
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { cell.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == ";" { row.append(cell); cell = "" }
            else if c == "\r" { continue }
            else if c == "\n" { row.append(cell); all.append(row); row = []; cell = "" }
            else { cell.unicodeScalars.append(c) }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); all.append(row) }
        guard let header = all.first else { return ([], []) }
        return (header, Array(all.dropFirst()))
    }
}
