import AlimCore
import XCTest
@testable import AlimAccounts

/// Logins, ids and codes handed out once never change: across nights, renames and renewals of others.
final class StabilityTests: XCTestCase {
    private func family() -> [PersonRecord] {
        let a = Fx.ondePupil("2", "Martin", "Marie", birth: "2015-01-01")
        let b = Fx.ondePupil("3", "Martin", "Marie", birth: "2015-06-06", className: "CM1 B")
        let c = Fx.ondePupil("4", "Bernard", "Noé", birth: "2015-02-02", ine: "123456789AB")
        let g = Fx.ondeGuardian("2", "Martin", "Paul", children: [a, b])
        return [a, b, c, g]
    }

    func testCollisionsAreSuffixedDeterministically() throws {
        let art = try Fx.stage(self).run(Fx.identity(family()), date: Fx.date, runId: "r1")
        let maries = art.accounts.filter { $0.firstName == "Marie" }.sorted { $0.records[0] < $1.records[0] }
        XCTAssertEqual(Set(maries.map(\.login)), ["marie.martin", "marie.martin2"])
        XCTAssertEqual(art.account(.one, .pupil, last: "Bernard", first: "Noé")?.login, "noe.bernard")
        XCTAssertEqual(art.account(.one, .guardian, last: "Martin", first: "Paul")?.login, "paul.martin")
        // Same inputs in another workdir: same ids and logins (only codes differ, their key differs).
        let twin = try Fx.stage(self).run(Fx.identity(family()), date: Fx.date, runId: "r1")
        XCTAssertEqual(twin.accounts.map { "\($0.id) \($0.login)" }, art.accounts.map { "\($0.id) \($0.login)" })
    }

    func testLoginsIdsAndCodesStableAcrossNightsAndNameCorrection() throws {
        let stage = Fx.stage(self)
        let first = try stage.run(Fx.identity(family()), date: Fx.date, runId: "r1")
        XCTAssertTrue(first.accounts.allSatisfy { $0.change == .new && $0.credential?.issuedTonight == true })

        let second = try stage.run(Fx.identity(family()), date: Fx.date.adding(days: 1), runId: "r2")
        XCTAssertEqual(second.accounts.map(\.id), first.accounts.map(\.id))
        XCTAssertEqual(second.accounts.map(\.login), first.accounts.map(\.login))
        XCTAssertEqual(second.accounts.map(\.credential?.code), first.accounts.map(\.credential?.code))
        XCTAssertEqual(second.accounts.map(\.credential?.expires), first.accounts.map(\.credential?.expires))
        XCTAssertTrue(second.accounts.allSatisfy { $0.change == .unchanged && $0.credential?.issuedTonight == false })
        XCTAssertTrue(second.directory.isEmpty)

        // Noé's name is corrected (INE unchanged) and Paul's spelling too: same account, same login, same code.
        var records = family()
        records[2].lastName = "Bernard-Lefèvre"
        records[3].firstName = "Paul-Henri"
        let third = try stage.run(Fx.identity(records), date: Fx.date.adding(days: 2), runId: "r3")
        let noe = try XCTUnwrap(third.accounts.first { $0.firstName == "Noé" })
        let before = try XCTUnwrap(first.accounts.first { $0.firstName == "Noé" })
        XCTAssertEqual(noe.id, before.id)
        XCTAssertEqual(noe.login, "noe.bernard")
        XCTAssertEqual(noe.lastName, "Bernard-Lefèvre")
        XCTAssertEqual(noe.change, .changed)
        XCTAssertEqual(noe.credential?.code, before.credential?.code)
        let paul = try XCTUnwrap(third.accounts.first { $0.profile == .guardian })
        XCTAssertEqual(paul.login, "paul.martin")
        XCTAssertEqual(paul.id, first.accounts.first { $0.profile == .guardian }?.id)
        XCTAssertEqual(third.directory.map(\.action), [.update, .update])
        XCTAssertEqual(Set(third.accounts.map(\.id)), Set(first.accounts.map(\.id)))
    }

