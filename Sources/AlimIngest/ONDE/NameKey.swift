import Foundation

/// The comparison form of a name or class for joining guardians to pupils: accents, case, spaces,
/// hyphens and apostrophes ignored (`Eléa` = `ELEA`, `MARTIN-DUBOIS` = `Martin Dubois`).
///
/// Used only to find the pupil a guardian row names within one school; never to merge people.
enum NameKey {
    static func of(_ raw: String?) -> String {
        guard let raw else { return "" }
        let folded = raw.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where CharacterSet.alphanumerics.contains(scalar) {
            out.append(scalar)
        }
        return String(out)
    }

    /// The join key of one child: name, first name and class.
    static func child(lastName: String?, firstName: String?, className: String?) -> String {
        of(lastName) + "|" + of(firstName) + "|" + of(className)
    }
}
