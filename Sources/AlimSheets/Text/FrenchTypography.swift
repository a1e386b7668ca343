import Foundation

/// French typography for the texts families read: the spaces that belong before `: ; ! ?` and
/// inside « », which a template author types as ordinary spaces (or forgets), and which must never
/// break a line between the word and its punctuation.
///
/// It runs on template text, before data is substituted, and leaves markup alone: pango tags `<…>`,
/// Mustache tags `{{…}}`, entities `&…;` and URLs (`https://`) are copied unchanged.
public enum FrenchTypography {
    /// NARROW NO-BREAK SPACE, before `; ! ?` and inside « ».
    public static let narrowNoBreakSpace: Character = "\u{202F}"
    /// NO-BREAK SPACE, before `:`.
    public static let noBreakSpace: Character = "\u{00A0}"

    /// Returns `text` with French spacing: `a : b`, `oui !`, `« mot »`, straight apostrophes made curly.
    public static func apply(_ text: String) -> String {
        let chars = Array(text)
        var out: [Character] = []
        out.reserveCapacity(chars.count + 16)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            // Copy markup through untouched.
            if let end = skipMarkup(chars, at: i) {
                out.append(contentsOf: chars[i..<end])
                i = end
                continue
            }
            switch c {
            case ":" where isURLColon(chars, at: i) || isBetweenDigits(chars, at: i):
                out.append(c)
            case ":", ";", "!", "?":
                let space = c == ":" ? noBreakSpace : narrowNoBreakSpace
                if let last = out.last, needsSpaceAfter(last) {
                    out.append(space)
                } else if let last = out.last, last == " " || last == noBreakSpace || last == narrowNoBreakSpace {
                    out[out.count - 1] = space
                }
                out.append(c)
            case "«":
                out.append(c)
                out.append(narrowNoBreakSpace)
                while i + 1 < chars.count, chars[i + 1] == " " || chars[i + 1] == noBreakSpace || chars[i + 1] == narrowNoBreakSpace { i += 1 }
            case "»":
                while let last = out.last, last == " " || last == noBreakSpace || last == narrowNoBreakSpace { out.removeLast() }
                if let last = out.last, last != "\n" { out.append(narrowNoBreakSpace) }
                out.append(c)
            case "'":
                // An apostrophe between letters is the typographic one.
                if i > 0, chars[i - 1].isLetter, i + 1 < chars.count, chars[i + 1].isLetter { out.append("’") } else { out.append(c) }
            default:
                out.append(c)
            }
            i += 1
        }
        return String(out)
    }

    /// A word, a closing bracket or a closing quote takes a space before high punctuation; a space
    /// already there is replaced, and nothing is added at a line start or after other punctuation.
    private static func needsSpaceAfter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == ")" || c == "»" || c == "*" || c == "’" || c == "\""
    }

    /// `https://`, `mailto:` style colons are part of an address, not punctuation.
    private static func isURLColon(_ chars: [Character], at i: Int) -> Bool {
        i + 2 < chars.count && chars[i + 1] == "/" && chars[i + 2] == "/"
    }

    /// `10:30` or `1:2` are not French punctuation.
    private static func isBetweenDigits(_ chars: [Character], at i: Int) -> Bool {
        i > 0 && i + 1 < chars.count && chars[i - 1].isNumber && chars[i + 1].isNumber
    }

    /// End index of a markup run starting at `i` (`{{…}}`, `<…>`, `&…;`), or nil when none starts there.
    private static func skipMarkup(_ chars: [Character], at i: Int) -> Int? {
        let c = chars[i]
        if c == "{", i + 1 < chars.count, chars[i + 1] == "{" {
            var j = i + 2
            while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") { j += 1 }
            guard j + 1 < chars.count else { return nil }
            j += 2
            if j < chars.count, chars[j] == "}" { j += 1 }
            return j
        }
        if c == "<", i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1] == "/" {
            var j = i + 1
            while j < chars.count, chars[j] != ">", chars[j] != "\n" { j += 1 }
            return j < chars.count && chars[j] == ">" ? j + 1 : nil
        }
        if c == "&" {
            var j = i + 1
            while j < chars.count, j - i <= 10, chars[j].isLetter || chars[j].isNumber || chars[j] == "#" { j += 1 }
            return j < chars.count && chars[j] == ";" && j > i + 1 ? j + 1 : nil
        }
        return nil
    }
}
