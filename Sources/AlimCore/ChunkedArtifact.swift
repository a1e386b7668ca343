import Foundation

/// An artifact whose large arrays are encoded one element at a time and written as they are encoded.
///
/// Foundation's `JSONEncoder` builds the whole document in memory before writing a byte: for a
/// million accounts that tree weighed gigabytes and took a quarter of a night's CPU. Encoding each
/// record alone gives the very same bytes (compact JSON with sorted keys is the concatenation of its
/// parts; `ChunkedArtifactTests` compares the two for every chunked artifact), so readers are unchanged.
public protocol ChunkedArtifact: Encodable, Sendable {
    /// Every top-level field `encode(to:)` writes, each once (order does not matter: keys are sorted).
    var chunkedFields: [ArtifactField] { get }
}

/// One top-level field of a `ChunkedArtifact`: a value encoded whole, or an array encoded element by element.
public struct ArtifactField: Sendable {
    public let key: String
    let write: @Sendable (JSONEncoder, (Data) throws -> Void) throws -> Void

    /// A field encoded whole (small: counts, contexts, short lists).
    public static func value<T: Encodable & Sendable>(_ key: String, _ value: T) -> ArtifactField {
        ArtifactField(key: key) { encoder, emit in try emit(encoder.encode(value)) }
    }

    /// An array encoded one element at a time.
    public static func array<T: Encodable & Sendable>(_ key: String, _ values: [T]) -> ArtifactField {
        ArtifactField(key: key) { encoder, emit in
            try emit(Data("[".utf8))
            var buffer = Data()
            for (i, v) in values.enumerated() {
                if i > 0 { buffer.append(0x2C) }
                buffer.append(try encoder.encode(v))
                if buffer.count >= 1 << 20 {
                    try emit(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            buffer.append(0x5D)
            try emit(buffer)
        }
    }
}

extension ArtifactCoding {
    /// Writes a chunked artifact atomically, mode 0600: the bytes `write(_:to:)` would write, produced
    /// field by field and record by record.
    public static func writeChunked<T: ChunkedArtifact>(_ value: T, to url: URL) throws {
        try SecureFile.write(to: url) { emit in try encodeChunked(value, emit) }
    }

    /// The bytes of `encode(_:)` for a chunked artifact, handed out piece by piece.
    public static func encodeChunked<T: ChunkedArtifact>(_ value: T, _ emit: (Data) throws -> Void) throws {
        let encoder = encoder()
        let fields = (value.chunkedFields + [.value(versionKey, formatVersion)]).sorted { $0.key < $1.key }
        try emit(Data("{".utf8))
        for (i, field) in fields.enumerated() {
            var head = i == 0 ? Data() : Data(",".utf8)
            head.append(try encoder.encode(field.key))
            head.append(0x3A)
            try emit(head)
            try field.write(encoder, emit)
        }
        try emit(Data("}\n".utf8))
    }
}

extension IngestArtifact: ChunkedArtifact {
    public var chunkedFields: [ArtifactField] {
        [.array("records", records), .array("rejects", rejects), .array("warnings", warnings), .value("files", files),
         .value("context", context), .value("familyLinks", familyLinks), .value("linkReview", linkReview),
         .value("entCredentials", entCredentials)]
    }
}

extension AccountsArtifact: ChunkedArtifact {
    public var chunkedFields: [ArtifactField] {
        [.array("accounts", accounts), .array("lineage", lineage), .array("directory", directory), .value("holds", holds),
         .value("schoolsMissing", schoolsMissing), .value("warnings", warnings)]
    }
}
