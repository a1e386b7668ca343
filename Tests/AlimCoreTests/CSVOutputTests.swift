import AlimTestSupport
import XCTest
@testable import AlimCore

/// The CSV contract other tools read: UTF-8 with BOM, `;`, RFC 4180 quotes, CRLF, and formulas
/// neutralised so a spreadsheet shows a hostile cell instead of evaluating it.
final class CSVOutputTests: XCTestCase {
    private func text(_ csv: CSVOutput) -> String {
        let data = csv.encoded()
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "starts with a UTF-8 BOM")
        return String(decoding: data.dropFirst(3), as: UTF8.self)
    }

    func testHeaderThenRowsSeparatedBySemicolonsWithCRLF() {
        var csv = CSVOutput(header: ["nom", "prénom"])
        csv.append(["Martin", "Élise"])
        csv.append(["", "Léo"])
        XCTAssertEqual(text(csv), "nom;prénom\r\nMartin;Élise\r\n;Léo\r\n")
        XCTAssertEqual(csv.rowCount, 2)
        XCTAssertEqual(text(CSVOutput(header: ["a"])), "a\r\n", "a file with no rows still has its header")
    }

    func testSeparatorsQuotesAndLineBreaksInsideValuesAreQuoted() {
        XCTAssertEqual(CSVOutput.quoted("a;b"), "\"a;b\"")
        XCTAssertEqual(CSVOutput.quoted("dit \"Jo\""), "\"dit \"\"Jo\"\"\"")
        XCTAssertEqual(CSVOutput.quoted("ligne 1\nligne 2"), "\"ligne 1\nligne 2\"")
        XCTAssertEqual(CSVOutput.quoted("a\r\nb"), "\"a\r\nb\"")
        XCTAssertEqual(CSVOutput.quoted("a,b"), "a,b", "a comma is no separator here")
        XCTAssertEqual(CSVOutput.quoted("plain"), "plain")
        var csv = CSVOutput(header: ["x", "y"])
        csv.append(["1;2", "\"q\""])
        XCTAssertEqual(text(csv), "x;y\r\n\"1;2\";\"\"\"q\"\"\"\r\n")
    }

    func testCellsAFormulaCouldStartAreNeutralised() {
        for prefix in ["=", "+", "-", "@", "\t", "\r"] {
            XCTAssertEqual(CSVOutput.neutralised(prefix + "1+1"), "'" + prefix + "1+1", "prefix \(prefix.debugDescription)")
        }
        for safe in ["", "a=b", "1-2", "Élise", "'déjà", " =espace"] {
            XCTAssertEqual(CSVOutput.neutralised(safe), safe)
        }
        var csv = CSVOutput(header: ["=en-tête", "b"])
        csv.append(["=HYPERLINK(\"http://x\";\"clic\")", "-3"])
        csv.append(["\rretour", "@SOMME(A1)"])
        XCTAssertEqual(text(csv), "=en-tête;b\r\n" // the header is Alim's own text: never neutralised
                       + "\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\";'-3\r\n"
                       + "\"'\rretour\";'@SOMME(A1)\r\n")
    }

    /// Any cells, read back by an independent RFC 4180 reader, give the neutralised cells.
    func testGeneratedCellsRoundTripThroughAContractReader() {
        var rng = SeededRandom(seed: 4180)
        let alphabet = Array("ab;\"\n\r\t=+-@ é,'")
        var csv = CSVOutput(header: ["c1", "c2", "c3"])
        var expected: [[String]] = []
        for _ in 0..<300 {
            let row = (0..<3).map { _ in
                String((0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            }
            csv.append(row)
            expected.append(row.map(CSVOutput.neutralised))
        }
        let parsed = ContractCSV.parse(csv.encoded())
        XCTAssertEqual(parsed.header, ["c1", "c2", "c3"])
        // The reader drops bare CRs outside quotes; Alim quotes every cell that holds one.
        XCTAssertEqual(parsed.rows, expected)
    }
}
