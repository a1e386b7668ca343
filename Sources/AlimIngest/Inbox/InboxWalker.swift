import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the files of the inbox in a fixed order, so two runs over the same inbox read the same
/// files in the same order whatever the file system returns.
///
/// Hidden entries (`.DS_Store`, `.~lock…`, half-copied `.part` dot-files) are skipped. FIFOs,
/// sockets and devices are never opened: they are refused by name.
///
/// Symbolic links are judged before anything is opened, by resolving them (`realpath(3)`) and
/// comparing the result with the resolved inbox, because the inbox is written by many hands and a
/// link must not make Alim read `/etc`, another département's folder or a FIFO that never ends:
/// - a link whose target lies outside the inbox is refused unopened;
/// - a broken link, a link into a loop, or a link to a folder that contains it is refused;
/// - a link to a file is read as its target, once: when the target is also listed under its own
///   path (or through another link), only one of them is read and the others are skipped as
///   duplicates, so no person is imported twice;
/// - a link to a folder is followed at most once, and only when the walk would not reach that
///   folder through its own path anyway (a hidden folder); otherwise it is skipped as a duplicate.
///
/// Every file listed carries the resolved path as its `url`, so readers never open a link.
enum InboxWalker {
    /// An entry of the inbox that is not read, with the French reason.
    struct Entry: Sendable, Equatable {
        var path: String
        var reason: String
    }

    struct Listing: Sendable {
        var files: [InboxFile] = []
        /// Sub-folders that could not be listed, relative path and French reason.
        var unreadable: [(path: String, reason: String)] = []
        /// Entries refused without being opened: links leaving the inbox, broken links, loops,
        /// special files. Each one becomes a refused file and a reject.
        var refused: [Entry] = []
        /// Links to a file or folder that is read anyway through another path: skipped, with a warning.
        var duplicates: [Entry] = []
    }

    /// Throws only when the inbox itself cannot be listed.
    static func list(_ inbox: URL) throws -> Listing {
        let fm = FileManager.default
        let top = try fm.contentsOfDirectory(atPath: inbox.standardizedFileURL.path)
        let rootPath = resolve(inbox.standardizedFileURL.path).path ?? inbox.standardizedFileURL.path
        var walk = Walk(root: rootPath)
        walk.folders.insert(rootPath)
        walk.walk(physical: rootPath, relative: "", entries: top)
        return walk.finish()
    }

    /// `realpath(3)`: the path with every link, `.` and `..` resolved, or the `errno` that stopped it.
    static func resolve(_ path: String) -> (path: String?, error: Int32) {
        guard let resolved = realpath(path, nil) else { return (nil, errno) }
        defer { free(resolved) }
        return (String(cString: resolved), 0)
    }

    /// The state of one walk: folders already walked, the folders being walked, files found.
    private struct Walk {
        let root: String
        var listing = Listing()
        /// Resolved paths of the folders walked (or being walked).
        var folders: Set<String> = []
        /// Resolved paths of the folders enclosing the current one, root first.
        var stack: [String] = []
        /// Every file found, with its resolved path and whether a link led to it.
        var found: [(file: InboxFile, resolved: String, viaLink: Bool)] = []

        init(root: String) { self.root = root }

        /// Whether a resolved path is the inbox or lies inside it.
        func isInside(_ path: String) -> Bool {
            path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }

        /// A resolved path relative to the inbox (`""` for the inbox itself).
        func relative(_ path: String) -> String {
            path == root ? "" : String(path.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1))
        }

        mutating func walk(physical dir: String, relative: String, entries: [String]) {
            let fm = FileManager.default
            stack.append(dir)
            defer { stack.removeLast() }
            for name in entries.sorted() where !name.hasPrefix(".") {
                let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                let rel = relative.isEmpty ? name : relative + "/" + name
                guard let attributes = try? fm.attributesOfItem(atPath: path),
                      let type = attributes[.type] as? FileAttributeType else { continue }
                switch type {
                case .typeDirectory:
                    folders.insert(path)
                    enter(path, relative: rel)
                case .typeRegular:
                    found.append((InboxFile(url: URL(fileURLWithPath: path), relativePath: rel), path, false))
                case .typeSymbolicLink:
                    follow(link: path, relative: rel)
                default:
                    listing.refused.append(Entry(path: rel, reason: InboxLinkReason.special))
                }
            }
        }

        /// Lists a folder's entries and walks them; an unreadable folder is reported, not fatal.
        private mutating func enter(_ path: String, relative rel: String) {
            do {
                let children = try FileManager.default.contentsOfDirectory(atPath: path)
                walk(physical: path, relative: rel, entries: children)
            } catch {
                listing.unreadable.append((rel, "Dossier illisible, ses fichiers n'ont pas été importés : vérifiez ses droits d'accès."))
            }
        }

        /// Judges a link from its resolved target alone; the target is never opened here.
        private mutating func follow(link path: String, relative rel: String) {
            let (resolved, error) = InboxWalker.resolve(path)
            guard let target = resolved else {
                listing.refused.append(Entry(path: rel, reason: InboxLinkReason.unresolved(error)))
                return
            }
            guard isInside(target) else {
                listing.refused.append(Entry(path: rel, reason: InboxLinkReason.outside))
                return
            }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: target),
                  let type = attributes[.type] as? FileAttributeType else {
                listing.refused.append(Entry(path: rel, reason: InboxLinkReason.unresolved(ENOENT)))
                return
            }
            switch type {
            case .typeRegular:
                found.append((InboxFile(url: URL(fileURLWithPath: target), relativePath: rel), target, true))
            case .typeDirectory:
                if stack.contains(target) {
                    listing.refused.append(Entry(path: rel, reason: InboxLinkReason.loop(relative(target))))
                } else if folders.contains(target) || isReachable(target) {
                    listing.duplicates.append(Entry(path: rel, reason: InboxLinkReason.folderAlreadyWalked(relative(target))))
                } else {
                    folders.insert(target)
                    enter(target, relative: rel)
                }
            default:
                listing.refused.append(Entry(path: rel, reason: InboxLinkReason.linkToSpecial))
            }
        }

        /// Whether the walk reaches a resolved folder inside the inbox through its own path: true
        /// unless one of its folders is hidden (the walk skips those).
        private func isReachable(_ target: String) -> Bool {
            !relative(target).split(separator: "/").contains { $0.hasPrefix(".") }
        }

        /// Keeps one path per resolved file (its own path first, else the first link by name) and
        /// sorts everything.
        mutating func finish() -> Listing {
            var kept: [String: (file: InboxFile, viaLink: Bool)] = [:]
            for entry in found.sorted(by: { $0.file.relativePath < $1.file.relativePath }) {
                if let first = kept[entry.resolved], !(first.viaLink && !entry.viaLink) {
                    listing.duplicates.append(Entry(path: entry.file.relativePath,
                                                    reason: InboxLinkReason.fileAlreadyRead(first.file.relativePath)))
                    continue
                }
                if let first = kept[entry.resolved] {
                    listing.duplicates.append(Entry(path: first.file.relativePath,
                                                    reason: InboxLinkReason.fileAlreadyRead(entry.file.relativePath)))
                }
                kept[entry.resolved] = (entry.file, entry.viaLink)
            }
            listing.files = kept.values.map(\.file).sorted { $0.relativePath < $1.relativePath }
            listing.unreadable.sort { $0.path < $1.path }
            listing.refused.sort { $0.path < $1.path }
            listing.duplicates.sort { $0.path < $1.path }
            return listing
        }
    }
}
