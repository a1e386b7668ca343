import AlimCore

/// Where each local One account stands with the ENT tonight, read from the published account:
/// its platform and authentication, its sheet and credential, the ENT login the exports gave it and,
/// for the states that only a reason tells apart, the reason strings of `ENTSheetReason` (the very
/// constants the accounts stage writes).
enum ENTAccounts {
    static func state(of a: Account, credentials: CredentialSource) -> ENTAccountState {
        guard credentials == .ent, a.platform == .one, a.auth == .local, a.change != .left, a.change != .merged else {
            return .notApplicable
        }
        switch a.sheetReason {
        case ENTSheetReason.activated?: return .activated
        case ENTSheetReason.contradictory?: return .contradictory
        case ENTSheetReason.unknownCode?: return .codeUnknown
        case ENTSheetReason.waiting?: return .waiting
        case ENTSheetReason.printed?: return .handed
        default: break
        }
        if let credential = a.credential {
            // A code seen on an earlier night is not printed again by default: that sheet went out.
            return a.sheet ? (credential.issuedTonight ? .printable : .handed) : .noSheet
        }
        // No ENT login yet: the ENT has not created the account (a pupil without a sheet waits too).
        if a.entLogin == nil { return .waiting }
        return a.sheet ? .handed : .noSheet
    }

    /// Per school with local One accounts, sorted by UAI; nil when the accounts stage did not run or
    /// Alim issues the codes (`credentials = "alim"`).
    static func perSchool(_ input: ReportInput) -> [ENTAccountCounts]? {
        guard let artifact = input.accounts, input.config.accounts.credentials == .ent else { return nil }
        var counts: [UAI: ENTAccountCounts] = [:]
        for account in artifact.accounts {
            let state = state(of: account, credentials: input.config.accounts.credentials)
            guard state != .notApplicable else { continue }
            for uai in Set(account.uais) { counts[uai, default: ENTAccountCounts(uai: uai)][state] += 1 }
        }
        return counts.values.sorted()
    }

    /// The whole run, every account counted once (a guardian of two schools too); nil as `perSchool`.
    static func total(_ input: ReportInput) -> [ENTAccountState: Int]? {
        guard let artifact = input.accounts, input.config.accounts.credentials == .ent else { return nil }
        var total: [ENTAccountState: Int] = [:]
        for account in artifact.accounts {
            let state = state(of: account, credentials: input.config.accounts.credentials)
            if state != .notApplicable { total[state, default: 0] += 1 }
        }
        return total
    }

    /// The state's words in the report (column heads, summary line).
    static func label(_ state: ENTAccountState) -> String {
        switch state {
        case .waiting: return "en attente de création"
        case .printable: return "fiche ce soir"
        case .handed: return "fiche déjà remise"
        case .activated: return "déjà activés"
        case .contradictory: return "exports contradictoires"
        case .codeUnknown: return "code inconnu"
        case .noSheet: return "sans fiche prévue"
        case .notApplicable: return "hors ENT One"
        }
    }

    /// What the state means, for the page's tooltips and legend.
    static func meaning(_ state: ENTAccountState) -> String {
        switch state {
        case .waiting: return "aucun export de l'ENT ne nomme encore ce compte : il n'a pas de fiche tant que l'ENT ne l'a pas créé"
        case .printable: return "fiche faite cette nuit avec l'identifiant et le code d'activation de l'ENT"
        case .handed: return "fiche remise une nuit précédente ; « alim sheets --all » la réimprime tant que le code est connu"
        case .activated: return "le compte a déjà été activé dans l'ENT : un code de renouvellement se demande dans l'ENT"
        case .contradictory: return "deux lignes des exports de l'ENT de cette nuit se contredisent (voir warnings.csv) : aucune fiche"
        case .codeUnknown: return "identifiant de l'ENT connu, mais aucun code : déposez l'export des comptes de l'ENT"
        case .noSheet: return "compte créé dans l'ENT, sans fiche prévue (élève hors des niveaux de sheets.pupil_levels)"
        case .notApplicable: return "compte des collèges, fédéré ou parti"
        }
    }

    /// The states counted, in the order the page shows them.
    static let shown: [ENTAccountState] = [.waiting, .printable, .handed, .activated, .contradictory, .codeUnknown, .noSheet]
}
