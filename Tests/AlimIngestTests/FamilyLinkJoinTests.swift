import AlimCore
import XCTest
@testable import AlimIngest

/// One small school written as ONDE files (UTF-8 with BOM), for the join rules.
struct SchoolFiles {
    struct Pupil {
        var last: String
        var usage: String = ""
        var first: String
        var birth: String = "2020-05-01"
        var className: String
    }

    struct Child {
        var last: String = ""
        var usage: String = ""
        var first: String
        var className: String
        var birth: String = ""
    }

    struct Guardian {
        var last: String
        var first: String
        var children: [Child]
    }

    /// 0 `… enfant`, 1 `… élève`, 2 `… de l'élève` (no usage-name column).
    var spelling = 0
    var withBirthDates = false
    var pupils: [Pupil] = []
    var guardians: [Guardian] = []

    static let pupilHeader = "Nom Elève;Nom d'usage Elève;Prénom Elève;Date naissance;Classe"

    func groupHeader() -> [String] {
        var g: [String]
        switch spelling {
        case 0: g = ["Nom d'usage enfant", "Nom de famille enfant", "Prénom enfant", "Classes enfants"]
        case 1: g = ["Nom d'usage élève", "Nom de famille élève", "Prénom élève", "Classes élèves"]
        default: g = ["Nom de l'élève", "Prénom de l'élève", "Classes de l'élève"]
        }
        if withBirthDates { g.append("Date de naissance enfant") }
        return g
    }

    func cells(_ c: Child) -> [String] {
        var out = spelling == 2 ? [c.last.isEmpty ? c.usage : c.last, c.first, c.className] : [c.usage, c.last, c.first, c.className]
        if withBirthDates { out.append(c.birth) }
        return out
    }

    /// Writes `<uai>/eleves.csv` and `<uai>/responsables.csv`; a guardian of more than three children
    /// takes several rows, as ONDE writes them.
    func write(to inbox: TestInbox, uai: String = "0610001A") throws {
        var p = [Self.pupilHeader]
        for x in pupils { p.append([x.last, x.usage, x.first, x.birth, x.className].joined(separator: ";")) }
        try inbox.write("\(uai)/eleves.csv", [0xEF, 0xBB, 0xBF] + Array(p.joined(separator: "\r\n").utf8))
        let header = ["Civilité Responsable", "Nom responsable", "Prénom responsable"] + (0..<3).flatMap { _ in groupHeader() }
        var g = [header.joined(separator: ";")]
        for guardian in guardians {
            let rows = stride(from: 0, to: max(guardian.children.count, 1), by: 3).map { Array(guardian.children[$0..<min($0 + 3, guardian.children.count)]) }
            for chunk in rows { g.append((["MME", guardian.last, guardian.first] + chunk.flatMap(cells)).joined(separator: ";")) }
        }
        try inbox.write("\(uai)/responsables.csv", [0xEF, 0xBB, 0xBF] + Array(g.joined(separator: "\r\n").utf8))
    }
}

/// The ONDE join: a child reference links to one pupil only when a non-empty name, the first name
/// and the class agree; ambiguity gives no link and a review item.
final class FamilyLinkJoinTests: XCTestCase {
    private func run(_ school: SchoolFiles) throws -> IngestArtifact {
        let inbox = try TestInbox()
        try school.write(to: inbox)
        return try inbox.run()
    }

