import AlimCore
import XCTest
@testable import AlimIngest

/// The ENT's own exports (users export, activation_de_comptes.csv): recognised by their headers
/// anywhere in the inbox, read into typed lines; bad lines are warnings that never quote a code.
final class ENTExportTests: XCTestCase {
    static let usersHeader = #""Id";"Identifiant SIECLE";"Type";"Nom";"Prénom";"Identifiant";"Login personnalisé (Alias)";"Code d'activation";"Fonctions";"Établissements";"Classes";"Enfants";"Parents";"Dernière connexion";"Courriel";"Téléphone""#
    static let activationHeader = #""Type";"Nom";"Prénom";"Login";"Alias de login";"Code d'activation""#

    private func cells(_ line: String) -> [String] { headerCells(line) }

    func testTheUsersExportIsRecognisedByItsHeader() throws {
        let map = try XCTUnwrap(HeaderMap.recognise(cells(Self.usersHeader)))
        XCTAssertEqual(map.kind, .entUsers)
        XCTAssertEqual(map.column(.externalId), 0)
        XCTAssertEqual(map.column(.accountType), 2)
        XCTAssertEqual(map.column(.entLastName), 3)
        XCTAssertEqual(map.column(.login), 5)
        XCTAssertEqual(map.column(.loginAlias), 6)
        XCTAssertEqual(map.column(.activationCode), 7)
        XCTAssertTrue(map.extras.isEmpty, "every column of the export is known: \(map.extras)")
    }

    func testTheActivationExportIsRecognisedByItsHeader() throws {
        let map = try XCTUnwrap(HeaderMap.recognise(cells(Self.activationHeader)))
        XCTAssertEqual(map.kind, .entActivation)
        XCTAssertEqual(map.column(.login), 3)
        XCTAssertEqual(map.column(.loginAlias), 4)
        XCTAssertEqual(map.column(.activationCode), 5)
    }

    /// The one-column `activated` export shares `login`/`identifiant` with the ENT's exports: still its own kind.
    func testTheActivatedExportKeepsWorking() throws {
        for header in [["login"], ["Login", "Date d'activation"], ["identifiant"], ["Identifiant", "date"]] {
            XCTAssertEqual(try HeaderMap.recognise(header)?.kind, .activated, "\(header)")
        }
    }

    func testAnIncompleteENTExportNamesTheMissingColumn() {
        let r = refusal { _ = try HeaderMap.recognise(["Type", "Nom", "Prénom", "Alias de login", "Code d'activation"]) }
        XCTAssertTrue(r?.message.contains("« Login »") ?? false, r?.message ?? "")
        XCTAssertTrue(r?.message.contains("activation des comptes de l'ENT") ?? false, r?.message ?? "")
    }

    func testBothExportsAnywhereInTheInboxBecomeTypedLines() throws {
        let inbox = try TestInbox()
        let users = crlf([
            Self.usersHeader,
            #""ALIM-O0000001";"";"Élève";"MARTIN";"Léa";"lea.martin";"lea.martin";"qwertzui";"";"École";"CM1";"";"";"";"";"""#,
            #""ALIM-O0000002";"";"Parent";"MARTIN";"Anne";"anne.martin2";"anne.martin";"";"";"École";"";"Léa MARTIN";"";"01/09/2026";"";"""#,
            #""T-99";"";"Enseignant";"DURAND";"Paul";"paul.durand";"";"zzzzyyyy";"Directeur";"École";"CM1";"";"";"";"";"""#,
            #""ALIM-O0000003";"";"Martien";"X";"Y";"y.x";"";"abcdefgh";"";"";"";"";"";"";"";"""#,
            #""ALIM-O0000004";"";"Élève";"PETIT";"Zoé";"";"zoe.petit";"mnbvcxyw";"";"";"";"";"";"";"";"""#,
            #""ALIM-O0000005";"";"Élève";"PETIT";"Noé";"noe.petit";"noe.petit";"ab cd ef";"";"";"";"";"";"";"";"""#,
        ])
        try inbox.write("exports/2026/export-utilisateurs.csv", [0xEF, 0xBB, 0xBF] + Array(users.utf8))
        let activation = crlf([
            Self.activationHeader,
            #""Élève";"MARTIN";"Léa";"lea.martin";"lea.martin";"qwertzui""#,
            #""Parent";"ROUX";"Marc";"marc.roux";"";"""#,
        ])
        try inbox.write("0611234A/activation_de_comptes.csv", Array(activation.utf8))
        let artifact = try inbox.run()

        XCTAssertEqual(artifact.entCredentials.map(\.place.description),
                       ["0611234A/activation_de_comptes.csv#2", "exports/2026/export-utilisateurs.csv#2",
                        "exports/2026/export-utilisateurs.csv#3"])
        let lea = artifact.entCredentials[1]
        XCTAssertEqual(lea, ENTCredentialRow(file: "exports/2026/export-utilisateurs.csv", ref: "2", export: .users,
                                             externalId: "ALIM-O0000001", profile: .pupil, lastName: "MARTIN", firstName: "Léa",
                                             login: "lea.martin", alias: "lea.martin", code: "qwertzui"))
        XCTAssertNil(artifact.entCredentials[2].code, "an empty code in the users export: already activated")
        XCTAssertEqual(artifact.entCredentials[2].profile, .guardian)
        XCTAssertEqual(artifact.entCredentials[0].export, .activation)
        XCTAssertNil(artifact.entCredentials[0].externalId)

        XCTAssertEqual(artifact.files, [
            FileOutcome(file: "0611234A/activation_de_comptes.csv", format: .entActivation, status: .imported, uai: UAI("0611234A")),
            FileOutcome(file: "exports/2026/export-utilisateurs.csv", format: .entUsers, status: .imported, skippedRows: 1),
        ])
        // Unknown type, empty login, malformed code; an activation line without a code: warnings, never a code.
        XCTAssertEqual(artifact.warnings.map { "\($0.file)#\($0.ref) \($0.field)" }, [
            "0611234A/activation_de_comptes.csv#3 Code d'activation",
            "exports/2026/export-utilisateurs.csv#5 Type",
            "exports/2026/export-utilisateurs.csv#6 Identifiant",
            "exports/2026/export-utilisateurs.csv#7 Code d'activation",
        ])
        for w in artifact.warnings {
            XCTAssertFalse(w.reason.isEmpty)
            for code in ["qwertzui", "zzzzyyyy", "abcdefgh", "mnbvcxyw", "ab cd ef"] {
                XCTAssertFalse(w.reason.contains(code), "a warning quotes a code: \(w.reason)")
            }
        }
        XCTAssertTrue(artifact.records.isEmpty, "the ENT's lines are not person records")
        XCTAssertTrue(artifact.rejects.isEmpty)
        XCTAssertTrue(artifact.context.schoolsPresent.isEmpty, "an ENT export does not make a school present")
    }

    func testAnEmptyActivationExportIsImported() throws {
        let inbox = try TestInbox()
        try inbox.write("ent/activation_de_comptes.csv", Array(Self.activationHeader.utf8))
        let artifact = try inbox.run()
        XCTAssertEqual(artifact.files.map(\.status), [.imported])
        XCTAssertTrue(artifact.entCredentials.isEmpty)
        XCTAssertTrue(artifact.rejects.isEmpty)
    }
}
