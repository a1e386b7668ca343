/// The font objects of one school's PDFs, written once and copied into each of them.
///
/// Every PDF of a school (class files, school file, each e-mail's sheet, the documents to sign)
/// carries the same subset of each face, cut to the glyphs the school's pages show, at the same
/// object numbers: the subsets are cut and compressed once per school instead of once per file.
struct FontResources {
    /// Object number of the shared `/Resources` dictionary; the font objects follow it.
    static let resourcesObject = 4
    /// The objects, in number order from `resourcesObject`.
    let objects: [[UInt8]]
    var nextObject: Int { Self.resourcesObject + objects.count }

    /// Fonts for pages showing `usage` (packed `face << 16 | cid`), from the run's registry.
    init(usage: Set<UInt32>, registry: FontRegistry) {
        var byFace: [Int: [UInt16]] = [:]
        for packed in usage { byFace[Int(packed >> 16), default: []].append(UInt16(packed & 0xFFFF)) }
        let faces = byFace.keys.sorted()
        var objects: [[UInt8]] = []
        var resources = PDFBytes()
        resources.append("<< /Font << ")
        for (k, index) in faces.enumerated() {
            let first = Self.resourcesObject + 1 + 6 * k
            resources.append("/F"); resources.append(int: index); resources.append(" ")
            resources.append(int: first); resources.append(" 0 R ")
            objects += Self.fontObjects(face: registry.faces[index], cids: byFace[index]!.sorted(), first: first)
        }
        resources.append(">> >>")
        self.objects = [resources.bytes] + objects
    }

    /// Type 0 font, CID font, descriptor, font program, CID→glyph map, ToUnicode: objects `first`…`first+5`.
    private static func fontObjects(face: FontRegistry.Face, cids: [UInt16], first: Int) -> [[UInt8]] {
        let font = face.font
        let scale = 1000 / Double(font.unitsPerEm)
        let name = tag(face: face, cids: cids) + "+" + font.postScriptName

        var type0 = PDFBytes()
        type0.append("<< /Type /Font /Subtype /Type0 /BaseFont /"); type0.append(name)
        type0.append(" /Encoding /Identity-H /DescendantFonts ["); type0.append(int: first + 1)
        type0.append(" 0 R] /ToUnicode "); type0.append(int: first + 5); type0.append(" 0 R >>")

        var cidFont = PDFBytes()
        cidFont.append("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /"); cidFont.append(name)
        cidFont.append(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ")
        cidFont.append(int: first + 2); cidFont.append(" 0 R /CIDToGIDMap "); cidFont.append(int: first + 4)
        cidFont.append(" 0 R /DW 0 /W [")
        var k = 0
        while k < cids.count {
            var end = k
            while end + 1 < cids.count, cids[end + 1] == cids[end] + 1 { end += 1 }
            cidFont.append(int: Int(cids[k])); cidFont.append(" [")
            for i in k...end {
                if i > k { cidFont.append(" ") }
                cidFont.append(int: face.widths[Int(cids[i])])
            }
            cidFont.append("] ")
            k = end + 1
        }
        cidFont.append("] >>")

        var descriptor = PDFBytes()
        descriptor.append("<< /Type /FontDescriptor /FontName /"); descriptor.append(name)
        descriptor.append(" /Flags "); descriptor.append(int: 4 | (font.fixedPitch ? 1 : 0) | (font.italicAngle != 0 ? 64 : 0))
        descriptor.append(" /FontBBox [")
        for (i, v) in [font.bbox.xMin, font.bbox.yMin, font.bbox.xMax, font.bbox.yMax].enumerated() {
            if i > 0 { descriptor.append(" ") }
            descriptor.append(int: Int((Double(v) * scale).rounded()))
        }
        descriptor.append("] /ItalicAngle "); descriptor.append(real: font.italicAngle, decimals: 2)
        descriptor.append(" /Ascent "); descriptor.append(int: Int((Double(font.ascent) * scale).rounded()))
        descriptor.append(" /Descent "); descriptor.append(int: Int((Double(font.descent) * scale).rounded()))
        descriptor.append(" /CapHeight "); descriptor.append(int: Int((Double(font.capHeight) * scale).rounded()))
        descriptor.append(" /StemV 80 /FontFile2 "); descriptor.append(int: first + 3); descriptor.append(" 0 R >>")

        let program = TrueTypeSubset.make(font, glyphs: Set(cids.map { Int(face.gids[Int($0)]) }))
        let fontFile = PDFBytes.stream(Flate.compress(program), extra: " /Length1 \(program.count)")

        var map = [UInt8](repeating: 0, count: 2 * (Int(cids.last ?? 0) + 1))
        for cid in cids {
            let gid = face.gids[Int(cid)]
            map[2 * Int(cid)] = UInt8(gid >> 8); map[2 * Int(cid) + 1] = UInt8(gid & 0xFF)
        }
        let cidToGID = PDFBytes.stream(Flate.compress(map), extra: "")
        let toUnicode = PDFBytes.stream(Flate.compress(cmap(face: face, cids: cids)), extra: "")
        return [type0.bytes, cidFont.bytes, descriptor.bytes, fontFile, cidToGID, toUnicode]
    }

    /// The ToUnicode CMap: what each CID reads back as (copy-paste, pdftotext, screen readers).
    private static func cmap(face: FontRegistry.Face, cids: [UInt16]) -> [UInt8] {
        var m = PDFBytes()
        m.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
        m.append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
        m.append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
        m.append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
        let mapped = cids.filter { !face.texts[Int($0)].isEmpty }
        var start = 0
        while start < mapped.count {
            let chunk = mapped[start..<min(start + 100, mapped.count)]
            m.append(int: chunk.count); m.append(" beginbfchar\n")
            for cid in chunk {
                m.append("<"); m.append(hex16: cid); m.append("> <")
                for unit in face.texts[Int(cid)].utf16.prefix(256) { m.append(hex16: unit) }
                m.append(">\n")
            }
            m.append("endbfchar\n")
            start += 100
        }
        m.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        return m.bytes
    }

    /// The six-letter subset tag PDF asks for, derived from the glyphs kept so it is stable.
    private static func tag(face: FontRegistry.Face, cids: [UInt16]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in face.font.postScriptName.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        for cid in cids { hash = (hash ^ UInt64(face.gids[Int(cid)])) &* 0x100_0000_01B3 }
        var letters = ""
        for _ in 0..<6 { letters.append(Character(Unicode.Scalar(UInt8(65 + hash % 26)))); hash /= 26 }
        return letters
    }
}
