import Testing
@testable import MarketLink

@Suite struct ClaimReaderTests {
    /// A fixed, readable digest of what was read, written by the test (not by the reader):
    /// direction | points | percent | level | from | weekdays / range / count / dates.
    static func digest(_ claim: Claim) -> String {
        var parts: [String] = [claim.direction?.rawValue ?? "no direction"]
        if let points = claim.points { parts.append("points \(points.phrase)") }
        if let percent = claim.percent { parts.append("percent \(percent.phrase)") }
        if let level = claim.level { parts.append("level \(level.phrase)") }
        if let base = claim.baseLevel { parts.append("from \(base.phrase)") }
        if let days = claim.days {
            switch days.weekdays {
            case .list(let names): parts.append("weekdays \(names.map(String.init).joined(separator: ","))")
            case .range(let a, let b): parts.append("range \(a)-\(b)")
            case nil: break
            }
            if let count = days.sessionCount { parts.append("count \(count)") }
            if let first = days.firstDate, let last = days.lastDate {
                func text(_ d: ClaimedDate) -> String { "\(d.year.map { "\($0)-" } ?? "")\(d.month)-\(d.day)" }
                parts.append(first == last ? "date \(text(last))" : "dates \(text(first))..\(text(last))")
            }
        }
        return parts.joined(separator: " | ")
    }

    @Test(arguments: [
        (
            "increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday",
            "up | points 258 | percent 0.8 | level 33,833.61 | weekdays 3,4"
        ),
        (
            "surged by 31 points, or 1%, to 3,231.41 on Thursday and Friday",
            "up | points 31 | percent 1 | level 3,231.41 | weekdays 4,5"
        ),
        ("The Dow fell 1.2 percent to 33,800 on Thursday", "down | percent 1.2 | level 33,800 | weekdays 4"),
        ("The S&P 500 slid 0.5 per cent from Tuesday to Thursday", "down | percent 0.5 | range 2-4"),
        ("was up 0.78% at 33,833.61", "up | percent 0.78 | level 33,833.61"),
        ("was down more than 200 points on June 8", "down | points more than 200 | date 6-8"),
        (
            "rose 260.33 points (0.78%) to 33,833.61 on Thursday, June 8, 2023",
            "up | points 260.33 | percent 0.78 | level 33,833.61 | weekdays 4 | date 2023-6-8"
        ),
        ("closed at 33,833.61, up 260.33 points", "up | points 260.33 | level 33,833.61"),
        ("ended 260 points higher at 33,833.61", "up | points 260 | level 33,833.61"),
        ("was unchanged at 33,833.61 on Thursday", "unchanged | level 33,833.61 | weekdays 4"),
        ("closed at 33,833.61", "no direction | level 33,833.61"),
        ("rose from 33,573.28 to 33,833.61", "up | level 33,833.61 | from 33,573.28"),
        (
            "rose 1,071.06 points, or 3.25%, to 33,979.33 over the 10 sessions from June 1 to June 14, 2023.",
            "up | points 1,071.06 | percent 3.25 | level 33,979.33 | count 10 | dates 2023-6-1..2023-6-14"
        ),
        (
            "fell 84.43 points, or 0.25%, to 33,136.37 on Friday and Tuesday (December 30, 2022–January 3, 2023).",
            "down | points 84.43 | percent 0.25 | level 33,136.37 | weekdays 5,2 | dates 2022-12-30..2023-1-3"
        ),
        (
            "rose 669.42 points, or 2.02%, to 33,762.76 from Tuesday to Friday (May 30–June 2, 2023).",
            "up | points 669.42 | percent 2.02 | level 33,762.76 | range 2-5 | dates 2023-5-30..2023-6-2"
        ),
        (
            "rose 18.79 points, or 0.06%, to 33,061.57 on Wednesday and Thursday (May 31–June 1, 2023).",
            "up | points 18.79 | percent 0.06 | level 33,061.57 | weekdays 3,4 | dates 2023-5-31..2023-6-1"
        ),
        ("The Dow rose 258 to 33,833.61", "up | points 258 | level 33,833.61"),
        ("tumbled nearly 2% on Monday, Tuesday and Wednesday", "down | percent nearly 2 | weekdays 1,2,3"),
        ("jumped about 300 points between Tuesday and Thursday", "up | points about 300 | range 2-4"),
        ("lost 0.5% on 2023-06-14", "down | percent 0.5 | date 2023-6-14"),
        ("shed 232.79 points on 14 June 2023", "down | points 232.79 | date 2023-6-14"),
        ("added 1.5% over two sessions", "up | percent 1.5 | count 2"),
        ("declined less than 0.1 pct on Thu", "down | percent less than 0.1 | weekdays 4"),
        ("advanced 0.8 percent to close at 33,833.61 for the day", "up | percent 0.8 | level 33,833.61"),
        ("climbed 0.8%, to end the week at 33,876.78", "up | percent 0.8 | level 33,876.78"),
        ("gained 1% from December 28 to January 3, 2023", "up | percent 1 | dates 2022-12-28..2023-1-3"),
        ("The Dow lost 0.3% Thursday", "down | percent 0.3 | weekdays 4"),
        ("The index rose 1% on Tuesday through Thursday", "up | percent 1 | range 2-4"),
    ])
    func reads(text: String, expected: String) throws {
        let claim = try ClaimReader.read(text)
        #expect(Self.digest(claim) == expected)
        #expect(claim.text == text)
    }

