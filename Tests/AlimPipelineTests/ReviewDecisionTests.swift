import AlimCore
import Foundation
@testable import AlimPipeline
import XCTest

/// A pair the matcher cannot decide goes to review.csv; once the director decides it, the decision is
/// applied on every later run and the pair is never asked again.
final class ReviewDecisionTests: XCTestCase {
    /// One school where the same guardian name appears on two rows with different mobiles: the matcher
    /// must not merge it alone (it could be two people), so it asks.
    private func ambiguousInbox() throws -> URL {
        let inbox = try TestSupport.tempDir("review")
        let school = inbox.appendingPathComponent("0610001A")
        try FileManager.default.createDirectory(at: school, withIntermediateDirectories: true)
        let pupils = """
        "Nom Elève";"Nom d'usage Elève";"Prénom Elève";"Date naissance";"Sexe";" Cycle";"Niveau";"Classe"
        "DUVERNOIS";;"Emma";"2017-03-04";"F";"CYCLE III";"CM1";"CM1"
        "DUVERNOIS";;"Lucas";"2019-05-06";"M";"CYCLE II";"CP";"CP"
        """
        let guardians = """
        "Civilité Responsable";"Nom usage responsable";"Nom responsable";"Prénom responsable";"Adresse responsable";"CP responsable";"Commune responsable";"Courriel";"Téléphone portable";"Nom d'usage enfant";"Nom de famille enfant";"Prénom enfant";"Classes enfants"
        "Mme";;"DUVERNOIS";"Claire";"3 rue Haute";"61000";"Alençon";;"0611223344";;"DUVERNOIS";"Emma";"CM1"
        "Mme";;"DUVERNOIS";"Claire";"3 rue Haute";"61000";"Alençon";;"0622334455";;"DUVERNOIS";"Lucas";"CP"
        """
        try Data(pupils.utf8).write(to: school.appendingPathComponent("eleves.csv"))
        try Data(guardians.utf8).write(to: school.appendingPathComponent("responsables.csv"))
        return inbox
    }

    private func personIds(_ run: RunResult) throws -> [String: String] {
        let rows = try TestSupport.readCSV(run.runFolder.appendingPathComponent("lineage.csv")).rows
        return Dictionary(uniqueKeysWithValues: rows.map { ("\($0[0])#\($0[1])", $0[3]) })
    }

    private func verify(_ verdict: PairDecision.Verdict) throws {
        let inbox = try ambiguousInbox()
        let work = try TestSupport.workdir("review-\(verdict.rawValue)")
        let first = try Pipeline.run(RunOptions(inbox: inbox, workdir: work, configFile: nil, date: TestSupport.date))
        let review = try TestSupport.readCSV(first.runFolder.appendingPathComponent("review.csv"))
        XCTAssertEqual(review.header.first, "paire")
        let pair = try XCTUnwrap(review.rows.first, "the ambiguous guardians must be sent to review")
        XCTAssertEqual(try Operations.reviewPairs(workdir: work, runId: nil).map(\.id), [pair[0]])

        _ = try Operations.decide(pairId: pair[0], verdict: verdict, workdir: work, runId: nil)
        for day in 1...2 {
            let next = try Pipeline.run(RunOptions(inbox: inbox, workdir: work, configFile: nil,
                                                   date: TestSupport.date.adding(days: day)))
            XCTAssertTrue(try TestSupport.readCSV(next.runFolder.appendingPathComponent("review.csv")).rows.isEmpty,
                          "a decided pair is asked again on day \(day)")
            let ids = try personIds(next)
            let a = ids["0610001A/responsables.csv#2"], b = ids["0610001A/responsables.csv#3"]
            XCTAssertNotNil(a)
            if verdict == .merge { XCTAssertEqual(a, b) } else { XCTAssertNotEqual(a, b) }
        }
        let decisions = try String(contentsOf: work.appendingPathComponent("decisions.csv"), encoding: .utf8)
        XCTAssertTrue(decisions.contains(pair[0]))
    }

    func testAMergeDecisionStaysDecided() throws { try verify(.merge) }
    func testADistinctDecisionStaysDecided() throws { try verify(.distinct) }

    func testDecidingAnUnknownPairIsAUsageError() throws {
        let work = try TestSupport.workdir("review-unknown")
        _ = try Pipeline.run(RunOptions(inbox: try ambiguousInbox(), workdir: work, configFile: nil, date: TestSupport.date))
        XCTAssertThrowsError(try Operations.decide(pairId: "000000000000", verdict: .merge, workdir: work, runId: nil)) {
            XCTAssertEqual(($0 as? PipelineError)?.exitStatus, .usage)
        }
    }
}
