import AlimCore
import XCTest
@testable import AlimIngest

/// UTF-16 exports (a spreadsheet's « texte Unicode ») and `,`- or tab-separated files: read like the
/// ONDE original, or refused with the place and a reason that names what was found.
final class CSVEncodingTests: XCTestCase {
    private let school = "0611234A-ecole-jules-ferry"
    private var path: String { "\(school)/CSVExtraction-eleves.csv" }

    /// The pupils of `ONDEIngestTests`, as fields: accents, a bad date, a pupil without name.
    private let pupils: [[String]] = [
        ["BELMAHDI", "", "Mathilde", "2016-08-17", "F", "3 rue Haute", "61000", "Alençon", "", "", "", "", "", "CYCLE II", "CE1", "CE1 A", "Oui", "Non", "Oui", ""],
        ["MARTINEZ", "DURAND", "Eléa", "2015-09-27", "F", "", "", "", "", "", "", "", "", "CYCLE III", "CM1", "CM1", "Non", "Oui", "Oui", ""],
        ["LEFÈVRE", "", "Maëlle", "2015-02-31", "F", "", "", "", "", "", "", "", "", "CYCLE III", "CE2", "CE2", "Non", "Oui", "Oui", ""],
        ["", "", "Sans Nom", "2015-01-01", "M", "", "", "", "", "", "", "", "", "CYCLE III", "CE2", "CE2", "", "", "", ""],
    ]

    private var header: [String] {
        OndeHeaders.pupilsQuoted.split(separator: ";").map { String($0.dropFirst().dropLast()) }
    }

    /// The export as text: every value quoted (empty ones bare, as ONDE writes) or none, CRLF.
    private func export(_ separator: String, quoted: Bool, rows: [[String]]? = nil) -> String {
        let lines = [header] + (rows ?? pupils)
        return crlf(lines.map { fields in
            fields.map { quoted && !$0.isEmpty ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: separator)
        })
    }

    private func ingest(_ bytes: [UInt8], at path: String? = nil) throws -> IngestArtifact {
        let inbox = try TestInbox()
        try inbox.write(path ?? self.path, bytes)
        return try inbox.run()
    }

    // MARK: UTF-16

    func testUTF16LEAndBEExportsImportTheSameRecordsAsTheCp1252Original() throws {
        let original = try ingest(cp1252(export(";", quoted: true)))
        XCTAssertEqual(original.records.count, 3)
        // As a spreadsheet saves « texte Unicode »: UTF-16 LE with BOM, tab-separated, CRLF.
        let spreadsheet = try ingest(utf16(export("\t", quoted: false), bigEndian: false))
        let littleEndian = try ingest(utf16(export(";", quoted: true), bigEndian: false))
        let bigEndian = try ingest(utf16(export(";", quoted: true), bigEndian: true))
        for artifact in [spreadsheet, littleEndian, bigEndian] {
            XCTAssertEqual(artifact.records, original.records)
            XCTAssertEqual(artifact.rejects, original.rejects)
            XCTAssertEqual(artifact.warnings, original.warnings)
            XCTAssertEqual(artifact.files, original.files)
            XCTAssertEqual(artifact.records.map(\.firstName), ["Mathilde", "Eléa", "Maëlle"])
            XCTAssertEqual(artifact.records.map(\.lastName), ["BELMAHDI", "MARTINEZ", "LEFÈVRE"])
            XCTAssertEqual(artifact.records.map(\.birthDate), ["2016-08-17", "2015-09-27", nil])
            XCTAssertEqual(artifact.records.first?.address?.city, "Alençon")
            XCTAssertEqual(artifact.rejects.map(\.ref), ["5"])
            XCTAssertEqual(artifact.warnings.map(\.ref), ["4"])
            XCTAssertEqual(artifact.files.first?.status, .imported)
            XCTAssertEqual(artifact.files.first?.records, 4)
        }
    }

    func testUTF16ExportsAreRoutedToTheCSVReader() {
        let head = export(";", quoted: true)
        XCTAssertEqual(FormatSniffer.family(ofHead: utf16(head, bigEndian: false)), .csv)
        XCTAssertEqual(FormatSniffer.family(ofHead: utf16(head, bigEndian: true)), .csv)
        XCTAssertEqual(FormatSniffer.family(ofHead: utf16("Nom Elève\tPrénom", bigEndian: false)), .csv)
    }

