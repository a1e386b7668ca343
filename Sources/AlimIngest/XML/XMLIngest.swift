import AlimCore
import Foundation

/// Reads the collège and académie XML exports (SIECLE BEE, AAF) and zipped SIECLE exports.
///
/// All XML files of the inbox are read as one set, because links cross files: SIECLE guardians
/// reference pupils of another file, AAF chunks `_0000`, `_0001`… form one export.
enum XMLIngest {
    /// Reads every XML or zip file given; never throws: a bad file is refused with line and column.
    static func read(files: [InboxFile], config: AlimConfig) -> PartialIngest {
        // TODO(ingest-xml)
        PartialIngest(files: files.map { FileOutcome(file: $0.relativePath, format: nil, status: .unknown) })
    }
}
