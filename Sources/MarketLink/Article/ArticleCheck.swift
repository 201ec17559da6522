import Foundation

// MARK: - Checking an article

/// Every market claim of an article checked against the loaded series of its index, every dated
/// event drafted, and every sentence that names an index and a number but was not read (DESIGN §7).
///
/// 1. **The publication date P**: `published` if given, else the dateline, the page's metadata
///    (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`), a dated byline, a
///    time stamp line — and when these disagree, an error that names both (unless `published`
///    settles it) — else the one session whose close every claimed level matches. Otherwise P is
///    not found, and days that count from it stay unplaced.
/// 2. **Claims**: in each sentence, each index named (`IndexNameMatcher`) followed by a verb of
///    a move and at least one of points, percent and level (`ClaimReader`, read up to the next
///    index's name). A claim's days are its own day phrase, else its sentence's (a phrase outside
///    every claim, else another claim's), placed by P. It is checked by `FactCheck` against the
///    first loaded series of the same index (by the series' index, whatever the file's name);
///    with no such series it is listed as not checked. Its internal consistency is checked with
///    no data (`ClaimConsistency`).
/// 3. **Events**: a sentence that holds no claim, is not the byline, the dateline or the time
///    stamp, is in the past tense (`TenseReader`) and has a phrase of a day or a month becomes a
///    draft, dated by its first such phrase. Other sentences with a date phrase are listed as not
///    events, with the reason.
/// 4. **Coverage**: a sentence that names an index and holds a number besides the index's own
///    name ("500" in "S&P 500" does not count), but where no claim was read for that index.
public struct ArticleCheck: Sendable {
    /// The article checked.
    public let article: Article
    /// The names of the series given, in order.
    public let seriesNames: [String]
    /// Series whose index is not known from their name, so that no claim can be attributed to
    /// them (name them `DJIA=file.csv`).
    public let unknownSeries: [String]
    /// The publication date the days were counted from, and where it was found; `nil` when none was.
    public var published: PublicationDate?
    /// Why there is no publication date, when there is none.
    public var publicationMissing: String?
    /// Every market claim read, in the order written.
    public var claims: [ArticleClaim] = []
    /// Every event draft: sentences that report a past action on a day or in a month.
    public var events: [ArticleEvent] = []
    /// Sentences with a date phrase that are not events, and why.
    public var notEvents: [ArticleNonEvent] = []
    /// Sentences that name an index and a number but were not read as a claim.
    public var coverage: [CoverageEntry] = []
    /// What event drafts name as their source.
    public let source: String
    /// The caller's names for its settings, for the notes that point to them.
    public let vocabulary: ToolVocabulary

