/// Maps the names a format reader uses to small ids by libxml2's interned pointers.
///
/// libxml2 interns every element and attribute name of a document in the reader's dictionary, so
/// comparing a node's name is one pointer lookup here, with no `String` built per node. Names the
/// table does not hold get id -1: their elements are walked but never decoded.
struct XMLNameTable {
    private var slots: [UInt]
    private var ids: [Int16]
    private let mask: Int

    /// `names[i]` gets id `i`; `intern` is the reader's `xmlTextReaderConstString`.
    init(names: [String], intern: (String) -> UnsafeRawPointer?) {
        var capacity = 16
        while capacity < names.count * 4 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        ids = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (i, name) in names.enumerated() {
            guard let p = intern(name) else { continue }
            let key = UInt(bitPattern: p)
            var slot = Self.hash(key) & mask
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & mask }
            if slots[slot] == 0 { slots[slot] = key; ids[slot] = Int16(i) }
        }
    }

    @inline(__always)
    private static func hash(_ key: UInt) -> Int {
        Int(truncatingIfNeeded: (key >> 3) &* 0x9E37_79B9_7F4A_7C15 >> 32)
    }

    /// The id of an interned name, or -1.
    @inline(__always)
    func id(_ pointer: UnsafeRawPointer?) -> Int16 {
        guard let pointer else { return -1 }
        let key = UInt(bitPattern: pointer)
        var slot = Self.hash(key) & mask
        while true {
            let s = slots[slot]
            if s == key { return ids[slot] }
            if s == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }
}

/// A closed set of element/attribute names a format reads, as an `Int16` enum whose case names are
/// the XML names themselves (`case NOM_DE_FAMILLE`): the spelling lives in one place.
protocol XMLTag: CaseIterable, RawRepresentable where RawValue == Int16 {}

extension XMLTag {
    /// The XML spellings, indexed by raw value (cases must be declared 0, 1, 2… in order).
    static var xmlNames: [String] { allCases.map { String(describing: $0) } }
}
