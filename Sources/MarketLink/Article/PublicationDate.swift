// MARK: - Publication date

/// The day an article was published (P), which every relative date in it counts from, and how
/// it was found.
public struct PublicationDate: Sendable, Hashable {
    /// Where P came from, in the order they are tried (DESIGN §7).
    public enum Source: String, Sendable, Hashable, CaseIterable {
        /// Given by the caller (`mlink article` takes it with `--published DATE`).
        case given
        /// A wire dateline: "BEIJING, June 2 (Xinhua) --", 新华社上海6月9日电 (the year, when the
        /// dateline has none, from the time stamp line or another reading that agrees).
        case dateline
        /// HTML `<meta property="article:published_time">` and its kin.
        case meta
        /// `"datePublished"` in the page's JSON-LD.
        case jsonLD = "json-ld"
        /// The page's first `<time datetime>`.
        case timeElement = "time element"
        /// A byline with a date: "By Lin Wei | Friday, June 9, 2023".
        case byline
        /// A line that is a date and a time: "2023-06-02 17:05:21 | ...", "2023年06月09日 16:05".
        case timeStamp = "time stamp"
        /// The one session whose close every claimed level matches.
        case claimedLevel = "claimed level"
    }

    /// The publication date.
    public var day: Day
    /// Where it was found: given, dateline, markup, byline, time stamp or claimed level.
    public var source: Source
    /// What it was read from, as written: the dateline, the byline, the `<meta>` tag, the level.
    public var text: String
    /// Other readings that agree, or (for a given date) disagree.
    public var notes: [String]

    /// A publication date found in `source`, read from `text`.
    public init(day: Day, source: Source, text: String, notes: [String] = []) {
        self.day = day
        self.source = source
        self.text = text
        self.notes = notes
    }
}

/// One place an article states its date.
struct DateReading: Sendable {
    var source: PublicationDate.Source
    /// The day, when the reading gives a whole date.
    var day: Day?
    /// A month and day without a year (a dateline such as "June 2").
    var monthDay: ClaimedDate?
    var text: String
    /// Where it is in the file (Unicode scalars), for messages.
    var sourceCharacter: Int
    /// The paragraph (byline, time stamp) or the readable range (dateline) it takes up, so that
    /// its dates are not read as events or as a claim's days.
    var paragraph: Int?
    var readable: Range<Int>?

    var described: String {
        let what: String
        switch source {
        case .given: what = "the given date"
        case .dateline: what = "the dateline"
        case .meta: what = "the page's published-time metadata"
        case .jsonLD: what = "the page's JSON-LD datePublished"
        case .timeElement: what = "the page's <time datetime>"
        case .byline: what = "the byline"
        case .timeStamp: what = "the time stamp"
        case .claimedLevel: what = "the claimed level"
        }
        return "\(what) (\(quoted(text, limit: 80)))"
    }
}

// MARK: - Finder

/// Finds where an article states its date: the dateline, the HTML metadata, a dated byline, a
/// time stamp line — in the first twelve paragraphs, and in the page's markup.
enum PublicationDateFinder {
    static let paragraphsRead = 12

