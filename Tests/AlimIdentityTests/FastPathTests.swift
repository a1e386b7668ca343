import AlimCore
@testable import AlimIdentity
import XCTest

/// The speed paths (byte-keyed caches, in-place parallel fill, numeric id sort, reused address buffers,
/// packed postal codes) must give exactly what the plain code gives.
final class FastPathTests: XCTestCase {
    func testKeyCacheComputesEachKeyOnceAndReturnsItsOwnValue() {
        var cache = KeyCache<String?>()
        var calls: [String: Int] = [:]
        // Enough keys to grow the table several times; prefixes and lengths that differ by one byte.
        let keys = (0..<2000).map { "K\($0)" } + ["", "K", "K1", "K10", "ÉLODIE", "ELODIE", "a longer key than eight bytes"]
        for _ in 0..<2 {
            for k in keys {
                let v = cache.value(k) { raw -> String? in
                    calls[raw, default: 0] += 1
                    return raw.isEmpty ? nil : raw + "!"
                }
                XCTAssertEqual(v, k.isEmpty ? nil : k + "!", k)
            }
        }
        XCTAssertEqual(Set(calls.keys), Set(keys))
        XCTAssertTrue(calls.values.allSatisfy { $0 == 1 })
    }

    func testParallelFillWritesEveryIndexInOrder() {
        for count in [0, 1, 2, 3, 7, 100] {
            for threads in 1...4 {
                let out: [String] = Parallel.fill(count: count, threads: threads) { range, write in
                    var seen = 0  // per-range state, as the normaliser's cache
                    for i in range { seen += 1; write(i, "\(i):\(seen > 0)") }
                }
                XCTAssertEqual(out, (0..<count).map { "\($0):true" }, "count \(count), threads \(threads)")
            }
        }
    }

    func testPersonIDOrderEqualsStringOrder() {
        let hex = (0..<300).map { k in "P" + StableHash.hex(StableHash.fnv1a("person \(k % 250)")) }
        let firsts = (0..<300).map { (300 - $0) * 7 % 301 }
        let expected = hex.indices.sorted { (hex[$0], firsts[$0]) < (hex[$1], firsts[$1]) }
        XCTAssertEqual(PersonIDs.sortOrder(hex, firsts: firsts), expected)
        XCTAssertEqual(PersonIDs.hexNumber("P00000000000a"), 10)
        XCTAssertNil(PersonIDs.hexNumber("P00000000000A"))
        XCTAssertNil(PersonIDs.hexNumber("P0000000000a"))
        // Any other shape falls back to comparing strings.
        let mixed = hex.prefix(20) + ["Pzz", "P0", "Q000000000000"]
        let mixedFirsts = Array(mixed.indices)
        XCTAssertEqual(PersonIDs.sortOrder(Array(mixed), firsts: mixedFirsts),
                       mixed.indices.sorted { (mixed[$0], $0) < (mixed[$1], $1) })
    }

    func testPostalCodeBytePathAgreesWithCharacters() {
        XCTAssertEqual(AddressNormalizer.postalCode("06 300"), "06300")
        XCTAssertEqual(AddressNormalizer.postalCode(" 75001 "), "75001")
        XCTAssertEqual(AddressNormalizer.postalCode("06\u{00A0}300"), "06300")  // non-breaking space: general path
        XCTAssertNil(AddressNormalizer.postalCode("0630"))
        XCTAssertNil(AddressNormalizer.postalCode("063001"))
        XCTAssertNil(AddressNormalizer.postalCode("00000"))
        XCTAssertNil(AddressNormalizer.postalCode("00 000"))
        XCTAssertNil(AddressNormalizer.postalCode(""))
        XCTAssertEqual(AddressNormalizer.postalCode("F-13 00 1 Marseille"), "13001")
    }

    func testAddressScratchReusedGivesFreshResults() {
        let addresses: [PostalAddress?] = [
            PostalAddress(lines: ["12", "bis rue", "ST-JEAN"], postalCode: "06 300", city: "Ste Maxime Cedex 1"),
            PostalAddress(lines: ["3 AV. DE LA GARE"], postalCode: "42000", city: "ST-ÉTIENNE CEDEX"),
            nil,
            PostalAddress(lines: ["XXXXXXXXXX"], postalCode: "00000", city: "XXXXXXXXXX"),
            PostalAddress(lines: ["LIEU-DIT LES PINS"], city: "Aix"),
            PostalAddress(lines: ["7 R PASTEUR"], postalCode: "06100"),
        ]
        var scratch = AddressNormalizer.Scratch()
        for a in addresses + addresses.reversed() {
            XCTAssertEqual(AddressNormalizer.normalize(a, scratch: &scratch), AddressNormalizer.normalize(a))
        }
        XCTAssertEqual(AddressNormalizer.normalize(addresses[4])?.street, "LIEU DIT LES PINS")
    }

    func testRadixSortEqualsSort() {
        var rng = SystemRandomNumberGenerator()
        let small = (0..<5000).map { _ in UInt64.random(in: 0..<300, using: &rng) << 32 | UInt64.random(in: 0..<300, using: &rng) }
        let wide = (0..<3000).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) }
        let same = [UInt64](repeating: 42 << 32 | 7, count: 500)
        for values in [small, wide, same, Array(small.prefix(10)), [], small + wide] {
            var v = values
            RadixSort.sort(&v)
            XCTAssertEqual(v, values.sorted())
        }
    }

    func testSortedDistinctKeys() {
        for keys in [[], ["B"], ["B", "A", "B", "C", "A"], ["A", "A", "A"], ["C", "B", "A"]] {
            var k = keys
            RecordNormalizer.sortedDistinct(&k)
            XCTAssertEqual(k, Array(Set(keys)).sorted())
        }
    }
}
