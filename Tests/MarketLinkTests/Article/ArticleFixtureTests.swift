import Foundation
import Testing

@testable import MarketLink

/// Every fixture article against `fixtures/articles/expected.json`: the publication date and how
/// it was found, each claim (its span, index, series, days, sessions, actual numbers and every
/// verdict), each event draft (date, precision, phrase, tense, sentence, offset), the dated
/// sentences that are not events, and the coverage list. A difference is a failing test, with
/// the field named.
@Suite struct ArticleFixtureTests {
    typealias Object = ArticleFixtures.Object

    // MARK: - Publication date

    @Test(arguments: ArticleFixtures.files)
    func publicationDate(file: String) throws {
        let expected = try #require(try ArticleFixtures.article(file)["published"] as? Object)
        let check = try ArticleFixtures.check(file)
        let published = try #require(check.published, "\(file): no publication date (\(check.publicationMissing ?? ""))")
        #expect(published.day.iso == expected["date"] as? String)
        // expected.json says "flag" for a date given on the command line; the library calls it "given".
        let foundBy = expected["found_by"] as? String == "flag" ? "given" : expected["found_by"] as? String
        #expect(published.source.rawValue == foundBy)
        if foundBy != "given" { #expect(published.text == expected["text"] as? String) }
    }

    /// wrap-three-indices.txt without --published: no byline or dateline, and the claimed levels
    /// match sessions on three dates, so P is not found (and MarketLink says so, not picks one).
    @Test func noPublicationDateWhereTheLevelsDisagree() throws {
        let article = try Article.load(path: CLI.fixture("fixtures/articles/wrap-three-indices.txt"))
        let check = try ArticleCheck(article: article, series: ArticleFixtures.series)
        #expect(check.published == nil)
        let why = try #require(check.publicationMissing)
        #expect(why.contains("(2023-06-13, 2023-06-14, 2023-06-15)"), "\(why)")
        // The levels still place the claims; nothing counts from a date that is not known.
        #expect(check.claims.count == 6)
        #expect(check.claims.first?.check?.levelSession?.iso == "2023-06-15")
        #expect(check.events.allSatisfy { $0.dates == nil })
    }

    // MARK: - Claims

    @Test(arguments: ArticleFixtures.files)
    func claims(file: String) throws {
        let expected = try ArticleFixtures.article(file)["claims"] as? [Object] ?? []
        let check = try ArticleFixtures.check(file)
        #expect(check.claims.map(\.text) == expected.compactMap { $0["text"] as? String }, "\(file): claims found")
        for (k, (want, got)) in zip(expected, check.claims).enumerated() {
            let differences = Self.differences(want, got, check: check)
            #expect(differences.isEmpty, "\(file) claim \(k + 1) \(got.text): \(differences.joined(separator: "; "))")
        }
    }

    static func differences(_ want: Object, _ got: ArticleClaim, check: ArticleCheck) -> [String] {
        var out: [String] = []
        func same(_ field: String, _ expected: Any?, _ actual: Any?) {
            let e = expected.map { "\($0)" } ?? "nil"
            let a = actual.map { "\($0)" } ?? "nil"
            let eNull = expected == nil || expected is NSNull
            let aNull = actual == nil
            if eNull && aNull { return }
            if e != a || eNull != aNull { out.append("\(field): expected \(eNull ? "null" : e), got \(aNull ? "null" : a)") }
        }
        func optional(_ value: Any?) -> Any? { value is NSNull ? nil : value }
        let claim = got.claim

        if let span = want["span"] as? Object {
            same("span.chars", (span["chars"] as? [Int]).map { "\($0)" }, "[\(got.span.characters.lowerBound), \(got.span.characters.upperBound)]")
            same("span.utf8", (span["utf8"] as? [Int]).map { "\($0)" }, "[\(got.span.utf8.lowerBound), \(got.span.utf8.upperBound)]")
        } else {
            // HTML: the file holds "S&amp;P" where the text has "S&P"; the span must cover the claim as written.
            let source = Array(String(decoding: check.article.bytes, as: UTF8.self).unicodeScalars)[got.span.characters]
            let decoded = String(String.UnicodeScalarView(source)).replacingOccurrences(of: "&amp;", with: "&")
            same("span (decoded)", want["text"], decoded)
        }
        same("index_text", want["index_text"], got.indexText)
        same("index", want["index"], got.index.name)
        same("series", optional(want["series"]).flatMap { ArticleFixtures.seriesNames["\($0)"] }, got.series)
        same("direction_text", optional(want["direction_text"]), claim.directionText)
        let direction = claim.direction.map { $0 == .unchanged ? "flat" : $0.rawValue }
        same("direction", optional(want["direction"]), direction)
        let claimed = want["claimed"] as? Object ?? [:]
        same("claimed.points", ArticleFixtures.digits(optional(claimed["points"]) as? String), claim.points?.text)
        same("claimed.percent", ArticleFixtures.digits(optional(claimed["percent"]) as? String), claim.percent?.text)
        same("claimed.level", ArticleFixtures.digits(optional(claimed["level"]) as? String), claim.level?.text)
        same("days_text", optional(want["days_text"]), claim.days?.text)
        same("days_from", optional(want["days_from"]), got.daysSource?.rawValue)
        switch (optional(want["days"]) as? Object, got.days) {
        case (nil, nil): break
        case (let days?, .dates(let resolved)?):
            same("days.from", days["from"], resolved.first.iso)
            same("days.to", days["to"], resolved.last.iso)
        case (let days?, .sessions(let count, let ending)?):
            same("days.sessions", days["sessions"], count)
            same("days.ending", days["ending"], ending?.iso)
        case (let days, let actual): out.append("days: expected \(String(describing: days)), got \(String(describing: actual))")
        }
        same("level_session", optional(want["level_session"]), got.check?.levelSession?.iso)
        if let sessions = optional(want["sessions"]) as? Object {
            if let move = got.check?.move {
                same("sessions.first", sessions["first"], move.firstDay.iso)
                same("sessions.last", sessions["last"], move.endDay.iso)
                same("sessions.count", sessions["count"], move.sessionCount)
                same("sessions.base", sessions["base"], move.baseDay.iso)
            } else {
                out.append("sessions: expected \(sessions), got no move")
            }
        } else if got.check?.move != nil {
            out.append("sessions: expected none, got a move")
        }
        if let actual = optional(want["actual"]) as? Object, let move = got.check?.move {
            func near(_ field: String, _ expected: Any?, _ value: Double, _ tolerance: Double) {
                guard let number = expected as? Double else { return out.append("\(field): not in expected.json") }
                if abs(number - value) > tolerance { out.append("\(field): expected \(number), got \(value)") }
            }
            // The S&P 500 fixture has float32 noise (4372.589844 for 4372.59): closes to the cent.
            near("actual.base_close", actual["base_close"], move.baseClose, 0.005)
            near("actual.end_close", actual["end_close"], move.endClose, 0.005)
            near("actual.points", actual["points"], move.points, 0.006)
            near("actual.percent", actual["percent"], move.percent, 1e-5)
        }
        let verdicts = want["verdicts"] as? Object ?? [:]
        let parts = Dictionary(got.verdicts.parts.map { ($0.name, $0.verdict) }, uniquingKeysWith: { a, _ in a })
        for (name, verdict) in verdicts { same("verdicts.\(name)", verdict, parts[name]) }
        for name in parts.keys where verdicts[name] == nil { out.append("verdicts.\(name): not expected, got \(parts[name] ?? "")") }
        same("holds", optional(want["holds"]).map { ($0 as? Bool) == true ? "true" : "false" }, got.holds.map { $0 ? "true" : "false" })
        return out
    }

    // MARK: - Events

    @Test(arguments: ArticleFixtures.files)
    func events(file: String) throws {
        let expected = try ArticleFixtures.article(file)["events"] as? [Object] ?? []
        let check = try ArticleFixtures.check(file)
        #expect(check.events.map(\.sentenceText) == expected.compactMap { $0["sentence"] as? String }, "\(file): event sentences")
        for (want, got) in zip(expected, check.events) {
            var out: [String] = []
            if got.eventDate != want["date"] as? String { out.append("date \(got.eventDate ?? "nil"), expected \(want["date"] ?? "")") }
            if got.precision.rawValue != want["precision"] as? String { out.append("precision \(got.precision)") }
            if got.dateText != want["date_text"] as? String { out.append("date_text \(got.dateText)") }
            if got.tense.rawValue != want["tense"] as? String { out.append("tense \(got.tense)") }
            if !got.sentenceText.hasPrefix(want["starts_with"] as? String ?? "\u{0}") { out.append("does not start as expected") }
            if let offset = want["offset"] as? Object {
                if got.offset.characters.lowerBound != offset["chars"] as? Int { out.append("offset.chars \(got.offset.characters.lowerBound)") }
                if got.offset.utf8.lowerBound != offset["utf8"] as? Int { out.append("offset.utf8 \(got.offset.utf8.lowerBound)") }
            }
            #expect(out.isEmpty, "\(file) event \(got.sentenceText.prefix(40)): \(out.joined(separator: "; "))")
        }
    }

    /// Every dated sentence that is not an event, with its phrase resolved as expected.json says.
    @Test(arguments: ArticleFixtures.files)
    func notEvents(file: String) throws {
        let expected = try ArticleFixtures.article(file)["not_events"] as? [Object] ?? []
        let check = try ArticleFixtures.check(file)
        let listed = Set(expected.compactMap { $0["sentence"] as? String })
        let found = Set(check.notEvents.map(\.sentenceText))
        #expect(listed.subtracting(found).isEmpty, "\(file): not listed as not events: \(listed.subtracting(found))")
        // expected.json lists the sentences whose phrases name days, weeks, months or years; a
        // claim sentence whose only phrase is a session count ("Over the past three sessions")
        // is listed here too, as holding a claim.
        for extra in check.notEvents where !listed.contains(extra.sentenceText) {
            #expect(extra.reason.contains("claim"), "\(file): \(extra.sentenceText) is not an event for another reason: \(extra.reason)")
        }
        for want in expected {
            guard let sentence = want["sentence"] as? String, let got = check.notEvents.first(where: { $0.sentenceText == sentence }) else { continue }
            let resolved = want["resolved"] is NSNull ? nil : want["resolved"] as? String
            #expect(got.resolved?.description == resolved, "\(file): \(sentence.prefix(50)) resolved")
            if let tense = want["tense"] as? String { #expect(got.tense?.rawValue == tense, "\(file): \(sentence.prefix(50)) tense") }
            if let text = want["date_text"] as? String { #expect(got.dateText.contains(text) || text.contains(got.dateText), "\(file): date_text \(got.dateText)") }
        }
    }

    // MARK: - Coverage

    @Test(arguments: ArticleFixtures.files)
    func coverage(file: String) throws {
        let expected = try ArticleFixtures.article(file)["coverage"] as? [Object] ?? []
        let check = try ArticleFixtures.check(file)
        let want = expected.map { "\($0["index"] ?? ""): \($0["sentence"] ?? "")" }
        let got = check.coverage.map { "\($0.index.name): \($0.sentenceText)" }
        #expect(got == want)
    }

    // MARK: - HTML

    @Test func htmlDropsMarkupAndKeepsHostileTextAsText() throws {
        let expected = try ArticleFixtures.article("market-page.html")
        let article = try Article.load(path: CLI.fixture("fixtures/articles/market-page.html"))
        #expect(article.text.format == .html)
        let text = article.sentences.map(\.text).joined(separator: "\n")
        for piece in expected["dropped"] as? [String] ?? [] { #expect(!text.contains(piece), "\(piece) must be dropped") }
        for piece in expected["inert"] as? [String] ?? [] { #expect(text.contains(piece), "\(piece) must stay as text") }
    }
}
