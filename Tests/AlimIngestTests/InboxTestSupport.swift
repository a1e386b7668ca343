import AlimCore
import Foundation
import XCTest
@testable import AlimIngest

/// A throw-away inbox in a temp folder, filled with hand-written bytes.
final class TestInbox {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("alim-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes raw bytes at a path relative to the inbox (folders created).
    @discardableResult
    func write(_ path: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    /// Runs the stage over this inbox.
    func run(_ config: AlimConfig = .default) throws -> IngestArtifact {
        try Ingest.run(inbox: url, config: config)
    }
}

/// Encodes test text the way ONDE writes it: Windows-1252, one byte per character.
func cp1252(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar -> UInt8 in
        if scalar.value < 0x80 || (scalar.value >= 0xA0 && scalar.value <= 0xFF) { return UInt8(scalar.value) }
        if let i = Latin.high.firstIndex(of: scalar.value) { return UInt8(0x80 + i) }
        fatalError("not in cp1252: \(scalar)")
    }
}

/// The cells of a header line written as the exports write it (`"A";"B"`), quotes dropped.
func headerCells(_ line: String) -> [String] {
    line.split(separator: ";", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\"", with: "") }
}

/// Joins lines with CRLF and no final newline, as the ONDE samples are.
func crlf(_ lines: [String]) -> String { lines.joined(separator: "\r\n") }

/// Parses bytes with the CSV reader and returns every record decoded (header included).
func parseCSV(_ bytes: [UInt8], limits: LimitsConfig = .init()) throws -> (rows: [[String]], encoding: CSVEncoding) {
    let doc = try CSVDocument(bytes: bytes)
    var rows: [[String]] = []
    try CSVParser(document: doc, limits: limits).forEachRow { row in rows.append((0..<row.count).map { row[$0] }) }
    return (rows, doc.encoding)
}

/// The refusal a closure throws, or a failure when it throws none.
func refusal(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> CSVRefusal? {
    do {
        try body()
        XCTFail("expected the file to be refused", file: file, line: line)
    } catch let r as CSVRefusal {
        return r
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
    return nil
}

/// ONDE headers used by the fixtures.
enum OndeHeaders {
    static let pupilsQuoted = #""Nom Elève";"Nom d'usage Elève";"Prénom Elève";"Date naissance";"Sexe";"Adresse1";"Cp1";"Commune1";"Pays1";"Adresse2";"Cp2";"Commune2";"Pays2";" Cycle";"Niveau";"Classe";"Attestation fournie";"Autorisations associations";"Autorisations photos";"Décision de passage""#
    static let pupilsBaseEleves = "Nom de famille élève;Prénom 1;Prénom 2;Date de naissance;Sexe;INE;Libellé classe;Niveau"
    static let guardiansQuoted = #""Civilité Responsable";"Nom usage responsable";"Nom responsable";"Prénom responsable";"Adresse responsable";"CP responsable";"Commune responsable";"Pays";"Courriel";"Téléphone domicile";"Téléphone travail";"Numéro de poste";"Téléphone portable";"Nom d'usage enfant";"Nom de famille enfant";"Prénom enfant";"Classes enfants";"Nom d'usage enfant";"Nom de famille enfant";"Prénom enfant";"Classes enfants";"Nom d'usage enfant";"Nom de famille enfant";"Prénom enfant";"Classes enfants""#
    static let guardiansUnquoted = "Civilité Responsable;Nom usage responsable;Nom responsable;Prénom responsable;Adresse responsable;CP responsable;Commune responsable;Pays;Courriel;Téléphone domicile;Téléphone travail;Téléphone portable;Nom d'usage enfant;Nom de famille enfant;Prénom enfant;Classes enfants;Nom d'usage enfant;Nom de famille enfant;Prénom enfant;Classes enfants;Nom d'usage enfant;Nom de famille enfant;Prénom enfant;Classes enfants"
}
