import AlimCore
import Foundation

/// Safe, stable file names from class labels and person names.
///
/// Class labels are free text in ONDE (`CM1 / CM2`, `CE2-A`, accents); a file name must not escape
/// the bundle folder, must open on any system the school uses, and two labels must not overwrite
/// each other's file.
enum FileNames {
    /// ASCII letters, digits, `-` and `_`; accents dropped; runs of anything else become one `-`.
    static func component(_ raw: String, fallback: String = "sans-classe") -> String {
        let folded = TextFold.asciiKeepingCase(raw)
        var out = ""
        var dash = false
        for s in folded.unicodeScalars {
            if s.isASCII, ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_" {
                out.unicodeScalars.append(s)
                dash = false
            } else if !dash, !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : String(out.prefix(80))
    }

    /// Gives each key a distinct name: the second `CM1-A` becomes `CM1-A-2`, in the order keys come.
    static func unique(_ keys: [String], fallback: String = "sans-classe") -> [String: String] {
        var used = Set<String>()
        var out: [String: String] = [:]
        for key in keys where out[key] == nil {
            let base = component(key, fallback: fallback)
            var name = base
            var n = 2
            while used.contains(name.lowercased()) || name.lowercased() == "ecole" {
                name = "\(base)-\(n)"
                n += 1
            }
            used.insert(name.lowercased())
            out[key] = name
        }
        return out
    }
}
