import Foundation

/// Encodes and decodes stage artifacts as JSON, deterministically.
///
/// Sorted keys and no floating-point noise give byte-identical artifacts for the same inputs and
/// `--date`, which is what lets an operator rerun one stage and compare.
///
/// Every artifact carries the format it was written in (`formatVersion`, a top-level key beside the
/// artifact's own): a stage refuses an artifact of another format, or one that does not decode, with
/// a French message (`ArtifactError`) rather than misreading it.
public enum ArtifactCoding {
    /// The format of the artifacts this version of Alim writes and reads. Raise it with any change of
    /// an artifact that an earlier Alim would misread or refuse. Format 1: before the version was written.
    /// Format 3: compact JSON; normalized.json and identity.json hold only what their stage adds.
    public static let formatVersion = 3
    /// The top-level key that carries `formatVersion`.
    public static let versionKey = "formatVersion"

    /// The encoder every stage uses for its persisted artifact: compact for the stages' artifacts (read by
    /// programs, hundreds of megabytes at a département's size), indented for the files people open
    /// (`summary.json`, `run.json`).
    public static func encoder(readable: Bool = false) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = readable ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                      : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// Encodes an artifact (a JSON object), with `formatVersion` beside its keys.
    public static func encode<T: Encodable>(_ value: T, readable: Bool = false) throws -> Data {
        var data = try encoder(readable: readable).encode(Versioned(value: value))
        data.append(0x0A)
        return data
    }

    /// Decodes an artifact written by `encode`, refusing another format or a damaged file.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, name: String = "") throws -> T {
        // One parse: the version is checked inside the decoding, before the artifact's own fields.
        do {
            return try JSONDecoder().decode(VersionedDecoding<T>.self, from: data).value
        } catch let mismatch as FormatMismatch {
            throw ArtifactError(name: name, kind: .otherFormat(found: mismatch.found, expected: formatVersion))
        } catch let error as DecodingError {
            throw ArtifactError(name: name, kind: .undecodable(field: error.fieldPath))
        } catch {
            throw ArtifactError(name: name, kind: .undecodable(field: nil))
        }
    }

    /// Writes an artifact atomically, mode 0600.
    public static func write<T: Encodable>(_ value: T, to url: URL, readable: Bool = false) throws {
        try SecureFile.write(try encode(value, readable: readable), to: url)
    }

    /// Reads an artifact; an error names the file.
    public static func read<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        try decode(type, from: try Data(contentsOf: url), name: url.lastPathComponent)
    }

    /// The artifact's own keys and `formatVersion` in one JSON object.
    private struct Versioned<Value: Encodable>: Encodable {
        let value: Value

        func encode(to encoder: Encoder) throws {
            try value.encode(to: encoder)
            var c = encoder.container(keyedBy: VersionKey.self)
            try c.encode(ArtifactCoding.formatVersion, forKey: .formatVersion)
        }
    }

    private enum VersionKey: String, CodingKey { case formatVersion }

    /// Reads `formatVersion` first and refuses another format before decoding the artifact itself
    /// from the same parse (a second full parse would double the time and memory of every read).
    private struct VersionedDecoding<Value: Decodable>: Decodable {
        let value: Value

        init(from decoder: Decoder) throws {
            // Not an object, or a version that is no number: damaged (a DecodingError). No version: format 1.
            let found = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .formatVersion) ?? 1
            guard found == ArtifactCoding.formatVersion else { throw FormatMismatch(found: found) }
            value = try Value(from: decoder)
        }
    }

    private struct FormatMismatch: Error { let found: Int }
}

/// An artifact a stage cannot read: written by another version of Alim, or damaged.
public struct ArtifactError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// Written in another format (`found` 1: before formats were written).
        case otherFormat(found: Int, expected: Int)
        /// Not JSON, truncated, or a field of the wrong shape (`field`: its path, `records.3.kind`).
        case undecodable(field: String?)
    }

    /// The file name (`ingest.json`).
    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The operator's sentence.
    public var description: String {
        let artifact = name.isEmpty ? "L'artefact" : "L'artefact \(name)"
        switch kind {
        case let .otherFormat(found, expected):
            return "\(artifact) a été écrit par une autre version d'Alim (format \(found), attendu \(expected)) : "
                + "relancez l'exécution complète."
        case let .undecodable(field):
            let at = field.map { " (champ \($0))" } ?? ""
            return "\(artifact) est illisible, endommagé ou tronqué\(at) : relancez l'exécution complète."
        }
    }
}

extension DecodingError {
    /// The path of the field that did not decode, `records.3.kind`; nil at the top level.
    var fieldPath: String? {
        let path: [CodingKey]
        switch self {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c): path = c.codingPath
        case let .keyNotFound(key, c): path = c.codingPath + [key]
        @unknown default: return nil
        }
        guard !path.isEmpty else { return nil }
        return path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
