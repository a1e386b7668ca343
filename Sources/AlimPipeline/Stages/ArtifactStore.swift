import AlimCore
import AlimIdentity
import Foundation

/// The artifacts of one command, handed from stage to stage in memory.
///
/// A full run decodes nothing it produced itself: each stage finds the previous stage's artifact
/// here. A single-stage rerun (`alim stage`) or an operator's command starts with an empty store and
/// reads from the run folder, once per artifact. The persisted files are for those reruns only, so
/// they are written on a background queue (`BackgroundWriter`) while the next stage computes.
final class ArtifactStore {
    var ingest: IngestArtifact?
    var normalized: NormalizedArtifact?
    var identity: IdentityArtifact?
    var accounts: AccountsArtifact?
    var sheets: SheetsArtifact?
    /// The report stage's input, kept for the terminal summary `alim run` prints at the end.
    var reportText: String?
    let writer = BackgroundWriter()

    init() {}
}

/// Writes the run's files on one serial background queue, in the order asked.
///
/// Order is what keeps a killed run harmless: `run.json` marks a stage done only after that stage's
/// files, because its save is queued behind them. The first failure is kept and thrown by the next
/// `submit` or by `drain`, so a file that could not be written still stops the run.
final class BackgroundWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "alim.artifact-writer")
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var failure: Error?

    /// Queues `work`; throws a failure of earlier work first.
    func submit(_ work: @escaping @Sendable () throws -> Void) throws {
        try rethrowFailure()
        queue.async(group: group) { [self] in
            guard currentFailure() == nil else { return }
            do { try work() } catch { record(error) }
        }
    }

    /// Queues writing `value` as an artifact (encoded on the background queue).
    func artifact<T: Encodable & Sendable>(_ value: T, to url: URL, readable: Bool = false) throws {
        try submit { try ArtifactCoding.write(value, to: url, readable: readable) }
    }

    /// Queues writing a large artifact, encoded record by record as it is written (`ChunkedArtifact`).
    func artifact<T: ChunkedArtifact>(_ value: T, to url: URL) throws {
        try submit { try ArtifactCoding.writeChunked(value, to: url) }
    }

    /// Queues writing bytes built on the background queue (a CSV built from an artifact).
    func file(to url: URL, _ build: @escaping @Sendable () throws -> Data) throws {
        try submit { try SecureFile.write(try build(), to: url) }
    }

    /// Waits for every queued write; throws the first failure.
    func drain() throws {
        group.wait()
        try rethrowFailure()
    }

    private func rethrowFailure() throws {
        if let error = currentFailure() { throw error }
    }

    private func currentFailure() -> Error? {
        lock.lock(); defer { lock.unlock() }
        return failure
    }

    private func record(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        if failure == nil { failure = error }
    }
}
