import AlimCore

/// Names that lost a letter to an 8-bit export.
///
/// SIECLE writes ISO-8859-15 and ONDE cp1252: a letter outside Latin-9 (`ğ`, `ş`, `ł`, `ı`, `ă`…) cannot
/// be written, so SIECLE puts « ? » in its place and ONDE drops or transliterates it: one guardian is
/// `Oğuz` in a UTF-8 AAF file, `O?uz` in SIECLE, `Ouz` or `Oguz` in ONDE. Such a name keeps a *loss
/// pattern* (folded letters, `?` for the letter the export could not write) and two names agree when
/// their patterns do with each `?` standing for one letter or none. A pattern exists only when a name
/// holds a `?` or a letter outside Latin-9, so no ordinary name is ever compared this way.
enum EncodingLoss {
    /// The byte the patterns use for a lost letter.
    static let lost = UInt8(ascii: "?")
    /// At most this many lost letters in one name: beyond, too little of the name is left to compare.
    static let maxLost = 3
    /// At least this many letters must remain and agree.
    static let minKept = 3

    /// The loss pattern of a raw name, or nil when nothing in it could have been lost.
    static func pattern(_ raw: String) -> [UInt8]? {
        guard raw.utf8.contains(where: { $0 == lost || $0 >= 0x80 }) else { return nil }
        var out: [UInt8] = []
        var losses = 0
        for scalar in raw.unicodeScalars {
            if scalar == "?" || (scalar.properties.isAlphabetic && !Latin9.contains(scalar)) {
                out.append(lost)
                losses += 1
                continue
            }
            for b in TextFold.fold(String(scalar)).utf8 where (b >= 65 && b <= 90) || (b >= 48 && b <= 57) { out.append(b) }
        }
        guard losses > 0, losses <= maxLost, out.count - losses >= minKept else { return nil }
        return out
    }

    /// Whether two names agree once each `?` of either stands for one letter or none (two `?` agree).
    /// `other` may itself be a pattern or a plain compact name.
    static func matches(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let n = a.count, m = b.count
        guard abs(n - m) <= maxLost else { return false }
        // reach[i][j]: a[..<i] and b[..<j] agree. Names are short: a full table is cheap.
        var reach = Array(repeating: Array(repeating: false, count: m + 1), count: n + 1)
        reach[0][0] = true
        for i in 0...n {
            for j in 0...m where reach[i][j] {
                if i < n, j < m, a[i] == b[j] { reach[i + 1][j + 1] = true }
                if i < n, a[i] == lost {
                    reach[i + 1][j] = true                    // lost and dropped by the other export
                    if j < m { reach[i + 1][j + 1] = true }   // lost here, written (or lost) there
                }
                if j < m, b[j] == lost {
                    reach[i][j + 1] = true
                    if i < n { reach[i + 1][j + 1] = true }
                }
            }
        }
        return reach[n][m]
    }
}

/// ISO-8859-15 (Latin-9), the widest character set of the 8-bit exports: what it can write survives
/// them all (accents may still be dropped by a tool, which `accentless` covers).
enum Latin9 {
    /// The eight code points Latin-9 has in place of Latin-1's ¤ ¦ ¨ ´ ¸ ¼ ½ ¾.
    static let extra: Set<UInt32> = [0x20AC, 0x160, 0x161, 0x17D, 0x17E, 0x152, 0x153, 0x178]
    static let replaced: Set<UInt32> = [0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE]

    /// Whether Latin-9 can write the scalar. Combining marks count as writable: the letter they sit on
    /// is folded with them.
    static func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return true }
        if v >= 0xA0, v <= 0xFF { return !replaced.contains(v) }
        if (0x300...0x36F).contains(v) { return true }
        return extra.contains(v)
    }
}
