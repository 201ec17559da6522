// MARK: - Chart frame

/// The parts every chart shares, laid out for one size: title, subtitle and legend at the top,
/// labelled event markers above the plot, the plot with its horizontal grid, and the axes with
/// their ticks and labels. A chart computes its data ranges, builds a frame, asks it where
/// values go (`x(_:)`, `y(_:)`), and draws its data between `drawBackground` and
/// `drawMarkerLabels`.
///
/// Layout, top to bottom (pixels): 16 margin; title (16 px, baseline +13); subtitle (12 px);
/// legend rows of 18; marker label rows of 14, the nearest row just above the plot; the plot;
/// x tick labels and their context line; the x-axis label; 16 margin. Left of the plot: 16
/// margin, the rotated y-axis label (20), the widest y tick label, 8.
struct ChartFrame {
    struct XTick: Equatable {
        var position: Double
        var label: String
        /// A second line under the label (the month or year), shown where it changes.
        var context: String?
    }

    enum LegendSymbol: Equatable {
        case line(ChartStyle.LineStyle, showsShape: Bool)
        case band
    }

    struct LegendItem: Equatable {
        var symbol: LegendSymbol
        var name: String
    }

    struct Marker: Equatable {
        var position: Double
        var label: String
    }

    struct PlacedLegendItem: Equatable {
        var item: LegendItem
        var x: Double
        var row: Int
    }

    struct PlacedMarker: Equatable {
        var x: Double
        var label: String
        var row: Int
        /// Horizontal extent of the label and its background.
        var low: Double
        var high: Double
        var anchorsAtEnd: Bool
    }

    // MARK: - Constants

    static let minimumWidth = 320.0
    static let minimumHeight = 220.0
    static let maximumSize = 20_000.0

    /// A requested width in pixels, kept within 320 … 20,000.
    static func clamped(width: Int) -> Double { min(max(Double(width), minimumWidth), maximumSize) }

    /// A requested height in pixels, kept within 220 … 20,000.
    static func clamped(height: Int) -> Double { min(max(Double(height), minimumHeight), maximumSize) }
    static let margin = 16.0
    static let legendRowHeight = 18.0
    static let markerRowHeight = 14.0
    static let maxMarkerRows = 4
    static let legendSymbolWidth = 26.0

    // MARK: - Layout

    let width: Double
    let height: Double
    let title: String
    let titleBaseline: Double
    let subtitle: String?
    let subtitleBaseline: Double
    let legend: [PlacedLegendItem]
    let legendTop: Double
    let yLabel: String
    let xLabel: String
    let yTicks: NumericTicks
    let hasData: Bool
    let xTicks: [XTick]
    let xLower: Double
    let xUpper: Double
    let markers: [PlacedMarker]
    let plotLeft: Double
    let plotRight: Double
    let plotTop: Double
    let plotBottom: Double

