import AlimCore
import Foundation
import XCTest
@testable import AlimIngest
#if canImport(Glibc)
import Glibc
#endif

/// Symbolic links and special files in the inbox: a link leaving the inbox is refused without its
/// target being opened, a link inside is read once, loops are refused, nothing is imported twice.
final class InboxLinkTests: XCTestCase {
    private let pupils = cp1252(crlf([
        OndeHeaders.pupilsQuoted,
        #""BELMAHDI";;"Mathilde";"2016-08-17";"F";"3 rue Haute";"61000";"Alençon";;;;;;"CYCLE II";"CE1";"CE1 A";"Oui";"Non";"Oui";"#,
        #""MARTINEZ";"DURAND";"Eléa";"2015-09-27";"F";;;;;;;;;"CYCLE III";"CM1";"CM1";"Non";"Oui";"Oui";"#,
    ]))

    /// A folder beside the inbox (outside it), removed after the test.
    private func outsideFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("alim-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func link(_ inbox: TestInbox, _ path: String, to destination: String) throws {
        let url = inbox.url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    private func folder(_ inbox: TestInbox, _ path: String) throws {
        try FileManager.default.createDirectory(at: inbox.url.appendingPathComponent(path), withIntermediateDirectories: true)
    }

    private func fifo(at url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(url.path, 0o644), 0)
    }

