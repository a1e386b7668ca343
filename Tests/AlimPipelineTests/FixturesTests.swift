import Foundation
import XCTest

/// The committed Fixtures/ must be exactly what scripts/make_fixtures.py makes.
final class FixturesTests: XCTestCase {
    func testCommittedFixturesMatchTheGenerator() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 absent") }
        let out = try TestSupport.tempDir("fixtures")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [TestSupport.repoRoot.appendingPathComponent("scripts/make_fixtures.py").path, out.path]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let made = try TestSupport.tree(out), committed = try TestSupport.tree(TestSupport.fixtures)
        XCTAssertEqual(Set(made.keys), Set(committed.keys))
        for (name, data) in made { XCTAssertEqual(data, committed[name], "\(name) differs: run make fixtures") }
    }
}
