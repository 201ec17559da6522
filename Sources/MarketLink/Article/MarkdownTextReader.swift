// MARK: - Markdown text

/// The readable text of a Markdown article.
///
/// - A heading (`# ...`), a list item (`- `, `* `, `+ `, `1. `), a block quote line after a
///   paragraph, and a thematic break (`---`) stand as paragraphs of their own; heading markers,
///   list markers and `>` are removed.
/// - Fenced code (```` ``` ````, `~~~`) and link reference definitions (`[id]: url`) are dropped.
/// - Inline: `[text](url)` and `[text][id]` keep the text, `![alt](url)` keeps the alt text,
///   `` `code` `` keeps the code, `<tags>` are dropped (an autolink `<https://...>` keeps its
///   address), `\*` is `*`, and emphasis markers (`*`, `_`, `**`, `__`, `~~`) at the edge of a
///   word are removed (`snake_case` and `5 * 3` keep theirs).
enum MarkdownTextReader {
    static func read(_ source: [Unicode.Scalar]) -> ReadableTextBuilder {
        var out = ReadableTextBuilder(capacity: source.count)
        var lineStart = 0
        var inFence: Unicode.Scalar?
        while lineStart < source.count {
            var lineEnd = lineStart
            while lineEnd < source.count, source[lineEnd] != "\n" { lineEnd += 1 }
            let next = lineEnd < source.count ? lineEnd + 1 : lineEnd
            var content = lineStart..<lineEnd
            if content.upperBound > content.lowerBound, source[content.upperBound - 1] == "\r" { content = content.lowerBound..<(content.upperBound - 1) }
            let line = block(source, content, inFence: &inFence, out: &out)
            if let line { inline(source, line, out: &out) }
            if lineEnd < source.count { out.append("\n", from: lineEnd..<next) }
            lineStart = next
        }
        return out
    }

    /// The block structure of one line: what to drop, where paragraphs break; the part of the
    /// line that holds text, or `nil`.
    static func block(_ source: [Unicode.Scalar], _ line: Range<Int>, inFence: inout Unicode.Scalar?, out: inout ReadableTextBuilder) -> Range<Int>? {
        var k = line.lowerBound
        var indent = 0
        while k < line.upperBound, source[k] == " ", indent < 4 {
            k += 1
            indent += 1
        }
        // Fences.
        if k + 2 < line.upperBound, source[k] == "`" || source[k] == "~", source[k + 1] == source[k], source[k + 2] == source[k] {
            if inFence == nil {
                inFence = source[k]
                out.paragraphBreak(at: line.lowerBound)
            } else if inFence == source[k] {
                inFence = nil
                out.paragraphBreak(at: line.lowerBound)
            }
            return nil
        }
        if inFence != nil { return nil }
        guard k < line.upperBound else { return line }
        let first = source[k]
        // Headings: 1–6 #, then a space or the end.
        if first == "#" {
            var m = k
            while m < line.upperBound, source[m] == "#", m - k < 7 { m += 1 }
            if m - k <= 6, m == line.upperBound || source[m] == " " || source[m] == "\t" {
                var end = line.upperBound
                while end > m, source[end - 1] == " " || source[end - 1] == "#" { end -= 1 }
                out.paragraphBreak(at: line.lowerBound)
                inline(source, m..<end, out: &out)
                out.paragraphBreak(at: line.upperBound)
                return nil
            }
        }
        // Thematic breaks: three or more of the same *, - or _, with spaces.
        if first == "*" || first == "-" || first == "_" {
            var count = 0
            var only = true
            for m in k..<line.upperBound {
                if source[m] == first { count += 1 } else if source[m] != " " && source[m] != "\t" { only = false; break }
            }
            if only, count >= 3 {
                out.paragraphBreak(at: line.lowerBound)
                return nil
            }
        }
        // Link reference definitions: [id]: url
        if first == "[" {
            var m = k + 1
            while m < line.upperBound, source[m] != "]" { m += 1 }
            if m + 1 < line.upperBound, source[m + 1] == ":" { return nil }
        }
        // Block quotes.
        if first == ">" {
            var m = k + 1
            if m < line.upperBound, source[m] == " " { m += 1 }
            return block(source, m..<line.upperBound, inFence: &inFence, out: &out)
        }
        // List items.
        if first == "-" || first == "*" || first == "+", k + 1 < line.upperBound, source[k + 1] == " " {
            out.paragraphBreak(at: line.lowerBound)
            return (k + 2)..<line.upperBound
        }
        if TextToken.isDigit(first) {
            var m = k
            while m < line.upperBound, TextToken.isDigit(source[m]), m - k < 9 { m += 1 }
            if m + 1 < line.upperBound, source[m] == "." || source[m] == ")", source[m + 1] == " " {
                out.paragraphBreak(at: line.lowerBound)
                return (m + 2)..<line.upperBound
            }
        }
        return k..<line.upperBound
    }

