import AlimCore

/// `directory.csv` for the ENT's import: one row per account to create, update or deactivate.
/// Codes travel only when the configuration asks (`directoryIncludesCodes`), since the file leaves Alim.
enum DirectoryExport {
    static let header = ["action", "account_id", "platform", "profile", "auth", "login", "last_name", "first_name",
                         "birth_date", "uai", "classes", "children", "code", "code_expires"]

    static func csv(_ artifact: AccountsArtifact, includeCodes: Bool) -> CSVOutput {
        var out = CSVOutput(header: header)
        let byId = Dictionary(artifact.accounts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for entry in artifact.directory {
            guard let a = byId[entry.accountId] else { continue }
            let code = includeCodes && entry.action != .deactivate ? a.credential : nil
            out.append([entry.action.rawValue, a.id, a.platform.rawValue, a.profile.rawValue, a.auth.rawValue, a.login,
                        a.lastName, a.firstName, a.birthDate ?? "", a.uais.map(\.value).joined(separator: ","),
                        a.classes.joined(separator: ","), a.children.joined(separator: ","),
                        code?.code ?? "", code?.expires ?? ""])
        }
        return out
    }
}
