import AlimCore
import Foundation

/// The ingest stage: reads every file of the inbox, whatever its format, into person records.
///
/// One entry point so the pipeline never knows about formats; each reader lives in its own folder
/// (ONDE CSV, SIECLE, AAF) and reports rejects instead of throwing on bad data.
public enum Ingest {
    /// Reads the inbox. Throws only when the inbox itself cannot be listed; a bad file becomes a
    /// refused `FileOutcome` plus a reject, and the rest of the inbox is still imported.
    ///
    /// Files are routed by content: zip or XML to the XML readers (all at once, since their links
    /// cross files), everything else to the CSV readers. Every person record read ends in exactly
    /// one of `records` or `rejects`.
    public static func run(inbox: URL, config: AlimConfig, progress: StageProgress = NoProgress()) throws -> IngestArtifact {
        let listing = try InboxWalker.list(inbox)
        var xmlFiles: [InboxFile] = []
        var csvFiles: [InboxFile] = []
        for file in listing.files {
            switch FormatSniffer.family(of: file.url) {
            case .xml: xmlFiles.append(file)
            case .csv: csvFiles.append(file)
            }
        }
        var done = 0
        var merged = CSVIngest.read(files: csvFiles, config: config, progress: progress, done: &done)
        if !xmlFiles.isEmpty {
            merged.merge(XMLIngest.read(files: xmlFiles, config: config))
        }
        for folder in listing.unreadable {
            merged.rejects.append(Finding(file: folder.path, ref: "", reason: folder.reason))
        }
        notedUnreadEntries(listing, into: &merged)
        namedEveryUnusableFile(&merged)
        progress.update(done: done, total: nil)
        return artifact(from: merged, files: listing.files, config: config)
    }

    /// The entries the walk did not hand to a reader: a refused one (link leaving the inbox, loop,
    /// special file) is a refused file and a reject; a link to a file or folder read through another
    /// path is a skipped file and a warning.
    static func notedUnreadEntries(_ listing: InboxWalker.Listing, into partial: inout PartialIngest) {
        for entry in listing.refused {
            let uai = SchoolFolder.of(relativePath: entry.path)?.uai
            partial.files.append(FileOutcome(file: entry.path, format: nil, status: .refused, uai: uai, message: entry.reason))
            partial.rejects.append(Finding(file: entry.path, ref: "", reason: entry.reason, uai: uai))
        }
        for entry in listing.duplicates {
            let uai = SchoolFolder.of(relativePath: entry.path)?.uai
            partial.files.append(FileOutcome(file: entry.path, format: nil, status: .skipped, uai: uai, message: entry.reason))
            partial.warnings.append(Finding(file: entry.path, ref: "", reason: entry.reason, uai: uai))
        }
    }

    /// Every refused or unrecognised file must be named in rejects.csv, whichever reader saw it:
    /// adds a file-level reject when a reader only recorded the outcome.
    static func namedEveryUnusableFile(_ partial: inout PartialIngest) {
        let named = Set(partial.rejects.map(\.file))
        for outcome in partial.files where outcome.status == .refused || outcome.status == .unknown {
            guard !named.contains(outcome.file) else { continue }
            let reason = outcome.status == .unknown
                ? "Format non reconnu : ce fichier n'est ni un export ONDE, ni SIECLE, ni AAF. Retirez-le de la boîte de dépôt ou déposez le bon export."
                : "Fichier refusé : " + (outcome.message ?? "illisible")
            partial.rejects.append(Finding(file: outcome.file, ref: "", reason: reason, uai: outcome.uai))
        }
    }

    /// Sorts everything and settles school names: `alim.toml` first, then names given by the
    /// sources (AAF, SIECLE), then the label of the school folder.
    static func artifact(from partial: PartialIngest, files: [InboxFile], config: AlimConfig) -> IngestArtifact {
        var names: [String: String] = [:]
        var seen: Set<UAI> = partial.schoolsPresent
        for file in files {
            guard let school = SchoolFolder.of(relativePath: file.relativePath) else { continue }
            seen.insert(school.uai)
            if let label = school.label, names[school.uai.value] == nil { names[school.uai.value] = label }
        }
        for (uai, name) in partial.schoolNames where !name.isEmpty { names[uai] = name }
        let named = Set(names.keys).union(seen.map(\.value))
        for (uai, name) in config.schools where named.contains(uai) && !name.isEmpty { names[uai] = name }
        let context = InboxContext(
            schoolsPresent: partial.schoolsPresent.sorted(),
            activated: Dictionary(partial.activated.map { ($0.login, $0) }, uniquingKeysWith: { a, b in
                (a.date ?? "") >= (b.date ?? "") ? a : b
            }).values.sorted(),
            schoolNames: names)
        return IngestArtifact(records: sortedByRef(partial.records), rejects: partial.rejects.sorted(),
                              warnings: partial.warnings.sorted(), files: partial.files.sorted(), context: context,
                              familyLinks: partial.familyLinks.sorted(), linkReview: partial.linkReview.sorted(),
                              entCredentials: partial.entCredentials.sorted())
    }

    /// Sorts records by `RecordRef` order without moving the (large) records during the sort and
    /// without re-parsing numeric refs at every comparison: same order as `RecordRef.<`.
    static func sortedByRef(_ records: [PersonRecord]) -> [PersonRecord] {
        let keys = records.map { (file: $0.ref.file, number: Int($0.ref.ref), ref: $0.ref.ref) }
        let order = records.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a.file != b.file { return a.file < b.file }
            if let x = a.number, let y = b.number, x != y { return x < y }
            if a.ref != b.ref { return a.ref < b.ref }
            return i < j
        }
        return order.map { records[$0] }
    }
}
