import AlimCore
import Foundation

/// Streams one `ficAlimMENESR` file: each `addRequest`/`modifyRequest`/`deleteRequest` under the root
/// is one captured record, mapped through `AAFAttributes` so only known fields are kept in memory.
final class AAFHandler: XMLRecordHandler {
    static let root = "ficAlimMENESR"
    private(set) var result: AAFFile

    init(file: String) { result = AAFFile(file: file) }

    func captures(depth: Int, name: String) -> Bool { depth == 1 }

    /// `<!-- versionAF="AAF-VE1301" degre="1" … -->`: the degree when the export states it.
    func comment(_ text: String) {
        guard result.degree == nil, let range = text.range(of: "degre") else { return }
        let digits = text[range.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
        result.degree = Int(digits)
    }

    func consume(_ node: XMLNode) {
        let operation: AAFFile.Operation
        switch node.name {
        case "addRequest": operation = .add
        case "modifyRequest": operation = .modify
        case "deleteRequest": operation = .delete
        default: return
        }
        let category = node.child("operationalAttributes")?.children(named: "attr")
            .first { ($0.attributes["name"] ?? "").hasPrefix("categorie") }?
            .child("value")?.trimmedText ?? ""
        let id = node.child("identifier")?.value("id")

        var attrs: [(name: String, values: [String])] = []
        for attr in node.child("attributes")?.children(named: "attr") ?? [] {
            attrs.append((attr.attributes["name"] ?? "", Self.values(of: attr)))
        }
        for modification in node.child("modifications")?.children(named: "modification") ?? [] {
            if let name = modification.attributes["name"] {
                attrs.append((name, Self.values(of: modification)))
            } else {
                for attr in modification.children(named: "attr") { attrs.append((attr.attributes["name"] ?? "", Self.values(of: attr))) }
            }
        }
        var fields: [AAFField: [String]] = [:]
        var firstDegree = false
        for (name, values) in attrs {
            guard let field = AAFAttributes.fieldByName[name] else { continue }
            if AAFAttributes.firstDegreeNames.contains(name) { firstDegree = true }
            if operation == .modify || fields[field]?.isEmpty ?? true { fields[field] = values }
        }

        switch category {
        case AAFAttributes.pupilCategory, AAFAttributes.guardianCategory:
            let joinKey = fields[.joinKey]?.first
            result.requests.append(.init(operation: operation, category: category, id: id ?? joinKey, fields: fields,
                                         usesFirstDegreeNames: firstDegree, line: node.line))
        case AAFAttributes.structureCategory where operation != .delete:
            result.structures.append(.init(join: fields[.structureJoin]?.first ?? id,
                                           uai: fields[.structureUAI]?.first.flatMap { UAI($0) },
                                           name: fields[.structureName]?.first.map { $0.replacingOccurrences(of: "$", with: " ") }))
        default:
            result.skipped[category.isEmpty ? "?" : category, default: 0] += 1
        }
    }

    /// The non-empty, trimmed `value` children (`<value/>` and whitespace-only values dropped).
    private static func values(of node: XMLNode) -> [String] {
        node.children(named: "value").compactMap(\.trimmedText)
    }
}
