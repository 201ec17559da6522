import Testing

@testable import MarketLink

/// The shared date-phrase reader against fixed publication dates. Each expected date is worked
/// out by hand from the news-mode rules (DESIGN §7, fixtures/articles/README.md "Date rules"):
/// P = Friday 2023-06-09 (the politics fixture), and P = Tuesday 2023-01-03 for the year boundary.
@Suite struct DatePhraseReaderTests {
    static let friday = Day(year: 2023, month: 6, day: 9)
    static let newYear = Day(year: 2023, month: 1, day: 3)

    /// (phrase, tense, what it names: `YYYY-MM-DD`, `first..last`, `YYYY-MM` for a month, `YYYY`
    /// for a year, or nil).
    static let june9: [(String, Tense, String?)] = [
        // Weekdays: past is the latest on or before P (P itself for "on Friday"); future the first after.
        ("on Friday", .past, "2023-06-09"), ("on Friday", .future, "2023-06-16"),
        ("On Monday", .past, "2023-06-05"), ("on Monday", .future, "2023-06-12"),
        ("Thursday", .past, "2023-06-08"), ("on Thu", .past, "2023-06-08"),
        ("last Friday", .past, "2023-06-02"), ("next Wednesday", .past, "2023-06-14"), ("next Wednesday", .future, "2023-06-14"),
        ("this Monday", .past, "2023-06-05"),
        // Several weekdays and ranges end at the last one so placed.
        ("on Wednesday and Thursday", .past, "2023-06-07..2023-06-08"), ("on Thursday and Friday", .past, "2023-06-08..2023-06-09"),
        ("on Monday, Tuesday and Wednesday", .past, "2023-06-05..2023-06-07"), ("From Monday to Wednesday", .past, "2023-06-05..2023-06-07"),
        ("between Tuesday and Thursday", .past, "2023-06-06..2023-06-08"), ("Tuesday–Thursday", .past, "2023-06-06..2023-06-08"),
        // Month and day: P's year, unless after P in a past sentence (or before it in a future one).
        ("On May 8", .past, "2023-05-08"), ("on June 30", .past, "2022-06-30"), ("on June 30", .future, "2023-06-30"),
        ("on May 8", .future, "2024-05-08"), ("June 8th", .past, "2023-06-08"), ("8 June", .past, "2023-06-08"),
        ("June 8, 2023", .future, "2023-06-08"), ("Friday, June 9, 2023", .past, "2023-06-09"), ("Thursday, June 9, 2023", .past, nil),
        ("June 7–8, 2023", .past, "2023-06-07..2023-06-08"), ("from June 1 to June 14", .past, "2022-06-01..2022-06-14"),
        ("from June 1 to June 14", .future, "2023-06-01..2023-06-14"),
        ("2023-06-08", .past, "2023-06-08"), ("Sept. 30", .past, "2022-09-30"), ("February 30", .past, nil),
        // Months.
        ("Last December", .past, "2022-12"), ("last June", .past, "2022-06"), ("next March", .past, "2024-03"),
        ("In April", .past, "2023-04"), ("in August", .past, "2022-08"), ("in August", .future, "2023-08"), ("in April", .future, "2024-04"),
        ("in early June", .past, "2023-06"), ("December 2022", .past, "2022-12"), ("last month", .past, "2023-05"), ("this month", .past, "2023-06"),
        // Weeks and days relative to P.
        ("This week", .past, "2023-06-05..2023-06-09"), ("this week", .future, "2023-06-05..2023-06-11"),
        ("last week", .past, "2023-05-29..2023-06-04"), ("next week", .future, "2023-06-12..2023-06-18"),
        ("yesterday", .past, "2023-06-08"), ("today", .past, "2023-06-09"), ("tomorrow", .future, "2023-06-10"),
        // Years name no day.
        ("in 1957", .past, "1957"), ("for 2023", .past, "2023"), ("last year", .past, "2022"),
        // Sessions depend on a market, not the calendar.
        ("Over the past three sessions", .past, nil), ("over the 10 sessions", .past, nil),
        // Chinese: no tense marking in the phrase; the sentence's tense places it.
        ("周五", .past, "2023-06-09"), ("周一", .past, "2023-06-05"), ("星期四", .past, "2023-06-08"), ("周三", .future, "2023-06-14"),
        ("上周五", .past, "2023-06-02"), ("下周三", .future, "2023-06-14"), ("本周五", .past, "2023-06-09"),
        ("周四和周五", .past, "2023-06-08..2023-06-09"), ("周一至周三", .past, "2023-06-05..2023-06-07"),
        ("本周", .past, "2023-06-05..2023-06-09"), ("上周", .past, "2023-05-29..2023-06-04"), ("下周", .future, "2023-06-12..2023-06-18"),
        ("6月7日", .past, "2023-06-07"), ("6月30日", .past, "2022-06-30"), ("2023年6月9日", .past, "2023-06-09"),
        ("2023年06月09日", .past, "2023-06-09"), ("6月7日至9日", .past, "2023-06-07..2023-06-09"), ("5月", .past, "2023-05"),
        ("上月", .past, "2023-05"), ("昨天", .past, "2023-06-08"), ("今日", .past, "2023-06-09"), ("去年", .past, "2022"),
        ("近三个交易日", .past, nil),
    ]

