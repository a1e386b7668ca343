import AlimCore
import Foundation

/// The inputs the fuzz harnesses feed to the ingest stage, shared by the libFuzzer binary (`alim-fuzz`)
/// and the regression tests that replay every crash it ever found.
///
/// Each target turns arbitrary bytes into one inbox file, with a prefix that steers it to one reader,
/// and runs the whole ingest on it: anything but a crash, a hang or unbounded memory is acceptable.
public enum FuzzHarness: String, CaseIterable, Sendable {
    /// The byte-level CSV reader and encoding detection (raw bytes in a school folder).
    case csv
    /// The ONDE column mapping (a valid guardians header, fuzzed rows).
    case onde
    /// The XML readers (an XML declaration, fuzzed document).
    case xml

    /// The inbox-relative path and content the fuzzed bytes become.
    public func file(for input: UnsafeRawBufferPointer) -> (path: String, bytes: Data) {
        switch self {
        case .csv:
            return ("0610001A/eleves.csv", Data(input))
        case .onde:
            var data = Data(Self.ondeHeader.utf8)
            data.append(contentsOf: [0x0D, 0x0A])
            data.append(contentsOf: input)
            return ("0610001A/responsables.csv", data)
        case .xml:
            var data = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
            data.append(contentsOf: input)
            return ("colleges/export.xml", data)
        }
    }

    /// Writes the input into `scratch/inbox` and ingests it with small limits.
    @discardableResult
    public func run(_ input: UnsafeRawBufferPointer, scratch: URL) -> IngestArtifact? {
        let (path, bytes) = file(for: input)
        let inbox = scratch.appendingPathComponent("inbox")
        try? FileManager.default.removeItem(at: inbox)
        let url = inbox.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Plain write(2): Foundation's Data.write fsyncs, which would cap the fuzzer at ~60 runs/s.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if fd >= 0 {
            bytes.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        var config = AlimConfig.default
        config.limits.maxFileBytes = 1 << 20
        config.limits.maxUnzippedBytes = 1 << 20
        return try? Ingest.run(inbox: inbox, config: config)
    }

    private static let ondeHeader = #""Civilité Responsable";"Nom usage responsable";"Nom responsable";"Prénom responsable";"Courriel";"Téléphone portable";"Nom d'usage enfant";"Nom de famille enfant";"Prénom enfant";"Classes enfants""#
}
