// MARK: - SVG documents

extension MarkupWriter {
    /// Starts a document with an `<svg>` root of the given size in pixels. A standalone
    /// document gets an XML declaration and the SVG namespace; an embedded one (inline in HTML)
    /// only the namespace, and no declaration.
    init(svgWidth width: Double, height: Double, standalone: Bool, rootAttributes: Attributes = []) {
        self.init()
        if standalone { line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") }
        let size = MarkupWriter.number(width) + " " + MarkupWriter.number(height)
        open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
                ("width", MarkupWriter.number(width)), ("height", MarkupWriter.number(height)),
                ("viewBox", "0 0 " + size),
            ] + rootAttributes)
    }

    /// A coordinate or length: at most two decimals, no locale (`NumberFormat.coordinate`).
    static func number(_ value: Double) -> String { NumberFormat.coordinate(value) }

    /// Path data for a polyline: `M x y L x y …`.
    static func polyline(_ points: [(x: Double, y: Double)]) -> String {
        var data = ""
        for (index, point) in points.enumerated() {
            data += (index == 0 ? "M" : " L") + number(point.x) + " " + number(point.y)
        }
        return data
    }
}
