import AlimCore
import Foundation

/// Entry point for `alim-bench-xml` (scripts/bench-xml.sh): reads the given files as one XML set,
/// exactly as the pipeline does, and returns a one-line summary. Not used by the pipeline.
public enum XMLBenchmark {
    public static func run(paths: [String], config: AlimConfig = .default) -> String {
        let files = paths.map { InboxFile(url: URL(fileURLWithPath: $0), relativePath: ($0 as NSString).lastPathComponent) }
        let result = XMLIngest.read(files: files, config: config)
        let statuses = result.files.map { "\($0.file)=\($0.status.rawValue)" }.joined(separator: " ")
        return "records=\(result.records.count) rejects=\(result.rejects.count) warnings=\(result.warnings.count) \(statuses)"
    }
}