    /// Runs the stage; if it is still running after 20 s it is stuck opening `fifo`: a writer is
    /// opened to release it and the test fails instead of hanging.
    private func runGuarded(_ inbox: TestInbox, fifo: URL, file: StaticString = #filePath, line: UInt = #line) throws -> IngestArtifact {
        final class Box: @unchecked Sendable {
            var result: Result<IngestArtifact, Error>?
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let url = inbox.url
        DispatchQueue.global().async {
            box.result = Result { try Ingest.run(inbox: url, config: .default) }
            done.signal()
        }
        if done.wait(timeout: .now() + 20) == .timedOut {
            let fd = open(fifo.path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
            _ = done.wait(timeout: .now() + 10)
            XCTFail("the stage opened the FIFO \(fifo.lastPathComponent)", file: file, line: line)
        }
        return try XCTUnwrap(box.result, file: file, line: line).get()
    }

    private func outcome(_ artifact: IngestArtifact, _ file: String) -> FileOutcome? {
        artifact.files.first { $0.file == file }
    }

    // MARK: Links leaving the inbox

    func testLinkLeavingTheInboxIsRefusedWithoutOpeningItsTarget() throws {
        let inbox = try TestInbox()
        let outside = try outsideFolder()
        let pipe = outside.appendingPathComponent("tube")
        try fifo(at: pipe)
        try Data(pupils).write(to: outside.appendingPathComponent("eleves.csv"))
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("ecole"), withIntermediateDirectories: true)
        try Data(pupils).write(to: outside.appendingPathComponent("ecole/eleves.csv"))

        try link(inbox, "0611234A/eleves.csv", to: pipe.path)
        try link(inbox, "0611235B/eleves.csv", to: outside.appendingPathComponent("eleves.csv").path)
        try link(inbox, "0611236C/eleves.csv", to: "../../\(outside.lastPathComponent)/eleves.csv")
        try link(inbox, "0611237D", to: outside.appendingPathComponent("ecole").path)
        try inbox.write("0611238E/eleves.csv", pupils)

        let artifact = try runGuarded(inbox, fifo: pipe)
        XCTAssertEqual(artifact.records.count, 2)
        XCTAssertTrue(artifact.records.allSatisfy { $0.uai == UAI("0611238E") }, "nothing read from outside the inbox")
        let links = ["0611234A/eleves.csv", "0611235B/eleves.csv", "0611236C/eleves.csv", "0611237D"]
        for path in links {
            let outcome = try XCTUnwrap(outcome(artifact, path), path)
            XCTAssertEqual(outcome.status, .refused, path)
            XCTAssertEqual(outcome.uai, SchoolFolder.of(relativePath: path)?.uai, path)
            XCTAssertTrue(outcome.message?.lowercased().contains("lien symbolique") ?? false, path)
            XCTAssertTrue(outcome.message?.contains("hors de la boîte de dépôt") ?? false, path)
        }
        XCTAssertEqual(artifact.rejects.map(\.file), links)
        XCTAssertTrue(artifact.rejects.allSatisfy { $0.reason.contains("n'a pas ouvert sa cible") })
        XCTAssertEqual(outcome(artifact, "0611238E/eleves.csv")?.status, .imported)
    }

    func testXMLReachedThroughALinkLeavingTheInboxIsRefused() throws {
        let inbox = try TestInbox()
        let outside = try outsideFolder()
        let latin = try XCTUnwrap(SIECLEFixtures.twoPupils.data(using: .isoLatin1))
        try latin.write(to: outside.appendingPathComponent("ElevesSansAdresses.xml"))
        try link(inbox, "colleges/ElevesSansAdresses.xml", to: outside.appendingPathComponent("ElevesSansAdresses.xml").path)
        try inbox.write("colleges/reel/ElevesSansAdresses.xml", [UInt8](latin))
        try link(inbox, "colleges/copie.xml", to: "reel/ElevesSansAdresses.xml")

        let artifact = try inbox.run()
        XCTAssertEqual(outcome(artifact, "colleges/ElevesSansAdresses.xml")?.status, .refused)
        XCTAssertEqual(outcome(artifact, "colleges/copie.xml")?.status, .skipped)
        XCTAssertEqual(outcome(artifact, "colleges/reel/ElevesSansAdresses.xml")?.status, .imported)
        XCTAssertEqual(Set(artifact.records.map(\.ref.file)), ["colleges/reel/ElevesSansAdresses.xml"])
        XCTAssertEqual(artifact.records.count, 2)
        XCTAssertEqual(artifact.rejects.map(\.file), ["colleges/ElevesSansAdresses.xml"])
    }

    // MARK: Links inside the inbox

    func testLinkToAFileOfTheInboxIsReadOnce() throws {
        let inbox = try TestInbox()
        let real = try inbox.write("0611234A/CSVExtraction-eleves.csv", pupils)
        try link(inbox, "0611234A/copie.csv", to: "CSVExtraction-eleves.csv")
        try link(inbox, "0611234A/absolu.csv", to: real.path)

        let artifact = try inbox.run()
        XCTAssertEqual(artifact.records.count, 2, "the target is not imported twice")
        XCTAssertEqual(Set(artifact.records.map(\.ref.file)), ["0611234A/CSVExtraction-eleves.csv"])
        XCTAssertEqual(outcome(artifact, "0611234A/CSVExtraction-eleves.csv")?.status, .imported)
        for path in ["0611234A/absolu.csv", "0611234A/copie.csv"] {
            XCTAssertEqual(outcome(artifact, path)?.status, .skipped, path)
            XCTAssertTrue(outcome(artifact, path)?.message?.contains("« 0611234A/CSVExtraction-eleves.csv », déjà lu") ?? false, path)
        }
        XCTAssertEqual(artifact.warnings.map(\.file), ["0611234A/absolu.csv", "0611234A/copie.csv"])
        XCTAssertTrue(artifact.warnings.allSatisfy { $0.reason.hasPrefix("Lien symbolique ignoré") && $0.uai == UAI("0611234A") })
        XCTAssertTrue(artifact.rejects.isEmpty)
    }

    func testLinkToAHiddenFileIsReadAsItsTargetOnce() throws {
        let inbox = try TestInbox()
        try inbox.write(".depot/eleves.csv", pupils)
        try link(inbox, "0611234A/eleves.csv", to: "../.depot/eleves.csv")
        try link(inbox, "0611235B/eleves.csv", to: "../.depot/eleves.csv")

        let artifact = try inbox.run()
        XCTAssertEqual(artifact.records.count, 2)
        XCTAssertEqual(artifact.records.map(\.ref.file), ["0611234A/eleves.csv", "0611234A/eleves.csv"])
        XCTAssertEqual(artifact.records.map(\.firstName), ["Mathilde", "Eléa"])
        XCTAssertTrue(artifact.records.allSatisfy { $0.uai == UAI("0611234A") }, "the school is the link's folder")
        XCTAssertEqual(outcome(artifact, "0611234A/eleves.csv")?.status, .imported)
        XCTAssertEqual(outcome(artifact, "0611235B/eleves.csv")?.status, .skipped)
        XCTAssertEqual(artifact.warnings.map(\.file), ["0611235B/eleves.csv"])
    }

    func testLinkToAFolderIsFollowedAtMostOnce() throws {
        let inbox = try TestInbox()
        try inbox.write(".partage/ecole/eleves.csv", pupils)
        try link(inbox, "0611234A", to: ".partage/ecole")
        try link(inbox, "alias", to: "0611234A")
        try inbox.write("0611235B/eleves.csv", pupils)
        try link(inbox, "copie-0611235B", to: "0611235B")

        let listing = try InboxWalker.list(inbox.url)
        XCTAssertEqual(listing.files.map(\.relativePath), ["0611234A/eleves.csv", "0611235B/eleves.csv"])
        XCTAssertEqual(listing.duplicates.map(\.path), ["alias", "copie-0611235B"])
        XCTAssertTrue(listing.refused.isEmpty)
        XCTAssertFalse(listing.files[0].url.path.contains("0611234A"), "read through the resolved path, never the link")

        let artifact = try inbox.run()
        XCTAssertEqual(artifact.records.count, 4)
        XCTAssertEqual(artifact.records.filter { $0.uai == UAI("0611234A") }.count, 2)
        XCTAssertEqual(outcome(artifact, "alias")?.status, .skipped)
        XCTAssertTrue(outcome(artifact, "copie-0611235B")?.message?.contains("au dossier « 0611235B »") ?? false)
        XCTAssertTrue(artifact.rejects.isEmpty)
    }

    // MARK: Loops, broken links, special files

    func testLoopsAndBrokenLinksAreRefusedAndNeverFollowed() throws {
        let inbox = try TestInbox()
        try inbox.write("0611234A/eleves.csv", pupils)
        try link(inbox, "0611234A/parent", to: "..")
        try link(inbox, "0611234A/soi", to: ".")
        try folder(inbox, "a/b")
        try link(inbox, "a/b/haut", to: "../../a")
        try link(inbox, "x", to: "y")
        try link(inbox, "y", to: "x")
        // A cycle through two hidden folders, entered by a third link.
        try folder(inbox, ".p")
        try folder(inbox, ".q")
        try link(inbox, ".p/vers-q", to: "../.q")
        try link(inbox, ".q/vers-p", to: "../.p")
        try link(inbox, "entree", to: ".p")
        try link(inbox, "casse", to: "nulle-part")

        let listing = try InboxWalker.list(inbox.url)
        XCTAssertEqual(listing.files.map(\.relativePath), ["0611234A/eleves.csv"])
        XCTAssertEqual(listing.refused.map(\.path),
                       ["0611234A/parent", "0611234A/soi", "a/b/haut", "casse", "entree/vers-q/vers-p", "x", "y"])

        let artifact = try inbox.run()
        XCTAssertEqual(artifact.records.count, 2)
        for entry in listing.refused {
            let outcome = try XCTUnwrap(outcome(artifact, entry.path), entry.path)
            XCTAssertEqual(outcome.status, .refused, entry.path)
            let message = outcome.message ?? ""
            XCTAssertTrue(message.hasPrefix("Lien symbolique refusé"), entry.path)
            XCTAssertTrue(message.contains(entry.path == "casse" ? "lien cassé" : "boucle"), "\(entry.path): \(message)")
        }
        XCTAssertTrue(outcome(artifact, "0611234A/parent")?.message?.contains("la boîte de dépôt elle-même") ?? false)
        XCTAssertTrue(outcome(artifact, "0611234A/soi")?.message?.contains("le dossier « 0611234A »") ?? false)
        XCTAssertEqual(artifact.rejects.map(\.file), listing.refused.map(\.path))
    }

    func testSpecialFilesAreRefusedUnopened() throws {
        let inbox = try TestInbox()
        let pipe = inbox.url.appendingPathComponent("0611234A/eleves.csv")
        try fifo(at: pipe)
        try link(inbox, "0611234A/lien.csv", to: "eleves.csv")
        let artifact = try runGuarded(inbox, fifo: pipe)
        XCTAssertEqual(artifact.files.map(\.file), ["0611234A/eleves.csv", "0611234A/lien.csv"])
        XCTAssertEqual(artifact.files.map(\.status), [.refused, .refused])
        XCTAssertTrue(outcome(artifact, "0611234A/eleves.csv")?.message?.contains("pas un fichier ordinaire") ?? false)
        XCTAssertTrue(outcome(artifact, "0611234A/lien.csv")?.message?.contains("fichier spécial") ?? false)
        XCTAssertEqual(artifact.rejects.count, 2)
    }
}
