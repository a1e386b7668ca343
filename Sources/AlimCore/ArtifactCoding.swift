import Foundation

/// Encodes and decodes stage artifacts as JSON, deterministically.
///
/// Sorted keys and no floating-point noise give byte-identical artifacts for the same inputs and
/// `--date`, which is what lets an operator rerun one stage and compare.
public enum ArtifactCoding {
    /// The encoder every stage uses for its persisted artifact.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return e
    }

    /// Encodes an artifact.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder().encode(value)
        data.append(0x0A)
        return data
    }

    /// Decodes an artifact written by `encode`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }

    /// Writes an artifact atomically, mode 0600.
    public static func write<T: Encodable>(_ value: T, to url: URL) throws {
        try SecureFile.write(try encode(value), to: url)
    }

    /// Reads an artifact.
    public static func read<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        try decode(type, from: try Data(contentsOf: url))
    }
}