    /// Checks `article` against `series`. Throws a data error when the article states two
    /// different publication dates and `published` does not settle which.
    public init(
        article: Article, series: [Series], published given: Day? = nil, source: String? = nil, vocabulary: ToolVocabulary = .none
    ) throws(MarketLinkError) {
        self.article = article
        self.vocabulary = vocabulary
        self.seriesNames = series.map(\.name)
        self.unknownSeries = series.filter { $0.index == nil }.map(\.name)
        self.source = source ?? article.file
        let scalars = article.text.scalars

        let (decided, readings) = try PublicationDateFinder.decide(PublicationDateFinder.readings(in: article), given: given, article: article)
        published = decided
        let ownParagraphs = Dictionary(
            readings.compactMap { reading in reading.paragraph.map { ($0, reading.source) } }, uniquingKeysWith: { first, _ in first })
        let dateline = readings.first { $0.source == .dateline }?.readable

        // Pass 1: tokens, index names, date phrases and claims of each sentence.
        let analyses = SentenceAnalysis.all(article.sentences, scalars: scalars, dateline: dateline)

        // Pass 2: P from the claimed levels, when nothing else gave it.
        if published == nil {
            (published, publicationMissing) = Self.fromClaimedLevels(analyses, series: series)
        }
        let p = published?.day

        // Pass 3: claims, each checked on its own (on two threads when there are many).
        claims = Self.claims(analyses, series: series, published: p, article: article, vocabulary: vocabulary)

        // Pass 4: events, not events, coverage.
        for (number, analysis) in analyses.enumerated() {
            let sentence = article.sentences[number]
            let offset = article.text.sourceSpan(sentence.range)
            if let entry = Self.coverage(analysis, sentence: number, text: sentence.text, offset: offset) { coverage.append(entry) }
            if !analysis.readings.isEmpty {
                if let phrase = analysis.allPhrases.first {
                    let reason = analysis.readings.count == 1 ? "holds a market claim" : "holds market claims"
                    notEvents.append(
                        ArticleNonEvent(
                            sentence: number, sentenceText: sentence.text, dateText: phrase.text, tense: .past,
                            resolved: Self.shown(phrase.resolved(publishedOn: p, tense: .past)), reason: reason))
                }
                continue
            }
            if let own = ownParagraphs[sentence.paragraph] {
                if let phrase = analysis.allPhrases.first {
                    let reason =
                        own == .byline ? "the byline: it gives the publication date" : "the time stamp line: it gives the publication date"
                    notEvents.append(
                        ArticleNonEvent(
                            sentence: number, sentenceText: sentence.text, dateText: phrase.text, tense: nil,
                            resolved: Self.shown(phrase.resolved(publishedOn: p, tense: .past)), reason: reason))
                }
                continue
            }
            guard !analysis.phrases.isEmpty else {
                if let phrase = analysis.allPhrases.first {
                    notEvents.append(
                        ArticleNonEvent(
                            sentence: number, sentenceText: sentence.text, dateText: phrase.text, tense: nil,
                            resolved: Self.shown(phrase.resolved(publishedOn: p, tense: .past)), reason: "the dateline: it gives the publication date"))
                }
                continue
            }
            let tense = analysis.tense ?? TenseReader.tense(of: analysis.tokens, phrases: analysis.phrases)
            if let phrase = analysis.phrases.first(where: { ($0.precision == .day || $0.precision == .month) && $0.sessionCount == nil }) {
                let resolved = phrase.resolved(publishedOn: p, tense: tense)
                if resolved == nil, p != nil || !phrase.needsPublicationDate {
                    notEvents.append(
                        ArticleNonEvent(
                            sentence: number, sentenceText: sentence.text, dateText: phrase.text, tense: tense, resolved: nil,
                            reason: "the date names no day: it does not exist, or the weekday written is not its weekday"))
                    continue
                }
                if tense == .future {
                    notEvents.append(
                        ArticleNonEvent(
                            sentence: number, sentenceText: sentence.text, dateText: phrase.text, tense: tense, resolved: Self.shown(resolved),
                            reason: "future tense"))
                    continue
                }
                events.append(
                    ArticleEvent(
                        dates: resolved, precision: phrase.precision, dateText: phrase.text, tense: tense,
                        title: analysis.eventTitle ?? EventTitle.make(sentence: sentence, phrase: phrase, scalars: scalars), sentenceText: sentence.text,
                        sentence: number, offset: offset, source: self.source))
            } else if let phrase = analysis.phrases.first {
                let reason: String
                switch phrase.precision {
                case .week: reason = tense == .future ? "future tense; and a week, not a day or a month" : "a week, not a day or a month"
                case .year: reason = "a year, neither a day nor a month"
                case .day, .month: reason = "a count of sessions, not a date"
                }
                notEvents.append(
                    ArticleNonEvent(
                        sentence: number, sentenceText: sentence.text, dateText: phrase.text, tense: tense,
                        resolved: Self.shown(phrase.resolved(publishedOn: p, tense: tense)), reason: reason))
            } else if let phrase = analysis.allPhrases.first {
                notEvents.append(
                    ArticleNonEvent(
                        sentence: number, sentenceText: sentence.text, dateText: phrase.text, tense: nil,
                        resolved: Self.shown(phrase.resolved(publishedOn: p, tense: .past)), reason: "the dateline: it gives the publication date"))
            }
        }
    }

