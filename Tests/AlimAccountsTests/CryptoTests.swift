import XCTest
@testable import AlimAccounts

/// SHA-256 (FIPS 180-4 examples) and HMAC-SHA256 (RFC 4231 test cases).
final class CryptoTests: XCTestCase {
    func testSHA256Vectors() {
        XCTAssertEqual(Hex.encode(SHA256.hash([])),
                       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(Hex.encode(SHA256.hash(Array("abc".utf8))),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(Hex.encode(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var s = SHA256()
        for _ in 0..<1000 { s.update([UInt8](repeating: 0x61, count: 1000)) }
        XCTAssertEqual(Hex.encode(s.finalize()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testHMACRFC4231() {
        let cases: [(key: String, data: String, mac: String)] = [
            ("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", Hex.encode(Array("Hi There".utf8)),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (Hex.encode(Array("Jefe".utf8)), Hex.encode(Array("what do ya want for nothing?".utf8)),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            (String(repeating: "aa", count: 20), String(repeating: "dd", count: 50),
             "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            ("0102030405060708090a0b0c0d0e0f10111213141516171819", String(repeating: "cd", count: 50),
             "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            (String(repeating: "aa", count: 131),
             Hex.encode(Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            (String(repeating: "aa", count: 131),
             Hex.encode(Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8)),
             "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ]
        for c in cases {
            XCTAssertEqual(Hex.encode(HMACSHA256.mac(key: Hex.decode(c.key)!, message: Hex.decode(c.data)!)), c.mac)
        }
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
