import Foundation
import Testing

@testable import MarketLink

/// The parts of checking an article that the fixtures do not cover one by one: the publication
/// date's sources and conflicts, index names, internal consistency, claims in unusual phrasing,
/// event titles, and the HTML page's escaping.
@Suite struct ArticleCheckTests {
    static func check(_ text: String, format: ArticleFormat = .text, published: Day? = nil, series: [Series] = ArticleFixtures.series) throws -> ArticleCheck {
        try ArticleCheck(article: try Article(bytes: Array(text.utf8), file: "story.txt", format: format), series: series, published: published)
    }

    // MARK: - Publication date

    @Test func twoReadingsThatDisagreeAreAnError() throws {
        let text = "Title\n\nBy A Writer | June 8, 2023\n\nBEIJING, June 9 (Xinhua) -- Stocks rose.\n"
        let error = try #require(throws: MarketLinkError.self) { try Self.check(text) }
        #expect(error.kind == .data)
        // Located at the second reading (the byline, on line 3), both dates named.
        #expect(error.description.hasPrefix("story.txt:3:1: error: the article gives two publication dates"), "\(error)")
        // The library names no flag; mlink adds "give the right one with --published DATE" (ArticleCommandTests).
        #expect(error.message.contains("2023-06-09") && error.message.contains("2023-06-08") && error.message.hasSuffix("say which is right"))
        if case .conflictingPublicationDates(_, let first, _, let second) = error.reason {
            #expect([first.iso, second.iso] == ["2023-06-09", "2023-06-08"])
        } else {
            Issue.record("not .conflictingPublicationDates: \(error.reason)")
        }
    }

    @Test func aGivenDateSettlesADisagreementAndSaysSo() throws {
        let text = "By A Writer | June 8, 2023\n\nBEIJING, June 9 (Xinhua) -- Stocks rose.\n"
        let check = try Self.check(text, published: Day(year: 2023, month: 6, day: 9))
        let published = try #require(check.published)
        #expect(published.source == .given)
        #expect(published.notes.contains { $0.contains("the byline") && $0.contains("2023-06-08") })
    }

    @Test func aBylineWhoseWeekdayIsWrongGivesNoDate() throws {
        // June 9, 2023 was a Friday.
        let check = try Self.check("By A Writer | Thursday, June 9, 2023\n\nStocks rose.\n")
        #expect(check.published == nil)
    }

    @Test func metadataAndTimeElementThatDisagreeAreAnError() throws {
        let page = """
            <html><head><meta property="article:published_time" content="2023-06-23T17:45:00-04:00"></head>
            <body><p>By A <time datetime="2023-06-22">June 22</time></p><p>Stocks rose.</p></body></html>
            """
        let error = try #require(throws: MarketLinkError.self) { try Self.check(page, format: .html) }
        #expect(error.message.contains("<time datetime>"))
    }

    @Test func jsonLDGivesTheDate() throws {
        let page = """
            <html><head><script type="application/ld+json">{"datePublished": "2023-06-02T09:00:00+08:00"}</script></head>
            <body><p>On Thursday, officials met.</p></body></html>
            """
        let check = try Self.check(page, format: .html)
        #expect(check.published?.day.iso == "2023-06-02")
        #expect(check.published?.source == .jsonLD)
        #expect(check.events.first?.eventDate == "2023-06-01")
    }

    @Test func aTimeStampAloneGivesTheDate() throws {
        let check = try Self.check("2023-06-02 17:05:21 | Desk\n\nOn Wednesday, the data came out.\n")
        #expect(check.published?.source == .timeStamp)
        #expect(check.events.map(\.eventDate) == ["2023-05-31"])
    }

    // MARK: - Index names

    /// (text, the indices named, as written).
    @Test(arguments: [
        ("The blue-chip Dow and the tech-heavy Nasdaq rose", ["Dow Jones Industrial Average: blue-chip Dow", "Nasdaq Composite: tech-heavy Nasdaq"]),
        ("Dow Jones index, S&P 500 index and Nasdaq Composite", ["Dow Jones Industrial Average: Dow Jones index", "S&P 500: S&P 500 index", "Nasdaq Composite: Nasdaq Composite"]),
        ("the SSE Composite Index, the Shenzhen Component, ChiNext and the CSI 300", [
            "SSE Composite: SSE Composite Index", "Shenzhen Component: Shenzhen Component", "ChiNext: ChiNext", "CSI 300: CSI 300",
        ]),
        ("Hang Seng Bank shares; the Hang Seng China Enterprises Index; the Hang Seng", [
            "Hang Seng China Enterprises: Hang Seng China Enterprises Index", "Hang Seng: Hang Seng",
        ]),
        ("Nikkei, Topix, Kospi, FTSE 100, DAX, CAC 40, Sensex and Nifty", [
            "Nikkei 225: Nikkei", "Topix: Topix", "KOSPI: Kospi", "FTSE 100: FTSE 100", "DAX: DAX", "CAC 40: CAC 40", "BSE Sensex: Sensex",
            "Nifty 50: Nifty",
        ]),
        ("上证指数、上证综指、深证成指和恒生指数", ["SSE Composite: 上证指数", "SSE Composite: 上证综指", "Shenzhen Component: 深证成指", "Hang Seng: 恒生指数"]),
        ("a nifty index of consumer sentiment, the purchasing managers' index, 居民消费价格指数", []),
    ])
    func namesIndices(text: String, expected: [String]) {
        #expect(IndexNameMatcher.mentions(in: text).map { "\($0.index.name): \($0.text)" } == expected)
    }

