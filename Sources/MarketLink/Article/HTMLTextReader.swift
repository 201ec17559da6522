// MARK: - HTML text

/// The readable text of an HTML page, and the dates its markup gives.
///
/// - Dropped with everything inside: `<head>` (so `<title>` and `<meta>`), `<script>`, `<style>`,
///   `<nav>`, `<noscript>`, `<template>`, `<svg>`, `<math>`, `<iframe>`, `<object>`, `<select>`,
///   `<button>`, `<form>`, and any element with a `hidden` attribute or `aria-hidden="true"`.
///   Comments, `<!DOCTYPE>` and processing instructions are dropped.
/// - Every other tag is dropped and its text kept; attributes are never text (`alt`, `title` and
///   event handlers included).
/// - Block elements (`p`, `div`, `h1`–`h6`, `li`, `article`, `section`, `header`, `footer`,
///   `blockquote`, `br`, `tr`, `td`, ...) end a paragraph.
/// - Character references are decoded (`HTMLEntities`); a `<` that starts no tag is text.
/// - Dates: `<meta>` with `property`/`name`/`itemprop` `article:published_time`,
///   `og:published_time`, `datePublished`, `pubdate`, `publishdate`, `date`, `DC.date.issued`,
///   `parsely-pub-date` or `sailthru.date`; `"datePublished"` in JSON-LD; every `<time datetime>`.
///
/// A page is read in one pass over its characters, in time linear in its length.
enum HTMLTextReader {
    static func read(_ source: [Unicode.Scalar]) -> (ReadableTextBuilder, [MarkupDate]) {
        var reader = Reader(source: source)
        reader.run()
        return (reader.out, reader.dates)
    }

    /// What an element is to the reader; one lookup of its name per tag.
    struct Element: OptionSet {
        let rawValue: UInt8
        /// Dropped with everything inside.
        static let skipped = Element(rawValue: 1)
        /// Its content is raw text up to its end tag (no tags inside).
        static let rawText = Element(rawValue: 2)
        /// Has no content and no end tag.
        static let void = Element(rawValue: 4)
        /// Ends a paragraph.
        static let block = Element(rawValue: 8)
    }