    static func readings(in article: Article) -> [DateReading] {
        var readings: [DateReading] = []
        let text = article.text
        for date in text.markupDates {
            guard let day = markupDay(date.value) else { continue }
            if date.kind == .timeElement, readings.contains(where: { $0.source == .timeElement }) { continue }
            let source: PublicationDate.Source = date.kind == .meta ? .meta : date.kind == .jsonLD ? .jsonLD : .timeElement
            if source == .meta, readings.contains(where: { $0.source == .meta }) { continue }
            readings.append(DateReading(source: source, day: day, text: date.markup, sourceCharacter: date.sourceStart))
        }
        for (index, paragraph) in text.paragraphs.prefix(paragraphsRead).enumerated() {
            let tokens = TextToken.tokenize(text.scalars[paragraph])
            guard !tokens.isEmpty else { continue }
            let phrases = DatePhraseReader.phrases(in: tokens, scalars: text.scalars)
            let location = text.sourceSpan(paragraph).characters.lowerBound
            if let stamp = timeStamp(tokens, phrases: phrases) {
                readings.append(
                    DateReading(source: .timeStamp, day: stamp.0, text: stamp.1, sourceCharacter: location, paragraph: index))
                continue
            }
            if let byline = byline(tokens, phrases: phrases, text: text, paragraph: paragraph) {
                readings.append(
                    DateReading(source: .byline, day: byline, text: text.text(paragraph), sourceCharacter: location, paragraph: index))
                continue
            }
            if let dateline = dateline(tokens, phrases: phrases, text: text), !readings.contains(where: { $0.source == .dateline }) {
                var reading = DateReading(
                    source: .dateline, day: nil, monthDay: dateline.date, text: text.text(dateline.range), sourceCharacter: location)
                reading.readable = dateline.range
                if dateline.date.year != nil { reading.day = dateline.date.day(inYear: 0) }
                readings.append(reading)
            }
        }
        return readings
    }

    /// The date of a markup value: `2023-06-23`, `2023-06-23T17:45:00-04:00` (the date at its own
    /// offset), `2023-06-23 17:45`.
    static func markupDay(_ value: String) -> Day? {
        let trimmed = value.trimmingWhitespace
        if let written = try? EventFieldReader.date(trimmed) { return written.day }
        if trimmed.utf8.count >= 10, let day = Day(iso: String(trimmed.prefix(10))) { return day }
        return nil
    }

    /// A paragraph that starts with a whole date followed by a time: "2023-06-02 17:05:21 | ...".
    static func timeStamp(_ tokens: [TextToken], phrases: [DatePhrase]) -> (Day, String)? {
        guard let first = phrases.first, first.range.lowerBound == tokens[0].range.lowerBound,
            case .dates(let date, let last, _) = first.kind, date == last, date.year != nil, let day = date.day(inYear: 0)
        else { return nil }
        guard let after = tokens.firstIndex(where: { $0.range.lowerBound >= first.range.upperBound }), after + 2 < tokens.count,
            tokens[after].number != nil, tokens[after + 1].kind == .colon, tokens[after + 2].number != nil
        else { return nil }
        return (day, first.text)
    }

    /// A byline ("By ...", "Published ...", "Posted ...") with a whole date.
    static func byline(_ tokens: [TextToken], phrases: [DatePhrase], text: ArticleText, paragraph: Range<Int>) -> Day? {
        guard let lead = tokens.first?.word, ["by", "published", "posted"].contains(lead),
            text.scalars[tokens[0].range.lowerBound].properties.isUppercase
        else { return nil }
        for phrase in phrases {
            if case .dates(let first, let last, _) = phrase.kind, first == last, first.year != nil {
                return phrase.resolved(publishedOn: nil, tense: .past)?.first
            }
        }
        return nil
    }

