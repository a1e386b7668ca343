/// One chart of the page: the inline SVG plus its text alternative.
///
/// Screen readers get `<title>`/`<desc>` (the numbers in words), and everyone gets the same numbers
/// in a table under the drawing, so the figure still reads when SVG is not rendered or printed grey.
struct ChartFigure {
    /// Stable id (deterministic page), used for `aria-labelledby`.
    var id: String
    var title: String
    /// A sentence with every number of the chart.
    var description: String
    var svg: Markup
    /// The data table: header row then rows.
    var header: [String]
    var rows: [[String]]

    var markup: Markup {
        let head = Markup.join(header.map { "<th scope=\"col\">\($0)</th>" })
        let body = Markup.join(rows.map { row in
            let cells = row.enumerated().map { i, cell -> Markup in
                i == 0 ? "<th scope=\"row\">\(cell)</th>" : "<td class=\"num\">\(cell)</td>"
            }
            return "<tr>\(cells)</tr>\n"
        })
        return """
        <figure class="chart" id="\(id)">
        <figcaption>\(title)</figcaption>
        \(svg)
        <details class="chart-data"><summary>Données du graphique</summary>
        <table><thead><tr>\(head)</tr></thead><tbody>
        \(body)</tbody></table></details>
        </figure>

        """
    }
}

/// Shared SVG pieces: the root element with its accessible name, and geometry helpers.
enum SVG {
    /// The `<svg>` root: `role="img"`, labelled by its own `<title>` and `<desc>`.
    static func root(id: String, width: Int, height: Int, title: String, description: String, body: Markup) -> Markup {
        """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" width="\(width)" height="\(height)" \
        viewBox="0 0 \(width) \(height)" aria-labelledby="\(id)-title \(id)-desc">
        <title id="\(id)-title">\(title)</title>
        <desc id="\(id)-desc">\(description)</desc>
        \(body)</svg>
        """
    }

    /// A value axis: a round step (1, 2, 5 × 10ⁿ) giving at most five gridlines, and the first
    /// multiple of it at or above `value`, so every gridline carries a readable whole number.
    static func axis(_ value: Int) -> (maximum: Int, step: Int) {
        guard value > 0 else { return (1, 1) }
        var power = 1
        while true {
            for m in [1, 2, 5] {
                let step = m * power
                let ticks = (value + step - 1) / step
                if ticks <= 5 { return (ticks * step, step) }
            }
            power *= 10
        }
    }

    /// Shortens a label to fit a fixed column (SVG text never wraps).
    static func fit(_ label: String, max: Int) -> String {
        label.count <= max ? label : String(label.prefix(max - 1)) + "…"
    }

    /// Scales `value` of `maximum` to `length` pixels, keeping any non-zero value visible.
    static func scale(_ value: Int, of maximum: Int, to length: Int) -> Int {
        guard maximum > 0, value > 0 else { return 0 }
        return Swift.max(1, value * length / maximum)
    }
}
