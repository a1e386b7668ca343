/// Horizontal bars with a label column and the value at the end (stage durations).
struct HorizontalBarChart {
    var id: String
    var title: String
    /// Each bar: its label, its length value, and the text printed after it.
    var bars: [(label: String, value: Int, text: String)]

    func svg(description: String) -> Markup {
        let labelWidth = 230, plot = 440, valueWidth = 90, row = 28, top = 8
        let width = labelWidth + plot + valueWidth
        let height = top * 2 + bars.count * row
        let maximum = bars.map(\.value).max() ?? 0
        var parts: [Markup] = []
        for (i, bar) in bars.enumerated() {
            let y = top + i * row
            let w = SVG.scale(bar.value, of: maximum, to: plot)
            parts.append("<text class=\"label\" x=\"\(labelWidth - 8)\" y=\"\(y + 18)\" text-anchor=\"end\">\(SVG.fit(bar.label, max: 32))</text>\n")
            parts.append("<rect class=\"bar s0\" x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(w)\" height=\"\(row - 10)\"><title>\(bar.label) : \(bar.text)</title></rect>\n")
            parts.append("<text class=\"value\" x=\"\(labelWidth + w + 6)\" y=\"\(y + 18)\">\(bar.text)</text>\n")
        }
        parts.append("<line class=\"baseline\" x1=\"\(labelWidth)\" y1=\"\(top)\" x2=\"\(labelWidth)\" y2=\"\(height - top)\"/>\n")
        return SVG.root(id: id, width: width, height: height, title: title, description: description, body: Markup.join(parts))
    }
}