    /// A wire dateline at the start of a paragraph: a place in capitals, a comma, a date, an
    /// optional "(Agency)" and a dash ("BEIJING, June 2 (Xinhua) --"); or a Chinese one ending in
    /// 电 (新华社上海6月9日电).
    static func dateline(_ tokens: [TextToken], phrases: [DatePhrase], text: ArticleText) -> (date: ClaimedDate, range: Range<Int>)? {
        // Chinese: a date right before 电, within the first 20 tokens.
        for phrase in phrases {
            guard case .dates(let date, let last, _) = phrase.kind, date == last else { continue }
            guard let after = tokens.firstIndex(where: { $0.range.lowerBound >= phrase.range.upperBound }), after < 24,
                tokens[after].word == "电", tokens[after].isIdeograph
            else { continue }
            return (date, tokens[0].range.lowerBound..<tokens[after].range.upperBound)
        }
        // English: capitals, comma, date, (Agency), dash.
        var k = 0
        var places = 0
        while k < tokens.count, k < 8 {
            if case .word = tokens[k].kind, isCapitals(tokens[k], text) {
                places += 1
                k += 1
            } else if tokens[k].kind == .period || tokens[k].kind == .dash, places > 0, k + 1 < tokens.count, case .word = tokens[k + 1].kind,
                isCapitals(tokens[k + 1], text)
            {
                k += 1
            } else {
                break
            }
        }
        guard places > 0, k < tokens.count, tokens[k].kind == .comma else { return nil }
        k += 1
        guard k < tokens.count, let phrase = phrases.first(where: { $0.range.lowerBound == tokens[k].range.lowerBound }),
            case .dates(let date, let last, _) = phrase.kind, date == last
        else { return nil }
        while k < tokens.count, tokens[k].range.lowerBound < phrase.range.upperBound { k += 1 }
        if k < tokens.count, tokens[k].kind == .open {
            var m = k + 1
            while m < tokens.count, m - k < 6, tokens[m].kind != .close { m += 1 }
            guard m < tokens.count, tokens[m].kind == .close else { return nil }
            k = m + 1
        }
        guard k < tokens.count, tokens[k].kind == .dash else { return nil }
        while k + 1 < tokens.count, tokens[k + 1].kind == .dash { k += 1 }
        return (date, tokens[0].range.lowerBound..<tokens[k].range.upperBound)
    }

    static func isCapitals(_ token: TextToken, _ text: ArticleText) -> Bool {
        let scalars = text.scalars[token.range]
        return scalars.count >= 2 && scalars.allSatisfy { !TextToken.isLetter($0) || $0.properties.isUppercase }
    }

    /// P from the readings: the one with the highest precedence, when all that give a whole date
    /// agree (a dateline without a year takes it from one that agrees on the month and day).
    /// Readings that disagree are an error, unless `given` settles it (then they are notes).
    static func decide(_ readings: [DateReading], given: Day?, article: Article) throws(MarketLinkError) -> (PublicationDate?, [DateReading]) {
        var readings = readings
        // A dateline's year.
        if let index = readings.firstIndex(where: { $0.source == .dateline && $0.day == nil }), let monthDay = readings[index].monthDay {
            let whole = readings.filter { $0.day != nil && $0.source != .dateline }
            if let agreeing = whole.first(where: { $0.day.map { $0.month == monthDay.month && $0.dayOfMonth == monthDay.day } ?? false }) {
                readings[index].day = agreeing.day
            } else if let other = whole.first(where: { $0.source == .timeStamp }) ?? whole.first, let year = other.day?.year {
                readings[index].day = monthDay.day(inYear: year)
            }
        }
        let whole = readings.filter { $0.day != nil }
        if let given {
            let notes = whole.compactMap { reading -> String? in
                guard let day = reading.day, day != given else { return nil }
                return "\(reading.described) says \(day.iso); the given date \(given.iso) was used"
            }
            return (PublicationDate(day: given, source: .given, text: given.iso, notes: notes), readings)
        }
        let order = PublicationDate.Source.allCases
        let sorted = whole.sorted { (order.firstIndex(of: $0.source) ?? 0) < (order.firstIndex(of: $1.source) ?? 0) }
        guard let chosen = sorted.first, let day = chosen.day else { return (nil, readings) }
        if let other = sorted.first(where: { $0.day != day }), let otherDay = other.day {
            throw MarketLinkError(
                .conflictingPublicationDates(first: chosen.described, firstDate: day, second: other.described, secondDate: otherDay),
                at: article.location(ofSource: other.sourceCharacter))
        }
        let notes = sorted.dropFirst().map { "\($0.described) agrees" }
        return (PublicationDate(day: day, source: chosen.source, text: chosen.text, notes: notes), readings)
    }
}