    /// Lays a chart out.
    ///
    /// - Parameters:
    ///   - width, height: the requested size, kept within 320 × 220 … 20,000 × 20,000.
    ///   - yRange: the lowest and highest value to show; the y axis runs between the nice ticks
    ///     that enclose it, about one tick per 36 pixels of height (2 to 10 intervals).
    ///   - xRange: the domain of the x axis, in the chart's own units (day ordinals, sessions).
    ///   - hasData: `false` leaves the y axis without ticks and grid (for a "no data" note).
    ///   - xTicks: the x ticks for a given plot width in pixels.
    init(
        width requestedWidth: Int, height requestedHeight: Int, title rawTitle: String, subtitle rawSubtitle: String?,
        yLabel rawYLabel: String, xLabel rawXLabel: String, legend items: [LegendItem], markers rawMarkers: [Marker],
        yRange: (low: Double, high: Double), xRange: (low: Double, high: Double), hasData: Bool = true,
        xTicks makeXTicks: (Double) -> [XTick]
    ) {
        let margin = ChartFrame.margin
        width = ChartFrame.clamped(width: requestedWidth)
        height = ChartFrame.clamped(height: requestedHeight)
        let contentWidth = width - 2 * margin

        // Title and subtitle.
        title = ChartStyle.truncated(
            ChartStyle.singleLine(rawTitle), toWidth: contentWidth, size: ChartStyle.titleSize)
        var cursor = margin
        titleBaseline = cursor + 13
        cursor = titleBaseline + 8
        let subtitleText = rawSubtitle.map(ChartStyle.singleLine) ?? ""
        if subtitleText.isEmpty {
            subtitle = nil
            subtitleBaseline = cursor
        } else {
            subtitle = ChartStyle.truncated(subtitleText, toWidth: contentWidth, size: ChartStyle.subtitleSize)
            subtitleBaseline = cursor + 10
            cursor = subtitleBaseline + 8
        }

        // Legend: items left to right, wrapping.
        legendTop = cursor
        var placedItems: [PlacedLegendItem] = []
        var itemX = margin
        var row = 0
        for item in items {
            let nameWidthLimit = contentWidth - ChartFrame.legendSymbolWidth - 6
            let name = ChartStyle.truncated(
                ChartStyle.singleLine(item.name), toWidth: nameWidthLimit, size: ChartStyle.legendSize)
            let itemWidth =
                ChartFrame.legendSymbolWidth + 6 + ChartStyle.textWidth(name, size: ChartStyle.legendSize)
            if itemX > margin, itemX + itemWidth > width - margin {
                row += 1
                itemX = margin
            }
            placedItems.append(PlacedLegendItem(item: LegendItem(symbol: item.symbol, name: name), x: itemX, row: row))
            itemX += itemWidth + 20
        }
        legend = placedItems
        if !placedItems.isEmpty { cursor += Double(row + 1) * ChartFrame.legendRowHeight + 2 }

        // Y axis: ticks from the height, then the left margin from the widest tick label.
        let maxIntervals = min(10, max(2, Int((height - 160) / 36)))
        let ticks = NumericTicks(covering: yRange.low, yRange.high, maxIntervals: maxIntervals)
        yTicks = ticks
        self.hasData = hasData
        let widestTick =
            !hasData
            ? 0
            : ticks.values.map { ChartStyle.textWidth(ticks.label($0), size: ChartStyle.labelSize) }
                .max() ?? 0
        yLabel = ChartStyle.singleLine(rawYLabel)
        plotLeft = margin + (yLabel.isEmpty ? 0 : 20) + widestTick + 8
        plotRight = width - margin - 8
        if xRange.low < xRange.high {
            (xLower, xUpper) = (xRange.low, xRange.high)
        } else {
            (xLower, xUpper) = (xRange.low - 1, xRange.low + 1)
        }

        // Markers: label rows above the plot, as few as keep labels and lines apart.
        let placed = ChartFrame.placeMarkers(
            rawMarkers, plotLeft: plotLeft, plotRight: plotRight, width: width,
            xLower: xLower, xUpper: xUpper)
        markers = placed
        let markerRows = (placed.filter { !$0.label.isEmpty }.map(\.row).max() ?? -1) + 1
        cursor += Double(markerRows) * ChartFrame.markerRowHeight
        // Without marker rows, room for the top tick label, which rises above the plot.
        plotTop = cursor + (markerRows > 0 ? 8 : 14)

        // X axis: ticks from the plot width, then the bottom margin from what they need.
        xTicks = makeXTicks(plotRight - plotLeft)
        xLabel = ChartStyle.singleLine(rawXLabel)
        let hasContext = xTicks.contains { $0.context != nil }
        var bottom = height - margin
        if !xLabel.isEmpty { bottom -= 20 }
        bottom -= hasContext ? 31 : 17
        plotBottom = max(bottom, plotTop + 40)
    }

    // MARK: - Mapping

    /// The horizontal pixel position of an x value.
    func x(_ value: Double) -> Double {
        ChartFrame.map(value, from: (xLower, xUpper), to: (plotLeft, plotRight))
    }

    /// The vertical pixel position of a y value (larger values higher up).
    func y(_ value: Double) -> Double {
        ChartFrame.map(value, from: (yTicks.lower, yTicks.upper), to: (plotBottom, plotTop))
    }

