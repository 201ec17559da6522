// MARK: - SVG writer

/// Builds an SVG document as text, one element per line, indented two spaces per level.
///
/// Attributes are written in the order given (never from a dictionary), attribute values and
/// text content are escaped with `escapeHTML`, and numbers go through `ChartNumberFormat`, so
/// the same calls always produce the same bytes.
struct SVGWriter {
    typealias Attributes = [(name: String, value: String)]

    private(set) var output = ""
    private var openElements: [String] = []

    /// Starts a document with an `<svg>` root of the given size in pixels. A standalone
    /// document gets an XML declaration and the SVG namespace; an embedded one (inline in HTML)
    /// only the namespace, and no declaration.
    init(width: Double, height: Double, standalone: Bool, rootAttributes: Attributes = []) {
        if standalone { output += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
        let size = SVGWriter.number(width) + " " + SVGWriter.number(height)
        open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
                ("width", SVGWriter.number(width)), ("height", SVGWriter.number(height)),
                ("viewBox", "0 0 " + size),
            ] + rootAttributes)
    }

    // MARK: - Elements

    /// `<name attributes>`, to be closed by `close()`.
    mutating func open(_ name: String, _ attributes: Attributes = []) {
        indent()
        output += "<" + name + SVGWriter.attributeText(attributes) + ">\n"
        openElements.append(name)
    }

    /// Closes the innermost open element.
    mutating func close() {
        guard let name = openElements.popLast() else { return }
        indent()
        output += "</" + name + ">\n"
    }

    /// `<name attributes/>`.
    mutating func empty(_ name: String, _ attributes: Attributes) {
        indent()
        output += "<" + name + SVGWriter.attributeText(attributes) + "/>\n"
    }

    /// `<name attributes>text</name>`, the text escaped.
    mutating func text(_ name: String, _ attributes: Attributes, _ content: String) {
        indent()
        output += "<" + name + SVGWriter.attributeText(attributes) + ">" + escapeHTML(content) + "</" + name + ">\n"
    }

    /// Closes every open element and returns the document.
    mutating func finish() -> String {
        while !openElements.isEmpty { close() }
        return output
    }

    // MARK: - Formatting

    /// A coordinate or length: at most two decimals, no locale.
    static func number(_ value: Double) -> String { ChartNumberFormat.coordinate(value) }

    /// Path data for a polyline: `M x y L x y …`.
    static func polyline(_ points: [(x: Double, y: Double)]) -> String {
        var data = ""
        for (index, point) in points.enumerated() {
            data += (index == 0 ? "M" : " L") + number(point.x) + " " + number(point.y)
        }
        return data
    }

    private static func attributeText(_ attributes: Attributes) -> String {
        var text = ""
        for attribute in attributes {
            text += " " + attribute.name + "=\"" + escapeHTML(attribute.value) + "\""
        }
        return text
    }

    private mutating func indent() {
        output += String(repeating: "  ", count: openElements.count)
    }
}
