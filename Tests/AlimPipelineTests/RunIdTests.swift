import AlimCore
@testable import AlimPipeline
import Foundation
import XCTest

/// Run ids survive a kill at any moment: a folder a killed run created before writing its record is
/// taken again by the next run, so the rerun's outputs equal an uninterrupted run's.
final class RunIdTests: XCTestCase {
    func testAFolderWithoutItsRunRecordIsNoRun() throws {
        let root = try TestSupport.workdir("runid")
        let workdir = Workdir(root)
        try workdir.prepare()
        try SecureFile.makeDirectory(workdir.runFolder("2026-09-01-001"))
        XCTAssertEqual(workdir.newRunId(date: TestSupport.date), "2026-09-01-001")
        let result = try Pipeline.run(RunOptions(inbox: TestSupport.inbox, workdir: root, configFile: nil, date: TestSupport.date))
        XCTAssertEqual(result.runId, "2026-09-01-001")
        XCTAssertEqual(workdir.newRunId(date: TestSupport.date), "2026-09-01-002")
    }
}
