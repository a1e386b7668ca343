import AlimCore
import Foundation

/// One SIECLE BEE file read to the end: its school, its person records and what went wrong, before
/// guardians are linked to pupils across files.
struct SIECLEFile: Sendable {
    enum Kind: Sendable { case students, guardians }

    /// One `RESPONSABLE_ELEVE` as read.
    struct Link: Sendable {
        var pupilId: String
        var personId: String
        var role: LinkRole?
        var relationship: String?
        var line: Int
    }

    var file: String
    var kind: Kind
    var uai: UAI?
    /// Pupils (students file) or guardians (guardians file, links still empty).
    var records: [PersonRecord] = []
    var rejects: [Finding] = []
    var warnings: [Finding] = []
    /// Guardians file: the links, resolved by `SIECLEResolver`.
    var links: [Link] = []

    var format: SourceFormat { kind == .students ? .siecleStudents : .siecleGuardians }
    var recordKind: RecordKind { kind == .students ? .pupil : .guardian }
}
