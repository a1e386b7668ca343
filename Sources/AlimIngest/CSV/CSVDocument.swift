import AlimCore
import Foundation

/// The bytes of one CSV file after the checks that refuse a file before any row is read:
/// size limit, emptiness, UTF-16, binary content, and the encoding decision.
///
/// Encoding order (from the samples README): BOM, then UTF-8 validity, then 8-bit Latin. UTF-16
/// is refused rather than decoded: no French school export writes it, and guessing gives garbage.
struct CSVDocument: Sendable {
    let bytes: [UInt8]
    /// First byte after the BOM.
    let start: Int
    let encoding: CSVEncoding

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
        if bytes.isEmpty { throw CSVRefusal("Fichier refusé : le fichier est vide.") }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw CSVRefusal("Fichier refusé : il est encodé en UTF-16, que Alim ne lit pas. "
                + "Réenregistrez-le en UTF-8 ou refaites l'export depuis ONDE sans le modifier.")
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
        self.bytes = bytes
        self.start = start
        self.encoding = encoding
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
