import AlimCore
import Foundation

/// One XML file parsed to the end into its per-file buffer, or the reason it was not.
///
/// Nothing of a file reaches the set before its last byte parsed cleanly: a malformed file is
/// refused whole, never half-imported.
enum ParsedXMLFile {
    case siecle(SIECLEFile)
    case aaf(AAFFile)
    /// A known export with no person data (SIECLE nomenclatures…): counted, not read.
    case skipped(message: String)
    /// Not a SIECLE or AAF export.
    case unknown(root: String)
}

/// Opens a file with the right handler for its root element, retrying undeclared Latin files.
enum XMLFileParser {
    /// Parses `url` (lineage name `relativePath`). Throws `XMLParseError` when the file is refused.
    static func parse(url: URL, relativePath: String, limits: LimitsConfig) throws -> ParsedXMLFile {
        if let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int, size > limits.maxFileBytes {
            throw XMLParseError(kind: .limit, line: 0, column: 0,
                                reason: "Fichier refusé : \(size) octets, au-delà de la limite de \(limits.maxFileBytes) octets (max_file_bytes)", detail: nil)
        }
        do {
            return try parseOnce(url: url, relativePath: relativePath, limits: limits, encoding: nil)
        } catch let error as XMLParseError where error.kind == .encoding && !declaresEncoding(url) {
            // No declaration means UTF-8; exports written in Latin without saying so are retried as ISO-8859-15.
            if let retried = try? parseOnce(url: url, relativePath: relativePath, limits: limits, encoding: "ISO-8859-15") {
                return retried
            }
            throw error
        }
    }

    private static func parseOnce(url: URL, relativePath: String, limits: LimitsConfig, encoding: String?) throws -> ParsedXMLFile {
        var siecle: SIECLEHandler?
        var aaf: AAFHandler?
        let outcome = try XMLRecordStream.run(path: url.path, encoding: encoding, maxRecords: limits.maxRecordsPerFile) { root in
            if let kind = SIECLEHandler.roots[root] {
                siecle = SIECLEHandler(file: relativePath, kind: kind)
                return siecle
            }
            if root == AAFHandler.root {
                aaf = AAFHandler(file: relativePath)
                return aaf
            }
            return nil
        }
        if case .unrecognised(let root) = outcome {
            if root.hasPrefix("BEE_") || root.hasPrefix("STS_") {
                return .skipped(message: "Export SIECLE <\(root)> sans élèves ni responsables : ignoré.")
            }
            return .unknown(root: root)
        }
        if let siecle { return .siecle(try siecle.finish()) }
        if let aaf { return .aaf(aaf.result) }
        return .unknown(root: "")
    }

    /// Whether the XML declaration names an encoding (only the first bytes are read).
    static func declaresEncoding(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        let text = String(decoding: head, as: UTF8.self)
        guard text.contains("<?xml"), let end = text.range(of: "?>") else { return false }
        return text[..<end.lowerBound].contains("encoding")
    }

    /// The inbox walk's sniff, for files given directly: a zip starts with `PK\x03\x04`.
    static func isZip(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data([0x50, 0x4B, 0x03, 0x04])
    }

    /// Whether the first non-blank byte (after a UTF-8 BOM) is `<`.
    static func looksLikeXML(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        var bytes = Array((try? handle.read(upToCount: 1024)) ?? Data())
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "<")
    }
}
