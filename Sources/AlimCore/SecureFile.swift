import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files atomically and privately.
///
/// Run artifacts hold personal data and activation codes for accounts of minors: every file is created
/// 0600 in 0700 folders, written to a temporary name in the same folder, flushed, then renamed, so a
/// crash never leaves a half-written artifact and a reader never sees one.
public enum SecureFile {
    /// Creates `url` and its missing parents with mode 0700 (existing folders are tightened to 0700 too
    /// when Alim owns them under a workdir).
    public static func makeDirectory(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        chmod(url.path, 0o700)
    }

    /// Atomically replaces `url` with `data`, mode 0600.
    ///
    /// `sync: false` skips the per-file flush for stages that write hundreds of files (a sheets
    /// bundle): they call `syncFileSystem(of:)` once before reporting success, which gives the same
    /// guarantee — nothing is recorded as done before it is on disk — for one flush instead of many.
    public static func write(_ data: Data, to url: URL, sync: Bool = true) throws {
        try write(to: url, sync: sync) { emit in try emit(data) }
    }

    /// Atomically replaces `url` with the bytes `produce` hands to its `emit` function, piece by piece,
    /// mode 0600: a large artifact is written as it is encoded, never held whole in memory.
    public static func write(to url: URL, sync: Bool = true, _ produce: ((Data) throws -> Void) throws -> Void) throws {
        try makeDirectory(url.deletingLastPathComponent())
        let tmp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw SecureFileError.cannotWrite(url.path, String(cString: strerror(errno))) }
        var ok = true
        func emit(_ data: Data) throws {
            guard ok else { return }
            data.withUnsafeBytes { buf in
                var offset = 0
                while offset < buf.count {
                    let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                    if n <= 0 { ok = false; break }
                    offset += n
                }
            }
        }
        do {
            try produce(emit)
        } catch {
            close(fd)
            unlink(tmp.path)
            throw error
        }
        fchmod(fd, 0o600)
        if sync && fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok else {
            unlink(tmp.path)
            throw SecureFileError.cannotWrite(url.path, String(cString: strerror(errno)))
        }
        guard rename(tmp.path, url.path) == 0 else {
            unlink(tmp.path)
            throw SecureFileError.cannotWrite(url.path, String(cString: strerror(errno)))
        }
    }

    /// Flushes everything written on the file system holding `url` (see `write(_:to:sync:)`).
    public static func syncFileSystem(of url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw SecureFileError.cannotWrite(url.path, String(cString: strerror(errno))) }
        defer { close(fd) }
        guard alim_syncfs(fd) == 0 else { throw SecureFileError.cannotWrite(url.path, String(cString: strerror(errno))) }
    }

    /// Atomically writes UTF-8 text.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}

/// glibc's `syncfs(2)`, which Swift's Glibc module hides behind `_GNU_SOURCE`.
@_silgen_name("syncfs")
private func alim_syncfs(_ fd: Int32) -> Int32

/// Why a private file could not be written.
public enum SecureFileError: Error, CustomStringConvertible {
    case cannotWrite(String, String)
    public var description: String {
        switch self {
        case let .cannotWrite(path, why): return "Impossible d'écrire \(path) : \(why)"
        }
    }
}
