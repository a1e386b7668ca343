import AlimCore
import Foundation

/// The bytes of one CSV file after the checks that refuse a file before any row is read:
/// size limit, emptiness, binary content, the encoding decision and the separator.
///
/// Encoding order (from the samples README): BOM, then UTF-8 validity, then 8-bit Latin. A UTF-16
/// file (BOM LE or BE, as a spreadsheet saves « texte Unicode ») is transcoded to UTF-8 here, once,
/// and then read like any UTF-8 file; the 8-bit path that every ONDE export takes is unchanged.
struct CSVDocument: Sendable {
    let bytes: [UInt8]
    /// First byte after the BOM.
    let start: Int
    let encoding: CSVEncoding
    /// The separator the header line uses, or nil when it holds none (one column).
    let detectedSeparator: CSVSeparator?

    /// The byte between fields: the header's, `;` (ONDE's) when the header has a single column.
    var separator: CSVSeparator { detectedSeparator ?? .semicolon }

    /// Reads and checks a file; the size limit is checked before reading so a huge file costs nothing.
    static func load(url: URL, limits: LimitsConfig) throws -> CSVDocument {
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw CSVRefusal("Fichier refusé : il ne peut pas être lu (\(error.localizedDescription)).")
        }
        if size > limits.maxFileBytes {
            throw CSVRefusal.limit("la taille du fichier", found: ByteCount.french(size),
                                   limit: ByteCount.french(limits.maxFileBytes), key: "max_file_bytes")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CSVRefusal("Fichier refusé : il ne peut pas être lu (\(error.localizedDescription)).")
        }
        if data.count > limits.maxFileBytes {
            throw CSVRefusal.limit("la taille du fichier", found: ByteCount.french(data.count),
                                   limit: ByteCount.french(limits.maxFileBytes), key: "max_file_bytes")
        }
        return try CSVDocument(bytes: [UInt8](data))
    }

    /// Checks bytes already in memory (tests, and files read by `load`).
    init(bytes: [UInt8]) throws {
        let (bytes, start, encoding) = try Self.decode(bytes)
        self.bytes = bytes
        self.start = start
        self.encoding = encoding
        self.detectedSeparator = bytes.withUnsafeBufferPointer { CSVSeparator.detect(in: $0, from: start) }
    }

    /// The bytes the parser reads, where they start, and how their fields decode.
    private static func decode(_ bytes: [UInt8]) throws -> ([UInt8], Int, CSVEncoding) {
        if bytes.isEmpty { throw CSVRefusal("Fichier refusé : le fichier est vide.") }
        if let bigEndian = UTF16Transcoder.bigEndian(bytes) {
            let utf8 = try UTF16Transcoder.transcode(bytes, bigEndian: bigEndian)
            if utf8.isEmpty { throw CSVRefusal("Fichier refusé : le fichier est vide.") }
            return (utf8, 0, .utf8)
        }
        var start = 0
        var encoding = CSVEncoding.latin
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            start = 3
            encoding = .utf8
        }
        let (nul, invalid): (Int?, Int?) = bytes.withUnsafeBufferPointer { buf in
            var nul: Int?
            if let base = buf.baseAddress, let hit = memchr(base, 0, buf.count) {
                nul = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            }
            if nul != nil || encoding == .utf8 { return (nul, nil) }
            return (nil, UTF8Check.firstInvalid(UnsafeBufferPointer(rebasing: buf[start...])))
        }
        if let nul {
            let (line, column) = CSVDocument.position(of: nul, in: bytes, from: start, encoding: .latin)
            throw CSVRefusal(line: line, column: column,
                             "Fichier refusé : il contient des octets nuls, ce n'est pas un fichier texte CSV.")
        }
        if encoding != .utf8 { encoding = invalid == nil ? .utf8 : .latin }
        if start >= bytes.count { throw CSVRefusal("Fichier refusé : le fichier est vide.") }
        return (bytes, start, encoding)
    }

    /// Line and character column (1-based) of a byte offset, for refusal messages only.
    static func position(of offset: Int, in bytes: [UInt8], from start: Int, encoding: CSVEncoding) -> (Int, Int) {
        var line = 1
        var lineStart = start
        var i = start
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        return (line, column(from: lineStart, to: offset, in: bytes, encoding: encoding))
    }

    /// Character column of `offset` on the line starting at `lineStart` (UTF-8 continuation bytes not counted).
    static func column(from lineStart: Int, to offset: Int, in bytes: [UInt8], encoding: CSVEncoding) -> Int {
        var column = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if encoding == .latin || bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }
}
