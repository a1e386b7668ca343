import AlimCore

/// A postal address cut into the parts two records can agree on.
public struct NormalizedAddress: Codable, Hashable, Sendable {
    /// House number with its suffix (`12`, `12B`, `12BIS`), when written.
    public var number: String?
    /// Canonical street type (`RUE`, `AVENUE`…), when recognised.
    public var streetType: String?
    /// Remaining folded words of the street (`VICTOR HUGO`), particles kept.
    public var street: String
    /// Five-digit postal code, when written.
    public var postalCode: String?
    /// Folded commune without separators (`SAINTETIENNE`).
    public var city: String?

    public init(number: String?, streetType: String?, street: String, postalCode: String?, city: String?) {
        self.number = number
        self.streetType = streetType
        self.street = street
        self.postalCode = postalCode
        self.city = city
    }

    /// Locality key (postal code, else commune) used for blocking and comparison.
    public var locality: String? { postalCode ?? city }
}

/// Tokenises addresses; the abbreviation table is data so a new spelling is one line.
enum AddressNormalizer {
    /// Street-type spellings to their canonical word.
    static let streetTypes: [String: String] = [
        "R": "RUE", "RUE": "RUE",
        "AV": "AVENUE", "AVE": "AVENUE", "AVENUE": "AVENUE",
        "BD": "BOULEVARD", "BLD": "BOULEVARD", "BOUL": "BOULEVARD", "BOULEVARD": "BOULEVARD",
        "CHE": "CHEMIN", "CH": "CHEMIN", "CHEM": "CHEMIN", "CHEMIN": "CHEMIN",
        "IMP": "IMPASSE", "IMPASSE": "IMPASSE",
        "PL": "PLACE", "PLACE": "PLACE",
        "ALL": "ALLEE", "ALLEE": "ALLEE", "ALLEES": "ALLEE",
        "RTE": "ROUTE", "ROUTE": "ROUTE",
        "CRS": "COURS", "COURS": "COURS",
        "SQ": "SQUARE", "SQUARE": "SQUARE",
        "QU": "QUAI", "QUAI": "QUAI",
        "PASS": "PASSAGE", "PASSAGE": "PASSAGE",
        "LOT": "LOTISSEMENT", "LOTISSEMENT": "LOTISSEMENT",
        "RES": "RESIDENCE", "RESIDENCE": "RESIDENCE",
        "HAM": "HAMEAU", "HAMEAU": "HAMEAU",
        "LD": "LIEUDIT", "LIEUDIT": "LIEUDIT",
        "TRA": "TRAVERSE", "TRAVERSE": "TRAVERSE",
        "MTE": "MONTEE", "MONTEE": "MONTEE",
        "VC": "VOIE", "VOIE": "VOIE",
        "FG": "FAUBOURG", "FBG": "FAUBOURG", "FAUBOURG": "FAUBOURG",
        "ESP": "ESPLANADE", "ESPLANADE": "ESPLANADE",
    ]

    /// Number suffixes written after the house number.
    static let numberSuffixes: Set<String> = ["B", "BIS", "T", "TER", "Q", "QUATER", "A", "C"]

    /// Words written for "saint" in communes and streets.
    static let saintSpellings: [String: String] = ["ST": "SAINT", "STE": "SAINTE"]

    /// Normalised address, or nil when nothing usable remains (empty or `XXXXXXXXXX` placeholders).
    ///
    /// Works on the folded bytes (folding leaves only ASCII): tokens are ranges of one buffer, and only
    /// the few strings kept in the result are built.
    static func normalize(_ address: PostalAddress?) -> NormalizedAddress? {
        var scratch = Scratch()
        return normalize(address, scratch: &scratch)
    }

    /// Working buffers kept from one address to the next, so normalising many addresses allocates only
    /// the strings it returns.
    struct Scratch {
        var buf: [UInt8] = []
        var tokens: [Token] = []
        var street: [UInt8] = []
        var cityBuf: [UInt8] = []
        var city: [UInt8] = []
    }

