import AlimCore
import AlimTestSupport
import Foundation
@testable import AlimPipeline
import XCTest

/// Paths and readers shared by the pipeline tests.
enum TestSupport {
    /// The repository root (two levels above this file's folder).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repoRoot.appendingPathComponent("Fixtures")
    static let inbox = fixtures.appendingPathComponent("inbox")
    static let samples = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/samples")
    static let date = RunDate("2026-09-01")!

    /// An `alim.toml` whose only key is `accounts.credentials = "alim"`: Alim issues the codes, as before
    /// the ENT's credentials were read back. The tests of Alim-issued sheets and codes run with it; the
    /// default (`"ent"`) is exercised by the ENT round-trip tests.
    static let alimCredentials: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("alim-credentials-\(UUID().uuidString).toml")
        try! "[accounts]\ncredentials = \"alim\"\n".write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }()

    /// A fresh temporary folder.
    static func tempDir(_ name: String = "alim") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh workdir holding a fixed secret key, so two workdirs derive the same activation codes and
    /// their outputs can be compared byte for byte.
    static func workdir(_ name: String) throws -> URL {
        let url = try tempDir(name).appendingPathComponent("work")
        try SecureFile.write(Data((0..<32).map { UInt8($0 * 7 + 3) }), to: url.appendingPathComponent("secret.key"))
        return url
    }

    /// Parses one of our CSV outputs (BOM, `;`, RFC 4180) into header + rows.
    static func readCSV(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let data = try Data(contentsOf: url)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "\(url.lastPathComponent) must start with a BOM")
        return ContractCSV.parse(data)
    }

    /// Reads `Fixtures/expected/truth.csv`: (file, ref) → true person ("" for records that must be rejected).
    static func truth() throws -> [RecordRef: String] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("expected/truth.csv"), encoding: .utf8)
        var map: [RecordRef: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            map[RecordRef(file: parts[0], ref: parts[1])] = parts[2]
        }
        return map
    }

    static func facts() throws -> [String: Any] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("expected/facts.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Every regular file under `folder`, relative path → bytes.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in e {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let rel = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            out[rel] = try Data(contentsOf: url)
        }
        return out
    }

    static func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! NSNumber).intValue & 0o777
    }
}
