/// A light French phonetic key for blocking surnames.
///
/// Typos and lost letters (`MARTIN`/`MARTAIN`, `PHILIPPE`/`FILIPE`, `BERNARD`/`BERNART`) must still land
/// in one block; the key keeps the first sound and the consonant skeleton, merging letters that French
/// spelling swaps. It only chooses which pairs get compared, never decides a match.
enum Phonetic {
    /// Digraphs rewritten before the letter pass, longest first.
    static let digraphs: [(String, String)] = [
        ("SCH", "CH"), ("PH", "F"), ("QU", "K"), ("GU", "G"), ("CK", "K"), ("TH", "T"), ("SC", "S"),
        ("CE", "SE"), ("CI", "SI"), ("CY", "SI"), ("GE", "JE"), ("GI", "JI"), ("EAU", "O"), ("AU", "O"),
        ("OU", "U"), ("AI", "E"), ("EI", "E"), ("Y", "I"), ("W", "V"), ("Z", "S"), ("X", "KS"),
    ]

    /// Letters merged into one class.
    static let classes: [Character: Character] = [
        "C": "K", "Q": "K", "K": "K", "D": "T", "T": "T", "B": "P", "P": "P", "N": "M", "M": "M",
    ]

    /// The key of a compact folded name (`MARTIN` → `MRTM`), at most six characters.
    static func key(_ compact: String) -> String {
        guard !compact.isEmpty else { return "" }
        var s = compact
        for (from, to) in digraphs where s.contains(from) { s = s.replacingOccurrences(of: from, with: to) }
        // Silent final letters.
        while let last = s.last, s.count > 2, "STXDH".contains(last) { s.removeLast() }
        var out: [Character] = []
        for (i, c) in s.enumerated() {
            if c == "H" { continue }
            let vowel = "AEIOU".contains(c)
            if vowel && i > 0 { continue }
            let mapped: Character = vowel ? "A" : (classes[c] ?? c)
            if out.last != mapped { out.append(mapped) }
            if out.count == 6 { break }
        }
        return String(out)
    }
}

import Foundation
