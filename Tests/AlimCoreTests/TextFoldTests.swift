import AlimCore
import AlimTestSupport
import Foundation
import XCTest

/// `TextFold`'s fast path against the plain Unicode reference, and the foldings every key relies on.
final class TextFoldTests: XCTestCase {
    /// Every letter an 8-bit French export can hold: Latin-1, Latin-9 (Š š Ž ž Œ œ Ÿ), Windows-1252's
    /// 0x80–0x9F, and Latin Extended-A.
    private var latinScalars: [Unicode.Scalar] {
        let cp1252: [UInt32] = [0x20AC, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
                                0x017D, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
                                0x0153, 0x017E, 0x0178]
        return (Array(0x20...0x7E) + Array(0xA0...0x17F) + cp1252).compactMap(Unicode.Scalar.init)
    }

    func testFastPathEqualsReferenceOnEveryLatinLetter() {
        for s in latinScalars {
            for text in [String(s), "a\(s)b", "\(s)\(s)", "Jean-\(s)ric"] {
                XCTAssertEqual(TextFold.fold(text), TextFoldReference.fold(text), "fold U+\(String(s.value, radix: 16))")
                XCTAssertEqual(TextFold.key(text), TextFoldReference.key(text), "key U+\(String(s.value, radix: 16))")
            }
        }
    }

    func testFastPathEqualsReferenceOnGeneratedNames() {
        var rng = SeededRandom(seed: 20261203)
        let alphabet = latinScalars + ["\u{0301}", "\u{0308}", "\u{00A0}", "\u{FEFF}", "Ş", "ğ", "Đ", "Ω", "Ж", "李"].compactMap { $0.unicodeScalars.first }
        for _ in 0..<3000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &rng) { text.append(alphabet.randomElement(using: &rng)!) }
            let s = String(text)
            XCTAssertEqual(TextFold.fold(s), TextFoldReference.fold(s), s.debugDescription)
            XCTAssertEqual(TextFold.key(s), TextFoldReference.key(s), s.debugDescription)
        }
    }

    func testFoldingOfFrenchNames() {
        XCTAssertEqual(TextFold.fold("Hélène Noël"), "HELENE NOEL")
        XCTAssertEqual(TextFold.fold("Œillet"), "OEILLET")
        XCTAssertEqual(TextFold.fold("cœur"), "COEUR")
        XCTAssertEqual(TextFold.fold("Æsa Straße"), "AESA STRASSE")
        XCTAssertEqual(TextFold.fold("N’Diaye"), "N'DIAYE")
        XCTAssertEqual(TextFold.fold("Þóra Ðorđević"), "THORA DORDEVIC")
        // A decomposed accent (as macOS writes file names) folds as the precomposed one.
        XCTAssertEqual(TextFold.fold("Le\u{0301}a"), TextFold.fold("Léa"))
    }

    func testKeysIgnoreCaseAccentsSpacesHyphensApostrophesAndPunctuation() {
        XCTAssertEqual(TextFold.key("MARTIN-DUBOIS"), TextFold.key("Martin Dubois"))
        XCTAssertEqual(TextFold.key("DE LA FONTAINE"), TextFold.key("Delafontaine"))
        XCTAssertEqual(TextFold.key("Jean-Pierre"), TextFold.key("JEAN PIERRE"))
        XCTAssertEqual(TextFold.key("N'Diaye"), "NDIAYE")
        XCTAssertEqual(TextFold.key("CM1-CM2"), TextFold.key("CM1 / CM2"))
        XCTAssertEqual(TextFold.key("\u{FEFF}\" Cycle\""), "CYCLE")
        XCTAssertEqual(TextFold.key("Prénom*"), "PRENOM")
        XCTAssertEqual(TextFold.key("Nom d’usage élève"), TextFold.key("NOM D'USAGE ELEVE"))
        XCTAssertEqual(TextFold.key("Œuvray"), TextFold.key("OEUVRAY"))
        XCTAssertEqual(TextFold.key(""), "")
        XCTAssertEqual(TextFold.key(" - ' "), "")
        // A name with no Latin letter keeps a non-empty key: it must still be comparable.
        XCTAssertEqual(TextFold.key("李 小龙"), "李小龙")
        XCTAssertNotEqual(TextFold.key("Ωmega"), TextFold.key("mega"))
    }

    func testLettersForLogins() {
        XCTAssertEqual(TextFold.letters("Jean-Pierre"), "jeanpierre")
        XCTAssertEqual(TextFold.letters("N'Diaye 2"), "ndiaye")
        XCTAssertEqual(TextFold.letters("Œdipe"), "oedipe")
        XCTAssertEqual(TextFold.letters("李"), "")
    }

    func testAsciiKeepingCaseForFileNames() {
        XCTAssertEqual(TextFold.asciiKeepingCase("Élodie Œuvray"), "Elodie OEuvray")
        XCTAssertEqual(TextFold.asciiKeepingCase("CM1 de Mme Hébert"), "CM1 de Mme Hebert")
    }

    /// Every name of the real sample exports folds the same way on both paths.
    func testSampleNamesFoldTheSameOnBothPaths() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/samples").standardized
        let folder = root.appendingPathComponent("edificeio-entcore/be1d-test/Ecole primaire Emile Zola")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("../shared/samples absent : test des noms réels ignoré")
        }
        var count = 0
        for name in ["CSVExtraction-eleves.csv", "CSVExtraction-responsables.csv"] {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let text = String(data.map { Character(Unicode.Scalar($0)) })  // Latin-1 bytes
            for cell in text.split(whereSeparator: { $0 == ";" || $0 == "\r\n" || $0 == "\n" }) {
                let s = String(cell)
                XCTAssertEqual(TextFold.fold(s), TextFoldReference.fold(s), s)
                XCTAssertEqual(TextFold.key(s), TextFoldReference.key(s), s)
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 5000)
    }
}
