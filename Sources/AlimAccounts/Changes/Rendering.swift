import AlimCore

/// Builds the published `Account` from a stored row: every account of the artifact, whether
/// recomputed tonight, kept, left or held, goes through here so all carry the same fields.
enum Rendering {
    static func account(_ row: AccountRow, change: AccountChange, credential: Credential?, activated: Bool,
                        sheets: SheetsConfig, activatedReason: String = SheetRule.activatedReason) -> Account {
        let rule = SheetRule.decide(platform: row.platform, profile: row.profile, auth: row.auth, level: row.level,
                                    uais: row.uais, activated: activated, sheets: sheets, activatedReason: activatedReason)
        let leaving = change == .left
        return Account(id: row.id, personId: row.clusterId, platform: row.platform, profile: row.profile,
                       auth: row.auth, login: row.login, lastName: row.lastName, firstName: row.firstName,
                       birthDate: row.birthDate, uais: row.uais, classes: row.classes, level: row.level,
                       children: row.children, hasCollegeChild: row.hasCollegeChild, email: row.email,
                       records: row.records, sheet: leaving ? false : rule.sheet,
                       sheetReason: leaving ? leftReason : rule.reason, change: change,
                       credential: leaving || activated || row.auth != .local ? nil : credential,
                       entLogin: row.entLogin)
    }

    static let leftReason = "Compte absent de l'export de l'école (départ)"

    /// A retired account: no sheet, no code, and the account that absorbed it.
    static func merged(_ row: AccountRow, into survivor: AccountRow, sheets: SheetsConfig) -> Account {
        var account = Rendering.account(row, change: .merged, credential: nil, activated: false, sheets: sheets)
        account.sheet = false
        account.credential = nil
        account.sheetReason = AccountMerges.reason(survivor: survivor)
        account.mergedInto = survivor.id
        return account
    }
}
