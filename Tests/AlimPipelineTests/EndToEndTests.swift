import AlimCore
import AlimIdentity
import Foundation
@testable import AlimPipeline
import XCTest

/// The whole pipeline over the sample inbox in Fixtures/: the output contract, the invariant, the
/// scenarios of DOMAIN.md, determinism and file modes.
final class EndToEndTests: XCTestCase {
    nonisolated(unsafe) private static var shared: (workdir: URL, result: RunResult)?

    /// One run shared by the read-only tests (a run takes a few seconds).
    private func fixtureRun() throws -> (URL, RunResult) {
        if let s = Self.shared { return (s.workdir, s.result) }
        let workdir = try TestSupport.workdir("e2e")
        // Alim's own codes: the scenarios below assert today's sheets (the ENT's are in ENTRoundTripTests).
        let result = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: workdir, configFile: TestSupport.alimCredentials,
                                                 date: TestSupport.date))
        Self.shared = (workdir, result)
        return (workdir, result)
    }

    func testContractFilesHaveExactHeaders() throws {
        let (_, result) = try fixtureRun()
        XCTAssertEqual(result.exitStatus, .success)
        let folder = result.runFolder
        XCTAssertEqual(try TestSupport.readCSV(folder.appendingPathComponent("accounts.csv")).header,
                       ["account_id", "platform", "profile", "auth", "login", "last_name", "first_name", "birth_date",
                        "uai", "classes", "children", "sheet", "sheet_reason"])
        XCTAssertEqual(try TestSupport.readCSV(folder.appendingPathComponent("lineage.csv")).header,
                       ["source_file", "source_ref", "kind", "person_id", "account_id"])
        for name in ["rejects.csv", "warnings.csv"] {
            XCTAssertEqual(try TestSupport.readCSV(folder.appendingPathComponent(name)).header,
                           ["source_file", "source_ref", "field", "reason"])
        }
        let summary = try ArtifactCoding.read(RunSummary.self, from: folder.appendingPathComponent("summary.json"))
        XCTAssertEqual(summary.exitStatus, 0)
        XCTAssertEqual(summary.stages.map(\.name), ["ingest", "normalize", "match", "accounts", "sheets"])
    }

    /// Every person record of the inbox appears exactly once in lineage.csv or rejects.csv.
    func testEveryRecordAppearsExactlyOnceInLineageOrRejects() throws {
        let (_, result) = try fixtureRun()
        let truth = try TestSupport.truth()
        let lineage = try TestSupport.readCSV(result.runFolder.appendingPathComponent("lineage.csv")).rows
        let rejects = try TestSupport.readCSV(result.runFolder.appendingPathComponent("rejects.csv")).rows
        var seen: [RecordRef: Int] = [:]
        for r in lineage { seen[RecordRef(file: r[0], ref: r[1]), default: 0] += 1 }
        for r in rejects where !r[1].isEmpty { seen[RecordRef(file: r[0], ref: r[1]), default: 0] += 1 }
        for (ref, person) in truth {
            XCTAssertEqual(seen[ref], 1, "\(ref) must appear exactly once")
            let rejected = rejects.contains { $0[0] == ref.file && $0[1] == ref.ref }
            XCTAssertEqual(rejected, person.isEmpty, "\(ref): rejected=\(rejected)")
        }
        XCTAssertEqual(Set(seen.keys), Set(truth.keys), "no record outside the inbox's")
        let facts = try TestSupport.facts()
        XCTAssertEqual(truth.count, facts["person_records"] as? Int, "truth.csv and facts.json disagree")
        XCTAssertEqual(truth.values.filter(\.isEmpty).count, facts["rejected_records"] as? Int)
    }

    /// person_id groups exactly the records of one human (the fixtures' ground truth).
    func testPersonsMatchGroundTruth() throws {
        let (_, result) = try fixtureRun()
        let truth = try TestSupport.truth()
        let lineage = try TestSupport.readCSV(result.runFolder.appendingPathComponent("lineage.csv")).rows
        var byTrue: [String: Set<String>] = [:], byFound: [String: Set<String>] = [:]
        for r in lineage {
            guard let t = truth[RecordRef(file: r[0], ref: r[1])], !t.isEmpty else { continue }
            byTrue[t, default: []].insert(r[3])
            byFound[r[3], default: []].insert(t)
        }
        for (t, found) in byTrue { XCTAssertEqual(found.count, 1, "records of \(t) split over \(found)") }
        for (p, humans) in byFound { XCTAssertEqual(humans.count, 1, "person \(p) merges different humans \(humans)") }
    }

    /// DOMAIN.md's defect: a guardian of a CM1 pupil and of a 5e pupil keeps a local One account with a sheet.
    func testCollegeLinkNeverFederatesTheOneAccount() throws {
        let (_, result) = try fixtureRun()
        let facts = try TestSupport.facts()
        let scenarios = facts["scenarios"] as! [String: Any]
        let accounts = try ArtifactCoding.read(AccountsArtifact.self, from: result.runFolder.appendingPathComponent("accounts.json"))
        let truth = try TestSupport.truth()
        func accountsOf(_ human: String) -> [Account] {
            let refs = Set(truth.filter { $0.value == human }.map(\.key))
            let persons = Set(accounts.lineage.filter { refs.contains($0.record) }.map(\.personId))
            return accounts.accounts.filter { persons.contains($0.personId) }
        }
        let both = accountsOf(scenarios["college_link_guardian"] as! String)
        let one = try XCTUnwrap(both.first { $0.platform == .one })
        XCTAssertEqual(one.auth, .local)
        XCTAssertTrue(one.sheet)
        XCTAssertTrue(one.hasCollegeChild)
        let college = try XCTUnwrap(both.first { $0.platform == .college })
        XCTAssertEqual(college.auth, .educonnect)
        XCTAssertFalse(college.sheet)
        XCTAssertFalse(college.sheetReason?.isEmpty ?? true)
        let collegeOnly = accountsOf(scenarios["college_only_guardian"] as! String)
        XCTAssertFalse(collegeOnly.isEmpty)
        XCTAssertTrue(collegeOnly.allSatisfy { $0.platform == .college })
        XCTAssertTrue(accountsOf(scenarios["contact"] as! String).isEmpty, "a contact gets no account")
    }

    func testTrailerIsSkippedNotRejected() throws {
        let (_, result) = try fixtureRun()
        let ingest = try ArtifactCoding.read(IngestArtifact.self, from: result.runFolder.appendingPathComponent("ingest.json"))
        let facts = try TestSupport.facts()
        for (file, count) in facts["trailer_rows"] as! [String: Int] {
            let outcome = try XCTUnwrap(ingest.files.first { $0.file == file })
            XCTAssertEqual(outcome.skippedRows, count)
            XCTAssertFalse(ingest.rejects.contains { $0.file == file && $0.reason.contains("Intitulé") })
        }
    }

    /// Two runs of the same inputs and date into two workdirs give byte-identical files
    /// (summary.json and report.html differ only by measured durations, which are stripped).
    func testSameInputsGiveByteIdenticalOutputs() throws {
        let (_, first) = try fixtureRun()
        let other = try TestSupport.workdir("e2e2")
        let second = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: other, configFile: TestSupport.alimCredentials,
                                                 date: TestSupport.date))
        let a = try TestSupport.tree(first.runFolder), b = try TestSupport.tree(second.runFolder)
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        for (name, data) in a where !["run.json", "summary.json", "report.html"].contains(name) {
            XCTAssertEqual(data, b[name], "\(name) differs between identical runs")
        }
        var sa = try ArtifactCoding.read(RunSummary.self, from: first.runFolder.appendingPathComponent("summary.json"))
        var sb = try ArtifactCoding.read(RunSummary.self, from: second.runFolder.appendingPathComponent("summary.json"))
        for i in sa.stages.indices { sa.stages[i].durationMs = 0 }
        for i in sb.stages.indices { sb.stages[i].durationMs = 0 }
        XCTAssertEqual(sa, sb)
    }

    /// Rerunning one stage of a run rewrites byte-identical artifacts and marks later stages stale.
    func testRerunOfOneStageIsByteIdentical() throws {
        let workdir = try TestSupport.workdir("rerun")
        let run = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: workdir, configFile: nil, date: TestSupport.date))
        let before = try TestSupport.tree(run.runFolder)
        _ = try Pipeline.rerun(.normalize, runId: run.runId, workdir: workdir, throughEnd: false)
        let record = try RunRecord.load(from: run.runFolder)
        XCTAssertEqual(record.stages.first { $0.stage == .match }?.status, .stale)
        _ = try Pipeline.rerun(.match, runId: run.runId, workdir: workdir, throughEnd: true)
        let after = try TestSupport.tree(run.runFolder)
        for (name, data) in before where !["run.json", "summary.json", "report.html"].contains(name) {
            XCTAssertEqual(data, after[name], "\(name) changed on a rerun")
        }
        XCTAssertTrue(try RunRecord.load(from: run.runFolder).stages.allSatisfy { $0.status == .done })
    }

    /// A run killed mid-write leaves `.name.tmp-PID` files; the next run resumes it and sweeps them.
    func testAResumedRunSweepsTheTemporaryFilesOfTheKilledOne() throws {
        let workdir = try TestSupport.workdir("sweep")
        let first = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: workdir, configFile: nil, date: TestSupport.date))
        var record = try RunRecord.load(from: first.runFolder)
        record.completed = false
        try record.save(to: first.runFolder)
        let stale = first.runFolder.appendingPathComponent(".accounts.csv.tmp-99999")
        try Data("partial".utf8).write(to: stale)
        let resumed = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: workdir, configFile: nil, date: TestSupport.date))
        XCTAssertEqual(resumed.runId, first.runId, "an unfinished run is resumed under its own id")
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path))
    }

    func testWorkdirAndArtifactsArePrivate() throws {
        let (workdir, result) = try fixtureRun()
        XCTAssertEqual(try TestSupport.mode(workdir), 0o700)
        XCTAssertEqual(try TestSupport.mode(result.runFolder), 0o700)
        for (name, _) in try TestSupport.tree(result.runFolder) {
            XCTAssertEqual(try TestSupport.mode(result.runFolder.appendingPathComponent(name)), 0o600, name)
        }
    }

    func testSecondRunIsRefusedWhileTheLockIsHeld() throws {
        let workdir = try TestSupport.tempDir("lock").appendingPathComponent("work")
        let lock = try RunLock(Workdir(workdir))
        defer { withExtendedLifetime(lock) {} }
        XCTAssertThrowsError(try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: workdir, configFile: nil,
                                                         date: TestSupport.date))) { error in
            XCTAssertEqual((error as? PipelineError)?.exitStatus, .locked)
        }
    }

    func testMissingInboxIsAUsageError() throws {
        let workdir = try TestSupport.tempDir("noinbox").appendingPathComponent("work")
        XCTAssertThrowsError(try Pipeline.run(RunOptions(inbox: URL(fileURLWithPath: "/nonexistent/inbox"), workdir: workdir,
                                                         configFile: nil, date: TestSupport.date))) { error in
            XCTAssertEqual((error as? PipelineError)?.exitStatus, .usage)
        }
    }

    func testBadConfigurationIsAUsageErrorWithLine() throws {
        let dir = try TestSupport.tempDir("conf")
        let conf = dir.appendingPathComponent("alim.toml")
        try "[accounts]\ncode_validity_days = \n".write(to: conf, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try ConfigLoader.load(conf.path)) { error in
            XCTAssertEqual((error as? PipelineError)?.exitStatus, .usage)
            XCTAssertTrue(String(describing: error).contains("ligne 2"), String(describing: error))
        }
    }

    func testDefaultConfigurationFileParsesToTheDefaults() throws {
        let dir = try TestSupport.tempDir("conf")
        let conf = dir.appendingPathComponent("alim.toml")
        try ConfigLoader.defaultFile.write(to: conf, atomically: false, encoding: .utf8)
        XCTAssertEqual(try ConfigLoader.load(conf.path), AlimConfig.default)
    }
}

