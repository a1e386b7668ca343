import AlimCore
import Foundation
import GRDB

/// Where a run starts from, as recorded in the `runs` table.
struct RunStart: Sendable {
    var base: StateSnapshot
    /// The state as stored now (the base itself, except on a rerun): what the night's writes start from.
    var current: StateSnapshot
    var isRerun: Bool
    /// The base came from a JSON snapshot an earlier Alim kept in `runs.base_snapshot`: this rerun
    /// moves it to the `base_*` tables.
    var baseFromSnapshot = false
    /// `accountId#generation` → nonce drawn by the earlier execution of this run id.
    var reuseNonces: [String: String]
    /// Renewal requests this run applies.
    var renewals: Set<AccountID>
}

/// The `runs` / `run_changes` tables: what each run changed, and the base snapshot that makes the
/// latest run repeatable.
///
/// A first run starts from the current state and applies every pending renewal. A rerun of the
/// latest run id starts from that run's base snapshot, reuses the nonces it drew (the generations of
/// the current state stamped with its id) and applies the renewals it consumed; renewals asked since
/// stay pending for the next run.
enum RunLog {
    static func start(_ db: Database, runId: String) throws -> RunStart {
        let current = try StateStore.load(db)
        let latest = try Row.fetchOne(db, sql: "SELECT run_id, base_snapshot FROM runs ORDER BY seq DESC LIMIT 1")
        let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM runs WHERE run_id = ?)", arguments: [runId]) ?? false
        if exists {
            let latestId: String = latest?["run_id"] ?? ""
            guard latestId == runId else {
                throw AccountsError.notLatestRun(runId: runId, latest: latestId)
            }
            // The base this run started from: the `base_*` tables, or an earlier Alim's JSON snapshot.
            var base: StateSnapshot
            let blob: Data? = latest?["base_snapshot"]
            if let blob {
                // Strict like the tables: an unknown value in the snapshot is the row's damage, never a default.
                do {
                    base = try JSONDecoder().decode(StateSnapshot.self, from: blob)
                } catch {
                    let field = (error as? DecodingError)?.snapshotField.map { " (champ \($0))" } ?? ""
                    throw AccountsError.damagedState(table: "runs", row: runId, column: "base_snapshot" + field, value: nil)
                }
                base.canonicalise()
            } else {
                base = try StateStore.load(db, copy: .base)
            }
            var reuse: [String: String] = [:]
            for g in current.generations where g.runId == runId { reuse["\(g.accountId)#\(g.generation)"] = g.nonce }
            let renewals = try String.fetchAll(db, sql: "SELECT account_id FROM renewals WHERE consumed_run = ?",
                                               arguments: [runId])
            return RunStart(base: base, current: current, isRerun: true, baseFromSnapshot: blob != nil, reuseNonces: reuse,
                            renewals: Set(renewals))
        }
        let renewals = try String.fetchAll(db, sql: "SELECT account_id FROM renewals WHERE consumed_run IS NULL")
        return RunStart(base: current, current: current, isRerun: false, reuseNonces: [:], renewals: Set(renewals))
    }

    /// Forgets what an earlier execution of this run id recorded (inside the run's transaction).
    static func undoPrevious(_ db: Database, runId: String, isRerun: Bool) throws {
        guard isRerun else { return }
        try db.execute(sql: "DELETE FROM run_changes WHERE run_id = ?", arguments: [runId])
        try db.execute(sql: "UPDATE renewals SET consumed_run = NULL WHERE consumed_run = ?", arguments: [runId])
        try db.execute(sql: "DELETE FROM runs WHERE run_id = ?", arguments: [runId])
    }

    /// Keeps the state this run starts from in the `base_*` tables (before the night replaces it), so
    /// the run can be recomputed; a rerun's base is there already, or in an earlier Alim's snapshot.
    static func keepBase(_ db: Database, _ start: RunStart) throws {
        if !start.isRerun {
            try StateStore.keepAsBase(db)
        } else if start.baseFromSnapshot {
            try StateStore.writeBase(db, start.base)
        }
    }

    static func record(_ db: Database, runId: String, date: RunDate, outcome: RunOutcome) throws {
        let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM runs") ?? 0) + 1
        // The base is in the `base_*` tables (`keepBase`): no run keeps a JSON snapshot any more.
        try db.execute(sql: "UPDATE runs SET base_snapshot = NULL")
        try db.execute(sql: """
            INSERT INTO runs (run_id, seq, date, created, updated, left, deactivated, held, base_snapshot)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)
            """, arguments: [runId, seq, date.description, outcome.created, outcome.updated, outcome.left,
                             outcome.deactivated, outcome.held])
        let deactivated = Set(outcome.directory.filter { $0.action == .deactivate }.map(\.accountId))
        let change = try db.makeStatement(sql: "INSERT INTO run_changes (run_id, account_id, change) VALUES (?, ?, ?)")
        for a in outcome.accounts where a.change != .unchanged {
            try change.execute(arguments: [runId, a.id, deactivated.contains(a.id) ? "deactivated" : a.change.rawValue])
        }
        let consume = try db.makeStatement(sql: "UPDATE renewals SET consumed_run = ? WHERE account_id = ? AND consumed_run IS NULL")
        for id in outcome.consumedRenewals.sorted() { try consume.execute(arguments: [runId, id]) }
    }
}

private extension DecodingError {
    /// The field of the snapshot that did not decode, `accounts.3.status`.
    var snapshotField: String? {
        let path: [CodingKey]
        switch self {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c): path = c.codingPath
        case let .keyNotFound(key, c): path = c.codingPath + [key]
        @unknown default: return nil
        }
        return path.isEmpty ? nil : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
