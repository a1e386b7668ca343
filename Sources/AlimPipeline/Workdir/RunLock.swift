import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a workdir, so two runs (cron and an operator, say) never overlap.
///
/// Uses `flock` on `WORKDIR/alim.lock`: the kernel releases it when the process dies, so a killed
/// run never leaves a stale lock behind.
public final class RunLock {
    private let fd: Int32

    /// Takes the lock or throws `.locked` at once (never waits).
    public init(_ workdir: Workdir) throws {
        try workdir.prepare()
        let fd = open(workdir.lockFile.path, O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else { throw PipelineError.io("Impossible d'ouvrir le verrou \(workdir.lockFile.path)") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw PipelineError.locked(workdir.root.path)
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
