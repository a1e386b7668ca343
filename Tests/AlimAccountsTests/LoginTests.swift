import XCTest
@testable import AlimAccounts

final class LoginTests: XCTestCase {
    func testFolding() {
        XCTAssertEqual(LoginFolding.base(firstName: "Jean-Pierre", lastName: "MARTIN-DUBOIS", partMax: 20), "jeanpierre.martindubois")
        XCTAssertEqual(LoginFolding.base(firstName: "Chloé", lastName: "N'Diaye", partMax: 20), "chloe.ndiaye")
        XCTAssertEqual(LoginFolding.base(firstName: "Œdipe", lastName: "Læticia Groß", partMax: 20), "oedipe.laeticiagross")
        XCTAssertEqual(LoginFolding.base(firstName: "Zoë", lastName: "DE LA FONTAINE", partMax: 20), "zoe.delafontaine")
        XCTAssertEqual(LoginFolding.base(firstName: "Maximilien", lastName: "Abcdefghijklmnopqrstuvwxyz", partMax: 8), "maximili.abcdefgh")
        XCTAssertEqual(LoginFolding.base(firstName: "李", lastName: "Wang", partMax: 20), "wang")
        XCTAssertEqual(LoginFolding.base(firstName: "李", lastName: "王", partMax: 20), "utilisateur")
    }

    func testCollisionsAreSuffixed() {
        var alloc = LoginAllocator(taken: ["marie.martin"])
        XCTAssertEqual(alloc.allocate(base: "marie.martin"), "marie.martin2")
        XCTAssertEqual(alloc.allocate(base: "marie.martin"), "marie.martin3")
        XCTAssertEqual(alloc.allocate(base: "paul.martin"), "paul.martin")
    }
}