    func testUTF16SurrogatePairsAndBOMAreDecoded() throws {
        let text = "Nom;Ville\r\nÉloïse;Œuf 𝔸\r\n"
        for bigEndian in [false, true] {
            let (rows, encoding) = try parseCSV(utf16(text, bigEndian: bigEndian))
            XCTAssertEqual(encoding, .utf8)
            XCTAssertEqual(rows, [["Nom", "Ville"], ["Éloïse", "Œuf 𝔸"]], "no BOM left in the first header name")
        }
        XCTAssertTrue(refusal { _ = try parseCSV([0xFF, 0xFE]) }?.message.contains("vide") ?? false)
    }

    func testDamagedUTF16IsRefusedWithLineAndColumn() throws {
        // Odd byte count: the last character is cut in half (line 2, after « cd »).
        let odd = refusal { _ = try parseCSV(utf16("a;b\r\ncd", bigEndian: false) + [0x41]) }
        XCTAssertEqual(odd?.findingRef, "ligne 2, colonne 3")
        XCTAssertTrue(odd?.message.contains("UTF-16") ?? false)
        XCTAssertTrue(odd?.message.contains("tronqué") ?? false)
        // A high surrogate not followed by a low one (line 2, column 3, after « é𝔸 »).
        let high = refusal { _ = try parseCSV(utf16("a;b\né𝔸", bigEndian: false) + le([0xD83D]) + le(Array("x".utf16))) }
        XCTAssertEqual(high?.findingRef, "ligne 2, colonne 3")
        XCTAssertTrue(high?.message.contains("ligne 2, colonne 3") ?? false)
        // A lone low surrogate, big-endian, and a high surrogate at the very end.
        let low = refusal { _ = try parseCSV(utf16("a\nb", bigEndian: true) + [0xDC, 0x00]) }
        XCTAssertEqual(low?.findingRef, "ligne 2, colonne 2")
        let last = refusal { _ = try parseCSV(utf16("a", bigEndian: false) + le([0xD800])) }
        XCTAssertEqual(last?.findingRef, "ligne 1, colonne 2")
        // A NUL character is no text, whatever the encoding.
        let nul = refusal { _ = try parseCSV(utf16("a;b\nc", bigEndian: false) + [0, 0]) }
        XCTAssertEqual(nul?.findingRef, "ligne 2, colonne 2")

        // Through the stage: refused whole, named in rejects with the place, nothing imported.
        let text = export(";", quoted: true)
        var bytes = utf16(text, bigEndian: false)
        bytes.removeLast()
        let lastLine = try XCTUnwrap(text.components(separatedBy: "\r\n").last)
        let artifact = try ingest(bytes)
        XCTAssertTrue(artifact.records.isEmpty)
        XCTAssertEqual(artifact.files.map(\.status), [.refused])
        XCTAssertEqual(artifact.rejects.count, 1)
        XCTAssertEqual(artifact.rejects.first?.ref, "ligne 5, colonne \(lastLine.count)")
        XCTAssertTrue(artifact.rejects.first?.reason.contains("UTF-16") ?? false)
    }

    func testRefusalPlacesAfterTranscodingAreThoseOfTheFile() {
        // The quote opened line 3, column 6 (after two accented letters) is closed before « 4 ».
        let text = "\"é\";\"b\"\r\n\"1\";\"2\"\r\n\"éé\";\"3;\"4\"\r\n\"5\";\"6\""
        let latin = refusal { _ = try parseCSV(cp1252(text)) }
        let utf8 = refusal { _ = try parseCSV(Array(text.utf8)) }
        let le = refusal { _ = try parseCSV(utf16(text, bigEndian: false)) }
        let be = refusal { _ = try parseCSV(utf16(text, bigEndian: true)) }
        XCTAssertEqual(latin?.findingRef, "ligne 3, colonne 6")
        XCTAssertEqual(utf8, latin)
        XCTAssertEqual(le, latin)
        XCTAssertEqual(be, latin)
    }

    // MARK: Separators

