import AlimCore
import Foundation
import XCTest
@testable import AlimSheets

/// Sheets on the ENT's credentials: its login and code printed (no expiry, the ENT's codes have
/// none), the reasons of waiting and activated accounts in coverage, and a credential that is never
/// wrapped nor hyphenated, however long.
final class ENTSheetTests: XCTestCase {
    /// pdftotext keeps the narrow no-break spaces; compare on ordinary spaces.
    private func flat(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    static let longLogin = "maxence-aurelien.tarorignacdupont-de-la-villemarque-sainteux"

    /// The fixture's accounts as the accounts stage gives them with `credentials = "ent"`.
    private func entAccounts(jeanPierreLogin: String = "jean-pierre.martin2") -> AccountsArtifact {
        var artifact = Fixture.accounts
        for i in artifact.accounts.indices {
            switch artifact.accounts[i].id {
            case "A-jp":
                artifact.accounts[i].entLogin = jeanPierreLogin
                artifact.accounts[i].credential = Credential(code: "qwertzui", expires: "", issuedTonight: true, login: jeanPierreLogin)
            case "A-lea":
                artifact.accounts[i].entLogin = "lea.martin"
                artifact.accounts[i].credential = Credential(code: "asdfghjk", expires: "", issuedTonight: true, login: "lea.martin")
            case "A-sophie":
                artifact.accounts[i].entLogin = "sophie.martin"
                artifact.accounts[i].credential = Credential(code: "yxcvbnml", expires: "", issuedTonight: true, login: "sophie.martin")
            case "A-paul":
                artifact.accounts[i].credential = nil
                artifact.accounts[i].sheet = false
                artifact.accounts[i].sheetReason = "en attente de création dans l'ENT"
            case "A-chloe":
                artifact.accounts[i].sheetReason = "compte déjà activé : un code de renouvellement se demande dans l'ENT"
            default: break
            }
        }
        return artifact
    }

    private func run(_ accounts: AccountsArtifact, into dir: URL) throws -> SheetsArtifact {
        try Sheets.run(accounts: accounts, identity: Fixture.identity, rejects: Fixture.rejects, config: Fixture.config,
                       date: Fixture.date, outputDirectory: dir)
    }

    func testTheSheetCarriesTheENTsLoginAndCodeWithoutAnExpiry() throws {
        let dir = try Fixture.tempDir()
        _ = try run(entAccounts(), into: dir)
        let guardians = flat(try Fixture.pdfText(dir.appendingPathComponent("0611234A/responsables-CM1-A.pdf")))
        let page = guardians.components(separatedBy: "\u{0C}")[0]
        XCTAssertTrue(page.contains("jean-pierre.martin2"), page)
        XCTAssertTrue(page.contains("qwertzui"), page)
        XCTAssertFalse(page.contains("B7NC-5YLE"), "Alim's code is not printed")
        XCTAssertTrue(page.contains("Ce code d’activation ne sert qu’une fois. À la première connexion"), page)
        XCTAssertFalse(page.contains("valable"), "the ENT's codes do not expire")
        let pupils = flat(try Fixture.pdfText(dir.appendingPathComponent("0611234A/eleves-ecole.pdf")))
        XCTAssertTrue(pupils.contains("asdfghjk"))
        XCTAssertTrue(pupils.contains("Ce code ne sert qu’une fois. À ta première connexion"), pupils)

        let mail = String(decoding: try Data(contentsOf: dir.appendingPathComponent("0611234A/courriels/MARTIN-Sophie-sophie-martin.eml")),
                          as: UTF8.self).replacingOccurrences(of: "=\r\n", with: "")
        XCTAssertTrue(mail.contains("(sophie.martin)"))
        XCTAssertFalse(mail.contains("valable"), "no expiry in the e-mail either")

        let csv = String(decoding: try Data(contentsOf: dir.appendingPathComponent("0611234A/sheets.csv")).dropFirst(3), as: UTF8.self)
        let jp = try XCTUnwrap(csv.components(separatedBy: "\r\n").first { $0.contains("Jean-Pierre") }).components(separatedBy: ";")
        XCTAssertEqual(jp[7...9], ["jean-pierre.martin2", "qwertzui", ""])
    }

    func testWaitingAndActivatedAccountsHaveTheirReasonsInCoverage() throws {
        let dir = try Fixture.tempDir()
        let artifact = try run(entAccounts(), into: dir)
        let byName = Dictionary(uniqueKeysWithValues: artifact.coverage.map { ("\($0.firstName) \($0.lastName)", $0) })
        XCTAssertEqual(byName["Paul DURAND"]?.status, .noSheet)
        XCTAssertEqual(byName["Paul DURAND"]?.reason, "en attente de création dans l'ENT")
        XCTAssertEqual(byName["Chloé DURAND"]?.reason, "compte déjà activé : un code de renouvellement se demande dans l'ENT")
        XCTAssertEqual(byName["Jean-Pierre MARTIN"]?.status, .printed)
        XCTAssertEqual(byName["Sophie MARTIN"]?.status, .emailed)
    }

    /// A 60-character login is printed whole on one line: pdftotext reads it unbroken, no hyphen added.
    func testALongLoginIsNeverWrappedNorHyphenated() throws {
        XCTAssertEqual(Self.longLogin.count, 60)
        let dir = try Fixture.tempDir()
        _ = try run(entAccounts(jeanPierreLogin: Self.longLogin), into: dir)
        let url = dir.appendingPathComponent("0611234A/responsables-CM1-A.pdf")
        let page = try Fixture.pdfText(url).components(separatedBy: "\u{0C}")[0]
        XCTAssertTrue(page.contains(Self.longLogin), "the login is not read back whole:\n\(page)")
        let line = try XCTUnwrap(page.components(separatedBy: "\n").first { $0.contains("tarorignac") })
        XCTAssertEqual(line.trimmingCharacters(in: .whitespaces), Self.longLogin, "nothing else on the login's line, no hyphen")
        // Its words are on one baseline (pdftotext -bbox): one line, not two.
        let boxes = try Fixture.tool("/usr/bin/pdftotext", ["-bbox", "-f", "1", "-l", "1", url.path, "-"])
        let word = try XCTUnwrap(boxes.components(separatedBy: "\n").first { $0.contains(">\(Self.longLogin)<") },
                                 "the login is one word of the page")
        XCTAssertTrue(word.contains("xMin"))
    }

    /// The shrinking itself: pango lays the value on one line within the width, smaller only when needed.
    func testTheCredentialLineShrinksUntilItFitsOnOneLine() throws {
        let renderer = PageRenderer()
        let width = PageStyle.a4.contentWidth - 170 - 18
        let short = renderer.credentialLine("lea.martin", width: width)
        XCTAssertEqual(short.lineCount, 1)
        XCTAssertEqual(short.runs.first?.size ?? 0, 21, accuracy: 0.01, "a short login keeps the full size")
        let long = renderer.credentialLine(Self.longLogin, width: width)
        XCTAssertEqual(long.lineCount, 1)
        XCTAssertLessThanOrEqual(long.width, width)
        let size = try XCTUnwrap(long.runs.first?.size)
        XCTAssertLessThan(size, 21)
        XCTAssertGreaterThan(size, 6, "shrunk just enough, not to the floor")
        XCTAssertTrue(long.runs.allSatisfy { $0.size == size && $0.baseline == long.runs[0].baseline })
        // Half a point larger would not fit: the largest size that does.
        XCTAssertGreaterThan(long.width * (size + 0.5) / size, width - 0.5)
    }
}
