/// Interns strings to dense ids (first occurrence first) and keeps their bytes in one arena.
///
/// Building the feature table interns a dozen keys per record: `Dictionary<String, Int32>` spends most
/// of that in SipHash and in one array per distinct string. Keys here are folded ASCII of a few bytes,
/// so a word-at-a-time multiplicative hash over the UTF-8 bytes and an open-addressing table of ids
/// cost a fraction of it, and the bytes the typo comparisons read sit side by side in `arena`.
/// The hash is fixed (no per-process seed): ids depend only on the order strings are interned.
struct Interner: Sendable {
    /// Open-addressing slots holding ids (-1 = empty); the count is a power of two, at most half full.
    private var slots: [Int32] = Array(repeating: -1, count: 256)
    /// Hash of each id's bytes, so a probe compares bytes only when hashes agree and growing never rehashes.
    private var hashes: [UInt64] = []
    /// Every interned string's UTF-8 bytes, back to back; id `k` is `arena[offsets[k]..<offsets[k + 1]]`.
    private(set) var arena: [UInt8] = []
    private(set) var offsets: [Int32] = [0]

    var count: Int { hashes.count }

    /// The id of `s`, interning it when new.
    mutating func id(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { id($0) }
    }

    /// The id of the string whose UTF-8 bytes are `b`, interning it when new.
    mutating func id(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        id(b, hash: Self.hash(b))
    }

    private mutating func id(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32 {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s < 0 { break }
            if hashes[Int(s)] == h, equal(s, b) { return s }
            i = (i + 1) & mask
        }
        let new = Int32(hashes.count)
        slots[i] = new
        hashes.append(h)
        arena.append(contentsOf: b)
        offsets.append(Int32(arena.count))
        if hashes.count * 2 > slots.count { grow() }
        return new
    }

    /// The id of `s` when interned, without interning it.
    func lookup(_ s: String) -> Int32? {
        var s = s
        return s.withUTF8 { b -> Int32? in
            let h = Self.hash(b)
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 {
                if hashes[Int(slots[i])] == h, equal(slots[i], b) { return slots[i] }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    /// The bytes of one id (a copy; tests and rare callers).
    func bytes(_ id: Int32) -> [UInt8] { Array(arena[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])]) }

    /// Every interned string's bytes in id order (tests compare interners with it).
    var allBytes: [[UInt8]] { (0..<count).map { bytes(Int32($0)) } }

    /// Runs `body` on the bytes of two ids without copying them.
    func withBytes<R>(_ a: Int32, _ b: Int32, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(offsets[Int(a)])..<Int(offsets[Int(a) + 1])]),
                 UnsafeBufferPointer(rebasing: all[Int(offsets[Int(b)])..<Int(offsets[Int(b) + 1])]))
        }
    }

    /// The ids `other`'s strings get here, interning them in `other`'s id order: appending the interner of
    /// the following record range gives exactly the ids one pass over both ranges would have given.
    mutating func absorb(_ other: Interner) -> [Int32] {
        var map: [Int32] = []
        map.reserveCapacity(other.count)
        other.arena.withUnsafeBufferPointer { all in
            for k in 0..<other.count {
                let b = UnsafeBufferPointer(rebasing: all[Int(other.offsets[k])..<Int(other.offsets[k + 1])])
                map.append(id(b, hash: other.hashes[k]))
            }
        }
        return map
    }

    private func equal(_ id: Int32, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = Int(offsets[Int(id)]), hi = Int(offsets[Int(id) + 1])
        guard hi - lo == b.count else { return false }
        return arena.withUnsafeBufferPointer { all in
            var k = 0
            while k < b.count, all[lo + k] == b[k] { k += 1 }
            return k == b.count
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for (id, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while bigger[i] >= 0 { i = (i + 1) & mask }
            bigger[i] = Int32(id)
        }
        slots = bigger
    }

    /// A fixed 64-bit hash of a few bytes: eight at a time, multiplied and folded (murmur-style finaliser).
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
        guard let base = b.baseAddress, b.count > 0 else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while i < b.count { tail |= UInt64(b[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        h = h &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 32)
    }
}
