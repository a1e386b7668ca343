/// Why the accounts stage refused to run; messages are French because the operator reads them.
public enum AccountsError: Error, CustomStringConvertible, Equatable {
    case badSecretKey(String)
    case notLatestRun(runId: String, latest: String)
    case injectedFault
    /// `alim renew` with `credentials = "ent"`.
    case renewalInENT

    public var description: String {
        switch self {
        case let .badSecretKey(path):
            return "Clé secrète illisible ou de taille incorrecte : \(path) (32 octets attendus)"
        case let .notLatestRun(runId, latest):
            return "Le traitement \(runId) ne peut pas être rejoué : seul le dernier traitement (\(latest)) peut l'être"
        case .renewalInENT:
            return "Les fiches portent les identifiants et codes de l'ENT (accounts.credentials = \"ent\") : "
                + "un code de renouvellement se demande dans la console d'administration de l'ENT, puis son export "
                + "déposé dans la boîte de dépôt fait imprimer la fiche au prochain run"
        case .injectedFault:
            return "Interruption simulée (test)"
        }
    }
}
