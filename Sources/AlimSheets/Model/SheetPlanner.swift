import AlimCore
import Foundation

/// Decides which sheets a school's bundle carries tonight, and why an account has none.
///
/// Selection rules: by default only codes issued tonight (new accounts, renewals); `--all` reprints
/// every account that can have a sheet, with its existing code. Guardians with a usable e-mail get
/// an .eml; they are left out of the print PDFs except on a reprint (`--all`), which prints everything.
struct SheetPlanner {
    let index: AccountIndex
    let config: AlimConfig
    let selection: SheetSelection
    let schoolNames: [String: String]

    /// Why an account of this school gets no sheet tonight, or nil when it gets one.
    func exclusion(_ a: Account, in uai: UAI) -> String? {
        if a.platform != .one { return "compte collège uniquement : pas de compte One" }
        if a.change == .left { return "a quitté l'école : compte en cours de fermeture" }
        if a.change == .merged { return a.sheetReason ?? "fusionné avec un autre compte de la même personne" }
        if !a.sheet { return a.sheetReason ?? "aucune fiche ne peut être éditée pour ce compte" }
        if a.auth != .local { return "compte fédéré : aucune fiche ne peut être éditée" }
        guard let credential = a.credential else { return a.sheetReason ?? "compte déjà activé" }
        if !selection.all && !credential.issuedTonight && !a.reprintTonight {
            return "fiche déjà remise, code inchangé : utiliser « alim sheets --all » pour la réimprimer"
        }
        if let wanted = selection.className {
            let classes = a.profile == .guardian ? index.children(of: a, in: uai).map(\.className) : a.classes
            if !classes.contains(wanted) { return "hors de la sélection demandée (classe \(wanted))" }
        }
        return nil
    }

    /// The school's sheets, sorted by class then name.
    func sheets(for uai: UAI) -> [Sheet] {
        var out: [Sheet] = []
        for a in index.guardiansBySchool[uai] ?? [] where exclusion(a, in: uai) == nil {
            out.append(guardianSheet(a, uai: uai))
        }
        for a in index.pupilsBySchool[uai] ?? [] where exclusion(a, in: uai) == nil {
            out.append(pupilSheet(a, uai: uai))
        }
        return SheetOrder.sorted(out)
    }

    func schoolName(_ uai: UAI) -> String {
        config.schools[uai.value] ?? schoolNames[uai.value] ?? "École \(uai.value)"
    }

    private func guardianSheet(_ a: Account, uai: UAI) -> Sheet {
        let children = index.children(of: a, in: uai)
        let filed = selection.className.flatMap { wanted in children.first { $0.className == wanted } } ?? children.first
        let email = Self.usableEmail(a.email)
        return Sheet(kind: .guardian, accountId: a.id, uai: uai, schoolName: schoolName(uai),
                     className: filed?.className ?? a.classes.first ?? "", lastName: a.lastName, firstName: a.firstName,
                     children: children, login: Self.login(a), code: a.credential!.code,
                     expires: Self.french(a.credential!.expires), url: config.sheets.loginURL, email: email,
                     educonnectNotice: a.hasCollegeChild, printed: email == nil || selection.all)
    }

    private func pupilSheet(_ a: Account, uai: UAI) -> Sheet {
        Sheet(kind: .pupil, accountId: a.id, uai: uai, schoolName: schoolName(uai),
              className: a.classes.first ?? "", lastName: a.lastName, firstName: a.firstName, children: [],
              login: Self.login(a), code: a.credential!.code, expires: Self.french(a.credential!.expires),
              url: config.sheets.loginURL, email: nil, educonnectNotice: false, printed: true)
    }

    /// The login the sheet's code opens: the ENT's when the ENT issued the code, else the account's.
    static func login(_ a: Account) -> String { a.credential?.login ?? a.login }

    /// `YYYY-MM-DD` → `dd/mm/yyyy`; anything else printed as given (empty: the ENT's codes do not expire).
    static func french(_ date: String) -> String { RunDate(date)?.french ?? date }

    /// An address a mail tool can use as-is: one `@`, no spaces or line breaks (header injection).
    static func usableEmail(_ raw: String?) -> String? {
        guard let e = raw?.trimmingCharacters(in: .whitespaces), !e.isEmpty else { return nil }
        let parts = e.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              e.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" && $0 != "," && $0 != ";" })
        else { return nil }
        return e
    }
}
