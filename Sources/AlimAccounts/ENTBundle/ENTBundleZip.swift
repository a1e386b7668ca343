import AlimCore
import Foundation
import ZIPFoundation

/// One school's bundle as zip bytes, the same bytes for the same files and run date.
///
/// Built in memory with ZIPFoundation: every entry is dated the run day at 00:00 (ZIPFoundation
/// turns the date into DOS fields in UTC, so the machine's time zone does not matter), marked 0600
/// and deflated; entries sit at the archive's root, where the ENT's importer looks for them (it
/// reads only the top folder of the unzipped bundle).
enum ENTBundleZip {
    static func archive(_ entries: [(name: String, data: Data)], date: RunDate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        let stamp = Date(timeIntervalSince1970: TimeInterval(date.dayNumber) * 86_400)
        for entry in entries {
            let data = entry.data
            try archive.addEntry(with: entry.name, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: stamp, permissions: 0o600, compressionMethod: .deflate,
                                 provider: { position, size in
                                     let start = data.startIndex + Int(position)
                                     return data.subdata(in: start..<start + size)
                                 })
        }
        guard let bytes = archive.data else { throw ENTBundleError.zip }
        return bytes
    }
}

/// Why a bundle could not be written; the operator reads the message.
public enum ENTBundleError: Error, CustomStringConvertible, Equatable {
    case zip

    public var description: String {
        switch self {
        case .zip: return "Impossible de construire l'archive du paquet d'import pour l'ENT"
        }
    }
}
