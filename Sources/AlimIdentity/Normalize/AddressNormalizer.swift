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
    static func normalize(_ address: PostalAddress?) -> NormalizedAddress? {
        guard let address else { return nil }
        var tokens = address.lines.flatMap { TextFolding.tokens($0) }.filter { !isPlaceholder($0) }
        tokens = tokens.map { saintSpellings[$0] ?? $0 }
        var number: String?
        var streetType: String?
        var words: [String] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if number == nil, words.isEmpty, streetType == nil, let first = t.first, first.isNumber {
                let digits = t.prefix(while: \.isNumber)
                var suffix = String(t.dropFirst(digits.count).prefix(1))
                if suffix.isEmpty, i + 1 < tokens.count, numberSuffixes.contains(tokens[i + 1]) {
                    suffix = String(tokens[i + 1].prefix(1))
                    i += 1
                }
                number = String(digits) + suffix
            } else if streetType == nil, words.isEmpty, let type = streetTypes[t] {
                streetType = type
            } else {
                words.append(t)
            }
            i += 1
        }
        let postal = address.postalCode.map { $0.filter { $0.isNumber } }.flatMap { $0.count == 5 && !isPlaceholder($0) ? $0 : nil }
        let cityTokens = TextFolding.tokens(address.city ?? "").filter { !isPlaceholder($0) && $0 != "CEDEX" && !$0.allSatisfy(\.isNumber) }
            .map { saintSpellings[$0] ?? $0 }
        let city = cityTokens.isEmpty ? nil : cityTokens.joined()
        if words.isEmpty, number == nil, postal == nil, city == nil { return nil }
        return NormalizedAddress(number: number, streetType: streetType, street: words.joined(separator: " "),
                                 postalCode: postal, city: city)
    }

    /// `XXXXXXXXXX`, `00000`: anonymisation placeholders, never evidence.
    static func isPlaceholder(_ token: String) -> Bool {
        guard token.count >= 3, let first = token.first else { return false }
        return (first == "X" || first == "0") && token.allSatisfy { $0 == first }
    }
}

import Foundation