    /// A resolution worth showing: days, weeks and months (a year names no day).
    static func shown(_ resolved: ResolvedDates?) -> ResolvedDates? {
        guard let resolved, resolved.precision != .year else { return nil }
        return resolved
    }

    // MARK: - Claims

    /// Every reading of `analyses` as a checked claim, in the order written: groups of sentences
    /// on worker threads for a long article (each claim is checked on its own, so the result is
    /// the same).
    static func claims(
        _ analyses: [SentenceAnalysis], series: [Series], published: Day?, article: Article, vocabulary: ToolVocabulary
    ) -> [ArticleClaim] {
        @Sendable func claims(in sentences: Range<Int>) -> [ArticleClaim] {
            var found: [ArticleClaim] = []
            for number in sentences {
                let analysis = analyses[number]
                for (position, reading) in analysis.readings.enumerated() {
                    found.append(
                        claim(reading, at: position, in: analysis, sentence: number, series: series, published: published, article: article, vocabulary: vocabulary))
                }
            }
            return found
        }
        return OrderedWork.inParts(count: analyses.count, minimum: 1_000, claims).flatMap { $0 }
    }

    static func claim(
        _ reading: SentenceAnalysis.Reading, at position: Int, in analysis: SentenceAnalysis, sentence: Int, series: [Series], published: Day?,
        article: Article, vocabulary: ToolVocabulary
    ) -> ArticleClaim {
        var claim = reading.reading.claim
        var daysSource: ArticleClaim.DaysSource?
        if claim.days != nil {
            daysSource = .claim
        } else if let days = analysis.sentenceDays(for: position) {
            claim.days = days
            daysSource = .sentence
        }
        let tokens = analysis.tokens
        let range = tokens[reading.reading.tokens.lowerBound].range.lowerBound..<tokens[reading.reading.tokens.upperBound - 1].range.upperBound
        let index = reading.mention.index
        var result = ArticleClaim(
            claim: claim, text: claim.text, range: range, span: article.text.sourceSpan(range), sentence: sentence, index: index,
            indexText: reading.mention.text, series: nil, daysSource: daysSource, days: nil, check: nil, notChecked: nil,
            verdicts: ClaimVerdicts(notChecked: "", claim: claim))
        if let resolved = claim.days?.resolved(publishedOn: published) {
            result.days = .dates(resolved)
        } else if let count = claim.days?.sessionCount {
            result.days = .sessions(count, ending: nil)
        }
        guard let chosen = series.first(where: { $0.index?.isSameIndex(as: index) ?? false }) else {
            result.notChecked = "\(index.name) has no loaded series"
            result.verdicts = ClaimVerdicts(notChecked: "not checked (\(index.name) has no loaded series)", claim: claim)
            return result
        }
        result.series = chosen.name
        do throws(MarketLinkError) {
            let check = try FactCheck(claim: claim, series: chosen, published: published, vocabulary: vocabulary)
            result.check = check
            result.verdicts = ClaimVerdicts(check: check, claim: claim)
            if let resolved = check.resolvedDays {
                result.days = .dates(resolved)
            } else if let count = claim.days?.sessionCount {
                result.days = .sessions(count, ending: check.namedSessions?.last)
            }
        } catch {
            var why = error.message
            if published == nil, claim.days?.isRelative == true || claim.level == nil {
                why = "its days (\(quoted(claim.days?.text ?? ""))) need the publication date, which the article does not give"
            }
            result.notChecked = why
            result.verdicts = ClaimVerdicts(notChecked: "not checked (\(why))", claim: claim)
        }
        return result
    }