    static func map(_ value: Double, from domain: (Double, Double), to range: (Double, Double)) -> Double {
        let span = domain.1 - domain.0
        guard span != 0, span.isFinite else { return (range.0 + range.1) / 2 }
        return range.0 + (value - domain.0) / span * (range.1 - range.0)
    }

    /// The baseline of marker label row `row` (row 0 sits just above the plot).
    func markerBaseline(_ row: Int) -> Double {
        plotTop - 9 - Double(row) * ChartFrame.markerRowHeight
    }

    // MARK: - Marker placement

    /// Places marker labels in rows above the plot, working from the rightmost marker leftwards.
    ///
    /// Each label hangs to the right of its line (to the left near the right edge) and takes the
    /// lowest row where (1) it overlaps no other label, (2) its line, which rises through the
    /// rows below, crosses no label there, and (3) no line of a marker in a higher row crosses
    /// it. When no row satisfies all three, the lowest row satisfying (1) is taken; when none
    /// satisfies (1), the label is shortened to the free space of the row that has most, and
    /// when that space cannot hold four characters and `…`, the marker keeps its line (up to the
    /// plot top) but loses its label, which the chart's `<desc>` still lists.
    static func placeMarkers(
        _ markers: [Marker], plotLeft: Double, plotRight: Double, width: Double, xLower: Double, xUpper: Double
    ) -> [PlacedMarker] {
        let size = ChartStyle.labelSize
        let gap = 6.0
        let order = markers.indices.sorted { a, b in
            markers[a].position != markers[b].position
                ? markers[a].position > markers[b].position : a < b
        }
        var placed: [PlacedMarker] = []
        let maxLabelWidth = min((plotRight - plotLeft) * 0.45, 280)
        for index in order {
            let marker = markers[index]
            let px = map(marker.position, from: (xLower, xUpper), to: (plotLeft, plotRight))
            var label = ChartStyle.truncated(ChartStyle.singleLine(marker.label), toWidth: maxLabelWidth, size: size)
            var textWidth = ChartStyle.textWidth(label, size: size)
            let rightLimit = width - margin
            let roomRight = rightLimit - (px + 4)
            let roomLeft = (px - 4) - margin
            let anchorsAtEnd = textWidth > roomRight && roomLeft > roomRight
            if textWidth > max(roomRight, roomLeft) {
                label = ChartStyle.truncated(label, toWidth: max(roomRight, roomLeft), size: size)
                textWidth = ChartStyle.textWidth(label, size: size)
            }
            func span(_ labelWidth: Double) -> (Double, Double) {
                anchorsAtEnd ? (px - 4 - labelWidth - 2, px - 2) : (px + 2, px + 4 + labelWidth + 2)
            }
            var (low, high) = span(textWidth)
            func overlaps(_ other: PlacedMarker) -> Bool {
                !other.label.isEmpty && low < other.high + gap && other.low < high + gap
            }
            func fits(_ row: Int) -> Bool { !placed.contains { $0.row == row && overlaps($0) } }
            func clearOfLines(_ row: Int) -> Bool {
                !placed.contains { other in
                    guard !other.label.isEmpty else { return false }
                    return (other.row < row && other.low <= px && px <= other.high)
                        || (other.row > row && low <= other.x && other.x <= high)
                }
            }
            let rows = 0..<maxMarkerRows
            var chosen = rows.first { fits($0) && clearOfLines($0) } ?? rows.first(where: fits)
            if chosen == nil {
                // Shorten the label to the free space in the row that has most of it.
                var best = (row: 0, room: -Double.infinity)
                for row in rows {
                    let blockers = placed.filter { $0.row == row && !$0.label.isEmpty }
                    let room: Double
                    if anchorsAtEnd {
                        let edge = blockers.filter { $0.low < px }.map(\.high).max() ?? margin
                        room = px - 4 - 2 - gap - edge
                    } else {
                        let edge = blockers.filter { $0.high > px }.map(\.low).min() ?? rightLimit
                        room = edge - gap - (px + 4 + 2)
                    }
                    if room > best.room { best = (row, room) }
                }
                // Four characters and `…` at least; a stub such as `E…` says nothing.
                let stub = label.count > 4 ? String(label.prefix(4)) + "\u{2026}" : label
                let shortest = ChartStyle.textWidth(stub, size: size)
                if best.room >= shortest {
                    label = ChartStyle.truncated(label, toWidth: best.room, size: size)
                    textWidth = ChartStyle.textWidth(label, size: size)
                    (low, high) = span(textWidth)
                    chosen = best.row
                } else {
                    label = ""
                    (low, high) = (px, px)
                    chosen = 0
                }
            }
            placed.append(
                PlacedMarker(
                    x: px, label: label, row: chosen ?? 0, low: low, high: high, anchorsAtEnd: anchorsAtEnd))
        }
        return placed.sorted { $0.x != $1.x ? $0.x < $1.x : $0.row < $1.row }
    }