/// No artifact embeds the one before it, and joining them back gives what the stages handed on.
final class PersistedFormsTests: XCTestCase {
    func testNormalizedAndIdentityHoldOnlyWhatTheirStageAdds() throws {
        let workdir = try TestSupport.workdir("persisted-forms")
        let run = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: workdir, configFile: nil, date: TestSupport.date))
        func keys(_ name: String) throws -> Set<String> {
            let data = try Data(contentsOf: run.runFolder.appendingPathComponent(name))
            XCTAssertEqual(data.filter { $0 == 0x0A }.count, 1, "\(name) is compact: one line")
            return Set(try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys)
        }
        XCTAssertEqual(try keys("normalized.json"), ["formatVersion", "keys"])
        XCTAssertEqual(try keys("identity.json"), ["formatVersion", "persons", "review", "candidatePairs", "mergedPairs"])

        // Joined with ingest.json, they are the artifacts the match stage computes from them.
        let ingest = try ArtifactCoding.read(IngestArtifact.self, from: run.runFolder.appendingPathComponent("ingest.json"))
        let identity = try RunFolderArtifacts.identity(in: run.runFolder)
        let recomputed = Identity.match(Identity.normalize(ingest), decisions: [], config: AlimConfig.default.identity)
        XCTAssertEqual(identity, recomputed)
        XCTAssertFalse(identity.records.isEmpty)
        XCTAssertEqual(identity.records.count, ingest.records.count)
    }
}

