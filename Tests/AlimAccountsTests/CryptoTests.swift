import XCTest
@testable import AlimAccounts

/// The HMAC-SHA256 behind activation codes, nonces and ENT code fingerprints (swift-crypto), checked
/// against the published test cases 1–7 of RFC 4231; then the codes derived from it.
final class CryptoTests: XCTestCase {
    func testHMACSHA256PassesRFC4231TestCases1To7() {
        let cases: [(name: String, key: String, data: String, mac: String)] = [
            ("4231 #1", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", Hex.encode(Array("Hi There".utf8)),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            ("4231 #2", Hex.encode(Array("Jefe".utf8)), Hex.encode(Array("what do ya want for nothing?".utf8)),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ("4231 #3", String(repeating: "aa", count: 20), String(repeating: "dd", count: 50),
             "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            ("4231 #4", "0102030405060708090a0b0c0d0e0f10111213141516171819", String(repeating: "cd", count: 50),
             "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            // Test case 5 publishes the first 128 bits only (truncated output).
            ("4231 #5", String(repeating: "0c", count: 20), Hex.encode(Array("Test With Truncation".utf8)),
             "a3b6167473100ee06e0c796c2955552b"),
            ("4231 #6", String(repeating: "aa", count: 131),
             Hex.encode(Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            ("4231 #7", String(repeating: "aa", count: 131),
             Hex.encode(Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8)),
             "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ]
        for c in cases {
            let mac = Hex.encode(HMACSHA256.mac(key: Hex.decode(c.key)!, message: Hex.decode(c.data)!))
            XCTAssertEqual(String(mac.prefix(c.mac.count)), c.mac, c.name)
            XCTAssertEqual(mac.count, 64, c.name)
        }
    }

    func testHexRoundTripsAndRefusesNonHex() {
        let bytes: [UInt8] = [0x00, 0x0f, 0xa5, 0xff]
        XCTAssertEqual(Hex.encode(bytes), "000fa5ff")
        XCTAssertEqual(Hex.decode("000FA5ff"), bytes)
        XCTAssertNil(Hex.decode("abc"))
        XCTAssertNil(Hex.decode("zz"))
    }

    /// The derivations' outputs are part of the state (nonces, fingerprints) and of the printed codes:
    /// pinned here so a change of HMAC implementation cannot change them.
    func testDerivationsArePinned() {
        let key = (0..<32).map { UInt8($0) }
        XCTAssertEqual(ActivationCode.derive(key: key, accountId: "O0000001", generation: 1, nonce: Array(repeating: 7, count: 16)),
                       PinnedDerivations.code)
        XCTAssertEqual(Hex.encode(CodeIssuer.nonce(key: key, accountId: "O0000001", generation: 1, attempt: 0)),
                       PinnedDerivations.nonce)
        XCTAssertEqual(ENTCodeFingerprint.of("ABCDEFGH", accountId: "O0000001", key: key), PinnedDerivations.fingerprint)
    }

    func testCodeAlphabetLengthEntropyAndDerivation() {
        let alphabet = Set(ActivationCode.alphabet)
        XCTAssertEqual(alphabet.count, 31)
        for banned in "0O1lI" { XCTAssertFalse(alphabet.contains(banned)) }
        XCTAssertGreaterThanOrEqual(ActivationCode.entropyBits, 40)
        let key = Randomness.bytes(32)
        let nonce = Randomness.bytes(16)
        let code = ActivationCode.derive(key: key, accountId: "O0000001", generation: 1, nonce: nonce)
        XCTAssertEqual(code.count, ActivationCode.length)
        XCTAssertTrue(code.allSatisfy(alphabet.contains))
        // Same inputs, same code; any input changed, another code.
        XCTAssertEqual(code, ActivationCode.derive(key: key, accountId: "O0000001", generation: 1, nonce: nonce))
        XCTAssertNotEqual(code, ActivationCode.derive(key: key, accountId: "O0000002", generation: 1, nonce: nonce))
        XCTAssertNotEqual(code, ActivationCode.derive(key: key, accountId: "O0000001", generation: 2, nonce: nonce))
        XCTAssertEqual(ActivationCode.grouped("ABCDEFGHJK"), "ABCD-EFGH-JK")
    }

    func testSymbolsAreRoughlyUniform() {
        // 15,500 codes × 10 symbols: each of 31 symbols expected 5,000 times (σ ≈ 70). A modulo
        // bias (bytes reduced mod 31 without rejection) would give the first 8 symbols ≈ 5,450 and
        // the others ≈ 4,845, outside these bounds.
        let key = Randomness.bytes(32)
        var counts: [Character: Int] = [:]
        for i in 0..<15500 {
            for ch in ActivationCode.derive(key: key, accountId: "A\(i)", generation: 1, nonce: []) { counts[ch, default: 0] += 1 }
        }
        XCTAssertEqual(counts.count, 31)
        for (_, n) in counts { XCTAssertTrue((4700...5300).contains(n), "count \(n)") }
    }
}

/// Computed independently (Python's `hmac` module) from the formulas documented in `ActivationCode`,
/// `CodeIssuer.nonce` and `ENTCodeFingerprint`, key = bytes 0…31.
private enum PinnedDerivations {
    static let code = "5P58DKMV45"
    static let nonce = "63e6ce639cae7b7b35aa5721043bc55f"
    static let fingerprint = "90b5b2edf9cc8bd9ba63ae0431d76c45"
}