    // MARK: - Consistency

    /// (claim, verdict): the arithmetic written out by hand.
    @Test(arguments: [
        ("rose 258 points, or 0.8%, to 33,833.61", "consistent (258 ÷ (33,833.61 − 258) = 258 ÷ 33,575.61 = 0.7684% → 0.8%)"),
        ("fell 50.56 points, or 0.2%, to 33,024.78", "consistent (50.56 ÷ (33,024.78 + 50.56) = 50.56 ÷ 33,075.34 = 0.1529% → 0.2%)"),
        // 328.69 ÷ 32,764.65 = 1.00318...% → 1.0%, not 1.9%.
        ("rose 328.69 points, or 1.9%, to 33,093.34", "inconsistent (328.69 ÷ (33,093.34 − 328.69) = 328.69 ÷ 32,764.65 = 1.0032% → 1.0%, not 1.9%)"),
        ("rose 0.8% to 33,833.61", "not checkable (no points)"),
        ("rose 258 points", "not checkable (no percent, no level)"),
        ("rose more than 250 points, or 0.8%, to 33,833.61", "not checkable (\"more than 250\" is a bound, not a value)"),
    ])
    func consistency(text: String, verdict: String) throws {
        #expect(try ClaimReader.read(text).consistency.verdict == verdict)
    }

    // MARK: - Claims in running text

    /// (sentence, claims read as text → index).
    @Test(arguments: [
        ("The Dow on Friday rose 1.2% to 33,876.78.", ["The Dow on Friday rose 1.2% to 33,876.78 → Dow Jones Industrial Average"]),
        ("The S&P 500 closed at 4,298.86, up 0.11%, and the Nasdaq ended lower.", ["The S&P 500 closed at 4,298.86, up 0.11% → S&P 500"]),
        ("Japan's Nikkei 225 jumped 2% while the Kospi slipped 0.3%.", ["Japan's Nikkei 225 jumped 2% → Nikkei 225", "the Kospi slipped 0.3% → KOSPI"]),
        ("The benchmark Dow rose sharply, but gave no number.", []),
        ("The Dow, which tracks 30 companies, rose 1%.", []),
        ("沪指收涨0.5%，报3200.12点。", ["沪指收涨0.5%，报3200.12点 → SSE Composite"]),
    ])
    func readsClaims(sentence: String, expected: [String]) throws {
        let check = try Self.check(sentence, published: Day(year: 2023, month: 6, day: 9))
        #expect(check.claims.map { "\($0.text) → \($0.index.name)" } == expected)
    }

    /// A claim the fixtures' "The Dow, which tracks 30 companies, rose 1%" is not read as is
    /// listed as coverage, not dropped.
    @Test func anUnreadClaimIsCoverage() throws {
        let check = try Self.check("The Dow, which tracks 30 companies, rose 1%.")
        #expect(check.coverage.map(\.index.name) == ["Dow Jones Industrial Average"])
    }

    @Test func aSeriesWithAnUnknownIndexIsNamedAndNotUsed() throws {
        let closes = ArticleFixtures.series.first { $0.name == "DJIA" }
        let renamed = try #require(closes.flatMap { Series(name: "prices", days: (0..<$0.count).map($0.day(at:)), closes: $0.closes) })
        let check = try Self.check("The Dow rose 0.5% on June 8, 2023.", series: [renamed])
        #expect(check.unknownSeries == ["prices"])
        #expect(check.claims.first?.series == nil)
        #expect(check.claims.first?.verdicts.data == "not checked (Dow Jones Industrial Average has no loaded series)")
    }

    // MARK: - Event titles

    /// (sentence, title).
    @Test(arguments: [
        ("On May 25, Commerce Secretary Gina Raimondo met Chinese Commerce Minister Wang Wentao in Washington.",
         "Commerce Secretary Gina Raimondo met Chinese Commerce Minister Wang Wentao in Washington"),
        ("Earlier on Thursday, China's central bank cut a one-year lending rate to 2.65%.", "China's central bank cut a one-year lending rate to 2.65%"),
        ("Mr. Powell repeated the message to the Senate Banking Committee on Thursday.", "Mr. Powell repeated the message to the Senate Banking Committee"),
        ("On Tuesday, the US Department of the Treasury's Office of Foreign Assets Control sanctioned a network of companies in China and Hong Kong accused of supplying Iran's missile program.",
         "The US Department of the Treasury's Office of Foreign Assets Control sanctioned a network…"),
        ("6月7日，海关总署公布数据显示，以美元计我国出口同比下降7.5%。", "海关总署公布数据显示，以美元计我国出口同比下降7.5%"),
    ])
    func eventTitles(sentence: String, title: String) throws {
        let check = try Self.check(sentence, published: Day(year: 2023, month: 6, day: 9))
        #expect(check.events.map(\.title) == [title])
    }

