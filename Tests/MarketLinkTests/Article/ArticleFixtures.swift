import Foundation
import Testing

@testable import MarketLink

/// The article fixtures and what `fixtures/articles/expected.json` says of them. The expected
/// values were worked out by hand and are asserted from the price fixtures by
/// `fixtures/articles/derive_expected.py` (standard library only, nothing from MarketLink); the
/// tests compare MarketLink's results with them, field by field.
enum ArticleFixtures {
    typealias Object = [String: Any]

    nonisolated(unsafe) static let expected: Object = {
        let url = CLI.packageRoot.appendingPathComponent("fixtures/articles/expected.json")
        guard let data = try? Data(contentsOf: url), let object = try? JSONSerialization.jsonObject(with: data) as? Object else { return [:] }
        return object
    }()

    static var articles: [Object] { expected["articles"] as? [Object] ?? [] }

    /// Every article's file name, for `@Test(arguments:)`.
    static let files: [String] = articles.compactMap { $0["file"] as? String }

    static func article(_ file: String) throws -> Object {
        try #require(articles.first { $0["file"] as? String == file }, "no \(file) in expected.json")
    }

    /// expected.json names series by file ("djia.csv"); the check names them as loaded ("DJIA"),
    /// from each series' command-line argument ("DJIA=fixtures/djia.csv").
    static let seriesNames: [String: String] = {
        var names: [String: String] = [:]
        for (file, value) in expected["series"] as? [String: Object] ?? [:] {
            if let argument = value["argument"] as? String, let name = argument.split(separator: "=").first { names[file] = String(name) }
        }
        return names
    }()

    /// The four price fixtures, loaded once, named as the fixtures' README runs them.
    static let series: [Series] = {
        let files: [(name: String?, path: String)] = [
            ("DJIA", CLI.fixture("fixtures/djia.csv")), ("SPX", CLI.fixture("fixtures/sp500.csv")),
            ("SHCOMP", CLI.fixture("fixtures/sse.csv")), ("^HSI", CLI.fixture("fixtures/hsi.csv")),
        ]
        return (try? SeriesCollection(files: files).series) ?? []
    }()

    /// The check of one fixture article, as its expected command runs it.
    static func check(_ file: String) throws -> ArticleCheck {
        let expectedArticle = try article(file)
        let published = expectedArticle["published"] as? Object
        var given: Day?
        if published?["found_by"] as? String == "flag", let date = published?["date"] as? String { given = Day(iso: date) }
        let loaded = try Article.load(path: CLI.fixture("fixtures/articles/" + file))
        return try ArticleCheck(article: loaded, series: series, published: given)
    }

    /// The digits of a claimed number as written in expected.json ("0.8%", "4.02 percent" → "0.8", "4.02").
    static func digits(_ text: String?) -> String? {
        guard let text else { return nil }
        let allowed = Set("0123456789,.")
        let scalars = text.drop { !allowed.contains($0) }.prefix { allowed.contains($0) }
        return String(scalars)
    }
}
