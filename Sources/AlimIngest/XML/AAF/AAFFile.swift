import AlimCore
import Foundation

/// One AAF `ficAlimMENESR` file read to the end, before its requests are applied across the set.
struct AAFFile: Sendable {
    enum Operation: Sendable { case add, modify, delete }

    /// One person request (`Eleve` or `PersRelEleve`), its attributes already mapped to fields.
    struct Request: Sendable {
        var operation: Operation
        var category: String
        var id: String?
        var fields: AAFFields
        var usesFirstDegreeNames: Bool
        var line: Int
    }

    /// One `EtabEducNat` structure.
    struct Structure: Sendable {
        var join: String?
        var uai: UAI?
        var name: String?
    }

    var file: String
    /// From the root comment (`degre="1"`), when the export says it.
    var degree: Int?
    var requests: [Request] = []
    var structures: [Structure] = []
    /// Requests of categories Alim does not use (staff, subjects, MEF…), by category.
    var skipped: [String: Int] = [:]

    /// Person add requests: the person records this file holds.
    var personCount: Int { requests.filter { $0.operation == .add }.count }
}
