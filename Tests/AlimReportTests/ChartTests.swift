import AlimCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import AlimReport

final class ChartTests: XCTestCase {
    /// Every `<svg>…</svg>` of the page.
    func svgParts(_ html: String) -> [String] {
        var parts: [String] = []
        var cursor = html.startIndex
        while let start = html.range(of: "<svg ", range: cursor..<html.endIndex),
              let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) {
            parts.append(String(html[start.lowerBound..<end.upperBound]))
            cursor = end.upperBound
        }
        return parts
    }

    final class Collector: NSObject, XMLParserDelegate {
        var rects = 0, titles: [String] = [], inTitle = false, current = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "rect" { rects += 1 }
            if name == "title" { inTitle = true; current = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle { current += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" { inTitle = false; titles.append(current) }
        }
    }

    func parse(_ svg: String) throws -> Collector {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))\n\(svg)")
        return collector
    }

    func testThreeWellFormedChartsWithTextAlternatives() throws {
        let html = Report.html(ReportFixture.full)
        let svgs = svgParts(html)
        XCTAssertEqual(svgs.count, 3)
        for svg in svgs {
            XCTAssertTrue(svg.contains("role=\"img\""))
            XCTAssertTrue(svg.contains("<desc id="))
            _ = try parse(svg)
        }
        let levels = try parse(svgs[0])
        XCTAssertEqual(levels.titles.first, "Comptes d'élèves par niveau")
        XCTAssertEqual(Array(levels.titles.dropFirst()), ["CP : 1", "CE1 : 1", "CM1 : 1", "CM2 : 1"],
                       "pupil levels in school order, held accounts included")
        let coverage = try parse(svgs[1])
        XCTAssertTrue(coverage.titles.contains("0615678B École Jules-Ferry & annexe — responsables sans fiche : 2"))
        XCTAssertEqual(coverage.rects, 3 + 2 + 2, "legend squares plus one rect per non-empty segment")
        let durations = try parse(svgs[2])
        XCTAssertTrue(durations.titles.contains("Lecture des exports : 1,2\u{00A0}s"))
        XCTAssertTrue(html.contains("<th scope=\"row\">Fiches de connexion</th><td class=\"num\">2,1\u{00A0}s</td>"))
    }

    func testChartsStayWellFormedWithHostileSchoolNames() throws {
        var input = ReportFixture.full
        input.config.schools[ReportFixture.schoolB.value] = "<svg onload=alert(1)>&\"'"
        input.identity?.context.schoolNames = [:]
        input.ingest?.context.schoolNames = [:]
        for svg in svgParts(Report.html(input)) { _ = try parse(svg) }
        XCTAssertFalse(Report.html(input).contains("<svg onload"))
    }

    func testBarsAreScaledToTheLargestValue() {
        XCTAssertEqual(SVG.axis(0).maximum, 1)
        XCTAssertEqual(SVG.axis(1).maximum, 1)
        XCTAssertEqual(SVG.axis(1).step, 1)
        XCTAssertEqual(SVG.axis(7).maximum, 8)
        XCTAssertEqual(SVG.axis(7).step, 2)
        XCTAssertEqual(SVG.axis(130).maximum, 150)
        XCTAssertEqual(SVG.axis(130).step, 50)
        XCTAssertEqual(SVG.axis(100_000).maximum, 100_000)
        XCTAssertEqual(SVG.scale(50, of: 100, to: 180), 90)
        XCTAssertEqual(SVG.scale(1, of: 100_000, to: 180), 1, "a non-zero value stays visible")
        XCTAssertEqual(SVG.scale(0, of: 100, to: 180), 0)
    }
}
