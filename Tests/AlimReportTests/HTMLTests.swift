import AlimCore
import Foundation
import XCTest
@testable import AlimReport

final class HTMLTests: XCTestCase {
    /// The text of one `<section id=…>` of the page.
    func section(_ s: ReportSection, in html: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: "<section id=\"\(s.rawValue)\">"), "section \(s.rawValue) missing")
        let end = try XCTUnwrap(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    func testEverySectionHeadingIsPresentInOrder() throws {
        let html = Report.html(ReportFixture.full)
        var cursor = html.startIndex
        for s in ReportSection.allCases {
            let r = try XCTUnwrap(html.range(of: "<h2>\(HTMLEscape.escape(s.heading))</h2>", range: cursor..<html.endIndex), s.heading)
            cursor = r.upperBound
        }
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
    }

    func testStatusIsInWordsWithItsCode() throws {
        let status = try section(.status, in: Report.html(ReportFixture.full))
        XCTAssertTrue(status.contains("Code de sortie 66"))
        XCTAssertTrue(status.contains(HTMLEscape.escape(ExitStatus.massRemoval.french)))
        XCTAssertTrue(status.contains("14/03/2025"))
        XCTAssertTrue(status.contains("<span class=\"card-value\">7</span><span class=\"card-label\">Personnes identifiées</span>"))
    }

    func testSchoolTableHasARowPerSchoolWithItsFigures() throws {
        let schools = try section(.schools, in: Report.html(ReportFixture.full))
        XCTAssertTrue(schools.contains("<tr id=\"ecole-0611234A\"><th scope=\"row\"><span class=\"school-name\">École des Pins</span>"))
        XCTAssertTrue(schools.contains("<tr id=\"ecole-0615678B\"><th scope=\"row\"><span class=\"school-name\">École Jules-Ferry &amp; annexe</span>"))
        XCTAssertTrue(schools.contains("<tr id=\"ecole-0619999C\"><th scope=\"row\"><span class=\"uai\">0619999C</span>"))
        // School A: 2 pupils, 1 guardian, 3 new, 0 changed, 0 left, 0 returned, 3 printed, 1 e-mailed, 0 without,
        // One accounts in the ENT: 1 waiting, 0 activated, 0 others; 2 rejects, 0 pairs.
        let rowA = try XCTUnwrap(schools.components(separatedBy: "\n").first { $0.contains("ecole-0611234A") })
        let numbers = rowA.components(separatedBy: "<td class=\"num").dropFirst().map { cell in
            cell.split(separator: ">")[1].split(separator: "<")[0]
        }
        XCTAssertEqual(numbers, ["2", "1", "3", "0", "0", "0", "3", "1", "0", "1", "0", "0", "2", "0"])
        XCTAssertTrue(schools.contains("<td class=\"alert\" title=\"8 départs retenus sur 20 comptes\">retenu</td>"))
        XCTAssertTrue(schools.contains("<td class=\"alert\">absent</td>"))
        XCTAssertTrue(schools.contains("Total de l'import"))
    }

    func testRejectsShowFileRecordAndReasonGroupedBySchool() throws {
        let rejects = try section(.rejects, in: Report.html(ReportFixture.full))
        XCTAssertTrue(rejects.contains("<h3>École des Pins (0611234A) — 2</h3>"))
        XCTAssertTrue(rejects.contains("<h3>École inconnue — 1</h3>"))
        XCTAssertTrue(rejects.contains("<td class=\"file\">0611234A/CSVExtraction.csv</td><td>7</td><td>Date naissance</td>"))
        XCTAssertTrue(rejects.contains("Date de naissance illisible « 31/02/2015 » : corrigez-la dans ONDE."))
        XCTAssertTrue(rejects.contains("Fichier XML mal formé : balise non fermée."))
        XCTAssertTrue(rejects.contains("ligne 3, colonne 14"))
        let warnings = try section(.warnings, in: Report.html(ReportFixture.full))
        XCTAssertTrue(warnings.contains("<details>"))
        XCTAssertTrue(warnings.contains("Enfant introuvable dans l&#39;export des élèves."))
    }

    func testReviewPairsShowEvidenceAndTheCommandsToDecide() throws {
        let review = try section(.review, in: Report.html(ReportFixture.full))
        XCTAssertTrue(review.contains("<h3>Paire rv-3f2a <span class=\"score\">score 8,4</span></h3>"))
        XCTAssertTrue(review.contains("<code>alim review decide rv-3f2a merge</code>"))
        XCTAssertTrue(review.contains("<code>alim review decide rv-3f2a distinct</code>"))
        XCTAssertTrue(review.contains("<li>Même prénom « Paul » et même enfant.</li>"))
        XCTAssertTrue(review.contains("<th scope=\"row\">Naissance</th><td>29/02/1980</td><td>—</td>"), "birth dates are shown the French way")
        XCTAssertTrue(review.contains("<th scope=\"row\">Classe</th><td>—</td><td>—</td>"), "an empty value shows a dash")
        XCTAssertTrue(review.contains("<th scope=\"row\">Enfants</th><td>Anh NGUYEN</td><td>Anh NGUYEN</td>"))
        XCTAssertTrue(review.contains("École Jules-Ferry &amp; annexe (0615678B)"))
    }

    func testFamilyLinksShowCountsPerSchoolAndEveryAmbiguousCandidate() throws {
        let html = try section(.familyLinks, in: Report.html(ReportFixture.full))
        XCTAssertTrue(html.contains("<h2>Liens familiaux</h2>"))
        XCTAssertTrue(html.contains("<td class=\"num\">3</td><td class=\"num alert\">1</td><td class=\"num alert\">1</td><td class=\"num\">0</td>"), html)
        XCTAssertTrue(html.contains("SIMON Eva"))
        XCTAssertTrue(html.contains("« Anh NGUYEN (CE1) »"))
        XCTAssertTrue(html.contains("Anh NGUYEN (CE1)"), "the known candidate is named")
        XCTAssertTrue(html.contains(ReportFixture.pupilsB + "#9"), "an unknown candidate is still listed by its place")
        XCTAssertTrue(html.contains("link-review.csv"))
        let summary = Report.summary(ReportFixture.full)
        XCTAssertEqual(summary.familyLinks.map(\.ambiguous), [1])
    }

    func testGuardSectionListsHoldsAndMissingExports() throws {
        let guardSection = try section(.guard_, in: Report.html(ReportFixture.full))
        XCTAssertTrue(guardSection.contains("<td class=\"num\">20</td><td class=\"num\">8</td><td class=\"num\">40\u{00A0}%</td>"))
        XCTAssertTrue(guardSection.contains("<li>0619999C</li>"))
    }

    func testDataIsEscapedEverywhere() {
        let html = Report.html(ReportFixture.full)
        XCTAssertFalse(html.contains(ReportFixture.xssName))
        XCTAssertFalse(html.lowercased().contains("<script"), "the page carries no script at all")
        XCTAssertFalse(html.contains("<b>DUPONT</b>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&lt;b&gt;DUPONT&lt;/b&gt; Zoé"))
        XCTAssertTrue(html.contains("=HYPERLINK(&quot;http://evil.example&quot;;&quot;clic&quot;)"))
    }

    func testEscapeHandlesEveryMarkupCharacterAndControlCharacters() {
        XCTAssertEqual(HTMLEscape.escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        XCTAssertEqual(HTMLEscape.escape("x\u{01}y"), "x\u{FFFD}y")
        XCTAssertEqual(HTMLEscape.escape("Zoé « ok »"), "Zoé « ok »")
    }

    func testNoActivationCodeEverAppears() {
        let input = ReportFixture.full
        XCTAssertNotNil(input.accounts?.accounts.first { $0.credential?.code == ReportFixture.secretCode })
        for output in [Report.html(input), Report.text(input, runDirectory: "/srv/alim/runs/x")] {
            XCTAssertFalse(output.contains(ReportFixture.secretCode))
            XCTAssertFalse(output.contains("OTHER-CODE-77"))
        }
    }

    func testPageIsSelfContained() {
        let html = Report.html(ReportFixture.full)
        for forbidden in ["<link", "src=", "href=\"http", "href='http", "@import", "url(", "<iframe", "<object", "<img"] {
            XCTAssertFalse(html.contains(forbidden), forbidden)
        }
        XCTAssertTrue(html.contains("<style>"))
    }

    func testMissingArtifactsSayTheStageDidNotRun() throws {
        let html = Report.html(ReportFixture.partial(ingest: nil))
        for s in ReportSection.allCases where s != .status {
            XCTAssertTrue(try section(s, in: html).contains("étape non exécutée"), s.heading)
        }
        XCTAssertTrue(try section(.status, in: html).contains("Étapes non exécutées"))
        XCTAssertTrue(html.contains("Code de sortie 1"))

        let onlyIngest = Report.html(ReportFixture.partial(ingest: ReportFixture.ingest))
        XCTAssertFalse(try section(.rejects, in: onlyIngest).contains("étape non exécutée"))
        XCTAssertTrue(try section(.review, in: onlyIngest).contains("Identification des personnes : étape non exécutée."))
        XCTAssertTrue(try section(.schools, in: onlyIngest).contains("<td class=\"num missing\" title=\"étape non exécutée\">—</td>"))
    }

    func testSameInputGivesTheSamePageWhateverTheArtifactOrder() {
        let input = ReportFixture.full
        var shuffled = input
        shuffled.ingest?.rejects.reverse()
        shuffled.ingest?.files.reverse()
        shuffled.identity?.persons.reverse()
        shuffled.identity?.records.reverse()
        shuffled.accounts?.accounts.reverse()
        shuffled.accounts?.holds.reverse()
        shuffled.sheets?.bundles.reverse()
        XCTAssertEqual(Report.html(input), Report.html(input))
        XCTAssertEqual(Report.html(input), Report.html(shuffled))
        XCTAssertEqual(Report.text(input), Report.text(shuffled))
    }

    func testOnlyTheDurationChartDependsOnMeasuredTime() throws {
        var slower = ReportFixture.full
        slower.stages = slower.stages.map { var s = $0; s.durationMs *= 3; return s }
        func withoutDurations(_ html: String) throws -> String {
            let start = try XCTUnwrap(html.range(of: "<figure class=\"chart\" id=\"graph-durees\">"))
            let end = try XCTUnwrap(html.range(of: "</figure>", range: start.upperBound..<html.endIndex))
            return String(html[..<start.lowerBound]) + String(html[end.upperBound...])
        }
        let a = Report.html(ReportFixture.full), b = Report.html(slower)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(try withoutDurations(a), try withoutDurations(b))
    }

    func testTheBrowserCheckLooksForEveryHeading() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/check-report-chromium.sh")
        let text = try String(contentsOf: script, encoding: .utf8)
        for s in ReportSection.allCases { XCTAssertTrue(text.contains("\"\(s.heading)\""), s.heading) }
    }

    /// Writes the fixture's page where `ALIM_REPORT_HTML_OUT` says, for the Chromium check of `make test`
    /// (and the page of a run where no stage ran, beside it, `-vide.html`).
    func testWriteSamplePageForTheBrowserCheck() throws {
        guard let path = ProcessInfo.processInfo.environment["ALIM_REPORT_HTML_OUT"] else {
            throw XCTSkip("ALIM_REPORT_HTML_OUT not set")
        }
        try Report.html(ReportFixture.full).write(toFile: path, atomically: false, encoding: .utf8)
        let empty = path.hasSuffix(".html") ? String(path.dropLast(5)) + "-vide.html" : path + "-vide.html"
        try Report.html(ReportFixture.partial(ingest: nil)).write(toFile: empty, atomically: false, encoding: .utf8)
    }
}
