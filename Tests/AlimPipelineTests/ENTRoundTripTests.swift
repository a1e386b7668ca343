import AlimCore
import AlimTestSupport
import Foundation
@testable import AlimPipeline
import XCTest

/// The round trip with One under the default `credentials = "ent"`: night 1 on the sample inbox
/// makes accounts that wait for the ENT; scripts/play_ent.py plays the ENT for two of the three
/// schools (logins `prenom.nom` with a number when taken, 8-letter codes, two activated accounts);
/// night 2 prints every printable account with the ENT's login and code, the other school waits,
/// and no code reaches the logs, the report, the state or any artifact after ingest.json.
final class ENTRoundTripTests: XCTestCase {
    private let imported = ["0610001A", "0610003C"]

    private struct ENTAccount: Decodable { var login: String; var code: String; var activated: Bool }

    private func python(_ args: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 absent") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [TestSupport.repoRoot.appendingPathComponent("scripts/play_ent.py").path] + args
        p.standardError = Pipe()
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "play_ent.py failed")
    }

    private func alim(_ args: [String]) throws -> (status: Int32, logs: String) {
        let binary = TestSupport.repoRoot.appendingPathComponent(".build/debug/alim")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("alim not built") }
        let r = try Subprocess.run(binary, args)
        return (r.status, r.err + r.out)
    }

    private func pdftotext(_ url: URL) throws -> String {
        guard let text = try Subprocess.pdfText(url) else { throw XCTSkip("pdftotext absent") }
        return text
    }

    func testTheSheetsOfTheSecondNightCarryTheENTsCredentials() throws {
        let root = try TestSupport.tempDir("ent-roundtrip")
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.copyItem(at: TestSupport.inbox, to: inbox)
        let work = try TestSupport.workdir("ent-roundtrip-a")

        // Night 1: nothing printable, every One account with a sheet waits for the ENT.
        let night1 = try alim(["run", "--inbox", inbox.path, "--workdir", work.path, "--date", "2026-09-01"])
        XCTAssertEqual(night1.status, 0, night1.logs)
        let first = try ArtifactCoding.read(AccountsArtifact.self, from: work.appendingPathComponent("runs/latest/accounts.json"))
        XCTAssertTrue(first.accounts.allSatisfy { $0.credential == nil })
        let waiting = first.accounts.filter { $0.sheetReason == "en attente de création dans l'ENT" }
        XCTAssertGreaterThan(waiting.count, 20)

        // The ENT imports two schools and exports its logins and codes into the inbox.
        let state = root.appendingPathComponent("ent-state.json")
        try python(["--accounts", work.appendingPathComponent("runs/latest/accounts.csv").path,
                    "--out", inbox.appendingPathComponent("ent").path, "--schools", imported.joined(separator: ","),
                    "--state", state.path, "--activate", "2"])
        let entAccounts = try JSONDecoder().decode([String: ENTAccount].self, from: Data(contentsOf: state))
        XCTAssertEqual(try TestSupport.mode(inbox.appendingPathComponent("ent/activation_de_comptes.csv")), 0o600)

        // Night 2, verbose logs captured.
        let night2 = try alim(["run", "--inbox", inbox.path, "--workdir", work.path, "--date", "2026-09-02", "--verbose"])
        XCTAssertEqual(night2.status, 0, night2.logs)
        let folder = work.appendingPathComponent("runs/latest")
        let accounts = try ArtifactCoding.read(AccountsArtifact.self, from: folder.appendingPathComponent("accounts.json"))
        XCTAssertTrue(accounts.warnings.isEmpty, "\(accounts.warnings)")
        var texts: [String: String] = [:]
        for uai in ["0610001A", "0610002B", "0610003C"] {
            let school = folder.appendingPathComponent("sheets/\(uai)")
            var all = ""
            for name in try FileManager.default.contentsOfDirectory(atPath: school.path) where name.hasSuffix("-ecole.pdf") {
                all += try pdftotext(school.appendingPathComponent(name))
            }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: school.appendingPathComponent("courriels").path)) ?? [] {
                all += try String(contentsOf: school.appendingPathComponent("courriels/\(name)"), encoding: .utf8)
            }
            texts[uai] = all
        }

        var printable = 0, activated = 0, stillWaiting = 0
        for a in accounts.accounts where a.platform == .one {
            let known = entAccounts["ALIM-\(a.id)"]
            XCTAssertEqual(a.entLogin, known?.login, "\(a.id): the ENT's login is recorded")
            guard first.accounts.first(where: { $0.id == a.id })?.sheetReason == "en attente de création dans l'ENT" else { continue }
            guard let known else {
                XCTAssertEqual(a.sheetReason, "en attente de création dans l'ENT", a.id)
                XCTAssertTrue(a.uais.allSatisfy { !imported.contains($0.value) })
                stillWaiting += 1
                continue
            }
            if known.activated {
                XCTAssertFalse(a.sheet)
                XCTAssertEqual(a.sheetReason, "compte déjà activé : un code de renouvellement se demande dans l'ENT")
                activated += 1
                continue
            }
            // Printable: the ENT's login and code, issued tonight, read back from the PDFs.
            XCTAssertTrue(a.sheet, a.id)
            XCTAssertEqual(a.credential, Credential(code: known.code, expires: "", issuedTonight: true, login: known.login))
            let text = a.uais.map { texts[$0.value] ?? "" }.joined()
            XCTAssertTrue(text.contains(known.login), "\(a.id): ENT login \(known.login) not on its sheet")
            if a.email == nil { XCTAssertTrue(text.contains(known.code), "\(a.id): ENT code not on its sheet") }
            printable += 1
        }
        XCTAssertGreaterThan(printable, 15)
        XCTAssertEqual(activated, entAccounts.values.filter(\.activated).count)
        XCTAssertGreaterThan(stillWaiting, 5, "printable and waiting accounts side by side")

        // accounts.csv shows the ENT's login once known, Alim's otherwise.
        let csv = try TestSupport.readCSV(folder.appendingPathComponent("accounts.csv"))
        let loginColumn = try XCTUnwrap(csv.header.firstIndex(of: "login"))
        for row in csv.rows {
            let a = try XCTUnwrap(accounts.accounts.first { $0.id == row[0] })
            XCTAssertEqual(row[loginColumn], a.entLogin ?? a.login)
        }
        // Coverage names the reason of every guardian without a sheet, waiting ones included.
        let coverage = try TestSupport.readCSV(folder.appendingPathComponent("sheets/0610002B/coverage.csv"))
        XCTAssertTrue(coverage.rows.contains { $0[4] == "sans fiche" && $0[5] == "en attente de création dans l'ENT" })

        // The operator's view: per school in summary.json (and the report's section), where the One
        // accounts stand with the ENT: the imported schools have none waiting, the other one has.
        let summary = try ArtifactCoding.read(RunSummary.self, from: folder.appendingPathComponent("summary.json"))
        let ent = Dictionary(uniqueKeysWithValues: summary.entAccounts.map { ($0.uai.value, $0) })
        XCTAssertEqual(Set(ent.keys), ["0610001A", "0610002B", "0610003C", "0610004D", "0610005E"], "primary schools only")
        for uai in imported {
            XCTAssertEqual(ent[uai]?.waiting, 0, uai)
            XCTAssertGreaterThan(ent[uai]?.printable ?? 0, 0, uai)
        }
        XCTAssertGreaterThan(ent["0610002B"]?.waiting ?? 0, 0)
        XCTAssertEqual(summary.entAccounts.reduce(0) { $0 + $1.printable },
                       accounts.accounts.filter { $0.credential?.issuedTonight == true }.reduce(0) { $0 + Set($1.uais).count })
        XCTAssertGreaterThanOrEqual(summary.entAccounts.reduce(0) { $0 + $1.activated }, activated)
        let page = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<h2>Comptes dans l&#39;ENT</h2>"))

        // Secrets: no ENT code in the logs, the report, summary, warnings, later artifacts or the state.
        let codes = entAccounts.values.map(\.code)
        var places: [String: Data] = ["logs": Data(night2.logs.utf8)]
        for name in ["report.html", "summary.json", "warnings.csv", "rejects.csv", "normalized.json", "identity.json",
                     "accounts.csv", "lineage.csv", "directory.csv"] {
            places[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: work.path) where name.hasPrefix("state.sqlite") {
            places[name] = try Data(contentsOf: work.appendingPathComponent(name))
        }
        for (place, bytes) in places {
            for code in codes { XCTAssertNil(bytes.range(of: Data(code.utf8)), "an ENT code is in \(place)") }
        }
        XCTAssertNotNil(try Data(contentsOf: folder.appendingPathComponent("ingest.json")).range(of: Data(codes[0].utf8)),
                        "the ENT's lines are in ingest.json")
        XCTAssertEqual(try TestSupport.mode(folder.appendingPathComponent("ingest.json")), 0o600)

        // Night 3, the same export: the sheets already went out, none is printed again by default.
        let night3 = try alim(["run", "--inbox", inbox.path, "--workdir", work.path, "--date", "2026-09-03"])
        XCTAssertEqual(night3.status, 0, night3.logs)
        let third = try ArtifactCoding.read(AccountsArtifact.self, from: folder.appendingPathComponent("accounts.json"))
        XCTAssertFalse(third.accounts.contains { $0.credential?.issuedTonight == true })
        let summary3 = try ArtifactCoding.read(RunSummary.self, from: folder.appendingPathComponent("summary.json"))
        XCTAssertEqual(summary3.entAccounts.reduce(0) { $0 + $1.printable }, 0, "night 3: the sheets went out")
        XCTAssertEqual(summary3.entAccounts.reduce(0) { $0 + $1.handed }, summary.entAccounts.reduce(0) { $0 + $1.printable })
        XCTAssertEqual(third.accounts.compactMap(\.credential?.code).sorted(), accounts.accounts.compactMap(\.credential?.code).sorted())

        // Same inputs and dates in another workdir: byte-identical outputs.
        let inbox1 = root.appendingPathComponent("inbox-night1")
        try FileManager.default.copyItem(at: TestSupport.inbox, to: inbox1)
        let other = try TestSupport.workdir("ent-roundtrip-b")
        _ = try Pipeline.run(RunOptions(inbox: inbox1, workdir: other, configFile: nil, date: RunDate("2026-09-01")!))
        let again = try Pipeline.run(RunOptions(inbox: inbox, workdir: other, configFile: nil, date: RunDate("2026-09-02")!))
        let a = try TestSupport.tree(work.appendingPathComponent("runs/2026-09-02-001")), b = try TestSupport.tree(again.runFolder)
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        for (name, data) in a where !["run.json", "summary.json", "report.html"].contains(name) {
            XCTAssertEqual(data, b[name], "\(name) differs between identical runs")
        }
    }

    func testAnUnknownCredentialsValueIsAFrenchConfigurationError() throws {
        let conf = try TestSupport.tempDir("conf").appendingPathComponent("alim.toml")
        try "[accounts]\ncredentials = \"ecole\"\n".write(to: conf, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try ConfigLoader.load(conf.path)) { error in
            XCTAssertEqual((error as? PipelineError)?.exitStatus, .usage)
            let text = String(describing: error)
            XCTAssertTrue(text.contains("« ecole » inconnue pour accounts.credentials"), text)
            XCTAssertTrue(text.contains("« ent »") && text.contains("« alim »"), text)
        }
        try "[accounts]\ncredentials = \"alim\"\n".write(to: conf, atomically: false, encoding: .utf8)
        XCTAssertEqual(try ConfigLoader.load(conf.path).accounts.credentials, .alim)
        XCTAssertEqual(AlimConfig.default.accounts.credentials, .ent)
    }
}
