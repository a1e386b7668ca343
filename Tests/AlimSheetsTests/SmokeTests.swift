import AlimCore
import Foundation
import XCTest
@testable import AlimSheets

final class SmokeTests: XCTestCase {
    func testSmoke() throws {
        let dir = URL(fileURLWithPath: "/tmp/alim-smoke")
        try? FileManager.default.removeItem(at: dir)
        let artifact = try Fixture.run(into: dir)
        print(artifact)
    }
}