    /// Pupil row number (header = 1) → the pupil's first and last name, to read links back.
    private func linkedNames(_ artifact: IngestArtifact, guardian first: String) -> [String] {
        let pupils = Dictionary(artifact.records.filter { $0.kind == .pupil }.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        return artifact.records.filter { $0.kind == .guardian && $0.firstName == first }
            .flatMap(\.links).compactMap { pupils[$0.pupil].map { "\($0.firstName) \($0.lastName)" } }.sorted()
    }

    func testAGuardianNamingOneJulienGetsThatJulienOnly() throws {
        var s = SchoolFiles()
        s.pupils = [.init(last: "DELAUNAY", first: "Julien", className: "TPS"), .init(last: "COMMARET", first: "Julien", className: "TPS"),
                    .init(last: "PETIT", first: "Julien", birth: "2021-01-02", className: "TPS")]
        s.guardians = [.init(last: "DELAUNAY", first: "Claire", children: [.init(last: "DELAUNAY", first: "Julien", className: "TPS")])]
        let a = try run(s)
        XCTAssertEqual(linkedNames(a, guardian: "Claire"), ["Julien DELAUNAY"])
        XCTAssertEqual(a.familyLinks, [FamilyLinkAudit(uai: UAI("0610001A")!, guardianRows: 1, references: 1, linked: 1)])
    }

    func testUsageAndBirthNamesMatchOnEitherSide() throws {
        var s = SchoolFiles()
        s.pupils = [.init(last: "MARTIN", usage: "DUPONT", first: "Léa", className: "CP"),
                    .init(last: "ROUX", first: "Léa", className: "CP")]
        s.guardians = [
            .init(last: "DUPONT", first: "Anne", children: [.init(usage: "Dupont", first: "LEA", className: "cp")]),
            .init(last: "MARTIN", first: "Marc", children: [.init(last: "MARTIN", first: "Lea", className: "CP")]),
            .init(last: "ROUX", first: "Paul", children: [.init(last: "ROUX", usage: "ROUX", first: "Léa", className: "CP")]),
        ]
        let a = try run(s)
        XCTAssertEqual(linkedNames(a, guardian: "Anne"), ["Léa MARTIN"])
        XCTAssertEqual(linkedNames(a, guardian: "Marc"), ["Léa MARTIN"])
        XCTAssertEqual(linkedNames(a, guardian: "Paul"), ["Léa ROUX"])
    }

    func testAnAmbiguousReferenceGetsNoLinkAndAReviewItem() throws {
        var s = SchoolFiles()
        s.pupils = [.init(last: "LEROY", first: "Emma", birth: "2019-03-04", className: "CE1"),
                    .init(last: "LEROY", first: "Emma", birth: "2019-07-08", className: "CE1"),
                    .init(last: "LEROY", first: "Hugo", className: "CP")]
        s.guardians = [
            .init(last: "LEROY", first: "Sophie", children: [.init(last: "LEROY", first: "Emma", className: "CE1"),
                                                             .init(last: "LEROY", first: "Hugo", className: "CP")]),
            .init(last: "LEROY", first: "Inès", children: [.init(last: "LEROY", first: "Emma", className: "CE1")]),
        ]
        let a = try run(s)
        XCTAssertEqual(linkedNames(a, guardian: "Sophie"), ["Hugo LEROY"], "never a guess, never both")
        XCTAssertFalse(a.records.contains { $0.firstName == "Inès" }, "a guardian whose only child is ambiguous is not imported")
        let rejected = try XCTUnwrap(a.rejects.first { $0.subject == "LEROY Inès" })
        XCTAssertTrue(rejected.reason.contains("plusieurs élèves"), rejected.reason)
        XCTAssertEqual(a.linkReview.count, 2)
        XCTAssertEqual(a.linkReview.map(\.candidates.count), [2, 2])
        XCTAssertEqual(a.linkReview.first?.candidates.map(\.ref), ["2", "3"])
        XCTAssertTrue(a.warnings.contains { $0.reason.hasPrefix("Enfant ambigu « Emma LEROY (CE1) »") && $0.reason.contains("04/03/2019") }, "\(a.warnings.map(\.reason))")
        XCTAssertEqual(a.familyLinks.first?.ambiguous, 2)
        XCTAssertEqual(a.familyLinks.first?.linked, 1)
    }

    func testBirthDatesOnTheGuardianFileSettleHomonyms() throws {
        var s = SchoolFiles()
        s.withBirthDates = true
        s.pupils = [.init(last: "LEROY", first: "Emma", birth: "2019-03-04", className: "CE1"),
                    .init(last: "LEROY", first: "Emma", birth: "2019-07-08", className: "CE1")]
        s.guardians = [.init(last: "LEROY", first: "Sophie", children: [.init(last: "LEROY", first: "Emma", className: "CE1", birth: "08/07/2019")]),
                       .init(last: "LEROY", first: "Jean", children: [.init(last: "LEROY", first: "Emma", className: "CE1", birth: "01/01/2018")])]
        let a = try run(s)
        let sophie = try XCTUnwrap(a.records.first { $0.firstName == "Sophie" })
        XCTAssertEqual(sophie.links.map(\.pupil.ref), ["3"])
        XCTAssertTrue(a.linkReview.isEmpty)
        XCTAssertTrue(a.rejects.contains { $0.subject == "LEROY Jean" }, "a contradicting birth date links nothing")
        XCTAssertTrue(a.warnings.contains { $0.reason.contains("date de naissance diffère") })
    }

    func testClassLabelsWrittenDifferentlyStillJoinWithoutLooseningNames() throws {
        var s = SchoolFiles()
        s.pupils = [.init(last: "BERNARD", first: "Noé", className: "CM1 / CM2"), .init(last: "GIRARD", first: "Noé", className: "CM1 / CM2")]
        s.guardians = [.init(last: "BERNARD", first: "Lise", children: [.init(last: "Bernard", first: "Noe", className: "cm1-cm2")]),
                       .init(last: "BERNARD", first: "Tom", children: [.init(last: "BERNARDI", first: "Noé", className: "CM1-CM2")])]
        let a = try run(s)
        XCTAssertEqual(linkedNames(a, guardian: "Lise"), ["Noé BERNARD"])
        XCTAssertTrue(linkedNames(a, guardian: "Tom").isEmpty)
        XCTAssertEqual(a.familyLinks.first?.notFound, 1)
    }

    func testEmptyValuesNeverMatch() throws {
        var s = SchoolFiles()
        s.pupils = [.init(last: "SIMON", first: "Jade", className: ""), .init(last: "SIMON", first: "Zoé", className: "GS")]
        s.guardians = [.init(last: "SIMON", first: "Eva", children: [.init(last: "SIMON", first: "Jade", className: ""),
                                                                     .init(first: "Zoé", className: "GS"),
                                                                     .init(last: "SIMON", first: "Zoé", className: "GS")])]
        let a = try run(s)
        XCTAssertEqual(linkedNames(a, guardian: "Eva"), ["Zoé SIMON"])
        let reasons = a.warnings.map(\.reason)
        XCTAssertTrue(reasons.contains { $0.contains("sans classe") }, "\(reasons)")
        XCTAssertTrue(reasons.contains { $0.contains("sans nom de famille ni nom d'usage") }, "\(reasons)")
        XCTAssertEqual(a.familyLinks.first?.notFound, 2)
    }

    func testAGuardianOfFourChildrenOverTwoRowsHoldsAllOfThem() throws {
        var s = SchoolFiles()
        s.pupils = ["Adam", "Inès", "Jules", "Manon"].map { .init(last: "NGUYEN", first: $0, className: "CE2") }
        s.guardians = [.init(last: "NGUYEN", first: "Mai", children: s.pupils.map { .init(last: "NGUYEN", first: $0.first, className: "CE2") })]
        let a = try run(s)
        let rows = a.records.filter { $0.firstName == "Mai" }
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(linkedNames(a, guardian: "Mai"), ["Adam NGUYEN", "Inès NGUYEN", "Jules NGUYEN", "Manon NGUYEN"])
        XCTAssertNil(rows[0].continues)
        XCTAssertEqual(rows[1].continues, rows[0].ref, "the second row continues the first: one person for identity")
    }

    func testARowAfterAFullRowOfAnotherGuardianIsNoContinuation() throws {
        var s = SchoolFiles()
        s.pupils = ["Adam", "Inès", "Jules", "Manon"].map { .init(last: "NGUYEN", first: $0, className: "CE2") }
        s.guardians = [.init(last: "NGUYEN", first: "Mai", children: s.pupils.prefix(3).map { .init(last: "NGUYEN", first: $0.first, className: "CE2") }),
                       .init(last: "NGUYEN", first: "Minh", children: [.init(last: "NGUYEN", first: "Manon", className: "CE2")])]
        let a = try run(s)
        XCTAssertTrue(a.records.filter { $0.kind == .guardian }.allSatisfy { $0.continues == nil })
    }

    func testEveryChildColumnSpellingImports() throws {
        for spelling in 0..<3 {
            var s = SchoolFiles()
            s.spelling = spelling
            s.pupils = [.init(last: "MOREL", first: "Chloé", className: "MS"), .init(last: "FAURE", first: "Chloé", className: "MS")]
            s.guardians = [.init(last: "MOREL", first: "Luc", children: [.init(last: "MOREL", first: "Chloé", className: "MS")])]
            let a = try run(s)
            XCTAssertEqual(a.files.map(\.status), [.imported, .imported], "spelling \(spelling): \(a.files.map(\.message))")
            XCTAssertEqual(linkedNames(a, guardian: "Luc"), ["Chloé MOREL"], "spelling \(spelling)")
            XCTAssertFalse(a.warnings.contains { $0.reason.contains("ignorée") }, "spelling \(spelling): no unknown column")
        }
    }

    func testExtraColumnsGiveOneWarningPerFile() throws {
        let inbox = try TestInbox()
        try inbox.write("0610001A/eleves.csv", Array("Nom Elève;Prénom Elève;Date naissance;Classe;Cantine;Étude\r\nROUX;Léo;2019-01-01;CE1;oui;non\r\nROUX;Zoé;2019-01-01;CE1;non;non".utf8))
        let a = try inbox.run()
        XCTAssertEqual(a.records.count, 2)
        let extra = a.warnings.filter { $0.field == "Cantine, Étude" }
        XCTAssertEqual(extra.count, 1)
        XCTAssertTrue(extra.first?.reason.hasPrefix("Colonnes ignorées : « Cantine », « Étude »") ?? false, extra.first?.reason ?? "")
    }
}