    /// Days relative to when the claim was written come from the shared date-phrase reader
    /// ("yesterday" was unreadable before it); a check places them only with a publication date.
    @Test(arguments: [
        ("rose 1% yesterday", "yesterday"), ("fell 0.5% last Friday", "last Friday"), ("gained 2% this week", "this week"),
        ("上证指数收报3231.41点，涨0.55%", nil), ("恒生指数周五上涨90.77点", "周五"),
    ] as [(String, String?)])
    func readsRelativeDays(text: String, days: String?) throws {
        let claim = try ClaimReader.read(text)
        #expect(claim.days?.text == days)
    }

    @Test func chineseLevelFirst() throws {
        let claim = try ClaimReader.read("上证指数收报3231.41点，涨0.55%")
        #expect(Self.digest(claim) == "up | percent 0.55 | level 3231.41")
        #expect(claim.subject == "上证指数")
        #expect(claim.directionText == "涨")
    }

    @Test func keepsTheWordsAsWritten() throws {
        let claim = try ClaimReader.read("The Dow increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday (June 7–8, 2023).")
        #expect(claim.subject == "The Dow")
        #expect(claim.verb == "increased")
        #expect(claim.directionText == "increased")
        #expect(claim.days?.text == "on Wednesday and Thursday (June 7–8, 2023)")
        let level = try #require(claim.level)
        #expect(level.value == 33833.61)
        #expect(level.decimals == 2)
        #expect(level.text == "33,833.61")
    }

    /// (claim, the message it must give, word for word).
    @Test(arguments: [
        ("", "the claim is empty; write it as e.g. \"rose 258 points, or 0.8%, to 33,833.61 on Thursday\""),
        (
            "258 points, or 0.8%",
            "cannot find a verb in \"258 points, or 0.8%\"; a claim needs one such as \"rose\", \"fell\", \"gained\", \"lost\", \"was up\" or \"was unchanged at\""
        ),
        ("rose by a lot", "cannot read \"by a lot\" as points or percent"),
        ("rose 258 points to a record high", "cannot read \"to a record high\" as a level; write it as \"to 33,833.61\""),
        (
            "rose 1% on the news",
            "cannot read \"on the news\" as days; name weekdays (\"on Thursday\", \"on Wednesday and Thursday\") or a date (\"on June 8\")"
        ),
        (
            "rose 258 points, or 0.8%, 33,833.61",
            "cannot read \"33,833.61\" as points, percent or a level; write \"33,833.61 points\", \"33,833.61%\" or \"to 33,833.61\""
        ),
        ("rose 258 points and 260 points", "the claim gives points twice (\"258 points\" and \"260 points\")"),
        ("rose", "the claim gives nothing to check after \"rose\"; add points (\"258 points\"), a percent (\"0.8%\") or a level (\"to 33,833.61\")"),
        ("rose 1% to 2%", "cannot read \"to 2%\" as a level: a level is an index value, not a percent"),
        ("rose 1% lower", "the claim says both \"rose\" and \"lower\""),
        (
            "rose 1% in the afternoon",
            "cannot read \"in the afternoon\" in the claim; expected points (\"258 points\"), a percent (\"0.8%\"), a level (\"to 33,833.61\") or days (\"on Thursday\")"
        ),
        ("closed at 33,833.61, 260 points", "the claim gives a change but not its direction; say \"rose\"/\"fell\" or \"up\"/\"down\""),
        ("rose 1% on Thursday on Friday", "the claim names its days twice (\"on Thursday\" and \"on Friday\")"),
        (
            "Stocks dropped; the Dow lost 0.3% Thursday",
            "cannot read \"the Dow lost 0.3% Thursday\" in the claim; expected points (\"258 points\"), a percent (\"0.8%\"), a level (\"to 33,833.61\") or days (\"on Thursday\")"
        ),
        ("rose 1% from the lows", "cannot read \"from the lows\" as days; write \"from Tuesday to Thursday\" or \"from June 1 to June 14\""),
    ])
    func unreadable(text: String, message: String) throws {
        let error = try #require(throws: MarketLinkError.self) { try ClaimReader.read(text) }
        #expect(error.kind == .usage)
        #expect(error.message == message)
    }
}
