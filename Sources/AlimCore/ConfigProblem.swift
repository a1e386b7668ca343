import Foundation

/// A key or a value of `alim.toml` this version of Alim refuses, found while decoding `AlimConfig`.
///
/// Thrown by the sections' `init(from:)`; the loader, which knows the file and can find the line,
/// turns it into the operator's sentence (`sentence(location:)`) and exit 64. Never a silent default:
/// a typo in a key would otherwise leave the setting at its default without a word.
public struct ConfigProblem: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A key its section does not declare. `suggestion` is the nearest known key (edit distance),
        /// when one is close enough; `known` the keys of that section, to list when none is.
        case unknownKey(suggestion: String?, known: [String])
        /// A known key of another section, written in this one (`grace_days` under `[sheets]`).
        case misplacedKey(section: String)
        /// A value of the wrong TOML type; `expected` says what is expected, in French.
        case wrongType(expected: String)
        /// A text outside its list of values.
        case unknownValue(String, accepted: [String])
        /// A school code that is not a UAI (7 digits and one letter).
        case notAUAI(String)
    }

    /// Where in the file: section then key (`["accounts", "code_valdity_days"]`), one name for a
    /// section or a key outside any section.
    public var path: [String]
    public var kind: Kind
    /// Whether the unknown name at the top level is a section (`[acounts]`) rather than a key.
    public var isSection: Bool

    public init(path: [String], kind: Kind, isSection: Bool = false) {
        self.path = path
        self.kind = kind
        self.isSection = isSection
    }

    /// `[accounts] code_validity_days`, `[accounts]`, or a bare key outside any section.
    public var displayedKey: String {
        switch path.count {
        case 0: return ""
        case 1: return isSection ? "[\(path[0])]" : path[0]
        default: return "[\(path.dropLast().joined(separator: "."))] \(path.last!)"
        }
    }

    /// The key in TOML's dotted form, `accounts.credentials`.
    public var dottedKey: String { path.joined(separator: ".") }

    /// The operator's sentence, `location` being where the key is (`alim.toml, ligne 12`).
    public func sentence(location: String) -> String {
        let head = "Configuration refusée : "
        switch kind {
        case let .unknownKey(suggestion, known):
            let what = isSection ? "section inconnue" : "clé inconnue"
            var text = head + "\(what) « \(displayedKey) » (\(location))."
            if let suggestion {
                text += " Vouliez-vous dire « \(isSection ? "[\(suggestion)]" : suggestion) » ?"
            } else if !known.isEmpty {
                let section = path.count > 1 ? "[\(path.dropLast().joined(separator: "."))]" : ""
                let names = isSection || path.count == 1 ? known.map { "[\($0)]" } : known
                text += " " + (section.isEmpty ? "Sections connues" : "Clés connues de \(section)")
                    + " : " + names.joined(separator: ", ") + "."
            }
            return text
        case let .misplacedKey(section):
            return head + "clé « \(displayedKey) » hors de sa section (\(location)) : elle se met dans « [\(section)] »."
        case let .wrongType(expected):
            return head + "valeur de type incorrect pour \(dottedKey) (\(location)) : \(expected) attendu."
        case let .unknownValue(value, accepted):
            let list = accepted.map { "« \($0) »" }
            let choices = list.count > 1 ? list.dropLast().joined(separator: ", ") + " ou " + list.last! : list.joined()
            return head + "valeur « \(value) » inconnue pour \(dottedKey) (\(location)) : \(choices) attendu."
        case let .notAUAI(value):
            return head + "« \(value) » n'est pas un code d'école UAI (7 chiffres et une lettre, par exemple 0611234A) "
                + "dans \(path.first == "schools" ? "[schools]" : dottedKey) (\(location))."
        }
    }

    /// The nearest of `known` to `key` by edit distance, when it is close enough to be a typo.
    public static func nearest(_ key: String, in known: [String]) -> String? {
        let target = Array(key.lowercased())
        var best: (distance: Int, name: String)?
        for name in known {
            let d = editDistance(target, Array(name.lowercased()))
            if best == nil || d < best!.distance || (d == best!.distance && name < best!.name) { best = (d, name) }
        }
        guard let best else { return nil }
        return best.distance <= max(2, target.count / 3) ? best.name : nil
    }

    /// Levenshtein distance (insertions, deletions and substitutions each cost 1).
    public static func editDistance<C: Equatable>(_ a: [C], _ b: [C]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// A coding key for any name: lets a section see every key the file gives it, known or not.
struct AnyConfigKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// The container of a section whose keys are its `CodingKeys`, after refusing any other key.
    func configSection<K: CodingKey & CaseIterable>(keyedBy type: K.Type) throws -> KeyedDecodingContainer<K> {
        let given = try container(keyedBy: AnyConfigKey.self)
        let known = K.allCases.map(\.stringValue)
        let path = codingPath.map(\.stringValue)
        for key in given.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue) {
            let name = key.stringValue
            if path.isEmpty {
                // Top level: a section, or a key written before any section header.
                let isSection = (try? given.nestedContainer(keyedBy: AnyConfigKey.self, forKey: key)) != nil
                if !isSection, let home = AlimConfig.section(declaring: name) {
                    throw ConfigProblem(path: [name], kind: .misplacedKey(section: home))
                }
                throw ConfigProblem(path: [name], kind: .unknownKey(suggestion: ConfigProblem.nearest(name, in: known), known: known),
                                    isSection: isSection)
            }
            if let home = AlimConfig.section(declaring: name) {
                throw ConfigProblem(path: path + [name], kind: .misplacedKey(section: home))
            }
            throw ConfigProblem(path: path + [name], kind: .unknownKey(suggestion: ConfigProblem.nearest(name, in: known), known: known))
        }
        return try container(keyedBy: K.self)
    }
}

