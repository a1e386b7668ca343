import CCairoPango

/// Lays out blocks with pango and writes them as a PDF page (`PageCanvas`).
///
/// Built once per run: one pango context at 72 dpi (1 pango point = 1 PDF point), one layout and one
/// font description per style are reused for every sheet, because creating them is what makes
/// pango slow; each distinct text is shaped once and kept as ready PDF operators (`LaidText`).
final class PageRenderer {
    let style: PageStyle
    private let context: OpaquePointer
    private let layout: OpaquePointer
    private let fonts: [FontRole: OpaquePointer]
    /// The faces and CIDs of every page this renderer makes (one per run, see `FontRegistry`).
    let registry = FontRegistry()

    enum FontRole: CaseIterable { case header, title, heading, body, label, credential }

    init(style: PageStyle = .a4) {
        self.style = style
        context = Self.makeContext()
        layout = pango_layout_new(context)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        var fonts: [FontRole: OpaquePointer] = [:]
        for role in FontRole.allCases {
            let name: String
            switch role {
            case .header: name = style.headerFont
            case .title: name = style.titleFont
            case .heading: name = style.headingFont
            case .body: name = style.bodyFont
            case .label: name = style.labelFont
            case .credential: name = style.credentialFont
            }
            fonts[role] = pango_font_description_from_string(name)
        }
        self.fonts = fonts
    }

    /// The pango context every sheet is laid out in (tests lay out with the very same settings):
    /// 72 dpi so 1 pango point is 1 PDF point; no hinting and unhinted metrics so the layout is the
    /// same on every surface; exact glyph positions (print, not pixels); French line breaking.
    static func makeContext() -> OpaquePointer {
        let context = pango_font_map_create_context(pango_cairo_font_map_get_default())!
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_language(context, pango_language_from_string("fr-FR"))
        pango_context_set_round_glyph_positions(context, 0)
        return context
    }

