import AlimCore

/// Reads the ENT's export of accounts already activated (a `login` column, optionally a date).
///
/// These accounts need no activation code and no new sheet; the file names no person, so its rows
/// are not person records and never enter the lineage/rejects invariant.
struct ActivatedReader: Sendable {
    let map: HeaderMap
    let file: String

    /// Logins read, and rows skipped because their login is empty.
    struct Result: Sendable {
        var logins: [ActivatedLogin] = []
        var warnings: [Finding] = []
        var skippedRows = 0
    }

    func read(_ row: CSVRow, into out: inout Result) {
        guard let login = row.value(map.column(.login)) else {
            out.skippedRows += 1
            return
        }
        var date: String?
        if let raw = row.value(map.column(.activationDate)) {
            // ENT dates may carry a time (`2024-09-02T10:00:00`): keep the day.
            let day = String(raw.prefix { $0 != "T" && $0 != " " })
            if case .valid(let d) = OndeDate.parse(day) {
                date = d
            } else {
                out.warnings.append(Finding(file: file, ref: String(row.number), field: map.name(.activationDate),
                                            reason: "Date d'activation « \(raw) » illisible : ignorée."))
            }
        }
        out.logins.append(ActivatedLogin(login: login, date: date))
    }
}
