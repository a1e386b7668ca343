import AlimCore
import Foundation
import XCTest
@testable import AlimSheets

/// coverage.csv names every legal guardian, with a sheet or a reason.
final class CoverageTests: XCTestCase {
    func testEveryLegalGuardianIsListedWithStatusAndReason() throws {
        let dir = try Fixture.tempDir()
        let artifact = try Fixture.run(into: dir)
        let byName = Dictionary(uniqueKeysWithValues: artifact.coverage.map { ("\($0.firstName) \($0.lastName)", $0) })
        XCTAssertEqual(Set(byName.keys), ["Sophie MARTIN", "Jean-Pierre MARTIN", "Chloé DURAND", "Paul DURAND",
                                          "Anne LEROY", "Marc PETIT"])
        XCTAssertEqual(byName["Sophie MARTIN"]?.status, .emailed)
        XCTAssertEqual(byName["Jean-Pierre MARTIN"]?.status, .printed)
        XCTAssertEqual(byName["Chloé DURAND"]?.status, .noSheet)
        XCTAssertEqual(byName["Chloé DURAND"]?.reason, "compte déjà activé")
        XCTAssertEqual(byName["Paul DURAND"]?.status, .noSheet)
        XCTAssertTrue(byName["Paul DURAND"]?.reason?.contains("alim sheets --all") == true)
        XCTAssertEqual(byName["Anne LEROY"]?.status, .noSheet)
        XCTAssertTrue(byName["Anne LEROY"]?.reason?.hasPrefix("enregistrement rejeté : nom du responsable vide") == true)
        XCTAssertEqual(byName["Marc PETIT"]?.reason, "compte collège uniquement : pas de compte One")
        XCTAssertEqual(byName["Marc PETIT"]?.children, "Zoé DURAND (CE2)")
        XCTAssertEqual(byName["Sophie MARTIN"]?.children, "Léa MARTIN (CM1 A), Noé MARTIN (CP)")

        XCTAssertEqual(artifact.bundles.count, 1)
        XCTAssertEqual(artifact.bundles[0].printed, 2, "Jean-Pierre and Léa")
        XCTAssertEqual(artifact.bundles[0].emailed, 1)
        XCTAssertEqual(artifact.bundles[0].guardiansWithoutSheet, 4)

        let csv = String(decoding: try Data(contentsOf: dir.appendingPathComponent("0611234A/coverage.csv")).dropFirst(3), as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines[0], "uai;nom;prenom;enfants;statut;raison")
        XCTAssertEqual(lines.count, 7)
        XCTAssertTrue(lines.contains("0611234A;MARTIN;Jean-Pierre;Léa MARTIN (CM1 A), Noé MARTIN (CP);imprimée;"))
    }

    /// After a merge, the survivor whose family grew gets a new sheet with the code already handed; the
    /// retired account is listed as merged, never as having left.
    func testMergeSurvivorIsReprintedAndTheRetiredAccountSaysMerged() throws {
        var accounts = Fixture.accounts
        let paul = try XCTUnwrap(accounts.accounts.firstIndex { $0.id == "A-paul" })
        accounts.accounts[paul].reprintTonight = true
        var retired = accounts.accounts[paul]
        retired.id = "A-paul2"
        retired.change = .merged
        retired.sheet = false
        retired.credential = nil
        retired.mergedInto = "A-paul"
        retired.sheetReason = "fusionné avec paul.durand : même personne, un seul compte est gardé"
        accounts.accounts.append(retired)
        let dir = try Fixture.tempDir()
        let artifact = try Sheets.run(accounts: accounts, identity: Fixture.identity, rejects: Fixture.rejects,
                                      config: Fixture.config, date: Fixture.date, outputDirectory: dir)
        let pauls = artifact.coverage.filter { $0.firstName == "Paul" }.sorted { ($0.accountId ?? "") < ($1.accountId ?? "") }
        XCTAssertEqual(pauls.map(\.status), [.printed, .noSheet])
        XCTAssertEqual(pauls.last?.reason, "fusionné avec paul.durand : même personne, un seul compte est gardé")
        let pdf = try Fixture.pdfText(dir.appendingPathComponent("0611234A/responsables-ecole.pdf"))
        XCTAssertTrue(pdf.contains("H2JD-9FVA"), "the code already handed, on the new sheet")
    }

    func testSubjectSplit() {
        XCTAssertEqual(CoverageBuilder.splitSubject("DE LA FONTAINE Jean").0, "DE LA FONTAINE")
        XCTAssertEqual(CoverageBuilder.splitSubject("DE LA FONTAINE Jean").1, "Jean")
        XCTAssertEqual(CoverageBuilder.splitSubject("Inconnu").0, "Inconnu")
    }
}
