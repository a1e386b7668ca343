/// Cuts a TrueType font down to the glyphs a school's sheets use, for embedding as `/FontFile2`.
///
/// Glyph ids are kept (unused glyphs become empty, their widths zero), so the PDF maps its CIDs to
/// the original ids and a glyph never needs renumbering; the empty entries compress to almost
/// nothing. Hinting is dropped (glyph instructions and the tables they call): it only matters for
/// pixels at screen sizes, and it was half of each embedded font.
enum TrueTypeSubset {
    /// The subset font program, or nil when the font cannot be cut (then nothing is embedded).
    static func make(_ font: TrueTypeFont, glyphs: Set<Int>) -> [UInt8] {
        // Glyph 0 (.notdef) always; composite glyphs bring their components.
        var keep: Set<Int> = []
        var stack = Array(glyphs) + [0]
        while let g = stack.popLast() {
            guard g >= 0, g < font.numGlyphs, keep.insert(g).inserted else { continue }
            stack.append(contentsOf: font.components(g))
        }

        var glyf: [UInt8] = [], loca: [UInt8] = []
        loca.reserveCapacity(4 * (font.numGlyphs + 1))
        var hmtx = [UInt8](repeating: 0, count: 4 * font.numGlyphs)
        let sourceHmtx = font.tables["hmtx"]!
        for g in 0..<font.numGlyphs {
            put32(&loca, UInt32(glyf.count))
            guard keep.contains(g) else { continue }
            glyf.append(contentsOf: withoutInstructions(font.data[font.glyphRange(g)]))
            while glyf.count % 4 != 0 { glyf.append(0) }
            // Full metrics for kept glyphs: advance and left side bearing.
            let adv = UInt16(font.advance(g))
            hmtx[4 * g] = UInt8(adv >> 8); hmtx[4 * g + 1] = UInt8(adv & 0xFF)
            let lsbAt = lsbOffset(font, g, sourceHmtx)
            if let lsbAt, lsbAt + 2 <= sourceHmtx.upperBound {
                hmtx[4 * g + 2] = font.data[lsbAt]; hmtx[4 * g + 3] = font.data[lsbAt + 1]
            }
        }
        put32(&loca, UInt32(glyf.count))

        var head = Array(font.data[font.tables["head"]!])
        guard head.count >= 54 else { return [] }
        head[8] = 0; head[9] = 0; head[10] = 0; head[11] = 0   // checkSumAdjustment, set below
        head[50] = 0; head[51] = 1                             // long loca offsets
        var hhea = Array(font.data[font.tables["hhea"]!])
        guard hhea.count >= 36 else { return [] }
        hhea[34] = UInt8(font.numGlyphs >> 8); hhea[35] = UInt8(font.numGlyphs & 0xFF)  // every glyph has a long metric

        var tables: [(String, [UInt8])] = [
            ("head", head), ("hhea", hhea), ("maxp", Array(font.data[font.tables["maxp"]!])),
            ("hmtx", hmtx), ("loca", loca), ("glyf", glyf), ("cmap", minimalCmap), ("post", minimalPost(font)),
        ]
        for tag in ["OS/2"] {
            if let r = font.tables[tag] { tables.append((tag, Array(font.data[r]))) }
        }
        return assemble(tables)
    }

    /// A glyph record without its TrueType instructions (outline bytes unchanged); a record that does
    /// not parse is kept as it is.
    static func withoutInstructions(_ glyph: ArraySlice<UInt8>) -> [UInt8] {
        let g = Array(glyph)
        guard g.count >= 10 else { return g }
        let contours = Int(Int16(bitPattern: UInt16(g[0]) << 8 | UInt16(g[1])))
        if contours >= 0 {
            let at = 10 + 2 * contours
            guard at + 2 <= g.count else { return g }
            let length = Int(g[at]) << 8 | Int(g[at + 1])
            guard at + 2 + length <= g.count else { return g }
            return Array(g[..<at]) + [0, 0] + Array(g[(at + 2 + length)...])
        }
        // Composite: instructions follow the last component when its flags say so (0x0100).
        var lastFlagsAt = -1
        let p = TrueTypeFont.walkComponents(g, from: 10, to: g.count) { lastFlagsAt = $0 }
        guard lastFlagsAt >= 0, p <= g.count, g[lastFlagsAt] & 0x01 != 0 else { return g }
        var out = Array(g[..<p])
        out[lastFlagsAt] &= ~0x01
        return out
    }

