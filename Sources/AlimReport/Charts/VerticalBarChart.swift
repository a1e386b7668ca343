/// Vertical bars with a value above each: counts by an ordered category (accounts by level).
struct VerticalBarChart {
    var id: String
    var title: String
    var bars: [(label: String, value: Int)]

    func svg(description: String) -> Markup {
        let barWidth = 40, gap = 18, left = 48, top = 24, plot = 180, bottom = 36
        let width = max(left + bars.count * (barWidth + gap) + gap, 320)
        let height = top + plot + bottom
        let (maximum, step) = SVG.axis(bars.map(\.value).max() ?? 0)
        var parts: [Markup] = []
        for value in stride(from: 0, through: maximum, by: step) {
            let y = top + plot - plot * value / maximum
            parts.append("<line class=\"grid\" x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 8)\" y2=\"\(y)\"/>\n")
            parts.append("<text class=\"axis\" x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\">\(French.number(value))</text>\n")
        }
        for (i, bar) in bars.enumerated() {
            let x = left + gap + i * (barWidth + gap)
            let h = SVG.scale(bar.value, of: maximum, to: plot)
            let y = top + plot - h
            let center = x + barWidth / 2
            parts.append("<rect class=\"bar s0\" x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(h)\"><title>\(bar.label) : \(French.number(bar.value))</title></rect>\n")
            parts.append("<text class=\"value\" x=\"\(center)\" y=\"\(y - 5)\" text-anchor=\"middle\">\(French.number(bar.value))</text>\n")
            parts.append("<text class=\"label\" x=\"\(center)\" y=\"\(top + plot + 18)\" text-anchor=\"middle\">\(SVG.fit(bar.label, max: 8))</text>\n")
        }
        parts.append("<line class=\"baseline\" x1=\"\(left)\" y1=\"\(top + plot)\" x2=\"\(width - 8)\" y2=\"\(top + plot)\"/>\n")
        return SVG.root(id: id, width: width, height: height, title: title, description: description, body: Markup.join(parts))
    }
}
