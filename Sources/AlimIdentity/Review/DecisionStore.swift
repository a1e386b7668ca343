import AlimCore
import Foundation

/// The director's decisions on review pairs, kept in `WORKDIR/decisions.csv` (editable by hand),
/// applied on every later run so a decided pair is never asked again.
///
/// Format: UTF-8 `;` CSV with the header `paire;source_a;ref_a;source_b;ref_b;decision`, one line per
/// pair, `decision` = `merge` or `distinct` (`fusion`/`fusionner` and `distincts` are accepted).
/// The two record refs are what counts; `paire` is recomputed from them, so a hand-typed id cannot
/// point a decision at the wrong pair.
public struct DecisionStore: Sendable {
    public let url: URL
    public init(url: URL) { self.url = url }

    public static let header = ["paire", "source_a", "ref_a", "source_b", "ref_b", "decision"]

    /// Every decision recorded so far (empty when the file does not exist).
    public func load() throws -> [PairDecision] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw DecisionStoreError.invalid(line: 0, reason: "le fichier n'est pas en UTF-8")
        }
        return try Self.parse(text)
    }

    /// Records (or replaces) the decision on one pair.
    public func record(_ decision: PairDecision) throws {
        var all = try load().filter { PairID.make($0.a, $0.b) != PairID.make(decision.a, decision.b) }
        all.append(decision)
        try SecureFile.write(Self.encode(all), to: url)
    }

    /// The decision a director takes on a review pair by its id (`alim review decide <id> merge`),
    /// or nil when the id is not in that review list.
    public static func decision(forPair id: String, verdict: PairDecision.Verdict, in identity: IdentityArtifact) -> PairDecision? {
        guard let pair = identity.review.first(where: { $0.id == id }) else { return nil }
        return PairDecision(pairId: id, a: pair.a, b: pair.b, verdict: verdict)
    }

    /// The file's bytes for `decisions`, sorted by pair id (one line per pair).
    static func encode(_ decisions: [PairDecision]) -> Data {
        var csv = CSVOutput(header: header)
        for d in decisions.sorted(by: { PairID.make($0.a, $0.b) < PairID.make($1.a, $1.b) }) {
            let (a, b) = d.a < d.b ? (d.a, d.b) : (d.b, d.a)
            csv.append([PairID.make(a, b), a.file, a.ref, b.file, b.ref, d.verdict.rawValue])
        }
        return csv.encoded()
    }

    /// Verdict spellings accepted in a hand-edited file.
    static let verdictSpellings: [String: PairDecision.Verdict] = [
        "merge": .merge, "fusion": .merge, "fusionner": .merge,
        "distinct": .distinct, "distincts": .distinct, "distinctes": .distinct,
    ]

    static func parse(_ text: String) throws -> [PairDecision] {
        var out: [PairDecision] = []
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (n, line) in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let raw = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if raw.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let cells = SimpleCSV.cells(raw).map { $0.trimmingCharacters(in: .whitespaces) }
            if n == 0, cells.first?.lowercased() == "paire" { continue }
            guard cells.count >= 6 else {
                throw DecisionStoreError.invalid(line: n + 1, reason: "6 colonnes attendues (paire;source_a;ref_a;source_b;ref_b;decision), \(cells.count) trouvées")
            }
            guard let verdict = verdictSpellings[TextFold.fold(cells[5]).lowercased()] else {
                throw DecisionStoreError.invalid(line: n + 1, reason: "décision « \(cells[5]) » inconnue : écrire merge ou distinct")
            }
            guard !cells[1].isEmpty, !cells[2].isEmpty, !cells[3].isEmpty, !cells[4].isEmpty else {
                throw DecisionStoreError.invalid(line: n + 1, reason: "fichier ou enregistrement manquant")
            }
            let a = RecordRef(file: cells[1], ref: unneutralised(cells[2])), b = RecordRef(file: cells[3], ref: unneutralised(cells[4]))
            out.append(PairDecision(pairId: PairID.make(a, b), a: min(a, b), b: max(a, b), verdict: verdict))
        }
        return out
    }

    /// Undoes the apostrophe CSVOutput puts before a cell a spreadsheet would read as a formula.
    private static func unneutralised(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, "=+-@".contains(second) else { return cell }
        return String(cell.dropFirst())
    }
}

/// Why decisions.csv could not be read: the line and a French reason the operator can fix.
public enum DecisionStoreError: Error, CustomStringConvertible, Equatable {
    case invalid(line: Int, reason: String)
    public var description: String {
        switch self {
        case let .invalid(line, reason): return "decisions.csv, ligne \(line) : \(reason)"
        }
    }
}

/// Splits one `;` line with RFC 4180 quotes (enough for the decisions file).
enum SimpleCSV {
    static func cells(_ line: String) -> [String] {
        var cells: [String] = [], cur = "", quoted = false
        var it = Array(line).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() { if n == "\"" { cur.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else { cur.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == ";" { cells.append(cur); cur = "" }
            else { cur.append(c) }
        }
        cells.append(cur)
        return cells
    }
}
