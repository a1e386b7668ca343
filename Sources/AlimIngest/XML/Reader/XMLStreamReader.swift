import CLibXML2
import Foundation

/// A thin, safe wrapper over libxml2's `xmlTextReader`: one node at a time, never the whole file.
///
/// Safety is fixed here, not left to callers: no network, no DTD loading or validation, no entity
/// substitution, no `XML_PARSE_HUGE`, and an external-entity loader that refuses everything.
/// libxml2's messages are captured into `XMLParseError` instead of being printed to stderr.
final class XMLStreamReader {
    /// Node types of `xmlTextReaderNodeType` that the stream handles.
    enum NodeType: Int32 {
        case element = 1, text = 3, cdata = 4, entityReference = 5, entity = 6
        case processingInstruction = 7, comment = 8, documentType = 10
        case whitespace = 13, significantWhitespace = 14, endElement = 15, endEntity = 16
    }

    /// Parser options: `XML_PARSE_NONET` only, on purpose (no NOENT, no DTDLOAD/DTDATTR/DTDVALID, no HUGE).
    static let options: Int32 = Int32(XML_PARSE_NONET.rawValue)

    private let reader: xmlTextReaderPtr
    private let errors: ErrorCapture

    /// Collects the first libxml2 error of the parse; the C callbacks reach it through a raw pointer.
    final class ErrorCapture {
        var first: (line: Int, column: Int, code: Int, message: String)?
        /// `first != nil`, behind a raw pointer so the per-node check costs no exclusivity check.
        let failed: UnsafeMutablePointer<Bool> = {
            let p = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
            p.initialize(to: false)
            return p
        }()
        deinit { failed.deallocate() }
        func record(_ error: xmlErrorPtr?) {
            guard first == nil, let e = error?.pointee else { return }
            // Warnings (level 1) do not stop the parse; keep only errors.
            guard e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let msg = e.message.map { String(cString: $0) } ?? ""
            failed.pointee = true
            first = (Int(e.line), Int(e.int2), Int(e.code), msg.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    private static let errorCallback: xmlStructuredErrorFunc = { ctx, error in
        guard let ctx else { return }
        Unmanaged<ErrorCapture>.fromOpaque(ctx).takeUnretainedValue().record(error)
    }

    /// Refuses every external resource (DTD, external entity) whatever the options say.
    private static let installLoader: Void = {
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// Opens a file; `encoding` forces the byte encoding (e.g. `ISO-8859-15` for undeclared Latin files).
    init(path: String, encoding: String? = nil) throws {
        _ = Self.installLoader
        let capture = ErrorCapture()
        let ctx = Unmanaged.passUnretained(capture).toOpaque()
        // Errors raised outside the reader's context (file cannot be opened, encoding switch) go to the
        // thread's handler: route them to the capture for the reader's whole life (reset in deinit).
        xmlSetStructuredErrorFunc(ctx, Self.errorCallback)
        guard let r = xmlReaderForFile(path, encoding, Self.options) else {
            xmlSetStructuredErrorFunc(nil, nil)
            throw XMLParseError(kind: .io, line: 0, column: 0,
                                reason: "Impossible d'ouvrir le fichier XML", detail: capture.first?.message)
        }
        reader = r
        errors = capture
        xmlTextReaderSetStructuredErrorHandler(r, Self.errorCallback, ctx)
    }

    deinit {
        xmlFreeTextReader(reader)
        xmlSetStructuredErrorFunc(nil, nil)
    }

    /// Advances to the next node; false at the end of the document. Throws the first libxml2 error.
    @inline(__always)
    func read() throws -> Bool {
        let rc = xmlTextReaderRead(reader)
        if rc == 1, !errors.failed.pointee { return true }
        if rc == 0, !errors.failed.pointee { return false }
        throw currentError()
    }

    /// The captured error, classified (encoding errors are retried with another encoding by the caller).
    private func currentError() -> XMLParseError {
        guard let e = errors.first else {
            return XMLParseError(kind: .malformed, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                 column: Int(xmlTextReaderGetParserColumnNumber(reader)),
                                 reason: "Fichier XML illisible", detail: nil)
        }
        // XML_ERR_INVALID_CHAR (9), XML_ERR_UNKNOWN_ENCODING (31), XML_ERR_UNSUPPORTED_ENCODING (32),
        // XML_ERR_INVALID_ENCODING (81): the bytes do not match the encoding.
        if [9, 31, 32, 81].contains(e.code) {
            return XMLParseError(kind: .encoding, line: e.line, column: e.column,
                                 reason: "Fichier XML dont les caractères ne correspondent pas à l'encodage déclaré", detail: e.message)
        }
        // Entity errors (undeclared entity 26, entity loops 89, amplification 104/111…).
        if [26, 27, 89, 104, 111].contains(e.code) {
            return XMLParseError(kind: .entity, line: e.line, column: e.column,
                                 reason: "Fichier XML refusé : il utilise des entités (déclarations <!ENTITY>), interdites pour des raisons de sécurité", detail: e.message)
        }
        return XMLParseError(kind: .malformed, line: e.line, column: e.column,
                             reason: "Fichier XML mal formé", detail: e.message)
    }

    /// The raw reader, for the record stream's hot loop (`XMLRecordStream`), which calls libxml2's
    /// `Const*` accessors directly: they return interned or in-place strings, never malloc'd copies.
    var raw: xmlTextReaderPtr { reader }

    var depth: Int { Int(xmlTextReaderDepth(reader)) }
    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    var column: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    /// The local name of the current node (only for the root element and messages: the hot loop
    /// compares interned pointers instead).
    var localName: String {
        guard let p = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: p)
    }

    /// The value of a text, comment or attribute node.
    var value: String {
        guard let p = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: p)
    }

    /// The reader's interned copy of `name`: element and attribute names of the document are
    /// interned in the same libxml2 dictionary, so a name matches iff its pointer is this one.
    func intern(_ name: String) -> UnsafeRawPointer? {
        name.withCString { c in
            c.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xmlTextReaderConstString(reader, $0) }
        }.map { UnsafeRawPointer($0) }
    }

    /// True when the document's internal subset declares entities or parameter entities: the XXE and
    /// billion-laughs shapes. A bare `<!DOCTYPE x SYSTEM "x.dtd">` (AAF) declares none and passes.
    var declaresEntities: Bool {
        guard let node = xmlTextReaderCurrentNode(reader), let doc = node.pointee.doc else { return false }
        for dtd in [doc.pointee.intSubset, doc.pointee.extSubset] {
            guard let dtd else { continue }
            if dtd.pointee.entities != nil || dtd.pointee.pentities != nil { return true }
        }
        return false
    }
}
