import AlimCore
@testable import AlimIdentity
import XCTest

final class ReviewTests: XCTestCase {
    private func pairArtifact() -> IdentityArtifact {
        let child = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "2", last: "CHEVALIER", first: "Zoé", birth: "2016-01-01")
        let a = Fx.guardian("0611234A/CSVExtraction-responsables.csv", "2", last: "CHEVALIER", first: "Aurélie",
                            phones: ["06 11 22 33 44"], children: [child.ref])
        let b = Fx.guardian("0615678B/CSVExtraction-responsables.csv", "2", last: "CHEVALIER", first: "Aurelie", uai: Fx.schoolB)
        return Fx.run([child, a, b])
    }

    func testReviewCSVHeaderAndEvidence() throws {
        let identity = pairArtifact()
        let pair = try XCTUnwrap(identity.review.first)
        let text = String(decoding: Identity.reviewCSV(identity).encoded().dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, "paire;score;nom_a;prenom_a;naissance_a;enfants_a;ecole_a;contacts_a;source_a;nom_b;prenom_b;naissance_b;enfants_b;ecole_b;contacts_b;source_b;raisons;commande")
        XCTAssertEqual(lines.count, 2)
        let row = lines[1]
        XCTAssertTrue(row.hasPrefix(pair.id + ";"))
        XCTAssertTrue(row.contains("Zoé CHEVALIER (CM1 A)"), row)
        XCTAssertTrue(row.contains("06 11 22 33 44"))
        XCTAssertTrue(row.contains("même prénom"))
        XCTAssertTrue(row.hasSuffix("alim review decide \(pair.id) merge|distinct"))
    }

    func testDecisionStoreRoundTripAndReplace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("alim-decisions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = DecisionStore(url: dir.appendingPathComponent("decisions.csv"))
        XCTAssertEqual(try store.load(), [])
        let a = RecordRef(file: "x/b.csv", ref: "3"), b = RecordRef(file: "x/a.csv", ref: "10")
        try store.record(PairDecision(pairId: "ignored", a: a, b: b, verdict: .merge))
        try store.record(PairDecision(pairId: "ignored", a: b, b: a, verdict: .distinct))
        let loaded = try store.load()
        XCTAssertEqual(loaded, [PairDecision(pairId: PairID.make(a, b), a: b, b: a, verdict: .distinct)])
        let attrs = try FileManager.default.attributesOfItem(atPath: store.url.path)
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testHandEditedDecisionsFile() throws {
        let text = "\u{FEFF}paire;source_a;ref_a;source_b;ref_b;decision\r\n"
            + ";x/a.csv;2;x/b.csv;5;Fusion\r\n"
            + "\"abc\";\"x/c.csv\";7;x/d.csv;8; distinct \n\n"
        let decisions = try DecisionStore.parse(text)
        XCTAssertEqual(decisions.map(\.verdict), [.merge, .distinct])
        XCTAssertEqual(decisions[0].a, RecordRef(file: "x/a.csv", ref: "2"))
        XCTAssertEqual(decisions[1].pairId, PairID.make(RecordRef(file: "x/c.csv", ref: "7"), RecordRef(file: "x/d.csv", ref: "8")))
    }

    func testBadDecisionLineIsRefusedWithItsLine() {
        XCTAssertThrowsError(try DecisionStore.parse("paire;source_a;ref_a;source_b;ref_b;decision\nx;a;1;b;2;peut-être\n")) { error in
            XCTAssertEqual(error as? DecisionStoreError, .invalid(line: 2, reason: "décision « peut-être » inconnue : écrire merge ou distinct"))
        }
        XCTAssertThrowsError(try DecisionStore.parse("x;a;1\n")) { error in
            guard case let .invalid(line, _) = error as? DecisionStoreError else { return XCTFail() }
            XCTAssertEqual(line, 1)
        }
    }
}
