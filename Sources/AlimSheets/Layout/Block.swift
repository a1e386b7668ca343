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
///
/// Runs once per sheet on the template output, so it works on UTF-8 bytes: Character-level string
/// splitting was a tenth of a sheet's cost.
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
        let utf8 = text.utf8
        var start = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: 10) ?? utf8.endIndex
            let line = Substring(utf8[start..<end]).trimmingTrailingSpaces()
            let bytes = line.utf8
            func after(_ n: Int) -> Substring { Substring(bytes.dropFirst(n)) }
            if bytes.isEmpty {
                flush()
            } else if bytes.starts(with: [62, 32]) {                       // "> "
                if !paragraph.isEmpty { flush() }
                notice.append(after(2))
            } else if bytes.starts(with: [94, 32]) {                       // "^ "
                flush(); blocks.append(.header(inline(after(2))))
            } else if bytes.starts(with: [35, 35, 32]) {                   // "## "
                flush(); blocks.append(.heading(inline(after(3))))
            } else if bytes.starts(with: [35, 32]) {                       // "# "
                flush(); blocks.append(.title(inline(after(2))))
            } else if bytes.starts(with: [45, 32]) {                       // "- "
                flush(); blocks.append(.bullet(inline(after(2))))
            } else if bytes.starts(with: [95, 32]) {                       // "_ "
                flush(); blocks.append(.signature(inline(after(2))))
            } else if bytes.elementsEqual([45, 45, 45]) {                  // "---"
                flush(); blocks.append(.rule)
            } else if bytes.starts(with: [64, 32]) {                       // "@ "
                flush()
                let body = after(2).utf8
                if let bar = body.firstIndex(of: 124) {
                    let label = Substring(body[..<bar]).trimmingTrailingSpaces()
                    let value = Substring(body[body.index(after: bar)...].drop { $0 == 32 })
                    blocks.append(.credential(label: inline(label), value: String(value)))
                } else {
                    blocks.append(.credential(label: "", value: String(Substring(body))))
                }
            } else {
                if !notice.isEmpty { flush() }
                paragraph.append(line)
            }
            guard end < utf8.endIndex else { break }
            start = utf8.index(after: end)
        }
        flush()
        return blocks
    }

    /// `**x**` → `<b>x</b>`; an unpaired `**` is left as typed.
    static func inline<S: StringProtocol>(_ s: S) -> String {
        let bytes = Array(s.utf8)
        var marks: [Int] = []
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 42 && bytes[i + 1] == 42 { marks.append(i); i += 2 } else { i += 1 }
        }
        guard marks.count >= 2 else { return String(s) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8 * marks.count)
        var from = 0
        var k = 0
        while k + 1 < marks.count {
            out.append(contentsOf: bytes[from..<marks[k]])
            out.append(contentsOf: Array("<b>".utf8))
            out.append(contentsOf: bytes[(marks[k] + 2)..<marks[k + 1]])
            out.append(contentsOf: Array("</b>".utf8))
            from = marks[k + 1] + 2
            k += 2
        }
        out.append(contentsOf: bytes[from...])
        return String(decoding: out, as: UTF8.self)
    }
}

extension Substring {
    /// Without trailing spaces, tabs and carriage returns (templates edited on Windows).
    func trimmingTrailingSpaces() -> Substring {
        var bytes = utf8[...]
        while let last = bytes.last, last == 32 || last == 13 || last == 9 { bytes = bytes.dropLast() }
        return Substring(bytes)
    }
}
