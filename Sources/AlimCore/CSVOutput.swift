import Foundation

/// Writes the CSV files other tools read (accounts.csv, lineage.csv, rejects.csv…).
///
/// The contract is fixed: UTF-8 with BOM, `;`-separated, RFC 4180 quoting, CRLF line ends, the header
/// row exactly as given. People open these files in a spreadsheet, so a cell that starts with
/// `=`, `+`, `-`, `@`, tab or carriage return is neutralised with a leading apostrophe (OWASP
/// CSV-injection advice): a name such as `=HYPERLINK(…)` is shown, never evaluated.
public struct CSVOutput: Sendable {
    public let header: [String]
    private var rows: [[String]] = []

    public init(header: [String]) {
        self.header = header
    }

    /// Adds one row; it must have as many cells as the header.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "CSV row has \(row.count) cells, header has \(header.count)")
        rows.append(row)
    }

    /// The rows added so far, in order.
    public var rowCount: Int { rows.count }

    /// The complete file, BOM included.
    public func encoded() -> Data {
        var text = ""
        text.reserveCapacity(64 * (rows.count + 1))
        Self.appendLine(header, to: &text, neutralise: false)
        for row in rows { Self.appendLine(row, to: &text, neutralise: true) }
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(contentsOf: Array(text.utf8))
        return data
    }

    private static func appendLine(_ cells: [String], to text: inout String, neutralise: Bool) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { text.append(";") }
            text.append(quoted(neutralise ? neutralised(cell) : cell))
        }
        text.append("\r\n")
    }

    /// Prefixes a cell a spreadsheet would read as a formula.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + cell
        default: return cell
        }
    }

    /// RFC 4180: quote when the cell holds the separator, a quote or a line break; double inner quotes.
    /// Scalars, not Characters: `\r\n` is one Character, equal to neither `\r` nor `\n`.
    public static func quoted(_ cell: String) -> String {
        let needs = cell.unicodeScalars.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        guard needs else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
