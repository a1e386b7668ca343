import AlimCore
import Foundation

/// The CSV files of the output contract, which other tools read: headers fixed here, in one place.
enum ContractFiles {
    static let findingsHeader = ["source_file", "source_ref", "field", "reason"]
    static let accountsHeader = ["account_id", "platform", "profile", "auth", "login", "last_name", "first_name",
                                 "birth_date", "uai", "classes", "children", "sheet", "sheet_reason"]
    static let lineageHeader = ["source_file", "source_ref", "kind", "person_id", "account_id"]

    /// rejects.csv and warnings.csv.
    static func findings(_ findings: [Finding]) -> CSVOutput {
        var csv = CSVOutput(header: findingsHeader)
        for f in findings.sorted() { csv.append([f.file, f.ref, f.field, f.reason]) }
        return csv
    }

    /// accounts.csv: every account, sorted by id.
    static func accounts(_ artifact: AccountsArtifact) -> CSVOutput {
        var csv = CSVOutput(header: accountsHeader)
        for a in artifact.accounts.sorted(by: { $0.id < $1.id }) {
            csv.append([a.id, a.platform.rawValue, a.profile.rawValue, a.auth.rawValue, a.login, a.lastName, a.firstName,
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
