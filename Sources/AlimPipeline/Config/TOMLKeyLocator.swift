import Foundation

/// Finds the line of a key in a TOML text, for the messages that name it: TOMLKit's decoded tables
/// keep no source positions. A light reading of the lines (table headers, `key =` lines, dotted and
/// quoted keys) is enough for `alim.toml`; nil when the key cannot be placed.
enum TOMLKeyLocator {
    /// The 1-based line of `path` (`["accounts", "grace_days"]`, or `["accounts"]` for the section).
    static func line(of path: [String], in text: String) -> Int? {
        guard !path.isEmpty else { return nil }
        var table: [String] = []
        var loose: Int?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = stripComment(String(raw)).trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let inner = line.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
                table = keyParts(String(inner))
                if table == path { return index + 1 }
                continue
            }
            guard let equal = unquotedIndex(of: "=", in: line) else { continue }
            let key = table + keyParts(String(line[..<equal]))
            if key == path { return index + 1 }
            // A section given as a dotted key (`accounts.grace_days = 3`) or an inline table.
            if loose == nil, key.starts(with: path) || (path.starts(with: key) && line.contains(path.last!)) {
                loose = index + 1
            }
        }
        return loose
    }

    /// `a."b.c" . d` → `["a", "b.c", "d"]`.
    static func keyParts(_ key: String) -> [String] {
        var parts: [String] = [], current = "", quote: Character?
        for ch in key {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == "." {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    private static func stripComment(_ line: String) -> String {
        guard let hash = unquotedIndex(of: "#", in: line) else { return line }
        return String(line[..<hash])
    }

    private static func unquotedIndex(of target: Character, in line: String) -> String.Index? {
        var quote: Character?
        var i = line.startIndex
        while i < line.endIndex {
            let ch = line[i]
            if let q = quote {
                if ch == "\\" && q == "\"" { i = line.index(after: i) } else if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == target {
                return i
            }
            if i < line.endIndex { i = line.index(after: i) }
        }
        return nil
    }
}
