import AlimCore
import XCTest
@testable import AlimAccounts

/// Nightly changes: left, grace, deactivation, return, missing schools and the mass-removal guard.
final class NightlyTests: XCTestCase {
    func testLeftGraceDeactivateAndReturn() throws {
        var config = Fx.alim
        config.accounts.graceDays = 30
        let stage = Fx.stage(self, config: config)
        let stay = Fx.classOf(20)
        let leaver = Fx.ondePupil("99", "Morel", "Ines")
        let first = try stage.run(Fx.identity(stay + [leaver]), date: Fx.date, runId: "r1")
        let ines = try XCTUnwrap(first.account(.one, .pupil, last: "Morel", first: "Ines"))

        let d1 = try stage.run(Fx.identity(stay), date: Fx.date.adding(days: 1), runId: "r2")
        let left = try XCTUnwrap(d1.accounts.first { $0.id == ines.id })
        XCTAssertEqual(left.change, .left)
        XCTAssertNil(left.credential)
        XCTAssertFalse(left.sheet)
        XCTAssertTrue(d1.directory.isEmpty)
        XCTAssertTrue(d1.holds.isEmpty)

        // Still within grace 29 days later; deactivated on day 30, then gone from the artifact.
        let d29 = try stage.run(Fx.identity(stay), date: Fx.date.adding(days: 30), runId: "r3")
        XCTAssertEqual(d29.accounts.first { $0.id == ines.id }?.change, .left)
        XCTAssertTrue(d29.directory.isEmpty)
        let d30 = try stage.run(Fx.identity(stay), date: Fx.date.adding(days: 31), runId: "r4")
        XCTAssertEqual(d30.directory, [DirectoryEntry(action: .deactivate, accountId: ines.id)])
        let csv = String(decoding: AccountsStage.directoryCSV(d30, includeCodes: false).encoded(), as: UTF8.self)
        XCTAssertTrue(csv.contains("deactivate;\(ines.id);one;pupil;local;ines.morel;Morel;Ines;2015-03-04;0611234A;CM1 A;;;\r\n"))
        let d31 = try stage.run(Fx.identity(stay), date: Fx.date.adding(days: 32), runId: "r5")
        XCTAssertNil(d31.accounts.first { $0.id == ines.id })

        // She comes back: same account, same login, an update for the ENT.
        let back = try stage.run(Fx.identity(stay + [leaver]), date: Fx.date.adding(days: 40), runId: "r6")
        let returned = try XCTUnwrap(back.accounts.first { $0.id == ines.id })
        XCTAssertEqual(returned.change, .returned)
        XCTAssertEqual(returned.login, "ines.morel")
        XCTAssertEqual(back.directory, [DirectoryEntry(action: .update, accountId: ines.id)])
    }

    func testMissingSchoolKeepsItsAccounts() throws {
        let stage = Fx.stage(self)
        let a = Fx.classOf(8, uai: Fx.school)
        let b = Fx.classOf(8, uai: Fx.school2)
        let first = try stage.run(Fx.identity(a + b), date: Fx.date, runId: "r1")
        let tonight = try stage.run(Fx.identity(a, present: [Fx.school]), date: Fx.date.adding(days: 1), runId: "r2")
        XCTAssertEqual(tonight.schoolsMissing, [Fx.school2])
        XCTAssertEqual(tonight.accounts.map(\.id), first.accounts.map(\.id))
        XCTAssertTrue(tonight.accounts.allSatisfy { $0.change == .unchanged })
        XCTAssertEqual(tonight.accounts.map(\.credential?.code), first.accounts.map(\.credential?.code))
        XCTAssertTrue(tonight.holds.isEmpty)
        XCTAssertTrue(tonight.directory.isEmpty)
    }

    func testMassRemovalGuardOnTruncatedExport() throws {
        let stage = Fx.stage(self)
        let school = Fx.classOf(30)
        let other = Fx.classOf(4, uai: Fx.school2)
        let first = try stage.run(Fx.identity(school + other), date: Fx.date, runId: "r1")
        XCTAssertEqual(first.accounts.count, 34)

        // The director exported 3 pupils and one newcomer: nothing of that school changes tonight.
        let newcomer = Fx.ondePupil("200", "Neuf", "Nina")
        let truncated = Array(school.prefix(3)) + [newcomer] + other + [Fx.ondePupil("201", "Autre", "Ali", uai: Fx.school2)]
        let night = try stage.run(Fx.identity(truncated), date: Fx.date.adding(days: 1), runId: "r2")
        XCTAssertEqual(night.holds, [MassRemovalHold(uai: Fx.school, accountsBefore: 30, wouldLeave: 27)])
        let held = night.accounts.filter { $0.uais == [Fx.school] }
        XCTAssertEqual(held.count, 30)
        XCTAssertTrue(held.allSatisfy { $0.change == .held })
        XCTAssertEqual(held.map(\.credential?.code), first.accounts.filter { $0.uais == [Fx.school] }.map(\.credential?.code))
        XCTAssertNil(night.account(.one, .pupil, last: "Neuf", first: "Nina"))
        XCTAssertNil(night.lineage.first { $0.record == newcomer.ref }?.accountId)
        // The other school's night goes on.
        XCTAssertEqual(night.account(.one, .pupil, last: "Autre", first: "Ali")?.change, .new)
        XCTAssertEqual(night.directory.map(\.action), [.create])

        // Held again the next night; accepted when the operator allows it.
        let again = try stage.run(Fx.identity(truncated), date: Fx.date.adding(days: 2), runId: "r3")
        XCTAssertEqual(again.holds.count, 1)
        let allowed = try stage.run(Fx.identity(truncated), date: Fx.date.adding(days: 3), runId: "r4",
                                    allowMassRemoval: [Fx.school])
        XCTAssertTrue(allowed.holds.isEmpty)
        XCTAssertEqual(allowed.accounts.filter { $0.change == .left }.count, 27)
        XCTAssertEqual(allowed.account(.one, .pupil, last: "Neuf", first: "Nina")?.change, .new)
    }

    func testSmallDepartureIsNotHeld() throws {
        let stage = Fx.stage(self)
        let school = Fx.classOf(60)
        _ = try stage.run(Fx.identity(school), date: Fx.date, runId: "r1")
        // 5 of 60 leave (8 %): below the ratio, applied.
        let night = try stage.run(Fx.identity(Array(school.dropLast(5))), date: Fx.date.adding(days: 1), runId: "r2")
        XCTAssertTrue(night.holds.isEmpty)
        XCTAssertEqual(night.accounts.filter { $0.change == .left }.count, 5)
    }
}
