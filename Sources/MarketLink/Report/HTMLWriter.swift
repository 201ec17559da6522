// MARK: - HTML writer

/// Builds an HTML document as text, one element per line, indented two spaces per level.
///
/// The output is also well-formed XML (XHTML syntax): every element is closed, empty elements
/// are written `<meta …/>`, and text and attribute values go through `escapeHTML`, so that
/// the same calls always produce the same bytes and no text can become markup.
struct HTMLWriter {
    typealias Attributes = [(name: String, value: String)]

    private(set) var output = ""
    private var openElements: [String] = []

    // MARK: - Elements

    /// `<name attributes>`, to be closed by `close()`.
    mutating func open(_ name: String, _ attributes: Attributes = []) {
        line("<" + name + HTMLWriter.attributeText(attributes) + ">")
        openElements.append(name)
    }

    /// Closes the innermost open element.
    mutating func close() {
        guard let name = openElements.popLast() else { return }
        line("</" + name + ">")
    }

    /// `<name attributes/>`.
    mutating func empty(_ name: String, _ attributes: Attributes) {
        line("<" + name + HTMLWriter.attributeText(attributes) + "/>")
    }

    /// `<name attributes>text</name>`, the text escaped.
    mutating func text(_ name: String, _ attributes: Attributes = [], _ content: String) {
        element(name, attributes, inner: escapeHTML(content))
    }

    /// `<name attributes>inner</name>` on one line; `inner` must already be markup this
    /// writer made (escaped text, spans).
    mutating func element(_ name: String, _ attributes: Attributes = [], inner: String) {
        line("<" + name + HTMLWriter.attributeText(attributes) + ">" + inner + "</" + name + ">")
    }

    /// Lines of a document made elsewhere in this module (an inline SVG, the style sheet),
    /// each indented at the current level.
    mutating func lines(_ text: String) {
        for part in text.split(separator: "\n", omittingEmptySubsequences: true) { line(String(part)) }
    }

    /// One line at the current indentation.
    mutating func line(_ text: String) {
        output += String(repeating: "  ", count: openElements.count) + text + "\n"
    }

    /// Closes every open element and returns the document.
    mutating func finish() -> String {
        while !openElements.isEmpty { close() }
        return output
    }

    // MARK: - Inline text

    /// A report text as inline markup: each span escaped, styled spans in `<strong>`,
    /// `<code>` or `<span class="muted">`. Code of up to 20 characters (a window, an option)
    /// stays on one line; longer code (a file path) is `class="long"` and may wrap anywhere,
    /// so that it never runs out of a phone's width.
    static func inline(_ text: ReportText) -> String {
        var markup = ""
        for span in text.spans {
            switch span {
            case .plain(let content): markup += escapeHTML(content)
            case .strong(let content): markup += "<strong>" + escapeHTML(content) + "</strong>"
            case .code(let content):
                markup += (content.count > 20 ? "<code class=\"long\">" : "<code>") + escapeHTML(content) + "</code>"
            case .muted(let content): markup += "<span class=\"muted\">" + escapeHTML(content) + "</span>"
            }
        }
        return markup
    }

    static func attributeText(_ attributes: Attributes) -> String {
        var text = ""
        for attribute in attributes {
            text += " " + attribute.name + "=\"" + escapeHTML(attribute.value) + "\""
        }
        return text
    }
}
