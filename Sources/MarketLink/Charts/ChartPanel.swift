// MARK: - Chart panel

/// Several line charts stacked in one SVG document, under an optional heading and above an
/// optional key (one line of text each, e.g. the events a range chart marks by id).
///
/// Each chart is drawn as `LineChart.svg(width:height:)` draws it (its title shortened to fit
/// in bold), as a nested `<svg>` moved down by a `<g transform="translate(0 y)">`. The same
/// panel always gives the same bytes.
///
/// Layout, top to bottom (pixels): 16 margin; the title (18 px bold, baseline +15); the
/// subtitle (12 px, baseline 20 below the title's, or 26 from the top without one); 12; each chart followed by 12; the key,
/// 16 a line, then 16 margin. Without a title or subtitle the first chart starts at 0.
public struct ChartPanel: Sendable, Equatable {
    /// The panel's title; empty for none.
    public var title: String
    /// A second heading line; `nil` for none.
    public var subtitle: String?
    /// The charts, stacked top to bottom.
    public var charts: [LineChart]
    /// Lines of text under the charts.
    public var key: [String]

    /// A panel of `charts` under a title, with `key` lines under them.
    public init(title: String, subtitle: String? = nil, charts: [LineChart], key: [String] = []) {
        self.title = title
        self.subtitle = subtitle
        self.charts = charts
        self.key = key
    }

    // MARK: - Layout

    static let gap = 12.0
    static let keyLineHeight = 16.0

    /// The panel as a standalone SVG 1.1 document. `width` and `chartHeight` are each chart's
    /// size in pixels, kept within 320 × 220 … 20,000 × 20,000 as for one chart. A panel of one
    /// chart with no heading and no key is that chart's own document.
    public func svg(width: Int = 800, chartHeight: Int = 320) -> String {
        if charts.count == 1, let only = charts.first, ChartText.singleLine(title).isEmpty,
            ChartText.singleLine(subtitle ?? "").isEmpty, key.isEmpty
        {
            return only.fittingBoldTitle(width: ChartFrame.clamped(width: width)).svg(width: width, height: chartHeight)
        }
        let margin = ChartFrame.margin
        let panelWidth = ChartFrame.clamped(width: width)
        let height = ChartFrame.clamped(height: chartHeight)
        let contentWidth = panelWidth - 2 * margin
        let heading = ChartText.truncated(ChartText.singleLine(title), toWidth: contentWidth, size: 18)
        let subheading = subtitle.map {
            ChartText.truncated(ChartText.singleLine($0), toWidth: contentWidth, size: ChartStyle.subtitleSize)
        }

        // MARK: Heading
        var cursor = 0.0
        var headingText: [(text: String, y: Double, size: Double, bold: Bool)] = []
        if !heading.isEmpty {
            cursor = margin + 15
            headingText.append((heading, cursor, 18, true))
        }
        if let subheading, !subheading.isEmpty {
            cursor = heading.isEmpty ? margin + 10 : cursor + 20
            headingText.append((subheading, cursor, ChartStyle.subtitleSize, false))
        }
        if cursor > 0 { cursor += ChartPanel.gap }
        var chartTops: [Double] = []
        for _ in charts {
            chartTops.append(cursor)
            cursor += height + ChartPanel.gap
        }
        let keyTop = cursor
        let keyLines = key.map {
            ChartText.truncated(ChartText.singleLine($0), toWidth: contentWidth, size: ChartStyle.legendSize)
        }
        if !keyLines.isEmpty { cursor += Double(keyLines.count) * ChartPanel.keyLineHeight + margin }
        let panelHeight = max(cursor, margin)

        // MARK: Drawing
        var svg = MarkupWriter(
            svgWidth: panelWidth, height: panelHeight, standalone: true,
            rootAttributes: [
                ("role", "img"), ("font-family", ChartStyle.fontFamily), ("font-size", n(ChartStyle.labelSize)),
            ])
        svg.text("title", [], ChartText.singleLine(title))
        svg.text("desc", [], description)
        svg.empty("rect", [("width", n(panelWidth)), ("height", n(panelHeight)), ("fill", ChartStyle.background)])
        for line in headingText {
            let look: MarkupWriter.Attributes =
                line.bold ? [("font-weight", "bold"), ("fill", ChartStyle.titleColour)] : [("fill", ChartStyle.mutedColour)]
            svg.text("text", [("x", n(margin)), ("y", n(line.y)), ("font-size", n(line.size))] + look, line.text)
        }
        for (chart, top) in zip(charts, chartTops) {
            svg.open("g", [("transform", "translate(0 " + n(top) + ")")])
            svg.lines(
                chart.fittingBoldTitle(width: panelWidth).render(width: Int(panelWidth), height: Int(height), standalone: false))
            svg.close()
        }
        if !keyLines.isEmpty {
            svg.open("g", [("font-size", n(ChartStyle.legendSize)), ("fill", ChartStyle.textColour)])
            for (index, line) in keyLines.enumerated() {
                svg.text("text", [("x", n(margin)), ("y", n(keyTop + 12 + Double(index) * ChartPanel.keyLineHeight))], line)
            }
            svg.close()
        }
        return svg.finish()
    }

    /// The text of the panel's `<desc>`: how many charts, and the key.
    private var description: String {
        var text = "\(charts.count) " + (charts.count == 1 ? "chart" : "charts") + ", one above the other"
        if let subtitle, !subtitle.isEmpty { text += "; " + ChartText.singleLine(subtitle) }
        text += "."
        if !key.isEmpty { text += " " + key.map(ChartText.singleLine).joined(separator: "; ") + "." }
        return text
    }
}

private func n(_ value: Double) -> String { MarkupWriter.number(value) }
