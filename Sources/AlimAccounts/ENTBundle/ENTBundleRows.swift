import AlimCore

/// The two CSV files of one school's bundle, in the columns the ENT's importer maps.
///
/// Header names are French, as in the ENT's own templates, and each one maps after the importer's
/// cleaning (trim, lower case, accents, spaces, `*` and `'` removed; entcore
/// `ProfileColumnsMapper.cleanKey`) to one field of its default table: `externalId` → externalId,
/// `Nom` → lastName, `Prénom` → firstName, `Date de naissance` → birthDate (`jj/mm/aaaa`, which the
/// importer turns into ISO), `Classe` → classes, `Niveau` → level, `Sexe` → gender, `INE` → ine,
/// `Courriel` → email, `Téléphone portable` → mobile, `alias` → loginAlias (Alim's login, since the
/// ENT generates its own login), `childExternalId` → the child's externalId, repeated as many times
/// as the largest family of the file. Files are written through `CSVOutput` (UTF-8 with BOM, `;`,
/// CRLF, RFC 4180 quoting, formula neutralisation) — the only CSV contract Alim has.
struct ENTBundleRows {
    static let pupilHeader = ["externalId", "Nom", "Prénom", "Date de naissance", "Classe", "Niveau", "Sexe", "INE",
                              "alias"]
    static let guardianHeader = ["externalId", "Nom", "Prénom", "Courriel", "Téléphone portable", "alias"]
    static let childColumn = "childExternalId"

    /// Tonight's records, for what accounts do not carry (sex, INE, mobile, the class in one school).
    let records: [RecordRef: PersonRecord]
    /// `accounts.ent_tenant_prefix`.
    let prefix: String

    /// `<UAI>_Eleves_…csv`: one row per pupil, in the given order.
    func pupils(_ pupils: [Account], in uai: UAI) -> CSVOutput {
        var out = CSVOutput(header: Self.pupilHeader)
        for a in pupils {
            let mine = recordsOf(a)
            let here = mine.filter { $0.uai == uai }
            let className = here.lazy.compactMap { nonEmpty($0.className) }.first ?? a.classes.first ?? ""
            let level = a.level.map { $0 == .other ? "" : $0.rawValue } ?? ""
            out.append([ENTBundleNaming.externalId(a.id, prefix: prefix), a.lastName, a.firstName,
                        Self.frenchDate(a.birthDate), className, level,
                        mine.lazy.compactMap { nonEmpty($0.sex) }.first ?? "",
                        mine.lazy.compactMap { nonEmpty($0.ine) }.first ?? "", a.login])
        }
        return out
    }

    /// `<UAI>_Parents_…csv`: one row per guardian, its children's externalIds in repeated columns.
    func guardians(_ guardians: [(account: Account, children: [AccountID])]) -> CSVOutput {
        let width = guardians.map(\.children.count).max() ?? 0
        var out = CSVOutput(header: Self.guardianHeader + Array(repeating: Self.childColumn, count: width))
        for (g, children) in guardians {
            let mobile = recordsOf(g).lazy.flatMap(\.phones).first { $0.kind == "mobile" && nonEmpty($0.raw) != nil }
            var row = [ENTBundleNaming.externalId(g.id, prefix: prefix), g.lastName, g.firstName, g.email ?? "",
                       mobile.map { Self.phone($0.raw) } ?? "", g.login]
            row += children.map { ENTBundleNaming.externalId($0, prefix: prefix) }
            row += Array(repeating: "", count: width - children.count)
            out.append(row)
        }
        return out
    }

    /// The account's records present tonight, in the planner's order of preference (the school's
    /// own export first). A held account may carry last night's references: those give nothing.
    private func recordsOf(_ a: Account) -> [PersonRecord] {
        Planner.ordered(a.records.compactMap { records[$0] })
    }

    /// `YYYY-MM-DD` → `jj/mm/aaaa`, as in the ENT's templates; empty when unknown (the ENT then
    /// refuses a pupil row, the date being required for a Student: counted and said in the log).
    static func frenchDate(_ iso: String?) -> String {
        guard let iso, let d = RunDate(iso) else { return "" }
        return d.french
    }

    /// A phone number as the ENT's validator accepts it and no spreadsheet reads as a formula: an
    /// international `+` prefix becomes `00`, and `+33` (optionally followed by `(0)`) the French
    /// trunk `0` (`+33 6 12 34 56 78` → `06 12 34 56 78`). Anything else is kept as exported.
    static func phone(_ raw: String) -> String {
        var s = TextFold.trim(raw)
        guard s.hasPrefix("+") else { return s }
        s.removeFirst()
        guard s.hasPrefix("33") else { return "00" + s }
        var national = TextFold.trim(String(s.dropFirst(2)))
        if national.hasPrefix("(0)") { national = TextFold.trim(String(national.dropFirst(3))) }
        return national.hasPrefix("0") ? national : "0" + national
    }
}
