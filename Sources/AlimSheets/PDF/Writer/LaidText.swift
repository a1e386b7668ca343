import CCairoPango

/// A pango layout turned into PDF text operators, relative to the layout's top-left corner.
///
/// Pango decides line breaks, justification and glyph positions; this keeps exactly those positions:
/// each run becomes one `TJ` whose numbers correct the font's own advances to pango's (the stretched
/// spaces of a justified line, rounding carried over so errors never add up). Built once per distinct
/// text and reused on every page that shows it.
struct LaidText {
    /// One run of glyphs in one font on one line.
    struct Run {
        var face: Int
        var size: Double
        var x: Double
        var baseline: Double
        /// `r g b` from the markup, or nil for the caller's colour.
        var color: (Double, Double, Double)?
        /// The `[…] TJ` operator, ready to copy.
        var show: [UInt8]
    }
    /// A filled rectangle drawn with the text: markup backgrounds, underlines, strikethroughs.
    struct Mark {
        var x, y, width, height: Double
        var color: (Double, Double, Double)?
        var behind: Bool
    }

    var runs: [Run] = []
    var marks: [Mark] = []
    /// Packed `face << 16 | cid` of every glyph shown, once each.
    var usage: [UInt32] = []
    var width: Double = 0
    var height: Double = 0
    var baseline: Double = 0
    /// Lines pango made (a credential must be one).
    var lineCount = 0

    init(layout: OpaquePointer, registry: FontRegistry) {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        lineCount = Int(pango_layout_get_line_count(layout))
        width = Double(w) / 1024
        height = Double(h) / 1024
        baseline = Double(pango_layout_get_baseline(layout)) / 1024
        let textStart = pango_layout_get_text(layout)!
        let text = UnsafeRawPointer(textStart).assumingMemoryBound(to: UInt8.self)
        var used = Set<UInt32>()
        let iter = pango_layout_get_iter(layout)!
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let run = pango_layout_iter_get_run_readonly(iter), let item = run.pointee.item,
                  let glyphs = run.pointee.glyphs else { continue }
            var logical = PangoRectangle()
            pango_layout_iter_get_run_extents(iter, nil, &logical)
            let x = Double(logical.x) / 1024
            let base = Double(pango_layout_iter_get_baseline(iter) - run.pointee.y_offset) / 1024
            let attributes = RunAttributes(item.pointee.analysis.extra_attrs)
            let count = Int(glyphs.pointee.num_glyphs)
            guard count > 0, let infos = glyphs.pointee.glyphs, let clusters = glyphs.pointee.log_clusters else { continue }

            // Text of each glyph's cluster (byte range in the layout text).
            let itemStart = Int(item.pointee.offset), itemEnd = itemStart + Int(item.pointee.length)
            let starts = Set((0..<count).map { Int(clusters[$0]) }).sorted()
            var endOf: [Int: Int] = [:]
            for (k, s) in starts.enumerated() { endOf[s] = k + 1 < starts.count ? itemStart + starts[k + 1] : itemEnd }
            var named = Set<Int32>()
            func clusterText(_ i: Int) -> String {
                let c = clusters[i]
                guard named.insert(c).inserted else { return "" }
                let start = itemStart + Int(c)
                let next = endOf[Int(c)] ?? itemEnd
                return String(decoding: UnsafeBufferPointer(start: text + start, count: max(0, next - start)), as: UTF8.self)
            }

            let fontUse = item.pointee.analysis.font.flatMap { registry.use($0) }
            guard let face = fontUse?.face ?? registry.fallback else { continue }
            let size = fontUse?.size ?? Double(logical.height) / 1024 * 0.8
            var show = PDFBytes(capacity: 16 + 5 * count)
            show.append("[")
            var hexOpen = false
            var exact = 0.0, pen = 0.0
            for i in 0..<count {
                let info = infos[i]
                let advance = Double(info.geometry.width) / 1024
                defer { exact += advance }
                let glyph = info.glyph
                if glyph == PANGO_GLYPH_EMPTY { continue }
                let gid = fontUse == nil || glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0 ? 0 : Int(glyph)
                let cid = face.cid(gid: gid, text: clusterText(i))
                // Move the PDF pen to pango's position when they differ by a visible amount.
                let adjust = -((exact + Double(info.geometry.x_offset) / 1024) - pen) * 1000 / size
                if abs(adjust) >= 0.5 {
                    if hexOpen { show.append(">"); hexOpen = false }
                    let rounded = (adjust * 10).rounded() / 10
                    show.append(real: rounded, decimals: 1)
                    pen -= rounded * size / 1000
                }
                if !hexOpen { show.append("<"); hexOpen = true }
                show.append(hex16: cid)
                pen += Double(face.widths[Int(cid)]) * size / 1000
                used.insert(UInt32(face.index) << 16 | UInt32(cid))
            }
            if hexOpen { show.append(">") }
            show.append("] TJ\n")
            runs.append(Run(face: face.index, size: size, x: x, baseline: base, color: attributes.foreground, show: show.bytes))

            let runWidth = Double(logical.width) / 1024
            if let background = attributes.background {
                marks.append(Mark(x: x, y: Double(logical.y) / 1024, width: runWidth, height: Double(logical.height) / 1024,
                                  color: background, behind: true))
            }
            if attributes.underline {
                marks.append(Mark(x: x, y: base + size * 0.1, width: runWidth, height: max(0.4, size * 0.05),
                                  color: attributes.foreground, behind: false))
            }
            if attributes.strikethrough {
                marks.append(Mark(x: x, y: base - size * 0.3, width: runWidth, height: max(0.4, size * 0.05),
                                  color: attributes.foreground, behind: false))
            }
        } while pango_layout_iter_next_run(iter) != 0
        usage = used.sorted()
    }
}

/// The markup attributes pango attached to a run that change how it is drawn.
private struct RunAttributes {
    var foreground: (Double, Double, Double)?
    var background: (Double, Double, Double)?
    var underline = false
    var strikethrough = false

    init(_ list: UnsafeMutablePointer<GSList>?) {
        var node = list
        while let n = node {
            defer { node = n.pointee.next }
            guard let raw = n.pointee.data else { continue }
            let attr = raw.assumingMemoryBound(to: PangoAttribute.self)
            switch attr.pointee.klass.pointee.type {
            case PANGO_ATTR_FOREGROUND:
                foreground = Self.rgb(raw.assumingMemoryBound(to: PangoAttrColor.self).pointee.color)
            case PANGO_ATTR_BACKGROUND:
                background = Self.rgb(raw.assumingMemoryBound(to: PangoAttrColor.self).pointee.color)
            case PANGO_ATTR_UNDERLINE:
                underline = raw.assumingMemoryBound(to: PangoAttrInt.self).pointee.value != Int32(PANGO_UNDERLINE_NONE.rawValue)
            case PANGO_ATTR_STRIKETHROUGH:
                strikethrough = raw.assumingMemoryBound(to: PangoAttrInt.self).pointee.value != 0
            default:
                break
            }
        }
    }

    private static func rgb(_ c: PangoColor) -> (Double, Double, Double) {
        (Double(c.red) / 65535, Double(c.green) / 65535, Double(c.blue) / 65535)
    }
}