    static let skipped: Set<String> = [
        "head", "script", "style", "nav", "noscript", "template", "svg", "math", "iframe", "object", "select", "button", "form",
        "textarea", "title", "noframes", "noembed", "xmp",
    ]
    static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp", "noembed", "noframes"]
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
    ]
    static let block: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "article", "section", "header", "footer",
        "main", "aside", "blockquote", "pre", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
        "br", "hr", "address", "details", "summary", "body", "html", "nav", "fieldset", "legend", "center", "hgroup", "menu",
    ]
    /// The four sets above as one table.
    static let elements: [String: Element] = {
        var table: [String: Element] = [:]
        for (names, kind) in [(skipped, Element.skipped), (rawText, .rawText), (void, .void), (block, .block)] {
            for name in names { table[name, default: []].insert(kind) }
        }
        return table
    }()
    static let dateNames: Set<String> = [
        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "date",
        "dc.date.issued", "dc.date", "parsely-pub-date", "sailthru.date", "article.published", "published_time",
    ]

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [String: String]
        /// After the `>`.
        var end: Int
    }

    struct Reader {
        let source: [Unicode.Scalar]
        var out: ReadableTextBuilder
        var dates: [MarkupDate] = []
        /// Names of the skipped elements we are inside, innermost last.
        var skipping: [String] = []
        var i = 0

        init(source: [Unicode.Scalar]) {
            self.source = source
            self.out = ReadableTextBuilder(capacity: source.count / 2)
        }

        mutating func run() {
            let end = source.count
            while i < end {
                let scalar = source[i]
                if scalar == "<" {
                    if lookingAt("<!--") {
                        i = find("-->", from: i + 4).map { $0 + 3 } ?? end
                        continue
                    }
                    if lookingAt("<!") || lookingAt("<?") {
                        i = find(">", from: i + 2).map { $0 + 1 } ?? end
                        continue
                    }
                    switch tag(at: i) {
                    case .tag(let tag):
                        handle(tag, at: i)
                        continue
                    case .unclosed:
                        // A tag open at the end of the file swallows the rest, as in a browser
                        // (and the page is read in one pass, whatever it holds).
                        i = end
                        continue
                    case .text:
                        break
                    }
                }
                // Text runs to the next `<` (or `&`, outside skipped elements), so a run is
                // taken whole: kept when no skipped element is open, passed over when one is.
                var next = i + 1
                if skipping.isEmpty {
                    if scalar == "&", let (decoded, after) = HTMLEntities.decode(source, at: i) {
                        for value in decoded { out.append(value, from: i..<after) }
                        i = after
                        continue
                    }
                    while next < end, source[next] != "<", source[next] != "&" { next += 1 }
                    out.append(run: source, i..<next)
                } else {
                    while next < end, source[next] != "<" { next += 1 }
                }
                i = next
            }
        }

        mutating func handle(_ tag: Tag, at start: Int) {
            let name = tag.name
            let kind = HTMLTextReader.elements[name] ?? []
            i = tag.end
            if tag.closing {
                if let index = skipping.lastIndex(of: name) {
                    skipping.removeSubrange(index...)
                } else if skipping.isEmpty, kind.contains(.block) {
                    out.paragraphBreak(at: start)
                }
                return
            }
            if name == "body", let head = skipping.firstIndex(of: "head") { skipping.removeSubrange(head...) }
            readDates(tag, at: start)
            if kind.contains(.rawText) {
                // Raw text runs to the matching end tag; nothing inside is a tag.
                let close = findEndTag(name, from: i) ?? source.count
                if name == "script", (tag.attributes["type"] ?? "").lowercased().contains("ld+json") {
                    readJSONLD(i..<close)
                }
                i = close
                if let closeEnd = find(">", from: close) { i = closeEnd + 1 }
                return
            }
            if tag.selfClosing || kind.contains(.void) {
                if skipping.isEmpty, kind.contains(.block) { out.paragraphBreak(at: start) }
                return
            }
            let hidden = tag.attributes["hidden"] != nil || (tag.attributes["aria-hidden"] ?? "").lowercased() == "true"
            if kind.contains(.skipped) || hidden {
                skipping.append(name)
                return
            }
            if skipping.isEmpty, kind.contains(.block) { out.paragraphBreak(at: start) }
        }

        // MARK: Dates in markup

        mutating func readDates(_ tag: Tag, at start: Int) {
            switch tag.name {
            case "meta":
                let key = (tag.attributes["property"] ?? tag.attributes["name"] ?? tag.attributes["itemprop"] ?? "").lowercased()
                if HTMLTextReader.dateNames.contains(key), let content = tag.attributes["content"], !content.isEmpty {
                    dates.append(MarkupDate(kind: .meta, value: content, markup: text(start..<tag.end), sourceStart: start))
                }
            case "time":
                if let value = tag.attributes["datetime"], !value.isEmpty {
                    dates.append(MarkupDate(kind: .timeElement, value: value, markup: text(start..<tag.end), sourceStart: start))
                }
            default:
                break
            }
        }

        /// `"datePublished": "2023-06-23T17:45:00-04:00"` anywhere in a JSON-LD block.
        mutating func readJSONLD(_ range: Range<Int>) {
            let key = Array("\"datePublished\"".unicodeScalars)
            var k = range.lowerBound
            while k + key.count <= range.upperBound {
                guard source[k] == "\"", Array(source[k..<k + key.count]) == key else {
                    k += 1
                    continue
                }
                var m = k + key.count
                while m < range.upperBound, TextToken.isSpace(source[m]) || source[m] == ":" { m += 1 }
                guard m < range.upperBound, source[m] == "\"" else { return }
                let valueStart = m + 1
                var valueEnd = valueStart
                while valueEnd < range.upperBound, source[valueEnd] != "\"", valueEnd - valueStart < 64 { valueEnd += 1 }
                let value = text(valueStart..<valueEnd)
                dates.append(MarkupDate(kind: .jsonLD, value: value, markup: text(k..<min(valueEnd + 1, range.upperBound)), sourceStart: k))
                return
            }
        }

        // MARK: Tags

        enum TagReading {
            case tag(Tag)
            /// `<` starts no tag ("a < b", "<3"): it is text.
            case text
            /// A tag that the file ends inside.
            case unclosed
        }

        /// The tag at `start` (a `<`).
        func tag(at start: Int) -> TagReading {
            let end = source.count
            var k = start + 1
            var closing = false
            if k < end, source[k] == "/" {
                closing = true
                k += 1
            }
            guard k < end, isASCIILetter(source[k]) else { return .text }
            var name = ""
            while k < end, isASCIILetter(source[k]) || isASCIIDigit(source[k]) || source[k] == "-" || source[k] == ":" {
                // Lower case as it is read (ASCII letters only, so `| 0x20` is `lowercased()`).
                name.unicodeScalars.append(isASCIILetter(source[k]) ? Unicode.Scalar(UInt8(source[k].value | 0x20)) : source[k])
                k += 1
            }
            guard k >= end || TextToken.isSpace(source[k]) || source[k] == ">" || source[k] == "/" else { return .text }
            var attributes: [String: String] = [:]
            var selfClosing = false
            while k < end {
                while k < end, TextToken.isSpace(source[k]) { k += 1 }
                guard k < end else { break }
                if source[k] == ">" {
                    return .tag(Tag(name: name, closing: closing, selfClosing: selfClosing, attributes: attributes, end: k + 1))
                }
                if source[k] == "/" {
                    selfClosing = true
                    k += 1
                    continue
                }
                var attribute = ""
                while k < end, !TextToken.isSpace(source[k]), source[k] != "=", source[k] != ">", !(source[k] == "/" && attribute.isEmpty) {
                    attribute.unicodeScalars.append(source[k])
                    k += 1
                }
                if attribute.isEmpty {
                    k += 1
                    continue
                }
                selfClosing = false
                while k < end, TextToken.isSpace(source[k]) { k += 1 }
                var value = ""
                if k < end, source[k] == "=" {
                    k += 1
                    while k < end, TextToken.isSpace(source[k]) { k += 1 }
                    if k < end, source[k] == "\"" || source[k] == "'" {
                        let quote = source[k]
                        k += 1
                        let valueStart = k
                        while k < end, source[k] != quote { k += 1 }
                        value = decodedAttribute(valueStart..<k)
                        if k < end { k += 1 }
                    } else {
                        let valueStart = k
                        while k < end, !TextToken.isSpace(source[k]), source[k] != ">" { k += 1 }
                        value = decodedAttribute(valueStart..<k)
                    }
                }
                let key = attribute.lowercased()
                if attributes[key] == nil { attributes[key] = value }
            }
            return .unclosed
        }

        func decodedAttribute(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            var k = range.lowerBound
            while k < range.upperBound {
                if source[k] == "&", let (decoded, after) = HTMLEntities.decode(source, at: k, inAttribute: true), after <= range.upperBound {
                    view.append(contentsOf: decoded)
                    k = after
                } else {
                    view.append(source[k])
                    k += 1
                }
            }
            return String(view)
        }

        /// Where `</name` starts at or after `from`, ignoring case.
        func findEndTag(_ name: String, from: Int) -> Int? {
            let pattern = Array(("</" + name).unicodeScalars)
            var k = from
            while k + pattern.count <= source.count {
                if source[k] == "<", source[k + 1] == "/" {
                    var same = true
                    for (offset, expected) in pattern.enumerated().dropFirst(2) {
                        let actual = source[k + offset]
                        if actual != expected, Unicode.Scalar(actual.value | 0x20) != expected { same = false; break }
                    }
                    let after = k + pattern.count
                    if same, after >= source.count || !isASCIILetter(source[after]) { return k }
                }
                k += 1
            }
            return nil
        }

        func lookingAt(_ text: String) -> Bool {
            var k = i
            for scalar in text.unicodeScalars {
                guard k < source.count, source[k] == scalar || (scalar.value < 0x80 && isASCIILetter(scalar) && Unicode.Scalar(source[k].value | 0x20) == Unicode.Scalar(scalar.value | 0x20)) else {
                    return false
                }
                k += 1
            }
            return true
        }

        func find(_ text: String, from: Int) -> Int? {
            let pattern = Array(text.unicodeScalars)
            guard let first = pattern.first else { return nil }
            var k = from
            while k + pattern.count <= source.count {
                if source[k] == first, Array(source[k..<k + pattern.count]) == pattern { return k }
                k += 1
            }
            return nil
        }

        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: source[range])
            return String(view)
        }

        func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
        }

        func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0x30 && scalar.value <= 0x39
        }
    }
}
