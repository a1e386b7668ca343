import AlimCore
import Foundation
import XCTest
@testable import AlimSheets

/// Bundle files: modes, selection, e-mails, zip, determinism.
final class BundleTests: XCTestCase {
    private func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)!.intValue
    }

    func testFoldersAre0700AndFiles0600() throws {
        let dir = try Fixture.tempDir()
        _ = try Fixture.run(into: dir)
        let bundle = dir.appendingPathComponent("0611234A")
        XCTAssertEqual(try mode(bundle), 0o700)
        XCTAssertEqual(try mode(bundle.appendingPathComponent("courriels")), 0o700)
        XCTAssertEqual(try mode(dir.appendingPathComponent("0611234A.zip")), 0o600)
        let files = try Fixture.listFiles(bundle)
        XCTAssertEqual(files, ["clause-reglement-interieur.pdf", "courriels/MARTIN-Sophie-sophie-martin.eml", "coverage.csv",
                               "documents-a-signer.pdf", "eleves-CM1-A.pdf", "eleves-ecole.pdf", "responsables-CM1-A.pdf",
                               "responsables-ecole.pdf", "sheets.csv"])
        for f in files { XCTAssertEqual(try mode(bundle.appendingPathComponent(f)), 0o600, f) }
    }

    func testTonightVersusAll() throws {
        let tonight = try Fixture.tempDir(), all = try Fixture.tempDir()
        _ = try Fixture.run(into: tonight)
        let artifact = try Fixture.run(.init(all: true), into: all)
        let t = try Fixture.pdfText(tonight.appendingPathComponent("0611234A/responsables-ecole.pdf"))
        let a = try Fixture.pdfText(all.appendingPathComponent("0611234A/responsables-ecole.pdf"))
        XCTAssertFalse(t.contains("paul.durand"), "code from an earlier night: not reprinted by default")
        XCTAssertTrue(a.contains("paul.durand"))
        XCTAssertTrue(a.contains("H2JD-9FVA"), "a reprint keeps the code already issued")
        XCTAssertTrue(a.contains("sophie.martin"), "a reprint prints e-mailed families too")
        XCTAssertFalse(a.contains("chloe.durand"), "an activated account has no code to print")
        XCTAssertEqual(artifact.bundles[0].printed, 4)
        XCTAssertEqual(artifact.bundles[0].emailed, 1)
        let paul = artifact.coverage.first { $0.firstName == "Paul" }
        XCTAssertEqual(paul?.status, .printed)
    }

    func testClassAndSchoolFilter() throws {
        let dir = try Fixture.tempDir()
        let artifact = try Fixture.run(.init(uai: Fixture.uai, className: "CE2", all: true), into: dir)
        XCTAssertEqual(artifact.bundles.map(\.uai), [Fixture.uai])
        let files = try Fixture.listFiles(dir.appendingPathComponent("0611234A"))
        XCTAssertTrue(files.contains("responsables-CE2.pdf"), "\(files)")
        XCTAssertFalse(files.contains("responsables-CM1-A.pdf"))
        let other = try Fixture.tempDir()
        XCTAssertEqual(try Fixture.run(.init(uai: UAI("0619999Z")!), into: other).bundles, [])
    }

    func testEmailParsesWithPDFAttachment() throws {
        let dir = try Fixture.tempDir()
        _ = try Fixture.run(into: dir)
        let raw = try Data(contentsOf: dir.appendingPathComponent("0611234A/courriels/MARTIN-Sophie-sophie-martin.eml"))
        let text = String(decoding: raw, as: UTF8.self)
        XCTAssertTrue(raw.allSatisfy { $0 < 128 }, "7-bit message")
        let parts = text.components(separatedBy: "\r\n\r\n")
        let headers = parts[0].replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n")
        func header(_ name: String) -> String? {
            headers.first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
        }
        XCTAssertEqual(header("From"), "ne-pas-repondre@ent.example.fr")
        XCTAssertEqual(header("To"), "Sophie MARTIN <sophie.martin@example.org>")
        XCTAssertEqual(header("Date"), "Mon, 01 Sep 2025 00:00:00 +0000")
        XCTAssertEqual(header("Message-ID"), "<fiche.20250901.0611234A.sophie.martin@ent.example.fr>")
        XCTAssertEqual(header("MIME-Version"), "1.0")
        let subject = try XCTUnwrap(header("Subject"))
        let decoded = subject.components(separatedBy: " ").map { word -> String in
            XCTAssertTrue(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            XCTAssertLessThanOrEqual(word.count, 75)
            return String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!, as: UTF8.self)
        }.joined()
        XCTAssertEqual(decoded, "Votre compte ENT One – École élémentaire Jean-Jaurès")
        let boundary = try XCTUnwrap(header("Content-Type")?.components(separatedBy: "boundary=\"").last?.dropLast())
        let sections = text.components(separatedBy: "--" + boundary)
        XCTAssertEqual(sections.count, 5, "text, the sheet, the documents to sign")
        XCTAssertTrue(sections[1].contains("Content-Type: text/plain; charset=UTF-8"))
        XCTAssertTrue(sections[1].contains("quoted-printable"))
        let body = Self.decodeQuotedPrintable(sections[1].components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n"))
        XCTAssertTrue(body.contains("Bonjour Sophie MARTIN,"), body)
        XCTAssertTrue(body.contains("ÉduConnect"), "EduConnect notice in the body")
        XCTAssertTrue(body.contains("sophie.martin"))
        XCTAssertFalse(body.contains("R4T8-WZ3H"), "the code travels in the attachment only")
        let pdfPart = sections[2].components(separatedBy: "\r\n\r\n")
        XCTAssertTrue(pdfPart[0].contains("Content-Type: application/pdf"))
        XCTAssertTrue(pdfPart[0].contains("filename=\"fiche-connexion-sophie-martin.pdf\""))
        let pdf = try XCTUnwrap(Data(base64Encoded: pdfPart[1], options: .ignoreUnknownCharacters))
        XCTAssertEqual(String(decoding: pdf.prefix(4), as: UTF8.self), "%PDF")
        let pdfText = try Fixture.pdfText(data: pdf)
        XCTAssertTrue(pdfText.contains("R4T8-WZ3H"))
        let docsPart = sections[3].components(separatedBy: "\r\n\r\n")
        XCTAssertTrue(docsPart[0].contains("filename=\"documents-a-signer.pdf\""))
        let docs = try XCTUnwrap(Data(base64Encoded: docsPart[1], options: .ignoreUnknownCharacters))
        XCTAssertEqual(docs, try Data(contentsOf: dir.appendingPathComponent("0611234A/documents-a-signer.pdf")),
                       "the school's documents to sign, attached as they are")
        let docsText = try Fixture.pdfText(data: docs)
        XCTAssertTrue(docsText.contains("Charte d’utilisation"))
        XCTAssertTrue(docsText.contains("Autorisation d’enregistrement de l’image"))
        XCTAssertTrue(sections[4].hasPrefix("--"))
    }

    func testSameInputsGiveIdenticalBytes() throws {
        let a = try Fixture.tempDir(), b = try Fixture.tempDir()
        _ = try Fixture.run(.init(all: true), into: a)
        _ = try Fixture.run(.init(all: true), into: b)
        let files = try Fixture.listFiles(a.appendingPathComponent("0611234A"))
        XCTAssertEqual(files, try Fixture.listFiles(b.appendingPathComponent("0611234A")))
        for f in files {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent("0611234A/" + f)),
                           try Data(contentsOf: b.appendingPathComponent("0611234A/" + f)), f)
        }
        XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent("0611234A.zip")),
                       try Data(contentsOf: b.appendingPathComponent("0611234A.zip")))
    }

    func testZipHoldsTheWholeBundle() throws {
        let dir = try Fixture.tempDir()
        _ = try Fixture.run(into: dir)
        let listing = try Fixture.tool("/usr/bin/unzip", ["-Z1", dir.appendingPathComponent("0611234A.zip").path])
        let names = listing.split(separator: "\n").map(String.init)
        XCTAssertEqual(names, try Fixture.listFiles(dir.appendingPathComponent("0611234A")).map { "0611234A/" + $0 })
        let check = try Fixture.tool("/usr/bin/unzip", ["-tq", dir.appendingPathComponent("0611234A.zip").path])
        XCTAssertTrue(check.contains("No errors"), check)
    }

    func testGuardianInTwoSchoolsGetsASheetInEach() throws {
        let other = UAI("0615555B")!
        var accounts = Fixture.accounts
        var pupil = accounts.accounts.first { $0.id == "A-lea" }!
        pupil.id = "A-tom"; pupil.firstName = "Tom"; pupil.login = "tom.martin"; pupil.uais = [other]; pupil.classes = ["CM2"]
        accounts.accounts.append(pupil)
        let i = accounts.accounts.firstIndex { $0.id == "A-jp" }!
        accounts.accounts[i].children.append("A-tom")
        let dir = try Fixture.tempDir()
        let artifact = try Sheets.run(accounts: accounts, identity: Fixture.identity, rejects: [], config: Fixture.config,
                                      date: Fixture.date, outputDirectory: dir)
        XCTAssertEqual(artifact.bundles.map(\.uai.value), ["0611234A", "0615555B"])
        let second = try Fixture.pdfText(dir.appendingPathComponent("0615555B/responsables-ecole.pdf"))
        XCTAssertTrue(second.contains("jean-pierre.martin"))
        XCTAssertTrue(second.contains("B7NC-5YLE"), "same login and code in both schools")
        XCTAssertTrue(second.contains("Tom MARTIN, classe CM2"))
        XCTAssertFalse(second.contains("Léa MARTIN"), "each school lists its own children")
        XCTAssertTrue(second.contains("École 0615555B"), "no name known: the UAI stands in")
    }

    /// Minimal quoted-printable decoder (soft breaks and =XX).
    static func decodeQuotedPrintable(_ s: String) -> String {
        let bytes = Array(s.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 61, i + 2 < bytes.count, let v = UInt8(String(decoding: bytes[i + 1...i + 2], as: UTF8.self), radix: 16) {
                out.append(v); i += 3
            } else { out.append(bytes[i]); i += 1 }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
