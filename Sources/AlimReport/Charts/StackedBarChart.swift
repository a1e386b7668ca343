/// Horizontal stacked bars, one per row, with a legend (sheet coverage per school).
struct StackedBarChart {
    var id: String
    var title: String
    /// Segment names, in stacking order; their colours are the CSS classes `s0`, `s1`…
    var series: [String]
    var rows: [(label: String, values: [Int])]

    func svg(description: String) -> Markup {
        let labelWidth = 280, plot = 400, totalWidth = 80, row = 26, legendHeight = 30
        let width = labelWidth + plot + totalWidth
        let height = legendHeight + rows.count * row + 8
        let maximum = rows.map { $0.values.reduce(0, +) }.max() ?? 0
        var parts: [Markup] = []
        var legendX = labelWidth
        for (i, name) in series.enumerated() {
            parts.append("<rect class=\"s\(i)\" x=\"\(legendX)\" y=\"6\" width=\"14\" height=\"14\"/>\n")
            parts.append("<text class=\"legend\" x=\"\(legendX + 20)\" y=\"18\">\(name)</text>\n")
            legendX += 30 + name.count * 7
        }
        for (r, entry) in rows.enumerated() {
            let y = legendHeight + r * row
            parts.append("<text class=\"label\" x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(SVG.fit(entry.label, max: 34))</text>\n")
            var x = labelWidth
            for (i, value) in entry.values.enumerated() where value > 0 {
                let w = SVG.scale(value, of: maximum, to: plot)
                let name = i < series.count ? series[i] : ""
                parts.append("<rect class=\"bar s\(i)\" x=\"\(x)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"\(row - 8)\"><title>\(entry.label) — \(name) : \(French.number(value))</title></rect>\n")
                x += w
            }
            parts.append("<text class=\"value\" x=\"\(x + 6)\" y=\"\(y + 17)\">\(French.number(entry.values.reduce(0, +)))</text>\n")
        }
        parts.append("<line class=\"baseline\" x1=\"\(labelWidth)\" y1=\"\(legendHeight)\" x2=\"\(labelWidth)\" y2=\"\(height - 8)\"/>\n")
        return SVG.root(id: id, width: width, height: height, title: title, description: description, body: Markup.join(parts))
    }
}
