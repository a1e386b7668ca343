/// One captured element of a record (a SIECLE `ELEVE`, an AAF `addRequest`…) with its subtree.
///
/// Records are small, so the stream hands each one to the format reader as a tiny tree; the file
/// itself is never held in memory.
struct XMLNode: Sendable {
    var name: String
    var attributes: [String: String] = [:]
    /// Concatenated character data directly inside this element (not trimmed).
    var text: String = ""
    var children: [XMLNode] = []
    /// Line where the element starts, for rejects.
    var line: Int = 0

    init(name: String, line: Int = 0) {
        self.name = name
        self.line = line
    }

    /// The first direct child with this name.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// Direct children with this name, in document order.
    func children(named name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The trimmed text of the first direct child with this name; nil when absent, empty or `<X/>`.
    func value(_ name: String) -> String? { child(name)?.trimmedText }

    /// The first non-empty value among several tag spellings (`NOM_DE_FAMILLE`, then older `NOM`).
    func value(anyOf names: [String]) -> String? {
        for name in names { if let v = value(name) { return v } }
        return nil
    }

    /// Trimmed text, nil when empty.
    var trimmedText: String? {
        let t = text.xmlTrimmed
        return t.isEmpty ? nil : t
    }

    /// A trimmed attribute, nil when absent or empty.
    func attribute(_ name: String) -> String? {
        guard let v = attributes[name]?.xmlTrimmed, !v.isEmpty else { return nil }
        return v
    }
}

import Foundation
