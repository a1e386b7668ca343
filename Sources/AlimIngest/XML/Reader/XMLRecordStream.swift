import CLibXML2
import Foundation

/// What a format reader (SIECLE, AAF) tells the stream: which names it reads, which elements are
/// records, and what to do with them.
///
/// The stream only keeps, per record, the elements named in `names` (flat, see `XMLRecord`), so memory
/// depends on the largest record, never on the file size, and unknown elements cost no `String`.
protocol XMLRecordHandler: AnyObject {
    /// Element and attribute names the handler reads; the index is the id `XMLRecord` uses.
    var names: [String] { get }
    /// Whether the element starting at this depth (root = 0) is a record to capture whole
    /// (`name` is its id in `names`, or -1).
    func captures(depth: Int, name: Int16) -> Bool
    /// Receives one captured record, in document order. The record is reused afterwards: copy out
    /// what must be kept.
    func consume(_ record: XMLRecord)
    /// Receives comments directly under the root (AAF puts `degre` and the version there).
    func comment(_ text: String)
}

/// Drives an `XMLStreamReader` over a file and hands records to the handler the root element chooses.
enum XMLRecordStream {
    /// How a streamed file ended.
    enum Outcome {
        /// Read to the end without error.
        case completed
        /// The root element belongs to no known export: reading stopped there.
        case unrecognised(root: String)
    }

    /// Streams `path`. `choose` sees the root element and returns the handler, or nil for an unknown export.
    /// Throws `XMLParseError` on the first malformation, entity, or when more than `maxRecords` records come.
    static func run(path: String, encoding: String?, maxRecords: Int,
                    choose: (_ root: String) -> XMLRecordHandler?) throws -> Outcome {
        let reader = try XMLStreamReader(path: path, encoding: encoding)
        let r = reader.raw
        var handler: XMLRecordHandler?
        var table = XMLNameTable(names: []) { _ in nil }
        var record = XMLRecord()
        // Open elements of the record being captured: index in `record.nodes`, or -1 for an element
        // the handler does not read (its whole subtree is skipped).
        var stack: [Int32] = []
        stack.reserveCapacity(16)
        var records = 0

        func entityError() -> XMLParseError {
            XMLParseError(kind: .entity, line: reader.line, column: reader.column,
                          reason: "Fichier XML refusé : il déclare ou utilise des entités (<!ENTITY>), interdites pour des raisons de sécurité (XXE, « billion laughs »)",
                          detail: nil)
        }
        let limitReason = "Fichier refusé : il dépasse la limite de \(maxRecords) enregistrements (max_records_per_file)"

        while try reader.read() {
            switch xmlTextReaderNodeType(r) {
            case XMLStreamReader.NodeType.element.rawValue:
                let depth = Int(xmlTextReaderDepth(r))
                if depth == 0 {
                    if reader.declaresEntities { throw entityError() }
                    guard let chosen = choose(reader.localName) else { return .unrecognised(root: reader.localName) }
                    handler = chosen
                    table = XMLNameTable(names: chosen.names) { reader.intern($0) }
                    continue
                }
                guard let handler else { continue }
                let empty = xmlTextReaderIsEmptyElement(r) == 1
                let name = table.id(xmlTextReaderConstLocalName(r).map(UnsafeRawPointer.init))
                guard let parent = stack.last else {
                    guard handler.captures(depth: depth, name: name) else { continue }
                    record.reset(name: name, line: reader.line)
                    if name >= 0 { readAttributes(r, table, node: 0, into: &record) }
                    if empty {
                        records += 1
                        if records > maxRecords { throw XMLParseError(kind: .limit, line: record.line, column: 0, reason: limitReason, detail: nil) }
                        handler.consume(record)
                    } else {
                        stack.append(name >= 0 ? 0 : -1)
                    }
                    continue
                }
                let node: Int32 = parent >= 0 && name >= 0 ? record.appendNode(name: name, parent: parent) : -1
                if node >= 0 { readAttributes(r, table, node: node, into: &record) }
                if !empty { stack.append(node) }
            case XMLStreamReader.NodeType.endElement.rawValue:
                guard stack.popLast() != nil else { continue }
                if stack.isEmpty {
                    records += 1
                    if records > maxRecords { throw XMLParseError(kind: .limit, line: record.line, column: 0, reason: limitReason, detail: nil) }
                    handler?.consume(record)
                }
            case XMLStreamReader.NodeType.text.rawValue, XMLStreamReader.NodeType.cdata.rawValue:
                if let top = stack.last, top >= 0, let v = xmlTextReaderConstValue(r) { record.appendText(node: top, v) }
            case XMLStreamReader.NodeType.significantWhitespace.rawValue:
                // libxml2 reports blanks between elements as significant whitespace (no xml:space
                // means "preserve" to it): they only matter between two pieces of a node's text.
                if let top = stack.last, top >= 0, let v = xmlTextReaderConstValue(r) { record.appendText(node: top, v, blank: true) }
            case XMLStreamReader.NodeType.comment.rawValue:
                if stack.isEmpty, xmlTextReaderDepth(r) == 1 { handler?.comment(reader.value) }
            case XMLStreamReader.NodeType.documentType.rawValue:
                if reader.declaresEntities { throw entityError() }
            case XMLStreamReader.NodeType.entityReference.rawValue, XMLStreamReader.NodeType.entity.rawValue,
                 XMLStreamReader.NodeType.endEntity.rawValue:
                throw entityError()
            default:
                continue
            }
        }
        return .completed
    }

    /// Keeps the attributes of a kept element whose names the handler reads.
    @inline(__always)
    private static func readAttributes(_ r: xmlTextReaderPtr, _ table: XMLNameTable, node: Int32, into record: inout XMLRecord) {
        guard xmlTextReaderHasAttributes(r) == 1 else { return }
        while xmlTextReaderMoveToNextAttribute(r) == 1 {
            let id = table.id(xmlTextReaderConstLocalName(r).map(UnsafeRawPointer.init))
            if id >= 0, let v = xmlTextReaderConstValue(r) { record.appendAttribute(node: node, name: id, v) }
        }
        xmlTextReaderMoveToElement(r)
    }
}
