import AlimCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `WORKDIR/secret.key`: 32 random bytes, mode 0600. Whoever holds it and the state can re-print
/// every valid code, so it lives beside the state and nowhere else (never in logs or artifacts).
enum SecretKey {
    static let size = 32

    /// Reads the key, creating it (0600, from the CSPRNG) when missing.
    static func loadOrCreate(at url: URL) throws -> [UInt8] {
        if FileManager.default.fileExists(atPath: url.path) {
            let bytes = [UInt8](try Data(contentsOf: url))
            guard bytes.count == size else { throw AccountsError.badSecretKey(url.path) }
            chmod(url.path, 0o600)
            return bytes
        }
        let bytes = Randomness.bytes(size)
        try SecureFile.write(Data(bytes), to: url)
        return bytes
    }
}
