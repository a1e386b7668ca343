import CCairoPango

/// Lays out blocks with pango and draws them with cairo onto a page.
///
/// Built once per run: one pango context at 72 dpi (1 pango point = 1 PDF point), one layout and one
/// font description per style are reused for every sheet, because creating them is what makes
/// pango slow, not drawing text.
final class PageRenderer {
    let style: PageStyle
    private let context: OpaquePointer
    private let layout: OpaquePointer
    private let fonts: [FontRole: OpaquePointer]

    enum FontRole: CaseIterable { case header, title, heading, body, label, credential }

    init(style: PageStyle = .a4) {
        self.style = style
        let fontMap = pango_cairo_font_map_get_default()
        context = pango_font_map_create_context(fontMap)
        pango_cairo_context_set_resolution(context, 72)
        // Vector output: no hinting, unhinted metrics, so the layout is the same on every surface.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_language(context, pango_language_from_string("fr-FR"))
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

    deinit {
        for l in cache.values { g_object_unref(UnsafeMutableRawPointer(l)) }
        for font in fonts.values { pango_font_description_free(font) }
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    /// Draws one page of blocks into `cr` (already at page origin). When the text is too long for the
    /// page (a long override template), the whole page is drawn again scaled down, so one sheet stays
    /// one page.
    func draw(_ blocks: [Block], into cr: OpaquePointer, measureOnly: Bool = false) {
        let height = drawBlocks(blocks, into: cr, scale: 1, dryRun: measureOnly)
        guard !measureOnly, height > style.contentBottom else { return }
        // Overflow: the first pass is covered by a white page, then redrawn at the fitting scale.
        let scale = max(0.5, (style.contentBottom - style.marginTop) / (height - style.marginTop))
        cairo_save(cr)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_restore(cr)
        _ = drawBlocks(blocks, into: cr, scale: scale, dryRun: false)
    }

    /// Returns the y reached.
    private func drawBlocks(_ blocks: [Block], into cr: OpaquePointer, scale: Double, dryRun: Bool) -> Double {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        if scale != 1 { cairo_scale(cr, scale, scale) }
        let left = style.marginX / scale
        let width = (style.width / scale) - 2 * left
        var y = style.marginTop / scale
        var previous: Block?
        for block in blocks {
            y += spacing(before: block, after: previous)
            switch block {
            case let .header(s):
                y += self.text(s, .header, x: left, y: y, width: width, grey: 0.35, cr: cr, dryRun: dryRun)
                if !dryRun { hairline(x: left, y: y + 3, width: width, grey: 0.7, cr: cr) }
                y += 3
            case let .title(s):
                y += self.text(s, .title, x: left, y: y, width: width, grey: 0.08, cr: cr, dryRun: dryRun)
            case let .heading(s):
                y += self.text(s, .heading, x: left, y: y, width: width, grey: 0.12, cr: cr, dryRun: dryRun)
            case let .paragraph(s):
                y += self.text(s, .body, x: left, y: y, width: width, justify: true, cr: cr, dryRun: dryRun)
            case let .bullet(s):
                _ = self.text("•", .body, x: left + 6, y: y, width: 12, cr: cr, dryRun: dryRun)
                y += self.text(s, .body, x: left + 20, y: y, width: width - 20, justify: true, cr: cr, dryRun: dryRun)
            case let .credential(label, value):
                y += credential(label: label, value: value, x: left, y: y, width: width, cr: cr, dryRun: dryRun)
            case let .notice(s):
                y += notice(s, x: left, y: y, width: width, cr: cr, dryRun: dryRun)
            case let .signature(label):
                y += signature(label, x: left, y: y, width: width, cr: cr, dryRun: dryRun)
            case .rule:
                if !dryRun { hairline(x: left, y: y + 4, width: width, grey: 0.75, cr: cr) }
                y += 8
            }
            previous = block
        }
        return y * scale
    }

    /// A thin grey horizontal line: under the page header and for `.rule` blocks.
    private func hairline(x: Double, y: Double, width: Double, grey: Double, cr: OpaquePointer) {
        cairo_set_source_rgb(cr, grey, grey, grey)
        cairo_set_line_width(cr, 0.5)
        cairo_move_to(cr, x, y)
        cairo_line_to(cr, x + width, y)
        cairo_stroke(cr)
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
    }
    /// Shaped layouts by text: the instructions, headings and the charte are the same on thousands of
    /// sheets, and shaping (not drawing) is what costs. Cleared when full so names do not pile up.
    private var cache: [LayoutKey: OpaquePointer] = [:]
    private let cacheLimit = 4096

    private func cachedLayout(_ key: LayoutKey) -> OpaquePointer {
        if let layout = cache[key] { return layout }
        if cache.count >= cacheLimit {
            for l in cache.values { g_object_unref(UnsafeMutableRawPointer(l)) }
            cache.removeAll(keepingCapacity: true)
        }
        let l = pango_layout_new(context)!
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_font_description(l, fonts[key.role]!)
        pango_layout_set_width(l, key.width)
        pango_layout_set_justify(l, key.justify ? 1 : 0)
        pango_layout_set_markup(l, key.markup, -1)
        cache[key] = l
        return l
    }

    /// Draws a (cached) layout; returns its height.
    @discardableResult
    private func text(_ markup: String, _ role: FontRole, x: Double, y: Double, width: Double,
                      justify: Bool = false, grey: Double = 0.1, cr: OpaquePointer, dryRun: Bool) -> Double {
        let layout = cachedLayout(LayoutKey(markup: markup, role: role, width: Int32(width * 1024), justify: justify))
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        if !dryRun {
            cairo_set_source_rgb(cr, grey, grey, grey)
            cairo_move_to(cr, x, y)
            pango_cairo_show_layout(cr, layout)
        }
        return Double(h) / 1024
    }

    private func credential(label: String, value: String, x: Double, y: Double, width: Double,
                            cr: OpaquePointer, dryRun: Bool) -> Double {
        let labelWidth = 170.0, pad = 9.0
        // Measure the value first: it sets the box height.
        pango_layout_set_font_description(layout, fonts[.credential]!)
        pango_layout_set_width(layout, Int32((width - labelWidth - 2 * pad) * 1024))
        pango_layout_set_justify(layout, 0)
        pango_layout_set_markup(layout, value, -1)
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        let valueHeight = Double(h) / 1024
        let boxHeight = valueHeight + 2 * pad
        if !dryRun {
            cairo_set_source_rgb(cr, 0.93, 0.95, 0.98)
            cairo_rectangle(cr, x, y, width, boxHeight)
            cairo_fill(cr)
            cairo_set_source_rgb(cr, 0.55, 0.62, 0.75)
            cairo_set_line_width(cr, 0.8)
            cairo_rectangle(cr, x, y, width, boxHeight)
            cairo_stroke(cr)
            cairo_set_source_rgb(cr, 0, 0, 0)
            cairo_move_to(cr, x + labelWidth + pad, y + pad)
            pango_cairo_show_layout(cr, layout)
        }
        pango_layout_set_font_description(layout, fonts[.label]!)
        pango_layout_set_width(layout, Int32((labelWidth - pad) * 1024))
        pango_layout_set_markup(layout, label, -1)
        pango_layout_get_size(layout, &w, &h)
        if !dryRun {
            cairo_set_source_rgb(cr, 0.2, 0.2, 0.2)
            cairo_move_to(cr, x + pad, y + (boxHeight - Double(h) / 1024) / 2)
            pango_cairo_show_layout(cr, layout)
        }
        return boxHeight
    }

    private func notice(_ markup: String, x: Double, y: Double, width: Double, cr: OpaquePointer, dryRun: Bool) -> Double {
        let pad = 10.0
        pango_layout_set_font_description(layout, fonts[.body]!)
        pango_layout_set_width(layout, Int32((width - 2 * pad - 4) * 1024))
        pango_layout_set_justify(layout, 1)
        pango_layout_set_markup(layout, markup, -1)
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        let boxHeight = Double(h) / 1024 + 2 * pad
        if !dryRun {
            cairo_set_source_rgb(cr, 1.0, 0.97, 0.88)
            cairo_rectangle(cr, x, y, width, boxHeight)
            cairo_fill(cr)
            cairo_set_source_rgb(cr, 0.85, 0.55, 0.1)
            cairo_rectangle(cr, x, y, 4, boxHeight)
            cairo_fill(cr)
            cairo_set_source_rgb(cr, 0.1, 0.1, 0.1)
            cairo_move_to(cr, x + pad + 4, y + pad)
            pango_cairo_show_layout(cr, layout)
        }
        return boxHeight
    }

    private func signature(_ label: String, x: Double, y: Double, width: Double, cr: OpaquePointer, dryRun: Bool) -> Double {
        pango_layout_set_font_description(layout, fonts[.body]!)
        pango_layout_set_width(layout, -1)
        pango_layout_set_justify(layout, 0)
        pango_layout_set_markup(layout, label + "\u{00A0}:", -1)
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        let textWidth = Double(w) / 1024, textHeight = Double(h) / 1024
        if !dryRun {
            cairo_set_source_rgb(cr, 0.1, 0.1, 0.1)
            cairo_move_to(cr, x, y)
            pango_cairo_show_layout(cr, layout)
            let baseline = y + Double(pango_layout_get_baseline(layout)) / 1024 + 2
            cairo_set_source_rgb(cr, 0.45, 0.45, 0.45)
            cairo_set_line_width(cr, 0.6)
            var dash = [1.0, 2.5]
            cairo_set_dash(cr, &dash, 2, 0)
            cairo_move_to(cr, x + textWidth + 6, baseline)
            cairo_line_to(cr, x + width, baseline)
            cairo_stroke(cr)
            cairo_set_dash(cr, nil, 0, 0)
        }
        return textHeight
    }
}
