import AlimCore
import AlimTestSupport
import Foundation
@testable import AlimPipeline
import XCTest

/// The `alim` binary's documented exit codes, as cron sees them.
final class CLITests: XCTestCase {
    private var binary: URL {
        TestSupport.repoRoot.appendingPathComponent(".build/debug/alim")
    }

    private func alim(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("alim not built") }
        let r = try Subprocess.run(binary, args)
        return (r.status, r.out, r.err)
    }

    func testRunSucceedsAndLogsOneLinePerStageWithoutTTY() throws {
        let work = try TestSupport.tempDir("cli").appendingPathComponent("work")
        let r = try alim(["run", "--inbox", TestSupport.inbox.path, "--workdir", work.path, "--date", "2026-09-01"])
        XCTAssertEqual(r.status, 0, r.err)
        for stage in StageName.allCases {
            XCTAssertTrue(r.err.contains("stage=\(stage.rawValue)"), "missing log line for \(stage): \(r.err)")
        }
        let runs = try alim(["runs", "--workdir", work.path])
        XCTAssertTrue(runs.out.contains("2026-09-01-001"))
        XCTAssertTrue(runs.out.contains("report=done"))
    }

    func testJSONLogsAreOneObjectPerLine() throws {
        let work = try TestSupport.tempDir("cli").appendingPathComponent("work")
        let r = try alim(["run", "--inbox", TestSupport.inbox.path, "--workdir", work.path, "--date", "2026-09-01",
                          "--log-format", "json"])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.err.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        for line in lines {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)), String(line))
        }
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try alim(["run", "--workdir", "/tmp/x"]).status, 64)
        XCTAssertEqual(try alim(["run", "--inbox", "/tmp", "--workdir", "/tmp/x", "--date", "2026-13-45"]).status, 64)
        let work = try TestSupport.tempDir("cli").appendingPathComponent("work")
        XCTAssertEqual(try alim(["run", "--inbox", "/nonexistent", "--workdir", work.path]).status, 64)
    }

    func testLockedWorkdirExits75() throws {
        let work = try TestSupport.tempDir("cli").appendingPathComponent("work")
        let lock = try RunLock(Workdir(work))
        defer { withExtendedLifetime(lock) {} }
        let r = try alim(["run", "--inbox", TestSupport.inbox.path, "--workdir", work.path, "--date", "2026-09-01"])
        XCTAssertEqual(r.status, 75)
        XCTAssertTrue(r.err.contains("Un autre import"), r.err)
    }

    func testUnusableFileExits65AndTheRestIsImported() throws {
        let inbox = try TestSupport.tempDir("inbox")
        try FileManager.default.copyItem(at: TestSupport.inbox.appendingPathComponent("0610003C"),
                                         to: inbox.appendingPathComponent("0610003C"))
        let bad = inbox.appendingPathComponent("0610004D")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try Data([0x00, 0x01, 0xFF, 0x00, 0x42]).write(to: bad.appendingPathComponent("CSVExtraction-eleves.csv"))
        let work = try TestSupport.tempDir("cli").appendingPathComponent("work")
        let r = try alim(["run", "--inbox", inbox.path, "--workdir", work.path, "--date", "2026-09-01"])
        XCTAssertEqual(r.status, 65, r.err)
        let lineage = try TestSupport.readCSV(work.appendingPathComponent("runs/latest/lineage.csv")).rows
        XCTAssertTrue(lineage.contains { $0[0].hasPrefix("0610003C/") }, "the good school is imported")
        let rejects = try TestSupport.readCSV(work.appendingPathComponent("runs/latest/rejects.csv")).rows
        XCTAssertTrue(rejects.contains { $0[0] == "0610004D/CSVExtraction-eleves.csv" })
    }

    func testReplayingTheAccountsOfAnOlderRunIsRefusedWithExit64() throws {
        let work = try TestSupport.workdir("cli-old")
        XCTAssertEqual(try alim(["run", "--inbox", TestSupport.inbox.path, "--workdir", work.path, "--date", "2026-09-01"]).status, 0)
        XCTAssertEqual(try alim(["run", "--inbox", TestSupport.inbox.path, "--workdir", work.path, "--date", "2026-09-02"]).status, 0)
        let r = try alim(["stage", "accounts", "--run", "2026-09-01-001", "--workdir", work.path])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.err.contains("ne peut pas être rejoué"), r.err)
    }

    func testEverySubcommandHasHelpWithAnExample() throws {
        for sub in ["run", "stage", "runs", "init", "review", "renew", "sheets", "report"] {
            let r = try alim([sub, "--help"])
            XCTAssertEqual(r.status, 0, sub)
            XCTAssertTrue(r.out.contains("Exemple"), "\(sub) --help shows no example")
        }
    }
}

/// Secrets: no activation code of a full run reaches the logs, at any level.
final class SecretsInLogsTests: XCTestCase {
    func testNoIssuedCodeAppearsInTheLogsOrTheReport() throws {
        let binary = TestSupport.repoRoot.appendingPathComponent(".build/debug/alim")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("alim not built") }
        for verbose in [false, true] {
            let work = try TestSupport.workdir("secrets")
            let p = Process()
            p.executableURL = binary
            // Alim issues the codes here (credentials = "alim"); the ENT's codes: ENTRoundTripTests.
            p.arguments = ["run", "--inbox", TestSupport.inbox.path, "--workdir", work.path, "--date", "2026-09-01",
                           "--config", TestSupport.alimCredentials]
                + (verbose ? ["--verbose"] : [])
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let logs = String(decoding: err.fileHandleForReading.readDataToEndOfFile() + out.fileHandleForReading.readDataToEndOfFile(),
                              as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
            let folder = work.appendingPathComponent("runs/latest")
            let accounts = try ArtifactCoding.read(AccountsArtifact.self, from: folder.appendingPathComponent("accounts.json"))
            let codes = accounts.accounts.compactMap { $0.credential?.code }
            XCTAssertGreaterThan(codes.count, 10)
            let report = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
            let summary = try String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8)
            for code in codes {
                let bare = code.replacingOccurrences(of: "-", with: "")
                for text in [logs, report, summary] {
                    XCTAssertFalse(text.contains(code) || text.contains(bare), "code leaked (verbose: \(verbose))")
                }
            }
            XCTAssertEqual(try TestSupport.mode(work.appendingPathComponent("state.sqlite")), 0o600)
            XCTAssertEqual(try TestSupport.mode(work.appendingPathComponent("secret.key")), 0o600)
            XCTAssertEqual(try TestSupport.mode(folder.appendingPathComponent("sheets")), 0o700)
        }
    }
}
