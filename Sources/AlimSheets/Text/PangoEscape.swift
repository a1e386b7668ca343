/// Escaping of person data before it enters pango markup.
///
/// Names and class labels come from school exports: an `&`, a `<` or a `*` in them must print as
/// itself, never open a tag or turn bold, and a line break must not start a new layout block.
enum PangoEscape {
    /// `&`, `<`, `>`, quotes and `*` become character references; line breaks become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "*": out += "&#42;"
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
