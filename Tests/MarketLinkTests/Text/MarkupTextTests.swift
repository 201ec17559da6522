import Foundation
import Testing
@testable import MarketLink

@Suite struct MarkupTextTests {
    // Each expected string is written out by hand from the rules in `MarkupText`'s comment.
    @Test(arguments: [
        ("", ""),
        ("plain text", "plain text"),
        ("AT&T", "AT&amp;T"),
        ("<b>", "&lt;b&gt;"),
        ("say \"hi\"", "say &quot;hi&quot;"),
        ("it's", "it&#39;s"),
        (
            "<script>alert(1)</script> & \"quotes\"",
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"
        ),
        ("&amp;", "&amp;amp;"),
        ("上证指数 ±5%", "上证指数 ±5%"),
        ("tab\tline\ncr\r", "tab\tline\ncr\r"),
        ("nul\u{0}bell\u{7}esc\u{1B}", "nul\u{FFFD}bell\u{FFFD}esc\u{FFFD}"),
        ("del\u{7F}c1\u{85}\u{9F}", "del\u{FFFD}c1\u{FFFD}\u{FFFD}"),
        ("nonchars\u{FFFE}\u{FFFF}", "nonchars\u{FFFD}\u{FFFD}"),
        ("emoji 📈 kept", "emoji 📈 kept"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("\" onmouseover=\"alert(1)", "&quot; onmouseover=&quot;alert(1)"),
        ("' onload='x", "&#39; onload=&#39;x"),
        ("]]><x/>", "]]&gt;&lt;x/&gt;"),
    ])
    func escapes(input: String, expected: String) {
        #expect(MarkupText.escaped(input) == expected)
    }

    @Test func everyASCIIAndC1CharacterLeavesNoMarkupAndParsesBack() throws {
        let all = String(String.UnicodeScalarView((0...0x9F).compactMap(Unicode.Scalar.init)))
        let escaped = MarkupText.escaped(all)
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
        // Inside an element and an attribute, XML gives back the text with the disallowed
        // characters replaced (an attribute value's tab, LF and CR normalise to spaces, XML 1.0 §3.3.3).
        let parsed = ParsedXML("<a b=\"\(escaped)\">\(escaped)</a>")
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        let element = try #require(parsed.all("a").first)
        let expected = String(
            String.UnicodeScalarView(
                (0...0x9F).compactMap(Unicode.Scalar.init).map { scalar -> Unicode.Scalar in
                    switch scalar.value {
                    case 0x09, 0x0A, 0x0D: return scalar
                    case 0x00..<0x20, 0x7F...0x9F: return "\u{FFFD}"
                    default: return scalar
                    }
                }))
        #expect(element.text == expected.replacingOccurrences(of: "\r", with: "\n"))
        #expect(element.attributes["b"]?.unicodeScalars.count == expected.unicodeScalars.count)
    }
}
