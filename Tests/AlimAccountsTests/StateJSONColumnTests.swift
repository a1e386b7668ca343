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

    /// The reader's fast path (`JSONColumnParser`) reads the encoder's text to the decoder's values, and
    /// gives way to the decoder (nil) on anything else, damage included.
    func testTheFastReaderAgreesWithTheDecoderOrGivesWay() throws {
        let encoder = JSONColumnEncoder()
        let plain = ["CM1-CM2", "Zoé", "Œdipe — 🎒", "", "../x.csv", "{\"file\":1}".replacingOccurrences(of: "\"", with: "'")]
        XCTAssertEqual(JSONColumnParser.strings(encoder.text(plain)), plain)
        XCTAssertEqual(JSONColumnParser.strings("[]"), [])
        let refs = plain.enumerated().map { RecordRef(file: "a/\($0.element).csv", ref: "\($0.offset)") }
        XCTAssertEqual(JSONColumnParser.refs(encoder.text(refs)), refs)
        XCTAssertEqual(JSONColumnParser.refs("[]"), [])
        // Escapes, white space, another key order: the decoder reads them.
        for text in [encoder.text(hostile), "[ \"a\" ]", "[\"a\",\n\"b\"]"] {
            XCTAssertNil(JSONColumnParser.strings(text), text)
            XCTAssertNoThrow(try JSONDecoder().decode([String].self, from: Data(text.utf8)))
        }
        XCTAssertNil(JSONColumnParser.refs("[{\"ref\":\"1\",\"file\":\"a\"}]"))
        // Damage: never read by the fast path.
        for text in ["[\"a\"", "[\"a\",]", "[\"a\"]x", "\"a\"", "[1]", "", "[\"a\u{01}\"]", "[{\"file\":\"a\"}]"] {
            XCTAssertNil(JSONColumnParser.strings(text), text)
            XCTAssertNil(JSONColumnParser.refs(text), text)
        }
    }
}
