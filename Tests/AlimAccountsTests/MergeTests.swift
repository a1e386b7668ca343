import AlimCore
import XCTest
@testable import AlimAccounts

/// Merges after the sheets went out: two accounts that turn out to be one person's.
final class MergeTests: XCTestCase {
    private let hugo = Fx.ondePupil("2", "PICOT", "Hugo", birth: "2018-01-02", level: .cp, className: "CP")
    private let remy = Fx.ondePupil("3", "PICOT", "Rémy", birth: "2022-03-04", level: .tps, className: "TPS")
    private var first: PersonRecord { Fx.ondeGuardian("2", "PICOT", "Christelle", children: [hugo]) }
    private var second: PersonRecord { Fx.ondeGuardian("3", "PICOT", "Christelle", children: [remy]) }
    private var pupils: [PersonRecord] { [hugo, remy] + Fx.classOf(6) }

    private func christelles(_ a: AccountsArtifact) -> [Account] {
        a.accounts.filter { $0.profile == .guardian && $0.firstName == "Christelle" }.sorted { $0.id < $1.id }
    }

    func testTheOlderAccountSurvivesAndTheOtherIsMergedNotLeft() throws {
        let stage = Fx.stage(self)
        let night1 = try stage.run(Fx.identity(pupils + [first, second]), date: Fx.date, runId: "r1")
        let (older, newer) = (christelles(night1)[0], christelles(night1)[1])
        let night2 = try stage.run(Fx.identity(pupils + [first, second], merge: [[first, second]]),
                                   date: Fx.date.adding(days: 1), runId: "r2")
        let both = christelles(night2)
        XCTAssertEqual(both.map(\.id), [older.id, newer.id])
        let survivor = both[0], retired = both[1]
        XCTAssertEqual(survivor.children.count, 2, "the survivor holds every child")
        XCTAssertEqual(survivor.change, .changed)
        XCTAssertTrue(survivor.reprintTonight, "its family changed: a new sheet listing all the children")
        XCTAssertEqual(survivor.credential?.code, older.credential?.code, "the code already handed stays valid")
        XCTAssertEqual(retired.change, .merged)
        XCTAssertEqual(retired.mergedInto, older.id)
        XCTAssertFalse(retired.sheet)
        XCTAssertNil(retired.credential)
        XCTAssertEqual(retired.sheetReason, "fusionné avec \(older.login) : même personne, un seul compte est gardé")
        XCTAssertFalse(retired.sheetReason?.contains("quitté") ?? true)
        XCTAssertTrue(night2.directory.contains(DirectoryEntry(action: .deactivate, accountId: newer.id)))
        XCTAssertTrue(night2.holds.isEmpty)

        // The next night is quiet: the retired account is gone, the survivor unchanged and not reprinted.
        let night3 = try stage.run(Fx.identity(pupils + [first, second], merge: [[first, second]]),
                                   date: Fx.date.adding(days: 2), runId: "r3")
        XCTAssertEqual(christelles(night3).map(\.id), [older.id])
        XCTAssertEqual(christelles(night3).first?.change, .unchanged)
        XCTAssertEqual(christelles(night3).first?.reprintTonight, false)
        XCTAssertTrue(night3.directory.isEmpty)
    }

    func testTheAccountAlreadyActivatedSurvivesEvenIfNewer() throws {
        let stage = Fx.stage(self)
        let night1 = try stage.run(Fx.identity(pupils + [first, second]), date: Fx.date, runId: "r1")
        let (older, newer) = (christelles(night1)[0], christelles(night1)[1])
        let night2 = try stage.run(Fx.identity(pupils + [first, second], merge: [[first, second]], activated: [newer.login]),
                                   date: Fx.date.adding(days: 1), runId: "r2")
        let retired = try XCTUnwrap(night2.accounts.first { $0.id == older.id })
        XCTAssertEqual(retired.change, .merged)
        XCTAssertEqual(retired.mergedInto, newer.id, "the family keeps the account it already uses")
        let survivor = try XCTUnwrap(night2.accounts.first { $0.id == newer.id })
        XCTAssertEqual(survivor.children.count, 2)
        XCTAssertNil(survivor.credential, "activated: no code, the family sees both children when it logs in")
    }

    func testANamesakeWhoLeftIsNotTakenForAMerge() throws {
        let stage = Fx.stage(self)
        _ = try stage.run(Fx.identity(pupils + [first, second]), date: Fx.date, runId: "r1")
        // Tonight the second row is gone (her child left) and a new row names the first child only.
        let night2 = try stage.run(Fx.identity(pupils + [first]), date: Fx.date.adding(days: 1), runId: "r2")
        let gone = try XCTUnwrap(christelles(night2).first { $0.change != .unchanged })
        XCTAssertEqual(gone.change, .left, "no record in common: a departure, not a merge")
    }
}
