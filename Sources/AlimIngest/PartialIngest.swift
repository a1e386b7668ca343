import AlimCore
import Foundation

/// A file of the inbox handed to a reader: where it is and how lineage names it.
struct InboxFile: Sendable {
    /// Absolute location.
    var url: URL
    /// Path relative to the inbox, `/`-separated (the `source_file` of every output).
    var relativePath: String
}

/// What one reader family (ONDE, XML) produced; `Ingest.run` merges them into the artifact.
struct PartialIngest: Sendable {
    var records: [PersonRecord] = []
    var rejects: [Finding] = []
    var warnings: [Finding] = []
    var files: [FileOutcome] = []
    var schoolsPresent: Set<UAI> = []
    var schoolNames: [String: String] = [:]
    var activated: [ActivatedLogin] = []
    /// Lines of the ENT's account exports (secrets: activation codes).
    var entCredentials: [ENTCredentialRow] = []
    var familyLinks: [FamilyLinkAudit] = []
    var linkReview: [LinkReviewItem] = []

    /// Appends another family's results.
    mutating func merge(_ other: PartialIngest) {
        records += other.records
        rejects += other.rejects
        warnings += other.warnings
        files += other.files
        schoolsPresent.formUnion(other.schoolsPresent)
        schoolNames.merge(other.schoolNames) { a, _ in a }
        activated += other.activated
        entCredentials += other.entCredentials
        familyLinks += other.familyLinks
        linkReview += other.linkReview
    }
}
