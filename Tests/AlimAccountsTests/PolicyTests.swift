import AlimCore
import XCTest
@testable import AlimAccounts

/// The defect of DOMAIN.md: a link to a collège/EduConnect identity must never federate a One account.
final class PolicyTests: XCTestCase {
    func testGuardianOfPrimaryAndCollegeChildrenKeepsLocalOneAccount() throws {
        let cm1 = Fx.ondePupil("2", "Durand", "Léa", level: .cm1)
        let fifth = Fx.siecleStudent("E100", "Durand", "Hugo")
        let momOnde = Fx.ondeGuardian("2", "Durand", "Sophie", children: [cm1])
        let momSiecle = Fx.siecleGuardian("P200", "DURAND", "Sophie", children: [fifth])
        let dadCollegeOnly = Fx.siecleGuardian("P300", "Durand", "Marc", children: [fifth])
        let contact = Fx.siecleGuardian("P400", "Petit", "Anne", children: [fifth], role: .contact)
        let identity = Fx.identity([cm1, fifth, momOnde, momSiecle, dadCollegeOnly, contact], merge: [[momOnde, momSiecle]])
        let art = try Fx.stage(self).run(identity, date: Fx.date, runId: "r1")

        let momPerson = "P-\(min(momOnde.ref, momSiecle.ref))"
        let mom = art.accounts(of: momPerson)
        XCTAssertEqual(mom.count, 2)
        let one = try XCTUnwrap(mom.first { $0.platform == .one })
        XCTAssertEqual(one.profile, .guardian)
        XCTAssertEqual(one.auth, .local)
        XCTAssertTrue(one.sheet)
        XCTAssertNil(one.sheetReason)
        XCTAssertTrue(one.hasCollegeChild)
        XCTAssertNotNil(one.credential)
        let pupilOne = try XCTUnwrap(art.account(.one, .pupil, last: "Durand", first: "Léa"))
        XCTAssertEqual(one.children, [pupilOne.id])
        XCTAssertEqual(one.uais, [Fx.school])
        XCTAssertEqual(one.classes, ["CM1 A"])

        let col = try XCTUnwrap(mom.first { $0.platform == .college })
        XCTAssertEqual(col.auth, .educonnect)
        XCTAssertFalse(col.sheet)
        XCTAssertEqual(col.sheetReason, "Compte fédéré : connexion par ÉduConnect, aucune fiche possible")
        XCTAssertNil(col.credential)
        XCTAssertFalse(col.hasCollegeChild)
        let pupilCollege = try XCTUnwrap(art.account(.college, .pupil, last: "Durand", first: "Hugo"))
        XCTAssertEqual(col.children, [pupilCollege.id])

        // Known only from the collège: a collège account, no One account.
        let dad = art.accounts(of: "P-\(dadCollegeOnly.ref)")
        XCTAssertEqual(dad.map(\.platform), [.college])
        XCTAssertEqual(dad.first?.auth, .educonnect)
        // A contact gets nothing, but is in the lineage.
        XCTAssertTrue(art.accounts(of: "P-\(contact.ref)").isEmpty)

        XCTAssertTrue(pupilOne.sheet)
        XCTAssertEqual(pupilOne.auth, .local)
        XCTAssertEqual(pupilCollege.auth, .educonnect)
        XCTAssertFalse(pupilCollege.sheet)

        // Lineage: one entry per record, each on its own platform.
        XCTAssertEqual(art.lineage.map(\.record), identity.records.map(\.ref).sorted())
        func lineage(_ r: PersonRecord) -> LineageEntry? { art.lineage.first { $0.record == r.ref } }
        XCTAssertEqual(lineage(momOnde)?.accountId, one.id)
        XCTAssertEqual(lineage(momSiecle)?.accountId, col.id)
        XCTAssertEqual(lineage(momSiecle)?.personId, one.personId)
        XCTAssertNil(lineage(contact)?.accountId)
        XCTAssertEqual(lineage(contact)?.kind, .contact)
    }

    func testPupilSheetLevelsAndActivatedAccounts() throws {
        let cp = Fx.ondePupil("2", "Leroy", "Tom", level: .cp, className: "CP")
        let cm2 = Fx.ondePupil("3", "Leroy", "Eva", level: .cm2, className: "CM2")
        let stage = Fx.stage(self)
        let art = try stage.run(Fx.identity([cp, cm2]), date: Fx.date, runId: "r1")
        let tom = try XCTUnwrap(art.account(.one, .pupil, last: "Leroy", first: "Tom"))
        XCTAssertFalse(tom.sheet)
        XCTAssertEqual(tom.sheetReason, "Fiche élève prévue seulement pour CM1 et CM2")
        XCTAssertTrue(try XCTUnwrap(art.account(.one, .pupil, last: "Leroy", first: "Eva")).sheet)

        // The ENT reports Eva's account activated: no code, no sheet, and it stays so.
        let art2 = try stage.run(Fx.identity([cp, cm2], activated: ["eva.leroy"]), date: Fx.date.adding(days: 1), runId: "r2")
        let eva = try XCTUnwrap(art2.account(.one, .pupil, last: "Leroy", first: "Eva"))
        XCTAssertNil(eva.credential)
        XCTAssertFalse(eva.sheet)
        XCTAssertEqual(eva.sheetReason, "Compte déjà activé")
        let art3 = try stage.run(Fx.identity([cp, cm2]), date: Fx.date.adding(days: 2), runId: "r3")
        XCTAssertNil(try XCTUnwrap(art3.account(.one, .pupil, last: "Leroy", first: "Eva")).credential)
    }

    func testCollegeAccountsCanBeTurnedOff() throws {
        var config = Fx.alim
        config.policy.createCollegeAccounts = false
        let cm1 = Fx.ondePupil("2", "Durand", "Léa")
        let fifth = Fx.siecleStudent("E100", "Durand", "Hugo")
        let mom = Fx.ondeGuardian("2", "Durand", "Sophie", children: [cm1])
        let momS = Fx.siecleGuardian("P200", "Durand", "Sophie", children: [fifth])
        let art = try Fx.stage(self, config: config).run(Fx.identity([cm1, fifth, mom, momS], merge: [[mom, momS]]),
                                                         date: Fx.date, runId: "r1")
        XCTAssertEqual(art.accounts.map(\.platform), [.one, .one])
        XCTAssertTrue(art.accounts.first { $0.profile == .guardian }?.hasCollegeChild == true)
    }
}
