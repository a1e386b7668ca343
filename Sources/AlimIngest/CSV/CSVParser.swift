import AlimCore
import Foundation

/// The byte-level reader of separated files (`;`, `,` or tab, as the document's header says),
/// quoted or not, CRLF or LF, 8-bit Latin or UTF-8.
///
/// No CSV package reads 8-bit Latin, and converting a whole file first doubles the work, so this
/// reader scans bytes once and hands each record to a callback as byte ranges. It refuses a file
/// (never silently) on an unbalanced quote, and on any limit of `[limits]` in alim.toml.
struct CSVParser {
    let document: CSVDocument
    let limits: LimitsConfig

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Calls `body` for every non-empty record, header included (number 1). `body` may throw a
    /// `CSVRefusal` to stop; the row it receives must not escape the call.
    func forEachRow(_ body: (CSVRow) throws -> Void) throws {
        let doc = document
        let maxFields = limits.maxFieldsPerRow
        let maxLine = limits.maxLineBytes
        let maxRecords = limits.maxRecordsPerFile
        let separator = doc.separator.byte
        try doc.bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = doc.start
            var line = 1
            var number = 0
            var spans: [FieldSpan] = []
            spans.reserveCapacity(64)
            while i < n {
                let c0 = buf[i]
                if c0 == Self.lf { i += 1; line += 1; continue }
                if c0 == Self.cr {
                    i += (i + 1 < n && buf[i + 1] == Self.lf) ? 2 : 1
                    line += 1
                    continue
                }
                let recordStart = i
                let recordLine = line
                var lineStart = i
                spans.removeAll(keepingCapacity: true)
                fields: while true {
                    if spans.count >= maxFields {
                        throw CSVRefusal.limit("le nombre de champs de la ligne \(recordLine)", found: "plus de \(maxFields)",
                                               limit: "\(maxFields) champs", key: "max_fields_per_row", line: recordLine)
                    }
                    if i < n && buf[i] == Self.quote {
                        let openLine = line
                        let openAt = i, openLineStart = lineStart
                        var openColumn: Int { CSVDocument.column(from: openLineStart, to: openAt, in: doc.bytes, encoding: doc.encoding) }
                        i += 1
                        let fieldStart = i
                        var escaped = false
                        while true {
                            if i >= n {
                                throw CSVRefusal(line: openLine, column: openColumn,
                                    "Fichier refusé : le guillemet ouvert ligne \(openLine), colonne \(openColumn) n'est jamais refermé.")
                            }
                            let c = buf[i]
                            if c == Self.quote {
                                if i + 1 < n && buf[i + 1] == Self.quote { escaped = true; i += 2; continue }
                                break
                            }
                            if c == Self.lf { line += 1; lineStart = i + 1 }
                            i += 1
                            if i - recordStart > maxLine { throw lineLimit(recordLine) }
                        }
                        spans.append(FieldSpan(start: fieldStart, end: i, escaped: escaped))
                        i += 1
                        if i >= n { break fields }
                        let c = buf[i]
                        if c == separator { i += 1; continue fields }
                        if c == Self.cr || c == Self.lf { break fields }
                        let column = CSVDocument.column(from: lineStart, to: i, in: doc.bytes, encoding: doc.encoding)
                        throw CSVRefusal(line: openLine, column: openColumn,
                            "Fichier refusé : guillemet mal fermé — la valeur ouverte ligne \(openLine), colonne \(openColumn) "
                            + "se referme ligne \(line), colonne \(column - 1) sans être suivie \(doc.separator.quoted) ni d'une fin de ligne.")
                    } else {
                        let fieldStart = i
                        while i < n {
                            let c = buf[i]
                            if c == separator || c == Self.cr || c == Self.lf { break }
                            i += 1
                        }
                        spans.append(FieldSpan(start: fieldStart, end: i, escaped: false))
                        if i - recordStart > maxLine { throw lineLimit(recordLine) }
                        if i < n && buf[i] == separator { i += 1; continue fields }
                        break fields
                    }
                }
                if i - recordStart > maxLine { throw lineLimit(recordLine) }
                // Consume the end of line (if any) now so the next record starts clean.
                if i < n && buf[i] == Self.cr { i += 1 }
                if i < n && buf[i] == Self.lf { i += 1 }
                line += 1
                number += 1
                if number - 1 > maxRecords {
                    throw CSVRefusal.limit("le nombre d'enregistrements", found: "plus de \(maxRecords)",
                                           limit: "\(maxRecords) enregistrements", key: "max_records_per_file", line: recordLine)
                }
                try body(CSVRow(number: number, line: recordLine, spans: spans, buffer: buf, encoding: doc.encoding))
            }
        }
    }

    private func lineLimit(_ line: Int) -> CSVRefusal {
        CSVRefusal.limit("la longueur de la ligne \(line)", found: "plus de \(ByteCount.french(limits.maxLineBytes))",
                         limit: ByteCount.french(limits.maxLineBytes), key: "max_line_bytes", line: line)
    }
}
