import Foundation
import Testing

@testable import MarketLink

/// Reading an article: the readable text of plain text, Markdown and HTML, each character mapped
/// back to the file, paragraphs, sentences, and the encoding check.
@Suite struct ArticleTextTests {
    static func article(_ text: String, _ format: ArticleFormat) throws -> Article {
        try Article(bytes: Array(text.utf8), file: "a", format: format)
    }

    static func sentences(_ text: String, _ format: ArticleFormat = .text) throws -> [String] {
        try article(text, format).sentences.map(\.text)
    }

    // MARK: - Sentences

    /// (text, its sentences).
    @Test(arguments: [
        ("U.S. and Chinese officials met. Both sides spoke.", ["U.S. and Chinese officials met.", "Both sides spoke."]),
        ("Taiwan remains the No. 1 source of friction. Officials say so.", ["Taiwan remains the No. 1 source of friction.", "Officials say so."]),
        ("Mr. Kritenbrink was joined by Sarah Beran. She spoke.", ["Mr. Kritenbrink was joined by Sarah Beran.", "She spoke."]),
        ("The measures were posted after 10 a.m. in Washington. Then nothing.", ["The measures were posted after 10 a.m. in Washington.", "Then nothing."]),
        ("On Jan. 8 the rule ends. On Dec. 7 it began.", ["On Jan. 8 the rule ends.", "On Dec. 7 it began."]),
        ("The Dow rose to 33,833.61. The S&P 500 gained 0.8%. The end.", ["The Dow rose to 33,833.61.", "The S&P 500 gained 0.8%.", "The end."]),
        ("It is at 151 W. 42nd St. in New York. Next.", ["It is at 151 W. 42nd St. in New York.", "Next."]),
        ("Jerome H. Powell spoke. Markets fell!", ["Jerome H. Powell spoke.", "Markets fell!"]),
        ("He said: \"It is done.\" Then he left.", ["He said: \"It is done.\"", "Then he left."]),
        ("Trade figures come next Wednesday. (Xinhua)", ["Trade figures come next Wednesday.", "(Xinhua)"]),
        ("=HYPERLINK(1) was posted. =SUM(1) too.", ["=HYPERLINK(1) was posted.", "=SUM(1) too."]),
        ("上证指数收报3231.41点，涨0.55%；深证成指收报10998.10点。恒生指数周五上涨。", ["上证指数收报3231.41点，涨0.55%；深证成指收报10998.10点。", "恒生指数周五上涨。"]),
        ("市场大涨！投资者欢迎？是的。", ["市场大涨！", "投资者欢迎？", "是的。"]),
        ("Is it a thaw? Nobody says so.", ["Is it a thaw?", "Nobody says so."]),
        ("A heading\n\nA paragraph that\nwraps over lines.", ["A heading", "A paragraph that wraps over lines."]),
    ])
    func splitsSentences(text: String, expected: [String]) throws {
        #expect(try Self.sentences(text) == expected)
    }

    // MARK: - Markdown

