import AlimCore

/// Reads the state's JSON columns in the exact form `JSONColumnEncoder` writes them (`["a","b"]`,
/// `[{"file":"…","ref":"…"}]`), without a general decoder: at a département's 150,000 accounts,
/// three `JSONDecoder` calls per row were most of loading the state.
///
/// It answers nil for anything else (white space, an escape, another key order, damage), and the
/// caller then asks `JSONDecoder`, which stays the judge of what is valid: this path only ever
/// accepts text that `JSONDecoder` reads to the same values (`StateJSONColumnTests`).
enum JSONColumnParser {
    static func strings(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var i = 0
            guard bytes.count >= 2, bytes[0] == UInt8(ascii: "[") else { return nil }
            i = 1
            var out: [String] = []
            if bytes[i] == UInt8(ascii: "]") { return i + 1 == bytes.count ? out : nil }
            while true {
                guard let s = string(bytes, &i) else { return nil }
                out.append(s)
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                guard bytes[i] == UInt8(ascii: "]"), i + 1 == bytes.count else { return nil }
                return out
            }
        }
    }

    static func refs(_ text: String) -> [RecordRef]? {
        var text = text
        return text.withUTF8 { bytes -> [RecordRef]? in
            guard bytes.count >= 2, bytes[0] == UInt8(ascii: "[") else { return nil }
            var i = 1
            var out: [RecordRef] = []
            if bytes[i] == UInt8(ascii: "]") { return i + 1 == bytes.count ? out : nil }
            while true {
                guard literal(bytes, &i, "{\"file\":"), let file = string(bytes, &i),
                      literal(bytes, &i, ",\"ref\":"), let ref = string(bytes, &i), literal(bytes, &i, "}") else { return nil }
                out.append(RecordRef(file: file, ref: ref))
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                guard bytes[i] == UInt8(ascii: "]"), i + 1 == bytes.count else { return nil }
                return out
            }
        }
    }

    /// A string literal without escapes or control characters, from `i` (on its opening quote).
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        var j = start
        while j < bytes.count {
            let b = bytes[j]
            if b == UInt8(ascii: "\"") {
                i = j + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<j]), as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
            j += 1
        }
        return nil
    }

    private static func literal(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        let p = text.utf8Start
        for k in 0..<n where bytes[i + k] != p[k] { return false }
        i += n
        return true
    }
}
