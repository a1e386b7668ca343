/// The parts of a TrueType font file a PDF needs: metrics for the font descriptor, advance widths
/// for `/W`, and where each glyph's outline lies so a subset can be cut.
///
/// Read once per face and per run from the bytes pango's font already holds (harfbuzz blob), so the
/// PDF embeds exactly the face pango measured. Fonts with PostScript (CFF) outlines are refused
/// (`nil`): the caller draws such runs with the main font's missing-glyph box, keeping their text.
struct TrueTypeFont {
    let data: [UInt8]
    /// Table tag → byte range in `data`.
    let tables: [String: Range<Int>]
    let unitsPerEm: Int
    let numGlyphs: Int
    let bbox: (xMin: Int, yMin: Int, xMax: Int, yMax: Int)
    let ascent: Int
    let descent: Int
    let capHeight: Int
    let italicAngle: Double
    let fixedPitch: Bool
    let postScriptName: String
    private let longLoca: Bool
    private let advances: [UInt16]

    /// Parses the font at `faceIndex` (a collection's member) or returns nil when it is not a usable
    /// TrueType-outline font.
    init?(bytes: [UInt8], faceIndex: Int = 0) {
        data = bytes
        var base = 0
        if Self.tag(bytes, 0) == "ttcf" {
            guard let count = Self.u32(bytes, 8), faceIndex < count, let off = Self.u32(bytes, 12 + 4 * faceIndex) else { return nil }
            base = Int(off)
        }
        guard let numTables = Self.u16(bytes, base + 4) else { return nil }
        var tables: [String: Range<Int>] = [:]
        for i in 0..<Int(numTables) {
            let record = base + 12 + 16 * i
            guard let tag = Self.tag(bytes, record), let off = Self.u32(bytes, record + 8),
                  let len = Self.u32(bytes, record + 12), Int(off) + Int(len) <= bytes.count else { return nil }
            tables[tag] = Int(off)..<(Int(off) + Int(len))
        }
        self.tables = tables
        guard let head = tables["head"], let hhea = tables["hhea"], let maxp = tables["maxp"],
              let hmtx = tables["hmtx"], tables["loca"] != nil, tables["glyf"] != nil,
              let upem = Self.u16(bytes, head.lowerBound + 18), upem > 0,
              let locFormat = Self.u16(bytes, head.lowerBound + 50),
              let glyphs = Self.u16(bytes, maxp.lowerBound + 4),
              let hMetrics = Self.u16(bytes, hhea.lowerBound + 34), hMetrics > 0,
              hmtx.count >= Int(hMetrics) * 4 else { return nil }
        unitsPerEm = Int(upem)
        numGlyphs = Int(glyphs)
        longLoca = locFormat == 1
        bbox = (Self.i16(bytes, head.lowerBound + 36), Self.i16(bytes, head.lowerBound + 38),
                Self.i16(bytes, head.lowerBound + 40), Self.i16(bytes, head.lowerBound + 42))
        ascent = Self.i16(bytes, hhea.lowerBound + 4)
        descent = Self.i16(bytes, hhea.lowerBound + 6)
        if let os2 = tables["OS/2"], os2.count >= 90, (Self.u16(bytes, os2.lowerBound) ?? 0) >= 2 {
            capHeight = Self.i16(bytes, os2.lowerBound + 88)
        } else {
            capHeight = ascent
        }
        if let post = tables["post"], post.count >= 16 {
            italicAngle = Double(Int32(bitPattern: Self.u32(bytes, post.lowerBound + 4) ?? 0)) / 65536
            fixedPitch = (Self.u32(bytes, post.lowerBound + 12) ?? 0) != 0
        } else {
            italicAngle = 0
            fixedPitch = false
        }
        var advances = [UInt16](repeating: 0, count: Int(glyphs))
        var last: UInt16 = 0
        for g in 0..<Int(glyphs) {
            if g < Int(hMetrics) { last = Self.u16(bytes, hmtx.lowerBound + 4 * g) ?? 0 }
            advances[g] = last
        }
        self.advances = advances
        postScriptName = Self.postScriptName(bytes, tables["name"]) ?? "Font"
    }

    /// Advance width in font units (0 for an unknown glyph).
    func advance(_ gid: Int) -> Int { gid < advances.count ? Int(advances[gid]) : 0 }

