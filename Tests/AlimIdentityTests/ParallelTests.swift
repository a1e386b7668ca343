import AlimCore
@testable import AlimIdentity
import XCTest

/// Normalisation, scoring and person assembly run in contiguous ranges on several threads: the
/// artifacts must be byte-identical to a one-thread run.
final class ParallelTests: XCTestCase {
    func testParallelMapKeepsRangeOrderForUnevenSplits() {
        for count in [0, 1, 2, 3, 7, 100] {
            for threads in 1...4 {
                let out = Parallel.map(count: count, threads: threads) { range in range.map { $0 * 3 } }
                XCTAssertEqual(out, (0..<count).map { $0 * 3 }, "count \(count), threads \(threads)")
            }
        }
    }

    func testAutomaticThreadCount() {
        XCTAssertEqual(Parallel.threads(nil, count: Parallel.threshold - 1), 1)
        XCTAssertEqual(Parallel.threads(nil, count: Parallel.threshold), 2)
        XCTAssertEqual(Parallel.threads(2, count: 10), 2)
        XCTAssertEqual(Parallel.threads(0, count: 10), 1)
    }

    func testOneAndTwoThreadRunsAreByteIdentical() throws {
        let ingest = Fx.ingest(families(120))
        let one = Identity.normalize(ingest, threads: 1)
        let two = Identity.normalize(ingest, threads: 2)
        XCTAssertEqual(try ArtifactCoding.encode(one), try ArtifactCoding.encode(two))
        XCTAssertEqual(try ArtifactCoding.encode(one), try ArtifactCoding.encode(Identity.normalize(ingest, threads: 3)))

        let (a, diagA) = Identity.matchWithDiagnostics(one, decisions: [], config: .init(), threads: 1)
        let (b, diagB) = Identity.matchWithDiagnostics(one, decisions: [], config: .init(), threads: 2)
        let (c, _) = Identity.matchWithDiagnostics(one, decisions: [], config: .init(), threads: 3)
        // The data must exercise every path: merges, review pairs and several hundred candidate pairs.
        XCTAssertGreaterThan(a.mergedPairs, 100)
        XCTAssertFalse(a.review.isEmpty)
        XCTAssertGreaterThan(diagA.candidateCodes.count, 300)
        XCTAssertEqual(diagA.candidateCodes, diagB.candidateCodes)
        XCTAssertEqual(diagA.refusedUnions, diagB.refusedUnions)
        XCTAssertEqual(try ArtifactCoding.encode(a), try ArtifactCoding.encode(b))
        XCTAssertEqual(try ArtifactCoding.encode(a), try ArtifactCoding.encode(c))
        XCTAssertEqual(Identity.reviewCSV(a).encoded(), Identity.reviewCSV(b).encoded())
    }

