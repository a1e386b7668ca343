import AlimCore
import Foundation

/// Everything printed on one connection sheet, resolved for one school.
///
/// A guardian with children in two schools gets one `Sheet` per school (same login and code): each
/// director hands out their own copy, listing the children of their school.
public struct Sheet: Sendable, Hashable {
    /// Who the sheet is for.
    public enum Kind: String, Sendable, Hashable {
        case guardian = "responsable"
        case pupil = "élève"
    }

    /// A child as printed on a guardian's sheet.
    public struct Child: Sendable, Hashable {
        public var firstName: String
        public var lastName: String
        public var className: String
    }

    public var kind: Kind
    public var accountId: AccountID
    public var uai: UAI
    public var schoolName: String
    /// The class file the sheet is filed under (a guardian: their first child's class in this school).
    public var className: String
    public var lastName: String
    public var firstName: String
    /// Guardians: the children of this school they are legal guardian of, sorted by class then name.
    public var children: [Child]
    public var login: String
    public var code: String
    /// `dd/mm/yyyy`.
    public var expires: String
    public var url: String
    /// A usable address: the sheet goes out by e-mail.
    public var email: String?
    /// The guardian also has a child at collège: print the EduConnect / Neo Pocket notice.
    public var educonnectNotice: Bool
    /// Whether the sheet is in the print PDFs (see `SheetSelection`).
    public var printed: Bool

    /// Whether an .eml is written for this sheet.
    public var emailed: Bool { email != nil }

    /// `Prénom NOM (classe), …`, as in sheets.csv and coverage.csv.
    public var childrenText: String { Sheet.childrenText(children) }

    static func childrenText(_ children: [Child]) -> String {
        children.map { "\($0.firstName) \($0.lastName) (\($0.className))" }.joined(separator: ", ")
    }
}

/// The order directors sort paper in: class, then last name, first name; the login breaks ties so
/// the order never depends on input order.
enum SheetOrder {
    /// A byte key that sorts like a director reads: accents and case ignored, numbers by value
    /// (`CM2` before `CM10`). Folding is `TextFold`'s, lower-cased.
    static func key(_ s: String) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(s.utf8.count + 4)
        var source: [UInt8] = []
        source.reserveCapacity(s.utf8.count)
        TextFold.appendFolded(s, to: &source)
        var i = 0
        while i < source.count {
            let b = source[i]
            if b >= 0x30 && b <= 0x39 {
                // A digit run: '0', its significant length, its digits — byte order is numeric order.
                var j = i
                while j < source.count, source[j] >= 0x30, source[j] <= 0x39 { j += 1 }
                var start = i
                while start < j - 1, source[start] == 0x30 { start += 1 }
                folded.append(0x30)
                folded.append(UInt8(min(j - start, 255)))
                folded.append(contentsOf: source[start..<j])
                i = j
                continue
            }
            folded.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
            i += 1
        }
        return folded
    }

    /// Folded keys first, the exact text to break ties, so two different names never compare equal.
    static func compare(_ a: String, _ b: String) -> ComparisonResult {
        compare((key(a), a), (key(b), b))
    }

    private static func compare(_ a: ([UInt8], String), _ b: ([UInt8], String)) -> ComparisonResult {
        if a.0 != b.0 { return a.0.lexicographicallyPrecedes(b.0) ? .orderedAscending : .orderedDescending }
        if a.1 == b.1 { return .orderedSame }
        return a.1 < b.1 ? .orderedAscending : .orderedDescending
    }

    /// Sorts by the fields in order, each folded once (not at every comparison: folding is what
    /// costs), then by `tie`.
    static func sorted<T>(_ items: [T], by fields: (T) -> [String], tie: (T, T) -> Bool = { _, _ in false }) -> [T] {
        let keyed = items.map { item in (item, fields(item).map { (key($0), $0) }) }
        return keyed.sorted { a, b in
            for (x, y) in zip(a.1, b.1) {
                let r = compare(x, y)
                if r != .orderedSame { return r == .orderedAscending }
            }
            return tie(a.0, b.0)
        }.map(\.0)
    }

    static func sorted(_ sheets: [Sheet]) -> [Sheet] {
        sorted(sheets, by: { [$0.className, $0.lastName, $0.firstName, $0.login] }, tie: { $0.kind.rawValue < $1.kind.rawValue })
    }

    static func sorted(_ children: [Sheet.Child]) -> [Sheet.Child] {
        sorted(children, by: { [$0.className, $0.lastName, $0.firstName] })
    }
}
