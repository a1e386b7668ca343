import AlimCore
import Foundation

/// Entry point for `alim-bench-xml` (scripts/bench-xml.sh). Not used by the pipeline.
///
/// Two modes, because the stage contract returns every record of the set (so the full stage grows
/// with the record count) while the reader itself must stay flat: `run` is the full `XMLIngest.read`,
/// `runReader` is the streaming reader alone, feeding a sink that only counts.
public enum XMLBenchmark {
    /// What `run` read: the summary line, and the stage's output itself, which the driver keeps alive
    /// until the process exits so that the measure is `XMLIngest.read`, not the freeing of its result.
    public struct Outcome: Sendable {
        public var summary: String
        let ingest: PartialIngest
    }

    /// Reads the given files as one XML set, exactly as the pipeline does.
    public static func run(paths: [String], config: AlimConfig = .default) -> Outcome {
        let files = paths.map { InboxFile(url: URL(fileURLWithPath: $0), relativePath: ($0 as NSString).lastPathComponent) }
        let result = XMLIngest.read(files: files, config: config)
        let statuses = result.files.map { "\($0.file)=\($0.status.rawValue)" }.joined(separator: " ")
        return Outcome(summary: "records=\(result.records.count) rejects=\(result.rejects.count) warnings=\(result.warnings.count) \(statuses)",
                       ingest: result)
    }

    /// Streams the given files through the record reader with the SIECLE or AAF name table and capture
    /// rule, decoding every kept value, and keeps nothing but counts; returns a one-line summary.
    public static func runReader(paths: [String], config: AlimConfig = .default) -> String {
        var parts: [String] = []
        for path in paths {
            let sink = CountingSink()
            do {
                _ = try XMLRecordStream.run(path: path, encoding: nil, maxRecords: config.limits.maxRecordsPerFile) { root in
                    if SIECLEHandler.roots[root] != nil { sink.format = .siecle; return sink }
                    if root == AAFHandler.root { sink.format = .aaf; return sink }
                    return nil
                }
                parts.append("\((path as NSString).lastPathComponent): records=\(sink.records) values=\(sink.values) bytes=\(sink.bytes)")
            } catch let error as XMLParseError {
                parts.append("\((path as NSString).lastPathComponent): refused \(error.location)")
            } catch {
                parts.append("\((path as NSString).lastPathComponent): refused")
            }
        }
        return parts.joined(separator: " ")
    }

    /// Counts records and decoded values: the "consumer" of the reader-only benchmark.
    private final class CountingSink: XMLRecordHandler {
        enum Format { case siecle, aaf }
        var format = Format.siecle
        var records = 0
        var values = 0
        var bytes = 0

        var names: [String] { format == .siecle ? SIECLETag.names : AAFTag.names }

        func captures(depth: Int, name: Int16) -> Bool {
            format == .siecle ? depth == 3 || (depth == 1 && name == SIECLETag.PARAMETRES.rawValue) : depth == 1
        }

        func consume(_ record: XMLRecord) {
            records += 1
            for i in record.nodes.indices {
                guard let text = record.text(of: Int32(i)) else { continue }
                values += 1
                bytes += text.utf8.count
            }
        }

        func comment(_ text: String) {}
    }
}