    /// P as the one session every claimed level matches (with a loaded series of its index).
    static func fromClaimedLevels(_ analyses: [SentenceAnalysis], series: [Series]) -> (PublicationDate?, String) {
        var days = Set<Day>()
        var firstLevel: String?
        var levels = 0
        for analysis in analyses {
            for reading in analysis.readings {
                guard let level = reading.reading.claim.level,
                    let chosen = series.first(where: { $0.index?.isSameIndex(as: reading.mention.index) ?? false })
                else { continue }
                levels += 1
                if firstLevel == nil { firstLevel = level.text }
                for k in chosen.closes.indices where level.holds(for: chosen.closes[k]) { days.insert(chosen.day(at: k)) }
            }
        }
        let none = "the article has no dateline, no dated byline or time stamp and no date in its markup"
        if days.count == 1, let day = days.first, let firstLevel {
            let note = levels == 1 ? "the claimed level matches a close on \(day.iso) only" : "all \(levels) claimed levels match closes on \(day.iso) only"
            return (PublicationDate(day: day, source: .claimedLevel, text: firstLevel, notes: [note]), "")
        }
        if levels == 0 { return (nil, "\(none), and no claim gives a level of a loaded series to find it by") }
        if days.isEmpty { return (nil, "\(none), and no session closed at a claimed level") }
        let shown = days.sorted().prefix(6).map(\.iso).joined(separator: ", ")
        return (nil, "\(none), and the claimed levels match sessions on \(days.count) different dates (\(shown)), so no one session gives it")
    }

    // MARK: - Coverage

    static func coverage(_ analysis: SentenceAnalysis, sentence: Int, text: String, offset: SourceSpan) -> CoverageEntry? {
        let read = Set(analysis.readings.map(\.mentionIndex))
        guard let unread = analysis.mentions.indices.first(where: { !read.contains($0) }) else { return nil }
        var inside = Set<Int>()
        for mention in analysis.mentions { inside.formUnion(mention.tokens) }
        for reading in analysis.readings { inside.formUnion(reading.reading.tokens) }
        let hasNumber = analysis.tokens.indices.contains { !inside.contains($0) && analysis.tokens[$0].number != nil }
        guard hasNumber else { return nil }
        let mention = analysis.mentions[unread]
        let parser = ClaimParser(scalars: [], tokens: analysis.tokens, limit: analysis.tokens.count)
        let verbFollows = (mention.tokens.upperBound..<min(analysis.tokens.count, mention.tokens.upperBound + 8)).contains { parser.verb(at: $0) != nil }
        let why =
            verbFollows
            ? "a move of the \(mention.index.name), but no points, percent or level could be read after it"
            : "names the \(mention.index.name) and a number, but no move (no verb such as \"rose\" or \"fell\" follows the name)"
        return CoverageEntry(sentence: sentence, sentenceText: text, index: mention.index, why: why, offset: offset)
    }
}

// MARK: - One sentence

/// What one sentence holds: its tokens, the indices it names, its date phrases and its claims.
struct SentenceAnalysis: Sendable {
    struct Reading: Sendable {
        var mentionIndex: Int
        var mention: IndexMention
        var reading: ClaimReading
    }

    var tokens: [TextToken]
    var mentions: [IndexMention]
    /// Every date phrase, the dateline's included.
    var allPhrases: [DatePhrase]
    /// The date phrases that are the sentence's own (not the dateline's).
    var phrases: [DatePhrase]
    var readings: [Reading]
    /// For a sentence without claims that has a date phrase: its tense (`TenseReader`), read here
    /// so that it is read on the sentence's thread.
    var tense: Tense?
    /// For such a sentence, not in the future tense, with a phrase of a day or a month (not a
    /// count of sessions): the title of its event draft (`EventTitle`).
    var eventTitle: String?

