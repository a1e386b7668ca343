import AlimCore
import Foundation
import XCTest
@testable import AlimReport

final class TextTests: XCTestCase {
    func testShortSummaryWithStatusTotalsSchoolsAndPaths() {
        let text = Report.text(ReportFixture.full, runDirectory: "/srv/alim/runs/2025-03-14T0200-a1/")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertLessThanOrEqual(lines.count, 25)
        XCTAssertEqual(lines.first, "Alim — import du 14/03/2025 (exécution 2025-03-14T0200-a1)")
        XCTAssertTrue(text.contains("État : code 66 — \(ExitStatus.massRemoval.french)"))
        XCTAssertTrue(text.contains("Totaux : 7 personnes · 7 comptes"))
        XCTAssertTrue(text.contains("5 fiches"))
        XCTAssertTrue(text.contains("À vérifier : 3 rejets · 1 avertissement · 1 doublon à décider"))
        XCTAssertTrue(text.contains("\n  0611234A École des Pins : 2 élèves, 1 responsable ; comptes : 3 nouveaux ; "
                                    + "fiches : 3 imprimées, 1 par courriel ; 2 rejets\n"))
        XCTAssertTrue(text.contains("\n  0615678B École Jules-Ferry & annexe : 1 élève, 2 responsables ; "
                                    + "comptes : 1 nouveau, 1 modifié, 1 parti, 1 revenu ; fiches : 1 imprimée, 2 sans fiche ; "
                                    + "1 doublon [RETENUE PAR LE GARDE-FOU]\n"))
        XCTAssertTrue(text.contains("\n  0619999C : 0 élève, 0 responsable ; comptes : 1 retenu ; fiches : aucune [EXPORT ABSENT]\n"))
        XCTAssertTrue(text.contains("collège responsables légaux 1"))
        XCTAssertTrue(text.contains("alim review decide <id> merge"))
        XCTAssertTrue(text.contains("ex. rv-3f2a"))
        XCTAssertTrue(text.hasSuffix("Rapport : /srv/alim/runs/2025-03-14T0200-a1/report.html\nSorties : /srv/alim/runs/2025-03-14T0200-a1/\n"))
    }

    func testTopRejectReasonsAreCountedMostFrequentFirst() {
        var input = ReportFixture.full
        let repeated = Finding(file: "0611234A/CSVExtraction.csv", ref: "20", reason: "Nom vide : la personne ne peut pas être identifiée.")
        input.ingest?.rejects.append(contentsOf: [repeated, repeated])
        let text = Report.text(input)
        XCTAssertTrue(text.contains("Motifs de rejet les plus fréquents :\n  3 × Nom vide"))
        XCTAssertFalse(text.contains("Rapport :"), "no path unless the caller gives the run directory")
    }

    func testDataCannotSendEscapeSequencesToTheTerminal() {
        var input = ReportFixture.full
        input.ingest?.context.schoolNames[ReportFixture.schoolA.value] = "Pins\u{1B}[2J"
        input.ingest?.rejects.append(Finding(file: "x.csv", ref: "2", reason: "motif\u{1B}]0;titre\u{07}"))
        input.identity = nil
        let text = Report.text(input)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        XCTAssertTrue(text.contains("0611234A Pins\u{FFFD}[2J"))
    }

    func testManySchoolsStillFitOnAScreen() {
        var input = ReportFixture.full
        let bundles = (10...40).map { n in
            SheetsArtifact.SchoolBundle(uai: UAI("06100\(n)X")!, folder: "sheets/x", printed: n, emailed: 0, guardiansWithoutSheet: 1)
        }
        input.sheets?.bundles += bundles
        let text = Report.text(input, runDirectory: "/r")
        XCTAssertLessThanOrEqual(text.split(separator: "\n").count, 25)
        XCTAssertTrue(text.contains("… et 24 autres écoles : voir le rapport"))
    }

    func testSummaryOfARunThatStoppedEarly() {
        let text = Report.text(ReportFixture.partial(ingest: nil))
        XCTAssertTrue(text.contains("État : code 1 — Erreur interne"))
        XCTAssertTrue(text.contains("Étapes non exécutées : Lecture des exports, Identification des personnes, Comptes, Fiches de connexion"))
        XCTAssertFalse(text.contains("Totaux"))
    }
}

extension TextTests {
    /// Prints the fixture's terminal summary when `ALIM_REPORT_SHOW_TEXT` is set (to read it by eye).
    func testShowTextSummary() throws {
        guard ProcessInfo.processInfo.environment["ALIM_REPORT_SHOW_TEXT"] != nil else { throw XCTSkip("ALIM_REPORT_SHOW_TEXT not set") }
        print(Report.text(ReportFixture.full, runDirectory: "/srv/alim/runs/2025-03-14T0200-a1"))
        print(Report.text(ReportFixture.partial(ingest: nil)))
    }
}
