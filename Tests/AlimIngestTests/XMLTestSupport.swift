@testable import AlimIngest
import AlimCore
import Foundation
import XCTest

/// A temporary inbox for XML fixtures written by the tests themselves.
final class XMLFixtureInbox {
    let root: URL
    private(set) var files: [InboxFile] = []

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("alim-xml-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes `text` (UTF-8 unless bytes are given) at `path` inside the inbox.
    @discardableResult
    func add(_ path: String, _ text: String) throws -> URL {
        // Fixtures that declare ISO-8859-15 are written in Latin bytes, as SIECLE does.
        let latin = text.contains("encoding=\"ISO-8859-15\"")
        return try add(path, bytes: latin ? text.data(using: .isoLatin1)! : Data(text.utf8))
    }

    @discardableResult
    func add(_ path: String, bytes: Data) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
        files.append(InboxFile(url: url, relativePath: path))
        return url
    }

    func read(_ config: AlimConfig = .default) -> PartialIngest { XMLIngest.read(files: files, config: config) }
}

extension PartialIngest {
    func record(_ file: String, _ ref: String) -> PersonRecord? {
        records.first { $0.ref == RecordRef(file: file, ref: ref) }
    }
    func outcome(_ file: String) -> FileOutcome? { files.first { $0.file == file } }
}

/// SIECLE fixtures shared by several tests.
enum SIECLEFixtures {
    static func eleves(uai: String = "0141234A", body: String) -> String {
        """
        <?xml version="1.0" encoding="ISO-8859-15"?>
        <BEE_ELEVES VERSION="3.0">
          <PARAMETRES><UAJ>\(uai)</UAJ><ANNEE_SCOLAIRE>2024</ANNEE_SCOLAIRE></PARAMETRES>
          <DONNEES>
        \(body)
          </DONNEES>
        </BEE_ELEVES>
        """
    }

    static func responsables(uai: String = "0141234A", body: String) -> String {
        """
        <?xml version="1.0" encoding="ISO-8859-15"?>
        <BEE_RESPONSABLES VERSION="2.1">
          <PARAMETRES><UAJ>\(uai)</UAJ></PARAMETRES>
          <DONNEES>
        \(body)
          </DONNEES>
        </BEE_RESPONSABLES>
        """
    }

    /// Two pupils (one with the older `NOM` tag, no MEF) with their division and a group.
    static let twoPupils = eleves(body: """
        <ELEVES>
          <ELEVE ELEVE_ID="100">
            <ID_NATIONAL>123456789AB</ID_NATIONAL>
            <NOM_DE_FAMILLE>MARTIN</NOM_DE_FAMILLE>
            <NOM_USAGE>DURAND</NOM_USAGE>
            <PRENOM>Léa</PRENOM>
            <PRENOM2>Marie</PRENOM2>
            <DATE_NAISS>03/04/2012</DATE_NAISS>
            <CODE_SEXE>2</CODE_SEXE>
            <CODE_MEF>10110001110</CODE_MEF>
            <SCOLARITE_AN_DERNIER><CODE_MEF>10010012110</CODE_MEF></SCOLARITE_AN_DERNIER>
          </ELEVE>
          <ELEVE ELEVE_ID="101">
            <NOM>PETIT</NOM>
            <PRENOM>Léo</PRENOM>
            <PRENOM2/>
            <DATE_NAISS>31/02/2012</DATE_NAISS>
            <CODE_SEXE>1</CODE_SEXE>
          </ELEVE>
        </ELEVES>
        <STRUCTURES>
          <STRUCTURES_ELEVE ELEVE_ID="100">
            <STRUCTURE><CODE_STRUCTURE>_5A1</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE>
            <STRUCTURE><CODE_STRUCTURE>5 A</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>
          </STRUCTURES_ELEVE>
        </STRUCTURES>
        <BOURSES />
        """)
}
