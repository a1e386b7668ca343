import Foundation

/// Why a streamed XML file could not be read; every case carries a French sentence for the director.
///
/// The whole file is refused for any of these, so the message always says where (line, column)
/// when libxml2 knows it, and what to do.
struct XMLParseError: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Not well-formed XML (libxml2 fatal error).
        case malformed
        /// The bytes do not match the declared (or default UTF-8) encoding.
        case encoding
        /// An entity declaration or reference (XXE, billion laughs): refused on principle.
        case entity
        /// A configured limit was exceeded (size, record count).
        case limit
        /// The file could not be opened or read.
        case io
    }

    var kind: Kind
    /// 1-based line, 0 when unknown.
    var line: Int
    /// 1-based column, 0 when unknown.
    var column: Int
    /// The French explanation, without the location.
    var reason: String
    /// libxml2's own English message, kept for the log and appended to the reason.
    var detail: String?

    /// `ligne L, colonne C`, or empty when libxml2 gave no position.
    var location: String { line > 0 ? "ligne \(line), colonne \(max(column, 1))" : "" }

    /// The full French message for `FileOutcome.message` and the file-level reject.
    var message: String {
        var text = reason
        if !location.isEmpty { text += " (\(location))" }
        if let detail, !detail.isEmpty { text += " ; détail de l'analyseur : « \(detail) »" }
        return text + ". Le fichier est refusé en entier : corrigez-le ou refaites l'export."
    }
}
