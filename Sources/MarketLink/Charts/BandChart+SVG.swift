// MARK: - Band chart as SVG

extension BandChart {
    /// The chart as a standalone SVG 1.1 document (UTF-8, with an XML declaration).
    ///
    /// `width` and `height` are in pixels, kept within 320 × 220 … 20,000 × 20,000. The document
    /// has a `<title>` and a `<desc>` listing every session's value and band; every text from the
    /// caller is escaped. The band is drawn over each run of consecutive sessions with finite
    /// bounds (a lone session as a bar); points, each with a tooltip giving its session, value
    /// and band, are drawn when they can be about 10 pixels apart.
    public func svg(width: Int = 800, height: Int = 400) -> String {
        render(width: width, height: height, standalone: true)
    }

    /// The chart as SVG; `standalone: false` leaves out the XML declaration, for inline HTML.
    func render(width: Int, height: Int, standalone: Bool) -> String {
        // MARK: Data
        let ordered = sessions.indices.sorted { a, b in
            sessions[a].offset != sessions[b].offset ? sessions[a].offset < sessions[b].offset : a < b
        }.map { sessions[$0] }
        let values = ordered.flatMap { [$0.value, $0.lower, $0.upper] }.filter(\.isFinite) + [0]
        let offsets = ordered.filter { $0.value.isFinite || ($0.lower.isFinite && $0.upper.isFinite) }.map(\.offset)
        let style = ChartStyle.lineStyle(0)
        // Point markers when they can be about 10 pixels apart (the plot is about 120 narrower
        // than the picture).
        let sessionCount = Double(offsets.last ?? 0) - Double(offsets.first ?? 0) + 1
        let showsShapes = (ChartFrame.clamped(width: width) - 120) / sessionCount >= 10

        // MARK: Layout
        var xRange = (low: -1.0, high: 1.0)
        var markers: [ChartFrame.Marker] = []
        if let first = offsets.first, let last = offsets.last {
            xRange = (Double(first) - 0.5, Double(last) + 0.5)
            if first <= 0, last >= 0 { markers = [ChartFrame.Marker(position: 0, label: "Event session")] }
        }
        let legend = [
            ChartFrame.LegendItem(symbol: .line(style, showsShape: showsShapes), name: valueName),
            ChartFrame.LegendItem(symbol: .band, name: bandName),
        ]
        let frame = ChartFrame(
            width: width, height: height, title: title, subtitle: subtitle, yLabel: yLabel, xLabel: xLabel,
            legend: legend, markers: markers, yRange: (values.min() ?? 0, values.max() ?? 0), xRange: xRange,
            hasData: !offsets.isEmpty,
            xTicks: { plotWidth in
                guard let first = offsets.first, let last = offsets.last else { return [] }
                // Offset labels such as `+20` need about 44 pixels each.
                return BandChart.sessionTicks(from: first, to: last, maxTicks: max(2, Int(plotWidth / 44)))
            })

        // MARK: Drawing
        var svg = MarkupWriter(
            svgWidth: frame.width, height: frame.height, standalone: standalone,
            rootAttributes: [
                ("role", "img"), ("font-family", ChartStyle.fontFamily), ("font-size", n(ChartStyle.labelSize)),
            ])
        svg.text("title", [], ChartText.singleLine(title))
        svg.text("desc", [], description(of: ordered))
        frame.drawBackground(into: &svg)
        drawBand(ordered, frame: frame, into: &svg)
        frame.drawReferenceLine(at: 0, into: &svg)
        frame.drawMarkerLines(into: &svg)
        if offsets.isEmpty { frame.drawNote("No data to draw", into: &svg) }
        svg.open("g", [])
        svg.text("title", [], ChartText.singleLine(valueName))
        for run in BandChart.runs(ordered, where: { $0.value.isFinite }) where run.count > 1 {
            let pixels = run.map { (x: frame.x(Double($0.offset)), y: frame.y($0.value)) }
            ChartShapes.drawLine(pixels, style: style, into: &svg)
        }
        for (index, session) in ordered.enumerated() where session.value.isFinite {
            // A lone value (no finite neighbour) is always drawn, as it has no line.
            let isLone =
                !(index > 0 && ordered[index - 1].value.isFinite
                && BandChart.areAdjacent(ordered[index - 1].offset, session.offset))
                && !(index + 1 < ordered.count && ordered[index + 1].value.isFinite
                    && BandChart.areAdjacent(session.offset, ordered[index + 1].offset))
            guard showsShapes || isLone else { continue }
            ChartShapes.drawPoint(
                style.shape, x: frame.x(Double(session.offset)), y: frame.y(session.value), colour: style.colour,
                tooltip: tooltip(session), into: &svg)
        }
        svg.close()
        frame.drawMarkerLabels(into: &svg)
        return svg.finish()
    }

