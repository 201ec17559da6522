import Testing

@testable import MarketLink

// Expected strings written out by hand from `TerminalText`'s rules: C0 control c → U+2400 + c
// (ESC U+001B → ␛ U+241B, BEL → ␇ U+2407, NUL → ␀, BS → ␈ U+2408), DEL → ␡, a C1 control
// U+0080 + x → ␛ followed by the ASCII character 0x40 + x (U+009B CSI → "␛[", U+009D OSC →
// "␛]", U+009C ST → "␛\"), tab and line breaks → one space (kept line feeds in escapedLines).

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain", "Blinken meets Xi", "Blinken meets Xi"),
        ("empty", "", ""),
        ("SGR colour", "\u{1B}[31mred\u{1B}[0m", "␛[31mred␛[0m"),
        ("clear screen", "\u{1B}[2J\u{1B}[H", "␛[2J␛[H"),
        ("OSC window title", "\u{1B}]0;pwned\u{7}", "␛]0;pwned␇"),
        ("OSC 8 hyperlink", "\u{1B}]8;;https://x.example\u{1B}\\click\u{1B}]8;;\u{1B}\\", "␛]8;;https://x.example␛\\click␛]8;;␛\\"),
        ("C1 CSI", "\u{9B}31mred", "␛[31mred"),
        ("C1 OSC and ST", "\u{9D}0;x\u{9C}", "␛]0;x␛\\"),
        ("NEL is a line break", "a\u{85}b", "a b"),
        ("NUL, backspace, DEL", "a\u{0}b\u{8}c\u{7F}", "a␀b␈c␡"),
        ("line breaks and tabs", "a\tb\nc\r\nd", "a b c  d"),
        ("Unicode line separators", "a\u{2028}b\u{2029}c", "a b c"),
        ("other scripts untouched", "上证指数 📈 café", "上证指数 📈 café"),
        ("already visible pictures untouched", "␛[31m", "␛[31m"),
        // The byte scan's edges: U+009F is the last C1 control (C2 9F), U+00A0 (C2 A0) is not one;
        // U+2027 and U+202A (E2 80 A7, E2 80 AA) sit beside the separators and stay.
        ("last C1 control", "a\u{9F}b", "a␛_b"),
        ("no-break space and the separators' neighbours untouched", "a\u{A0}b\u{2027}c\u{202A}d", "a\u{A0}b\u{2027}c\u{202A}d"),
    ])
    func oneLine(name: String, text: String, expected: String) {
        let shown = TerminalText.escaped(text)
        #expect(shown == expected, "\(name)")
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    }

    @Test func severalLinesKeepTheirLineFeeds() {
        #expect(TerminalText.escapedLines("first\n\u{1B}[1msecond\r\n") == "first\n␛[1msecond \n")
    }

    @Test func noControlCharacterSurvives() {
        let every = String(String.UnicodeScalarView((0...0xA0).compactMap(Unicode.Scalar.init)))
        let shown = TerminalText.escaped(every)
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        // One picture (or space) per C0 control and DEL, two characters per C1 control but NEL
        // (U+0085, a line break: one space): 161 scalars in, 31 more out.
        #expect(shown.unicodeScalars.count == 0xA1 + 0x1F)
    }
}

// Expected strings by hand from `MarkdownText`'s rules: a backslash before \ ` * _ [ ] < > | ~ & $
// everywhere, and before # - + = or the . ) after leading digits at the start of a paragraph.

@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("plain", "Blinken meets Xi in Beijing", "Blinken meets Xi in Beijing"),
        ("HTML image with a handler", "<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
        ("script element", "<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("javascript link", "[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("image", "![x](https://x.example/t.png)", "!\\[x\\](https://x.example/t.png)"),
        ("autolink", "<https://x.example>", "\\<https://x.example\\>"),
        ("reference link", "[x][1]", "\\[x\\]\\[1\\]"),
        ("emphasis", "**bold** _it_ *it*", "\\*\\*bold\\*\\* \\_it\\_ \\*it\\*"),
        ("code span", "`rm -rf`", "\\`rm -rf\\`"),
        ("strikethrough", "~~gone~~", "\\~\\~gone\\~\\~"),
        ("entity", "&lt;b&gt;", "\\&lt;b\\&gt;"),
        ("math", "$x$", "\\$x\\$"),
        ("backslash", "a\\b", "a\\\\b"),
        ("cell break", "a | b", "a \\| b"),
        ("line break", "a\nb\r\nc", "a b  c"),
        ("terminal escape", "\u{1B}[31mred", "␛\\[31mred"),
        ("heading at the start", "# Breaking", "\\# Breaking"),
        ("list item at the start", "- 5% day", "\\- 5% day"),
        ("plus at the start", "+ wire", "\\+ wire"),
        ("ordered list at the start", "2023. A year", "2023\\. A year"),
        ("ordered list with a parenthesis", "1) first", "1\\) first"),
        ("markers inside the text", "a - b # c 1. d", "a - b # c 1. d"),
        ("ordinary punctuation", "U.S.–China (talks): 'yes', \"no\"; 5%/day?", "U.S.–China (talks): 'yes', \"no\"; 5%/day?"),
        ("other scripts", "上证指数 📈", "上证指数 📈"),
    ])
    func paragraph(name: String, text: String, expected: String) {
        #expect(MarkdownText.escaped(text) == expected, "\(name)")
    }

    @Test(arguments: [
        ("number", "-260.33", "-260.33"),
        ("signed percent", "+0.78%", "+0.78%"),
        ("stars stay literal", "+1.23%**", "+1.23%\\*\\*"),
        ("heading text in a cell", "# x", "# x"),
        ("cell break", "a|b", "a\\|b"),
        ("HTML", "<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
    ])
    func cell(name: String, text: String, expected: String) {
        #expect(MarkdownText.cell(text) == expected, "\(name)")
    }

    /// No `<` or `[` of the input is left without its backslash, whatever the input: so no HTML
    /// element, autolink, link or image can start (CommonMark §2.4, §6.3, §6.6, §6.8).
    @Test func hostileInputHasNoLiveMarkup() {
        let inputs = [
            "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>",
            "\\<img src=x>", "\\[x](javascript:alert(1))", "<!-- comment -->", "<![CDATA[x]]>", "[x]: javascript:alert(1)",
        ]
        for input in inputs {
            let shown = Array(MarkdownText.escaped(input).unicodeScalars)
            var backslashes = 0
            for scalar in shown {
                if scalar == "<" || scalar == "[" || scalar == "]" || scalar == ">" {
                    // An odd run of backslashes before it escapes it; an even run is escaped backslashes.
                    #expect(backslashes % 2 == 1, "\(input)")
                }
                backslashes = scalar == "\\" ? backslashes + 1 : 0
            }
        }
    }
}