/// Strict readers of one key: nil when the key is absent (the default applies), the value when it has
/// the expected type, a `ConfigProblem` naming the key otherwise.
extension KeyedDecodingContainer {
    private func problem(_ key: Key, _ kind: ConfigProblem.Kind) -> ConfigProblem {
        ConfigProblem(path: (codingPath + [key]).map(\.stringValue), kind: kind)
    }

    private func typed<T: Decodable>(_ type: T.Type, _ key: Key, expected: String) throws -> T? {
        guard contains(key) else { return nil }
        do {
            return try decode(T.self, forKey: key)
        } catch let problem as ConfigProblem {
            throw problem
        } catch {
            throw problem(key, .wrongType(expected: expected))
        }
    }

    /// A section (a TOML table).
    func section<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        try typed(T.self, key, expected: "une section [\(key.stringValue)]")
    }

    func int(_ key: Key) throws -> Int? {
        try typed(Int.self, key, expected: "un nombre entier, sans guillemets")
    }

    func bool(_ key: Key) throws -> Bool? {
        try typed(Bool.self, key, expected: "true ou false, sans guillemets")
    }

    func string(_ key: Key) throws -> String? {
        try typed(String.self, key, expected: "un texte entre guillemets")
    }

    /// A number written `12` or `12.0`: TOML keeps integers and floats apart, an operator does not.
    func number(_ key: Key) throws -> Double? {
        guard contains(key) else { return nil }
        if let d = try? decode(Double.self, forKey: key) { return d }
        if let i = try? decode(Int.self, forKey: key) { return Double(i) }
        throw problem(key, .wrongType(expected: "un nombre, sans guillemets"))
    }

    /// One of an enumeration's raw values.
    func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ key: Key) throws -> E? where E.RawValue == String {
        guard let raw = try typed(String.self, key, expected: "un texte entre guillemets") else { return nil }
        guard let value = E(rawValue: raw) else {
            throw problem(key, .unknownValue(raw, accepted: E.allCases.map(\.rawValue)))
        }
        return value
    }

    /// A list of an enumeration's raw values.
    func choices<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ key: Key) throws -> [E]? where E.RawValue == String {
        let accepted = E.allCases.map(\.rawValue)
        let example = accepted.prefix(2).map { "\"\($0)\"" }.joined(separator: ", ")
        guard let raws = try typed([String].self, key, expected: "une liste de textes entre guillemets, par exemple [\(example)]")
        else { return nil }
        return try raws.map { raw in
            guard let value = E(rawValue: raw) else { throw problem(key, .unknownValue(raw, accepted: accepted)) }
            return value
        }
    }

    /// A list of school codes (UAI), in their canonical form (`0611234a` → `0611234A`).
    func uais(_ key: Key) throws -> [String]? {
        guard let raws = try typed([String].self, key, expected: "une liste d'UAI entre guillemets, par exemple [\"0611234A\"]")
        else { return nil }
        return try raws.map { raw in
            guard let uai = UAI(raw) else { throw problem(key, .notAUAI(raw)) }
            return uai.value
        }
    }
}
