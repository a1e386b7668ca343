import AlimCore
import Foundation

/// The ingest stage: reads every file of the inbox, whatever its format, into person records.
///
/// One entry point so the pipeline never knows about formats; each reader lives in its own folder
/// (ONDE CSV, SIECLE, AAF) and reports rejects instead of throwing on bad data.
public enum Ingest {
    /// Reads the inbox. Throws only when the inbox itself cannot be listed; a bad file becomes a
    /// refused `FileOutcome` plus a reject, and the rest of the inbox is still imported.
    public static func run(inbox: URL, config: AlimConfig, progress: StageProgress = NoProgress()) throws -> IngestArtifact {
        // TODO(ingest-csv): walk the inbox, sniff formats, read ONDE CSV, hand XML/zip files to XMLIngest.
        IngestArtifact()
    }
}
