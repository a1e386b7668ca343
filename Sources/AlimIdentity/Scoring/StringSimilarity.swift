/// Edit-distance measures for folded ASCII names, on bytes.
///
/// One-letter typos (`BERNARD`/`BERANRD`, `LEA`/`LEO`) are the commonest error in hand-typed exports;
/// Jaro-Winkler rewards a shared start, Damerau-Levenshtein counts a transposition as one edit. The
/// matcher only ever asks "at most one edit?" and "Jaro-Winkler above a bar?", so both work on byte
/// buffers without allocating.
enum StringSimilarity {
    /// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters).
    static func jaroWinkler(_ a: String, _ b: String) -> Double {
        jaroWinkler(Array(a.utf8), Array(b.utf8))
    }

    static func jaroWinkler(_ s: [UInt8], _ t: [UInt8]) -> Double {
        s.withUnsafeBufferPointer { s in t.withUnsafeBufferPointer { t in jaroWinkler(s, t) } }
    }

    /// Jaro-Winkler over byte buffers (the feature table's arena), without copying them.
    static func jaroWinkler(_ s: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>) -> Double {
        if s.isEmpty || t.isEmpty { return s.isEmpty && t.isEmpty ? 1 : 0 }
        if s.elementsEqual(t) { return 1 }
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: s.count + t.count) { flags in
            flags.initialize(repeating: false)
            let sOff = 0, tOff = s.count
            let window = max(0, max(s.count, t.count) / 2 - 1)
            var matches = 0
            for i in 0..<s.count {
                let lo = max(0, i - window), hi = min(t.count - 1, i + window)
                if lo > hi { continue }
                for j in lo...hi where !flags[tOff + j] && s[i] == t[j] {
                    flags[sOff + i] = true; flags[tOff + j] = true; matches += 1
                    break
                }
            }
            if matches == 0 { return 0 }
            var transpositions = 0, k = 0
            for i in 0..<s.count where flags[sOff + i] {
                while !flags[tOff + k] { k += 1 }
                if s[i] != t[k] { transpositions += 1 }
                k += 1
            }
            let m = Double(matches)
            let jaro = (m / Double(s.count) + m / Double(t.count) + (m - Double(transpositions / 2)) / m) / 3
            var prefix = 0
            while prefix < min(4, s.count, t.count), s[prefix] == t[prefix] { prefix += 1 }
            return jaro + Double(prefix) * 0.1 * (1 - jaro)
        }
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

    /// Whether the optimal-string-alignment distance is at most one, in one linear pass:
    /// equal, one substitution, one adjacent transposition, or one insertion/deletion.
    static func withinOneEdit(_ s: [UInt8], _ t: [UInt8]) -> Bool {
        s.withUnsafeBufferPointer { s in t.withUnsafeBufferPointer { t in withinOneEdit(s, t) } }
    }

    /// `withinOneEdit` over byte buffers, without copying them.
    static func withinOneEdit(_ s: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        /// Whether `x[from...]` equals `y[from + shift...]` (the tails after the edit).
        func tailsEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>, from: Int, shift: Int) -> Bool {
            guard x.count - from == y.count - from - shift else { return false }
            var k = from
            while k < x.count { if x[k] != y[k + shift] { return false }; k += 1 }
            return true
        }
        if s.count == t.count {
            var i = 0
            while i < s.count, s[i] == t[i] { i += 1 }
            if i == s.count { return true }
            // One substitution at i, or a transposition of i and i+1; the rest must agree.
            if i + 1 < s.count, s[i] == t[i + 1], s[i + 1] == t[i], tailsEqual(s, t, from: i + 2, shift: 0) { return true }
            return tailsEqual(s, t, from: i + 1, shift: 0)
        }
        let (short, long) = s.count < t.count ? (s, t) : (t, s)
        guard long.count - short.count == 1 else { return false }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        return tailsEqual(short, long, from: i, shift: 1)
    }
}
