import AlimCore
import CCairoPango
import Foundation

/// A minimal, deterministic zip writer (PKWARE APPNOTE 6.3: local headers, central directory, end
/// record; no zip64, no data descriptors): every field comes from the entry and the run date, so
/// the same files give the same bytes. Entries are 0600 regular files made on Unix.
struct ZipBuilder {
    /// How an entry is written.
    enum Method {
        case stored
        /// Raw deflate at a zlib level (1 = fastest, 6 = zlib's default).
        case deflated(level: Int32)
    }

    private var out = Data()
    private var central = Data()
    private var count = 0
    private let dosTime: UInt16 = 0
    private let dosDate: UInt16

    init(date: RunDate) {
        dosDate = UInt16(max(0, date.year - 1980) << 9 | date.month << 5 | date.day)
    }

    mutating func add(name: String, data: Data, method: Method) throws {
        let crc = data.withUnsafeBytes { raw -> UInt32 in
            UInt32(crc32_z(0, raw.bindMemory(to: Bytef.self).baseAddress, raw.count))
        }
        let body: Data, code: UInt16
        switch method {
        case .stored: body = data; code = 0
        case let .deflated(level): body = try Self.deflate(data, level: level); code = 8
        }
        let nameBytes = Data(name.utf8)
        guard out.count <= UInt32.max - UInt32(body.count) - 1024, data.count <= UInt32.max else {
            throw SheetsError.zip("\(name) : archive trop grande (plus de 4 Go)")
        }
        let offset = UInt32(out.count)
        // Local file header.
        var h = Data()
        h.le32(0x0403_4B50); h.le16(20); h.le16(0); h.le16(code); h.le16(dosTime); h.le16(dosDate)
        h.le32(crc); h.le32(UInt32(body.count)); h.le32(UInt32(data.count)); h.le16(UInt16(nameBytes.count)); h.le16(0)
        out.append(h); out.append(nameBytes); out.append(body)
        // Central directory entry: made by Unix (3), version 2.0; external attributes carry the mode.
        var c = Data()
        c.le32(0x0201_4B50); c.le16(3 << 8 | 20); c.le16(20); c.le16(0); c.le16(code); c.le16(dosTime); c.le16(dosDate)
        c.le32(crc); c.le32(UInt32(body.count)); c.le32(UInt32(data.count)); c.le16(UInt16(nameBytes.count))
        c.le16(0); c.le16(0); c.le16(0); c.le16(0); c.le32(UInt32(0o100600) << 16); c.le32(offset)
        central.append(c); central.append(nameBytes)
        count += 1
    }

    /// The archive bytes: entries, central directory, end record.
    mutating func finish() throws -> Data {
        guard count < 0xFFFF else { throw SheetsError.zip("trop de fichiers pour une archive zip simple") }
        let start = UInt32(out.count)
        out.append(central)
        var e = Data()
        e.le32(0x0605_4B50); e.le16(0); e.le16(0); e.le16(UInt16(count)); e.le16(UInt16(count))
        e.le32(UInt32(central.count)); e.le32(start); e.le16(0)
        out.append(e)
        return out
    }

    /// Raw deflate (no zlib header), as zip wants it.
    private static func deflate(_ data: Data, level: Int32) throws -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw SheetsError.zip("zlib indisponible")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(data.count)))
        var result = Data(count: bound)
        let status = data.withUnsafeBytes { input -> Int32 in
            result.withUnsafeMutableBytes { output -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = output.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(output.count)
                return CCairoPango.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw SheetsError.zip("échec de la compression (zlib \(status))") }
        result.count = Int(stream.total_out)
        return result
    }
}

private extension Data {
    mutating func le16(_ v: UInt16) { Swift.withUnsafeBytes(of: v.littleEndian) { append(contentsOf: $0) } }
    mutating func le32(_ v: UInt32) { Swift.withUnsafeBytes(of: v.littleEndian) { append(contentsOf: $0) } }
}
