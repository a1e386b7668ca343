import Foundation

/// Lists the files of the inbox in a fixed order, so two runs over the same inbox read the same
/// files in the same order whatever the file system returns.
///
/// Hidden entries (`.DS_Store`, `.~lock…`, half-copied `.part` dot-files) are skipped; symbolic links
/// to directories are not followed (no loops); FIFOs, sockets and devices are never opened.
enum InboxWalker {
    struct Listing: Sendable {
        var files: [InboxFile] = []
        /// Sub-folders that could not be listed, relative path and French reason.
        var unreadable: [(path: String, reason: String)] = []
    }

    /// Throws only when the inbox itself cannot be listed.
    static func list(_ inbox: URL) throws -> Listing {
        let fm = FileManager.default
        let root = inbox.standardizedFileURL
        var listing = Listing()
        let top = try fm.contentsOfDirectory(atPath: root.path)
        walk(root, relative: "", entries: top, into: &listing)
        listing.files.sort { $0.relativePath < $1.relativePath }
        listing.unreadable.sort { $0.path < $1.path }
        return listing
    }

    private static func walk(_ dir: URL, relative: String, entries: [String], into listing: inout Listing) {
        let fm = FileManager.default
        for name in entries.sorted() where !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name)
            let rel = relative.isEmpty ? name : relative + "/" + name
            guard let attributes = try? fm.attributesOfItem(atPath: url.path),
                  let type = attributes[.type] as? FileAttributeType else { continue }
            switch type {
            case .typeDirectory:
                do {
                    let children = try fm.contentsOfDirectory(atPath: url.path)
                    walk(url, relative: rel, entries: children, into: &listing)
                } catch {
                    listing.unreadable.append((rel, "Dossier illisible, ses fichiers n'ont pas été importés : vérifiez ses droits d'accès."))
                }
            case .typeRegular:
                listing.files.append(InboxFile(url: url, relativePath: rel))
            case .typeSymbolicLink:
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
                   let target = try? fm.attributesOfItem(atPath: url.resolvingSymlinksInPath().path),
                   target[.type] as? FileAttributeType == .typeRegular {
                    listing.files.append(InboxFile(url: url, relativePath: rel))
                }
            default:
                continue
            }
        }
    }
}
