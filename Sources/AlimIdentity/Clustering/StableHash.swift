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
    static func hex(_ text: String, length: Int = 12) -> String { hex(fnv1a(text), length: length) }

    /// The first `length` (≤ 16) lower-case hex digits of the 16-digit zero-padded form of `hash`.
    static func hex(_ hash: UInt64, length: Int = 12) -> String {
        let digits = Array("0123456789abcdef".utf8)
        let bytes = (0..<min(length, 16)).map { k in digits[Int(hash >> (60 - 4 * UInt64(k)) & 0xF)] }
        return String(decoding: bytes, as: UTF8.self)
    }
}