    /// What a backslash escapes: ASCII punctuation (CommonMark).
    static let escapable = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// Inline markup of one line's text.
    static func inline(_ source: [Unicode.Scalar], _ range: Range<Int>, out: inout ReadableTextBuilder) {
        var k = range.lowerBound
        let end = range.upperBound
        func isWordScalar(_ index: Int) -> Bool {
            guard index >= range.lowerBound, index < end else { return false }
            let scalar = source[index]
            return TextToken.isLetter(scalar) || TextToken.isDigit(scalar) || TextToken.isIdeograph(scalar)
        }
        while k < end {
            let scalar = source[k]
            switch scalar {
            case "\\":
                let escaped: Unicode.Scalar? = k + 1 < end ? source[k + 1] : nil
                if let escaped, escapable.contains(escaped) {
                    out.append(source[k + 1], from: k..<k + 2)
                    k += 2
                    continue
                }
            case "!" where k + 1 < end && source[k + 1] == "[":
                if let (text, after) = link(source, at: k + 1, end: end) {
                    inline(source, text, out: &out)
                    k = after
                    continue
                }
            case "[":
                if let (text, after) = link(source, at: k, end: end) {
                    inline(source, text, out: &out)
                    k = after
                    continue
                }
            case "`":
                var m = k
                while m < end, source[m] == "`" { m += 1 }
                let ticks = m - k
                var close = m
                while close < end, close - m < 4096 {
                    if source[close] == "`" {
                        var run = close
                        while run < end, source[run] == "`" { run += 1 }
                        if run - close == ticks { break }
                        close = run
                    } else {
                        close += 1
                    }
                }
                if close < end, source[close] == "`" {
                    for index in m..<close { out.append(source[index], from: index..<index + 1) }
                    k = close + ticks
                    continue
                }
            case "<":
                var m = k + 1
                while m < end, source[m] != ">", source[m] != "<", m - k < 1024 { m += 1 }
                if m < end, source[m] == ">", m > k + 1, TextToken.isLetter(source[k + 1]) || source[k + 1] == "/" || source[k + 1] == "!" {
                    let inside = Array(source[(k + 1)..<m])
                    let text = String(String.UnicodeScalarView(inside))
                    if text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("mailto:") {
                        for index in (k + 1)..<m { out.append(source[index], from: index..<index + 1) }
                    }
                    k = m + 1
                    continue
                }
            case "*", "_", "~":
                var m = k
                while m < end, source[m] == scalar, m - k < 3 { m += 1 }
                if scalar == "~", m - k < 2 { break }
                let before = isWordScalar(k - 1)
                let after = isWordScalar(m)
                let spaceBefore = k == range.lowerBound || TextToken.isSpace(source[k - 1])
                let spaceAfter = m == end || TextToken.isSpace(source[m])
                // Emphasis opens before a word and closes after one; inside a word only `*` does.
                let opens = !spaceAfter && (!before || scalar == "*")
                let closes = !spaceBefore && (!after || scalar == "*")
                if (opens || closes) && !(spaceBefore && spaceAfter) && !(scalar == "_" && before && after) {
                    k = m
                    continue
                }
                for index in k..<m { out.append(source[index], from: index..<index + 1) }
                k = m
                continue
            default:
                break
            }
            out.append(scalar, from: k..<k + 1)
            k += 1
        }
    }

    /// `[text](url)`, `[text][id]`, `[text][]` starting at `start` (a `[`): the text's range
    /// and the index after the link; `nil` when it is not a link.
    static func link(_ source: [Unicode.Scalar], at start: Int, end: Int) -> (Range<Int>, Int)? {
        var depth = 0
        var k = start
        // Scans are bounded (a link's text and target are short), so a line of a million "[" is
        // still read in linear time.
        while k < end, k - start < 1024 {
            if source[k] == "[" {
                depth += 1
            } else if source[k] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            k += 1
        }
        guard k + 1 < end, source[k] == "]" else { return nil }
        let text = (start + 1)..<k
        let opener = source[k + 1]
        guard opener == "(" || opener == "[" else { return nil }
        let closer: Unicode.Scalar = opener == "(" ? ")" : "]"
        var m = k + 2
        var nested = 0
        while m < end, m - k < 4096 {
            if source[m] == opener, opener == "(" {
                nested += 1
            } else if source[m] == closer {
                if nested == 0 { break }
                nested -= 1
            }
            m += 1
        }
        guard m < end, source[m] == closer else { return nil }
        return (text, m + 1)
    }
}
