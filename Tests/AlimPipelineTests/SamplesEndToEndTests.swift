import AlimCore
import Foundation
@testable import AlimPipeline
import XCTest

/// The real be1d-test ONDE export (../shared/samples), put under a UAI folder: every pupil and
/// guardian row ends in lineage.csv or rejects.csv, and a second run gives byte-identical files.
/// Skipped when the samples are absent.
final class SamplesEndToEndTests: XCTestCase {
    func testBe1dSampleIsFullyAccountedForAndDeterministic() throws {
        let source = TestSupport.samples.appendingPathComponent("edificeio-entcore/be1d-test/Ecole primaire Emile Zola")
        guard FileManager.default.fileExists(atPath: source.path) else { throw XCTSkip("shared/samples absent") }
        let inbox = try TestSupport.tempDir("be1d")
        let school = inbox.appendingPathComponent("0610999X-emile-zola")
        try FileManager.default.createDirectory(at: school, withIntermediateDirectories: true)
        for name in ["CSVExtraction-eleves.csv", "CSVExtraction-responsables.csv"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: school.appendingPathComponent(name))
        }
        func dataRows(_ name: String) throws -> Int {
            let bytes = try Data(contentsOf: school.appendingPathComponent(name))
            return bytes.split(separator: 0x0A, omittingEmptySubsequences: true).count - 1
        }
        let runs = try (0..<2).map { i -> RunResult in
            try Pipeline.run(RunOptions(inbox: inbox, workdir: try TestSupport.workdir("be1d-\(i)"), configFile: nil,
                                        date: TestSupport.date))
        }
        let lineage = try TestSupport.readCSV(runs[0].runFolder.appendingPathComponent("lineage.csv")).rows
        let rejects = try TestSupport.readCSV(runs[0].runFolder.appendingPathComponent("rejects.csv")).rows
        for name in ["CSVExtraction-eleves.csv", "CSVExtraction-responsables.csv"] {
            let file = "0610999X-emile-zola/\(name)"
            let refs = lineage.filter { $0[0] == file }.map { $0[1] } + rejects.filter { $0[0] == file && !$0[1].isEmpty }.map { $0[1] }
            XCTAssertEqual(refs.count, Set(refs).count, "\(name): a record appears twice")
            XCTAssertEqual(refs.count, try dataRows(name), "\(name): records missing")
        }
        XCTAssertEqual(lineage.filter { $0[2] == "pupil" }.count + rejects.filter { $0[0].hasSuffix("eleves.csv") }.count, 247)
        let a = try TestSupport.tree(runs[0].runFolder), b = try TestSupport.tree(runs[1].runFolder)
        for (name, data) in a where !["run.json", "summary.json", "report.html"].contains(name) {
            XCTAssertEqual(data, b[name], "\(name) differs between two identical runs")
        }
    }
}
