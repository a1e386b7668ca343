import AlimCore
import Foundation
import ZIPFoundation

/// The whole bundle as one zip, for the director to download or the département to send.
///
/// Built in memory and written 0600 (it holds the codes); entries are sorted and dated at the run
/// date, so the same bundle gives the same archive bytes.
enum BundleZip {
    static func make(folder: URL, rootName: String, date: RunDate, to url: URL) throws {
        let files = try listFiles(folder)
        let archive: Archive
        do { archive = try Archive(data: Data(), accessMode: .create) } catch { throw SheetsError.zip("\(error)") }
        let modified = Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400)
        for relative in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(relative))
            do {
                try archive.addEntry(with: rootName + "/" + relative, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: modified, permissions: 0o600, compressionMethod: .deflate,
                                     provider: { position, size in
                                         data.subdata(in: Int(position)..<Int(position) + size)
                                     })
            } catch {
                throw SheetsError.zip("\(relative) : \(error)")
            }
        }
        guard let bytes = archive.data else { throw SheetsError.zip("archive vide") }
        try SecureFile.write(bytes, to: url)
    }

    /// Regular files under `folder`, relative, `/`-separated, sorted; hidden temporaries skipped.
    static func listFiles(_ folder: URL) throws -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        func walk(_ dir: URL, _ prefix: String) throws {
            for name in try fm.contentsOfDirectory(atPath: dir.path) where !name.hasPrefix(".") {
                let url = dir.appendingPathComponent(name)
                var isDir: ObjCBool = false
                fm.fileExists(atPath: url.path, isDirectory: &isDir)
                if isDir.boolValue { try walk(url, prefix + name + "/") } else { out.append(prefix + name) }
            }
        }
        try walk(folder, "")
        return out.sorted()
    }
}
