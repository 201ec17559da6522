// MARK: - Line chart as SVG

extension LineChart {
    /// The chart as a standalone SVG 1.1 document (UTF-8, with an XML declaration).
    ///
    /// `width` and `height` are in pixels, kept within 320 × 220 … 20,000 × 20,000. The document
    /// has a `<title>` (the title, then `: ` and the subject when there is one) and a `<desc>`
    /// (each line's name, number of values, date range and rebase day, and each marker) for
    /// screen readers; every text from the caller is escaped. A darker reference line marks 100
    /// when a line is rebased (0 otherwise) if it falls inside the axis. Point markers (a
    /// different shape per line) are drawn when the lines have few enough points to keep them
    /// about 10 pixels apart, each with a tooltip giving its day and value (and the value before
    /// rebasing); a line with more than two points per pixel column is thinned (`thinned(_:)`).
    public func svg(width: Int = 800, height: Int = 400) -> String {
        render(width: width, height: height, standalone: true)
    }

    /// The chart as SVG; `standalone: false` leaves out the XML declaration, for inline HTML.
    func render(width: Int, height: Int, standalone: Bool) -> String {
        // MARK: Data
        let prepared = lines.enumerated().map { index, line in
            PreparedLine(line: line, style: ChartStyle.lineStyle(index), timeAxis: timeAxis)
        }
        let values = prepared.flatMap { $0.finitePoints.map(\.value) }
        let days =
            prepared.flatMap { $0.finitePoints.map(\.day) } + markers.map(\.day)
            + (dayRange.map { [$0.lowerBound, $0.upperBound] } ?? [])
        let firstDay = days.min()
        let lastDay = days.max()
        let maxPoints = prepared.map(\.pointCount).max() ?? 0
        // Point markers when they can be about 10 pixels apart (the plot is about 120 narrower
        // than the picture).
        let showsShapes = maxPoints > 0 && (ChartFrame.clamped(width: width) - 120) / Double(maxPoints) >= 10

        // MARK: Layout
        // The x axis: calendar days (day ordinals), or a time axis (seconds of axis time).
        let timeSegments = timeAxis?.segments ?? []
        func position(day: Day, instant: Double?) -> Double {
            guard let timeAxis else { return Double(day.ordinal) }
            return timeAxis.position(instant ?? .nan, in: timeSegments)
        }
        var xRange = (low: 0.0, high: 1.0)
        if timeAxis != nil {
            let length = timeSegments.reduce(0) { $0 + $1.width }
            let pad = length * 0.01
            xRange = (-pad, length + pad)
        } else if let firstDay, let lastDay {
            let span = Double(lastDay.ordinal) - Double(firstDay.ordinal)
            let pad = max(0.5, span * 0.02)
            xRange = (Double(firstDay.ordinal) - pad, Double(lastDay.ordinal) + pad)
        }
        let legend = prepared.map { line in
            ChartFrame.LegendItem(symbol: .line(line.style, showsShape: showsShapes), name: line.legendName)
        }
        let frame = ChartFrame(
            width: width, height: height, title: title, subject: subject, subtitle: subtitle, yLabel: yLabel, xLabel: "",
            legend: legend,
            markers: markers.filter { timeAxis == nil || $0.instant != nil }.map {
                ChartFrame.Marker(position: position(day: $0.day, instant: $0.instant), label: $0.label, shortLabel: $0.shortLabel)
            },
            yRange: (values.min() ?? 0, values.max() ?? 1), xRange: xRange, hasData: !values.isEmpty,
            xTicks: { plotWidth in
                if let timeAxis { return timeAxis.ticks(pixelsPerSecond: plotWidth / (xRange.high - xRange.low)) }
                guard let firstDay, let lastDay else { return [] }
                let pixelsPerDay = plotWidth / (xRange.high - xRange.low)
                return DateTicks(from: firstDay, to: lastDay, pixelsPerDay: pixelsPerDay).ticks.map {
                    ChartFrame.XTick(position: Double($0.day.ordinal), label: $0.label, context: $0.context)
                }
            })

        // MARK: Drawing
        var svg = MarkupWriter(
            svgWidth: frame.width, height: frame.height, standalone: standalone,
            rootAttributes: [
                ("role", "img"), ("font-family", ChartStyle.fontFamily), ("font-size", n(ChartStyle.labelSize)),
            ])
        svg.text("title", [], ChartText.singleLine(title) + (ChartText.singleLine(subject ?? "").isEmpty ? "" : ": " + ChartText.singleLine(subject ?? "")))
        svg.text("desc", [], description(of: prepared))
        frame.drawBackground(into: &svg)
        if let timeAxis { drawGaps(timeAxis, frame: frame, into: &svg) }
        // The level every rebased line passes through, or zero for lines that cross it.
        frame.drawReferenceLine(at: prepared.contains(where: \.rebased) ? 100 : 0, into: &svg)
        frame.drawMarkerLines(into: &svg)
        if values.isEmpty { frame.drawNote("No data to draw", into: &svg) }
        for line in prepared where !line.segments.isEmpty {
            svg.open("g", [])
            svg.text("title", [], ChartText.singleLine(line.line.name))
            for segment in line.segments where segment.count > 1 {
                let pixels = segment.map { (x: frame.x(position(day: $0.point.day, instant: $0.point.instant)), y: frame.y($0.point.value)) }
                ChartShapes.drawLine(LineChart.thinned(pixels), style: line.style, into: &svg)
            }
            for segment in line.segments where showsShapes || segment.count == 1 {
                for drawn in segment {
                    ChartShapes.drawPoint(
                        line.style.shape, x: frame.x(position(day: drawn.point.day, instant: drawn.point.instant)), y: frame.y(drawn.point.value),
                        colour: line.style.colour, tooltip: line.tooltip(drawn), into: &svg)
                }
            }
            svg.close()
        }
        frame.drawMarkerLabels(into: &svg)
        return svg.finish()
    }

