import AlimCore
import Foundation
import XCTest
@testable import AlimReport

final class ScaleTests: XCTestCase {
    /// Many schools and rejects: lists are cut at `FindingsSection.limit` and point to the CSV file,
    /// and every school still gets its row and its coverage bar.
    func testLongListsAreCutAndEverySchoolKeepsItsRow() throws {
        var input = ReportFixture.full
        let uais = (100...139).map { UAI("0610\($0)Z")! }
        input.sheets?.bundles += uais.enumerated().map { i, uai in
            .init(uai: uai, folder: "sheets/\(uai.value)", printed: 10 + i, emailed: i % 7, guardiansWithoutSheet: i % 3)
        }
        input.ingest?.rejects += (0..<1500).map { n in
            Finding(file: "\(uais[n % uais.count].value)/CSVExtraction.csv", ref: String(n + 2), reason: "Classe vide.")
        }
        let html = Report.html(input)
        let rejectRows = html.components(separatedBy: "<td>Classe vide.</td>").count - 1
        XCTAssertEqual(rejectRows, FindingsSection.limit, "schools 06101xxZ sort before the fixture's, so they fill the cut")
        XCTAssertTrue(html.contains("… et 503 autres lignes : voir <code>rejects.csv</code>."))
        for uai in uais { XCTAssertTrue(html.contains("<tr id=\"ecole-\(uai.value)\">"), uai.value) }
        XCTAssertEqual(html.components(separatedBy: "— imprimées : ").count - 1, 42)
        if let path = ProcessInfo.processInfo.environment["ALIM_REPORT_BIG_OUT"] {
            try html.write(toFile: path, atomically: false, encoding: .utf8)
        }
    }
}
