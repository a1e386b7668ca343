import AlimCore
import Foundation
import XCTest
@testable import AlimAccounts

/// `credentials = "ent"`: the ENT's export lines matched to accounts (externalId, alias, never a name),
/// refused lines as warnings, the sheets' login and code from the ENT, and no code in the state.
final class ENTCredentialTests: XCTestCase {
    private let users = "ent/export-utilisateurs.csv"
    private let activation = "ent/activation_de_comptes.csv"

    private var ent: AlimConfig {
        var c = AlimConfig.default
        c.accounts.credentials = .ent
        return c
    }

    private func line(_ ref: Int, _ file: String? = nil, external: String? = nil, profile: Profile = .pupil,
                      login: String, alias: String? = nil, code: String?) -> ENTCredentialRow {
        let f = file ?? (external != nil ? users : activation)
        return ENTCredentialRow(file: f, ref: String(ref), export: f == users ? .users : .activation, externalId: external,
                                profile: profile, lastName: "X", firstName: "Y", login: login, alias: alias, code: code)
    }

    /// Night 1: a CM1 pupil, a CP pupil, their mother; the ENT has created nothing yet.
    private struct Family {
        let cm1 = Fx.ondePupil("2", "Martin", "Lea", level: .cm1, className: "CM1 A")
        let cp = Fx.ondePupil("3", "Martin", "Hugo", birth: "2019-02-03", level: .cp, className: "CP")
        var mom: PersonRecord { Fx.ondeGuardian("2", "Martin", "Anne", children: [cm1, cp]) }
        var identity: IdentityArtifact { Fx.identity([cm1, cp, mom]) }
    }

    private func firstNight(_ stage: AccountsStage) throws -> (AccountsArtifact, lea: Account, hugo: Account, anne: Account) {
        let art = try stage.run(Family().identity, date: Fx.date, runId: "r1")
        return (art, try XCTUnwrap(art.account(.one, .pupil, last: "Martin", first: "Lea")),
                try XCTUnwrap(art.account(.one, .pupil, last: "Martin", first: "Hugo")),
                try XCTUnwrap(art.account(.one, .guardian, last: "Martin", first: "Anne")))
    }

    func testWithoutAnENTExportEveryOneAccountWaits() throws {
        let (art, lea, hugo, anne) = try firstNight(Fx.stage(self, config: ent))
        for a in [lea, anne] {
            XCTAssertFalse(a.sheet)
            XCTAssertEqual(a.sheetReason, "en attente de création dans l'ENT")
            XCTAssertNil(a.credential)
            XCTAssertNil(a.entLogin)
        }
        XCTAssertEqual(hugo.sheetReason, "Fiche élève prévue seulement pour CM1 et CM2", "the level rule comes first")
        XCTAssertTrue(art.warnings.isEmpty)
    }