    func testCodesUniqueAcrossAccounts() throws {
        let art = try Fx.stage(self).run(Fx.identity(Fx.classOf(300)), date: Fx.date, runId: "r1")
        let codes = art.accounts.compactMap(\.credential?.code)
        XCTAssertEqual(codes.count, 300)
        XCTAssertEqual(Set(codes).count, 300)
        let alphabet = Set(ActivationCode.alphabet)
        for code in codes {
            XCTAssertEqual(code.count, 12)
            XCTAssertEqual(code.split(separator: "-").map(\.count), [4, 4, 2])
            XCTAssertTrue(code.filter { $0 != "-" }.allSatisfy(alphabet.contains))
        }
        XCTAssertTrue(art.accounts.allSatisfy { $0.credential?.expires == "2024-12-01" })
    }

    func testExpiredCodeIsReissuedNextRun() throws {
        var config = Fx.alim
        config.accounts.codeValidityDays = 10
        let stage = Fx.stage(self, config: config)
        let records = [Fx.ondePupil("2", "Roux", "Lina")]
        let first = try stage.run(Fx.identity(records), date: Fx.date, runId: "r1")
        XCTAssertEqual(first.accounts[0].credential?.expires, "2024-09-12")
        let lastDay = try stage.run(Fx.identity(records), date: RunDate("2024-09-12")!, runId: "r2")
        XCTAssertEqual(lastDay.accounts[0].credential?.code, first.accounts[0].credential?.code)
        let after = try stage.run(Fx.identity(records), date: RunDate("2024-09-13")!, runId: "r3")
        let cred = try XCTUnwrap(after.accounts[0].credential)
        XCTAssertNotEqual(cred.code, first.accounts[0].credential?.code)
        XCTAssertTrue(cred.issuedTonight)
        XCTAssertEqual(cred.expires, "2024-09-23")
        XCTAssertEqual(after.accounts[0].change, .unchanged)
    }

    func testRenewalChangesExactlyTheAskedCodes() throws {
        let stage = Fx.stage(self)
        let pupils = Fx.classOf(6) + [Fx.ondePupil("50", "Blanc", "Jules", className: "CM1 A")]
        let guardian = Fx.ondeGuardian("2", "Blanc", "Claire", children: [pupils.last!])
        let records = pupils + [guardian]
        let first = try stage.run(Fx.identity(records), date: Fx.date, runId: "r1")

        XCTAssertEqual(try stage.renew(.login("eleveaa.famille"), date: Fx.date), 1)
        XCTAssertEqual(try stage.renew(.className(uai: Fx.school, className: "CM1 A"), date: Fx.date), 2)
        XCTAssertEqual(try stage.renew(.login("personne.inconnue"), date: Fx.date), 0)
        let second = try stage.run(Fx.identity(records), date: Fx.date.adding(days: 1), runId: "r2")
        let renewed = Set(["eleveaa.famille", "jules.blanc", "claire.blanc"])
        for (a, b) in zip(first.accounts, second.accounts) {
            XCTAssertEqual(a.id, b.id)
            if renewed.contains(a.login) {
                XCTAssertNotEqual(a.credential?.code, b.credential?.code, a.login)
                XCTAssertEqual(b.credential?.issuedTonight, true)
            } else {
                XCTAssertEqual(a.credential?.code, b.credential?.code, a.login)
                XCTAssertEqual(b.credential?.issuedTonight, false)
            }
        }
        // The renewal is consumed: the night after, the renewed codes are stable again.
        let third = try stage.run(Fx.identity(records), date: Fx.date.adding(days: 2), runId: "r3")
        XCTAssertEqual(third.accounts.map(\.credential?.code), second.accounts.map(\.credential?.code))
        XCTAssertEqual(try stage.renew(.school(Fx.school), date: Fx.date), 8)
    }
}