    // MARK: - Parts

    /// The band as one closed path per run of consecutive sessions with finite bounds; a run of
    /// one session as a vertical bar.
    private func drawBand(_ ordered: [Session], frame: ChartFrame, into svg: inout MarkupWriter) {
        let runs = BandChart.runs(ordered, where: { $0.lower.isFinite && $0.upper.isFinite })
        guard !runs.isEmpty else { return }
        svg.open("g", [("fill", ChartStyle.bandFill), ("stroke", ChartStyle.bandEdge), ("stroke-width", "0.75")])
        for run in runs {
            if run.count == 1, let session = run.first {
                let px = frame.x(Double(session.offset))
                svg.empty(
                    "rect",
                    [
                        ("x", n(px - 4)), ("y", n(frame.y(max(session.lower, session.upper)))), ("width", "8"),
                        ("height", n(abs(frame.y(session.lower) - frame.y(session.upper)))),
                    ])
                continue
            }
            let upper = run.map { (x: frame.x(Double($0.offset)), y: frame.y($0.upper)) }
            let lower = run.reversed().map { (x: frame.x(Double($0.offset)), y: frame.y($0.lower)) }
            svg.empty("path", [("d", MarkupWriter.polyline(upper + lower) + " Z")])
        }
        svg.close()
    }

    /// Runs of sessions that satisfy `include` and have consecutive offsets.
    static func runs(_ ordered: [Session], where include: (Session) -> Bool) -> [[Session]] {
        var runs: [[Session]] = []
        var current: [Session] = []
        for session in ordered {
            if include(session), current.last.map({ areAdjacent($0.offset, session.offset) }) ?? true {
                current.append(session)
                continue
            }
            if !current.isEmpty { runs.append(current) }
            current = include(session) ? [session] : []
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Whether sorted offsets `a` ≤ `b` are the same session or neighbours (no overflow trap at
    /// the ends of `Int`).
    static func areAdjacent(_ a: Int, _ b: Int) -> Bool {
        let (difference, overflow) = b.subtractingReportingOverflow(a)
        return !overflow && difference <= 1
    }

    /// Ticks at the multiples of a nice step (1, 2 or 5 × 10^k, at least 1) from the first to
    /// the last offset, no more than `maxTicks` (computed in `Double`, so no offset can trap).
    static func sessionTicks(from first: Int, to last: Int, maxTicks: Int) -> [ChartFrame.XTick] {
        let nice = NumericTicks(covering: Double(first), Double(last), maxIntervals: max(1, maxTicks - 1))
        let step = max(1, nice.step.rounded())
        var offset = (Double(first) / step).rounded(.up) * step
        var ticks: [ChartFrame.XTick] = []
        while offset <= Double(last), ticks.count <= maxTicks {
            ticks.append(ChartFrame.XTick(position: offset, label: EventWindow.axisLabel(offset), context: nil))
            offset += step
        }
        return ticks
    }

    private func tooltip(_ session: Session) -> String {
        var text =
            "Session " + EventWindow.label(offset: session.offset, style: .axis) + ": " + ChartText.singleLine(valueName) + " "
            + NumberFormat.label(session.value, decimals: 2)
        if session.lower.isFinite, session.upper.isFinite {
            text +=
                " (" + ChartText.singleLine(bandName) + " " + NumberFormat.label(session.lower, decimals: 2)
                + " to " + NumberFormat.label(session.upper, decimals: 2) + ")"
        }
        return text
    }

    /// The text of `<desc>`: every session's value and band.
    private func description(of ordered: [Session]) -> String {
        guard !ordered.isEmpty else { return "Band chart. No sessions." }
        let name = ChartText.singleLine(valueName)
        let band = ChartText.singleLine(bandName)
        return "Band chart of \(name) with its \(band), by session relative to the event session. "
            + ordered.map { session in
                var text =
                    "Session " + EventWindow.label(offset: session.offset, style: .axis) + ": "
                    + NumberFormat.label(session.value, decimals: 2)
                if session.lower.isFinite, session.upper.isFinite {
                    text +=
                        " (" + NumberFormat.label(session.lower, decimals: 2) + " to "
                        + NumberFormat.label(session.upper, decimals: 2) + ")"
                }
                return text
            }.joined(separator: "; ") + "."
    }
}

private func n(_ value: Double) -> String { MarkupWriter.number(value) }
