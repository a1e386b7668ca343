import AlimCore
/// Comparison keys for one name (surname or first name).
///
/// `DE LA FONTAINE`, `De La Fontaine` and `DELAFONTAINE` must compare equal, `MARTIN-DUBOIS` must
/// meet `MARTIN DUBOIS` and, partly, `MARTIN`; so a name keeps its tokens, a compact form without
/// separators, and a compact form without leading particles.
public struct NameKeys: Codable, Hashable, Sendable {
    /// Folded tokens in order (`["DE", "LA", "FONTAINE"]`).
    public var tokens: [String]
    /// Tokens glued together (`DELAFONTAINE`): hyphen/space/apostrophe variants meet here.
    public var compact: String
    /// Compact form without leading particles (`FONTAINE`); equals `compact` when there are none.
    public var core: String

    public init(tokens: [String], compact: String, core: String) {
        self.tokens = tokens
        self.compact = compact
        self.core = core
    }

    /// True when nothing usable was written.
    public var isEmpty: Bool { compact.isEmpty }
}

/// Builds `NameKeys` from a name as exported.
enum NameNormalizer {
    /// Particles that a school may write, glue or drop (`DE LA FONTAINE` / `DELAFONTAINE` / `FONTAINE`).
    static let particles: Set<String> = [
        "DE", "DU", "DES", "LE", "LA", "LES", "D", "L", "VAN", "VON", "DER", "DEN", "DI", "DA", "DEL", "DELLA", "DOS", "DAS", "TER", "TEN",
    ]

    /// Keys for one name; apostrophes, hyphens and spaces are all token separators.
    static func keys(_ raw: String) -> NameKeys {
        let tokens = TextFold.tokens(raw)
        let compact = tokens.joined()
        var start = 0
        while start < tokens.count - 1, particles.contains(tokens[start]) { start += 1 }
        let core = tokens[start...].joined()
        return NameKeys(tokens: tokens, compact: compact, core: core)
    }
}
