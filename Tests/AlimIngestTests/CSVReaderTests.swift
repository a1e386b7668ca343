import AlimCore
import XCTest
@testable import AlimIngest

/// The byte-level reader: layout quirks of the ONDE samples and the refusals.
final class CSVReaderTests: XCTestCase {
    func testQuotedUnquotedEscapesAndEmptyValues() throws {
        let text = "\"a\";b;\"c \"\"d\"\" e\";;\"\"\r\n\"x;y\";z"
        let (rows, _) = try parseCSV(Array(text.utf8))
        XCTAssertEqual(rows, [["a", "b", "c \"d\" e", "", ""], ["x;y", "z"]])
    }

    func testLineEndingsEmptyLinesAndFinalNewline() throws {
        let (crlfRows, _) = try parseCSV(Array("h1;h2\r\n1;2\r\n\r\n3;4\r\n".utf8))
        XCTAssertEqual(crlfRows, [["h1", "h2"], ["1", "2"], ["3", "4"]])
        let (lfRows, _) = try parseCSV(Array("h1;h2\n1;2\n\n\n3;4".utf8))
        XCTAssertEqual(lfRows, [["h1", "h2"], ["1", "2"], ["3", "4"]])
    }

    func testUnpaddedRowsAndTrailingSeparator() throws {
        let (rows, _) = try parseCSV(Array("a;b;c;d\n1;2\n1;2;3;\n".utf8))
        XCTAssertEqual(rows.map(\.count), [4, 2, 4])
        XCTAssertEqual(rows[2][3], "")
    }

    func testRecordNumbersCountHeaderAsOneAndSkipEmptyLines() throws {
        let doc = try CSVDocument(bytes: Array("h\n\na\nb".utf8))
        var numbers: [Int] = []
        var lines: [Int] = []
        try CSVParser(document: doc, limits: .init()).forEachRow { numbers.append($0.number); lines.append($0.line) }
        XCTAssertEqual(numbers, [1, 2, 3])
        XCTAssertEqual(lines, [1, 3, 4])
    }

    func testCp1252IsDetectedAndDecoded() throws {
        // é = 0xE9, € = 0x80 (cp1252), 0x81 undefined in cp1252 → U+0081 (ISO-8859-1), œ = 0x9C.
        let bytes: [UInt8] = Array("Nom;Pr".utf8) + [0xE9] + Array("nom\r\n".utf8) + [0x80, 0x3B, 0x81, 0x3B, 0x9C, 0x75, 0x66]
        let (rows, encoding) = try parseCSV(bytes)
        XCTAssertEqual(encoding, .latin)
        XCTAssertEqual(rows, [["Nom", "Prénom"], ["€", "\u{81}", "œuf"]])
    }

    func testValidUTF8IsReadAsUTF8() throws {
        let (rows, encoding) = try parseCSV(Array("Nom;Prénom\nÉléa;Maëlle".utf8))
        XCTAssertEqual(encoding, .utf8)
        XCTAssertEqual(rows[1], ["Éléa", "Maëlle"])
    }

    func testUTF8BOMIsSkipped() throws {
        let (rows, encoding) = try parseCSV([0xEF, 0xBB, 0xBF] + Array("\"Nom\";x\nÉ;y".utf8))
        XCTAssertEqual(encoding, .utf8)
        XCTAssertEqual(rows, [["Nom", "x"], ["É", "y"]])
    }

    func testUTF16WithBOMIsDecoded() throws {
        // Once refused; now transcoded (CSVEncodingTests covers the details).
        let (rows, encoding) = try parseCSV([0xFF, 0xFE, 0x4E, 0x00, 0x6F, 0x00])
        XCTAssertEqual(encoding, .utf8)
        XCTAssertEqual(rows, [["No"]])
    }

    func testBinaryIsRefusedWithPlace() {
        let r = refusal { _ = try parseCSV(Array("a;b\nab".utf8) + [0x00, 0x01]) }
        XCTAssertEqual(r?.findingRef, "ligne 2, colonne 3")
        XCTAssertTrue(r?.message.contains("octets nuls") ?? false)
    }

    func testEmptyFileIsRefused() {
        XCTAssertNotNil(refusal { _ = try parseCSV([]) })
        XCTAssertNotNil(refusal { _ = try parseCSV([0xEF, 0xBB, 0xBF]) })
    }

    func testUnbalancedQuoteMidFileIsRefusedWithLineAndColumn() {
        let text = "\"a\";\"b\"\r\n\"1\";\"2\"\r\n\"3;\"4\"\r\n\"5\";\"6\""
        let r = refusal { _ = try parseCSV(Array(text.utf8)) }
        XCTAssertEqual(r?.line, 3)
        XCTAssertEqual(r?.column, 1)
        XCTAssertEqual(r?.findingRef, "ligne 3, colonne 1")
    }

    func testQuoteNeverClosedIsRefusedAtItsOpening() {
        let r = refusal { _ = try parseCSV(Array("a;b\n1;\"2\n3;4\n5;6".utf8)) }
        XCTAssertEqual(r?.findingRef, "ligne 2, colonne 3")
        XCTAssertTrue(r?.message.contains("jamais refermé") ?? false)
    }

    func testLineLimit() {
        var limits = LimitsConfig()
        limits.maxLineBytes = 10
        XCTAssertNoThrow(try parseCSV(Array("a;b\n123456789".utf8), limits: limits))
        let r = refusal { _ = try parseCSV(Array("a;b\n12345678901;2".utf8), limits: limits) }
        XCTAssertEqual(r?.line, 2)
        XCTAssertTrue(r?.message.contains("max_line_bytes") ?? false)
    }

    func testFieldLimit() {
        var limits = LimitsConfig()
        limits.maxFieldsPerRow = 3
        XCTAssertNoThrow(try parseCSV(Array("a;b;c\n1;2;3".utf8), limits: limits))
        let r = refusal { _ = try parseCSV(Array("a;b;c\n1;2;3;4".utf8), limits: limits) }
        XCTAssertTrue(r?.message.contains("max_fields_per_row") ?? false)
        XCTAssertEqual(r?.line, 2)
    }

    func testRecordLimit() {
        var limits = LimitsConfig()
        limits.maxRecordsPerFile = 2
        XCTAssertNoThrow(try parseCSV(Array("h\n1\n2".utf8), limits: limits))
        let r = refusal { _ = try parseCSV(Array("h\n1\n2\n3".utf8), limits: limits) }
        XCTAssertTrue(r?.message.contains("max_records_per_file") ?? false)
    }

    func testUTF8ValidatorRejectsOverlongsAndTruncation() {
        func check(_ b: [UInt8]) -> Int? { b.withUnsafeBufferPointer { UTF8Check.firstInvalid($0) } }
        XCTAssertNil(check(Array("abcdefghijé€😀".utf8)))
        XCTAssertEqual(check([0x61, 0xC0, 0xAF]), 1)
        XCTAssertEqual(check([0x61, 0x62, 0xC3]), 2)
        XCTAssertEqual(check([0xED, 0xA0, 0x80]), 0)
        XCTAssertEqual(check(Array("ab".utf8) + [0xE9] + Array("t".utf8)), 2)
    }
}
