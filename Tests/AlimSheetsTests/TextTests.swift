import AlimCore
import Foundation
import XCTest
@testable import AlimSheets

/// Typography, markup, escaping, templates and MIME encodings.
final class TextTests: XCTestCase {
    func testFrenchTypography() {
        let nnbsp = "\u{202F}", nbsp = "\u{00A0}"
        XCTAssertEqual(FrenchTypography.apply("Identifiant : x"), "Identifiant\(nbsp): x")
        XCTAssertEqual(FrenchTypography.apply("Oui!"), "Oui\(nnbsp)!")
        XCTAssertEqual(FrenchTypography.apply("au collège ?"), "au collège\(nnbsp)?")
        XCTAssertEqual(FrenchTypography.apply("un ; deux"), "un\(nnbsp); deux")
        XCTAssertEqual(FrenchTypography.apply("« mot »"), "«\(nnbsp)mot\(nnbsp)»")
        XCTAssertEqual(FrenchTypography.apply("«mot»"), "«\(nnbsp)mot\(nnbsp)»")
        XCTAssertEqual(FrenchTypography.apply("l'école"), "l’école")
        // Markup, URLs and times stay as typed.
        XCTAssertEqual(FrenchTypography.apply("https://oneconnect.edifice.io"), "https://oneconnect.edifice.io")
        XCTAssertEqual(FrenchTypography.apply("{{! note: x}}{{#a}}"), "{{! note: x}}{{#a}}")
        XCTAssertEqual(FrenchTypography.apply("<span foreground=\"#333\">a</span>"), "<span foreground=\"#333\">a</span>")
        XCTAssertEqual(FrenchTypography.apply("&amp; 10:30"), "&amp; 10:30")
        XCTAssertEqual(FrenchTypography.apply("**collège ?**"), "**collège\(nnbsp)?**")
    }

    func testMarkupBlocks() {
        let blocks = Markup.parse("^ École\n# Titre\n## Partie\nUne ligne\nsuite **gras**.\n\n- puce\n@ Code | AB-12\n> avis\n> suite\n_ Date\n---\n")
        XCTAssertEqual(blocks, [.header("École"), .title("Titre"), .heading("Partie"), .paragraph("Une ligne suite <b>gras</b>."),
                                .bullet("puce"), .credential(label: "Code", value: "AB-12"), .notice("avis suite"),
                                .signature("Date"), .rule])
    }

    func testPersonDataIsEscapedForPango() {
        XCTAssertEqual(PangoEscape.escape("A&B <x> **y**\nz"), "A&amp;B &lt;x&gt; &#42;&#42;y&#42;&#42; z")
    }

    func testTemplateOverrideFromDirectory() throws {
        let dir = try Fixture.tempDir()
        try "# Fiche du département\n@ Identifiant | {{identifiant}}\n@ Code | {{code}}\nVoir : {{url}}\n"
            .write(to: dir.appendingPathComponent("fiche-responsable.mustache"), atomically: false, encoding: .utf8)
        let set = try TemplateSet(overrideDirectory: dir.path)
        XCTAssertEqual(set.sources[.guardianSheet], dir.appendingPathComponent("fiche-responsable.mustache").path)
        XCTAssertEqual(set.sources[.charter], "Templates/charte.mustache")

        var config = Fixture.config
        config.sheets.templatesDir = dir.path
        let out = try Fixture.tempDir()
        _ = try Fixture.run(config: config, into: out)
        let text = try Fixture.pdfText(out.appendingPathComponent("0611234A/responsables-CM1-A.pdf"))
        XCTAssertTrue(text.contains("Fiche du département"))
        XCTAssertTrue(text.contains("B7NC-5YLE"))
        // Typography applies to override text too (pdftotext may give the no-break space as a plain one).
        XCTAssertTrue(text.replacingOccurrences(of: "\u{00A0}", with: " ").contains("Voir : https://oneconnect.edifice.io"), text)
        XCTAssertFalse(text.contains("Voir: "))
        XCTAssertFalse(text.contains("One Pocket depuis"), "the shipped text is replaced")
    }

    func testBadOverrideIsAFrenchError() throws {
        let dir = try Fixture.tempDir()
        try "{{#enfants}} jamais fermé".write(to: dir.appendingPathComponent("charte.mustache"), atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try TemplateSet(overrideDirectory: dir.path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("Modèle Mustache invalide"), "\(error)")
        }
    }

    func testHeaderEncodingAndQuotedPrintable() {
        XCTAssertEqual(MIMEEncoding.headerValue("Plain ASCII"), "Plain ASCII")
        XCTAssertEqual(MIMEEncoding.headerValue("é"), "=?UTF-8?B?w6k=?=")
        let qp = MIMEEncoding.quotedPrintable("Élève = " + String(repeating: "a", count: 100) + " \nfin ")
        XCTAssertTrue(qp.hasPrefix("=C3=89l=C3=A8ve =3D "))
        for line in qp.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.count, 76) }
        XCTAssertTrue(qp.hasSuffix("fin=20"))
        XCTAssertEqual(MIMEEncoding.date(RunDate("2024-02-29")!), "Thu, 29 Feb 2024 00:00:00 +0000")
    }

    func testUnusableEmailsArePrinted() {
        XCTAssertNil(SheetPlanner.usableEmail("a@b.fr\r\nBcc: x@y.fr"))
        XCTAssertNil(SheetPlanner.usableEmail("pas une adresse"))
        XCTAssertNil(SheetPlanner.usableEmail(""))
        XCTAssertEqual(SheetPlanner.usableEmail(" a.b@c.fr "), "a.b@c.fr")
    }

    func testFileNames() {
        XCTAssertEqual(FileNames.component("CM1 / CM2 é"), "CM1-CM2-e")
        XCTAssertEqual(FileNames.component("../.."), "sans-classe")
        XCTAssertEqual(FileNames.unique(["CM1 A", "CM1-A", "École"]), ["CM1 A": "CM1-A", "CM1-A": "CM1-A-2", "École": "Ecole-2"])
    }
}