    /// Where glyph `g`'s left side bearing sits in the source `hmtx`.
    private static func lsbOffset(_ font: TrueTypeFont, _ g: Int, _ hmtx: Range<Int>) -> Int? {
        guard let hhea = font.tables["hhea"], let n = TrueTypeFont.u16(font.data, hhea.lowerBound + 34) else { return nil }
        let long = Int(n)
        return g < long ? hmtx.lowerBound + 4 * g + 2 : hmtx.lowerBound + 4 * long + 2 * (g - long)
    }

    /// A cmap with no mapping: the PDF reaches glyphs by id, but some readers insist on the table.
    private static let minimalCmap: [UInt8] = {
        var t: [UInt8] = []
        for v: UInt16 in [0, 1, 3, 1] { put16(&t, v) }
        put32(&t, 12)
        for v: UInt16 in [4, 24, 0, 2, 2, 0, 0, 0xFFFF, 0, 0xFFFF, 1, 0] { put16(&t, v) }
        return t
    }()

    /// A format 3 `post` table (no glyph names) carrying the source's angle and pitch.
    private static func minimalPost(_ font: TrueTypeFont) -> [UInt8] {
        var t: [UInt8] = []
        put32(&t, 0x0003_0000)
        if let post = font.tables["post"], post.count >= 32 {
            t.append(contentsOf: font.data[(post.lowerBound + 4)..<(post.lowerBound + 32)])
        } else {
            t.append(contentsOf: [UInt8](repeating: 0, count: 28))
        }
        return t
    }

    /// Table directory (sorted tags, checksums), 4-byte aligned tables, then the head checksum adjustment.
    private static func assemble(_ unsorted: [(String, [UInt8])]) -> [UInt8] {
        let tables = unsorted.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        var out: [UInt8] = []
        let n = tables.count
        var power = 1, log = 0
        while power * 2 <= n { power *= 2; log += 1 }
        put32(&out, 0x0001_0000)
        put16(&out, UInt16(n)); put16(&out, UInt16(power * 16)); put16(&out, UInt16(log)); put16(&out, UInt16(n * 16 - power * 16))
        var offset = 12 + 16 * n
        var headAt = 0
        for (tag, body) in tables {
            out.append(contentsOf: Array(tag.utf8))
            put32(&out, checksum(body))
            put32(&out, UInt32(offset))
            put32(&out, UInt32(body.count))
            if tag == "head" { headAt = offset }
            offset += (body.count + 3) & ~3
        }
        for (_, body) in tables {
            out.append(contentsOf: body)
            while out.count % 4 != 0 { out.append(0) }
        }
        let adjustment = 0xB1B0_AFBA &- checksum(out)
        out[headAt + 8] = UInt8(adjustment >> 24); out[headAt + 9] = UInt8(adjustment >> 16 & 0xFF)
        out[headAt + 10] = UInt8(adjustment >> 8 & 0xFF); out[headAt + 11] = UInt8(adjustment & 0xFF)
        return out
    }

    private static func checksum(_ b: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var i = 0
        while i < b.count {
            var word: UInt32 = 0
            for k in 0..<4 { word = word << 8 | UInt32(i + k < b.count ? b[i + k] : 0) }
            sum = sum &+ word
            i += 4
        }
        return sum
    }

    private static func put16(_ b: inout [UInt8], _ v: UInt16) { b.append(UInt8(v >> 8)); b.append(UInt8(v & 0xFF)) }
    private static func put32(_ b: inout [UInt8], _ v: UInt32) {
        b.append(UInt8(v >> 24)); b.append(UInt8(v >> 16 & 0xFF)); b.append(UInt8(v >> 8 & 0xFF)); b.append(UInt8(v & 0xFF))
    }
}