    @Test func markdownKeepsTheTextAndDropsTheMarkup() throws {
        let text = """
            # Wall Street drifts

            _By Dana Whitfield | May 30, 2023_

            On Sunday, leaders settled a [deal](https://example.invalid/x) to suspend the limit. Investors are *cautiously* optimistic, **very** much.

            - first item
            - second item with `code`

            ```
            The Dow rose 999 points in a code block.
            ```

            [ref]: https://example.invalid/
            A snake_case word and 5 * 3 stay. An ![alt text](x.png) image and <b>bold</b> tags.
            """
        #expect(try Self.sentences(text, .markdown) == [
            "Wall Street drifts", "By Dana Whitfield | May 30, 2023",
            "On Sunday, leaders settled a deal to suspend the limit.", "Investors are cautiously optimistic, very much.",
            "first item", "second item with code",
            "A snake_case word and 5 * 3 stay.", "An alt text image and bold tags.",
        ])
    }

    @Test func markdownOffsetsPointIntoTheFile() throws {
        let text = "# Title\n\nThe *Dow* rose 1% on [Friday](https://x.invalid)."
        let article = try Self.article(text, .markdown)
        let sentence = try #require(article.sentences.last)
        #expect(sentence.text == "The Dow rose 1% on Friday.")
        let span = article.text.sourceSpan(sentence.range)
        let scalars = Array(text.unicodeScalars)
        // From "The" to the "." after the link, in the file.
        #expect(String(String.UnicodeScalarView(scalars[span.characters])) == "The *Dow* rose 1% on [Friday](https://x.invalid).")
    }

    // MARK: - HTML

    @Test func htmlDropsHeadScriptsStylesNavigationAndAttributes() throws {
        let page = """
            <!doctype html><html><head><title>Dow rose 5%</title><meta name="x" content="The Dow rose 1%"></head>
            <body><nav>Dow 33,727.43 ▼ 0.65%</nav>
            <script>var t = "<p>The Dow rose 999 points</p>";</script><style>p::after { content: "S&P 500 fell 9%"; }</style>
            <article><h1>Stocks&nbsp;slide</h1><p>Wall Street&#8217;s week &amp; the S&amp;P&#x20;500.<br>A new line</p>
            <!-- The Dow fell 1% in a comment -->
            <p hidden>Hidden text</p><div aria-hidden="true">Also hidden</div><p>A &lt;b&gt; tag as text, &copy 2023 &#150; &unknown; <img src=x alt="an alt" onerror="alert(2)"></p>
            <template><p>Template text</p></template><form><p>Form text</p></form>
            <p>1 < 2 and 3 > 2</p></article></body></html>
            """
        #expect(try Self.sentences(page, .html) == [
            "Stocks slide", "Wall Street’s week & the S&P 500.", "A new line", "A <b> tag as text, © 2023 – &unknown;", "1 < 2 and 3 > 2",
        ])
    }

    @Test func htmlMarkupDates() throws {
        let page = """
            <html><head><meta property="article:published_time" content="2023-06-23T17:45:00-04:00">
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-06-23T21:45:00Z"}</script></head>
            <body><p>By A &middot; <time datetime="2023-06-23">June 23</time></p></body></html>
            """
        let article = try Self.article(page, .html)
        #expect(article.text.markupDates.map(\.kind) == [.meta, .jsonLD, .timeElement])
        #expect(article.text.markupDates.map(\.value) == ["2023-06-23T17:45:00-04:00", "2023-06-23T21:45:00Z", "2023-06-23"])
    }

    @Test func htmlOffsetsCoverEntities() throws {
        let page = "<p>The S&amp;P 500 fell.</p>"
        let article = try Self.article(page, .html)
        let sentence = try #require(article.sentences.first)
        #expect(sentence.text == "The S&P 500 fell.")
        let span = article.text.sourceSpan(sentence.range)
        #expect(span.characters == 3..<24)
        #expect(span.utf8 == 3..<24)
    }

    /// An unclosed tag or comment swallows the rest of the page, as a browser's does, in one pass.
    @Test(arguments: ["<p>Kept</p><a href=\"x", "<p>Kept</p><!-- never closed", "<p>Kept</p><script>alert(1)"])
    func htmlUnclosedMarkupEndsThePage(page: String) throws {
        #expect(try Self.sentences(page, .html) == ["Kept"])
    }

    @Test(arguments: [
        ("page.html", "anything", ArticleFormat.html), ("notes.md", "# x", .markdown), ("a.txt", "<p>x</p>", .html),
        ("a.txt", "\u{FEFF}  <!DOCTYPE html><html>", .html), ("story", "The Dow rose.", .text),
    ])
    func detectsTheFormat(path: String, start: String, format: ArticleFormat) {
        #expect(ArticleFormat.detect(path: path, bytes: Array(start.utf8)) == format)
    }

    // MARK: - Offsets of the fixtures

    /// UTF-8 and character offsets differ in the Chinese wrap: the spans of expected.json hold both.
    @Test func chineseOffsetsInCharactersAndBytes() throws {
        let article = try Article.load(path: CLI.fixture("fixtures/articles/chinese-wrap.txt"))
        let sentence = try #require(article.sentences.first { $0.text.hasPrefix("6月7日") })
        let span = article.text.sourceSpan(sentence.range)
        #expect(span.characters.lowerBound == 186)
        #expect(span.utf8.lowerBound == 374)
    }

    // MARK: - Encoding

    @Test func notUTF8IsALocatedError() throws {
        // "Dow rose" then Latin-1 "é" (0xE9) on line 2.
        let bytes = Array("The Dow rose.\nCaf".utf8) + [0xE9] + Array(" prices.".utf8)
        let error = try #require(throws: MarketLinkError.self) { try Article(bytes: bytes, file: "story.txt", format: .text) }
        #expect(error.kind == .data)
        #expect(error.description.hasPrefix("story.txt:2:4: error: invalid UTF-8"))
    }

    @Test func utf16IsNamed() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("T\0h\0e\0".utf8)
        let error = try #require(throws: MarketLinkError.self) { try Article(bytes: bytes, file: "story.txt", format: .text) }
        #expect(error.description.contains("UTF-16"))
    }
}
