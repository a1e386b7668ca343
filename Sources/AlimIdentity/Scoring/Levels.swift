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

    /// `names` over interned features: the same levels, comparing ids and touching bytes only for typos.
    static func names(_ a: NameFeature, _ b: NameFeature, _ f: FeatureTable) -> Level {
        if a.isEmpty || b.isEmpty { return .missing }
        if a.compact == b.compact || (a.core >= 0 && a.core == b.core) { return .exact }
        if a.tokenCount != b.tokenCount {
            let (short, long) = a.tokenCount < b.tokenCount ? (a, b) : (b, a)
            let longTokens = f.tokens[Int(long.tokenStart)..<Int(long.tokenStart + long.tokenCount)]
            var significant = 0, contained = true
            for k in Int(short.tokenStart)..<Int(short.tokenStart + short.tokenCount) {
                let t = f.tokens[k]
                if f.particle[Int(t)] { continue }
                significant += 1
                if !longTokens.contains(t) { contained = false; break }
            }
            if significant > 0, contained { return .partial }
        }
        return f.strings.withBytes(a.typoForm, b.typoForm) { x, y in
            if abs(x.count - y.count) <= 2 {
                if StringSimilarity.withinOneEdit(x, y) { return .close }
                if min(x.count, y.count) >= 5, StringSimilarity.jaroWinkler(x, y) >= 0.94 { return .close }
            }
            return .different
        }
    }

    /// `dates` over `YYYYMMDD` integers (-1 when missing).
    static func dates(_ a: Int32, _ b: Int32) -> DateLevel {
        if a < 0 || b < 0 { return .missing }
        if a == b { return .exact }
        let (ya, ma, da) = (a / 10000, a / 100 % 100, a % 100), (yb, mb, db) = (b / 10000, b / 100 % 100, b % 100)
        if ya == yb, ma == db, da == mb { return .swappedDayMonth }
        var x = a, y = b, diff = 0
        for _ in 0..<8 { if x % 10 != y % 10 { diff += 1 }; x /= 10; y /= 10 }
        return diff == 1 ? .oneDigit : .different
    }

    /// Years between two `YYYYMMDD` integers, or nil when one is missing.
    static func yearGap(_ a: Int32, _ b: Int32) -> Int? {
        a < 0 || b < 0 ? nil : Int(abs(a / 10000 - b / 10000))
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