    /// The points of a line as drawn, in pixels: all of them when there are at most two per pixel
    /// column on average; otherwise, in each pixel column (x rounded down), the first, lowest,
    /// highest and last point, in their order. The line drawn looks the same (each column
    /// still spans its lowest to its highest value and joins its neighbours where the data does),
    /// and twenty years of daily closes cost a few thousand points instead of five thousand each
    /// time a chart is drawn.
    static func thinned(_ pixels: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        guard let first = pixels.first, let last = pixels.last, Double(pixels.count) > 2 * max(1, last.x - first.x) else {
            return pixels
        }
        var kept: [(x: Double, y: Double)] = []
        kept.reserveCapacity(Int(4 * max(1, last.x - first.x)) + 4)
        var start = 0
        while start < pixels.count {
            let column = pixels[start].x.rounded(.down)
            var end = start
            var lowest = start
            var highest = start
            while end + 1 < pixels.count, pixels[end + 1].x.rounded(.down) == column {
                end += 1
                // Pixel y grows downwards: the lowest value has the largest y.
                if pixels[end].y > pixels[lowest].y { lowest = end }
                if pixels[end].y < pixels[highest].y { highest = end }
            }
            var picks = [start, lowest, highest, end]
            picks.sort()
            var previous = -1
            for pick in picks where pick != previous {
                kept.append(pixels[pick])
                previous = pick
            }
            start = end + 1
        }
        return kept
    }

    /// `16:00 Wed Jun 7 to 09:30 Thu Jun 8`, or `11:30 to 13:00` within one day: a gap in words.
    static func gapText(_ gap: TimeAxis.Span, axis: TimeAxis) -> String {
        let (first, last) = (axis.wallClock(gap.start).day, axis.wallClock(gap.end).day)
        if first == last { return axis.clockLabel(gap.start) + " to " + axis.clockLabel(gap.end) }
        return axis.clockLabel(gap.start) + " " + TimeAxis.dateContext(first) + " to " + axis.clockLabel(gap.end) + " " + TimeAxis.dateContext(last)
    }

    /// Shades each compressed gap of a time axis (the market closed), with a tooltip saying when.
    private func drawGaps(_ axis: TimeAxis, frame: ChartFrame, into svg: inout MarkupWriter) {
        let gaps = axis.compressedGaps
        guard !gaps.isEmpty else { return }
        svg.open("g", [("fill", ChartStyle.gapFill)])
        for gap in gaps {
            let left = max(frame.x(axis.position(gap.start)), frame.plotLeft)
            let right = min(frame.x(axis.position(gap.end)), frame.plotRight)
            guard right > left else { continue }
            svg.open(
                "rect",
                [("x", n(left)), ("y", n(frame.plotTop)), ("width", n(right - left)), ("height", n(frame.plotBottom - frame.plotTop))])
            svg.text("title", [], "No trading " + Self.gapText(gap, axis: axis) + " (drawn narrower)")
            svg.close()
        }
        svg.close()
    }

