import Foundation

/// What a format reader (SIECLE, AAF) tells the stream: which elements are records, and what to do with them.
///
/// The stream only builds a small tree for the elements a handler captures, so memory depends on the
/// largest record, never on the file size.
protocol XMLRecordHandler: AnyObject {
    /// Whether the element starting at this depth (root = 0) is a record to capture whole.
    func captures(depth: Int, name: String) -> Bool
    /// Receives one captured record, in document order.
    func consume(_ node: XMLNode)
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
                    choose: (_ root: String, _ attributes: [String: String]) -> XMLRecordHandler?) throws -> Outcome {
        let reader = try XMLStreamReader(path: path, encoding: encoding)
        var handler: XMLRecordHandler?
        var stack: [XMLNode] = []
        var records = 0

        func deliver(_ node: XMLNode) throws {
            records += 1
            if records > maxRecords {
                throw XMLParseError(kind: .limit, line: node.line, column: 0,
                                    reason: "Fichier refusé : il dépasse la limite de \(maxRecords) enregistrements (max_records_per_file)", detail: nil)
            }
            handler?.consume(node)
        }
        func entityError() -> XMLParseError {
            XMLParseError(kind: .entity, line: reader.line, column: reader.column,
                          reason: "Fichier XML refusé : il déclare ou utilise des entités (<!ENTITY>), interdites pour des raisons de sécurité (XXE, « billion laughs »)",
                          detail: nil)
        }

        while try reader.read() {
            guard let type = reader.nodeType else { continue }
            switch type {
            case .element:
                let depth = reader.depth
                if depth == 0 {
                    if reader.declaresEntities { throw entityError() }
                    guard let chosen = choose(reader.localName, reader.attributes()) else {
                        return .unrecognised(root: reader.localName)
                    }
                    handler = chosen
                    continue
                }
                guard let handler else { continue }
                if stack.isEmpty && !handler.captures(depth: depth, name: reader.localName) { continue }
                var node = XMLNode(name: reader.localName, line: reader.line)
                node.attributes = reader.attributes()
                if reader.isEmptyElement {
                    if stack.isEmpty { try deliver(node) } else { stack[stack.count - 1].children.append(node) }
                } else {
                    stack.append(node)
                }
            case .endElement:
                guard let node = stack.popLast() else { continue }
                if stack.isEmpty { try deliver(node) } else { stack[stack.count - 1].children.append(node) }
            case .text, .cdata, .significantWhitespace:
                if !stack.isEmpty { stack[stack.count - 1].text += reader.value }
            case .comment:
                if stack.isEmpty, reader.depth == 1 { handler?.comment(reader.value) }
            case .documentType:
                if reader.declaresEntities { throw entityError() }
            case .entityReference, .entity, .endEntity:
                throw entityError()
            case .whitespace, .processingInstruction:
                continue
            }
        }
        return .completed
    }
}
