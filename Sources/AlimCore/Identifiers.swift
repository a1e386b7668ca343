import Foundation

/// A school code (Unité Administrative Immatriculée): 7 digits and one letter.
///
/// ONDE files carry no UAI, so the school comes from the inbox folder name; SIECLE and AAF carry it
/// in the data. Validating it once here keeps every stage from re-checking folder names.
public struct UAI: Hashable, Codable, Comparable, Sendable, CustomStringConvertible {
    /// The canonical form: 7 digits and an upper-case letter.
    public let value: String

    /// Accepts `0611234A` or `0611234a`; refuses anything else so a mistyped folder never becomes a school.
    public init?(_ raw: String) {
        let s = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let chars = Array(s.unicodeScalars)
        guard chars.count == 8,
              chars.prefix(7).allSatisfy({ $0.value >= 48 && $0.value <= 57 }),
              let last = chars.last, last.value >= 65 && last.value <= 90 else { return nil }
        value = s
    }

    /// Reads a UAI from an inbox folder name: `0611234A` or `0611234A-free-label`.
    public init?(folderName: String) {
        let head = folderName.split(separator: "-", maxSplits: 1).first.map(String.init) ?? folderName
        self.init(head)
    }

    public var description: String { value }
    public static func < (a: UAI, b: UAI) -> Bool { a.value < b.value }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let uai = UAI(raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "UAI invalide : \(raw)"))
        }
        self = uai
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

/// Where one person record came from: the file (relative to the inbox, `/`-separated) and the
/// record inside it (CSV record number counting the header as 1, or the XML record's own id).
///
/// It is the key of the lineage/rejects invariant: every record read has exactly one `RecordRef`.
public struct RecordRef: Hashable, Codable, Comparable, Sendable, CustomStringConvertible {
    /// Path relative to the inbox root, with `/` separators.
    public var file: String
    /// CSV record number (header = 1) or the XML record id (ELEVE_ID, PERSONNE_ID, AAF identifier).
    public var ref: String

    public init(file: String, ref: String) {
        self.file = file
        self.ref = ref
    }

    public var description: String { "\(file)#\(ref)" }

    /// Orders by file, then numerically when both refs are numbers, so record 10 follows record 9.
    public static func < (a: RecordRef, b: RecordRef) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if let x = Int(a.ref), let y = Int(b.ref), x != y { return x < y }
        return a.ref < b.ref
    }
}

/// The stable identifier of one human across every record and platform (`person_id` in lineage.csv).
public typealias PersonID = String

/// The stable identifier of one account on one platform (`account_id` in accounts.csv).
public typealias AccountID = String
