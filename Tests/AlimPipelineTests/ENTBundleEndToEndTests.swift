import AlimCore
import Foundation
@testable import AlimPipeline
import XCTest
import ZIPFoundation

/// The import bundle for One over the sample inbox: `alim run` writes `ent/` with one zip per
/// primary school and none for a collège, each holding that school's Student and Relative files.
final class ENTBundleEndToEndTests: XCTestCase {
    func testOneBundlePerPrimarySchoolAndNoneForTheCollege() throws {
        let workdir = try TestSupport.workdir("ent-bundle")
        let result = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: workdir, configFile: nil,
                                                 date: TestSupport.date))
        XCTAssertEqual(result.exitStatus, .success)
        let folder = result.runFolder.appendingPathComponent("ent")
        XCTAssertEqual(try TestSupport.mode(folder), 0o700)
        let identity = try RunFolderArtifacts.identity(in: result.runFolder)
        let accounts = try ArtifactCoding.read(AccountsArtifact.self, from: result.runFolder.appendingPathComponent("accounts.json"))
        let primary = Set(identity.records.filter { $0.kind == .pupil && $0.stage == .primary }.compactMap(\.uai))
        let colleges = Set(identity.records.filter { $0.stage == .college }.compactMap(\.uai))
        let facts = try TestSupport.facts()
        let listed: [String] = facts["schools"] as? [String] ?? []
        let schools: Set<UAI> = Set(listed.compactMap { UAI($0) })
        XCTAssertEqual(primary, schools.subtracting(colleges), "every primary school of the sample inbox")
        XCTAssertGreaterThanOrEqual(primary.count, 3)
        XCTAssertFalse(colleges.isEmpty, "the sample inbox has a collège")

        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let pattern = try NSRegularExpression(pattern: "^Alim_20260901_([0-9]{7}[A-Z])_([A-Za-z0-9-]+)\\.zip$")
        var found: [UAI] = []
        for name in names {
            XCTAssertEqual(try TestSupport.mode(folder.appendingPathComponent(name)), 0o600, name)
            let match = try XCTUnwrap(pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)), name)
            let uai = try XCTUnwrap(UAI(String(name[Range(match.range(at: 1), in: name)!])))
            XCTAssertFalse(colleges.contains(uai), "no bundle for the collège \(uai)")
            found.append(uai)

            let files = try entries(folder.appendingPathComponent(name))
            XCTAssertEqual(files.keys.sorted(), ["\(uai.value)_Eleves_20260901.csv", "\(uai.value)_Parents_20260901.csv"])
            let pupils = try rows(files["\(uai.value)_Eleves_20260901.csv"]!)
            let guardians = try rows(files["\(uai.value)_Parents_20260901.csv"]!)
            let live = accounts.accounts.filter { $0.platform == .one && $0.profile == .pupil && $0.uais.contains(uai) && $0.change != .left }
            XCTAssertEqual(Set(pupils.map { $0[0] }), Set(live.map { "ALIM-" + $0.id }), "\(uai): every live One pupil, and only them")
            let ids = Set(pupils.map { $0[0] })
            XCTAssertFalse(guardians.isEmpty, "\(uai): the school's guardians")
            for row in guardians {
                for child in row.dropFirst(6) where !child.isEmpty {
                    XCTAssertTrue(ids.contains(child), "\(uai): \(child) is not a pupil of this bundle")
                }
            }
        }
        XCTAssertEqual(Set(found), primary)
        XCTAssertEqual(found.count, primary.count, "one bundle per primary school")
        // The folder label reaches the zip name, folded.
        XCTAssertTrue(names.contains { $0.hasPrefix("Alim_20260901_0610001A_") && $0.lowercased().contains("jules-ferry") }, "\(names)")
    }

    /// `accounts.ent_tenant_prefix` of alim.toml prefixes every externalId, children's included.
    func testTenantPrefixComesFromTheConfiguration() throws {
        let conf = try TestSupport.tempDir("ent-conf").appendingPathComponent("alim.toml")
        try "[accounts]\nent_tenant_prefix = \"ALIM16-\"\n".write(to: conf, atomically: false, encoding: .utf8)
        XCTAssertEqual(try ConfigLoader.load(conf.path).accounts.entTenantPrefix, "ALIM16-")
        let result = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: try TestSupport.workdir("ent-prefix"),
                                                 configFile: conf.path, date: TestSupport.date))
        let folder = result.runFolder.appendingPathComponent("ent")
        let zip = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first)
        let files = try entries(folder.appendingPathComponent(zip))
        let parents = try rows(try XCTUnwrap(files.first { $0.key.contains("_Parents_") }?.value))
        XCTAssertFalse(parents.isEmpty)
        for row in parents {
            for id in [row[0]] + row.dropFirst(6).filter({ !$0.isEmpty }) { XCTAssertTrue(id.hasPrefix("ALIM16-O"), id) }
        }
    }

    private func entries(_ url: URL) throws -> [String: Data] {
        let archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
        var out: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out[entry.path] = data
        }
        return out
    }

    /// The data rows of one CSV of the bundle, through the shared reader (BOM checked there).
    private func rows(_ data: Data) throws -> [[String]] {
        let url = try TestSupport.tempDir("ent-csv").appendingPathComponent("file.csv")
        try data.write(to: url)
        return try TestSupport.readCSV(url).rows
    }
}
