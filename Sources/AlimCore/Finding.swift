import Foundation

/// A problem tied to one place of the inbox: a rejected record, a refused file or a warning.
///
/// Rejects and warnings share these columns (`source_file;source_ref;field;reason`) so a director
/// reads both the same way. The reason is always a French sentence an administrator can act on.
public struct Finding: Codable, Hashable, Sendable, Comparable {
    /// File relative to the inbox, `/`-separated.
    public var file: String
    /// Record number or id; for a whole refused file, `ligne L, colonne C` when known, else empty.
    public var ref: String
    /// The column, tag or attribute concerned, or empty.
    public var field: String
    /// French sentence: what is wrong and what to do.
    public var reason: String
    /// What the kind of record was when known (a rejected guardian still belongs in coverage.csv).
    public var kind: RecordKind?
    /// The school when known.
    public var uai: UAI?
    /// The person's name as read (`NOM Prénom`), for the director's lists; never written to rejects.csv.
    public var subject: String?

    public init(file: String, ref: String, field: String = "", reason: String,
                kind: RecordKind? = nil, uai: UAI? = nil, subject: String? = nil) {
        self.file = file
        self.ref = ref
        self.field = field
        self.reason = reason
        self.kind = kind
        self.uai = uai
        self.subject = subject
    }

    /// A finding about one record.
    public init(_ record: RecordRef, field: String = "", reason: String,
                kind: RecordKind? = nil, uai: UAI? = nil, subject: String? = nil) {
        self.init(file: record.file, ref: record.ref, field: field, reason: reason, kind: kind, uai: uai, subject: subject)
    }

    public static func < (a: Finding, b: Finding) -> Bool {
        let ra = RecordRef(file: a.file, ref: a.ref), rb = RecordRef(file: b.file, ref: b.ref)
        if ra != rb { return ra < rb }
        if a.field != b.field { return a.field < b.field }
        return a.reason < b.reason
    }
}

/// How one inbox file was handled, for the summary and the report.
public struct FileOutcome: Codable, Hashable, Sendable, Comparable {
    /// What became of the file: the report and the exit code read it.
    public enum Status: String, Codable, Sendable {
        /// Read; its records are in the artifact (some may be rejects).
        case imported
        /// Refused whole (unreadable, malformed, over a limit); none of its records imported.
        case refused
        /// Recognised but not person data Alim uses (AAF staff, subjects, MEF…).
        case skipped
        /// Not recognised as any known export.
        case unknown
    }

    public var file: String
    public var format: SourceFormat?
    public var status: Status
    /// The school the file belongs to when known.
    public var uai: UAI?
    /// Person records read (accepted + rejected).
    public var records: Int
    /// Rows that are not people and were skipped on purpose (ONDE organismes d'accueil trailer…).
    public var skippedRows: Int
    /// French message for refused/unknown files (with line and column when known).
    public var message: String?

    public init(file: String, format: SourceFormat?, status: Status, uai: UAI? = nil, records: Int = 0,
                skippedRows: Int = 0, message: String? = nil) {
        self.file = file
        self.format = format
        self.status = status
        self.uai = uai
        self.records = records
        self.skippedRows = skippedRows
        self.message = message
    }

    public static func < (a: FileOutcome, b: FileOutcome) -> Bool { a.file < b.file }
}
