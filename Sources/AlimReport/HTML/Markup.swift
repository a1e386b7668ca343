/// A piece of HTML (or inline SVG) that is safe to place in the page as is.
///
/// Literal text written in this module is trusted; every `String` interpolated into a `Markup`
/// literal is escaped. Names, reasons and file names from the exports therefore cannot inject markup
/// (`<script>`, `=HYPERLINK(`…): escaping is the default and a raw string needs `Markup.trusted`.
struct Markup: ExpressibleByStringInterpolation, Sendable, Equatable {
    var raw: String

    init(stringLiteral value: String) { raw = value }
    init(stringInterpolation: Interpolation) { raw = stringInterpolation.out }
    private init(raw: String) { self.raw = raw }

    /// Markup built by this module itself (never data from the exports).
    static func trusted(_ raw: String) -> Markup { Markup(raw: raw) }

    static let empty = Markup.trusted("")

    /// Concatenation, with an optional separator.
    static func join(_ parts: [Markup], separator: String = "") -> Markup {
        Markup(raw: parts.map(\.raw).joined(separator: separator))
    }

    static func + (a: Markup, b: Markup) -> Markup { Markup(raw: a.raw + b.raw) }

    struct Interpolation: StringInterpolationProtocol {
        var out = ""
        init(literalCapacity: Int, interpolationCount: Int) { out.reserveCapacity(literalCapacity * 2) }
        mutating func appendLiteral(_ literal: String) { out += literal }
        /// Data: always escaped.
        mutating func appendInterpolation(_ text: String) { out += HTMLEscape.escape(text) }
        mutating func appendInterpolation(_ markup: Markup) { out += markup.raw }
        mutating func appendInterpolation(_ parts: [Markup]) { out += parts.map(\.raw).joined() }
        mutating func appendInterpolation(_ n: Int) { out += String(n) }
    }
}

/// HTML and XML escaping in one function, so the same text is safe in HTML content, in attribute
/// values and inside inline SVG (which an XML parser must accept).
enum HTMLEscape {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab/newline are invalid in XML: show a replacement.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || (0x7F...0x9F).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
