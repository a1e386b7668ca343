/// FNV-1a 64-bit: a tiny, dependency-free hash that is identical on every platform and run
/// (Swift's `Hasher` is seeded per process and must never reach an output).
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The first `length` hex digits of the hash, zero-padded.
    static func hex(_ text: String, length: Int = 12) -> String {
        let s = String(fnv1a(text), radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - s.count)) + s).prefix(length))
    }
}
