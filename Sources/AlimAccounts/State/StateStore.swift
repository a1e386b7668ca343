import AlimCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// `WORKDIR/state.sqlite` through GRDB: schema migrations, loading the state into a snapshot and
/// replacing it in one transaction. SQLite's transaction is what makes a killed run harmless: either
/// the whole night is committed or the previous state is untouched.
///
/// Review decisions are not here: the identity module keeps them in `WORKDIR/decisions.csv`.
struct StateStore {
    let queue: DatabaseQueue
    let url: URL

    /// Opens (creating 0600 when missing) and migrates the state.
    init(url: URL) throws {
        self.url = url
        if !FileManager.default.fileExists(atPath: url.path) {
            let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if fd >= 0 { close(fd) }
        }
        chmod(url.path, 0o600)
        do {
            queue = try DatabaseQueue(path: url.path)
            // The schema's version is the list of migrations applied: one this binary does not know means a
            // later Alim wrote the state, and reading it with this one could lose what that one stored.
            let migrator = Self.migrator
            let unknown = try queue.read { db -> [String] in
                guard try migrator.hasBeenSuperseded(db) else { return [] }
                return try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            }
            guard unknown.isEmpty else { throw AccountsError.stateFromAnotherVersion(path: url.path, migrations: unknown) }
            try migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw AccountsError.unreadableState(path: url.path, sqliteCode: Int(error.extendedResultCode.rawValue))
        }
        chmod(url.path, 0o600)
    }

