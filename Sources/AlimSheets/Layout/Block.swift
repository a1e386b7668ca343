/// One element of a laid-out page, in the small line markup the templates write.
///
/// A département edits wording in plain text; this markup is just enough to give a sheet structure
/// (titles, bullets, the large credential lines, signature lines) without exposing layout code.
/// Text inside blocks is pango markup (`<b>`…), person data already escaped.
public enum Block: Equatable, Sendable {
    /// `^ text`: small grey header line (school, UAI, class).
    case header(String)
    /// `# text`: page title.
    case title(String)
    /// `## text`: section heading.
    case heading(String)
    /// Plain lines, joined until a blank line: a justified paragraph.
    case paragraph(String)
    /// `- text`: a bullet item.
    case bullet(String)
    /// `@ label | value`: a credential printed large in a monospace font so it reads back exactly.
    case credential(label: String, value: String)
    /// `> text`: a framed notice (consecutive lines joined).
    case notice(String)
    /// `_ label`: a label followed by a line to write on.
    case signature(String)
    /// `---`: vertical space with a thin rule.
    case rule
}

/// Parses the line markup into blocks.
public enum Markup {
    /// Reads template output; `**x**` becomes bold.
    public static func parse(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [Substring] = []
        var notice: [Substring] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(inline(paragraph.joined(separator: " ")))); paragraph = [] }
            if !notice.isEmpty { blocks.append(.notice(inline(notice.joined(separator: " ")))); notice = [] }
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingTrailingSpaces()
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("> ") {
                if !paragraph.isEmpty { flush() }
                notice.append(line.dropFirst(2))
                continue
            }
            if line.hasPrefix("^ ") { flush(); blocks.append(.header(inline(line.dropFirst(2)))) }
            else if line.hasPrefix("## ") { flush(); blocks.append(.heading(inline(line.dropFirst(3)))) }
            else if line.hasPrefix("# ") { flush(); blocks.append(.title(inline(line.dropFirst(2)))) }
            else if line.hasPrefix("- ") { flush(); blocks.append(.bullet(inline(line.dropFirst(2)))) }
            else if line.hasPrefix("_ ") { flush(); blocks.append(.signature(inline(line.dropFirst(2)))) }
            else if line == "---" { flush(); blocks.append(.rule) }
            else if line.hasPrefix("@ ") {
                flush()
                let body = line.dropFirst(2)
                if let bar = body.firstIndex(of: "|") {
                    let label = body[..<bar].trimmingTrailingSpaces()
                    let value = body[body.index(after: bar)...].drop(while: { $0 == " " })
                    blocks.append(.credential(label: inline(label), value: String(value)))
                } else {
                    blocks.append(.credential(label: "", value: String(body)))
                }
            } else {
                if !notice.isEmpty { flush() }
                paragraph.append(line)
            }
        }
        flush()
        return blocks
    }

    /// `**x**` → `<b>x</b>`; an unpaired `**` is left as typed.
    static func inline<S: StringProtocol>(_ s: S) -> String {
        // A byte scan: Foundation's `contains` on a String goes through CFStringFind, per block, per sheet.
        var star = false, pair = false
        for b in s.utf8 { if b == 42 { if star { pair = true; break }; star = true } else { star = false } }
        guard pair else { return String(s) }
        let parts = String(s).split(separator: "**", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3 else { return String(s) }
        var out = parts[0]
        var i = 1
        while i < parts.count {
            if i + 1 < parts.count {
                out += "<b>" + parts[i] + "</b>" + parts[i + 1]
                i += 2
            } else {
                out += "**" + parts[i]
                i += 1
            }
        }
        return out
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> SubSequence {
        var end = endIndex
        while end > startIndex, let c = self[index(before: end)] as Character?, c == " " || c == "\r" || c == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
