import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What Foundation's `XMLParser` (libxml2 on Linux) saw in a document: whether it is
/// well-formed, and its elements, attributes and text in document order.
struct ParsedXML {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        var depth: Int
    }

    var error: String?
    var elements: [Element] = []

    var isWellFormed: Bool { error == nil }

    /// The elements named `name`.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    init(_ document: String) {
        let collector = Collector()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        if !parser.parse() {
            error = parser.parserError.map { "\($0)" } ?? "parse failed"
        }
        elements = collector.finished.sorted { $0.order < $1.order }.map(\.element)
    }
}

private final class Collector: NSObject, XMLParserDelegate {
    var open: [(order: Int, element: ParsedXML.Element)] = []
    var finished: [(order: Int, element: ParsedXML.Element)] = []
    var count = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        open.append((count, ParsedXML.Element(name: elementName, attributes: attributes, text: "", depth: open.count)))
        count += 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !open.isEmpty else { return }
        open[open.count - 1].element.text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if let last = open.popLast() { finished.append(last) }
    }
}
