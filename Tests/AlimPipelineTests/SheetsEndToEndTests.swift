import AlimCore
import AlimTestSupport
import Foundation
@testable import AlimPipeline
import XCTest

/// What directors hold: on the sample inbox every legal guardian is in coverage.csv with a sheet or a
/// reason, every sheet's login and code read back from the PDFs, and the DOMAIN.md defect scenario gives
/// a One sheet with the EduConnect notice.
final class SheetsEndToEndTests: XCTestCase {
    private func pdftotext(_ url: URL) throws -> String {
        guard let text = try Subprocess.pdfText(url, layout: true) else { throw XCTSkip("pdftotext absent") }
        return text
    }

    func testSheetsCoverageAndTheEduConnectNotice() throws {
        let work = try TestSupport.workdir("sheets-e2e")
        // Alim's own codes (credentials = "alim"); the ENT's are checked in ENTRoundTripTests.
        let run = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: work, configFile: TestSupport.alimCredentials,
                                              date: TestSupport.date))
        let accounts = try ArtifactCoding.read(AccountsArtifact.self, from: run.runFolder.appendingPathComponent("accounts.json"))
        let identity = try RunFolderArtifacts.identity(in: run.runFolder)
        let sheetsRoot = run.runFolder.appendingPathComponent("sheets")

        // Every sheet due tonight is in its school's PDFs (printed) or e-mail (with the PDF attached).
        var texts: [String: String] = [:]
        for uai in Set(accounts.accounts.flatMap(\.uais)).map(\.value) {
            let folder = sheetsRoot.appendingPathComponent(uai)
            guard FileManager.default.fileExists(atPath: folder.path) else { continue }
            var all = ""
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix("-ecole.pdf") {
                all += try pdftotext(folder.appendingPathComponent(name))
            }
            let mails = folder.appendingPathComponent("courriels")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: mails.path)) ?? [] {
                all += try String(contentsOf: mails.appendingPathComponent(name), encoding: .utf8)
            }
            texts[uai] = all
        }
        let due = accounts.accounts.filter { $0.platform == .one && $0.sheet && $0.credential?.issuedTonight == true }
        XCTAssertGreaterThan(due.count, 20)
        for account in due {
            let text = account.uais.map { texts[$0.value] ?? "" }.joined()
            XCTAssertTrue(text.contains(account.login), "login \(account.login) not found in \(account.uais)")
            if account.email == nil {
                XCTAssertTrue(text.contains(account.credential!.code), "code of \(account.login) not printed")
            }
        }

        // The defect scenario: a One guardian with a collège child gets a One sheet with the notice.
        let collegeParents = due.filter { $0.profile == .guardian && $0.hasCollegeChild }
        XCTAssertFalse(collegeParents.isEmpty)
        for parent in collegeParents {
            let folder = sheetsRoot.appendingPathComponent(parent.uais[0].value)
            let school = try pdftotext(folder.appendingPathComponent("responsables-ecole.pdf"))
            let mails = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("courriels").path)) ?? []
            if parent.email == nil {
                let page = school.components(separatedBy: "\u{0C}").first { $0.contains(parent.login) } ?? ""
                XCTAssertTrue(page.contains("ÉduConnect") && page.contains("Neo Pocket"), "no EduConnect notice for \(parent.login)")
            } else {
                XCTAssertTrue(mails.contains { $0.contains(parent.login) })
            }
        }

        // Every legal guardian of every pupil of a school is in that school's coverage.csv.
        var guardiansBySchool: [String: Set<String>] = [:]
        let records = Dictionary(uniqueKeysWithValues: identity.records.map { ($0.ref, $0) })
        for r in identity.records where r.kind == .guardian {
            for link in r.links where link.role == .legal {
                guard let uai = records[link.pupil]?.uai?.value, records[link.pupil]?.stage == .primary else { continue }
                guardiansBySchool[uai, default: []].insert("\(r.displayLastName.uppercased())|\(r.firstName)")
            }
        }
        for (uai, guardians) in guardiansBySchool {
            let coverage = try TestSupport.readCSV(sheetsRoot.appendingPathComponent(uai).appendingPathComponent("coverage.csv"))
            let nom = try XCTUnwrap(coverage.header.firstIndex(of: "nom")), prenom = try XCTUnwrap(coverage.header.firstIndex(of: "prenom"))
            let statut = try XCTUnwrap(coverage.header.firstIndex(of: "statut")), raison = try XCTUnwrap(coverage.header.firstIndex(of: "raison"))
            let listed = Set(coverage.rows.map { "\($0[nom].uppercased())|\($0[prenom])" })
            for g in guardians { XCTAssertTrue(listed.contains(g), "\(g) missing from \(uai)/coverage.csv") }
            for row in coverage.rows where row[statut] == "sans fiche" {
                XCTAssertFalse(row[raison].isEmpty, "a guardian without a sheet needs a reason")
            }
        }
    }
}
