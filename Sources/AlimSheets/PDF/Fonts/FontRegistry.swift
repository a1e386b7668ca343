import CCairoPango

/// Every face pango used tonight, and the character ids (CIDs) the PDFs use to show its glyphs.
///
/// One registry per run: a CID stands for one glyph *and* the text it shows, so the same glyph
/// drawn for two characters (a space and a no-break space) still reads back as each; pdftotext
/// must give back every login and code exactly. CIDs are handed out in first-use order, and sheets
/// are laid out in a fixed order, so the same inputs give the same numbers and the same bytes.
final class FontRegistry {
    /// One embedded face: its font program and the CIDs handed out for it.
    final class Face {
        let index: Int
        let font: TrueTypeFont
        /// Per CID (0 is the missing glyph): glyph id, text it stands for, advance in 1/1000 em.
        private(set) var gids: [UInt16] = [0]
        private(set) var texts: [String] = [""]
        private(set) var widths: [Int]
        private var byKey: [Key: UInt16] = [:]
        private var firstByGlyph: [UInt32: UInt16] = [:]
        private struct Key: Hashable { var gid: UInt32; var text: String }

        init(index: Int, font: TrueTypeFont) {
            self.index = index
            self.font = font
            widths = [Self.width(font, 0)]
        }

        /// The CID showing `gid` for `text`; when the font's 65,535 CIDs are spent, the glyph's
        /// first CID (the text may then read back as another character with the same glyph).
        func cid(gid: Int, text: String) -> UInt16 {
            let key = Key(gid: UInt32(truncatingIfNeeded: gid), text: text)
            if let cid = byKey[key] { return cid }
            guard gids.count < 0xFFFF else { return firstByGlyph[key.gid] ?? 0 }
            let cid = UInt16(gids.count)
            gids.append(UInt16(truncatingIfNeeded: gid))
            texts.append(text)
            widths.append(Self.width(font, gid))
            byKey[key] = cid
            if firstByGlyph[key.gid] == nil { firstByGlyph[key.gid] = cid }
            return cid
        }

        private static func width(_ font: TrueTypeFont, _ gid: Int) -> Int {
            Int((Double(font.advance(gid)) * 1000 / Double(font.unitsPerEm)).rounded())
        }
    }

    /// A pango font as the PDF sees it: which face, at what size in points.
    struct FontUse { var face: Face; var size: Double }

    private(set) var faces: [Face] = []
    private var byHBFace: [OpaquePointer: Face?] = [:]
    private var byFont: [UnsafeMutablePointer<PangoFont>: FontUse?] = [:]

    deinit {
        for face in byHBFace.keys { hb_face_destroy(face) }
        for font in byFont.keys { g_object_unref(UnsafeMutableRawPointer(font)) }
    }

    /// The face and size of a pango font, or nil when it is not a TrueType-outline font.
    func use(_ font: UnsafeMutablePointer<PangoFont>) -> FontUse? {
        if let known = byFont[font] { return known }
        g_object_ref(UnsafeMutableRawPointer(font))
        var result: FontUse?
        if let face = face(of: font) {
            let description = pango_font_describe_with_absolute_size(font)
            let size = Double(pango_font_description_get_size(description)) / Double(PANGO_SCALE)
            pango_font_description_free(description)
            result = FontUse(face: face, size: size)
        }
        byFont[font] = result
        return result
    }

    /// The first TrueType face registered: it draws the missing-glyph box for runs in other fonts.
    var fallback: Face? { faces.first }

    private func face(of font: UnsafeMutablePointer<PangoFont>) -> Face? {
        guard let hbFont = pango_font_get_hb_font(font), let hbFace = hb_font_get_face(hbFont) else { return nil }
        if let known = byHBFace[hbFace] { return known }
        hb_face_reference(hbFace)
        let blob = hb_face_reference_blob(hbFace)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        var face: Face?
        if let data = hb_blob_get_data(blob, &length), length > 0 {
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self),
                                                  count: Int(length)))
            if let parsed = TrueTypeFont(bytes: bytes, faceIndex: Int(hb_face_get_index(hbFace))) {
                face = Face(index: faces.count, font: parsed)
                faces.append(face!)
            }
        }
        byHBFace[hbFace] = face
        return face
    }
}
