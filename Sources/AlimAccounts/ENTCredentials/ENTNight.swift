import AlimCore

/// With `credentials = "ent"`: what tonight's ENT facts do to the accounts, and what their sheets carry.
///
/// The ENT generates every login and code, so a sheet can only be made once its export named the
/// account: before that the account waits; once activated it gets no new sheet (renewal codes are
/// asked in the ENT). A code first seen tonight makes the sheet due tonight; the state keeps only its
/// keyed fingerprint, so a later night knows the sheet went out without ever holding the code.
struct ENTNight {
    let facts: [AccountID: ENTFact]
    /// The workdir's secret key, for the codes' fingerprints.
    let key: [UInt8]
    let date: RunDate

    // The reasons live in AlimCore (`ENTSheetReason`) so the report classifies on the same strings.
    static let waitingReason = ENTSheetReason.waiting
    static let activatedReason = ENTSheetReason.activated
    static let printedReason = ENTSheetReason.printed
    static let unknownCodeReason = ENTSheetReason.unknownCode
    static let contradictoryReason = ENTSheetReason.contradictory

    /// Records tonight's ENT login and activation in the row, before its activation is decided.
    func record(_ row: inout AccountRow) {
        guard let fact = facts[row.id] else { return }
        row.entLogin = fact.login
        switch fact.code {
        case .activated: if row.activatedOn == nil { row.activatedOn = date.description }
        // The ENT lists a code only for an account not yet activated: its word is the latest.
        case .pending: row.activatedOn = nil
        case .contradictory: break
        }
    }

    /// The published account, its sheet on the ENT's credentials or the reason for none; records the
    /// fingerprint of a code handed to the sheets.
    func render(_ row: inout AccountRow, change: AccountChange, activated: Bool, sheets: SheetsConfig) -> Account {
        var account = Rendering.account(row, change: change, credential: nil, activated: activated, sheets: sheets,
                                        activatedReason: Self.activatedReason)
        guard account.sheet, row.auth == .local else { return account }
        switch facts[row.id]?.code {
        case .pending(let code):
            let fingerprint = ENTCodeFingerprint.of(code, accountId: row.id, key: key)
            account.credential = Credential(code: code, expires: "", issuedTonight: row.entCodeMAC != fingerprint,
                                            login: row.entLogin)
            row.entCodeMAC = fingerprint
        case .contradictory:
            account.sheet = false
            account.sheetReason = Self.contradictoryReason
        case .activated, nil:
            if row.entLogin == nil {
                account.sheet = false
                account.sheetReason = Self.waitingReason
            } else if row.entCodeMAC != nil {
                account.sheetReason = Self.printedReason
            } else {
                account.sheet = false
                account.sheetReason = Self.unknownCodeReason
            }
        }
        return account
    }
}
