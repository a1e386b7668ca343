import Foundation

/// One account line of an export the ENT wrote (its users export or `activation_de_comptes.csv`),
/// as read at ingest, before it is matched to an Alim account by the accounts stage.
///
/// Holds an activation code: a secret for an account of a minor. It lives only in the ingest
/// artifact (0600) and in the accounts stage's memory; never in a log, never in clear in the state.
public struct ENTCredentialRow: Codable, Hashable, Sendable, Comparable {
    /// Which ENT export the line comes from: they identify an account differently.
    public enum Export: String, Codable, Sendable {
        /// The users export (`"Id";"Identifiant SIECLE";"Type";…`): carries the externalId Alim gave.
        case users = "export-utilisateurs"
        /// `activation_de_comptes.csv`: accounts not yet activated only, no externalId.
        case activation = "activation-de-comptes"
    }

    /// File relative to the inbox, `/`-separated.
    public var file: String
    /// CSV record number (header = 1), for warnings.
    public var ref: String
    public var export: Export
    /// `Id` of the users export: the externalId given at import (Alim's `<prefix><account id>`), if any.
    public var externalId: String?
    /// `Type` read as a profile (`Élève` → pupil, `Parent` → guardian).
    public var profile: Profile
    public var lastName: String
    public var firstName: String
    /// The login the ENT generated (`Identifiant`, `Login`).
    public var login: String
    /// The login alias (`Login personnalisé (Alias)`, `Alias de login`): Alim's login, sent in the bundle.
    public var alias: String?
    /// The activation code; nil when the export's cell is empty (in the users export: already activated).
    public var code: String?

    public init(file: String, ref: String, export: Export, externalId: String?, profile: Profile, lastName: String,
                firstName: String, login: String, alias: String?, code: String?) {
        self.file = file
        self.ref = ref
        self.export = export
        self.externalId = externalId
        self.profile = profile
        self.lastName = lastName
        self.firstName = firstName
        self.login = login
        self.alias = alias
        self.code = code
    }

    public static func < (a: ENTCredentialRow, b: ENTCredentialRow) -> Bool {
        RecordRef(file: a.file, ref: a.ref) < RecordRef(file: b.file, ref: b.ref)
    }

    /// The place of the line, for findings (`fichier#ligne`): never the code.
    public var place: RecordRef { RecordRef(file: file, ref: ref) }
}
