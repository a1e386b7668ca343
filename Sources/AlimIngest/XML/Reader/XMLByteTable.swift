import Foundation

/// Looks raw UTF-8 bytes up in a fixed list of strings without decoding them to `String`.
///
/// AAF names its fields in attribute *values* (`<attr name="ENTPersonNom">`), which libxml2 does not
/// intern: this open-addressed table (FNV-1a) matches them straight from the record buffer.
struct XMLByteTable: Sendable {
    private let keys: [[UInt8]]
    private var slots: [Int32]
    private let mask: Int

    /// `strings[i]` gets index `i`.
    init(_ strings: [String]) {
        keys = strings.map { Array($0.utf8) }
        var capacity = 16
        while capacity < strings.count * 4 { capacity <<= 1 }
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (i, key) in keys.enumerated() {
            var slot = key.withUnsafeBufferPointer { Self.hash($0) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i)
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h >> 8)
    }

    /// The index of these exact bytes, or nil.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(bytes) & mask
        while true {
            let i = slots[slot]
            if i < 0 { return nil }
            let key = keys[Int(i)]
            if key.count == bytes.count && key.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return Int(i)
            }
            slot = (slot + 1) & mask
        }
    }
}
