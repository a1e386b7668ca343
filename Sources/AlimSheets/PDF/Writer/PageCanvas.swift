/// One page's drawing, written straight as a PDF content stream in points, y pointing down (as
/// pango and the templates' layout think), the flip done once at the top of the stream.
///
/// The sheets need little: filled and stroked rectangles, rules (solid or dotted), and laid-out
/// text; writing those operators directly is what lets a sheet cost a fraction of a millisecond.
final class PageCanvas {
    private var ops = PDFBytes(capacity: 4096)
    private var usage = Set<UInt32>()
    private var fill: (Double, Double, Double)?
    private var stroke: (Double, Double, Double)?
    private let height: Double

    init(height: Double) {
        self.height = height
        begin()
    }

    private func begin() {
        ops.append("1 0 0 -1 0 "); ops.append(real: height); ops.append(" cm\n")
    }

    /// Forgets everything drawn so far (a page drawn again smaller because it overflowed).
    func reset() {
        ops.bytes.removeAll(keepingCapacity: true)
        usage.removeAll(keepingCapacity: true)
        fill = nil
        stroke = nil
        begin()
    }

    /// Scales what follows until `restore()`.
    func scale(_ s: Double) {
        ops.append("q "); ops.append(real: s, decimals: 4); ops.append(" 0 0 "); ops.append(real: s, decimals: 4); ops.append(" 0 0 cm\n")
    }

    func restore() {
        ops.append("Q\n")
        fill = nil
        stroke = nil
    }

    func fillRect(x: Double, y: Double, width: Double, height: Double, color: (Double, Double, Double)) {
        setFill(color)
        rect(x, y, width, height)
        ops.append(" re f\n")
    }

    func strokeRect(x: Double, y: Double, width: Double, height: Double, lineWidth: Double, color: (Double, Double, Double)) {
        setStroke(color)
        ops.append(real: lineWidth); ops.append(" w ")
        rect(x, y, width, height)
        ops.append(" re S\n")
    }

    /// A straight line; `dash` is the on/off pattern of a dotted line.
    func line(from a: (Double, Double), to b: (Double, Double), lineWidth: Double, color: (Double, Double, Double),
              dash: [Double] = []) {
        setStroke(color)
        ops.append(real: lineWidth); ops.append(" w ")
        if !dash.isEmpty {
            ops.append("[")
            for (i, d) in dash.enumerated() { if i > 0 { ops.append(" ") }; ops.append(real: d) }
            ops.append("] 0 d ")
        }
        ops.append(real: a.0); ops.append(" "); ops.append(real: a.1); ops.append(" m ")
        ops.append(real: b.0); ops.append(" "); ops.append(real: b.1); ops.append(" l S")
        ops.append(dash.isEmpty ? "\n" : " [] 0 d\n")
    }

    /// Shows laid-out text with its top-left corner at (x, y), in `color` unless the markup says otherwise.
    func text(_ laid: LaidText, x: Double, y: Double, color: (Double, Double, Double)) {
        for mark in laid.marks where mark.behind {
            fillRect(x: x + mark.x, y: y + mark.y, width: mark.width, height: mark.height, color: mark.color ?? color)
        }
        if !laid.runs.isEmpty {
            ops.append("BT\n")
            var font = -1
            var size = -1.0
            for run in laid.runs {
                setFill(run.color ?? color)
                if run.face != font || run.size != size {
                    font = run.face
                    size = run.size
                    ops.append("/F"); ops.append(int: font); ops.append(" "); ops.append(real: size); ops.append(" Tf\n")
                }
                ops.append("1 0 0 -1 "); ops.append(real: x + run.x); ops.append(" "); ops.append(real: y + run.baseline)
                ops.append(" Tm ")
                ops.append(run.show)
            }
            ops.append("ET\n")
            usage.formUnion(laid.usage)
        }
        for mark in laid.marks where !mark.behind {
            fillRect(x: x + mark.x, y: y + mark.y, width: mark.width, height: mark.height, color: mark.color ?? color)
        }
    }

    /// The page, compressed once: every PDF holding it copies these bytes.
    func finish() -> PageContent {
        PageContent(stream: Flate.compress(ops.bytes, level: 1), usage: usage)
    }

    private func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double) {
        ops.append(real: x); ops.append(" "); ops.append(real: y); ops.append(" ")
        ops.append(real: w); ops.append(" "); ops.append(real: h)
    }

    private func setFill(_ c: (Double, Double, Double)) {
        if let f = fill, f == c { return }
        fill = c
        color(c); ops.append(c.0 == c.1 && c.1 == c.2 ? " g\n" : " rg\n")
    }

    private func setStroke(_ c: (Double, Double, Double)) {
        if let s = stroke, s == c { return }
        stroke = c
        color(c); ops.append(c.0 == c.1 && c.1 == c.2 ? " G\n" : " RG\n")
    }

    private func color(_ c: (Double, Double, Double)) {
        ops.append(real: c.0)
        if c.0 == c.1 && c.1 == c.2 { return }
        ops.append(" "); ops.append(real: c.1); ops.append(" "); ops.append(real: c.2)
    }
}

/// A finished page: its compressed content stream and the glyphs it shows (for the font subsets).
///
/// A reference type on purpose: a page placed in the class file, the school file and an e-mail is
/// one object, and a PDF holding the same page twice (the charte) writes its stream once.
final class PageContent {
    let stream: [UInt8]
    /// Packed `face << 16 | cid`.
    let usage: Set<UInt32>

    init(stream: [UInt8], usage: Set<UInt32>) {
        self.stream = stream
        self.usage = usage
    }
}
