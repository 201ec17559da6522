// MARK: - Chart frame drawing

extension ChartFrame {
    /// Background, title, subject, subtitle, legend, grid, axes, tick labels and axis labels.
    func drawBackground(into svg: inout MarkupWriter) {
        svg.empty("rect", [("width", n(width)), ("height", n(height)), ("fill", ChartStyle.background)])
        if !title.isEmpty {
            svg.text(
                "text",
                [
                    ("x", n(ChartFrame.margin)), ("y", n(titleBaseline)), ("font-size", n(ChartStyle.titleSize)),
                    ("font-weight", "bold"), ("fill", ChartStyle.titleColour),
                ], title)
        }
        if let subject {
            svg.text(
                "text",
                [
                    ("x", n(ChartFrame.margin)), ("y", n(subjectBaseline)), ("font-size", n(ChartStyle.subjectSize)),
                    ("fill", ChartStyle.titleColour),
                ], subject)
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

    private func drawLegend(into svg: inout MarkupWriter) {
        guard !legend.isEmpty else { return }
        svg.open("g", [("font-size", n(ChartStyle.legendSize)), ("fill", ChartStyle.textColour)])
        for placed in legend {
            let centre = legendTop + ChartFrame.legendRowHeight * (Double(placed.row) + 0.5)
            let symbolEnd = placed.x + ChartFrame.legendSymbolWidth
            switch placed.item.symbol {
            case .line(let style, let showsShape):
                ChartShapes.drawLine(
                    [(placed.x, centre), (symbolEnd, centre)], style: style, into: &svg)
                if showsShape {
                    ChartShapes.drawPoint(
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

    private func drawGrid(into svg: inout MarkupWriter) {
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
            // Centred on the plot, and as long as the left margin is, from below the legend to
            // the bottom margin: a short plot does not cut "Index, first session = 100".
            let room = 2 * min(centreY - headerBottom - 4, height - ChartFrame.margin - centreY)
            let label = ChartText.truncated(yLabel, toWidth: max(plotBottom - plotTop, room), size: ChartStyle.labelSize)
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

    private func drawXAxis(into svg: inout MarkupWriter) {
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
            let label = ChartText.truncated(xLabel, toWidth: plotRight - plotLeft, size: ChartStyle.labelSize)
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
        let half = ChartText.width(label, size: ChartStyle.labelSize) / 2
        let centre = min(max(px, half + 4), width - half - 4)
        guard centre - half >= edge + 8 else { return nil }
        edge = centre + half
        return centre
    }

    /// A darker horizontal line at a reference value (0 for returns, 100 for rebased lines)
    /// when it lies strictly inside the y axis; drawn after any shaded area so that it stays
    /// visible.
    func drawReferenceLine(at value: Double, into svg: inout MarkupWriter) {
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
    func drawMarkerLines(into svg: inout MarkupWriter) {
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
    func drawMarkerLabels(into svg: inout MarkupWriter) {
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
            var attributes: MarkupWriter.Attributes = [
                ("x", n(marker.anchorsAtEnd ? marker.x - 4 : marker.x + 4)), ("y", n(baseline)),
            ]
            if marker.anchorsAtEnd { attributes.append(("text-anchor", "end")) }
            svg.text("text", attributes, marker.label)
        }
        svg.close()
    }

    /// A note in the middle of the plot, for a chart with nothing to draw.
    func drawNote(_ note: String, into svg: inout MarkupWriter) {
        svg.text(
            "text",
            [
                ("x", n((plotLeft + plotRight) / 2)), ("y", n((plotTop + plotBottom) / 2)), ("text-anchor", "middle"),
                ("font-size", n(ChartStyle.legendSize)), ("fill", ChartStyle.mutedColour),
            ], note)
    }
}

/// Shorthand for a coordinate or length in an attribute.
private func n(_ value: Double) -> String { MarkupWriter.number(value) }
