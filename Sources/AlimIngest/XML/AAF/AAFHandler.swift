import AlimCore
import Foundation

/// Streams one `ficAlimMENESR` file: each `addRequest`/`modifyRequest`/`deleteRequest` under the root
/// is one captured record, mapped through `AAFAttributes` so only known fields are kept in memory.
final class AAFHandler: XMLRecordHandler {
    static let root = "ficAlimMENESR"
    private(set) var result: AAFFile
    /// Reused for every request; each request keeps an exact-size copy.
    private var scratch = AAFFields()

    init(file: String) { result = AAFFile(file: file) }

    var names: [String] { AAFTag.names }

    func captures(depth: Int, name: Int16) -> Bool { depth == 1 }

    /// `<!-- versionAF="AAF-VE1301" degre="1" … -->`: the degree when the export states it.
    func comment(_ text: String) {
        guard result.degree == nil, let range = text.range(of: "degre") else { return }
        let digits = text[range.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
        result.degree = Int(digits)
    }

    func consume(_ node: XMLRecord) {
        let operation: AAFFile.Operation
        switch AAFTag(rawValue: node.name) {
        case .addRequest?: operation = .add
        case .modifyRequest?: operation = .modify
        case .deleteRequest?: operation = .delete
        default: return
        }
        var category = ""
        if let operational = node.child(AAFTag.operationalAttributes) {
            var found = false
            node.forEachChild(AAFTag.attr, of: operational) { attr in
                guard !found, node.withAttributeBytes(AAFTag.name.rawValue, of: attr, Self.isCategory) == true else { return }
                found = true
                category = node.child(AAFTag.value, of: attr).flatMap { node.text(of: $0) } ?? ""
            }
        }
        let id = node.child(AAFTag.identifier).flatMap { node.value(AAFTag.id, of: $0) }

        scratch.removeAll()
        var firstDegree = false
        /// Maps one `attr` (or named `modification`) through the table; unmapped ones are not decoded.
        func read(_ element: Int32) {
            guard let index = node.withAttributeBytes(AAFTag.name.rawValue, of: element, { AAFAttributes.table.index(of: $0) }) ?? nil
            else { return }
            let (field, oneD) = AAFAttributes.entries[index]
            if oneD { firstDegree = true }
            guard operation == .modify || !scratch.has(field) else { return }
            scratch.remove(field)
            var any = false
            node.forEachChild(AAFTag.value, of: element) {
                guard let v = node.text(of: $0) else { return }
                scratch.append(field, v)
                any = true
            }
            if !any { scratch.append(field, nil) }
        }
        if let attributes = node.child(AAFTag.attributes) {
            node.forEachChild(AAFTag.attr, of: attributes, read)
        }
        if let modifications = node.child(AAFTag.modifications) {
            node.forEachChild(AAFTag.modification, of: modifications) { modification in
                if node.attribute(AAFTag.name, of: modification) != nil {
                    read(modification)
                } else {
                    node.forEachChild(AAFTag.attr, of: modification, read)
                }
            }
        }

        let fields = scratch.compacted
        switch category {
        case AAFAttributes.pupilCategory, AAFAttributes.guardianCategory:
            let joinKey = fields.first(.joinKey)
            result.requests.append(.init(operation: operation, category: category, id: id ?? joinKey, fields: fields,
                                         usesFirstDegreeNames: firstDegree, line: node.line))
        case AAFAttributes.structureCategory where operation != .delete:
            result.structures.append(.init(join: fields.first(.structureJoin) ?? id,
                                           uai: fields.first(.structureUAI).flatMap { UAI($0) },
                                           name: fields.first(.structureName).map { $0.replacingOccurrences(of: "$", with: " ") }))
        default:
            result.skipped[category.isEmpty ? "?" : category, default: 0] += 1
        }
    }

    /// Whether an `attr name` starts with `categorie` (`categoriePersonne`, `categorieStructure`).
    private static func isCategory(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.starts(with: "categorie".utf8)
    }
}

/// The AAF element and attribute names Alim reads; the case names are the XML spellings.
enum AAFTag: Int16, XMLTag {
    case addRequest, modifyRequest, deleteRequest
    case operationalAttributes, identifier, id, attributes, modifications, modification, attr, value, name

    static let names = xmlNames
}
