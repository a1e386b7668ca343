import AlimCore
import Foundation
import ZIPFoundation

/// Unpacks a zipped export (SIECLE `ExportXML_*.zip`) into a private temporary folder, safely.
///
/// Nothing is read from a zip before every entry is known to be safe: entry names with `..` or an
/// absolute path (zip slip) and archives whose declared or actually inflated size passes
/// `max_unzipped_bytes` (zip bomb) are refused whole, with nothing extracted left behind.
struct ZipExpander {
    /// One extracted entry: where it sits now and how lineage names it (`path/of.zip!entry.xml`).
    struct Entry {
        var url: URL
        var relativePath: String
    }

    /// Why a zip was refused; `reason` is French.
    struct Refusal: Error {
        var reason: String
    }

    let maxUnzippedBytes: Int
    /// The private folder the entries were extracted to; remove with `cleanUp()`.
    private(set) var folder: URL?

    init(maxUnzippedBytes: Int) { self.maxUnzippedBytes = maxUnzippedBytes }

    /// True for a name that would escape the extraction folder.
    static func isUnsafe(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("\\") { return true }
        if path.count >= 2, path.dropFirst().first == ":" { return true }
        return path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
    }

    /// Extracts every file entry; throws `Refusal` for an unsafe name, a bomb, or an unreadable archive.
    mutating func expand(zip: URL, relativePath: String) throws -> [Entry] {
        let archive: Archive
        do {
            archive = try Archive(url: zip, accessMode: .read)
        } catch {
            throw Refusal(reason: "Archive zip illisible ou corrompue")
        }
        let entries = Array(archive)
        if let bad = entries.first(where: { Self.isUnsafe($0.path) }) {
            throw Refusal(reason: "Archive zip refusée : l'entrée « \(bad.path) » désigne un chemin hors de l'archive (« .. » ou chemin absolu)")
        }
        let files = entries.filter { $0.type == .file }.sorted { $0.path < $1.path }
        let declared = files.reduce(UInt64(0)) { $0 &+ $1.uncompressedSize }
        if declared > UInt64(maxUnzippedBytes) {
            throw Refusal(reason: "Archive zip refusée : une fois décompressée elle ferait \(declared) octets, au-delà de la limite de \(maxUnzippedBytes) octets (max_unzipped_bytes)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("alim-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        self.folder = folder
        var inflated = 0
        var out: [Entry] = []
        for (n, entry) in files.enumerated() {
            let target = folder.appendingPathComponent("entry-\(n)")
            guard FileManager.default.createFile(atPath: target.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = try? FileHandle(forWritingTo: target) else {
                throw Refusal(reason: "Impossible d'extraire l'entrée « \(entry.path) » de l'archive zip")
            }
            defer { try? handle.close() }
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    inflated += chunk.count
                    if inflated > maxUnzippedBytes { throw Refusal(reason: "") }
                    try handle.write(contentsOf: chunk)
                }
            } catch is Refusal {
                throw Refusal(reason: "Archive zip refusée : sa décompression dépasse la limite de \(maxUnzippedBytes) octets (max_unzipped_bytes), bien plus que la taille annoncée")
            } catch {
                throw Refusal(reason: "Archive zip corrompue : l'entrée « \(entry.path) » ne peut pas être décompressée")
            }
            out.append(Entry(url: target, relativePath: "\(relativePath)!\(entry.path)"))
        }
        return out
    }

    /// Removes the extracted entries.
    func cleanUp() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }
}
