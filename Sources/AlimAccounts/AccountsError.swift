/// Why the accounts stage refused to run; messages are French because the operator reads them.
public enum AccountsError: Error, CustomStringConvertible, Equatable {
    case badSecretKey(String)
    case notLatestRun(runId: String, latest: String)
    case injectedFault
    /// `alim renew` with `credentials = "ent"`.
    case renewalInENT
    /// A state row this binary cannot read: `value` is what the column holds (NULL, an unknown
    /// enumeration value, JSON that does not decode), or what did not decode in it.
    case damagedState(table: String, row: String, column: String, value: String?)
    /// The state was migrated by a later Alim: these migrations are unknown to this binary.
    case stateFromAnotherVersion(path: String, migrations: [String])
    /// `state.sqlite` is not a database SQLite can open (the extended result code).
    case unreadableState(path: String, sqliteCode: Int)

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
        case let .damagedState(table, row, column, value):
            let what = value.map { "porte « \($0) » dans la colonne \(column), valeur que cette version d'Alim ne sait pas lire" }
                ?? "est illisible dans la colonne \(column)"
            return "État des comptes refusé : la ligne « \(row) » de la table \(table) \(what) (ligne endommagée, "
                + "ou écrite par une autre version d'Alim). Rien n'a été modifié : corrigez cette ligne ou restaurez "
                + "la sauvegarde de state.sqlite, puis relancez"
        case let .stateFromAnotherVersion(path, migrations):
            return "L'état \(path) a été écrit par une version plus récente d'Alim (migrations inconnues de celle-ci : "
                + migrations.joined(separator: ", ") + ") : utilisez cette version-là, ou restaurez une sauvegarde de l'état"
        case let .unreadableState(path, code):
            return "L'état \(path) n'est pas une base SQLite lisible (code SQLite \(code)) : restaurez la sauvegarde de l'état"
        case .injectedFault:
            return "Interruption simulée (test)"
        }
    }
}