    // MARK: - HTML page

    @Test func thePageIsInertAndHighlightsEachClaim() throws {
        let page = """
            <html><body><p>By A | June 9, 2023</p>
            <p>The Dow rose 0.13% to 33,876.78 on Friday. A reader wrote: &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;</p>
            <p>On Thursday, "<b onclick=x>officials</b>" met &amp; talked.</p></body></html>
            """
        let html = try Self.check(page, format: .html).reportHTML()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("<mark class=\"claim holds\" tabindex=\"0\""))
        #expect(html.contains("<span class=\"event\""))
        // Well-formed: every element opened is closed (MarkupWriter writes HTML5 that is also XML).
        #expect(html.components(separatedBy: "<mark ").count == html.components(separatedBy: "</mark>").count)
    }

    // MARK: - A long article

    /// Over 1,000 sentences and 64 claims: the sentences are read on two threads, the claims
    /// checked in two halves and the report built in parts. Each copy of the politics fixture's
    /// body must read as the body does once (its claims, verdicts, days and event drafts are
    /// worked out by hand in expected.json and checked in ArticleFixtureTests), and every output
    /// must keep the order written.
    @Test func aLongArticleReadsAsEachOfItsCopies() throws {
        let source = try String(contentsOf: CLI.packageRoot.appendingPathComponent("fixtures/articles/us-china-politics.txt"), encoding: .utf8)
        let paragraphs = source.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let head = paragraphs.prefix(2).joined(separator: "\n\n")
        let body = paragraphs.dropFirst(2).joined(separator: "\n\n")
        let once = try Self.check(head + "\n\n" + body + "\n")
        let bodySentences = once.article.sentences.count - 2
        let bodyParagraphs = paragraphs.count - 2
        let copies = max(1_000 / bodySentences, 256 / bodyParagraphs) + 1
        let long = try Self.check(head + "\n\n" + Array(repeating: body, count: copies).joined(separator: "\n\n") + "\n")
        #expect(long.article.sentences.count >= 1_000 && long.article.text.paragraphs.count >= 256 && once.claims.count * copies >= 64)

        // Sentences (split in groups of paragraphs): the head's, then the body's in each copy.
        #expect(long.article.sentences.count == 2 + bodySentences * copies)
        for (k, sentence) in long.article.sentences.enumerated() {
            let copy = k < 2 ? 0 : (k - 2) / bodySentences
            let expected = once.article.sentences[k < 2 ? k : 2 + (k - 2) % bodySentences]
            #expect(sentence.text == expected.text && sentence.paragraph == expected.paragraph + copy * bodyParagraphs)
        }

        #expect(long.claims.count == once.claims.count * copies)
        for (k, claim) in long.claims.enumerated() {
            let expected = once.claims[k % once.claims.count]
            #expect(claim.text == expected.text && claim.index == expected.index && claim.series == expected.series)
            #expect(claim.summary == expected.summary && claim.days == expected.days)
            #expect(claim.verdicts.parts.map(\.verdict) == expected.verdicts.parts.map(\.verdict))
        }
        #expect(long.events.count == once.events.count * copies)
        for (k, event) in long.events.enumerated() {
            let expected = once.events[k % once.events.count]
            #expect(event.title == expected.title && event.eventDate == expected.eventDate && event.tense == expected.tense)
        }
        // The head (title and byline, sentences 0 and 1) once, then the body's copies.
        let headReasons = once.notEvents.filter { $0.sentence < 2 }.map(\.reason)
        let bodyReasons = once.notEvents.filter { $0.sentence >= 2 }.map(\.reason)
        #expect(long.notEvents.map(\.reason) == headReasons + Array(Array(repeating: bodyReasons, count: copies).joined()))

        // The table: claim blocks numbered 1, 2, ... in order, each with its claim's text.
        let claimLines = long.reportText().split(separator: "\n").filter { $0.hasPrefix("claim ") }
        #expect(claimLines.count == long.claims.count)
        for (k, line) in claimLines.enumerated() {
            let label = "claim \(k + 1)"
            #expect(line == label + String(repeating: " ", count: max(0, 10 - label.count)) + " " + long.claims[k].text)
        }
        // The JSON: claims and events in the order written.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(long.reportJSON().serializedUTF8())) as? [String: Any])
        let claims = try #require(json["claims"] as? [[String: Any]])
        #expect(claims.map { $0["text"] as? String } == long.claims.map(\.text))
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.map { $0["title"] as? String } == long.events.map(\.title))
    }
}
