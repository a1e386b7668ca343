import Foundation

/// Decides from a file's first bytes which reader family gets it — never from its name, since
/// directors rename exports freely.
enum FormatSniffer {
    enum Family: Sendable, Equatable {
        /// Zip or XML: the XML readers.
        case xml
        /// Anything else: tried as CSV (which refuses binary content itself).
        case csv
    }

    /// Reads at most 4 KiB. An unreadable file goes to CSV, whose loader reports the error.
    static func family(of url: URL) -> Family {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return .csv }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return family(ofHead: [UInt8](head))
    }

    static func family(ofHead bytes: [UInt8]) -> Family {
        if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 { return .xml }
        var i = 0
        var utf16 = false
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        else if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { i = 2; utf16 = true }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || (utf16 && b == 0) { i += 1; continue }
            return b == UInt8(ascii: "<") ? .xml : .csv
        }
        return .csv
    }
}
