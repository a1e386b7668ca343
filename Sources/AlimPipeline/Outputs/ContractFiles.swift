import AlimCore
import Foundation

/// The CSV files of the output contract, which other tools read: headers fixed here, in one place.
enum ContractFiles {
    static let findingsHeader = ["source_file", "source_ref", "field", "reason"]
    static let accountsHeader = ["account_id", "platform", "profile", "auth", "login", "last_name", "first_name",
                                 "birth_date", "uai", "classes", "children", "sheet", "sheet_reason"]
    static let lineageHeader = ["source_file", "source_ref", "kind", "person_id", "account_id"]

    static let linkReviewHeader = ["element", "uai", "fichier_responsable", "ligne_responsable", "responsable", "enfant_indique",
                                   "colonnes", "candidats"]

    /// link-review.csv: the child references that name several pupils, with every candidate, for the director.
    static func linkReview(_ items: [LinkReviewItem], records: [PersonRecord]) -> CSVOutput {
        let byRef = Dictionary(records.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        var csv = CSVOutput(header: linkReviewHeader)
        for item in items.sorted() {
            let candidates = item.candidates.map { ref -> String in
                guard let p = byRef[ref] else { return "\(ref.file) ligne \(ref.ref)" }
                let born = p.birthDate.flatMap { RunDate($0)?.french }.map { ", né(e) le \($0)" } ?? ""
                return "\(p.firstName) \(p.displayLastName) (\(p.className ?? "sans classe")\(born) ; \(ref.file) ligne \(ref.ref))"
            }
            csv.append([item.id, item.uai.value, item.guardian.file, item.guardian.ref, item.guardianName, item.reference,
                        item.field, candidates.joined(separator: " | ")])
        }
        return csv
    }

    /// rejects.csv and warnings.csv.
    static func findings(_ findings: [Finding]) -> CSVOutput {
        var csv = CSVOutput(header: findingsHeader)
        for f in findings.sorted() { csv.append([f.file, f.ref, f.field, f.reason]) }
        return csv
    }

    /// accounts.csv: every account, sorted by id. `login` is the ENT's login once known.
    static func accounts(_ artifact: AccountsArtifact) -> CSVOutput {
        var csv = CSVOutput(header: accountsHeader)
        for a in artifact.accounts.sorted(by: { $0.id < $1.id }) {
            // The login the user types: the ENT's once its export named the account, Alim's until then.
            csv.append([a.id, a.platform.rawValue, a.profile.rawValue, a.auth.rawValue, a.entLogin ?? a.login, a.lastName, a.firstName,
                        a.birthDate ?? "", a.uais.map(\.value).sorted().joined(separator: "|"),
                        a.classes.sorted().joined(separator: "|"), a.children.sorted().joined(separator: "|"),
                        a.sheet ? "yes" : "no", a.sheet ? "" : (a.sheetReason ?? "")])
        }
        return csv
    }

    /// lineage.csv: one row per accepted record.
    static func lineage(_ artifact: AccountsArtifact) -> CSVOutput {
        var csv = CSVOutput(header: lineageHeader)
        for e in artifact.lineage.sorted(by: { $0.record < $1.record }) {
            csv.append([e.record.file, e.record.ref, e.kind.rawValue, e.personId, e.accountId ?? ""])
        }
        return csv
    }
}
