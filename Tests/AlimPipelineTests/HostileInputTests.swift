import AlimCore
import Foundation
@testable import AlimPipeline
import XCTest

/// The hostile-input corpus (scripts/make_bad_inputs.py): each bad file sits beside a good school; the
/// bad file is refused or its records rejected with a French reason naming it, the run never crashes,
/// the exit code is the documented one, and the good school is imported completely.
final class HostileInputTests: XCTestCase {
    struct Case: Decodable {
        var file: String
        var expect: String
    }

    private func corpus() throws -> (URL, [String: Case]) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 absent") }
        let out = try TestSupport.tempDir("corpus").appendingPathComponent("cases")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [TestSupport.repoRoot.appendingPathComponent("scripts/make_bad_inputs.py").path, out.path]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let cases = try JSONDecoder().decode([String: Case].self, from: Data(contentsOf: out.appendingPathComponent("cases.json")))
        return (out, cases)
    }

    func testEveryBadFileIsHandledAndTheGoodSchoolImported() throws {
        let (root, cases) = try corpus()
        let truth = try TestSupport.truth().filter { $0.key.file.hasPrefix("0610003C/") }
        XCTAssertFalse(truth.isEmpty)
        for (name, c) in cases.sorted(by: { $0.key < $1.key }) {
            let folder = root.appendingPathComponent(name)
            let conf = folder.appendingPathComponent("alim.toml")
            let work = try TestSupport.workdir("hostile-\(name)")
            let result: RunResult
            do {
                result = try Pipeline.run(RunOptions(inbox: folder.appendingPathComponent("inbox"), workdir: work,
                                                     configFile: FileManager.default.fileExists(atPath: conf.path) ? conf.path : nil,
                                                     date: TestSupport.date))
            } catch {
                XCTFail("\(name): the run failed: \(error)")
                continue
            }
            let rejects = try TestSupport.readCSV(result.runFolder.appendingPathComponent("rejects.csv")).rows
            let lineage = try TestSupport.readCSV(result.runFolder.appendingPathComponent("lineage.csv")).rows
            let named = rejects.filter { $0[0] == c.file || $0[0].hasPrefix(c.file + "!") }
            let imported = lineage.contains { $0[0] == c.file }
            switch c.expect {
            case "refused":
                XCTAssertEqual(result.exitStatus, .inputUnusable, name)
                XCTAssertFalse(named.isEmpty, "\(name): no reject names \(c.file)")
                XCTAssertFalse(imported, "\(name): records of a refused file were imported")
            case "rejects":
                let warned = try TestSupport.readCSV(result.runFolder.appendingPathComponent("warnings.csv")).rows
                    .filter { $0[0] == c.file }
                XCTAssertFalse(named.isEmpty && warned.isEmpty, "\(name): neither a reject nor a warning names \(c.file)")
            case "imported":
                XCTAssertEqual(result.exitStatus, .success, name)
                XCTAssertTrue(imported, "\(name): the records must be in lineage.csv")
            case "refused-or-imported":
                XCTAssertTrue(imported || (result.exitStatus == .inputUnusable && !named.isEmpty), name)
            case "refused-or-rejects":
                XCTAssertFalse(named.isEmpty, "\(name): no reject names \(c.file)")
            default:
                XCTFail("unknown expectation \(c.expect)")
            }
            for r in named {
                XCTAssertFalse(r[3].isEmpty, "\(name): empty reason")
                XCTAssertFalse(r[3].contains("Error") || r[3].contains("error:"), "\(name): reason not in French: \(r[3])")
            }
            let seen = Set(lineage.map { RecordRef(file: $0[0], ref: $0[1]) })
            for (ref, person) in truth where !person.isEmpty {
                XCTAssertTrue(seen.contains(ref), "\(name): good school's \(ref) missing")
            }
        }
    }

    /// Names that a spreadsheet would evaluate reach every CSV as text.
    func testFormulaLikeNamesAreNeutralisedInEveryCSV() throws {
        let inbox = try TestSupport.tempDir("formula")
        let school = inbox.appendingPathComponent("0610005E")
        try FileManager.default.createDirectory(at: school, withIntermediateDirectories: true)
        let pupils = """
        "Nom Elève";"Nom d'usage Elève";"Prénom Elève";"Date naissance";"Sexe";" Cycle";"Niveau";"Classe"\r
        "=HYPERLINK(""http://x.example/"";""clic"")";;"+SUM(1;2)";"2017-03-04";"M";"CYCLE III";"CM1";"CM1"\r
        "@MARTIN";;"-Léa";"2016-05-06";"F";"CYCLE III";"CM2";"CM2"
        """
        try Data(pupils.utf8).write(to: school.appendingPathComponent("eleves.csv"))
        let work = try TestSupport.workdir("formula")
        let result = try Pipeline.run(RunOptions(inbox: inbox, workdir: work, configFile: nil, date: TestSupport.date))
        let accounts = try TestSupport.readCSV(result.runFolder.appendingPathComponent("accounts.csv")).rows
        XCTAssertEqual(accounts.count, 2)
        for row in accounts {
            for cell in row {
                XCTAssertFalse(["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? ""), "cell \(cell) not neutralised")
            }
        }
        XCTAssertTrue(accounts.contains { $0[5] == "'=HYPERLINK(\"http://x.example/\";\"clic\")" })
    }
}
