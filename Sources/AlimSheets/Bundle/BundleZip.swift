import AlimCore
import CCairoPango
import Foundation

/// The whole bundle as one zip, for the director to download or the département to send.
///
/// Built in memory from the files as they were written (never read back) and written 0600 (it
/// holds the codes); entries are sorted and dated at the run date, so the same bundle gives the
/// same archive bytes. PDFs (their streams and fonts already compressed) and e-mails (base64 of
/// those PDFs) are stored: deflating them again was half the stage's time for a tenth of their
/// size; the CSVs are deflated.
enum BundleZip {
    static func make(files: [String: Data], rootName: String, date: RunDate, to url: URL) throws {
        var zip = ZipBuilder(date: date)
        for relative in files.keys.sorted() {
            let method: ZipBuilder.Method = relative.hasSuffix(".csv") ? .deflated(level: 6) : .stored
            try zip.add(name: rootName + "/" + relative, data: files[relative]!, method: method)
        }
        try SecureFile.write(try zip.finish(), to: url, sync: false)
    }
}
