import Foundation

/// The Fellegi–Sunter weights: log2(m/u) per field and comparison level.
///
/// m = P(level | same person), u = P(level | different persons). Values were set from the error
/// rates of real exports (one-letter typos, lost accents, day/month swaps) and checked on the seeded
/// generator (`scripts/gen_identity_data.py`); names use term-frequency u-probabilities instead of
/// one constant so MARTIN counts for less than a rare surname.
enum Weights {
    /// log2(m/u) with guards for degenerate probabilities.
    static func w(_ m: Double, _ u: Double) -> Double { log2(max(m, 1e-9) / max(u, 1e-9)) }

    /// m-probability that a name agrees exactly for one person (accents and case already folded).
    static let nameExactM = 0.92
    /// Bounds of the term-frequency weight of an exact name: a very rare name is strong, never decisive.
    static let surnameExactRange: ClosedRange<Double> = 3...12
    static let firstNameExactRange: ClosedRange<Double> = 2...7
    static let surnameClose = w(0.04, 0.002)     // ≈ +4.3
    static let surnamePartial = w(0.03, 0.002)   // ≈ +3.9 (MARTIN / MARTIN-DUBOIS)
    static let surnameDifferent = w(0.003, 0.98) // ≈ −8.4
    static let firstNameClose = w(0.03, 0.004)   // ≈ +2.9
    static let firstNamePartial = w(0.03, 0.004)
    static let firstNameDifferent = w(0.005, 0.98) // ≈ −7.6
    /// Names written in each other's columns.
    static let swappedPenalty = -1.0

    /// Birth date: u of exact agreement among children born within ~12 years.
    static let dateExact = w(0.95, 1.0 / 4000)        // ≈ +11.9
    static let dateSwapped = w(0.015, 1.0 / 4000 * 0.9) // ≈ +6.0
    static let dateOneDigit = w(0.01, 0.005)          // ≈ +1
    static let dateDifferent = w(0.001, 0.99)         // ≈ −10

    static let ineEqual = w(0.99, 1e-6)               // ≈ +19.9
    /// INEs one character apart: weak evidence against (a typing slip of one INE is rarer than a stranger's
    /// INE, but the other fields must carry the pair), never a veto.
    static let ineOneCharacter = -2.0
    static let sexDifferent = w(0.01, 0.5)            // ≈ −5.6

    static let phoneShared = w(0.7, 0.005)            // ≈ +7.1 (families share a home number)
    static let landlineShared = w(0.3, 0.02)          // ≈ +3.9
    static let phonesDifferent = w(0.2, 0.9)          // ≈ −2.2
    static let emailEqual = w(0.7, 0.003)             // ≈ +7.9
    static let emailsDifferent = w(0.15, 0.95)        // ≈ −2.7
    static let addressEqual = w(0.7, 0.08)            // ≈ +3.1 (a household shares it)
    static let addressDifferent = w(0.25, 0.9)        // ≈ −1.8

    /// Family graph: guardians of one child person; pupils whose guardians share a phone, e-mail or name.
    static let sharedChild = w(0.5, 0.02)             // ≈ +4.6
    static let sharedGuardian = w(0.8, 0.05)          // ≈ +4.0

    /// Term-frequency weight of an exact name agreement: log2(m / frequency), clamped.
    static func exactName(count: Int, population: Int, range: ClosedRange<Double>) -> Double {
        let f = Double(max(count, 1)) / Double(max(population, 1))
        return min(max(w(nameExactM, f), range.lowerBound), range.upperBound)
    }
}
