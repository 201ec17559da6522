// MARK: - Markup writer

/// Builds an HTML or SVG document as text, one element per line, indented two spaces per level:
/// the one writer behind the HTML report and every chart.
///
/// The output is HTML5 and well-formed XML at once: every element is closed, empty elements are
/// written `<meta …/>`, attributes come in the order given (never from a dictionary), and every
/// text and attribute value goes through `MarkupText.escaped`, so the same calls always produce
/// the same bytes and no text can become markup. Only `element(_:_:inner:)` and `lines(_:)`
/// take markup, and only markup this module made.
struct MarkupWriter {
    typealias Attributes = [(name: String, value: String)]

    private(set) var output = ""
    private var openElements: [String] = []

    /// An empty document (an HTML page starts with `line("<!DOCTYPE html>")`).
    init() {}

    // MARK: - Elements

    /// `<name attributes>`, to be closed by `close()`.
    mutating func open(_ name: String, _ attributes: Attributes = []) {
        line("<" + name + MarkupWriter.attributeText(attributes) + ">")
        openElements.append(name)
    }

    /// Closes the innermost open element.
    mutating func close() {
        guard let name = openElements.popLast() else { return }
        line("</" + name + ">")
    }

    /// `<name attributes/>`.
    mutating func empty(_ name: String, _ attributes: Attributes) {
        line("<" + name + MarkupWriter.attributeText(attributes) + "/>")
    }

    /// `<name attributes>text</name>` on one line, the text escaped.
    mutating func text(_ name: String, _ attributes: Attributes = [], _ content: String) {
        element(name, attributes, inner: MarkupText.escaped(content))
    }

    /// `<name attributes>inner</name>` on one line; `inner` must already be markup this
    /// module made (escaped text, spans).
    mutating func element(_ name: String, _ attributes: Attributes = [], inner: String) {
        line("<" + name + MarkupWriter.attributeText(attributes) + ">" + inner + "</" + name + ">")
    }

    /// Lines of a document made elsewhere in this module (an inline SVG, the style sheet),
    /// each indented at the current level; empty lines are left out.
    mutating func lines(_ text: String) {
        for part in text.split(separator: "\n", omittingEmptySubsequences: true) { line(String(part)) }
    }

    /// One line of markup at the current indentation.
    mutating func line(_ text: String) {
        output += String(repeating: "  ", count: openElements.count) + text + "\n"
    }

    /// Closes every open element and returns the document.
    mutating func finish() -> String {
        while !openElements.isEmpty { close() }
        return output
    }

    /// ` name="value"` for each attribute, values escaped.
    static func attributeText(_ attributes: Attributes) -> String {
        var text = ""
        for attribute in attributes {
            text += " " + attribute.name + "=\"" + MarkupText.escaped(attribute.value) + "\""
        }
        return text
    }
}