    // MARK: - Drawing

    /// Background, title, subtitle, legend, grid, axes, tick labels and axis labels.
    func drawBackground(into svg: inout SVGWriter) {
        svg.empty("rect", [("width", n(width)), ("height", n(height)), ("fill", ChartStyle.background)])
        if !title.isEmpty {
            svg.text(
                "text",
                [
                    ("x", n(ChartFrame.margin)), ("y", n(titleBaseline)), ("font-size", n(ChartStyle.titleSize)),
                    ("font-weight", "bold"), ("fill", ChartStyle.titleColour),
                ], title)
        }
        if let subtitle {
            svg.text(
                "text",
                [
                    ("x", n(ChartFrame.margin)), ("y", n(subtitleBaseline)),
                    ("font-size", n(ChartStyle.subtitleSize)), ("fill", ChartStyle.mutedColour),
                ], subtitle)
        }
        drawLegend(into: &svg)
        drawGrid(into: &svg)
        drawXAxis(into: &svg)
    }

    private func drawLegend(into svg: inout SVGWriter) {
        guard !legend.isEmpty else { return }
        svg.open("g", [("font-size", n(ChartStyle.legendSize)), ("fill", ChartStyle.textColour)])
        for placed in legend {
            let centre = legendTop + ChartFrame.legendRowHeight * (Double(placed.row) + 0.5)
            let symbolEnd = placed.x + ChartFrame.legendSymbolWidth
            switch placed.item.symbol {
            case .line(let style, let showsShape):
                ChartFrame.drawLine(
                    [(placed.x, centre), (symbolEnd, centre)], style: style, into: &svg)
                if showsShape {
                    ChartFrame.drawPoint(
                        style.shape, x: placed.x + ChartFrame.legendSymbolWidth / 2, y: centre,
                        colour: style.colour, tooltip: nil, into: &svg)
                }
            case .band:
                svg.empty(
                    "rect",
                    [
                        ("x", n(placed.x)), ("y", n(centre - 6)), ("width", n(ChartFrame.legendSymbolWidth)),
                        ("height", "12"), ("fill", ChartStyle.bandFill), ("stroke", ChartStyle.bandEdge),
                        ("stroke-width", "0.75"),
                    ])
            }
            svg.text("text", [("x", n(symbolEnd + 6)), ("y", n(centre + 4))], placed.item.name)
        }
        svg.close()
    }