    /// Around a new year: an article of Tuesday 2023-01-03.
    static let january3: [(String, Tense, String?)] = [
        ("On December 30", .past, "2022-12-30"), ("On December 30", .future, "2023-12-30"), ("On Dec. 7", .past, "2022-12-07"),
        ("On Dec. 26", .past, "2022-12-26"), ("on Jan. 8", .future, "2023-01-08"), ("on Jan. 8", .past, "2022-01-08"),
        ("Jan. 3, 2023", .past, "2023-01-03"), ("last Friday", .past, "2022-12-30"), ("on Friday", .past, "2022-12-30"),
        ("on Monday", .past, "2023-01-02"), ("on Tuesday", .past, "2023-01-03"), ("on Monday", .future, "2023-01-09"),
        ("In December", .past, "2022-12"), ("In December", .future, "2023-12"), ("last December", .past, "2022-12"),
        ("last month", .past, "2022-12"), ("this week", .past, "2023-01-02..2023-01-03"), ("last week", .past, "2022-12-26..2023-01-01"),
        ("from Friday to Tuesday", .past, "2022-12-30..2023-01-03"), ("December 28 to January 3, 2023", .past, "2022-12-28..2023-01-03"),
        ("on Friday and Tuesday", .past, "2022-12-30..2023-01-03"), ("yesterday", .past, "2023-01-02"), ("12月30日", .past, "2022-12-30"),
    ]

    static func resolved(_ text: String, _ tense: Tense, published: Day?) throws -> String? {
        let phrase = try #require(DatePhraseReader.phrase(text), "\(text) is not read as a date phrase")
        #expect(phrase.text == text, "\(text): the phrase keeps its text")
        return phrase.resolved(publishedOn: published, tense: tense)?.description
    }

    @Test(arguments: june9)
    func resolvesAgainstFridayJune9(text: String, tense: Tense, expected: String?) throws {
        #expect(try Self.resolved(text, tense, published: Self.friday) == expected)
    }

    @Test(arguments: january3)
    func resolvesAcrossTheYearBoundary(text: String, tense: Tense, expected: String?) throws {
        #expect(try Self.resolved(text, tense, published: Self.newYear) == expected)
    }