    /// Named migrations; a later schema change is a new migration, never an edit of these.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-state") { db in
            try db.create(table: "persons") { t in
                t.column("id", .text).primaryKey()
                t.column("kind", .text).notNull()
                t.column("cluster_id", .text).notNull()
            }
            try db.create(table: "person_keys") { t in
                t.column("person_id", .text).notNull().references("persons", onDelete: .cascade)
                t.column("key", .text).notNull()
                t.primaryKey(["person_id", "key"])
            }
            try db.create(index: "person_keys_key", on: "person_keys", columns: ["key"])
            try db.create(table: "accounts") { t in
                t.column("id", .text).primaryKey()
                t.column("person_id", .text).notNull().references("persons")
                t.column("cluster_id", .text).notNull()
                t.column("platform", .text).notNull()
                t.column("profile", .text).notNull()
                t.column("auth", .text).notNull()
                t.column("login", .text).notNull()
                t.column("last_name", .text).notNull()
                t.column("first_name", .text).notNull()
                t.column("birth_date", .text)
                t.column("uais", .text).notNull()
                t.column("classes", .text).notNull()
                t.column("level", .text)
                t.column("email", .text)
                t.column("has_college_child", .boolean).notNull()
                t.column("records", .text).notNull()
                t.column("status", .text).notNull()
                t.column("left_since", .text)
                t.column("activated_on", .text)
            }
            // Every login handed out, per platform (accounts are never deleted, so neither are
            // their logins): the primary key forbids giving one twice.
            try db.create(table: "logins") { t in
                t.column("platform", .text).notNull()
                t.column("login", .text).notNull()
                t.column("account_id", .text).notNull()
                t.primaryKey(["platform", "login"])
            }
            try db.create(table: "links") { t in
                t.column("guardian_account", .text).notNull()
                t.column("pupil_account", .text).notNull()
                t.primaryKey(["guardian_account", "pupil_account"])
            }
            try db.create(table: "code_generations") { t in
                t.column("account_id", .text).notNull()
                t.column("generation", .integer).notNull()
                t.column("nonce", .text).notNull()
                t.column("issued", .text).notNull()
                t.column("expires", .text).notNull()
                t.column("run_id", .text).notNull()
                t.primaryKey(["account_id", "generation"])
            }
            try db.create(table: "renewals") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("account_id", .text).notNull()
                t.column("requested", .text).notNull()
                t.column("consumed_run", .text)
            }
            try db.create(table: "counters") { t in
                t.column("name", .text).primaryKey()
                t.column("value", .integer).notNull()
            }
            try db.create(table: "runs") { t in
                t.column("run_id", .text).primaryKey()
                t.column("seq", .integer).notNull().unique()
                t.column("date", .text).notNull()
                t.column("created", .integer).notNull()
                t.column("updated", .integer).notNull()
                t.column("left", .integer).notNull()
                t.column("deactivated", .integer).notNull()
                t.column("held", .integer).notNull()
                // The state before this run (JSON), kept for the latest run only: rerunning it
                // recomputes from here.
                t.column("base_snapshot", .blob)
            }
            try db.create(table: "run_changes") { t in
                t.column("run_id", .text).notNull()
                t.column("account_id", .text).notNull()
                t.column("change", .text).notNull()
                t.primaryKey(["run_id", "account_id"])
            }
        }
        // The ENT's credentials (issue 16): its login per account, and a keyed fingerprint of the last
        // activation code seen, never the code itself.
        m.registerMigration("v2-ent-credentials") { db in
            try db.alter(table: "accounts") { t in
                t.add(column: "ent_login", .text)
                t.add(column: "ent_code_mac", .text)
            }
        }
        // Merges after the sheets went out (issue 16): the survivor a merged account was absorbed by.
        m.registerMigration("v3-merged-into") { db in
            try db.alter(table: "accounts") { t in t.add(column: "merged_into", .text) }
        }
        // The latest run's base state as tables (`base_*`, the same columns as the state's own), copied
        // by SQLite before the night's state replaces it, instead of a JSON snapshot encoded and decoded
        // by Alim (a third of a département's night). A later migration adding a column to a state
        // table adds it to its `base_` table too.
        m.registerMigration("v4-base-tables") { db in
            for table in Self.baseTables {
                try db.execute(sql: "CREATE TABLE base_\(table) AS SELECT * FROM \(table) WHERE 0")
            }
        }
        return m
    }

    /// The tables that make up a state (`logins` is derived from `accounts`), copied as the base; in
    /// an order that empties them without breaking a foreign key (accounts before their persons).
    static let baseTables = ["person_keys", "links", "accounts", "persons", "code_generations", "counters"]

    /// Which copy of the state to read: the current one, or the latest run's base (`base_*`).
    enum Copy: String {
        case current = ""
        case base = "base_"
    }

    // MARK: Loading

    func load() throws -> StateSnapshot {
        try queue.read { db in try Self.load(db) }
    }

    /// Reads the whole state (or the latest run's base). Every value is read strictly
    /// (`StateRowReader`): a damaged row stops the run with the row named, before anything is decided from it.
    static func load(_ db: Database, copy: Copy = .current) throws -> StateSnapshot {
        let p = copy.rawValue
        var s = StateSnapshot()
        var keys: [String: [String]] = [:]
        try eachRow(db, "SELECT person_id, key FROM \(p)person_keys ORDER BY person_id, key", p + "person_keys",
                    ["person_id", "key"]) { r in
            keys[try r.value("person_id", as: String.self), default: []].append(try r.value("key"))
        }
        try eachRow(db, "SELECT * FROM \(p)persons ORDER BY id", p + "persons", ["id"]) { r in
            let id: String = try r.value("id")
            s.persons.append(PersonRow(id: id, kind: try r.choice("kind"), clusterId: try r.value("cluster_id"),
                                       keys: keys[id] ?? []))
        }
        var children: [String: [String]] = [:]
        try eachRow(db, "SELECT * FROM \(p)links ORDER BY guardian_account, pupil_account", p + "links",
                    ["guardian_account", "pupil_account"]) { r in
            children[try r.value("guardian_account", as: String.self), default: []].append(try r.value("pupil_account"))
        }
        try eachRow(db, "SELECT * FROM \(p)accounts ORDER BY id", p + "accounts", ["id"]) { r in
            let id: String = try r.value("id")
            s.accounts.append(AccountRow(
                id: id, personId: try r.value("person_id"), clusterId: try r.value("cluster_id"),
                platform: try r.choice("platform"), profile: try r.choice("profile"), auth: try r.choice("auth"),
                login: try r.value("login"), lastName: try r.value("last_name"), firstName: try r.value("first_name"),
                birthDate: try r.optional("birth_date"),
                uais: try r.uais("uais"), classes: try r.strings("classes"),
                level: try r.optionalChoice("level"), email: try r.optional("email"),
                children: children[id] ?? [], hasCollegeChild: try r.value("has_college_child"),
                records: try r.refs("records"),
                status: try r.choice("status"),
                leftSince: try r.optional("left_since"), activatedOn: try r.optional("activated_on"),
                entLogin: try r.optional("ent_login"), entCodeMAC: try r.optional("ent_code_mac"),
                mergedInto: try r.optional("merged_into")))
        }
        try eachRow(db, "SELECT * FROM \(p)code_generations ORDER BY account_id, generation", p + "code_generations",
                    ["account_id", "generation"]) { r in
            s.generations.append(GenerationRow(accountId: try r.value("account_id"), generation: try r.value("generation"),
                                               nonce: try r.value("nonce"), issued: try r.value("issued"),
                                               expires: try r.value("expires"), runId: try r.value("run_id")))
        }
        try eachRow(db, "SELECT name, value FROM \(p)counters", p + "counters", ["name"]) { r in
            s.counters[try r.value("name")] = try r.value("value", as: Int.self)
        }
        s.canonicalise()
        return s
    }

    /// Every row of a query through a strict reader, its column positions resolved once.
    private static func eachRow(_ db: Database, _ sql: String, _ table: String, _ idColumns: [String],
                                _ body: (StateRowReader) throws -> Void) throws {
        var columns: [String: Int]?
        let cursor = try Row.fetchCursor(db, sql: sql)
        while let row = try cursor.next() {
            let positions = columns ?? StateRowReader.columns(of: row)
            columns = positions
            try body(StateRowReader(row, table: table, idColumns: idColumns, columns: positions))
        }
    }

    // MARK: Saving

    /// Copies the current state into the `base_*` tables (inside the caller's transaction, before the
    /// night replaces it): what a rerun of this run starts from.
    static func keepAsBase(_ db: Database) throws {
        for table in baseTables {
            try db.execute(sql: "DELETE FROM base_\(table)")
            try db.execute(sql: "INSERT INTO base_\(table) SELECT * FROM \(table)")
        }
    }

    /// Writes `s` whole into the `base_*` tables (inside the caller's transaction): a rerun of a run
    /// whose base an earlier Alim kept as a JSON snapshot moves it there. A night's own writes go
    /// through `update`, row by row.
    static func writeBase(_ db: Database, _ s: StateSnapshot) throws {
        for table in baseTables { try db.execute(sql: "DELETE FROM base_\(table)") }
        let json = JSONColumnEncoder()
        let person = try db.makeStatement(sql: "INSERT INTO base_persons (id, kind, cluster_id) VALUES (?, ?, ?)")
        let personKey = try db.makeStatement(sql: "INSERT INTO base_person_keys (person_id, key) VALUES (?, ?)")
        for p in s.persons {
            try person.execute(arguments: [p.id, p.kind.rawValue, p.clusterId])
            for k in p.keys { try personKey.execute(arguments: [p.id, k]) }
        }
        let account = try db.makeStatement(sql: """
            INSERT INTO base_accounts (id, person_id, cluster_id, platform, profile, auth, login, last_name, first_name,
              birth_date, uais, classes, level, email, has_college_child, records, status, left_since, activated_on,
              ent_login, ent_code_mac, merged_into)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let link = try db.makeStatement(sql: "INSERT INTO base_links (guardian_account, pupil_account) VALUES (?, ?)")
        for a in s.accounts {
            try account.execute(arguments: [a.id, a.personId, a.clusterId, a.platform.rawValue, a.profile.rawValue,
                                            a.auth.rawValue, a.login, a.lastName, a.firstName, a.birthDate,
                                            json.text(a.uais), json.text(a.classes), a.level?.rawValue, a.email,
                                            a.hasCollegeChild, json.text(a.records), a.status.rawValue, a.leftSince,
                                            a.activatedOn, a.entLogin, a.entCodeMAC, a.mergedInto])
            for child in a.children { try link.execute(arguments: [a.id, child]) }
        }
        let generation = try db.makeStatement(sql: """
            INSERT INTO base_code_generations (account_id, generation, nonce, issued, expires, run_id)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for g in s.generations {
            try generation.execute(arguments: [g.accountId, g.generation, g.nonce, g.issued, g.expires, g.runId])
        }
        let counter = try db.makeStatement(sql: "INSERT INTO base_counters (name, value) VALUES (?, ?)")
        for (name, value) in s.counters.sorted(by: { $0.key < $1.key }) {
            try counter.execute(arguments: [name, value])
        }
    }
}

/// The JSON text of a state column (`uais`, `classes`, `records`), written directly.
///
/// These columns are flat lists of strings (or of `{file, ref}` pairs): a general encoder per value
/// was a third of the state's write time. The text is standard JSON that `StateRowReader.json` decodes
/// strictly like any other (`StateJSONColumnTests` checks the round trip on hostile strings).
struct JSONColumnEncoder {
    func text(_ strings: [String]) -> String {
        var out = "["
        for (i, s) in strings.enumerated() {
            if i > 0 { out += "," }
            Self.append(s, to: &out)
        }
        return out + "]"
    }

    func text(_ uais: [UAI]) -> String { text(uais.map(\.value)) }

    func text(_ refs: [RecordRef]) -> String {
        var out = "["
        for (i, r) in refs.enumerated() {
            if i > 0 { out += "," }
            out += "{\"file\":"
            Self.append(r.file, to: &out)
            out += ",\"ref\":"
            Self.append(r.ref, to: &out)
            out += "}"
        }
        return out + "]"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
    static func append(_ s: String, to out: inout String) {
        out += "\""
        var plain = true
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C { plain = false; break }
        if plain {
            out += s
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
