import AlimCore

/// Whether an account can have a connection sheet, and the French reason when it cannot.
///
/// Only local One accounts can: a federated account logs in through ÉduConnect (no code to print),
/// an activated account already has its password, and pupils get a sheet only at the configured levels.
enum SheetRule {
    static let federatedReason = "Compte fédéré : connexion par ÉduConnect, aucune fiche possible"
    static let activatedReason = "Compte déjà activé"
    static let collegeLocalReason = "Compte de l'ENT des collèges : aucune fiche prévue"

    static func decide(platform: Platform, profile: Profile, auth: Auth, level: SchoolLevel?, uais: [UAI],
                       activated: Bool, sheets: SheetsConfig,
                       activatedReason: String = activatedReason) -> (sheet: Bool, reason: String?) {
        if auth == .educonnect { return (false, federatedReason) }
        if activated { return (false, activatedReason) }
        if platform != .one { return (false, collegeLocalReason) }
        if profile == .guardian { return (true, nil) }
        if uais.contains(where: { sheets.pupilGetsSheet(level: level, uai: $0) })
            || (uais.isEmpty && sheets.pupilGetsSheet(level: level, uai: nil)) {
            return (true, nil)
        }
        return (false, pupilReason(sheets))
    }

    /// "Fiche élève prévue seulement pour CM1 et CM2" with the configured levels.
    static func pupilReason(_ sheets: SheetsConfig) -> String {
        let levels = sheets.pupilLevels.sorted().map(\.rawValue)
        let list: String
        switch levels.count {
        case 0: return "Aucune fiche élève prévue"
        case 1: list = levels[0]
        default: list = levels.dropLast().joined(separator: ", ") + " et " + levels.last!
        }
        return "Fiche élève prévue seulement pour \(list)"
    }
}
