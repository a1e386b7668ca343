import AlimCore
import Foundation

/// Turns names into login parts: `prenom.nom`, lowercase ASCII letters only.
///
/// Folding is `TextFold`'s (the one every comparison key uses): accents dropped, ligatures and
/// letters without decomposition spelled out, every other character (hyphen, space, apostrophe,
/// digit, dot) dropped, so `Jean-Pierre` → `jeanpierre`, `N'Diaye` → `ndiaye`, `DE LA FONTAINE` →
/// `delafontaine`. Each part is then truncated to `partMax` letters.
public enum LoginFolding {
    /// One folded part (may be empty when the name has no Latin letter).
    public static func part(_ name: String, partMax: Int) -> String {
        String(TextFold.letters(name).prefix(max(1, partMax)))
    }

    /// The login before collision suffixes: `prenom.nom`; a part that folds to nothing is left out,
    /// and a name with no Latin letter at all gives `utilisateur`.
    public static func base(firstName: String, lastName: String, partMax: Int) -> String {
        let parts = [part(firstName, partMax: partMax), part(lastName, partMax: partMax)].filter { !$0.isEmpty }
        return parts.isEmpty ? "utilisateur" : parts.joined(separator: ".")
    }

    /// A comparison key for names (matching, not display): folded, no separators, no truncation.
    static func key(_ name: String) -> String { TextFold.letters(name) }
}

/// Hands out logins unique per platform: `base`, then `base2`, `base3`… A login once given is never
/// given again (the state keeps every login ever issued, even for deactivated accounts).
struct LoginAllocator {
    private var taken: Set<String>
    /// Per base, the next number to try: every smaller one is taken already (`taken` only grows), so a
    /// common name's hundredth login costs one probe, not a hundred.
    private var nextNumber: [String: Int] = [:]

    init(taken: Set<String>) { self.taken = taken }

    mutating func allocate(base: String) -> String {
        var n = nextNumber[base] ?? 1
        var candidate = n == 1 ? base : base + String(n)
        while taken.contains(candidate) {
            n += 1
            candidate = base + String(n)
        }
        nextNumber[base] = n + 1
        taken.insert(candidate)
        return candidate
    }
}
