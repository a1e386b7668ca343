/// The byte between two fields of a CSV file, decided once per file from its header line.
///
/// ONDE writes `;`, but a spreadsheet that re-saves an export writes `,` (« CSV ») or a tab
/// (« texte Unicode »). Reading such a file with `;` would see one column per line and refuse it
/// with a misleading message, so the header tells which one the file uses.
enum CSVSeparator: UInt8, Sendable, CaseIterable {
    case semicolon = 0x3B
    case tab = 0x09
    case comma = 0x2C

    var byte: UInt8 { rawValue }

    /// The separator, named the way a French message quotes it after « d'un » or « d'une ».
    var quoted: String {
        switch self {
        case .semicolon: return "d'un « ; »"
        case .tab: return "d'une tabulation"
        case .comma: return "d'une virgule « , »"
        }
    }

    /// Counts `;`, tab and `,` outside quotes in the first record starting at `start`, and keeps
    /// `;` when present, else tab, else `,`. Nil when the header holds none of them (a one-column
    /// file, or a separator Alim does not read): the caller then reads it as `;`.
    ///
    /// Header names never hold a separator, so a quoted name that does (`"Nom, prénom"`) is
    /// skipped with its quotes rather than counted.
    static func detect(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> CSVSeparator? {
        var semicolons = 0, tabs = 0, commas = 0
        var inQuotes = false
        var i = start
        let n = bytes.count
        // Leading empty lines are not the header (the parser skips them too).
        while i < n && (bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
        while i < n {
            let b = bytes[i]
            if b == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes {
                if b == 0x0A || b == 0x0D { break }
                switch b {
                case 0x3B: semicolons += 1
                case 0x09: tabs += 1
                case 0x2C: commas += 1
                default: break
                }
            }
            i += 1
        }
        if semicolons > 0 { return .semicolon }
        if tabs > 0 { return .tab }
        if commas > 0 { return .comma }
        return nil
    }
}
