import AlimCore
import Foundation

/// Why a whole CSV file is refused: a French message for the director and the operator, with the
/// place in the file when there is one (1-based line and character column).
///
/// A refusal is thrown, never a crash: the ingest stage turns it into a refused `FileOutcome` and
/// one reject, and the rest of the inbox is still imported.
struct CSVRefusal: Error, Sendable, Equatable {
    var line: Int?
    var column: Int?
    var message: String

    init(line: Int? = nil, column: Int? = nil, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The `ref` of the reject: `ligne L, colonne C`, `ligne L`, or empty.
    var findingRef: String {
        switch (line, column) {
        case let (l?, c?): return "ligne \(l), colonne \(c)"
        case let (l?, nil): return "ligne \(l)"
        default: return ""
        }
    }

    /// A limit of `alim.toml` was passed: names the limit, the value found and the key that raises it.
    static func limit(_ what: String, found: String, limit: String, key: String, line: Int? = nil) -> CSVRefusal {
        CSVRefusal(line: line, "Fichier refusé : \(what) (\(found)) dépasse la limite de \(limit). "
            + "Pour l'accepter, augmentez « \(key) » dans la section [limits] de alim.toml.")
    }
}

/// Human-readable byte sizes for limit messages (`512 Mio`, `64 Kio`, `1 200 octets`).
enum ByteCount {
    static func french(_ n: Int) -> String {
        if n >= 1 << 20, n % (1 << 20) == 0 { return "\(n >> 20) Mio" }
        if n >= 1 << 10, n % (1 << 10) == 0 { return "\(n >> 10) Kio" }
        return "\(n) octets"
    }
}