    /// (phrase, precision).
    @Test(arguments: [
        ("On May 8", DatePrecision.day), ("Last December", .month), ("in April", .month), ("this week", .week), ("in 1957", .year),
        ("yesterday", .day), ("over the past three sessions", .day), ("本周", .week), ("6月", .month),
    ])
    func keepsItsPrecision(text: String, precision: DatePrecision) throws {
        let phrase = try #require(DatePhraseReader.phrase(text))
        #expect(phrase.precision == precision)
        if let resolved = phrase.resolved(publishedOn: Self.friday, tense: .past) { #expect(resolved.precision == precision) }
    }

    @Test func sessionCounts() throws {
        #expect(try #require(DatePhraseReader.phrase("Over the past three sessions")).sessionCount == 3)
        #expect(try #require(DatePhraseReader.phrase("in the last 5 trading days")).sessionCount == 5)
        #expect(try #require(DatePhraseReader.phrase("近三个交易日")).sessionCount == 3)
    }

    /// Only dates written with their year (and years) are placed without a publication date.
    @Test func withoutAPublicationDate() throws {
        #expect(try Self.resolved("June 8, 2023", .past, published: nil) == "2023-06-08")
        #expect(try Self.resolved("December 2022", .past, published: nil) == "2022-12")
        #expect(try Self.resolved("on Friday", .past, published: nil) == nil)
        #expect(try Self.resolved("On May 8", .past, published: nil) == nil)
        #expect(try #require(DatePhraseReader.phrase("yesterday")).needsPublicationDate)
        #expect(!(try #require(DatePhraseReader.phrase("June 8, 2023")).needsPublicationDate))
    }

    // MARK: - Running text

    /// (sentence, the phrases found, as written).
    @Test(arguments: [
        ("On May 8, China's Foreign Minister Qin Gang met with US Ambassador Nicholas Burns in Beijing.", ["On May 8"]),
        ("Earlier on Thursday, China's central bank cut a one-year lending rate to 2.65%.", ["on Thursday"]),
        ("On December 30, the last session of 2022, the Shanghai Composite rose 15.56 points.", ["On December 30", "of 2022"]),
        ("By Lin Wei and Sarah Hoffman | Friday, June 9, 2023", ["Friday, June 9, 2023"]),
        ("2023-06-02 17:05:21 | Wire-style fixture written for MarketLink", ["2023-06-02"]),
        ("国家统计局6月9日公布，全国居民消费价格指数（CPI）同比上涨0.2%。", ["6月9日"]),
        ("本周，上证指数累计上涨0.04%，恒生指数累计上涨2.32%。", ["本周"]),
        ("恒生指数周五上涨90.77点，涨幅0.47%，收于19389.95点。", ["周五"]),
        // Not dates: a verb "may", times of day, "No. 1", numbers, "the week", "20-year", an address.
        ("Stocks may rise 5% as the week goes on, one trader said at 10 a.m.", []),
        ("Taiwan remains the No. 1 source of friction; the index closed at 3,231.41.", []),
        ("Mr. Lee keeps a 20-year chart at 151 W. 42nd St. where 2,000 points mattered.", []),
        ("Stocks suffer their worst day in two years after hot inflation report", []),
    ])
    func findsThePhrasesOfASentence(sentence: String, expected: [String]) {
        #expect(DatePhraseReader.phrases(in: sentence).map(\.text) == expected)
    }

    @Test func phrasesKeepTheirPlace() throws {
        let sentence = "Officials met on Monday and again on Friday."
        let phrases = DatePhraseReader.phrases(in: sentence)
        #expect(phrases.map(\.text) == ["on Monday", "on Friday"])
        let scalars = Array(sentence.unicodeScalars)
        for phrase in phrases { #expect(String(String.UnicodeScalarView(scalars[phrase.range])) == phrase.text) }
    }

    // MARK: - Tense

    /// (sentence, tense).
    @Test(arguments: [
        ("US and Chinese trade officials will speak again on Monday.", Tense.future),
        ("The House will vote on the bill on Wednesday.", .future),
        ("Investors'll get a reading on June 30.", .future),
        ("The Fed is expected to raise rates next month.", .future),
        ("China will release trade figures next Wednesday.", .future),
        ("Blinken travels to Beijing next week.", .future),
        ("On Thursday, the White House disputed a report that China would build an eavesdropping station in Cuba.", .past),
        ("The Dow Jones index has increased 258 points on Wednesday and Thursday.", .past),
        ("The report was expected to show a rise, and it did on Tuesday.", .past),
        ("下周，美联储将公布利率决议。", .future),
        ("6月7日，海关总署公布数据显示，以美元计我国出口同比下降7.5%。", .past),
        ("成交额将近一万亿元。", .past),
    ])
    func tense(sentence: String, expected: Tense) {
        let tokens = TextToken.tokenize(sentence)
        let phrases = DatePhraseReader.phrases(in: sentence)
        #expect(TenseReader.tense(of: tokens, phrases: phrases) == expected)
    }

    // MARK: - Dates for events add

    /// (what is typed, the date cell written) for `mlink events add --date` on Friday 2023-06-09.
    @Test(arguments: [
        ("yesterday", "2023-06-08"), ("last Tuesday", "2023-06-06"), ("on Tuesday", "2023-06-06"), ("June 8", "2023-06-08"),
        ("June 8, 2022", "2022-06-08"), ("last December", "2022-12"), ("in April", "2023-04"), ("next Monday", "2023-06-12"),
        ("tomorrow", "2023-06-10"),
    ])
    func eventDates(text: String, expected: String) throws {
        let friday = try #require(Self.friday)
        let (date, _) = try #require(try DatePhraseReader.eventDate(text, today: friday))
        #expect(date == expected)
    }

    @Test(arguments: ["this week", "in 1957", "over the past three sessions", "on Monday and Tuesday"])
    func eventDatesRefuseWhatIsNotOneDay(text: String) throws {
        let friday = try #require(Self.friday)
        let error = try #require(throws: MarketLinkError.self) { _ = try DatePhraseReader.eventDate(text, today: friday) }
        #expect(error.kind == .usage)
    }

    @Test func aTypoIsNoPhrase() throws {
        #expect(try DatePhraseReader.eventDate("yesterdya", today: try #require(Self.friday)) == nil)
    }
}
