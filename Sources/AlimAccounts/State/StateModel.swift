import AlimCore

/// The whole persistent state in memory: loaded at the start of a run, replaced in one transaction
/// at the end. Also stored (JSON) as a run's base snapshot so the same run id can be recomputed.
struct StateSnapshot: Codable, Sendable, Equatable {
    var persons: [PersonRow] = []
    var accounts: [AccountRow] = []
    var generations: [GenerationRow] = []
    /// Last number handed out per counter (`person`, `one`, `college`).
    var counters: [String: Int] = [:]

    /// Next number of a counter (the counter is advanced).
    mutating func next(_ counter: String) -> Int {
        let n = (counters[counter] ?? 0) + 1
        counters[counter] = n
        return n
    }

    /// Puts every list in its canonical order so equal states compare (and encode) equal.
    mutating func canonicalise() {
        persons.sort { $0.id < $1.id }
        for i in persons.indices { persons[i].keys = Array(Set(persons[i].keys)).sorted() }
        accounts.sort { $0.id < $1.id }
        for i in accounts.indices { accounts[i].children.sort() }
        generations.sort { ($0.accountId, $0.generation) < ($1.accountId, $1.generation) }
    }
}

/// One human Alim gave accounts to, with the stable keys that find them again on later nights.
struct PersonRow: Codable, Sendable, Equatable {
    /// Internal, never reused: `H0000001`.
    var id: String
    var kind: RecordKind
    /// The identity stage's cluster id when last seen (the `person_id` printed in outputs).
    var clusterId: String
    /// Match keys (`ine:`, `ext:`, `nb:`, `nc:`, `cluster:`), see `MatchKey`.
    var keys: [String]
}

/// Lifecycle of an account in the state.
enum AccountStatus: String, Codable, Sendable {
    case active
    /// Missing from its school's export since `leftSince`; kept for the grace period.
    case left
    /// Listed for deactivation once; kept so its id and login are never reused.
    case deactivated
    /// Absorbed by another account of the same person (`mergedInto`); listed for deactivation the
    /// night it happened, kept so its id and login are never reused.
    case merged
}

/// One account as stored: what was last published for it.
struct AccountRow: Codable, Sendable, Equatable {
    var id: AccountID
    var personId: String
    var clusterId: String
    var platform: Platform
    var profile: Profile
    var auth: Auth
    var login: String
    var lastName: String
    var firstName: String
    var birthDate: String?
    var uais: [UAI]
    var classes: [String]
    var level: SchoolLevel?
    var email: String?
    var children: [AccountID]
    var hasCollegeChild: Bool
    var records: [RecordRef]
    var status: AccountStatus
    var leftSince: String?
    var activatedOn: String?
    /// The login the ENT generated, once one of its exports named this account.
    var entLogin: String? = nil
    /// Keyed fingerprint of the last ENT activation code seen (`ENTCodeFingerprint`), never the code:
    /// tells a code first seen tonight (a sheet to print) from one already printed.
    var entCodeMAC: String? = nil
    /// For a `merged` account: the survivor that absorbed it.
    var mergedInto: AccountID? = nil

    /// The published fields whose change makes the night's change `changed` (and a directory update).
    var published: [String] {
        [auth.rawValue, lastName, firstName, birthDate ?? "", uais.map(\.value).joined(separator: ","),
         classes.joined(separator: "\u{1}"), level?.rawValue ?? "", email ?? "",
         children.joined(separator: ","), hasCollegeChild ? "1" : "0"]
    }
}

/// One generation of activation code for one account. The code itself is never stored: it is
/// re-derived from the secret key, the account id, the generation and this nonce.
struct GenerationRow: Codable, Sendable, Equatable {
    var accountId: AccountID
    var generation: Int
    /// 16 random bytes (hex) from the CSPRNG.
    var nonce: String
    var issued: String
    var expires: String
    /// The run that issued it: a rerun of that run reuses the nonce instead of drawing a new one.
    var runId: String
}

/// A pending `alim renew` request for one account.
struct RenewalRow: Codable, Sendable, Equatable {
    var accountId: AccountID
    var requested: String
    /// The run that issued the new code, nil while pending.
    var consumedRun: String?
}
