import AlimCore
import Foundation

/// The layout of an Alim working folder.
///
/// ```
/// WORKDIR/            0700
///   alim.lock         held while a command changes anything
///   state.sqlite      accounts state (accounts stage)
///   secret.key        derives activation codes (0600)
///   decisions.csv     the directors' decisions on review pairs (hand-editable)
///   runs/<run-id>/    one folder per run, every artifact 0600
///   runs/latest       symlink to the newest run
/// ```
public struct Workdir: Sendable {
    public let root: URL

    public init(_ root: URL) {
        self.root = root.standardizedFileURL
    }

    public var runsFolder: URL { root.appendingPathComponent("runs", isDirectory: true) }
    public var lockFile: URL { root.appendingPathComponent("alim.lock") }
    public var decisionsFile: URL { root.appendingPathComponent("decisions.csv") }
    public var latestLink: URL { runsFolder.appendingPathComponent("latest") }

    /// The folder of one run.
    public func runFolder(_ runId: String) -> URL { runsFolder.appendingPathComponent(runId, isDirectory: true) }

    /// Creates the workdir and runs folder, 0700.
    public func prepare() throws {
        try SecureFile.makeDirectory(root)
        try SecureFile.makeDirectory(runsFolder)
    }

    /// Every run id, oldest first (ids sort by date then sequence).
    public func runIds() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runsFolder.path)) ?? []
        return names.filter { $0 != "latest" && !$0.hasPrefix(".") && RunRecord.exists(in: runFolder($0)) }.sorted()
    }

    /// The newest run id, from `runs/latest`, else the last folder.
    public func latestRunId() -> String? {
        if let dest = try? FileManager.default.destinationOfSymbolicLink(atPath: latestLink.path) {
            let id = URL(fileURLWithPath: dest).lastPathComponent
            if RunRecord.exists(in: runFolder(id)) { return id }
        }
        return runIds().last
    }

    /// A new run id for `date`: `YYYY-MM-DD-NNN`, NNN counting the runs of that day.
    ///
    /// A folder without its run record is not a run: a process killed between creating the folder and
    /// writing `run.json` left it empty, and the next run takes that id again (so a killed run and its
    /// rerun keep one id, and their outputs equal an uninterrupted run's).
    public func newRunId(date: RunDate) -> String {
        let prefix = date.description + "-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runsFolder.path)) ?? []
        let used = names.compactMap { name -> Int? in
            guard name.hasPrefix(prefix), RunRecord.exists(in: runFolder(name)) else { return nil }
            return Int(name.dropFirst(prefix.count))
        }
        return prefix + String(format: "%03d", (used.max() ?? 0) + 1)
    }

    /// Removes the temporary files a killed process left behind (`.<name>.tmp-<pid>` from `SecureFile`,
    /// `.latest.tmp-<pid>`). Only called under the lock, when no other writer can exist.
    public func sweepTemporaryFiles(in folder: URL, recursive: Bool = true) {
        let urls: [URL]
        if recursive {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return }
            urls = walker.compactMap { $0 as? URL }
        } else {
            urls = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil,
                                                                  options: [])) ?? []
        }
        for url in urls {
            let name = url.lastPathComponent
            if name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards),
               Int(name[range.upperBound...]) != nil {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    /// Points `runs/latest` at `runId`, atomically (symlink to a temp name, then rename over).
    public func markLatest(_ runId: String) throws {
        let tmp = runsFolder.appendingPathComponent(".latest.tmp-\(getpid())")
        try? FileManager.default.removeItem(at: tmp)
        try FileManager.default.createSymbolicLink(atPath: tmp.path, withDestinationPath: runId)
        guard rename(tmp.path, latestLink.path) == 0 else {
            throw SecureFileError.cannotWrite(latestLink.path, String(cString: strerror(errno)))
        }
    }
}
