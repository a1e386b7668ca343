import AlimCore
import Foundation

/// The school of an ONDE file, which carries no UAI: the nearest enclosing folder named
/// `<UAI>` or `<UAI>-free-label`.
enum SchoolFolder {
    /// The UAI and the folder's label (`0611234A-ecole-jules-ferry` → "Ecole Jules Ferry"), or nil
    /// when no enclosing folder is a school.
    static func of(relativePath: String) -> (uai: UAI, label: String?)? {
        let folders = relativePath.split(separator: "/").dropLast()
        for folder in folders.reversed() {
            guard let uai = UAI(folderName: String(folder)) else { continue }
            let parts = folder.split(separator: "-", maxSplits: 1)
            return (uai, parts.count > 1 ? label(String(parts[1])) : nil)
        }
        return nil
    }

    /// `ecole-jules-ferry` or `ecole_jules_ferry` → "Ecole Jules Ferry" (first letters upper-cased).
    static func label(_ raw: String) -> String? {
        let words = raw.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        guard !words.isEmpty else { return nil }
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