    func testMatchedByExternalIdAndByAliasTheSheetsCarryTheENTsLoginAndCode() throws {
        let stage = Fx.stage(self, config: ent)
        let (_, lea, hugo, anne) = try firstNight(stage)
        let rows = [
            line(2, external: "ALIM-\(lea.id)", login: "lea.martin3", alias: lea.login, code: "qwertzui"),
            line(3, external: "ALIM-\(hugo.id)", login: "hugo.martin", alias: hugo.login, code: "asdfghjk"),
            // activation_de_comptes.csv has no externalId: matched by the alias Alim sent.
            line(2, profile: .guardian, login: "anne.martin", alias: anne.login, code: "yxcvbnml"),
        ]
        let night2 = try stage.run(Family().identity, date: Fx.date.adding(days: 1), runId: "r2", ent: rows)
        XCTAssertTrue(night2.warnings.isEmpty, "\(night2.warnings)")
        let l = try XCTUnwrap(night2.accounts.first { $0.id == lea.id })
        XCTAssertTrue(l.sheet)
        XCTAssertEqual(l.credential, Credential(code: "qwertzui", expires: "", issuedTonight: true, login: "lea.martin3"))
        XCTAssertEqual(l.entLogin, "lea.martin3")
        XCTAssertEqual(l.login, lea.login, "Alim's login stays the alias sent to the ENT")
        let a = try XCTUnwrap(night2.accounts.first { $0.id == anne.id })
        XCTAssertEqual(a.credential, Credential(code: "yxcvbnml", expires: "", issuedTonight: true, login: "anne.martin"))
        let h = try XCTUnwrap(night2.accounts.first { $0.id == hugo.id })
        XCTAssertFalse(h.sheet)
        XCTAssertNil(h.credential)
        XCTAssertEqual(h.entLogin, "hugo.martin", "the ENT login is kept for every account, sheet or not")

        // The next night, same export: same code, no longer due (the sheet went out).
        let night3 = try stage.run(Family().identity, date: Fx.date.adding(days: 2), runId: "r3", ent: rows)
        let l3 = try XCTUnwrap(night3.accounts.first { $0.id == lea.id })
        XCTAssertEqual(l3.credential?.code, "qwertzui")
        XCTAssertEqual(l3.credential?.issuedTonight, false)
        // No export at all: the login stays known; the sheet is not printable (Alim keeps no code).
        let night4 = try stage.run(Family().identity, date: Fx.date.adding(days: 3), runId: "r4")
        let l4 = try XCTUnwrap(night4.accounts.first { $0.id == lea.id })
        XCTAssertEqual(l4.entLogin, "lea.martin3")
        XCTAssertNil(l4.credential)
        XCTAssertTrue(l4.sheetReason?.hasPrefix("fiche déjà remise") ?? false, l4.sheetReason ?? "")
        // A new code in the ENT (renewed there): due again.
        let night5 = try stage.run(Family().identity, date: Fx.date.adding(days: 4), runId: "r5",
                                   ent: [line(2, external: "ALIM-\(lea.id)", login: "lea.martin3", alias: lea.login, code: "poiulkjh")])
        XCTAssertEqual(night5.accounts.first { $0.id == lea.id }?.credential?.issuedTonight, true)
    }

    func testAnActivatedAccountGetsNoNewSheet() throws {
        let stage = Fx.stage(self, config: ent)
        let (_, lea, _, _) = try firstNight(stage)
        let night2 = try stage.run(Family().identity, date: Fx.date.adding(days: 1), runId: "r2",
                                   ent: [line(2, external: "ALIM-\(lea.id)", login: "lea.martin", alias: lea.login, code: nil)])
        let l = try XCTUnwrap(night2.accounts.first { $0.id == lea.id })
        XCTAssertFalse(l.sheet)
        XCTAssertNil(l.credential)
        XCTAssertEqual(l.sheetReason, "compte déjà activé : un code de renouvellement se demande dans l'ENT")
        // Still activated when the export is gone.
        let night3 = try stage.run(Family().identity, date: Fx.date.adding(days: 2), runId: "r3")
        XCTAssertEqual(night3.accounts.first { $0.id == lea.id }?.sheetReason, l.sheetReason)
    }

