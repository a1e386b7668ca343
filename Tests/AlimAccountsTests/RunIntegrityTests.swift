import AlimCore
import Foundation
import XCTest
@testable import AlimAccounts

/// Same run id ⇒ same bytes; a killed run leaves the state intact; files are private.
final class RunIntegrityTests: XCTestCase {
    private func night1() -> [PersonRecord] {
        let a = Fx.ondePupil("2", "Martin", "Marie")
        let b = Fx.ondePupil("3", "Petit", "Léo", level: .cm2, className: "CM2")
        return [a, b, Fx.ondeGuardian("2", "Martin", "Paul", children: [a]), Fx.ondeGuardian("3", "Petit", "Anne", children: [b])]
    }

    private func night2() -> [PersonRecord] {
        var r = Array(night1().prefix(3))
        let c = Fx.ondePupil("4", "Nouveau", "Sacha")
        r.append(c)
        r.append(Fx.ondeGuardian("4", "Nouveau", "Lou", children: [c]))
        r[2].email = "paul.martin@example.fr"
        return r
    }

    private func snapshot(_ stage: AccountsStage) throws -> StateSnapshot {
        try StateStore(url: stage.stateURL).load()
    }

    private func runCount(_ stage: AccountsStage) throws -> Int {
        try StateStore(url: stage.stateURL).queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 }
    }

    func testSameRunIdGivesByteIdenticalArtifact() throws {
        let stage = Fx.stage(self)
        _ = try stage.run(Fx.identity(night1()), date: Fx.date, runId: "r1")
        XCTAssertEqual(try stage.renew(.login("marie.martin"), date: Fx.date), 1)
        let date2 = Fx.date.adding(days: 1)
        let first = try ArtifactCoding.encode(try stage.run(Fx.identity(night2()), date: date2, runId: "r2"))
        let stateAfter = try snapshot(stage)
        let again = try ArtifactCoding.encode(try stage.run(Fx.identity(night2()), date: date2, runId: "r2"))
        XCTAssertEqual(first, again)
        XCTAssertEqual(try snapshot(stage), stateAfter)
        XCTAssertEqual(try runCount(stage), 2)

        // The run did something worth repeating: a renewal, new accounts (fresh nonces), a departure (Anne).
        let art = try ArtifactCoding.decode(AccountsArtifact.self, from: again)
        XCTAssertEqual(art.account(.one, .pupil, last: "Martin", first: "Marie")?.credential?.issuedTonight, true)
        XCTAssertEqual(art.accounts.filter { $0.change == .new }.count, 2)
        XCTAssertEqual(art.accounts.filter { $0.change == .left }.count, 1)
        XCTAssertEqual(art.account(.one, .guardian, last: "Martin", first: "Paul")?.change, .changed)

        // Only the latest run can be replayed.
        XCTAssertThrowsError(try stage.run(Fx.identity(night1()), date: Fx.date, runId: "r1")) { error in
            XCTAssertEqual(error as? AccountsError, .notLatestRun(runId: "r1", latest: "r2"))
        }
        // The renewal consumed by r2 stays consumed: the next run keeps Marie's code.
        let next = try stage.run(Fx.identity(night2()), date: date2.adding(days: 1), runId: "r3")
        XCTAssertEqual(next.account(.one, .pupil, last: "Martin", first: "Marie")?.credential?.code,
                       art.account(.one, .pupil, last: "Martin", first: "Marie")?.credential?.code)
        XCTAssertEqual(next.account(.one, .pupil, last: "Martin", first: "Marie")?.credential?.issuedTonight, false)
    }

    func testKilledRunLeavesStateIntactAndRerunCompletes() throws {
        let stage = Fx.stage(self)
        let first = try stage.run(Fx.identity(night1()), date: Fx.date, runId: "r1")
        let before = try snapshot(stage)
        let stateBytes = try Data(contentsOf: stage.stateURL)

        var killed = stage
        killed.beforeCommit = { throw AccountsError.injectedFault }
        XCTAssertThrowsError(try killed.run(Fx.identity(night2()), date: Fx.date.adding(days: 1), runId: "r2"))
        XCTAssertEqual(try snapshot(stage), before)
        XCTAssertEqual(try runCount(stage), 1)
        XCTAssertEqual(try Data(contentsOf: stage.stateURL), stateBytes)

        // The clean rerun completes, and matches an uninterrupted twin (ids, logins, changes).
        let rerun = try stage.run(Fx.identity(night2()), date: Fx.date.adding(days: 1), runId: "r2")
        let twin = Fx.stage(self)
        _ = try twin.run(Fx.identity(night1()), date: Fx.date, runId: "r1")
        let twinNight = try twin.run(Fx.identity(night2()), date: Fx.date.adding(days: 1), runId: "r2")
        func shape(_ a: AccountsArtifact) -> [String] { a.accounts.map { "\($0.id) \($0.login) \($0.change)" } }
        XCTAssertEqual(shape(rerun), shape(twinNight))
        XCTAssertEqual(rerun.directory, twinNight.directory)
        // Existing codes survived the kill.
        let marie = first.account(.one, .pupil, last: "Martin", first: "Marie")
        XCTAssertEqual(rerun.account(.one, .pupil, last: "Martin", first: "Marie")?.credential?.code, marie?.credential?.code)
        var s1 = try snapshot(stage), s2 = try snapshot(twin)
        for i in s1.generations.indices { s1.generations[i].nonce = "" }
        for i in s2.generations.indices { s2.generations[i].nonce = "" }
        XCTAssertEqual(s1, s2)
    }

    func testFilesArePrivate() throws {
        let stage = Fx.stage(self)
        try stage.initialize()
        try stage.initialize()
        _ = try stage.run(Fx.identity(night1()), date: Fx.date, runId: "r1")
        func mode(_ url: URL) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        XCTAssertEqual(try mode(stage.stateURL), 0o600)
        XCTAssertEqual(try mode(stage.keyURL), 0o600)
        XCTAssertEqual(try mode(stage.workdir), 0o700)
        XCTAssertEqual(try Data(contentsOf: stage.keyURL).count, 32)
    }

    func testDirectoryCSV() throws {
        var config = Fx.alim
        config.accounts.directoryIncludesCodes = true
        let art = try Fx.stage(self, config: config).run(Fx.identity(night1()), date: Fx.date, runId: "r1")
        let plain = String(decoding: AccountsStage.directoryCSV(art, includeCodes: false).encoded(), as: UTF8.self)
        let lines = plain.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines[0], "action;account_id;platform;profile;auth;login;last_name;first_name;birth_date;uai;classes;children;code;code_expires")
        XCTAssertEqual(lines.count, 5)
        let paul = try XCTUnwrap(art.account(.one, .guardian, last: "Martin", first: "Paul"))
        let marie = try XCTUnwrap(art.account(.one, .pupil, last: "Martin", first: "Marie"))
        XCTAssertTrue(lines.contains("create;\(paul.id);one;guardian;local;paul.martin;Martin;Paul;;0611234A;CM1 A;\(marie.id);;"))
        XCTAssertFalse(plain.contains(marie.credential!.code))
        let withCodes = String(decoding: AccountsStage.directoryCSV(art, includeCodes: true).encoded(), as: UTF8.self)
        XCTAssertTrue(withCodes.contains(";\(marie.credential!.code);\(marie.credential!.expires)\r\n"))
    }
}