    /// Byte range of a glyph's outline in `data` (empty for a blank glyph such as the space).
    func glyphRange(_ gid: Int) -> Range<Int> {
        guard gid >= 0, gid < numGlyphs, let loca = tables["loca"], let glyf = tables["glyf"] else { return 0..<0 }
        let start: Int, end: Int
        if longLoca {
            start = Int(Self.u32(data, loca.lowerBound + 4 * gid) ?? 0)
            end = Int(Self.u32(data, loca.lowerBound + 4 * gid + 4) ?? 0)
        } else {
            start = 2 * Int(Self.u16(data, loca.lowerBound + 2 * gid) ?? 0)
            end = 2 * Int(Self.u16(data, loca.lowerBound + 2 * gid + 2) ?? 0)
        }
        guard end > start, glyf.lowerBound + end <= glyf.upperBound else { return 0..<0 }
        return (glyf.lowerBound + start)..<(glyf.lowerBound + end)
    }

    /// Glyphs a composite glyph is built from: they must travel with it in a subset.
    func components(_ gid: Int) -> [Int] {
        let range = glyphRange(gid)
        guard range.count >= 10, Self.i16(data, range.lowerBound) < 0 else { return [] }
        var out: [Int] = []
        _ = Self.walkComponents(data, from: range.lowerBound + 10, to: range.upperBound) { flagsAt in
            out.append(Int(Self.u16(data, flagsAt + 2) ?? 0))
        }
        return out
    }

    /// Walks the component records of a composite glyph lying in `bytes[start..<end]`, calling `body`
    /// with the offset of each record's flags; returns the offset just past the last record (where
    /// the glyph's instructions start, when it has any).
    static func walkComponents(_ bytes: [UInt8], from start: Int, to end: Int, _ body: (Int) -> Void) -> Int {
        var p = start
        while p + 4 <= end {
            let flags = Int(u16(bytes, p) ?? 0)
            body(p)
            p += 4 + (flags & 0x0001 != 0 ? 4 : 2)
            if flags & 0x0008 != 0 { p += 2 } else if flags & 0x0040 != 0 { p += 4 } else if flags & 0x0080 != 0 { p += 8 }
            if flags & 0x0020 == 0 { break }
        }
        return p
    }

    // MARK: big-endian readers (nil or 0 past the end: a damaged font never traps)

    static func u16(_ b: [UInt8], _ at: Int) -> UInt16? {
        guard at >= 0, at + 2 <= b.count else { return nil }
        return UInt16(b[at]) << 8 | UInt16(b[at + 1])
    }

    static func i16(_ b: [UInt8], _ at: Int) -> Int { Int(Int16(bitPattern: u16(b, at) ?? 0)) }

    static func u32(_ b: [UInt8], _ at: Int) -> UInt32? {
        guard at >= 0, at + 4 <= b.count else { return nil }
        return UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }

    static func tag(_ b: [UInt8], _ at: Int) -> String? {
        guard at >= 0, at + 4 <= b.count else { return nil }
        return String(decoding: b[at..<(at + 4)], as: UTF8.self)
    }

    /// The PostScript name (name ID 6), Windows UTF-16 or Mac Roman record, restricted to the
    /// characters a PDF name may hold without escapes.
    private static func postScriptName(_ b: [UInt8], _ table: Range<Int>?) -> String? {
        guard let table, let count = u16(b, table.lowerBound + 2), let strings = u16(b, table.lowerBound + 4) else { return nil }
        for i in 0..<Int(count) {
            let r = table.lowerBound + 6 + 12 * i
            guard let platform = u16(b, r), let nameID = u16(b, r + 6), nameID == 6,
                  let length = u16(b, r + 8), let offset = u16(b, r + 10) else { continue }
            let start = table.lowerBound + Int(strings) + Int(offset)
            guard start + Int(length) <= table.upperBound else { continue }
            let raw = b[start..<(start + Int(length))]
            let name: String
            if platform == 3 || platform == 0 {
                var units: [UInt16] = []
                var k = raw.startIndex
                while k + 1 < raw.endIndex { units.append(UInt16(raw[k]) << 8 | UInt16(raw[k + 1])); k += 2 }
                name = String(decoding: units, as: UTF16.self)
            } else {
                name = String(decoding: raw, as: UTF8.self)
            }
            let clean = String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") })
            if !clean.isEmpty { return clean }
        }
        return nil
    }
}
