import AlimCore
import XCTest
@testable import AlimIngest

/// Header recognition through the one header table.
final class ONDEHeaderTests: XCTestCase {
    private func cells(_ line: String) -> [String] { headerCells(line) }

    func testOndePupilHeaderWithLeadingSpaceCycle() throws {
        let map = try XCTUnwrap(HeaderMap.recognise(cells(OndeHeaders.pupilsQuoted)))
        XCTAssertEqual(map.kind, .ondePupils)
        XCTAssertEqual(map.column(.pupilLastName), 0)
        XCTAssertEqual(map.column(.cycle), 13)
        XCTAssertEqual(map.column(.level), 14)
        XCTAssertEqual(map.column(.className), 15)
        XCTAssertNil(map.column(.ine))
    }

    func testBaseElevesPupilHeader() throws {
        let map = try XCTUnwrap(HeaderMap.recognise(cells(OndeHeaders.pupilsBaseEleves)))
        XCTAssertEqual(map.kind, .ondePupils)
        XCTAssertEqual(map.column(.pupilFirstName), 1)
        XCTAssertEqual(map.all(.pupilOtherFirstName), [2])
        XCTAssertEqual(map.column(.birthDate), 3)
        XCTAssertEqual(map.column(.ine), 5)
        XCTAssertEqual(map.column(.className), 6)
    }

    func testCaseAccentsAndSpacesIgnored() throws {
        let map = try XCTUnwrap(HeaderMap.recognise(["  NOM  ELEVE ", "prenom élève", "DATE DE NAISSANCE", "classe", "Extra"]))
        XCTAssertEqual(map.kind, .ondePupils)
        XCTAssertEqual(map.column(.className), 3)
    }

    func testGuardianChildGroupsMappedByPosition() throws {
        let map = try XCTUnwrap(HeaderMap.recognise(cells(OndeHeaders.guardiansQuoted)))
        XCTAssertEqual(map.kind, .ondeGuardians)
        XCTAssertEqual(map.all(.childLastName), [14, 18, 22])
        XCTAssertEqual(map.all(.childClass), [16, 20, 24])
        XCTAssertEqual(map.column(.phoneExtension), 11)
        let unquoted = try XCTUnwrap(HeaderMap.recognise(cells(OndeHeaders.guardiansUnquoted)))
        XCTAssertNil(unquoted.column(.phoneExtension))
        XCTAssertEqual(unquoted.all(.childFirstName), [14, 18, 22])
    }

    func testOlderGuardianHeaderVariant() throws {
        let header = ["Civilité", "Nom d'usage responsable", "Nom de famille responsable", "Prénom responsable", "Courriel",
                      "Nom usage enfant", "Nom enfant", "Prénom enfant", "Classe enfant",
                      "Nom usage enfant", "Nom enfant", "Prénom enfant", "Classe enfant"]
        let map = try XCTUnwrap(HeaderMap.recognise(header))
        XCTAssertEqual(map.kind, .ondeGuardians)
        XCTAssertEqual(map.column(.guardianLastName), 2)
        XCTAssertEqual(map.all(.childUsageName), [5, 9])
        XCTAssertEqual(map.all(.childClass), [8, 12])
    }

    func testMissingRequiredColumnsAreNamed() {
        let r = refusal { _ = try HeaderMap.recognise(["Nom Elève", "Sexe", "Niveau"]) }
        XCTAssertTrue(r?.message.contains("« Prénom Elève »") ?? false, r?.message ?? "")
        XCTAssertTrue(r?.message.contains("« Date naissance »") ?? false)
        XCTAssertTrue(r?.message.contains("« Classe »") ?? false)
        XCTAssertFalse(r?.message.contains("« Nom Elève »") ?? true)
    }

    func testDuplicateNonChildColumnRefused() throws {
        let r = refusal { _ = try HeaderMap.recognise(["Nom Elève", "Prénom Elève", "Date naissance", "Classe", "Classe"]) }
        XCTAssertTrue(r?.message.contains("« Classe »") ?? false)
        // An unknown column is ignored (and named in one warning), however often it appears.
        let extra = try HeaderMap.recognise(["Nom Elève", "Prénom Elève", "Date naissance", "Classe", "X", "x"])
        XCTAssertEqual(extra?.extras, ["X", "x"])
    }

    func testUnknownHeaders() throws {
        // The ONDE teacher export is recognised (to be skipped), never read as pupils or guardians.
        XCTAssertEqual(try HeaderMap.recognise(["Civilité", "Nom usage", "Nom", "Prénom", "Adresse", "CP", "Commune", "Pays",
                                                "Courriel", "Téléphone domicile", "Téléphone portable", "Directeur", "Classe"])?.kind,
                       .ondeTeachers)
        XCTAssertNil(try HeaderMap.recognise(["a", "b"]))
    }

    func testActivatedHeader() throws {
        let map = try XCTUnwrap(HeaderMap.recognise(["Login", "Date d'activation"]))
        XCTAssertEqual(map.kind, .activated)
        XCTAssertEqual(map.column(.activationDate), 1)
    }

    func testDates() {
        XCTAssertEqual(OndeDate.parse("2006-08-17"), .valid("2006-08-17"))
        XCTAssertEqual(OndeDate.parse("17/08/2006"), .valid("2006-08-17"))
        XCTAssertEqual(OndeDate.parse("7/8/2006"), .valid("2006-08-07"))
        XCTAssertEqual(OndeDate.parse("29/02/2016"), .valid("2016-02-29"))
        XCTAssertEqual(OndeDate.parse("29/02/2015"), .invalid)
        XCTAssertEqual(OndeDate.parse("31/02/2016"), .invalid)
        XCTAssertEqual(OndeDate.parse("01/13/2016"), .invalid)
        XCTAssertEqual(OndeDate.parse("2016-00-10"), .invalid)
        XCTAssertEqual(OndeDate.parse("douze mars"), .invalid)
        XCTAssertEqual(OndeDate.parse(""), .empty)
        XCTAssertEqual(OndeDate.parse(nil), .empty)
    }
}
