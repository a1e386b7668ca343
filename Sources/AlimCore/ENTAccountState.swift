/// The French reasons the accounts stage gives a One account with `credentials = "ent"`, shared so
/// that the report classifies accounts on the very strings the accounts stage writes.
public enum ENTSheetReason {
    /// The ENT has not created the account yet (no export named it): no sheet.
    public static let waiting = "en attente de création dans l'ENT"
    /// The ENT shows the account without a code: its user already chose a password.
    public static let activated = "compte déjà activé : un code de renouvellement se demande dans l'ENT"
    /// A sheet went out an earlier night and tonight's exports do not give its code again.
    public static let printed = "fiche déjà remise : pour la réimprimer, déposez un export récent des comptes de l'ENT "
        + "(Alim ne conserve pas ses codes)"
    /// The ENT's login is known but no code for it was ever seen.
    public static let unknownCode = "code d'activation de l'ENT inconnu : déposez l'export des comptes de l'ENT"
    /// Two lines of tonight's exports disagree about the account.
    public static let contradictory = "exports de l'ENT contradictoires pour ce compte ce soir (voir warnings.csv) : aucune fiche"
}

/// Where a One account stands with the ENT tonight, for the operator's view (report, summary.json):
/// computed from the published `Account` by the report, never stored.
public enum ENTAccountState: String, Codable, Sendable, CaseIterable {
    /// The ENT has not created it yet: its export does not name it.
    case waiting
    /// Its sheet is made tonight with the ENT's login and code (printed or e-mailed).
    case printable
    /// Its sheet went out an earlier night (reprint with `alim sheets --all` while the code is known).
    case handed
    /// Its user already activated it in the ENT: no sheet, a renewal code is asked in the ENT.
    case activated
    /// Tonight's ENT exports contradict each other about it: no sheet (see warnings.csv).
    case contradictory
    /// The ENT's login is known, not its code: no sheet until an export with the code is dropped.
    case codeUnknown
    /// In the ENT, but no sheet is planned for it (a pupil outside `sheets.pupil_levels`).
    case noSheet
    /// Not a local One account tonight (collège, federated, left), or Alim issues the codes.
    case notApplicable
}
