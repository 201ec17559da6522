import Foundation

@testable import MarketLink

// Fuzz target: Article(bytes:file:format:) and ArticleCheck — news articles as people paste or
// save them: plain text, Markdown, HTML.
//
// The first byte chooses the format (text, Markdown, HTML); the rest is the article. Invariants,
// for any bytes:
// - either an article or a data error of one bounded line, located inside the input (`checkError`);
// - paragraphs and sentences lie inside the readable text, in order, not overlapping, never
//   empty; a sentence's text has no line break; every span maps inside the file (characters and
//   UTF-8 bytes, ordered);
// - checking it against a small real series with a fixed publication date gives claims inside
//   their sentences, each with verdicts, and events with dates; the table, JSON, CSV and HTML
//   reports can all be made, and the HTML page holds no element the article wrote (no `<script`,
//   `<img`, `<iframe`, no `on…=` handler on a tag).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let formats: [ArticleFormat] = [.text, .markdown, .html]
    let format = formats[Int(data[0]) % 3]
    let body = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let bytes = Array(body)
    let article: Article
    do {
        article = try Article(bytes: bytes, file: "article", format: format)
    } catch {
        checkError(error, file: "article", bytes: body, expectedKind: .data)
        return 0
    }
    let text = article.text
    let readable = text.scalars.count
    var previous = 0
    for paragraph in text.paragraphs {
        require(!paragraph.isEmpty && paragraph.lowerBound >= previous && paragraph.upperBound <= readable, "paragraph \(paragraph) out of order")
        previous = paragraph.upperBound
    }
    previous = 0
    let fileCharacters = text.sourceUTF8.count - 1
    for sentence in article.sentences {
        require(!sentence.range.isEmpty && sentence.range.lowerBound >= previous && sentence.range.upperBound <= readable, "sentence \(sentence.range)")
        require(!sentence.text.isEmpty && !sentence.text.contains("\n"), "sentence text \(sentence.text.debugDescription.prefix(80))")
        previous = sentence.range.upperBound
        let span = text.sourceSpan(sentence.range)
        require(span.characters.lowerBound <= span.characters.upperBound && span.characters.upperBound <= fileCharacters, "span \(span)")
        require(span.utf8.lowerBound <= span.utf8.upperBound && span.utf8.upperBound <= bytes.count, "utf8 span \(span)")
        require(span.characters.count <= span.utf8.count, "more characters than bytes in \(span)")
    }

    let check: ArticleCheck
    do {
        check = try ArticleCheck(article: article, series: [djia], published: Day(year: 2023, month: 6, day: 9))
    } catch {
        require(false, "a given publication date settles every reading, but: \(error)")
        return 0
    }
    for claim in check.claims {
        let sentence = article.sentences[claim.sentence]
        require(sentence.range.lowerBound <= claim.range.lowerBound && claim.range.upperBound <= sentence.range.upperBound, "claim outside its sentence")
        require(!claim.verdicts.parts.isEmpty, "claim without verdicts")
        if claim.series != nil { require(claim.index.name == "Dow Jones Industrial Average", "a \(claim.index.name) claim checked against the Dow") }
    }
    for event in check.events { require(event.dates != nil, "an event without a date though P is given: \(event.sentenceText.prefix(80))") }
    _ = check.reportText()
    _ = check.reportJSON().serialized()
    _ = check.reportCSV()
    _ = check.markdownReport()
    let page = check.reportHTML().lowercased()
    for forbidden in ["<script", "<img", "<iframe", "<object", "<svg", "javascript:"] {
        require(!page.contains(forbidden), "the HTML page holds \(forbidden)")
    }
    // Attribute names only: a quoted value (its quotes escaped as &quot;) is text, and the article's
    // own words may say `onset="..."` there, inert.
    let tags = page.replacingOccurrences(of: #"="[^"]*""#, with: "=", options: .regularExpression)
    require(tags.range(of: #"<[a-z]+[^>]*\son[a-z]+="#, options: .regularExpression) == nil, "an event handler in the HTML page")
    return 0
}

/// DJIA closes, 2023-06-01 ... 2023-06-09 (S&P Dow Jones Indices), as in `fixtures/djia.csv`.
let djia: Series = {
    let days = ["2023-06-01", "2023-06-02", "2023-06-05", "2023-06-06", "2023-06-07", "2023-06-08", "2023-06-09"]
    let closes = [33_061.57, 33_762.76, 33_562.86, 33_573.28, 33_665.02, 33_833.61, 33_876.78]
    guard let series = Series(name: "DJIA", days: days.compactMap { Day(iso: $0) }, closes: closes) else {
        fputs("the fixed DJIA series does not build\n", stderr)
        abort()
    }
    return series
}()
