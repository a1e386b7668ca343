import AlimCore
import CCairoPango
import Foundation
import XCTest
@testable import AlimSheets

/// The PDF writer against the reference it replaced: cairo drawing the same pango layout must give
/// the same words, at the same places, and the file must be sound (xref, fonts, determinism).
final class PDFWriterTests: XCTestCase {
    private static let paragraph = """
        Ce code d’activation ne sert qu’une fois et reste valable jusqu’au <b>30/11/2025</b>\u{00A0}: à la \
        première connexion, vous choisirez votre propre mot de passe\u{202F}; gardez-le pour vous. Œuvre, \
        cœur, « guillemets », fiches officielles, Ÿ, ç, ß, 0O1lI — l’identifiant <b>jean-pierre.martin</b>.
        """

    /// A layout in the renderer's own context (72 dpi, no hinting, exact positions).
    private func layout(_ markup: String, font: String = "DejaVu Sans 11.5", width: Double = 483) -> (OpaquePointer, OpaquePointer) {
        let context = PageRenderer.makeContext()
        let layout = pango_layout_new(context)!
        let description = pango_font_description_from_string(font)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32(width * 1024))
        pango_layout_set_justify(layout, 1)
        pango_layout_set_markup(layout, markup, -1)
        return (context, layout)
    }

    private func release(_ pair: (OpaquePointer, OpaquePointer)) {
        g_object_unref(UnsafeMutableRawPointer(pair.1))
        g_object_unref(UnsafeMutableRawPointer(pair.0))
    }

    private func ours(_ layout: OpaquePointer, registry: FontRegistry = FontRegistry()) -> Data {
        let canvas = PageCanvas(height: 842)
        canvas.text(LaidText(layout: layout, registry: registry), x: 56, y: 100, color: (0, 0, 0))
        let page = canvas.finish()
        let doc = PDFDocument(date: RunDate("2025-09-01")!, title: "Essai – é", fonts: FontResources(usage: page.usage, registry: registry))
        doc.add(page)
        return doc.finish()
    }

    private func cairo(_ layout: OpaquePointer, to url: URL) {
        let surface = cairo_pdf_surface_create(url.path, 595, 842)
        let cr = cairo_create(surface)
        cairo_move_to(cr, 56, 100)
        pango_cairo_show_layout(cr, layout)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
    }

    private struct Word { var text: String; var xMin: Double; var xMax: Double; var yMin: Double }

    private func words(_ url: URL) throws -> [Word] {
        let html = try Fixture.tool("/usr/bin/pdftotext", ["-bbox", url.path, "-"])
        let regex = try NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>"#)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { m in
            let part = { (k: Int) in String(html[Range(m.range(at: k), in: html)!]) }
            return Word(text: part(4), xMin: Double(part(1))!, xMax: Double(part(3))!, yMin: Double(part(2))!)
        }
    }

    func testSameWordsAtTheSamePlacesAsCairo() throws {
        let pair = layout(Self.paragraph)
        defer { release(pair) }
        let dir = try Fixture.tempDir()
        let reference = dir.appendingPathComponent("cairo.pdf"), mine = dir.appendingPathComponent("alim.pdf")
        cairo(pair.1, to: reference)
        try ours(pair.1).write(to: mine)
        let expected = try words(reference), got = try words(mine)
        XCTAssertGreaterThan(expected.count, 40)
        XCTAssertEqual(got.map(\.text), expected.map(\.text), "every word reads back as cairo's")
        for (a, b) in zip(got, expected) {
            XCTAssertEqual(a.xMin, b.xMin, accuracy: 0.75, a.text)
            XCTAssertEqual(a.yMin, b.yMin, accuracy: 0.75, a.text)
        }
        // Justified: full lines end on the right margin (56 + 483) exactly, not only nearly as cairo's.
        let lines = Dictionary(grouping: got, by: { Int($0.yMin.rounded()) })
        XCTAssertGreaterThanOrEqual(lines.count, 3)
        XCTAssertGreaterThanOrEqual(lines.values.filter { abs($0.map(\.xMax).max()! - 539) < 0.05 }.count, 2)
    }

    func testCrossReferenceTableAndDeterminism() throws {
        let pair = layout(Self.paragraph)
        defer { release(pair) }
        let a = ours(pair.1), b = ours(pair.1)
        XCTAssertEqual(a, b, "same layout, same bytes")
        let bytes = [UInt8](a)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("%PDF-1.7"))
        XCTAssertTrue(text.contains("/CreationDate (D:20250901000000Z)"))
        // startxref points at the table; each in-use entry points at its own "N 0 obj".
        let startxref = Int(text.components(separatedBy: "startxref\n")[1].split(separator: "\n")[0])!
        XCTAssertEqual(String(decoding: bytes[startxref..<(startxref + 4)], as: UTF8.self), "xref")
        let table = String(decoding: bytes[startxref...], as: UTF8.self).split(separator: "\n")
        let count = Int(table[1].split(separator: " ")[1])!
        for number in 1..<count {
            let entry = table[2 + number]
            XCTAssertTrue(entry.hasSuffix(" n "), String(entry))
            let offset = Int(entry.prefix(10))!
            let head = "\(number) 0 obj"
            XCTAssertEqual(String(decoding: bytes[offset..<(offset + head.utf8.count)], as: UTF8.self), head)
        }
    }

    /// A structural check by another PDF library (qpdf: xref, objects, streams).
    func testQPDFFindsNoError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/qpdf") else { throw XCTSkip("qpdf absent") }
        let dir = try Fixture.tempDir()
        _ = try Fixture.run(.init(all: true), into: dir)
        for name in try Fixture.listFiles(dir.appendingPathComponent("0611234A")) where name.hasSuffix(".pdf") {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
            p.arguments = ["--check", dir.appendingPathComponent("0611234A/" + name).path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "qpdf --check \(name)")
        }
    }

    func testPageShownTwiceIsStoredOnce() throws {
        let pair = layout("Charte d’utilisation")
        defer { release(pair) }
        let registry = FontRegistry()
        let canvas = PageCanvas(height: 842)
        canvas.text(LaidText(layout: pair.1, registry: registry), x: 56, y: 100, color: (0, 0, 0))
        let page = canvas.finish()
        let doc = PDFDocument(date: RunDate("2025-09-01")!, title: "t", fonts: FontResources(usage: page.usage, registry: registry))
        for _ in 0..<3 { doc.add(page) }
        let text = String(decoding: doc.finish(), as: UTF8.self)
        XCTAssertTrue(text.contains("/Count 3"))
        XCTAssertEqual(text.components(separatedBy: "/Type /Page ").count - 1, 3)
        let streams = text.components(separatedBy: "\nendstream").count - 1
        let fontStreams = 3  // font program, CID→glyph map, ToUnicode
        XCTAssertEqual(streams, fontStreams + 1, "one content stream for the three pages")
    }

    func testFontsAreEmbeddedSubsetsWithUnicode() throws {
        let pair = layout(Self.paragraph)
        defer { release(pair) }
        let url = try Fixture.tempDir().appendingPathComponent("f.pdf")
        try ours(pair.1).write(to: url)
        let list = try Fixture.tool("/usr/bin/pdffonts", [url.path]).split(separator: "\n").dropFirst(2)
        XCTAssertEqual(list.count, 2, "regular and bold")
        for line in list {
            XCTAssertTrue(line.contains("CID TrueType"), String(line))
            XCTAssertTrue(line.contains("Identity-H"), String(line))
            XCTAssertTrue(line.range(of: #"[A-Z]{6}\+DejaVuSans"#, options: .regularExpression) != nil, String(line))
            XCTAssertTrue(line.contains("yes yes yes"), "embedded, subset, ToUnicode: \(line)")
        }
    }

    /// One glyph drawn for two characters (space / no-break space in some fonts) reads back as each.
    func testCIDsKeepTheTextOfEachGlyphUse() throws {
        let font = try dejaVu()
        let face = FontRegistry.Face(index: 0, font: font)
        let space = face.cid(gid: 3, text: " ")
        let nbsp = face.cid(gid: 3, text: "\u{00A0}")
        XCTAssertNotEqual(space, nbsp)
        XCTAssertEqual(face.cid(gid: 3, text: " "), space, "stable")
        XCTAssertEqual(face.gids[Int(nbsp)], 3)
        XCTAssertEqual(face.texts[Int(nbsp)], "\u{00A0}")
    }

    func testSubsetKeepsOnlyTheGlyphsAskedAndIsAValidFont() throws {
        let font = try dejaVu()
        let composite = try XCTUnwrap((0..<font.numGlyphs).first { !font.components($0).isEmpty }, "DejaVu has composite glyphs")
        let plain = (1..<font.numGlyphs).first { font.components($0).isEmpty && !font.glyphRange($0).isEmpty && $0 != composite }!
        let subset = TrueTypeSubset.make(font, glyphs: [plain, composite])
        let parsed = try XCTUnwrap(TrueTypeFont(bytes: subset))
        XCTAssertEqual(parsed.numGlyphs, font.numGlyphs, "glyph ids are kept")
        XCTAssertEqual(parsed.unitsPerEm, font.unitsPerEm)
        let kept = Set([0, plain, composite] + font.components(composite))
        for g in 0..<font.numGlyphs {
            if kept.contains(g) {
                XCTAssertFalse(parsed.glyphRange(g).isEmpty, "glyph \(g) kept")
                XCTAssertEqual(parsed.advance(g), font.advance(g))
            } else {
                XCTAssertTrue(parsed.glyphRange(g).isEmpty, "glyph \(g) dropped")
            }
        }
        // The whole-font checksum rule of the TrueType spec.
        var sum: UInt32 = 0
        for i in stride(from: 0, to: subset.count, by: 4) {
            var word: UInt32 = 0
            for k in 0..<4 { word = word << 8 | UInt32(i + k < subset.count ? subset[i + k] : 0) }
            sum = sum &+ word
        }
        XCTAssertEqual(sum, 0xB1B0_AFBA)
        XCTAssertNil(parsed.tables["fpgm"], "hinting dropped")
    }

    func testDamagedFontsAreRefusedWithoutCrashing() throws {
        XCTAssertNil(TrueTypeFont(bytes: []))
        XCTAssertNil(TrueTypeFont(bytes: [UInt8](repeating: 0xFF, count: 64)))
        let font = try dejaVu()
        for cut in [12, 100, 1000, font.data.count / 2] {
            let truncated = TrueTypeFont(bytes: Array(font.data.prefix(cut)))
            if let truncated {
                // Parsed headers over a cut file: reading glyphs must stay in bounds.
                for g in 0..<min(truncated.numGlyphs, 500) { _ = truncated.components(g); _ = truncated.glyphRange(g) }
            }
        }
    }

    /// Override templates may use any pango markup: colours, underline, strike-through, background.
    func testMarkupAttributesAreDrawn() throws {
        let pair = layout(##"<span foreground="#c00000" background="#ffff00"><u>rouge</u></span> <s>barré</s> <i>penché</i>"##)
        defer { release(pair) }
        let laid = LaidText(layout: pair.1, registry: FontRegistry())
        let red = try XCTUnwrap(laid.runs.first { $0.color != nil }?.color)
        XCTAssertEqual(red.0, 0.75, accuracy: 0.01)
        XCTAssertEqual(red.1, 0, accuracy: 0.01)
        XCTAssertEqual(laid.marks.filter(\.behind).count, 1, "background")
        XCTAssertEqual(laid.marks.filter { !$0.behind }.count, 2, "underline and strike-through")
        let url = try Fixture.tempDir().appendingPathComponent("m.pdf")
        try ours(pair.1).write(to: url)
        XCTAssertEqual(try Fixture.pdfText(url).trimmingCharacters(in: .whitespacesAndNewlines), "rouge barré penché")
    }

    /// A name in a script the fonts lack still reads back exactly (drawn as the missing-glyph box).
    func testCharactersWithoutGlyphKeepTheirText() throws {
        let pair = layout("LI 李 Wei, NGUYỄN Văn")
        defer { release(pair) }
        let url = try Fixture.tempDir().appendingPathComponent("u.pdf")
        try ours(pair.1).write(to: url)
        XCTAssertEqual(try Fixture.pdfText(url).trimmingCharacters(in: .whitespacesAndNewlines), "LI 李 Wei, NGUYỄN Văn")
    }

    func testNumbersAreWrittenPlainly() {
        var b = PDFBytes()
        for (v, d) in [(1.5, 3), (2.0, 3), (-0.25, 3), (0.0004, 3), (123.4567, 3), (-7.0, 1), (0.05, 1), (841.89, 2)] {
            b.append(real: v, decimals: d); b.append(" ")
        }
        b.append(int: 0); b.append(" "); b.append(int: -42); b.append(" "); b.append(hex16: 0x00AF)
        XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), "1.5 2 -0.25 0 123.457 -7 0.1 841.89 0 -42 00AF")
    }

    private func dejaVu() throws -> TrueTypeFont {
        let path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
        guard let data = FileManager.default.contents(atPath: path) else { throw XCTSkip("fonts-dejavu-core absent") }
        return try XCTUnwrap(TrueTypeFont(bytes: [UInt8](data)))
    }
}
