import AlimCore
import Foundation
import XCTest
@testable import AlimSheets

/// Every field of a sheet must read back from the PDF exactly (pdftotext), in French.
final class SheetContentTests: XCTestCase {
    /// pdftotext keeps the narrow no-break spaces; compare on ordinary spaces.
    private func flat(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    func testPrintedGuardianSheetReadsBackEveryField() throws {
        let dir = try Fixture.tempDir()
        _ = try Fixture.run(into: dir)
        let text = flat(try Fixture.pdfText(dir.appendingPathComponent("0611234A/responsables-CM1-A.pdf")))
        let page1 = text.components(separatedBy: "\u{0C}")[0]
        for field in ["Jean-Pierre MARTIN", "jean-pierre.martin", "B7NC-5YLE", "30/11/2025", "Léa MARTIN, classe CM1 A",
                      "Noé MARTIN, classe CP", "https://oneconnect.edifice.io", "One Pocket", "touchez le panda",
                      "UAI 0611234A", "classe CM1 A", "Fiche de connexion à l’ENT One"] {
            XCTAssertTrue(page1.contains(field), "missing \(field) in\n\(page1)")
        }
        XCTAssertTrue(text.contains("Jaurès"))
        XCTAssertFalse(page1.contains("ÉduConnect"), "no collège child: no EduConnect notice")
        XCTAssertFalse(text.contains("R4T8-WZ3H"), "the e-mailed family is not in tonight's print file")
        // Each guardian sheet is followed by the charte (with the added clause) and the autorisation.
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        XCTAssertEqual(pages.count, 3)
        XCTAssertTrue(pages[1].contains("Charte d’utilisation de l’ENT One"))
        XCTAssertTrue(pages[1].replacingOccurrences(of: "\n", with: " ")
            .contains("ne pas diffuser de documents stockés sur l’ENT (dont les images, les sons, les vidéos) en dehors de celui-ci"))
        XCTAssertTrue(pages[2].contains("Autorisation d’enregistrement de l’image"))
        XCTAssertTrue(pages[2].contains("Signature :"))
    }

    /// Guardians of the same children are one family: one charte and one autorisation follow the
    /// family's first sheet, in the class file and in the school file.
    func testDocumentsToSignOncePerFamily() throws {
        let dir = try Fixture.tempDir()
        _ = try Fixture.run(.init(all: true), into: dir)
        for file in ["responsables-CM1-A.pdf", "responsables-ecole.pdf"] {
            let pages = flat(try Fixture.pdfText(dir.appendingPathComponent("0611234A/" + file))).components(separatedBy: "\u{0C}")
                .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            let kinds = pages.map { p -> String in
                p.contains("Charte d’utilisation") ? "charte" : p.contains("Autorisation d’enregistrement") ? "autorisation"
                    : p.contains("jean-pierre.martin") ? "jean-pierre" : p.contains("sophie.martin") ? "sophie"
                    : p.contains("paul.durand") ? "paul" : "?"
            }
            if file == "responsables-CM1-A.pdf" {
                XCTAssertEqual(kinds, ["jean-pierre", "charte", "autorisation", "sophie"], file)
            } else {
                XCTAssertEqual(kinds, ["paul", "charte", "autorisation", "jean-pierre", "charte", "autorisation", "sophie"], file)
            }
        }
    }

    func testCollegeGuardianSheetCarriesEduConnectNotice() throws {
        let dir = try Fixture.tempDir()
        _ = try Fixture.run(.init(all: true), into: dir)
        let text = flat(try Fixture.pdfText(dir.appendingPathComponent("0611234A/responsables-ecole.pdf")))
        let sheets = text.components(separatedBy: "\u{0C}").filter { $0.contains("Fiche de connexion") }
        let sophie = try XCTUnwrap(sheets.first { $0.contains("sophie.martin") })
        XCTAssertTrue(sophie.contains("R4T8-WZ3H"))
        XCTAssertTrue(sophie.contains("ÉduConnect"))
        XCTAssertTrue(sophie.contains("Neo Pocket"))
        XCTAssertTrue(sophie.contains("One Pocket"), "still a One sheet, never a federated account")
        for other in sheets where !other.contains("sophie.martin") {
            XCTAssertFalse(other.contains("ÉduConnect"))
        }
    }

    func testPupilSheetOnlyForSheetAccounts() throws {
        let dir = try Fixture.tempDir()
        _ = try Fixture.run(into: dir)
        let text = flat(try Fixture.pdfText(dir.appendingPathComponent("0611234A/eleves-ecole.pdf")))
        XCTAssertTrue(text.contains("lea.martin"))
        XCTAssertTrue(text.contains("KX7P-2M9Q"))
        XCTAssertTrue(text.contains("Léa MARTIN, classe CM1 A"))
        XCTAssertFalse(text.contains("noe.martin"), "CP pupils get no sheet")
        XCTAssertEqual(text.components(separatedBy: "\u{0C}").filter { $0.contains("Identifiant") }.count, 1)
    }

    func testSheetsCSVHasOneRowPerSheet() throws {
        let dir = try Fixture.tempDir()
        _ = try Fixture.run(into: dir)
        let data = try Data(contentsOf: dir.appendingPathComponent("0611234A/sheets.csv"))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines[0], SheetsCSV.header.joined(separator: ";"))
        XCTAssertEqual(lines.count, 4)
        let sophie = try XCTUnwrap(lines.first { $0.contains("sophie.martin") }).components(separatedBy: ";")
        XCTAssertEqual(sophie, ["0611234A", "École élémentaire Jean-Jaurès", "CM1 A", "responsable", "MARTIN", "Sophie",
                                "Léa MARTIN (CM1 A), Noé MARTIN (CP)", "sophie.martin", "R4T8-WZ3H", "30/11/2025",
                                "https://oneconnect.edifice.io", "sophie.martin@example.org", "oui",
                                "courriels/MARTIN-Sophie-sophie-martin.eml"])
    }

    func testRulesClauseIsOptional() throws {
        let dir = try Fixture.tempDir()
        _ = try Fixture.run(into: dir)
        let clause = flat(try Fixture.pdfText(dir.appendingPathComponent("0611234A/clause-reglement-interieur.pdf")))
            .replacingOccurrences(of: "\n", with: " ")
        XCTAssertTrue(clause.contains("« L’école étant dotée de l’ENT One, la confirmation de lecture dans le cahier de liaison sera équivalente à une signature et elle aura donc la même valeur. »"), clause)
        var config = Fixture.config
        config.sheets.includeRulesClause = false
        let dir2 = try Fixture.tempDir()
        _ = try Fixture.run(config: config, into: dir2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir2.appendingPathComponent("0611234A/clause-reglement-interieur.pdf").path))
    }

    /// Renders the first page to PNG for a human look (kept under /tmp) and checks it is not blank.
    func testPageRendersToPNG() throws {
        let dir = try Fixture.tempDir()
        _ = try Fixture.run(.init(all: true), into: dir)
        let prefix = dir.appendingPathComponent("page").path
        _ = try Fixture.tool("/usr/bin/pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1",
                                                   dir.appendingPathComponent("0611234A/responsables-ecole.pdf").path, prefix])
        let png = try Data(contentsOf: URL(fileURLWithPath: prefix + "-1.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertGreaterThan(png.count, 5_000)
    }
}
