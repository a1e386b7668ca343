import AlimCore
import XCTest
@testable import AlimIngest

/// The header dictionary: the three child-column spellings, the ENT's templates, optional and extra
/// columns, and when a header is a « mix of two exports ».
final class HeaderDictionaryTests: XCTestCase {
    private let guardian = ["Civilité Responsable", "Nom usage responsable", "Nom responsable", "Prénom responsable", "Courriel"]

    private func group(_ spelling: Int) -> [String] {
        switch spelling {
        case 0: return ["Nom d'usage enfant", "Nom de famille enfant", "Prénom enfant", "Classes enfants"]
        case 1: return ["Nom d'usage élève", "Nom de famille élève", "Prénom élève", "Classes élèves"]
        default: return ["Nom de l'élève", "Prénom de l'élève", "Classes de l'élève"]
        }
    }

    func testTheThreeChildColumnSpellingsAreGuardianExports() throws {
        for spelling in 0..<3 {
            let g = group(spelling)
            let map = try XCTUnwrap(HeaderMap.recognise(guardian + g + g + g), "spelling \(spelling)")
            XCTAssertEqual(map.kind, .ondeGuardians, "spelling \(spelling)")
            let width = g.count
            XCTAssertEqual(map.all(.childLastName), (0..<3).map { 5 + $0 * width + (width == 4 ? 1 : 0) })
            XCTAssertEqual(map.all(.childFirstName).count, 3)
            XCTAssertEqual(map.all(.childClass).count, 3)
            XCTAssertEqual(map.all(.childUsageName).count, width == 4 ? 3 : 0)
            XCTAssertEqual(map.column(.guardianLastName), 2)
            XCTAssertTrue(map.extras.isEmpty, "\(map.extras)")
        }
    }

    func testTheENTsOwnTemplatesAreRecognised() throws {
        let parents = try XCTUnwrap(HeaderMap.recognise(["Nom*", "Prénom*", "Adresse", "Code postal", "Ville", "Pays", "Courriel",
                                                         "Téléphone", "Nom de l'élève", "Prénom de l'élève", "Classes de l'élève"]))
        XCTAssertEqual(parents.kind, .ondeGuardians)
        XCTAssertEqual(parents.column(.guardianLastName), 0)
        XCTAssertEqual(parents.column(.guardianFirstName), 1)
        XCTAssertEqual(parents.all(.childLastName), [8])
        let pupils = try XCTUnwrap(HeaderMap.recognise(["Prénom*", "Nom*", "Date de naissance*", "Classes*"]))
        XCTAssertEqual(pupils.kind, .ondePupils)
        XCTAssertEqual(pupils.column(.pupilLastName), 1)
        XCTAssertEqual(pupils.column(.className), 3)
    }

    func testHeadersComparedAfterFolding() throws {
        let map = try XCTUnwrap(HeaderMap.recognise(["\u{FEFF}NOM ELEVE", "prenom-eleve", "Date  de naissance*", "CLASSE", "N° INE",
                                                     "Identifiant classe", "Deuxième prénom", "Troisième prénom"]))
        XCTAssertEqual(map.kind, .ondePupils)
        XCTAssertEqual(map.column(.pupilLastName), 0)
        XCTAssertEqual(map.column(.ine), 4)
        XCTAssertEqual(map.all(.pupilOtherFirstName), [6, 7])
        XCTAssertTrue(map.extras.isEmpty, "optional columns are known: \(map.extras)")
        let g = try XCTUnwrap(HeaderMap.recognise(["Nom responsable", "Prénom responsable", "Numéro de poste",
                                                   "Nom d’usage élève", "NOM DE FAMILLE ELEVE", "prénom élève", "classes eleves"]))
        XCTAssertEqual(g.kind, .ondeGuardians)
        XCTAssertEqual(g.column(.phoneExtension), 2)
        XCTAssertEqual(g.all(.childUsageName), [3])
    }

    func testExtraColumnsAreIgnoredAndNamed() throws {
        let map = try XCTUnwrap(HeaderMap.recognise(["Nom Elève", "Prénom Elève", "Date naissance", "Classe", "Couleur préférée", "Cantine"]))
        XCTAssertEqual(map.extras, ["Couleur préférée", "Cantine"])
    }

    func testAMixNeedsOwnRequiredColumnsOfBothExports() {
        let r = refusal { _ = try HeaderMap.recognise(["Nom Elève", "Prénom Elève", "Date naissance", "Classe", "Nom responsable",
                                                       "Prénom responsable", "Prénom enfant", "Classes enfants"]) }
        XCTAssertTrue(r?.message.contains("mêle les colonnes") ?? false, r?.message ?? "")
        // The `élève` spelling of a guardian file shares names with the pupil export: no mix.
        XCTAssertEqual(try HeaderMap.recognise(guardian + group(1))?.kind, .ondeGuardians)
    }

    func testMissingRequiredGuardianColumnsAreNamed() {
        let r = refusal { _ = try HeaderMap.recognise(["Nom responsable", "Prénom responsable", "Nom de famille enfant", "Prénom enfant"]) }
        XCTAssertTrue(r?.message.contains("« Classes enfants »") ?? false, r?.message ?? "")
        XCTAssertTrue(r?.message.contains("ONDE responsables") ?? false, r?.message ?? "")
    }

    /// Within one export no two table lines share a spelling (the lookup would silently keep the first).
    func testNoSpellingIsListedTwiceInOneExport() {
        for kind in CSVKind.allCases {
            var seen: [String: CSVField] = [:]
            for entry in HeaderTable.entries where entry.kind == kind {
                for spelling in entry.spellings {
                    let key = HeaderKey.normalise(spelling)
                    XCTAssertNil(seen[key].flatMap { $0 == entry.field ? nil : $0 }, "\(kind) « \(spelling) » listed for two fields")
                    seen[key] = entry.field
                }
            }
        }
    }
}
