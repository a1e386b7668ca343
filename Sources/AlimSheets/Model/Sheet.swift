import AlimCore

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
    static func key(_ s: String) -> String {
        s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    static func compare(_ a: String, _ b: String) -> ComparisonResult {
        let r = key(a).compare(key(b), options: [.numeric])
        return r == .orderedSame ? a.compare(b) : r
    }

    static func precedes(_ a: Sheet, _ b: Sheet) -> Bool {
        for (x, y) in [(a.className, b.className), (a.lastName, b.lastName), (a.firstName, b.firstName), (a.login, b.login)] {
            let r = compare(x, y)
            if r != .orderedSame { return r == .orderedAscending }
        }
        return a.kind.rawValue < b.kind.rawValue
    }

    /// `precedes` with each name folded once, not at every comparison (folding is what costs).
    static func sorted(_ sheets: [Sheet]) -> [Sheet] {
        let keyed = sheets.map { s in
            (s, [s.className, s.lastName, s.firstName, s.login].map { ($0, key($0)) })
        }
        return keyed.sorted { a, b in
            for (x, y) in zip(a.1, b.1) {
                var r = x.1.compare(y.1, options: [.numeric])
                if r == .orderedSame { r = x.0.compare(y.0) }
                if r != .orderedSame { return r == .orderedAscending }
            }
            return a.0.kind.rawValue < b.0.kind.rawValue
        }.map(\.0)
    }

    static func precedes(_ a: Sheet.Child, _ b: Sheet.Child) -> Bool {
        for (x, y) in [(a.className, b.className), (a.lastName, b.lastName), (a.firstName, b.firstName)] {
            let r = compare(x, y)
            if r != .orderedSame { return r == .orderedAscending }
        }
        return false
    }
}

import Foundation
