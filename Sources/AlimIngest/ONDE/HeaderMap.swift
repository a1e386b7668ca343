import AlimCore

/// A CSV header understood: which export it is and which column holds each field.
///
/// Built only from `HeaderTable`, so the readers never compare header strings themselves.
struct HeaderMap: Sendable {
    let kind: CSVKind
    /// Column indices per field, in header order (several for repeated fields).
    let columns: [CSVField: [Int]]
    /// The header cells as written (trimmed), for naming columns in findings.
    let names: [String]
    /// Header cells the export's table does not know, as written: ignored (one warning per file).
    let extras: [String]

    /// The first column of a field.
    func column(_ field: CSVField) -> Int? { columns[field]?.first }

    /// All columns of a repeated field, by position.
    func all(_ field: CSVField) -> [Int] { columns[field] ?? [] }

    /// The header text of a column as the file wrote it, or the table's spelling when absent.
    func name(_ field: CSVField) -> String {
        if let c = column(field), c < names.count, !names[c].isEmpty { return names[c] }
        return HeaderTable.entries.first { $0.kind == kind && $0.field == field }?.spellings.first ?? field.rawValue
    }

    /// Recognises the header, or returns nil when it is no known export (the file is then `unknown`).
    /// Throws a refusal when it is a known export with a required column missing or a name duplicated,
    /// or when it holds the own required columns of both a pupil and a guardian export.
    static func recognise(_ header: [String]) throws -> HeaderMap? {
        let names = header.map { TextFold.trim($0, newlines: true) }
        let keys = names.map(HeaderKey.normalise)
        guard let kind = try HeaderKinds.decide(keys) else { return nil }
        let lookup = HeaderKinds.lookup[kind] ?? [:]
        var columns: [CSVField: [Int]] = [:]
        var seen: [String: Int] = [:]
        var duplicates: [String] = []
        var extras: [String] = []
        for (index, key) in keys.enumerated() where !key.isEmpty {
            guard let entry = lookup[key] else {
                extras.append(names[index])
                continue
            }
            if entry.repeats {
                columns[entry.field, default: []].append(index)
                continue
            }
            if let first = seen[key] {
                if !duplicates.contains(names[first]) { duplicates.append(names[first]) }
                continue
            }
            seen[key] = index
            // Two spellings of one field (`Téléphone domicile` and `Téléphone`): the first is read.
            if columns[entry.field] == nil { columns[entry.field] = [index] }
        }
        if !duplicates.isEmpty {
            throw CSVRefusal(line: 1, "Fichier refusé : l'en-tête contient plusieurs fois la même colonne ("
                + duplicates.map { "« \($0) »" }.joined(separator: ", ") + "), Alim ne peut pas savoir laquelle lire.")
        }
        let missing = HeaderTable.entries.filter { $0.kind == kind && $0.required && columns[$0.field] == nil }
            .map { "« \($0.spellings[0]) »" }
        if !missing.isEmpty {
            let plural = missing.count > 1
            throw CSVRefusal(line: 1, "Fichier refusé : export \(kind.label) incomplet, colonne"
                + (plural ? "s" : "") + " obligatoire" + (plural ? "s" : "") + " absente"
                + (plural ? "s" : "") + " : " + missing.joined(separator: ", ") + ". Refaites l'export complet.")
        }
        return HeaderMap(kind: kind, columns: columns, names: names, extras: extras)
    }
}

/// Which export a header is, decided from the spellings that belong to one export only.
///
/// `Nom`, `Prénom élève` or `Nom de l'élève` name the pupil in a pupil export and the child in a
/// guardian export, so they decide nothing; `Date de naissance` or `Classe` (a pupil's own) and
/// `Nom responsable` or `Classes enfants` (a guardian's own) do. A header is « a mix of two exports »
/// only when it holds the own required columns of both.
///
/// The ENT's exports share `Login`/`Identifiant` with its one-column `activated` export, which is then
/// left with no own column: it is recognised as the only export whose every required column is present.
enum HeaderKinds {
    /// Per export, header key → table line.
    static let lookup: [CSVKind: [String: HeaderEntry]] = {
        var out: [CSVKind: [String: HeaderEntry]] = [:]
        for entry in HeaderTable.entries {
            for spelling in entry.spellings {
                let key = HeaderKey.normalise(spelling)
                if out[entry.kind, default: [:]][key] == nil { out[entry.kind, default: [:]][key] = entry }
            }
        }
        return out
    }()

    /// Per export, the keys of its required columns that no other export's table holds.
    static let own: [CSVKind: Set<String>] = {
        var out: [CSVKind: Set<String>] = [:]
        for entry in HeaderTable.entries where entry.required {
            for spelling in entry.spellings {
                let key = HeaderKey.normalise(spelling)
                let elsewhere = lookup.contains { kind, table in kind != entry.kind && table[key] != nil }
                if !elsewhere { out[entry.kind, default: []].insert(key) }
            }
        }
        return out
    }()

    /// The export of a header (keys already normalised), nil when none; throws on a mix of the pupil
    /// and guardian exports.
    static func decide(_ keys: [String]) throws -> CSVKind? {
        let present = Set(keys)
        var owned: [(kind: CSVKind, count: Int)] = []
        for kind in CSVKind.allCases {
            let count = own[kind, default: []].intersection(present).count
            if count > 0 { owned.append((kind, count)) }
        }
        // The teachers' export carries pupil-like columns (`Nom`, `Classe`): its own column decides.
        if owned.contains(where: { $0.kind == .ondeTeachers }) { return .ondeTeachers }
        // So do the ENT's account exports (`Nom`, `Prénom`, `Classes`, `Identifiant`…): their alias column.
        if let ent = owned.filter({ $0.kind.isENTAccounts }).max(by: { $0.count < $1.count }) { return ent.kind }
        let kinds = Set(owned.map(\.kind))
        if kinds.contains(.ondePupils) && kinds.contains(.ondeGuardians) {
            throw CSVRefusal(line: 1, "Fichier refusé : l'en-tête mêle les colonnes de plusieurs exports ("
                + [CSVKind.ondePupils, .ondeGuardians].map(\.label).joined(separator: ", ")
                + "). Exportez chaque fichier séparément depuis ONDE.")
        }
        if let best = owned.max(by: { $0.count < $1.count || ($0.count == $1.count && order($0.kind) > order($1.kind)) }) {
            return best.kind
        }
        // No own column at all: an export whose every required column is present (the ENT's templates).
        let complete = CSVKind.allCases.filter { kind in
            let table = lookup[kind] ?? [:]
            let found = Set(keys.compactMap { table[$0]?.field })
            return HeaderTable.entries.allSatisfy { $0.kind != kind || !$0.required || found.contains($0.field) }
        }
        return complete.count == 1 ? complete[0] : nil
    }

    private static func order(_ kind: CSVKind) -> Int { CSVKind.allCases.firstIndex(of: kind) ?? 0 }
}

/// The comparison form of a header cell: `TextFold.key`, so case, accents, spaces, apostrophes,
/// `*`, punctuation and a stray BOM are ignored (`" Cycle"` = `CYCLE`, `Prénom*` = `PRENOM`), as
/// the ENT's own importer cleans its headers.
enum HeaderKey {
    static func normalise(_ raw: String) -> String { TextFold.key(raw) }
}