    func testUnknownAmbiguousAndContradictoryLinesAreWarningsNeverGuesses() throws {
        let stage = Fx.stage(self, config: ent)
        let (_, lea, hugo, anne) = try firstNight(stage)
        let rows = [
            // Unknown externalId of this tenant.
            line(2, external: "ALIM-O9999999", login: "x.y", alias: nil, code: "aaaaaaaa"),
            // Neither externalId nor alias: never matched on the name.
            line(3, external: "AUTRE-17", login: "anne.martin", alias: nil, code: "bbbbbbbb"),
            // An alias Alim never gave.
            line(2, login: "z.z", alias: "inconnu.alias", code: "cccccccc"),
            // externalId and alias naming two different accounts.
            line(4, external: "ALIM-\(lea.id)", login: "lea.martin", alias: hugo.login, code: "dddddddd"),
            // A parent line for a pupil account.
            line(3, profile: .guardian, login: "hugo.martin", alias: hugo.login, code: "eeeeeeee"),
            // Two different ENT logins for the mother in one night.
            line(5, external: "ALIM-\(anne.id)", profile: .guardian, login: "anne.martin", alias: anne.login, code: "ffffffff"),
            line(4, profile: .guardian, login: "anne.martin2", alias: anne.login, code: "ffffffff"),
        ]
        let night2 = try stage.run(Family().identity, date: Fx.date.adding(days: 1), runId: "r2", ent: rows)
        let byPlace = Dictionary(grouping: night2.warnings, by: { "\($0.file)#\($0.ref)" })
        for place in ["\(users)#2", "\(users)#3", "\(activation)#2", "\(users)#4", "\(activation)#3", "\(users)#5", "\(activation)#4"] {
            XCTAssertNotNil(byPlace[place], "no warning for \(place): \(night2.warnings.map(\.reason))")
        }
        XCTAssertTrue(byPlace["\(users)#3"]?.first?.reason.contains("aucun compte n'est attribué d'après le nom") ?? false)
        XCTAssertTrue(byPlace["\(users)#4"]?.first?.reason.contains("Ligne contradictoire") ?? false)
        XCTAssertTrue(byPlace["\(users)#5"]?.first?.reason.contains("plusieurs identifiants de l'ENT") ?? false)
        for w in night2.warnings {
            for code in ["aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd", "eeeeeeee", "ffffffff"] {
                XCTAssertFalse(w.reason.contains(code), "a warning quotes a code: \(w.reason)")
            }
        }
        // Nothing was applied to any account.
        for a in night2.accounts where a.platform == .one {
            XCTAssertNil(a.entLogin, a.id)
            XCTAssertNil(a.credential, a.id)
        }
    }

    func testContradictoryCodesAndASharedENTLoginPrintNothing() throws {
        let stage = Fx.stage(self, config: ent)
        let (_, lea, hugo, anne) = try firstNight(stage)
        let rows = [
            line(2, external: "ALIM-\(lea.id)", login: "lea.martin", alias: lea.login, code: "gggggggg"),
            line(2, login: "lea.martin", alias: lea.login, code: "hhhhhhhh"),
            line(3, external: "ALIM-\(hugo.id)", login: "same.login", alias: hugo.login, code: "iiiiiiii"),
            line(4, external: "ALIM-\(anne.id)", profile: .guardian, login: "same.login", alias: anne.login, code: "jjjjjjjj"),
        ]
        let night2 = try stage.run(Family().identity, date: Fx.date.adding(days: 1), runId: "r2", ent: rows)
        let l = try XCTUnwrap(night2.accounts.first { $0.id == lea.id })
        XCTAssertNil(l.credential)
        XCTAssertFalse(l.sheet)
        XCTAssertTrue(l.sheetReason?.contains("contradictoires") ?? false, l.sheetReason ?? "")
        XCTAssertEqual(night2.warnings.filter { $0.reason.contains("plusieurs codes d'activation") }.count, 2)
        XCTAssertNil(night2.accounts.first { $0.id == anne.id }?.entLogin, "an ENT login given to two accounts is kept for none")
        XCTAssertNil(night2.accounts.first { $0.id == hugo.id }?.entLogin)
        XCTAssertEqual(night2.warnings.filter { $0.reason.contains("attribué à plusieurs comptes") }.count, 2)
    }

    func testAnAccountCreatedTonightIsNeverMatched() throws {
        let stage = Fx.stage(self, config: ent)
        // Night 1, and the ENT export already names the account Alim is about to create: a stale or foreign line.
        let art = try stage.run(Family().identity, date: Fx.date, runId: "r1",
                                ent: [line(2, external: "ALIM-O0000001", login: "who.ever", alias: nil, code: "kkkkkkkk")])
        XCTAssertTrue(art.accounts.allSatisfy { $0.entLogin == nil && $0.credential == nil })
        XCTAssertEqual(art.warnings.map(\.ref), ["2"])
    }

