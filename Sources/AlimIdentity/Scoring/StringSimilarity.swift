/// Edit-distance measures for folded ASCII names.
///
/// One-letter typos (`BERNARD`/`BERANRD`, `LEA`/`LEO`) are the commonest error in hand-typed exports;
/// Jaro-Winkler rewards a shared start, Damerau-Levenshtein counts a transposition as one edit.
enum StringSimilarity {
    /// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters).
    static func jaroWinkler(_ a: String, _ b: String) -> Double {
        let s = Array(a.utf8), t = Array(b.utf8)
        if s.isEmpty || t.isEmpty { return s.isEmpty && t.isEmpty ? 1 : 0 }
        if s == t { return 1 }
        let window = max(0, max(s.count, t.count) / 2 - 1)
        var sMatched = [Bool](repeating: false, count: s.count)
        var tMatched = [Bool](repeating: false, count: t.count)
        var matches = 0
        for i in 0..<s.count {
            let lo = max(0, i - window), hi = min(t.count - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !tMatched[j] && s[i] == t[j] {
                sMatched[i] = true; tMatched[j] = true; matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0, k = 0
        for i in 0..<s.count where sMatched[i] {
            while !tMatched[k] { k += 1 }
            if s[i] != t[k] { transpositions += 1 }
            k += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(s.count) + m / Double(t.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, s.count, t.count), s[prefix] == t[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions).
    static func damerauLevenshtein(_ a: String, _ b: String) -> Int {
        let s = Array(a.utf8), t = Array(b.utf8)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var prev2 = [Int](repeating: 0, count: t.count + 1)
        var prev = Array(0...t.count)
        var cur = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            cur[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[t.count]
    }
}