/// The large artifacts are written record by record (`ChunkedArtifact`): the bytes must be exactly those
/// of encoding the whole artifact at once, so that readers and byte-identity checks see no difference.
final class ChunkedArtifactTests: XCTestCase {
    func testChunkedFilesAreTheBytesOfTheWholeEncoding() throws {
        let workdir = try TestSupport.workdir("chunked")
        let run = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: workdir, configFile: TestSupport.alimCredentials,
                                              date: TestSupport.date))
        func check<T: Codable>(_ type: T.Type, _ name: String) throws {
            let url = run.runFolder.appendingPathComponent(name)
            let written = try Data(contentsOf: url)
            XCTAssertEqual(written, try ArtifactCoding.encode(try ArtifactCoding.decode(type, from: written)), name)
        }
        try check(IngestArtifact.self, "ingest.json")
        try check(NormalizedFile.self, "normalized.json")
        try check(IdentityFile.self, "identity.json")
        try check(AccountsArtifact.self, "accounts.json")
        let ingest = try ArtifactCoding.read(IngestArtifact.self, from: run.runFolder.appendingPathComponent("ingest.json"))
        XCTAssertFalse(ingest.records.isEmpty)
        XCTAssertFalse(ingest.rejects.isEmpty, "the fixture inbox has rejects: the array path is exercised")
    }
}
