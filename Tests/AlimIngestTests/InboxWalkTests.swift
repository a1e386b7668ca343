import AlimCore
import XCTest
@testable import AlimIngest

/// The inbox walk: order, hidden files, routing by content, school folders, the activated export.
final class InboxWalkTests: XCTestCase {
    func testSnifferRoutesByContentNotName() {
        XCTAssertEqual(FormatSniffer.family(ofHead: [0x50, 0x4B, 0x03, 0x04, 0x14]), .xml)
        XCTAssertEqual(FormatSniffer.family(ofHead: Array("  \r\n<?xml version=\"1.0\"?>".utf8)), .xml)
        XCTAssertEqual(FormatSniffer.family(ofHead: [0xEF, 0xBB, 0xBF] + Array("<ficAlimMENESR>".utf8)), .xml)
        XCTAssertEqual(FormatSniffer.family(ofHead: [0xFF, 0xFE, 0x3C, 0x00]), .xml)
        XCTAssertEqual(FormatSniffer.family(ofHead: Array("\"Nom Elève\";x".utf8)), .csv)
        XCTAssertEqual(FormatSniffer.family(ofHead: []), .csv)
    }

    func testWalkIsSortedRecursiveAndSkipsHiddenEntries() throws {
        let inbox = try TestInbox()
        try inbox.write("b/2.csv", [0x61])
        try inbox.write("a/z/1.csv", [0x61])
        try inbox.write("a/.hidden.csv", [0x61])
        try inbox.write(".cache/x.csv", [0x61])
        try inbox.write("a/10.xml", Array("<a/>".utf8))
        let listing = try InboxWalker.list(inbox.url)
        XCTAssertEqual(listing.files.map(\.relativePath), ["a/10.xml", "a/z/1.csv", "b/2.csv"])
    }

    func testMissingInboxThrows() {
        XCTAssertThrowsError(try Ingest.run(inbox: URL(fileURLWithPath: "/nonexistent/alim-inbox"), config: .default))
    }

    func testSchoolFolderAndLabel() {
        let school = SchoolFolder.of(relativePath: "0611234a-ecole-jules-ferry/eleves.csv")
        XCTAssertEqual(school?.uai.value, "0611234A")
        XCTAssertEqual(school?.label, "Ecole Jules Ferry")
        XCTAssertEqual(SchoolFolder.of(relativePath: "exports/0611234A/sub/eleves.csv")?.uai.value, "0611234A")
        XCTAssertNil(SchoolFolder.of(relativePath: "0611234A/sub")?.label)
        XCTAssertNil(SchoolFolder.of(relativePath: "061123A/eleves.csv"))
        XCTAssertNil(SchoolFolder.of(relativePath: "eleves.csv"))
    }

    func testActivatedExportAnywhereInTheInbox() throws {
        let inbox = try TestInbox()
        let text = "login;date\r\nmarie.dupont;2024-09-02\r\n;2024-09-03\r\njean.martin;03/09/2024\r\nmarie.dupont;2024-09-04\r\nzoe.petit;hier"
        try inbox.write("ent/comptes-actives.csv", Array(text.utf8))
        let artifact = try inbox.run()
        XCTAssertEqual(artifact.context.activated, [
            ActivatedLogin(login: "jean.martin", date: "2024-09-03"),
            ActivatedLogin(login: "marie.dupont", date: "2024-09-04"),
            ActivatedLogin(login: "zoe.petit", date: nil),
        ])
        XCTAssertEqual(artifact.files, [FileOutcome(file: "ent/comptes-actives.csv", format: .activated, status: .imported,
                                                    skippedRows: 1)])
        XCTAssertEqual(artifact.warnings.map(\.ref), ["6"])
        XCTAssertTrue(artifact.records.isEmpty)
        XCTAssertTrue(artifact.rejects.isEmpty)
        XCTAssertTrue(artifact.context.schoolsPresent.isEmpty)
    }

    func testXMLFilesAreNotReadAsCSV() throws {
        let inbox = try TestInbox()
        try inbox.write("0611234A/export.txt", Array("<?xml version=\"1.0\"?><BEE_ELEVES/>".utf8))
        let artifact = try inbox.run()
        XCTAssertEqual(artifact.files.map(\.file), ["0611234A/export.txt"])
        XCTAssertFalse(artifact.rejects.contains { $0.reason.contains("l'en-tête ne correspond") })
    }
}
