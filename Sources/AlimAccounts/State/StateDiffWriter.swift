import AlimCore
import GRDB

extension StateStore {
    /// Turns the stored state `current` into `s` by writing only the rows that differ (inside the
    /// caller's transaction).
    ///
    /// Most nights change a few hundred accounts out of a département's 150,000: deleting and
    /// re-inserting every row (about a million with their keys, logins, links and code generations)
    /// was most of a regular night's accounts stage. What is stored afterwards is exactly `s`
    /// (`StateDiffWriterTests`). Both snapshots must be canonical (`StateSnapshot.canonicalise`).
    static func update(_ db: Database, from current: StateSnapshot, to s: StateSnapshot) throws {
        let json = JSONColumnEncoder()
        // Both snapshots are sorted by id: one walk pairs each row with its former self.
        let persons = SortedDiff(current.persons, s.persons, id: \.id)
        let accounts = SortedDiff(current.accounts, s.accounts, id: \.id)

        // 1. Rows gone (accounts before the persons they reference).
        for a in accounts.removed {
            try db.execute(sql: "DELETE FROM links WHERE guardian_account = ?", arguments: [a.id])
            try db.execute(sql: "DELETE FROM logins WHERE account_id = ?", arguments: [a.id])
            try db.execute(sql: "DELETE FROM accounts WHERE id = ?", arguments: [a.id])
        }
        for p in persons.removed {
            try db.execute(sql: "DELETE FROM person_keys WHERE person_id = ?", arguments: [p.id])
            try db.execute(sql: "DELETE FROM persons WHERE id = ?", arguments: [p.id])
        }

        // 2. Persons and their keys.
        let insertPerson = try db.makeStatement(sql: "INSERT INTO persons (id, kind, cluster_id) VALUES (?, ?, ?)")
        let updatePerson = try db.makeStatement(sql: "UPDATE persons SET kind = ?, cluster_id = ? WHERE id = ?")
        let insertKey = try db.makeStatement(sql: "INSERT INTO person_keys (person_id, key) VALUES (?, ?)")
        let deleteKeys = try db.makeStatement(sql: "DELETE FROM person_keys WHERE person_id = ?")
        for (old, p) in persons.kept {
            guard let old else {
                try insertPerson.execute(arguments: [p.id, p.kind.rawValue, p.clusterId])
                for k in p.keys { try insertKey.execute(arguments: [p.id, k]) }
                continue
            }
            if old.kind != p.kind || old.clusterId != p.clusterId {
                try updatePerson.execute(arguments: [p.kind.rawValue, p.clusterId, p.id])
            }
            if old.keys != p.keys {
                try deleteKeys.execute(arguments: [p.id])
                for k in p.keys { try insertKey.execute(arguments: [p.id, k]) }
            }
        }

        // 3. Accounts, their logins and links.
        let columns = """
            person_id = ?, cluster_id = ?, platform = ?, profile = ?, auth = ?, login = ?, last_name = ?, first_name = ?,
            birth_date = ?, uais = ?, classes = ?, level = ?, email = ?, has_college_child = ?, records = ?, status = ?,
            left_since = ?, activated_on = ?, ent_login = ?, ent_code_mac = ?, merged_into = ?
            """
        let updateAccount = try db.makeStatement(sql: "UPDATE accounts SET \(columns) WHERE id = ?")
        let insertAccount = try db.makeStatement(sql: """
            INSERT INTO accounts (person_id, cluster_id, platform, profile, auth, login, last_name, first_name,
              birth_date, uais, classes, level, email, has_college_child, records, status, left_since, activated_on,
              ent_login, ent_code_mac, merged_into, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertLogin = try db.makeStatement(sql: "INSERT INTO logins (platform, login, account_id) VALUES (?, ?, ?)")
        let deleteLogin = try db.makeStatement(sql: "DELETE FROM logins WHERE account_id = ?")
        let insertLink = try db.makeStatement(sql: "INSERT INTO links (guardian_account, pupil_account) VALUES (?, ?)")
        let deleteLinks = try db.makeStatement(sql: "DELETE FROM links WHERE guardian_account = ?")
        for (old, a) in accounts.kept {
            if old == a { continue }
            let values: StatementArguments = [
                a.personId, a.clusterId, a.platform.rawValue, a.profile.rawValue, a.auth.rawValue, a.login, a.lastName,
                a.firstName, a.birthDate, json.text(a.uais), json.text(a.classes), a.level?.rawValue, a.email,
                a.hasCollegeChild, json.text(a.records), a.status.rawValue, a.leftSince, a.activatedOn, a.entLogin,
                a.entCodeMAC, a.mergedInto, a.id]
            guard let old else {
                try insertAccount.execute(arguments: values)
                try insertLogin.execute(arguments: [a.platform.rawValue, a.login, a.id])
                for child in a.children { try insertLink.execute(arguments: [a.id, child]) }
                continue
            }
            try updateAccount.execute(arguments: values)
            if old.platform != a.platform || old.login != a.login {
                try deleteLogin.execute(arguments: [a.id])
                try insertLogin.execute(arguments: [a.platform.rawValue, a.login, a.id])
            }
            if old.children != a.children {
                try deleteLinks.execute(arguments: [a.id])
                for child in a.children { try insertLink.execute(arguments: [a.id, child]) }
            }
        }

        // 4. Code generations, keyed by account and generation.
        let generations = SortedDiff(current.generations, s.generations, id: { GenerationKey(account: $0.accountId, generation: $0.generation) })
        for g in generations.removed {
            try db.execute(sql: "DELETE FROM code_generations WHERE account_id = ? AND generation = ?",
                           arguments: [g.accountId, g.generation])
        }
        let upsertGeneration = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO code_generations (account_id, generation, nonce, issued, expires, run_id)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (old, g) in generations.kept where old != g {
            try upsertGeneration.execute(arguments: [g.accountId, g.generation, g.nonce, g.issued, g.expires, g.runId])
        }

        // 5. Counters (a handful of rows).
        try db.execute(sql: "DELETE FROM counters")
        let counter = try db.makeStatement(sql: "INSERT INTO counters (name, value) VALUES (?, ?)")
        for (name, value) in s.counters.sorted(by: { $0.key < $1.key }) {
            try counter.execute(arguments: [name, value])
        }
    }
}

/// The key of a code generation, in the order `StateSnapshot.canonicalise` sorts them.
private struct GenerationKey: Comparable {
    let account: String
    let generation: Int
    static func < (a: Self, b: Self) -> Bool { (a.account, a.generation) < (b.account, b.generation) }
}

/// Two lists sorted by the same key, walked once: the rows only in `old`, and every row of `new` with
/// its former self (nil when new).
private struct SortedDiff<Row, Key: Comparable> {
    var removed: [Row] = []
    var kept: [(Row?, Row)] = []

    init(_ old: [Row], _ new: [Row], id: (Row) -> Key) {
        var i = 0, j = 0
        kept.reserveCapacity(new.count)
        while i < old.count || j < new.count {
            if j == new.count || (i < old.count && id(old[i]) < id(new[j])) {
                removed.append(old[i]); i += 1
            } else if i == old.count || id(new[j]) < id(old[i]) {
                kept.append((nil, new[j])); j += 1
            } else {
                kept.append((old[i], new[j])); i += 1; j += 1
            }
        }
    }
}
