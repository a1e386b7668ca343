import AlimCore
import Foundation
@testable import AlimAccounts
import XCTest

/// The state's JSON columns are written by hand (`JSONColumnEncoder`): whatever a name, class or file
/// holds, the text must decode back to the same values through the strict reader's JSONDecoder.
final class StateJSONColumnTests: XCTestCase {
    private let hostile = ["", "CM1-CM2", "CE2 / CM1", "Zoé \"la\" \\ grande", "a\nb\r\tc", "\u{01}\u{1F}\u{7F}",
                           "Œdipe — 🎒", "../x.csv", "{\"file\":1}", "é\u{301}"]

    func testStringListsRoundTrip() throws {
        let encoder = JSONColumnEncoder()
        let text = encoder.text(hostile)
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: Data(text.utf8)), hostile)
        XCTAssertEqual(encoder.text([String]()), "[]")
        XCTAssertEqual(encoder.text(["a", "b"]), "[\"a\",\"b\"]")
    }

    func testRecordListsAndSchoolsRoundTrip() throws {
        let encoder = JSONColumnEncoder()
        let refs = hostile.enumerated().map { RecordRef(file: "inbox/\($0.element).csv", ref: "\($0.offset)\($0.element)") }
        XCTAssertEqual(try JSONDecoder().decode([RecordRef].self, from: Data(encoder.text(refs).utf8)), refs)
        let uais = [UAI("0611234A")!, UAI("0620001D")!]
        XCTAssertEqual(try JSONDecoder().decode([UAI].self, from: Data(encoder.text(uais).utf8)), uais)
    }

    func testControlCharactersAreEscaped() {
        XCTAssertEqual(JSONColumnEncoder().text(["\u{01}\"\\\n"]), "[\"\\u0001\\\"\\\\\\n\"]")
    }
}
