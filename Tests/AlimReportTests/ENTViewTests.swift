import AlimCore
import Foundation
import XCTest
@testable import AlimReport

/// The operator's view of the round trip with One: per school, how many One accounts wait for the
/// ENT, get a sheet tonight, are already activated, or are held up for another reason.
final class ENTViewTests: XCTestCase {
    private let a = ReportFixture.schoolA, b = ReportFixture.schoolB, c = ReportFixture.schoolMissing

    private func section(_ s: ReportSection, in html: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: "<section id=\"\(s.rawValue)\">"), "section \(s.rawValue) missing")
        let end = try XCTUnwrap(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The numbers of the `<td class="num…">` cells of the table row whose line contains `marker`.
    private func numbers(in html: String, row marker: String) throws -> [String] {
        let row = try XCTUnwrap(html.components(separatedBy: "\n").first { $0.contains(marker) }, marker)
        return row.components(separatedBy: "<td class=\"num").dropFirst().map { String($0.split(separator: ">")[1].split(separator: "<")[0]) }
    }

    func testEachAccountGetsItsStateFromItsFields() {
        let states = Dictionary(uniqueKeysWithValues: ReportFixture.entAccounts.accounts.map {
            ($0.id, ENTAccounts.state(of: $0, credentials: .ent))
        })
        XCTAssertEqual(states, [
            "E01": .printable, "E02": .handed, "E03": .noSheet, "E04": .activated, "E05": .waiting, "E06": .waiting,
            "E07": .contradictory, "E08": .codeUnknown, "E09": .handed, "E10": .notApplicable, "E11": .notApplicable,
            "E12": .notApplicable, "E13": .waiting,
        ])
        for account in ReportFixture.entAccounts.accounts {
            XCTAssertEqual(ENTAccounts.state(of: account, credentials: .alim), .notApplicable, "Alim's codes: no ENT view")
        }
    }

    func testCountsPerSchoolAndForTheWholeRun() {
        let input = ReportFixture.entRun
        XCTAssertEqual(ENTAccounts.perSchool(input), [
            ENTAccountCounts(uai: a, printable: 1, handed: 1, activated: 1, noSheet: 1),
            ENTAccountCounts(uai: b, waiting: 2, handed: 1, activated: 1, contradictory: 1, codeUnknown: 1),
            ENTAccountCounts(uai: c, waiting: 1),
        ])
        XCTAssertEqual(ENTAccounts.total(input), [.waiting: 3, .printable: 1, .handed: 2, .activated: 1,
                                                  .contradictory: 1, .codeUnknown: 1, .noSheet: 1],
                       "the guardian of two schools counts once in the total")
        let facts = SchoolFactsBuilder.build(input, index: RecordIndex(ingest: input.ingest, identity: input.identity))
        XCTAssertEqual(facts.map(\.ent?.total), [4, 6, 1])

        var alim = input
        alim.config.accounts.credentials = .alim
        XCTAssertNil(ENTAccounts.perSchool(alim))
        XCTAssertNil(ENTAccounts.perSchool(ReportFixture.partial(ingest: ReportFixture.ingest)), "accounts stage not run")
    }

    func testSchoolsTableHasTheENTColumnGroup() throws {
        let schools = try section(.schools, in: Report.html(ReportFixture.entRun))
        XCTAssertTrue(schools.contains("<th colspan=\"3\" scope=\"colgroup\"><a href=\"#comptes-ent\">Comptes One dans l'ENT</a></th>"))
        for head in ["en attente", "activés", "autres"] { XCTAssertTrue(schools.contains(">\(head)</th>"), head) }
        // pupils, guardians, 4 account changes, 3 sheets, then waiting / activated / others, rejects, pairs.
        XCTAssertEqual(Array(try numbers(in: schools, row: "ecole-0611234A")[9..<12]), ["0", "1", "1"])
        XCTAssertEqual(Array(try numbers(in: schools, row: "ecole-0615678B")[9..<12]), ["2", "1", "3"])
        XCTAssertEqual(Array(try numbers(in: schools, row: "ecole-0619999C")[9..<12]), ["1", "0", "0"])
        XCTAssertTrue(schools.contains("<td class=\"num alert\">3</td>"), "contradictory exports make « autres » an alert")
        XCTAssertEqual(Array(try numbers(in: schools, row: "Total de l'import")[9..<12]), ["3", "1", "4"])

        var noOne = ReportFixture.entRun
        noOne.accounts?.accounts.removeAll { $0.id == "E13" }
        let rowC = try XCTUnwrap(try section(.schools, in: Report.html(noOne)).components(separatedBy: "\n")
            .first { $0.contains("ecole-0619999C") })
        XCTAssertEqual(rowC.components(separatedBy: "title=\"aucun compte One dans cette école\">—</td>").count - 1, 3,
                       "a school without One accounts shows dashes, not zeros")

        var alim = ReportFixture.entRun
        alim.config.accounts.credentials = .alim
        let plain = try section(.schools, in: Report.html(alim))
        XCTAssertFalse(plain.contains("Comptes One dans"), "with Alim's codes the table keeps its columns")
        XCTAssertEqual(try numbers(in: plain, row: "ecole-0611234A").count, 11)
    }

    func testSectionCountsEveryStatePerSchoolAndSaysWhatToDo() throws {
        let html = Report.html(ReportFixture.entRun)
        let ent = try section(.ent, in: html)
        XCTAssertTrue(ent.contains("<h2>Comptes dans l&#39;ENT</h2>"))
        // waiting, tonight, handed, activated, contradictory, code unknown, no sheet, total.
        XCTAssertEqual(try numbers(in: ent, row: "École des Pins (0611234A)"), ["0", "1", "1", "1", "0", "0", "1", "4"])
        XCTAssertEqual(try numbers(in: ent, row: "École Jules-Ferry &amp; annexe (0615678B)"), ["2", "0", "1", "1", "1", "1", "0", "6"])
        XCTAssertEqual(try numbers(in: ent, row: "<th scope=\"row\">0619999C"), ["1", "0", "0", "0", "0", "0", "0", "1"])
        XCTAssertEqual(try numbers(in: ent, row: "Total de l'import"), ["3", "1", "2", "1", "1", "1", "1", "10"])
        XCTAssertTrue(ent.contains("3 comptes attendent que l'ENT les crée"))
        XCTAssertTrue(ent.contains("<code>ent/</code>"))
        XCTAssertTrue(ent.contains("Écoles dont l'ENT n'a encore créé aucun compte"))
        XCTAssertTrue(ent.contains("<li>0619999C</li>"), "the school the ENT has created nothing for is named")
        XCTAssertFalse(ent.contains("<li>École des Pins"), "a school with ENT accounts is not")
        XCTAssertTrue(ent.contains("<code>warnings.csv</code>"))
        for code in ReportFixture.entCodes { XCTAssertFalse(html.contains(code)) }
    }

    func testSectionWithAlimsCodesOrWithoutTheAccountsStage() throws {
        var alim = ReportFixture.entRun
        alim.config.accounts.credentials = .alim
        XCTAssertTrue(try section(.ent, in: Report.html(alim)).contains("accounts.credentials = \"alim\""))
        XCTAssertTrue(try section(.ent, in: Report.html(ReportFixture.partial(ingest: ReportFixture.ingest)))
            .contains("Comptes : étape non exécutée."))
    }

    func testSummaryJSONHasTheCountsPerSchool() throws {
        let summary = Report.summary(ReportFixture.entRun)
        XCTAssertEqual(summary.entAccounts.map(\.uai), [a, b, c])
        XCTAssertEqual(summary.entAccounts[1], ENTAccountCounts(uai: b, waiting: 2, handed: 1, activated: 1, contradictory: 1, codeUnknown: 1))
        let text = String(decoding: try ArtifactCoding.encode(summary, readable: true), as: UTF8.self)
        XCTAssertTrue(text.contains("\"ent_accounts\" : ["), text)
        for key in ["\"waiting\" : 2", "\"printable\" : 1", "\"handed\" : 1", "\"activated\" : 1", "\"contradictory\" : 1",
                    "\"code_unknown\" : 1", "\"no_sheet\" : 1", "\"uai\" : \"0611234A\""] {
            XCTAssertTrue(text.contains(key), key)
        }
        for code in ReportFixture.entCodes { XCTAssertFalse(text.contains(code)) }
        let back = try ArtifactCoding.decode(RunSummary.self, from: try ArtifactCoding.encode(summary))
        XCTAssertEqual(back, summary)

        var alim = ReportFixture.entRun
        alim.config.accounts.credentials = .alim
        XCTAssertEqual(Report.summary(alim).entAccounts, [])
    }

    func testTerminalSummaryHasOneENTLine() {
        let text = Report.text(ReportFixture.entRun, runDirectory: "/r")
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("Comptes One dans l'ENT : ") }
        XCTAssertEqual(lines, ["Comptes One dans l'ENT : 3 en attente de création · 1 fiche ce soir · 2 fiches déjà remises · "
                               + "1 déjà activé · 1 contradictoire (voir warnings.csv) · 1 sans code connu · 1 sans fiche prévue"
                               + " — l'ENT n'a encore rien créé pour 0619999C"])
        for code in ReportFixture.entCodes { XCTAssertFalse(text.contains(code)) }
        var alim = ReportFixture.entRun
        alim.config.accounts.credentials = .alim
        XCTAssertFalse(Report.text(alim).contains("dans l'ENT"))
    }
}
