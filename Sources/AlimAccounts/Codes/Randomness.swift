/// The only source of secrets: the system CSPRNG (`getrandom` on Linux behind
/// `SystemRandomNumberGenerator`). Used for the secret key and for code nonces, nowhere else.
enum Randomness {
    static func bytes(_ count: Int) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        var out = [UInt8]()
        out.reserveCapacity(count + 8)
        while out.count < count {
            let word = rng.next() as UInt64
            withUnsafeBytes(of: word) { out.append(contentsOf: $0) }
        }
        return Array(out.prefix(count))
    }
}