    /// The text of `<desc>`: what a reader who cannot see the chart needs.
    private func description(of prepared: [PreparedLine]) -> String {
        var parts: [String] = []
        for line in prepared {
            let name = ChartText.singleLine(line.line.name)
            let finite = line.line.points.filter(\.value.isFinite)
            var text = "\(name): \(finite.count) " + (finite.count == 1 ? "value" : "values")
            if let timeAxis {
                let instants = finite.compactMap(\.instant)
                if let first = instants.min(), let last = instants.max() {
                    text +=
                        first == last
                        ? " at \(timeAxis.dateTimeLabel(first))" : " from \(timeAxis.dateTimeLabel(first)) to \(timeAxis.dateTimeLabel(last))"
                }
            } else if let first = finite.map(\.day).min(), let last = finite.map(\.day).max() {
                text += first == last ? " on \(first.iso)" : " from \(first.iso) to \(last.iso)"
            }
            if let day = line.line.rebaseDay {
                text +=
                    line.rebased ? ", rebased to 100 on \(day.iso)" : ", not drawn: no value on \(day.iso) to rebase to"
            }
            parts.append(text)
        }
        var description = "Line chart. " + (parts.isEmpty ? "No lines." : parts.joined(separator: "; ") + ".")
        if let timeAxis {
            description += " Times in \(timeAxis.zoneIdentifier)"
            let gaps = timeAxis.compressedGaps
            if !gaps.isEmpty {
                description += "; no trading, drawn narrower: " + gaps.map { Self.gapText($0, axis: timeAxis) }.joined(separator: ", ")
            }
            description += "."
            let timed = markers.compactMap { marker in marker.instant.map { (instant: $0, label: marker.label) } }
                .enumerated().sorted { $0.element.instant != $1.element.instant ? $0.element.instant < $1.element.instant : $0.offset < $1.offset }
            if !timed.isEmpty {
                description +=
                    " Marked: " + timed.map { timeAxis.dateTimeLabel($0.element.instant) + " " + ChartText.singleLine($0.element.label) }
                    .joined(separator: "; ") + "."
            }
            return description
        }
        let ordered = markers.indices.sorted { a, b in
            markers[a].day != markers[b].day ? markers[a].day < markers[b].day : a < b
        }
        if !ordered.isEmpty {
            description += " Events: "
            description +=
                ordered.map { "\(markers[$0].day.iso) \(ChartText.singleLine(markers[$0].label))" }
                .joined(separator: "; ") + "."
        }
        return description
    }
}

// MARK: - Prepared line

/// A line ready to draw: its points in day order (rebased when asked), each with the value
/// as given, its style, and the runs of finite values between non-finite ones.
private struct PreparedLine {
    struct Drawn {
        var point: LineChart.Point
        /// The value before rebasing, when the line is rebased.
        var original: Double?
    }

    var line: LineChart.Line
    var style: ChartStyle.LineStyle
    var pointCount: Int
    var rebased: Bool
    var segments: [[Drawn]]
    var timeAxis: TimeAxis?

    init(line: LineChart.Line, style: ChartStyle.LineStyle, timeAxis: TimeAxis?) {
        self.line = line
        self.style = style
        self.timeAxis = timeAxis
        // On a time axis only points with an instant have a place.
        let placed = { (points: [LineChart.Point]) in timeAxis == nil ? points : points.filter { $0.instant != nil } }
        let plotted = line.plottedPoints().map(placed)
        let isRebased = plotted != nil && line.rebaseDay != nil
        rebased = isRebased
        let originals = placed(line.orderedPoints())
        let drawn = (plotted ?? []).enumerated().map { index, point in
            Drawn(point: point, original: isRebased ? originals[index].value : nil)
        }
        pointCount = drawn.count
        var segments: [[Drawn]] = []
        var current: [Drawn] = []
        for point in drawn {
            if point.point.value.isFinite {
                current.append(point)
            } else if !current.isEmpty {
                segments.append(current)
                current = []
            }
        }
        if !current.isEmpty { segments.append(current) }
        self.segments = segments
    }

    var finitePoints: [LineChart.Point] { segments.flatMap { $0.map(\.point) } }

    var legendName: String {
        guard let day = line.rebaseDay, !rebased else { return line.name }
        return line.name + " (not drawn: no value on \(day.iso) to rebase to)"
    }

    /// `DJIA, Thu 2023-06-08: 100.78 (33,833.61)` — the value before rebasing in brackets, with
    /// the line's precision, as is the value of a line not rebased (`DJIA, Thu 2023-06-08: 33,833.61`).
    func tooltip(_ drawn: Drawn) -> String {
        let day = drawn.point.day
        var text = ChartText.singleLine(line.name) + ", " + String(day.weekdayName.prefix(3)) + " "
        if let timeAxis, let instant = drawn.point.instant {
            text += timeAxis.dateTimeLabel(instant) + ": "
        } else {
            text += day.iso + ": "
        }
        if let original = drawn.original {
            text += NumberFormat.label(drawn.point.value, decimals: 2) + " (" + given(original) + ")"
        } else {
            text += given(drawn.point.value)
        }
        return text
    }

    /// A value as given, with the line's precision and the typographic minus.
    private func given(_ value: Double) -> String {
        line.precision.text(value, minus: .typographic)
    }
}

private func n(_ value: Double) -> String { MarkupWriter.number(value) }