    func testFeatureTableBuiltInRangesEqualsOnePass() {
        let normalized = Identity.normalize(Fx.ingest(families(60)), threads: 1)
        let keys = normalized.keys, records = normalized.ingest.records
        let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1.ref, $0) })
        let one = FeatureTable(keys: keys, records: records, index: index, threads: 1)
        XCTAssertGreaterThan(one.strings.count, 100)
        for threads in [2, 3, 7] {
            let other = FeatureTable(keys: keys, records: records, index: index, threads: threads)
            XCTAssertEqual(one.strings.allBytes, other.strings.allBytes, "\(threads) threads")
            XCTAssertEqual(one.file, other.file)
            XCTAssertEqual(one.ine, other.ine)
            XCTAssertEqual(one.birth, other.birth)
            for (a, b) in [(one.lastName, other.lastName), (one.usageName, other.usageName), (one.firstName, other.firstName)] {
                XCTAssertEqual(a.map(\.compact), b.map(\.compact))
                XCTAssertEqual(a.map(\.core), b.map(\.core))
                XCTAssertEqual(a.map(\.tokenStart), b.map(\.tokenStart))
                XCTAssertEqual(a.map(\.tokenCount), b.map(\.tokenCount))
            }
            XCTAssertEqual(one.tokens, other.tokens)
            XCTAssertEqual(one.phoneStart, other.phoneStart)
            XCTAssertEqual(one.phoneIDs, other.phoneIDs)
            XCTAssertEqual(one.email, other.email)
            XCTAssertEqual([one.street, one.streetCompact, one.number, one.locality, one.city],
                           [other.street, other.streetCompact, other.number, other.locality, other.city])
            XCTAssertEqual(one.surnameKeyStart, other.surnameKeyStart)
            XCTAssertEqual(one.surnameKeys, other.surnameKeys)
            XCTAssertEqual(one.surnameInitial, other.surnameInitial)
            XCTAssertEqual(one.soundStart, other.soundStart)
            XCTAssertEqual(one.sounds, other.sounds)
            XCTAssertEqual(one.surnameCount, other.surnameCount)
            XCTAssertEqual(one.firstNameCount, other.firstNameCount)
            XCTAssertEqual(one.signatureStart, other.signatureStart)
            XCTAssertEqual(one.signatures, other.signatures)
            XCTAssertEqual(one.personalPhone, other.personalPhone)
            XCTAssertEqual(one.particle, other.particle)
            XCTAssertEqual(one.firstAccentless, other.firstAccentless)
            XCTAssertEqual(one.linkStart, other.linkStart)
            XCTAssertEqual(one.linkPupil, other.linkPupil)
            XCTAssertEqual(one.linkRelation, other.linkRelation)
        }
    }

    /// Families in two schools: pupils re-entered with spelling variants, their guardians listed by both
    /// schools with phone variants, twins, and a namesake guardian with no contact (review).
    private func families(_ n: Int) -> [PersonRecord] {
        let surnames = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU",
                        "SIMON", "LAURENT", "LEFÈVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER"]
        let firsts = ["Léa", "Hugo", "Chloé", "Louis", "Emma", "Jules", "Inès", "Arthur", "Zoé", "Nathan", "Manon", "Gabriel"]
        let adults = ["Julien", "Aurélie", "Nicolas", "Céline", "Sébastien", "Sandrine", "Mathieu", "Émilie"]
        var out: [PersonRecord] = []
        for k in 0..<n {
            let last = surnames[k % surnames.count] + (k % 3 == 0 ? "" : String(k / 20))
            let first = firsts[k % firsts.count]
            let birth = "201\(5 + k % 5)-0\(1 + k % 9)-1\(k % 10)"
            let pa = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "\(k + 2)", last: last, first: first, birth: birth)
            out.append(pa)
            var children = [pa.ref]
            if k % 2 == 0 {
                let pb = Fx.pupil("0615678B/CSVExtraction-eleves.csv", "\(k + 2)", last: last.lowercased(),
                                  first: first.uppercased(), birth: birth, uai: Fx.schoolB)
                out.append(pb)
            }
            if k % 5 == 0 {
                let twin = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "\(k + 1000)", last: last,
                                    first: firsts[(k + 1) % firsts.count], birth: birth)
                out.append(twin)
                children.append(twin.ref)
            }
            let phone = "06 \(10 + k % 80) 22 33 \(10 + k / 80)"
            let adult = adults[k % adults.count]
            out.append(Fx.guardian("0611234A/CSVExtraction-responsables.csv", "\(k + 2)", last: last, first: adult,
                                   phones: [phone], address: Fx.address("\(k) R PASTEUR"), children: children))
            let other = out.filter { $0.ref.file.hasPrefix("0615678B/CSVExtraction-eleves") && $0.ref.ref == "\(k + 2)" }
            out.append(Fx.guardian("0615678B/CSVExtraction-responsables.csv", "\(k + 2)", last: last, first: adult,
                                   phones: [phone.replacingOccurrences(of: " ", with: ".")],
                                   address: Fx.address("\(k) RUE PASTEUR"), children: other.map(\.ref), uai: Fx.schoolB))
            if k % 7 == 0 {
                out.append(Fx.guardian("0619999C/ResponsablesAvecAdresses.xml", "\(k + 2)", last: last, first: adult,
                                       uai: Fx.college, source: .siecleGuardians))
            }
        }
        return out
    }
}
