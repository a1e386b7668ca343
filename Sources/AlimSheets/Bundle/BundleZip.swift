import AlimCore
import CCairoPango
import Foundation

/// The whole bundle as one zip, for the director to download or the département to send.
///
/// Built in memory and written 0600 (it holds the codes); entries are sorted and dated at the run
/// date, so the same bundle gives the same archive bytes. Written directly with zlib because the
/// zip was a sixth of the stage's time through ZIPFoundation (level 6, Swift CRC): PDFs and e-mails
/// get zlib's fastest level (cairo leaves object dictionaries and font programs loose: still 45 %
/// smaller), the small CSVs the default level.
enum BundleZip {
    static func make(folder: URL, rootName: String, date: RunDate, to url: URL) throws {
        var zip = ZipBuilder(date: date)
        for relative in try listFiles(folder) {
            let data = try Data(contentsOf: folder.appendingPathComponent(relative))
            let method: ZipBuilder.Method = relative.hasSuffix(".csv") ? .deflated(level: 6) : .deflated(level: 1)
            try zip.add(name: rootName + "/" + relative, data: data, method: method)
        }
        try SecureFile.write(try zip.finish(), to: url)
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