    /// `normalize(_:)` with `scratch`'s buffers (their content on entry does not matter).
    static func normalize(_ address: PostalAddress?, scratch: inout Scratch) -> NormalizedAddress? {
        guard let address else { return nil }
        var buf: [UInt8] = [], tokens: [Token] = [], street: [UInt8] = [], cityBuf: [UInt8] = [], city: [UInt8] = []
        swap(&buf, &scratch.buf); swap(&tokens, &scratch.tokens); swap(&street, &scratch.street)
        swap(&cityBuf, &scratch.cityBuf); swap(&city, &scratch.city)
        buf.removeAll(keepingCapacity: true); tokens.removeAll(keepingCapacity: true); street.removeAll(keepingCapacity: true)
        cityBuf.removeAll(keepingCapacity: true); city.removeAll(keepingCapacity: true)
        defer {
            swap(&buf, &scratch.buf); swap(&tokens, &scratch.tokens); swap(&street, &scratch.street)
            swap(&cityBuf, &scratch.cityBuf); swap(&city, &scratch.city)
        }
        for line in address.lines {
            TextFold.appendFolded(line, to: &buf)
            buf.append(0x20)  // lines never run into each other
        }
        tokenize(buf, into: &tokens)
        var number: [UInt8]?
        var streetType: String?
        var words = 0
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if number == nil, words == 0, streetType == nil, t.startsWithDigit(buf) {
                var digits = Array(buf[t.range.prefix { buf[$0] >= 48 && buf[$0] <= 57 }])
                if t.range.count > digits.count {
                    digits.append(buf[t.range.lowerBound + digits.count])  // the suffix letter, glued (`12B`)
                } else if i + 1 < tokens.count, numberSuffixes.contains(tokens[i + 1].text(buf)) {
                    digits.append(tokens[i + 1].bytes(buf).first!)
                    i += 1
                }
                number = digits
            } else if streetType == nil, words == 0, let type = streetTypes[t.text(buf)] {
                streetType = type
            } else {
                if words > 0 { street.append(0x20) }
                street.append(contentsOf: t.bytes(buf))
                words += 1
            }
            i += 1
        }
        let postal = address.postalCode.flatMap(postalCode)
        TextFold.appendFolded(address.city ?? "", to: &cityBuf)
        tokens.removeAll(keepingCapacity: true)
        tokenize(cityBuf, into: &tokens)
        for t in tokens where !t.isCedex(cityBuf) && !t.allDigits(cityBuf) { city.append(contentsOf: t.bytes(cityBuf)) }
        if words == 0, number == nil, postal == nil, city.isEmpty { return nil }
        return NormalizedAddress(number: number.map { String(decoding: $0, as: UTF8.self) }, streetType: streetType,
                                 street: String(decoding: street, as: UTF8.self), postalCode: postal,
                                 city: city.isEmpty ? nil : String(decoding: city, as: UTF8.self))
    }

    /// Five digits kept from a postal code as typed (`06 300` → `06300`), or nil.
    static func postalCode(_ raw: String) -> String? {
        // ASCII (nearly every code): the digits packed into one integer, no array nor `Character`.
        var packed: UInt64 = 0, count = 0, ascii = true
        for b in raw.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b >= 48, b <= 57 {
                count += 1
                if count <= 5 { packed = packed << 8 | UInt64(b) }
            }
        }
        if ascii {
            // Five digits, not `00000` (the only placeholder made of digits).
            guard count == 5, packed != 0x30_3030_3030 else { return nil }
            return String(unsafeUninitializedCapacity: 5, initializingUTF8With: { out in
                for k in 0..<5 { out[k] = UInt8(truncatingIfNeeded: packed >> (8 * UInt64(4 - k))) }
                return 5
            })
        }
        let digits = raw.filter { $0.isNumber }
        return digits.count == 5 && !isPlaceholder(digits) ? digits : nil
    }

    /// `saintSpellings` as bytes, for the tokeniser.
    static let saintBytes: [(from: [UInt8], to: [UInt8])] =
        saintSpellings.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), Array($0.value.utf8)) }

    /// One folded token: a range of the buffer, or the index of its `saintBytes` rewrite.
    struct Token {
        var range: Range<Int>
        var saint = -1

        func bytes(_ buf: [UInt8]) -> ArraySlice<UInt8> { saint < 0 ? buf[range] : AddressNormalizer.saintBytes[saint].to[...] }
        func text(_ buf: [UInt8]) -> String { String(decoding: bytes(buf), as: UTF8.self) }
        func startsWithDigit(_ buf: [UInt8]) -> Bool { saint < 0 && buf[range.lowerBound] >= 48 && buf[range.lowerBound] <= 57 }
        func allDigits(_ buf: [UInt8]) -> Bool { saint < 0 && buf[range].allSatisfy { $0 >= 48 && $0 <= 57 } }
        func isCedex(_ buf: [UInt8]) -> Bool { saint < 0 && buf[range].elementsEqual("CEDEX".utf8) }
    }

    /// The alphanumeric runs of folded `buf`, placeholders dropped and "saint" spellings rewritten
    /// (`saintSpellings`), as `TextFold.tokens` would cut them.
    static func tokenize(_ buf: [UInt8], into out: inout [Token]) {
        var start = -1
        for k in 0...buf.count {
            let b = k < buf.count ? buf[k] : 0
            let alnum = (b >= 65 && b <= 90) || (b >= 48 && b <= 57)
            if alnum, start < 0 { start = k }
            if !alnum, start >= 0 {
                let r = start..<k
                start = -1
                if isPlaceholder(buf[r]) { continue }
                out.append(Token(range: r, saint: saintBytes.firstIndex { buf[r].elementsEqual($0.from) } ?? -1))
            }
        }
    }

    /// `XXXXXXXXXX`, `00000`: anonymisation placeholders, never evidence.
    static func isPlaceholder(_ token: String) -> Bool {
        guard token.count >= 3, let first = token.first else { return false }
        return (first == "X" || first == "0") && token.allSatisfy { $0 == first }
    }

    /// `isPlaceholder` over a folded token's bytes.
    static func isPlaceholder(_ token: ArraySlice<UInt8>) -> Bool {
        guard token.count >= 3, let first = token.first else { return false }
        return (first == UInt8(ascii: "X") || first == UInt8(ascii: "0")) && token.allSatisfy { $0 == first }
    }
}

import Foundation