    /// Every sentence's analysis, in order: in parts on worker threads for a long article (each
    /// sentence is read on its own, so the result is the same).
    static func all(_ sentences: [ArticleSentence], scalars: [Unicode.Scalar], dateline: Range<Int>?) -> [SentenceAnalysis] {
        OrderedWork.map(sentences, minimum: 1_000) { SentenceAnalysis($0, scalars: scalars, dateline: dateline) }
    }

    /// Adjectives between a determiner and an index's name: "the benchmark S&P 500".
    static let qualifiers: Set<String> = ["benchmark", "broader", "broad", "main", "key", "wider", "leading", "flagship", "bellwether"]

    init(_ sentence: ArticleSentence, scalars: [Unicode.Scalar], dateline: Range<Int>?) {
        tokens = TextToken.tokenize(scalars[sentence.range])
        mentions = IndexNameMatcher.mentions(in: tokens, scalars: scalars)
        allPhrases = DatePhraseReader.phrases(in: tokens, scalars: scalars)
        phrases = allPhrases.filter { phrase in dateline.map { !$0.overlaps(phrase.range) } ?? true }
        readings = []
        var starts: [Int] = []
        var floor = 0
        for mention in mentions {
            starts.append(Self.subjectStart(mention.tokens.lowerBound, floor: floor, tokens: tokens, scalars: scalars))
            floor = mention.tokens.upperBound
        }
        for (k, mention) in mentions.enumerated() {
            let limit = k + 1 < mentions.count ? starts[k + 1] : tokens.count
            if let reading = ClaimReader.read(after: starts[k]..<mention.tokens.upperBound, in: tokens, scalars: scalars, limit: limit) {
                readings.append(Reading(mentionIndex: k, mention: mention, reading: reading))
            }
        }
        // What an event draft of this sentence needs and the publication date does not change.
        if readings.isEmpty, !phrases.isEmpty {
            let tense = TenseReader.tense(of: tokens, phrases: phrases)
            self.tense = tense
            if tense != .future, let phrase = phrases.first(where: { ($0.precision == .day || $0.precision == .month) && $0.sessionCount == nil }) {
                eventTitle = EventTitle.make(sentence: sentence, phrase: phrase, scalars: scalars)
            }
        }
    }

    /// Where the noun phrase naming an index starts: "the", "Hong Kong's", "the benchmark".
    static func subjectStart(_ name: Int, floor: Int, tokens: [TextToken], scalars: [Unicode.Scalar]) -> Int {
        var start = name
        while start - 1 >= floor, !tokens[start - 1].isIdeograph, let word = tokens[start - 1].word, qualifiers.contains(word) { start -= 1 }
        if start - 1 >= floor, !tokens[start - 1].isIdeograph, tokens[start - 1].word == "the" { return start - 1 }
        if start - 1 >= floor, tokens[start - 1].kind == .possessive {
            var k = start - 2
            var words = 0
            while k >= floor, words < 3, case .word = tokens[k].kind, scalars[tokens[k].range.lowerBound].properties.isUppercase {
                k -= 1
                words += 1
            }
            if words > 0 { return k + 1 }
        }
        return start
    }

    /// The days a claim without its own takes from its sentence: a phrase outside every claim,
    /// else the nearest other claim's own days (an earlier one first).
    func sentenceDays(for position: Int) -> ClaimedDays? {
        let claimed = readings.map { reading -> Range<Int> in
            tokens[reading.reading.tokens.lowerBound].range.lowerBound..<tokens[reading.reading.tokens.upperBound - 1].range.upperBound
        }
        if let outside = phrases.first(where: { phrase in
            phrase.precision != .year && !claimed.contains { $0.overlaps(phrase.range) }
        }) {
            return ClaimedDays(outside)
        }
        for k in stride(from: position - 1, through: 0, by: -1) {
            if let days = readings[k].reading.claim.days { return days }
        }
        for k in readings.indices where k > position {
            if let days = readings[k].reading.claim.days { return days }
        }
        return nil
    }
}