    /// The state keeps the ENT's login and a keyed fingerprint, never the code (read back from the bytes).
    func testTheStateNeverHoldsAnENTCodeInClear() throws {
        let stage = Fx.stage(self, config: ent)
        let (_, lea, _, anne) = try firstNight(stage)
        let codes = ["Qwertzui", "yxcvbnml"]
        let rows = [
            line(2, external: "ALIM-\(lea.id)", login: "lea.martin3", alias: lea.login, code: codes[0]),
            line(2, profile: .guardian, login: "anne.martin", alias: anne.login, code: codes[1]),
        ]
        let night2 = try stage.run(Family().identity, date: Fx.date.adding(days: 1), runId: "r2", ent: rows)
        XCTAssertEqual(night2.accounts.compactMap(\.credential?.code).sorted(), codes.sorted())
        // A third run stores night 2's state as its base snapshot (JSON in the runs table): scan that too.
        _ = try stage.run(Family().identity, date: Fx.date.adding(days: 2), runId: "r3", ent: rows)
        var bytes = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: stage.workdir.path) where name.hasPrefix("state.sqlite") {
            bytes += try Data(contentsOf: stage.workdir.appendingPathComponent(name))
        }
        XCTAssertFalse(bytes.isEmpty)
        for code in codes {
            for variant in [code, code.lowercased(), code.uppercased()] {
                XCTAssertNil(bytes.range(of: Data(variant.utf8)), "the code \(variant) is in the state file")
                XCTAssertNil(bytes.range(of: Data(variant.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })))
            }
        }
        XCTAssertNotNil(bytes.range(of: Data("lea.martin3".utf8)), "the ENT login is kept")
        let state = try StateStore(url: stage.stateURL).load()
        let row = try XCTUnwrap(state.accounts.first { $0.id == lea.id })
        XCTAssertEqual(row.entLogin, "lea.martin3")
        XCTAssertEqual(row.entCodeMAC?.count, 32)
    }

    /// A state written before the ENT columns existed opens, is migrated and keeps its accounts.
    func testAVersion1StateIsMigrated() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { throw XCTSkip("sqlite3 absent") }
        let stage = Fx.stage(self, config: Fx.alim)
        let first = try stage.run(Family().identity, date: Fx.date, runId: "r1")
        // Back to the v1 schema: the v2 columns dropped and the migration forgotten.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [stage.stateURL.path, "ALTER TABLE accounts DROP COLUMN ent_login; ALTER TABLE accounts DROP COLUMN ent_code_mac; "
                       + "DELETE FROM grdb_migrations WHERE identifier = 'v2-ent-credentials';"]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let again = try stage.run(Family().identity, date: Fx.date, runId: "r1")
        XCTAssertEqual(again, first)
        XCTAssertEqual(try StateStore(url: stage.stateURL).load().accounts.map(\.id), first.accounts.map(\.id))
    }

    func testAlimCredentialsIgnoreTheENTExportWithOneWarningPerFile() throws {
        let stage = Fx.stage(self, config: Fx.alim)
        let (first, lea, _, anne) = try firstNight(stage)
        let rows = [line(2, external: "ALIM-\(lea.id)", login: "lea.martin3", alias: lea.login, code: "qwertzui"),
                    line(3, external: "ALIM-\(anne.id)", profile: .guardian, login: "anne.martin", alias: anne.login, code: nil),
                    line(2, profile: .guardian, login: "anne.martin", alias: anne.login, code: "yxcvbnml")]
        let night2 = try stage.run(Family().identity, date: Fx.date.adding(days: 1), runId: "r2", ent: rows)
        XCTAssertEqual(night2.warnings.map(\.file), [activation, users])
        XCTAssertEqual(night2.accounts.map(\.credential?.code), first.accounts.map(\.credential?.code), "Alim's codes, as before")
        XCTAssertTrue(night2.accounts.allSatisfy { $0.entLogin == nil })
        XCTAssertThrowsError(try Fx.stage(self, config: ent).renew(.login(lea.login), date: Fx.date)) { error in
            XCTAssertEqual(error as? AccountsError, .renewalInENT)
        }
    }
}
