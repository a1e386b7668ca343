import AlimCore
import Foundation
import GRDB
import XCTest
@testable import AlimAccounts

/// Reading the state fails loudly: a value this binary does not know (an unknown auth, status,
/// platform, profile, kind or level, a NULL, JSON that does not decode) stops the run with the table,
/// the row and the column named, and nothing is written; a state migrated by a later Alim is refused.
final class StateStrictnessTests: XCTestCase {
    private func night() -> [PersonRecord] {
        let a = Fx.ondePupil("2", "Martin", "Marie")
        return [a, Fx.ondeGuardian("2", "Martin", "Paul", children: [a])]
    }

    /// A workdir after one night, and the id of the pupil's account.
    private func stateAfterOneNight() throws -> (AccountsStage, AccountID) {
        let stage = Fx.stage(self)
        let art = try stage.run(Fx.identity(night()), date: Fx.date, runId: "r1")
        let pupil = try XCTUnwrap(art.account(.one, .pupil, last: "Martin", first: "Marie"))
        return (stage, pupil.id)
    }

    private func execute(_ stage: AccountsStage, _ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: stage.stateURL.path)
        try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    private func dump(_ stage: AccountsStage) throws -> [String] {
        let queue = try DatabaseQueue(path: stage.stateURL.path)
        return try queue.read { db in
            var lines: [String] = []
            for table in ["persons", "accounts", "code_generations", "runs", "run_changes", "grdb_migrations"] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1") { lines.append("\(table) \(row)") }
            }
            return lines
        }
    }

    /// The next night refuses the damaged state with `expected`, and leaves it as it was.
    private func assertRefused(_ stage: AccountsStage, _ expected: AccountsError, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try dump(stage)
        XCTAssertThrowsError(try stage.run(Fx.identity(night()), date: Fx.date.adding(days: 1), runId: "r2"),
                             file: file, line: line) { error in
            XCTAssertEqual(error as? AccountsError, expected, file: file, line: line)
        }
        XCTAssertEqual(try dump(stage), before, "a refused state is left untouched", file: file, line: line)
    }

    func testAnUnknownStatusNamesTheAccountRowNeverBecomesActive() throws {
        let (stage, id) = try stateAfterOneNight()
        try execute(stage, "UPDATE accounts SET status = 'zombie' WHERE id = ?", [id])
        try assertRefused(stage, .damagedState(table: "accounts", row: id, column: "status", value: "zombie"))
        let message = AccountsError.damagedState(table: "accounts", row: id, column: "status", value: "zombie").description
        XCTAssertTrue(message.contains("la ligne « \(id) » de la table accounts porte « zombie » dans la colonne status"), message)
    }

    func testAnUnknownAuthIsNeverALocalAccount() throws {
        let (stage, id) = try stateAfterOneNight()
        try execute(stage, "UPDATE accounts SET auth = 'ldap' WHERE id = ?", [id])
        try assertRefused(stage, .damagedState(table: "accounts", row: id, column: "auth", value: "ldap"))
    }

    func testEveryEnumerationColumnIsReadStrictly() throws {
        let (stage, id) = try stateAfterOneNight()
        for (column, bad) in [("platform", "moodle"), ("profile", "teacher"), ("level", "CM9")] {
            let good = try DatabaseQueue(path: stage.stateURL.path).read { db in
                try String.fetchOne(db, sql: "SELECT \(column) FROM accounts WHERE id = ?", arguments: [id])
            }
            try execute(stage, "UPDATE accounts SET \(column) = ? WHERE id = ?", [bad, id])
            try assertRefused(stage, .damagedState(table: "accounts", row: id, column: column, value: bad))
            try execute(stage, "UPDATE accounts SET \(column) = ? WHERE id = ?", [good, id])
        }
        let person = try XCTUnwrap(try DatabaseQueue(path: stage.stateURL.path).read { db in
            try String.fetchOne(db, sql: "SELECT id FROM persons ORDER BY id LIMIT 1")
        })
        try execute(stage, "UPDATE persons SET kind = 'alien' WHERE id = ?", [person])
        try assertRefused(stage, .damagedState(table: "persons", row: person, column: "kind", value: "alien"))
    }

    func testANullOrUndecodableJSONColumnNamesTheRow() throws {
        let (stage, id) = try stateAfterOneNight()
        try execute(stage, "UPDATE accounts SET uais = '[\"0611234A\"' WHERE id = ?", [id])
        try assertRefused(stage, .damagedState(table: "accounts", row: id, column: "uais", value: "[\"0611234A\""))
        try execute(stage, "UPDATE accounts SET uais = '[\"pas un UAI\"]' WHERE id = ?", [id])
        try assertRefused(stage, .damagedState(table: "accounts", row: id, column: "uais", value: "[\"pas un UAI\"]"))
        // has_college_child is NOT NULL in the schema; a text where a boolean is expected is damage too.
        try execute(stage, "UPDATE accounts SET uais = '[\"0611234A\"]', has_college_child = 'peut-être' WHERE id = ?", [id])
        try assertRefused(stage, .damagedState(table: "accounts", row: id, column: "has_college_child", value: "peut-être"))
    }

    func testADamagedBaseRowStopsTheRerunOfTheLatestRun() throws {
        let (stage, id) = try stateAfterOneNight()
        let second = try stage.run(Fx.identity(night()), date: Fx.date.adding(days: 1), runId: "r2")
        // r2's base is r1's state, kept by SQLite in the base_* tables (no JSON snapshot any more).
        let queue = try DatabaseQueue(path: stage.stateURL.path)
        let kept = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM base_accounts") ?? 0,
             try Data.fetchOne(db, sql: "SELECT base_snapshot FROM runs WHERE run_id = 'r2'"))
        }
        XCTAssertEqual(kept.0, second.accounts.count)
        XCTAssertNil(kept.1)
        XCTAssertEqual(try stage.run(Fx.identity(night()), date: Fx.date.adding(days: 1), runId: "r2"), second,
                       "a rerun from the base tables gives the same night")
        try execute(stage, "UPDATE base_accounts SET status = 'zombie' WHERE id = ?", [id])
        XCTAssertThrowsError(try stage.run(Fx.identity(night()), date: Fx.date.adding(days: 1), runId: "r2")) { error in
            XCTAssertEqual(error as? AccountsError, .damagedState(table: "base_accounts", row: id, column: "status", value: "zombie"))
        }
    }

    /// An earlier Alim kept the base as a JSON snapshot in `runs`: rerunning that run still starts from
    /// it (moving it to the tables), and a damaged one is refused naming the field.
    func testABaseSnapshotOfAnEarlierAlimIsStillReadStrictly() throws {
        let (stage, _) = try stateAfterOneNight()
        let second = try stage.run(Fx.identity(night()), date: Fx.date.adding(days: 1), runId: "r2")
        let queue = try DatabaseQueue(path: stage.stateURL.path)
        let base = try queue.read { db in try StateStore.load(db, copy: .base) }
        XCTAssertEqual(base.accounts.count, 2, "r1's pupil and guardian")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try queue.write { db in
            try db.execute(sql: "UPDATE runs SET base_snapshot = ? WHERE run_id = 'r2'", arguments: [try encoder.encode(base)])
            for table in StateStore.baseTables { try db.execute(sql: "DELETE FROM base_\(table)") }
        }
        XCTAssertEqual(try stage.run(Fx.identity(night()), date: Fx.date.adding(days: 1), runId: "r2"), second)
        let moved = try queue.read { db in try StateStore.load(db, copy: .base) }
        XCTAssertEqual(moved, base, "the snapshot moved to the base tables")

        var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: try encoder.encode(base)) as? [String: Any])
        json["accounts"] = [["status": "zombie"]]
        let damaged = try JSONSerialization.data(withJSONObject: json)
        try queue.write { db in try db.execute(sql: "UPDATE runs SET base_snapshot = ? WHERE run_id = 'r2'", arguments: [damaged]) }
        XCTAssertThrowsError(try stage.run(Fx.identity(night()), date: Fx.date.adding(days: 1), runId: "r2")) { error in
            guard case let .damagedState(table, row, column, _)? = error as? AccountsError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(table, "runs")
            XCTAssertEqual(row, "r2")
            XCTAssertTrue(column.hasPrefix("base_snapshot (champ accounts.0."), column)
        }
    }

    func testAStateMigratedByALaterAlimIsRefusedAndAnEarlierOneIsMigrated() throws {
        let (stage, _) = try stateAfterOneNight()
        // Every migration this binary knows is applied, the merges' one included.
        let applied = try DatabaseQueue(path: stage.stateURL.path).read { db in
            try StateStore.migrator.appliedMigrations(db)
        }
        XCTAssertEqual(applied, StateStore.migrator.migrations)
        XCTAssertTrue(applied.contains("v3-merged-into"))
        XCTAssertTrue(applied.contains("v4-base-tables"))
        try execute(stage, "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        XCTAssertThrowsError(try stage.initialize()) { error in
            XCTAssertEqual(error as? AccountsError, .stateFromAnotherVersion(path: stage.stateURL.path, migrations: ["v9-from-the-future"]))
            XCTAssertTrue(String(describing: error).contains("version plus récente d'Alim"), "\(error)")
        }
        XCTAssertThrowsError(try stage.run(Fx.identity(night()), date: Fx.date.adding(days: 1), runId: "r2"))
    }

    func testAFileThatIsNotADatabaseIsRefusedInFrench() throws {
        let stage = Fx.stage(self)
        try SecureFile.write(Data("pas une base SQLite, mais un texte assez long pour en avoir l'air".utf8), to: stage.stateURL)
        XCTAssertThrowsError(try stage.initialize()) { error in
            guard case .unreadableState(let path, _)? = error as? AccountsError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, stage.stateURL.path)
            XCTAssertTrue(String(describing: error).contains("n'est pas une base SQLite lisible"), "\(error)")
        }
    }

    func testAnUndamagedStateStillLoadsWithItsMergedAccounts() throws {
        let (stage, id) = try stateAfterOneNight()
        try execute(stage, "UPDATE accounts SET status = 'merged', merged_into = 'O9999999' WHERE id = ?", [id])
        let state = try StateStore(url: stage.stateURL).load()
        let account = try XCTUnwrap(state.accounts.first { $0.id == id })
        XCTAssertEqual(account.status, .merged)
        XCTAssertEqual(account.mergedInto, "O9999999")
    }
}