    private func drawGrid(into svg: inout SVGWriter) {
        svg.open("g", [("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.textColour)])
        for value in yTicks.values where hasData {
            let py = y(value)
            if py < plotBottom - 0.5 {
                svg.empty(
                    "line",
                    [
                        ("x1", n(plotLeft)), ("y1", n(py)), ("x2", n(plotRight)), ("y2", n(py)),
                        ("stroke", ChartStyle.gridColour), ("stroke-width", "1"),
                    ])
            }
            svg.text(
                "text", [("x", n(plotLeft - 8)), ("y", n(py + 4)), ("text-anchor", "end")], yTicks.label(value))
        }
        if !yLabel.isEmpty {
            let centreX = ChartFrame.margin + 8
            let centreY = (plotTop + plotBottom) / 2
            let label = ChartStyle.truncated(yLabel, toWidth: plotBottom - plotTop, size: ChartStyle.labelSize)
            svg.text(
                "text",
                [
                    ("x", n(centreX)), ("y", n(centreY)), ("text-anchor", "middle"),
                    ("transform", "rotate(-90 " + n(centreX) + " " + n(centreY) + ")"),
                    ("fill", ChartStyle.mutedColour),
                ], label)
        }
        svg.close()
    }

    private func drawXAxis(into svg: inout SVGWriter) {
        svg.empty(
            "line",
            [
                ("x1", n(plotLeft)), ("y1", n(plotBottom)), ("x2", n(plotRight)), ("y2", n(plotBottom)),
                ("stroke", ChartStyle.axisColour), ("stroke-width", "1"),
            ])
        svg.open(
            "g", [("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.textColour), ("text-anchor", "middle")])
        let labelBaseline = plotBottom + 17
        let contextBaseline = labelBaseline + 14
        var labelEdge = -Double.infinity
        var contextEdge = -Double.infinity
        for tick in xTicks {
            let px = x(tick.position)
            guard px >= plotLeft - 0.5, px <= plotRight + 0.5 else { continue }
            svg.empty(
                "line",
                [
                    ("x1", n(px)), ("y1", n(plotBottom)), ("x2", n(px)), ("y2", n(plotBottom + 4)),
                    ("stroke", ChartStyle.axisColour), ("stroke-width", "1"),
                ])
            if let centre = fit(tick.label, at: px, after: &labelEdge) {
                svg.text("text", [("x", n(centre)), ("y", n(labelBaseline))], tick.label)
            }
            if let context = tick.context, let centre = fit(context, at: px, after: &contextEdge) {
                svg.text(
                    "text", [("x", n(centre)), ("y", n(contextBaseline)), ("fill", ChartStyle.mutedColour)], context)
            }
        }
        if !xLabel.isEmpty {
            let label = ChartStyle.truncated(xLabel, toWidth: plotRight - plotLeft, size: ChartStyle.labelSize)
            svg.text(
                "text",
                [
                    ("x", n((plotLeft + plotRight) / 2)), ("y", n(height - ChartFrame.margin)),
                    ("fill", ChartStyle.mutedColour),
                ], label)
        }
        svg.close()
    }

    /// The centre for a label at `px`, kept inside the picture, or `nil` when it would overlap
    /// the previous label on its line (whose right edge is `edge`, updated when it fits).
    private func fit(_ label: String, at px: Double, after edge: inout Double) -> Double? {
        let half = ChartStyle.textWidth(label, size: ChartStyle.labelSize) / 2
        let centre = min(max(px, half + 4), width - half - 4)
        guard centre - half >= edge + 8 else { return nil }
        edge = centre + half
        return centre
    }

    /// A darker horizontal line at a reference value (0 for returns, 100 for rebased lines)
    /// when it lies strictly inside the y axis; drawn after any shaded area so that it stays
    /// visible.
    func drawReferenceLine(at value: Double, into svg: inout SVGWriter) {
        guard hasData, yTicks.lower < value, value < yTicks.upper else { return }
        svg.empty(
            "line",
            [
                ("x1", n(plotLeft)), ("y1", n(y(value))), ("x2", n(plotRight)), ("y2", n(y(value))),
                ("stroke", ChartStyle.referenceColour), ("stroke-width", "1"),
            ])
    }

    /// Dashed vertical lines for the markers, from the plot bottom up to their labels; drawn
    /// before the data so that the data stays on top.
    func drawMarkerLines(into svg: inout SVGWriter) {
        guard !markers.isEmpty else { return }
        svg.open(
            "g",
            [("stroke", ChartStyle.markerColour), ("stroke-width", "1"), ("stroke-dasharray", "4 3"), ("fill", "none")])
        for marker in markers {
            let top = marker.label.isEmpty ? plotTop : markerBaseline(marker.row) - 9
            svg.empty(
                "line",
                [("x1", n(marker.x)), ("y1", n(plotBottom)), ("x2", n(marker.x)), ("y2", n(top))])
        }
        svg.close()
    }

    /// Marker labels on a white background; drawn last.
    func drawMarkerLabels(into svg: inout SVGWriter) {
        guard !markers.isEmpty else { return }
        svg.open("g", [("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.titleColour)])
        for marker in markers where !marker.label.isEmpty {
            let baseline = markerBaseline(marker.row)
            svg.empty(
                "rect",
                [
                    ("x", n(marker.low)), ("y", n(baseline - 10)), ("width", n(marker.high - marker.low)),
                    ("height", "13"), ("fill", ChartStyle.background),
                ])
            var attributes: SVGWriter.Attributes = [
                ("x", n(marker.anchorsAtEnd ? marker.x - 4 : marker.x + 4)), ("y", n(baseline)),
            ]
            if marker.anchorsAtEnd { attributes.append(("text-anchor", "end")) }
            svg.text("text", attributes, marker.label)
        }
        svg.close()
    }

    /// A note in the middle of the plot, for a chart with nothing to draw.
    func drawNote(_ note: String, into svg: inout SVGWriter) {
        svg.text(
            "text",
            [
                ("x", n((plotLeft + plotRight) / 2)), ("y", n((plotTop + plotBottom) / 2)), ("text-anchor", "middle"),
                ("font-size", n(ChartStyle.legendSize)), ("fill", ChartStyle.mutedColour),
            ], note)
    }

    // MARK: - Shapes

    /// A polyline in a line style.
    static func drawLine(
        _ points: [(x: Double, y: Double)], style: ChartStyle.LineStyle, width: Double = 2, into svg: inout SVGWriter
    ) {
        var attributes: SVGWriter.Attributes = [
            ("d", SVGWriter.polyline(points)), ("fill", "none"), ("stroke", style.colour),
            ("stroke-width", n(width)), ("stroke-linejoin", "round"), ("stroke-linecap", "butt"),
        ]
        if let dashes = style.dashes { attributes.append(("stroke-dasharray", dashes)) }
        svg.empty("path", attributes)
    }

    /// A point marker of `shape` centred on (x, y), about 8 pixels across, filled with `colour`
    /// and outlined in white so that it stands out from the line; with a tooltip when given.
    static func drawPoint(
        _ shape: ChartStyle.Shape, x: Double, y: Double, colour: String, tooltip: String?, into svg: inout SVGWriter
    ) {
        let r = 3.6
        let name: String
        var attributes: SVGWriter.Attributes
        switch shape {
        case .circle:
            name = "circle"
            attributes = [("cx", n(x)), ("cy", n(y)), ("r", n(r))]
        case .square:
            name = "rect"
            attributes = [
                ("x", n(x - r * 0.85)), ("y", n(y - r * 0.85)), ("width", n(r * 1.7)), ("height", n(r * 1.7)),
            ]
        case .triangle, .invertedTriangle, .diamond:
            name = "path"
            let d: String
            switch shape {
            case .triangle:
                d = polygon([(x, y - r * 1.15), (x + r, y + r * 0.75), (x - r, y + r * 0.75)])
            case .invertedTriangle:
                d = polygon([(x, y + r * 1.15), (x + r, y - r * 0.75), (x - r, y - r * 0.75)])
            default:
                d = polygon([(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)])
            }
            attributes = [("d", d)]
        case .cross:
            name = "path"
            let a = r * 0.9
            attributes = [
                (
                    "d",
                    "M\(n(x - a)) \(n(y - a)) L\(n(x + a)) \(n(y + a)) M\(n(x - a)) \(n(y + a)) L\(n(x + a)) \(n(y - a))"
                ),
                ("fill", "none"), ("stroke", colour), ("stroke-width", "2"),
            ]
        }
        if shape != .cross {
            attributes += [("fill", colour), ("stroke", ChartStyle.background), ("stroke-width", "1")]
        }
        if let tooltip {
            svg.open(name, attributes)
            svg.text("title", [], tooltip)
            svg.close()
        } else {
            svg.empty(name, attributes)
        }
    }

    private static func polygon(_ points: [(x: Double, y: Double)]) -> String {
        SVGWriter.polyline(points) + " Z"
    }
}

/// Shorthand for a coordinate or length in an attribute.
private func n(_ value: Double) -> String { SVGWriter.number(value) }