    deinit {
        for font in fonts.values { pango_font_description_free(font) }
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    /// One page of blocks. When the text is too long for the page (a long override template), the
    /// page is drawn again scaled down, so one sheet stays one page.
    func render(_ blocks: [Block]) -> PageContent {
        let canvas = PageCanvas(height: style.height)
        let height = drawBlocks(blocks, into: canvas, scale: 1)
        if height > style.contentBottom {
            canvas.reset()
            let scale = max(0.5, (style.contentBottom - style.marginTop) / (height - style.marginTop))
            _ = drawBlocks(blocks, into: canvas, scale: scale)
        }
        return canvas.finish()
    }

    /// Returns the y reached.
    private func drawBlocks(_ blocks: [Block], into canvas: PageCanvas, scale: Double) -> Double {
        if scale != 1 { canvas.scale(scale) }
        defer { if scale != 1 { canvas.restore() } }
        let left = style.marginX / scale
        let width = (style.width / scale) - 2 * left
        var y = style.marginTop / scale
        var previous: Block?
        for block in blocks {
            y += spacing(before: block, after: previous)
            switch block {
            case let .header(s):
                y += text(s, .header, x: left, y: y, width: width, grey: 0.35, canvas)
                hairline(x: left, y: y + 3, width: width, grey: 0.7, canvas)
                y += 3
            case let .title(s):
                y += text(s, .title, x: left, y: y, width: width, grey: 0.08, canvas)
            case let .heading(s):
                y += text(s, .heading, x: left, y: y, width: width, grey: 0.12, canvas)
            case let .paragraph(s):
                y += text(s, .body, x: left, y: y, width: width, justify: true, canvas)
            case let .bullet(s):
                text("•", .body, x: left + 6, y: y, width: 12, canvas)
                y += text(s, .body, x: left + 20, y: y, width: width - 20, justify: true, canvas)
            case let .credential(label, value):
                y += credential(label: label, value: value, x: left, y: y, width: width, canvas)
            case let .notice(s):
                y += notice(s, x: left, y: y, width: width, canvas)
            case let .signature(label):
                y += signature(label, x: left, y: y, width: width, canvas)
            case .rule:
                hairline(x: left, y: y + 4, width: width, grey: 0.75, canvas)
                y += 8
            }
            previous = block
        }
        return y * scale
    }

    /// A thin grey horizontal line: under the page header and for `.rule` blocks.
    private func hairline(x: Double, y: Double, width: Double, grey: Double, _ canvas: PageCanvas) {
        canvas.line(from: (x, y), to: (x + width, y), lineWidth: 0.5, color: (grey, grey, grey))
    }

    private func spacing(before block: Block, after previous: Block?) -> Double {
        guard let previous else { return 0 }
        switch (previous, block) {
        case (.bullet, .bullet): return 3
        case (.signature, .signature): return 22
        case (.credential, .credential): return 6
        case (.header, _): return 14
        case (_, .title): return 16
        case (.title, _): return 10
        case (_, .heading): return 14
        case (.heading, _): return 6
        case (_, .credential): return 12
        case (_, .signature): return 22
        default: return 8
        }
    }

    private struct LayoutKey: Hashable {
        var markup: String
        var role: FontRole
        var width: Int32
        var justify: Bool
        /// Font size in pango units when not the role's own (a credential shrunk to fit), else 0.
        var size: Int32 = 0
    }
    /// Laid-out texts: the instructions, headings and the charte are the same on thousands of
    /// sheets, and shaping (not writing) is what costs. Cleared when full so names do not pile up.
    private var cache: [LayoutKey: LaidText] = [:]
    private let cacheLimit = 4096

    /// `markup` laid out in a role's font (at `size` pango units when not 0), `width` points wide
    /// (negative: no wrapping).
    private func laid(_ markup: String, _ role: FontRole, width: Double, justify: Bool = false, size: Int32 = 0) -> LaidText {
        let key = LayoutKey(markup: markup, role: role, width: width < 0 ? -1 : Int32(width * 1024), justify: justify, size: size)
        if let laid = cache[key] { return laid }
        if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
        var resized: OpaquePointer?
        if size != 0, let copy = pango_font_description_copy(fonts[role]!) {
            pango_font_description_set_size(copy, size)
            resized = copy
        }
        defer { if let resized { pango_font_description_free(resized) } }
        pango_layout_set_font_description(layout, resized ?? fonts[role]!)
        pango_layout_set_width(layout, key.width)
        pango_layout_set_justify(layout, justify ? 1 : 0)
        pango_layout_set_markup(layout, markup, -1)
        let laid = LaidText(layout: layout, registry: registry)
        cache[key] = laid
        return laid
    }

    /// A login or a code on ONE line, never wrapped nor hyphenated (a child types exactly what is
    /// printed: « maxence.tarorignacdupo- / nt » would not log in). Laid without a width, so pango
    /// cannot break it; when wider than `width`, its size goes down — first to the estimate, then
    /// half a point at a time — until pango lays it on one line within `width` (or the 6 pt floor).
    func credentialLine(_ value: String, width: Double) -> LaidText {
        let base = pango_font_description_get_size(fonts[.credential]!)
        let floor = 6 * PANGO_SCALE, step = PANGO_SCALE / 2
        var t = laid(value, .credential, width: -1)
        guard t.width > width || t.lineCount > 1 else { return t }
        var size = max(floor, min(base - step, Int32(Double(base) * width / max(t.width, 1)) / step * step))
        while true {
            t = laid(value, .credential, width: -1, size: size)
            if (t.width <= width && t.lineCount == 1) || size <= floor { return t }
            size = max(floor, size - step)
        }
    }

    /// Draws a text; returns its height.
    @discardableResult
    private func text(_ markup: String, _ role: FontRole, x: Double, y: Double, width: Double,
                      justify: Bool = false, grey: Double = 0.1, _ canvas: PageCanvas) -> Double {
        let t = laid(markup, role, width: width, justify: justify)
        canvas.text(t, x: x, y: y, color: (grey, grey, grey))
        return t.height
    }

    private func credential(label: String, value: String, x: Double, y: Double, width: Double, _ canvas: PageCanvas) -> Double {
        let labelWidth = 170.0, pad = 9.0
        // One line, shrunk to fit; the box keeps the height of a full-size line so every sheet looks alike.
        let v = credentialLine(value, width: width - labelWidth - 2 * pad)
        let lineHeight = max(laid("0", .credential, width: -1).height, v.height)
        let boxHeight = lineHeight + 2 * pad
        canvas.fillRect(x: x, y: y, width: width, height: boxHeight, color: (0.93, 0.95, 0.98))
        canvas.strokeRect(x: x, y: y, width: width, height: boxHeight, lineWidth: 0.8, color: (0.55, 0.62, 0.75))
        canvas.text(v, x: x + labelWidth + pad, y: y + pad + (lineHeight - v.height) / 2, color: (0, 0, 0))
        let l = laid(label, .label, width: labelWidth - pad)
        canvas.text(l, x: x + pad, y: y + (boxHeight - l.height) / 2, color: (0.2, 0.2, 0.2))
        return boxHeight
    }

    private func notice(_ markup: String, x: Double, y: Double, width: Double, _ canvas: PageCanvas) -> Double {
        let pad = 10.0
        let t = laid(markup, .body, width: width - 2 * pad - 4, justify: true)
        let boxHeight = t.height + 2 * pad
        canvas.fillRect(x: x, y: y, width: width, height: boxHeight, color: (1.0, 0.97, 0.88))
        canvas.fillRect(x: x, y: y, width: 4, height: boxHeight, color: (0.85, 0.55, 0.1))
        canvas.text(t, x: x + pad + 4, y: y + pad, color: (0.1, 0.1, 0.1))
        return boxHeight
    }

    private func signature(_ label: String, x: Double, y: Double, width: Double, _ canvas: PageCanvas) -> Double {
        let t = laid(label + "\u{00A0}:", .body, width: -1)
        canvas.text(t, x: x, y: y, color: (0.1, 0.1, 0.1))
        let baseline = y + t.baseline + 2
        canvas.line(from: (x + t.width + 6, baseline), to: (x + width, baseline), lineWidth: 0.6,
                    color: (0.45, 0.45, 0.45), dash: [1, 2.5])
        return t.height
    }
}
