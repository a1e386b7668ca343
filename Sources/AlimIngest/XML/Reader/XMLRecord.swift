/// One captured record (a SIECLE `ELEVE`, an AAF `addRequest`…) as a flat array of its known elements.
///
/// Only elements whose name is in the handler's table are kept, with their parent index; their text and
/// the known attributes are raw UTF-8 bytes in one buffer, decoded to `String` only when the handler
/// asks. The stream reuses one value for every record (buffers keep their capacity), so reading a
/// record allocates nothing but the strings the handler keeps. A struct, not a class: the per-node
/// appends then need no dynamic exclusivity check.
struct XMLRecord {
    /// A kept element: node 0 is the record itself.
    struct Node {
        var name: Int16
        var parent: Int32
        var start: Int32 = 0
        var end: Int32 = 0
    }

    /// A kept attribute of a kept element.
    struct Attribute {
        var node: Int32
        var name: Int16
        var start: Int32
        var end: Int32
    }

    private(set) var nodes: [Node] = []
    private(set) var attributes: [Attribute] = []
    private var bytes: [UInt8] = []
    /// Line where the record starts, for rejects.
    private(set) var line = 0

    /// The record element's name id.
    var name: Int16 { nodes[0].name }

    // MARK: Building (XMLRecordStream)

    mutating func reset(name: Int16, line: Int) {
        nodes.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        self.line = line
        nodes.append(Node(name: name, parent: -1))
    }

    @inline(__always)
    mutating func appendNode(name: Int16, parent: Int32) -> Int32 {
        nodes.append(Node(name: name, parent: parent))
        return Int32(nodes.count - 1)
    }

    /// Appends character data to a node; keeps each node's text contiguous in the buffer.
    /// `blank` (a whitespace-only node) is skipped while the node has no text yet: leading blanks are
    /// trimmed anyway, and container elements (`attributes`, `ELEVE`…) then collect nothing.
    mutating func appendText(node: Int32, _ text: UnsafePointer<UInt8>, blank: Bool = false) {
        let n = Int(node)
        if blank && nodes[n].start == nodes[n].end { return }
        let count = strlen(text)
        guard count > 0 else { return }
        if nodes[n].start != nodes[n].end && Int(nodes[n].end) != bytes.count {
            // Text split around a child element: move what was read to the end first.
            let old = Array(bytes[Int(nodes[n].start)..<Int(nodes[n].end)])
            nodes[n].start = Int32(bytes.count)
            bytes.append(contentsOf: old)
        } else if nodes[n].start == nodes[n].end {
            nodes[n].start = Int32(bytes.count)
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
        nodes[n].end = Int32(bytes.count)
    }

    mutating func appendAttribute(node: Int32, name: Int16, _ value: UnsafePointer<UInt8>) {
        let start = Int32(bytes.count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: strlen(value)))
        attributes.append(Attribute(node: node, name: name, start: start, end: Int32(bytes.count)))
    }

    // MARK: Reading (format handlers)

    /// The first direct child of `parent` with this name.
    func child(_ name: Int16, of parent: Int32 = 0) -> Int32? {
        var i = Int(parent) + 1
        while i < nodes.count {
            let p = nodes[i].parent
            if p < parent { return nil }
            if p == parent && nodes[i].name == name { return Int32(i) }
            i += 1
        }
        return nil
    }

    /// Calls `body` for each direct child of `parent` with this name, in document order.
    func forEachChild(_ name: Int16, of parent: Int32, _ body: (Int32) -> Void) {
        var i = Int(parent) + 1
        while i < nodes.count {
            let p = nodes[i].parent
            if p < parent { return }
            if p == parent && nodes[i].name == name { body(Int32(i)) }
            i += 1
        }
    }

    /// Trimmed text of a node; nil when empty or blank.
    func text(of node: Int32) -> String? {
        string(Int(nodes[Int(node)].start), Int(nodes[Int(node)].end))
    }

    /// Trimmed text of the first direct child with this name; nil when absent, empty or `<X/>`.
    func value(_ name: Int16, of parent: Int32 = 0) -> String? {
        child(name, of: parent).flatMap { text(of: $0) }
    }

    /// A trimmed attribute of a node; nil when absent or empty.
    func attribute(_ name: Int16, of node: Int32 = 0) -> String? {
        for a in attributes where a.node == node && a.name == name { return string(Int(a.start), Int(a.end)) }
        return nil
    }

    /// Runs `body` on the raw (untrimmed) bytes of an attribute, without decoding; nil when absent.
    func withAttributeBytes<R>(_ name: Int16, of node: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        for a in attributes where a.node == node && a.name == name {
            return bytes.withUnsafeBufferPointer { buf in
                body(UnsafeBufferPointer(rebasing: buf[Int(a.start)..<Int(a.end)]))
            }
        }
        return nil
    }

    /// Decodes `bytes[start..<end]` trimmed of ASCII blanks (see `String.xmlTrimmed`); nil when empty.
    private func string(_ start: Int, _ end: Int) -> String? {
        var s = start, e = end
        while s < e && Self.blank(bytes[s]) { s += 1 }
        while e > s && Self.blank(bytes[e - 1]) { e -= 1 }
        guard s < e else { return nil }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[s..<e]), as: UTF8.self) }
    }

    @inline(__always)
    private static func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}

extension XMLRecord {
    func child<T: XMLTag>(_ tag: T, of parent: Int32 = 0) -> Int32? { child(tag.rawValue, of: parent) }
    func forEachChild<T: XMLTag>(_ tag: T, of parent: Int32, _ body: (Int32) -> Void) { forEachChild(tag.rawValue, of: parent, body) }
    func value<T: XMLTag>(_ tag: T, of parent: Int32 = 0) -> String? { value(tag.rawValue, of: parent) }
    /// The first non-empty value among several tag spellings (`NOM_DE_FAMILLE`, then older `NOM`).
    func value<T: XMLTag>(anyOf tags: [T], of parent: Int32 = 0) -> String? {
        for tag in tags { if let v = value(tag, of: parent) { return v } }
        return nil
    }
    func attribute<T: XMLTag>(_ tag: T, of node: Int32 = 0) -> String? { attribute(tag.rawValue, of: node) }
}

import Foundation
