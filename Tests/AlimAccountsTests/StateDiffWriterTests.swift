import AlimCore
import Foundation
import GRDB
import XCTest
@testable import AlimAccounts

/// A night writes only the rows that changed (`StateStore.update`); what is stored afterwards must be
/// exactly the night's state, whatever changed: persons and keys, accounts, logins, links, code
/// generations, counters, rows gone.
final class StateDiffWriterTests: XCTestCase {
    /// A real state after one night of a class of 12 pupils and their guardians.
    private func storedState() throws -> (StateStore, StateSnapshot) {
        let stage = Fx.stage(self)
        let pupils = Fx.classOf(12)
        let guardians = pupils.enumerated().map { Fx.ondeGuardian("\(100 + $0.offset)", $0.element.lastName, "Parent", children: [$0.element]) }
        _ = try stage.run(Fx.identity(pupils + guardians), date: Fx.date, runId: "r1")
        let store = try StateStore(url: stage.stateURL)
        return (store, try store.load())
    }

    private func assertUpdate(_ store: StateStore, from current: StateSnapshot, to wanted: StateSnapshot,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        var wanted = wanted
        wanted.canonicalise()
        try store.queue.write { db in try StateStore.update(db, from: current, to: wanted) }
        XCTAssertEqual(try store.load(), wanted, file: file, line: line)
        // The derived logins table follows the accounts.
        let logins = try store.queue.read { db in try Row.fetchAll(db, sql: "SELECT account_id, login FROM logins ORDER BY account_id") }
        XCTAssertEqual(logins.map { "\($0["account_id"] as String) \($0["login"] as String)" },
                       wanted.accounts.map { "\($0.id) \($0.login)" }, file: file, line: line)
    }

    func testAnUnchangedNightWritesTheSameState() throws {
        let (store, state) = try storedState()
        XCTAssertGreaterThan(state.accounts.count, 20)
        try assertUpdate(store, from: state, to: state)
    }

    func testEveryKindOfChangeIsStored() throws {
        let (store, state) = try storedState()
        var next = state
        // A person and its accounts gone; another added with a new account.
        let goneAccount = next.accounts.removeLast()
        next.generations.removeAll { $0.accountId == goneAccount.id }
        next.persons.removeAll { $0.id == goneAccount.personId && !next.accounts.contains { $0.personId == goneAccount.personId } }
        for i in next.accounts.indices { next.accounts[i].children.removeAll { $0 == goneAccount.id } }
        next.persons.append(PersonRow(id: "H9999999", kind: .pupil, clusterId: "c-new", keys: ["ine:NEW", "nb:x"]))
        var added = state.accounts[0]
        added.id = "O9999999"
        added.personId = "H9999999"
        added.login = "nouveau.compte"
        added.children = []
        next.accounts.append(added)
        next.generations.append(GenerationRow(accountId: "O9999999", generation: 1, nonce: "00ff", issued: "2026-09-02",
                                              expires: "2026-12-01", runId: "r2"))
        // Changed fields, keys, children, a renewed code, a counter.
        next.accounts[1].email = "parent@example.org"
        next.accounts[1].classes = ["CP", "CE1"]
        next.accounts[2].status = .left
        next.accounts[2].leftSince = "2026-09-02"
        if let g = next.accounts.firstIndex(where: { $0.profile == .guardian }) {
            next.accounts[g].children = [added.id] + next.accounts[g].children
        }
        next.persons[0].keys = ["cluster:changed"] + next.persons[0].keys
        next.persons[1].clusterId = "c-moved"
        next.generations[0].expires = "2027-01-01"
        next.counters["person", default: 0] += 1
        try assertUpdate(store, from: state, to: next)
        // And back: every change undone by the next night.
        try assertUpdate(store, from: try store.load(), to: state)
    }
}
