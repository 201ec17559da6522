// MARK: - Chart frame

/// The parts every chart shares, laid out for one size: title, subtitle and legend at the top,
/// labelled event markers above the plot, the plot with its horizontal grid, and the axes with
/// their ticks and labels. A chart computes its data ranges, builds a frame, asks it where
/// values go (`x(_:)`, `y(_:)`), and draws its data between `drawBackground` and
/// `drawMarkerLabels`.
///
/// This file lays the frame out; where marker labels go is `ChartFrame+Markers.swift`, how the
/// frame is drawn `ChartFrame+Drawing.swift`, and the lines and point shapes `ChartShapes`.
///
/// Layout, top to bottom (pixels): 16 margin; title (16 px, baseline +13); subject (13 px, the
/// event's title under `Event 11 · DJIA, SSE`, baseline 19 below the title's); subtitle (12 px);
/// legend rows of 18; marker label rows of 14, the nearest row just above the plot; the plot;
/// x tick labels and their context line; the x-axis label; 16 margin. Left of the plot: 16
/// margin, the rotated y-axis label (20), the widest y tick label, 8.
struct ChartFrame {
    /// A labelled tick on the x axis, at a position in the chart's own x units.
    struct XTick: Equatable {
        var position: Double
        var label: String
        /// A second line under the label (the month or year), shown where it changes.
        var context: String?
    }

    /// What a legend entry shows before its name: a line in its style (with its point shape when
    /// the chart draws points), or a swatch of the band.
    enum LegendSymbol: Equatable {
        case line(ChartStyle.LineStyle, showsShape: Bool)
        case band
    }

    /// One legend entry as the chart asks for it.
    struct LegendItem: Equatable {
        var symbol: LegendSymbol
        var name: String
    }

    /// A legend entry laid out: its name shortened to fit, its left edge and its row.
    struct PlacedLegendItem: Equatable {
        var item: LegendItem
        var x: Double
        var row: Int
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
    /// The line under the title, shortened to fit; `nil` for none.
    let subject: String?
    let subjectBaseline: Double
    let subtitle: String?
    let subtitleBaseline: Double
    let legend: [PlacedLegendItem]
    let legendTop: Double
    /// Below the title, subtitle and legend: where the y-axis label may reach up to.
    let headerBottom: Double
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
    ///   - subject: a line under the title in regular weight (what the chart is about, such as an
    ///     event's title), shortened with `…` to the width; `nil` or empty for none.
    ///   - yRange: the lowest and highest value to show; the y axis runs between the nice ticks
    ///     that enclose it, about one tick per 36 pixels of height (2 to 10 intervals).
    ///   - xRange: the domain of the x axis, in the chart's own units (day ordinals, sessions).
    ///   - hasData: `false` leaves the y axis without ticks and grid (for a "no data" note).
    ///   - xTicks: the x ticks for a given plot width in pixels.
    init(
        width requestedWidth: Int, height requestedHeight: Int, title rawTitle: String, subject rawSubject: String? = nil,
        subtitle rawSubtitle: String?,
        yLabel rawYLabel: String, xLabel rawXLabel: String, legend items: [LegendItem], markers rawMarkers: [Marker],
        yRange: (low: Double, high: Double), xRange: (low: Double, high: Double), hasData: Bool = true,
        xTicks makeXTicks: (Double) -> [XTick]
    ) {
        let margin = ChartFrame.margin
        width = ChartFrame.clamped(width: requestedWidth)
        height = ChartFrame.clamped(height: requestedHeight)
        let contentWidth = width - 2 * margin

        // Title and subtitle.
        title = ChartText.truncated(
            ChartText.singleLine(rawTitle), toWidth: contentWidth, size: ChartStyle.titleSize)
        var cursor = margin
        titleBaseline = cursor + 13
        cursor = titleBaseline + 8
        let subjectText = rawSubject.map(ChartText.singleLine) ?? ""
        if subjectText.isEmpty {
            subject = nil
            subjectBaseline = titleBaseline
        } else {
            subject = ChartText.truncated(subjectText, toWidth: contentWidth, size: ChartStyle.subjectSize)
            subjectBaseline = cursor + 11
            cursor = subjectBaseline + 8
        }
        let subtitleText = rawSubtitle.map(ChartText.singleLine) ?? ""
        if subtitleText.isEmpty {
            subtitle = nil
            subtitleBaseline = cursor
        } else {
            subtitle = ChartText.truncated(subtitleText, toWidth: contentWidth, size: ChartStyle.subtitleSize)
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
            let name = ChartText.truncated(
                ChartText.singleLine(item.name), toWidth: nameWidthLimit, size: ChartStyle.legendSize)
            let itemWidth =
                ChartFrame.legendSymbolWidth + 6 + ChartText.width(name, size: ChartStyle.legendSize)
            if itemX > margin, itemX + itemWidth > width - margin {
                row += 1
                itemX = margin
            }
            placedItems.append(PlacedLegendItem(item: LegendItem(symbol: item.symbol, name: name), x: itemX, row: row))
            itemX += itemWidth + 20
        }
        legend = placedItems
        if !placedItems.isEmpty { cursor += Double(row + 1) * ChartFrame.legendRowHeight + 2 }
        headerBottom = cursor

        // Y axis: ticks from the height, then the left margin from the widest tick label.
        let maxIntervals = min(10, max(2, Int((height - 160) / 36)))
        let ticks = NumericTicks(covering: yRange.low, yRange.high, maxIntervals: maxIntervals)
        yTicks = ticks
        self.hasData = hasData
        let widestTick =
            !hasData
            ? 0
            : ticks.values.map { ChartText.width(ticks.label($0), size: ChartStyle.labelSize) }
                .max() ?? 0
        yLabel = ChartText.singleLine(rawYLabel)
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
        xLabel = ChartText.singleLine(rawXLabel)
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
}
