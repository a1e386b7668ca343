import Foundation
import XCTest
@testable import AlimCore

/// Private, atomic files: 0600 files in 0700 folders, written to a temporary name then renamed.
final class SecureFileTests: XCTestCase {
    private func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("alim-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! NSNumber).intValue & 0o777
    }

    private func leftovers(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
    }

    func testAWriteIsPrivateInAPrivateFolderAndLeavesNoTemporaryFile() throws {
        let folder = try tempDir().appendingPathComponent("runs/2026-09-01-001")
        let file = folder.appendingPathComponent("accounts.csv")
        try SecureFile.write(Data("a;b\r\n".utf8), to: file)
        XCTAssertEqual(try Data(contentsOf: file), Data("a;b\r\n".utf8))
        XCTAssertEqual(try mode(file), 0o600)
        XCTAssertEqual(try mode(folder), 0o700)
        XCTAssertEqual(try leftovers(folder), [])
    }

    func testRewritingReplacesTheWholeFileAndTightensItsMode() throws {
        let folder = try tempDir()
        let file = folder.appendingPathComponent("summary.json")
        try Data(String(repeating: "x", count: 1000).utf8).write(to: file)
        chmod(file.path, 0o644)
        chmod(folder.path, 0o755)
        try SecureFile.write("court", to: file)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "court")
        XCTAssertEqual(try mode(file), 0o600)
        XCTAssertEqual(try mode(folder), 0o700, "an existing folder is tightened too")
        try SecureFile.write(Data("sans flush".utf8), to: file, sync: false)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "sans flush")
        XCTAssertEqual(try leftovers(folder), [])
        XCTAssertNoThrow(try SecureFile.syncFileSystem(of: folder))
    }

    func testAFailedWriteLeavesNeitherTheTemporaryFileNorAChangedTarget() throws {
        let folder = try tempDir()
        // The target is a folder that is not empty: the final rename fails.
        let target = folder.appendingPathComponent("ingest.json")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("garde".utf8).write(to: target.appendingPathComponent("inside"))
        XCTAssertThrowsError(try SecureFile.write(Data("{}".utf8), to: target)) { error in
            guard case let .cannotWrite(path, _)? = error as? SecureFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, target.path)
            XCTAssertTrue(String(describing: error).hasPrefix("Impossible d'écrire \(target.path)"))
        }
        XCTAssertEqual(try leftovers(folder), [])
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("inside"), encoding: .utf8), "garde")
    }

    func testMakeDirectoryCreatesMissingParentsPrivately() throws {
        let base = try tempDir()
        let deep = base.appendingPathComponent("a/b/c")
        try SecureFile.makeDirectory(deep)
        XCTAssertEqual(try mode(deep), 0o700)
        try SecureFile.makeDirectory(deep)   // again: no error
        XCTAssertThrowsError(try SecureFile.syncFileSystem(of: base.appendingPathComponent("missing")))
    }
}
