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
    public var title: String
    public var subtitle: String?
    public var charts: [LineChart]
    /// Lines of text under the charts.
    public var key: [String]

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
        if charts.count == 1, let only = charts.first, ChartStyle.singleLine(title).isEmpty,
            ChartStyle.singleLine(subtitle ?? "").isEmpty, key.isEmpty
        {
            return only.fittingBoldTitle(width: ChartFrame.clamped(width: width)).svg(width: width, height: chartHeight)
        }
        let margin = ChartFrame.margin
        let panelWidth = ChartFrame.clamped(width: width)
        let height = ChartFrame.clamped(height: chartHeight)
        let contentWidth = panelWidth - 2 * margin
        let heading = ChartStyle.truncated(ChartStyle.singleLine(title), toWidth: contentWidth, size: 18)
        let subheading = subtitle.map {
            ChartStyle.truncated(ChartStyle.singleLine($0), toWidth: contentWidth, size: ChartStyle.subtitleSize)
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
            ChartStyle.truncated(ChartStyle.singleLine($0), toWidth: contentWidth, size: ChartStyle.legendSize)
        }
        if !keyLines.isEmpty { cursor += Double(keyLines.count) * ChartPanel.keyLineHeight + margin }
        let panelHeight = max(cursor, margin)

        // MARK: Drawing
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(n(panelWidth))\" height=\"\(n(panelHeight))\""
            + " viewBox=\"0 0 \(n(panelWidth)) \(n(panelHeight))\" role=\"img\" font-family=\""
            + escapeHTML(ChartStyle.fontFamily) + "\" font-size=\"\(n(ChartStyle.labelSize))\">\n"
        out += "  <title>" + escapeHTML(ChartStyle.singleLine(title)) + "</title>\n"
        out += "  <desc>" + escapeHTML(description) + "</desc>\n"
        out += "  <rect width=\"\(n(panelWidth))\" height=\"\(n(panelHeight))\" fill=\"\(ChartStyle.background)\"/>\n"
        for line in headingText {
            out +=
                "  <text x=\"\(n(margin))\" y=\"\(n(line.y))\" font-size=\"\(n(line.size))\""
                + (line.bold
                    ? " font-weight=\"bold\" fill=\"\(ChartStyle.titleColour)\"" : " fill=\"\(ChartStyle.mutedColour)\"")
                + ">" + escapeHTML(line.text) + "</text>\n"
        }
        for (chart, top) in zip(charts, chartTops) {
            out += "  <g transform=\"translate(0 \(n(top)))\">\n"
            let inner = chart.fittingBoldTitle(width: panelWidth).render(
                width: Int(panelWidth), height: Int(height), standalone: false)
            for line in inner.split(separator: "\n") { out += "    " + line + "\n" }
            out += "  </g>\n"
        }
        if !keyLines.isEmpty {
            out += "  <g font-size=\"\(n(ChartStyle.legendSize))\" fill=\"\(ChartStyle.textColour)\">\n"
            for (index, line) in keyLines.enumerated() {
                let y = keyTop + 12 + Double(index) * ChartPanel.keyLineHeight
                out += "    <text x=\"\(n(margin))\" y=\"\(n(y))\">" + escapeHTML(line) + "</text>\n"
            }
            out += "  </g>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// The text of the panel's `<desc>`: how many charts, and the key.
    private var description: String {
        var text = "\(charts.count) " + (charts.count == 1 ? "chart" : "charts") + ", one above the other"
        if let subtitle, !subtitle.isEmpty { text += "; " + ChartStyle.singleLine(subtitle) }
        text += "."
        if !key.isEmpty { text += " " + key.map(ChartStyle.singleLine).joined(separator: "; ") + "." }
        return text
    }
}

// MARK: - Titles

extension LineChart {
    /// The chart with its title shortened (ending in `…`) to fit a chart `width` pixels wide when
    /// set in bold. `ChartFrame` fits titles with the regular-weight width estimate, and bold
    /// sans-serif runs up to about 12% wider (DejaVu Sans Bold against DejaVu Sans), so a title
    /// near the limit could otherwise run off the right edge.
    func fittingBoldTitle(width: Double) -> LineChart {
        var chart = self
        chart.title = ChartStyle.truncated(
            ChartStyle.singleLine(title), toWidth: (width - 2 * ChartFrame.margin) / 1.12, size: ChartStyle.titleSize)
        return chart
    }
}

extension BandChart {
    /// The chart with its title shortened to fit when set in bold (see `LineChart`'s).
    func fittingBoldTitle(width: Double) -> BandChart {
        var chart = self
        chart.title = ChartStyle.truncated(
            ChartStyle.singleLine(title), toWidth: (width - 2 * ChartFrame.margin) / 1.12, size: ChartStyle.titleSize)
        return chart
    }
}

private func n(_ value: Double) -> String { SVGWriter.number(value) }