    func testSeparatorIsDetectedFromTheHeaderOutsideQuotes() {
        func detect(_ text: String) -> CSVSeparator? {
            Array(text.utf8).withUnsafeBufferPointer { CSVSeparator.detect(in: $0, from: 0) }
        }
        XCTAssertEqual(detect("a;b,c\td\n1,2,3"), .semicolon, "`;` wins when present")
        XCTAssertEqual(detect("a\tb,c\n1;2;3"), .tab, "then tab; data lines do not count")
        XCTAssertEqual(detect("a,b\n1;2"), .comma)
        XCTAssertEqual(detect("\"a;x\",\"b\tz\",c\n"), .comma, "separators inside quotes do not count")
        XCTAssertEqual(detect("\r\n\r\na,b"), .comma, "leading empty lines are skipped")
        XCTAssertNil(detect("login\nmarie;x"))
        XCTAssertEqual(try CSVDocument(bytes: Array("login\nmarie".utf8)).separator, .semicolon)
    }

    func testCommaSeparatedQuotedExportImportsWithTheRightValues() throws {
        var rows = pupils
        rows[0][5] = "3 rue Haute; bât. B, 2e étage"
        rows[1][2] = "Eléa \"Lili\""
        let artifact = try ingest(cp1252(export(",", quoted: true, rows: rows)))
        XCTAssertEqual(artifact.files.map(\.status), [.imported])
        XCTAssertEqual(artifact.records.map(\.firstName), ["Mathilde", "Eléa \"Lili\"", "Maëlle"])
        XCTAssertEqual(artifact.records.first?.address?.lines, ["3 rue Haute; bât. B, 2e étage"])
        XCTAssertEqual(artifact.records.first?.address?.city, "Alençon")
        XCTAssertEqual(artifact.records.map(\.className), ["CE1 A", "CM1", "CE2"])
        XCTAssertEqual(artifact.records.map(\.birthDate), ["2016-08-17", "2015-09-27", nil])
        XCTAssertEqual(artifact.rejects.map(\.ref), ["5"])
    }

    func testTabSeparatedExportImports() throws {
        let original = try ingest(cp1252(export(";", quoted: true)))
        let unquoted = try ingest(Array(export("\t", quoted: false).utf8))
        let quoted = try ingest(cp1252(export("\t", quoted: true)))
        for artifact in [unquoted, quoted] {
            XCTAssertEqual(artifact.records, original.records)
            XCTAssertEqual(artifact.files, original.files)
        }
        XCTAssertEqual(unquoted.records.map(\.lastName), ["BELMAHDI", "MARTINEZ", "LEFÈVRE"])
        XCTAssertEqual(unquoted.records[1].usageName, "DURAND")
    }

    func testQuoteErrorNamesTheFilesSeparator() {
        let comma = refusal { _ = try parseCSV(Array("\"a\",\"b\"\n\"1\"x,\"2\"".utf8)) }
        XCTAssertEqual(comma?.findingRef, "ligne 2, colonne 1")
        XCTAssertTrue(comma?.message.contains("d'une virgule « , »") ?? false)
        let tab = refusal { _ = try parseCSV(Array("a\tb\n\"1\"x\t2".utf8)) }
        XCTAssertTrue(tab?.message.contains("d'une tabulation") ?? false)
        let semicolon = refusal { _ = try parseCSV(Array("a;b\n\"1\"x;2".utf8)) }
        XCTAssertTrue(semicolon?.message.contains("d'un « ; »") ?? false)
    }

    func testHeaderWithoutSeparatorIsRefusedNamingTheSeparatorsRead() throws {
        let text = "Nom Elève|Prénom Elève|Date naissance|Classe\r\nMARTIN|Léa|2016-01-02|CP"
        let artifact = try ingest(Array(text.utf8))
        XCTAssertTrue(artifact.records.isEmpty)
        XCTAssertEqual(artifact.files.map(\.status), [.unknown])
        let reason = try XCTUnwrap(artifact.rejects.first?.reason)
        XCTAssertEqual(artifact.rejects.first?.ref, "ligne 1")
        XCTAssertTrue(reason.contains("aucun séparateur"), reason)
        XCTAssertTrue(reason.contains("points-virgules « ; »") && reason.contains("virgules « , »") && reason.contains("tabulations"), reason)
    }

    // MARK: Helpers

    /// `text` in UTF-16 with its byte-order mark.
    private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        let units = [0xFEFF] + Array(text.utf16)
        return bigEndian ? units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } : le(units)
    }

    private func le(_ units: [UInt16]) -> [UInt8] { units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
}
