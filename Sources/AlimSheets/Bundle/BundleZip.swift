import AlimCore
import CCairoPango
import Foundation

/// The whole bundle as one zip, for the director to download or the département to send.
///
/// Built in memory and written 0600 (it holds the codes); entries are sorted and dated at the run
/// date, so the same bundle gives the same archive bytes. Written directly with zlib because the
/// zip was a sixth of the stage's time: PDFs are stored as they are (cairo already deflated their
/// streams), e-mails (base64, 6 bits per byte) get a fast Huffman-only pass, the CSVs a normal deflate.
enum BundleZip {
    static func make(folder: URL, rootName: String, date: RunDate, to url: URL) throws {
        var zip = ZipBuilder(date: date)
        for relative in try listFiles(folder) {
            let data = try Data(contentsOf: folder.appendingPathComponent(relative))
            let method: ZipBuilder.Method = relative.hasSuffix(".pdf") ? .stored
                : relative.hasSuffix(".eml") ? .deflated(strategy: Z_HUFFMAN_ONLY) : .deflated(strategy: Z_DEFAULT_STRATEGY)
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
