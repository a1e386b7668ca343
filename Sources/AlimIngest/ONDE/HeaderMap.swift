import AlimCore
import Foundation

/// A CSV header understood: which export it is and which column holds each field.
///
/// Built only from `HeaderTable`, so the readers never compare header strings themselves.
struct HeaderMap: Sendable {
    let kind: CSVKind
    /// Column indices per field, in header order (several for repeated fields).
    let columns: [CSVField: [Int]]
    /// The header cells as written (trimmed), for naming columns in findings.
    let names: [String]

    /// The first column of a field.
    func column(_ field: CSVField) -> Int? { columns[field]?.first }

    /// All columns of a repeated field, by position.
    func all(_ field: CSVField) -> [Int] { columns[field] ?? [] }

    /// The header text of a column as the file wrote it, or the table's spelling when absent.
    func name(_ field: CSVField) -> String {
        if let c = column(field), c < names.count, !names[c].isEmpty { return names[c] }
        return HeaderTable.entries.first { $0.field == field }?.spellings.first ?? field.rawValue
    }

    /// Recognises the header, or returns nil when it is no known export (the file is then `unknown`).
    /// Throws a refusal when it is a known export with a required column missing or a name duplicated.
    static func recognise(_ header: [String]) throws -> HeaderMap? {
        let names = header.map { $0.trimmingCharacters(in: CSVRow.blanks) }
        let keys = names.map(HeaderKey.normalise)
        var candidates: [CSVKind] = []
        for kind in CSVKind.allCases {
            let identifying = HeaderTable.entries.filter { $0.kind == kind && $0.identifies }
            if identifying.contains(where: { entry in entry.spellings.contains { keys.contains(HeaderKey.normalise($0)) } }) {
                candidates.append(kind)
            }
        }
        guard let kind = candidates.first else { return nil }
        if candidates.count > 1 {
            throw CSVRefusal(line: 1, "Fichier refusé : l'en-tête mêle les colonnes de plusieurs exports ("
                + candidates.map(\.label).joined(separator: ", ") + "). Exportez chaque fichier séparément depuis ONDE.")
        }
        let entries = HeaderTable.entries.filter { $0.kind == kind }
        var lookup: [String: HeaderEntry] = [:]
        for entry in entries {
            for spelling in entry.spellings { lookup[HeaderKey.normalise(spelling)] = lookup[HeaderKey.normalise(spelling)] ?? entry }
        }
        var columns: [CSVField: [Int]] = [:]
        var seen: [String: Int] = [:]
        var duplicates: [String] = []
        for (index, key) in keys.enumerated() where !key.isEmpty {
            let entry = lookup[key]
            if let first = seen[key], entry?.repeats != true {
                if !duplicates.contains(names[first]) { duplicates.append(names[first]) }
                continue
            }
            seen[key] = seen[key] ?? index
            if let entry {
                if entry.repeats || columns[entry.field] == nil { columns[entry.field, default: []].append(index) }
            }
        }
        if !duplicates.isEmpty {
            throw CSVRefusal(line: 1, "Fichier refusé : l'en-tête contient plusieurs fois la même colonne ("
                + duplicates.map { "« \($0) »" }.joined(separator: ", ") + "), Alim ne peut pas savoir laquelle lire.")
        }
        let missing = entries.filter { $0.required && columns[$0.field] == nil }.map { "« \($0.spellings[0]) »" }
        if !missing.isEmpty {
            throw CSVRefusal(line: 1, "Fichier refusé : export \(kind.label) incomplet, colonne"
                + (missing.count > 1 ? "s" : "") + " obligatoire" + (missing.count > 1 ? "s" : "") + " absente"
                + (missing.count > 1 ? "s" : "") + " : " + missing.joined(separator: ", ") + ". Refaites l'export complet.")
        }
        return HeaderMap(kind: kind, columns: columns, names: names)
    }
}

/// The comparison form of a header cell: case, accents, apostrophe style and spacing ignored.
enum HeaderKey {
    static func normalise(_ raw: String) -> String {
        let folded = raw.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
        return folded.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }).joined(separator: " ")
    }
}
