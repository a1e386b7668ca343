import Foundation

/// Activation codes: re-derivable from (secret key, account id, generation, nonce) so the same code is
/// printed on every rerun without the state ever holding it in clear.
///
/// code = the first `length` symbols of the HMAC-SHA256 stream
///        HMAC(key, "alim-code-v1" 0 accountId 0 generation 0 nonce 0 counter), counter = 0, 1, …
/// mapped onto `alphabet` by rejection sampling (bytes ≥ 248 = 8 × 31 are skipped), so every symbol
/// is uniform: 10 symbols of 31 give log2(31^10) ≈ 49.5 bits.
public enum ActivationCode {
    /// No 0/O, no 1/l/I: a family copying the code from paper cannot confuse them.
    public static let alphabet: [Character] = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    /// Symbols per code.
    public static let length = 10
    /// Bits of entropy of one code.
    public static var entropyBits: Double { Double(length) * Foundation.log2(Double(alphabet.count)) }

    /// Derives the code (without group separators).
    static func derive(key: [UInt8], accountId: String, generation: Int, nonce: [UInt8]) -> String {
        let limit = 256 - 256 % alphabet.count
        var base = Array("alim-code-v1".utf8) + [0]
        base += Array(accountId.utf8) + [0]
        base += Array(String(generation).utf8) + [0]
        base += nonce + [0]
        var out: [Character] = []
        var counter: UInt32 = 0
        while out.count < length {
            let block = HMACSHA256.mac(key: key, message: base + withUnsafeBytes(of: counter.bigEndian, Array.init))
            for byte in block where Int(byte) < limit && out.count < length {
                out.append(alphabet[Int(byte) % alphabet.count])
            }
            counter += 1
        }
        return String(out)
    }

    /// `ABCDEFGHJK` → `ABCD-EFGH-JK`, as printed on the sheet.
    public static func grouped(_ raw: String) -> String {
        var parts: [String] = []
        var rest = Substring(raw)
        while !rest.isEmpty {
            parts.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return parts.joined(separator: "-")
    }
}

