/// How two values of one field compare: the Fellegi–Sunter comparison level.
enum Level: Int, Sendable, Comparable {
    case missing, different, close, partial, exact
    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
}

/// How two birth dates compare.
enum DateLevel: Sendable, Equatable {
    case missing, exact, swappedDayMonth, oneDigit, different
}

/// Field comparisons the scorer and the hard rules share.
enum FieldComparison {
    /// Compares two names: equal keys, token subset (compound names), one typo, or different.
    static func names(_ a: NameKeys, _ b: NameKeys) -> Level {
        if a.isEmpty || b.isEmpty { return .missing }
        if a.compact == b.compact || (!a.core.isEmpty && a.core == b.core) { return .exact }
        if a.tokens.count != b.tokens.count {
            let (short, long) = a.tokens.count < b.tokens.count ? (a.tokens, b.tokens) : (b.tokens, a.tokens)
            let significant = short.filter { !NameNormalizer.particles.contains($0) }
            if !significant.isEmpty, significant.allSatisfy({ long.contains($0) }) { return .partial }
        }
        let x = a.core.isEmpty ? a.compact : a.core, y = b.core.isEmpty ? b.compact : b.core
        if abs(x.count - y.count) <= 2 {
            if StringSimilarity.damerauLevenshtein(x, y) <= 1 { return .close }
            if min(x.count, y.count) >= 5, StringSimilarity.jaroWinkler(x, y) >= 0.94 { return .close }
        }
        return .different
    }

    /// Compares two `YYYY-MM-DD` dates: exact, day/month swapped, one digit off, or different.
    static func dates(_ a: String?, _ b: String?) -> DateLevel {
        guard let a, let b else { return .missing }
        if a == b { return .exact }
        let pa = a.split(separator: "-"), pb = b.split(separator: "-")
        if pa.count == 3, pb.count == 3, pa[0] == pb[0], pa[1] == pb[2], pa[2] == pb[1] { return .swappedDayMonth }
        let diff = zip(a.utf8, b.utf8).filter { $0 != $1 }.count
        if diff == 1 { return .oneDigit }
        return .different
    }

    /// Years between two `YYYY-MM-DD` dates (by year digits), or nil when one is missing.
    static func yearGap(_ a: String?, _ b: String?) -> Int? {
        guard let a, let b, let ya = Int(a.prefix(4)), let yb = Int(b.prefix(4)) else { return nil }
        return abs(ya - yb)
    }
}
