import AlimCore
import AlimTestSupport
import Foundation
@testable import AlimPipeline
import XCTest

/// Through the `alim` binary, as cron sees it: a configuration typo, a wrongly typed value, a damaged
/// state row and an artifact of another format each stop with exit 64 and a French message naming
/// what to fix; nothing falls back to a default.
final class LoudFailureCLITests: XCTestCase {
    private var binary: URL {
        TestSupport.repoRoot.appendingPathComponent(".build/debug/alim")
    }

    private func alim(_ args: [String]) throws -> Subprocess.Result {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("alim not built") }
        return try Subprocess.run(binary, args)
    }

    private func config(_ text: String) throws -> URL {
        let url = try TestSupport.tempDir("conf").appendingPathComponent("alim.toml")
        try text.write(to: url, atomically: false, encoding: .utf8)
        return url
    }

    /// A workdir after one complete run on the sample inbox, and that run's id.
    private func oneRun() throws -> (work: URL, runId: String) {
        let work = try TestSupport.workdir("loud")
        let r = try alim(["run", "--inbox", TestSupport.inbox.path, "--workdir", work.path, "--date", "2026-09-01"])
        XCTAssertEqual(r.status, 0, r.err)
        return (work, "2026-09-01-001")
    }

    private func sqlite(_ database: URL, _ sql: String) throws -> String {
        let tool = URL(fileURLWithPath: "/usr/bin/sqlite3")
        let r: Subprocess.Result
        if FileManager.default.isExecutableFile(atPath: tool.path) {
            r = try Subprocess.run(tool, [database.path, sql])
        } else {
            r = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", """
                import sqlite3, sys
                con = sqlite3.connect(sys.argv[1])
                for row in con.execute(sys.argv[2]): print("|".join(map(str, row)))
                con.commit()
                """, database.path, sql])
        }
        XCTAssertEqual(r.status, 0, r.err)
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testAConfigurationTypoExits64NamingTheKeyTheLineAndTheSuggestion() throws {
        let conf = try config("[accounts]\ngrace_days = 30\n\ncode_valdity_days = 12\n")
        let work = try TestSupport.tempDir("cli").appendingPathComponent("work")
        let r = try alim(["run", "--inbox", TestSupport.inbox.path, "--workdir", work.path, "--date", "2026-09-01",
                          "--config", conf.path])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("Configuration refusée : clé inconnue « [accounts] code_valdity_days » (\(conf.path), ligne 4)."), r.err)
        XCTAssertTrue(r.err.contains("Vouliez-vous dire « code_validity_days » ?"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("runs").path), "nothing ran")
    }

    func testAWronglyTypedValueExits64NamingTheKeyAndLine() throws {
        let conf = try config("[policy]\ncreate_college_accounts = \"non\"\n")
        let work = try TestSupport.tempDir("cli").appendingPathComponent("work")
        let r = try alim(["run", "--inbox", TestSupport.inbox.path, "--workdir", work.path, "--date", "2026-09-01",
                          "--config", conf.path])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("valeur de type incorrect pour policy.create_college_accounts (\(conf.path), ligne 2)"), r.err)
        XCTAssertTrue(r.err.contains("true ou false"), r.err)
        let init_ = try alim(["init", "--workdir", work.path, "--config", conf.path])
        XCTAssertEqual(init_.status, 64, init_.err)
    }

    func testADamagedStateRowStopsTheNextRunNamingTheRow() throws {
        let (work, _) = try oneRun()
        let state = work.appendingPathComponent("state.sqlite")
        let id = try sqlite(state, "SELECT id FROM accounts WHERE auth = 'local' ORDER BY id LIMIT 1")
        XCTAssertFalse(id.isEmpty)
        _ = try sqlite(state, "UPDATE accounts SET auth = 'locale' WHERE id = '\(id)'")
        let before = try sqlite(state, "SELECT COUNT(*), MAX(seq) FROM runs")
        let r = try alim(["run", "--inbox", TestSupport.inbox.path, "--workdir", work.path, "--date", "2026-09-02"])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("la ligne « \(id) » de la table accounts porte « locale » dans la colonne auth"), r.err)
        XCTAssertEqual(try sqlite(state, "SELECT COUNT(*), MAX(seq) FROM runs"), before, "the state is untouched")
        XCTAssertEqual(try sqlite(state, "SELECT auth FROM accounts WHERE id = '\(id)'"), "locale")

        _ = try sqlite(state, "UPDATE accounts SET auth = 'local', status = 'actif' WHERE id = '\(id)'")
        let status = try alim(["stage", "accounts", "--run", "2026-09-01-001", "--workdir", work.path])
        XCTAssertEqual(status.status, 64, status.err)
        XCTAssertTrue(status.err.contains("« \(id) » de la table accounts porte « actif » dans la colonne status"), status.err)
    }

    func testAStateFromALaterAlimIsRefused() throws {
        let (work, _) = try oneRun()
        _ = try sqlite(work.appendingPathComponent("state.sqlite"), "INSERT INTO grdb_migrations (identifier) VALUES ('v9-later')")
        let r = try alim(["run", "--inbox", TestSupport.inbox.path, "--workdir", work.path, "--date", "2026-09-02"])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("version plus récente d'Alim") && r.err.contains("v9-later"), r.err)
    }

    func testAnArtifactOfAnotherFormatIsRefusedWithExit64() throws {
        let (work, runId) = try oneRun()
        let ingest = work.appendingPathComponent("runs/\(runId)/ingest.json")
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: ingest)) as? [String: Any])
        XCTAssertEqual(object["formatVersion"] as? Int, ArtifactCoding.formatVersion)
        object["formatVersion"] = nil   // as an Alim before formats were written left it
        try JSONSerialization.data(withJSONObject: object).write(to: ingest)
        let r = try alim(["stage", "normalize", "--run", runId, "--workdir", work.path])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("L'artefact ingest.json a été écrit par une autre version d'Alim (format 1, attendu 3) : relancez l'exécution complète."), r.err)

        // Damaged: truncated mid-file.
        let identity = work.appendingPathComponent("runs/\(runId)/identity.json")
        let data = try Data(contentsOf: identity)
        try data.prefix(data.count / 2).write(to: identity)
        let damaged = try alim(["stage", "accounts", "--run", runId, "--workdir", work.path])
        XCTAssertEqual(damaged.status, 64, damaged.err)
        XCTAssertTrue(damaged.err.contains("L'artefact identity.json est illisible"), damaged.err)
        // The report reads whatever ran: a damaged artifact stops it too instead of being skipped.
        XCTAssertEqual(try alim(["stage", "report", "--run", runId, "--workdir", work.path]).status, 64)
    }
}
