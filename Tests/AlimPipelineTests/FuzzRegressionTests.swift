import AlimIngest
import Foundation
import XCTest

/// Replays every input saved under Tests/FuzzCorpus/<target>/ (crashes found by `make fuzz`, and
/// hand-picked seeds) through the same harness: each must now be ingested without a crash.
final class FuzzRegressionTests: XCTestCase {
    func testSavedFuzzInputsNoLongerCrash() throws {
        let root = TestSupport.repoRoot.appendingPathComponent("Tests/FuzzCorpus")
        let scratch = try TestSupport.tempDir("fuzz-replay")
        var replayed = 0
        for harness in FuzzHarness.allCases {
            let folder = root.appendingPathComponent(harness.rawValue)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in files.sorted() where !name.hasPrefix(".") {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                let artifact = data.withUnsafeBytes { harness.run($0, scratch: scratch) }
                XCTAssertNotNil(artifact, "\(harness.rawValue)/\(name): ingest threw")
                replayed += 1
            }
        }
        XCTAssertGreaterThan(replayed, 0, "Tests/FuzzCorpus holds no input")
    }
}
