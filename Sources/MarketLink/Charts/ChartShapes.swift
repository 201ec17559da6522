// MARK: - Chart shapes

/// The lines and point markers charts draw their data with (and their legends show).
enum ChartShapes {
    /// A polyline in a line style.
    static func drawLine(
        _ points: [(x: Double, y: Double)], style: ChartStyle.LineStyle, width: Double = 2, into svg: inout MarkupWriter
    ) {
        var attributes: MarkupWriter.Attributes = [
            ("d", MarkupWriter.polyline(points)), ("fill", "none"), ("stroke", style.colour),
            ("stroke-width", n(width)), ("stroke-linejoin", "round"), ("stroke-linecap", "butt"),
        ]
        if let dashes = style.dashes { attributes.append(("stroke-dasharray", dashes)) }
        svg.empty("path", attributes)
    }

    /// A point marker of `shape` centred on (x, y), about 8 pixels across, filled with `colour`
    /// and outlined in white so that it stands out from the line; with a tooltip when given.
    static func drawPoint(
        _ shape: ChartStyle.Shape, x: Double, y: Double, colour: String, tooltip: String?, into svg: inout MarkupWriter
    ) {
        let r = 3.6
        let name: String
        var attributes: MarkupWriter.Attributes
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
        MarkupWriter.polyline(points) + " Z"
    }
}

/// Shorthand for a coordinate or length in an attribute.
private func n(_ value: Double) -> String { MarkupWriter.number(value) }
