/// A light French phonetic key for blocking surnames.
///
/// Typos and lost letters (`MARTIN`/`MARTAIN`, `PHILIPPE`/`FILIPE`, `BERNARD`/`BERNART`) must still land
/// in one block; the key keeps the first sound and the consonant skeleton, merging letters that French
/// spelling swaps. It only chooses which pairs get compared, never decides a match.
enum Phonetic {
    /// Digraphs rewritten before the letter pass (checked longest first at each position).
    static let digraphs: [(String, String)] = [
        ("SCH", "CH"), ("EAU", "O"), ("PH", "F"), ("QU", "K"), ("GU", "G"), ("CK", "K"), ("TH", "T"), ("SC", "S"),
        ("CE", "SE"), ("CI", "SI"), ("CY", "SI"), ("GE", "JE"), ("GI", "JI"), ("AU", "O"),
        ("OU", "U"), ("AI", "E"), ("EI", "E"), ("Y", "I"), ("W", "V"), ("Z", "S"), ("X", "KS"),
    ].map { ($0.0, $0.1) }

    private static let rules: [([UInt8], [UInt8])] = digraphs.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Letters merged into one class.
    private static func classOf(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "C"), UInt8(ascii: "Q"): return UInt8(ascii: "K")
        case UInt8(ascii: "D"): return UInt8(ascii: "T")
        case UInt8(ascii: "B"): return UInt8(ascii: "P")
        case UInt8(ascii: "N"): return UInt8(ascii: "M")
        default: return c
        }
    }

    /// The key of a compact folded name (`MARTIN` → `MARTM`-like skeleton), at most six characters.
    static func key(_ compact: String) -> String {
        let input = Array(compact.utf8)
        guard !input.isEmpty else { return "" }
        var s: [UInt8] = []
        s.reserveCapacity(input.count + 2)
        var i = 0
        outer: while i < input.count {
            for (from, to) in rules where input.count - i >= from.count && input[i..<(i + from.count)].elementsEqual(from) {
                s.append(contentsOf: to)
                i += from.count
                continue outer
            }
            s.append(input[i])
            i += 1
        }
        // Silent final letters.
        while s.count > 2, let last = s.last, "STXDH".utf8.contains(last) { s.removeLast() }
        var out: [UInt8] = []
        for (k, c) in s.enumerated() {
            if c == UInt8(ascii: "H") { continue }
            let vowel = "AEIOU".utf8.contains(c)
            if vowel && k > 0 { continue }
            let mapped = vowel ? UInt8(ascii: "A") : classOf(c)
            if out.last != mapped { out.append(mapped) }
            if out.count == 6 { break }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
