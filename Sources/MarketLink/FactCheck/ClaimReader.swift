// MARK: - Claim reader

/// Reads a reported move in the usual newsroom phrasings into a `Claim`.
///
/// A claim is an optional subject, a verb, and parts in any order:
///
/// - verb: rose, fell, gained, lost, increased, decreased, surged, slid, dropped, climbed, jumped,
///   tumbled, added, shed, declined, advanced, was up, was down, was unchanged, was flat, closed
///   up/down/higher/lower, rising, falling, ... (`ClaimVocabulary.verbs`); or a verb with no
///   direction ("closed", "ended") followed by "up"/"down"/"higher"/"lower" or by nothing but a
///   level; in Chinese 上涨, 涨, 收涨, 下跌, 跌, 收跌, ... or a level first (收报3231.41点，涨0.55%);
/// - points: `[by] [qualifier] N points`, `N点`, and a bare number right after the verb or "by"
///   ("rose 258 to 33,833.61", as wire copy writes it);
/// - percent: `[by] [qualifier] P%`, `P percent`, `P per cent`, usually after "or" or in parentheses;
///   涨幅0.47%;
/// - level: `to L`, `at L`, `to close at L`, `closing at L`, `closed at L`, 收报L点, 收于L点;
/// - base level: `from L` ("rose from 33,573.28 to 33,833.61");
/// - days: any phrase of `DatePhraseReader` — `on Thursday`, `on Wednesday and Thursday`, `from
///   Tuesday to Thursday`, `last Friday`, `on June 8, 2023`, `(June 7–8, 2023)`, `over the 10
///   sessions`, `yesterday`, `this week`, 周五, 本周 — and several together.
///
/// Qualifiers are "more than"/"over"/"above", "less than"/"under"/"below", "nearly"/"almost"/
/// "just under", "about"/"around"/"roughly"/"approximately"/"some" (see `ClaimedNumber`).
/// Commas, semicolons, parentheses, "or" and "and" separate parts; "for the day", "in trading" and
/// "at the close" are skipped. Everything else is an error that quotes the part it could not read:
/// `cannot read "by a lot" as points or percent`. Errors are `.unreadableClaim` usage errors: the
/// claim is an argument, not data.
///
/// In running text (`mlink article`) the same grammar is read leniently from an index's name:
/// the claim ends where the next word starts no part ("… to 20,145 on Tuesday, its first session
/// of the year"), and a text that is not a claim is `nil`, not an error (`read(after:in:limit:)`).
public enum ClaimReader {
    /// Reads a whole text as one claim ("increased 258 points, or 0.8%, to 33,833.61 on Wednesday
    /// and Thursday"); throws `.unreadableClaim` quoting the part it could not read.
    public static func read(_ text: String) throws(MarketLinkError) -> Claim {
        var parser = ClaimParser(text: text)
        return try parser.parse()
    }

    /// The claim whose subject is the tokens `subject` (an index's name) in running text, read
    /// up to token `limit` (the next index's name, or the end of the sentence); `nil` when no verb
    /// of a move follows the name, or nothing to check follows the verb.
    static func read(after subject: Range<Int>, in tokens: [TextToken], scalars: [Unicode.Scalar], limit: Int) -> ClaimReading? {
        var parser = ClaimParser(scalars: scalars, tokens: tokens, limit: limit)
        return parser.parseInText(subject: subject)
    }
}

/// A claim read from running text, and where its parts lie (token indexes).
struct ClaimReading: Sendable {
    var claim: Claim
    /// From the first token of the subject to the last token of the last part read.
    var tokens: Range<Int>
    /// The verb, with the auxiliaries and adverbs before it ("has also surged").
    var directionTokens: Range<Int>?
    /// The claim's own day phrase, when it has one.
    var daysTokens: Range<Int>?
}

// MARK: - Parser

struct ClaimParser {
    let scalars: [Unicode.Scalar]
    let tokens: [TextToken]
    /// Tokens at and after `limit` are not read.
    let limit: Int
    /// Running text: stop at what is not a part instead of throwing.
    let lenient: Bool
    var position = 0

    var points: ClaimedNumber?
    var percent: ClaimedNumber?
    var level: ClaimedNumber?
    var baseLevel: ClaimedNumber?
    var days: ClaimedDays?
    var direction: MoveDirection?
    var directionText: String?
    /// The tokens the days were read from so far.
    var daysSpan: Range<Int>?
    /// After the last part read.
    var partsEnd = 0
    /// Where each numeric part was written, for "given twice" messages.
    var written: [String: String] = [:]

    init(text: String) {
        self.scalars = Array(text.unicodeScalars)
        self.tokens = TextToken.tokenize(scalars)
        self.limit = tokens.count
        self.lenient = false
        self.text = text
    }

    init(scalars: [Unicode.Scalar], tokens: [TextToken], limit: Int) {
        self.scalars = scalars
        self.tokens = tokens
        self.limit = min(limit, tokens.count)
        self.lenient = true
        self.text = ""
    }

    /// The whole claim as given (strict reading).
    let text: String

    mutating func parse() throws(MarketLinkError) -> Claim {
        guard !tokens.isEmpty else { throw .unreadableClaim("the claim is empty; write it as e.g. \"rose 258 points, or 0.8%, to 33,833.61 on Thursday\"") }
        guard let verb = findVerb() else {
            throw .unreadableClaim(
                "cannot find a verb in \(quoted(text)); a claim needs one such as \"rose\", \"fell\", \"gained\", \"lost\", \"was up\" or \"was unchanged at\""
            )
        }
        // Days written between the subject and the verb ("The Dow on Friday rose", 恒生指数周五上涨)
        // are the claim's days, not part of its subject.
        var subjectEnd = verb.start
        for start in 0..<verb.start {
            if let (_, end) = DatePhraseReader.phrase(in: tokens, at: start, scalars: scalars, abbreviations: false), end == verb.start {
                position = start
                if (try? parseDays()) == true { subjectEnd = start }
                break
            }
        }
        let subject = subjectEnd > 0 ? quote(0, subjectEnd) : nil
        let verbText = quote(verb.start, verb.end)
        direction = verb.direction
        directionText = verb.direction == nil ? nil : verbText
        // A Chinese level marker (收报) is read again as the level's own lead.
        position = verb.isLevelMarker ? verb.start : verb.end
        try parseParts()
        guard points != nil || percent != nil || level != nil || baseLevel != nil || days != nil else {
            throw .unreadableClaim("the claim gives nothing to check after \(quoted(verbText)); add points (\"258 points\"), a percent (\"0.8%\") or a level (\"to 33,833.61\")")
        }
        if direction == nil, points != nil || percent != nil {
            throw .unreadableClaim("the claim gives a change but not its direction; say \"rose\"/\"fell\" or \"up\"/\"down\"")
        }
        return Claim(
            text: text, subject: subject, verb: verbText, direction: direction, directionText: directionText, points: points,
            percent: percent, level: level, baseLevel: baseLevel, days: days)
    }

    /// The lenient reading from an index's name (see `ClaimReader.read(after:in:scalars:limit:)`).
    mutating func parseInText(subject: Range<Int>) -> ClaimReading? {
        var k = subject.upperBound
        var auxiliaryStart: Int?
        // Between the name and the verb: auxiliaries and adverbs ("has also"), and days ("周五",
        // "on Friday").
        for _ in 0..<8 {
            guard k < limit else { return nil }
            // A verb first: "was flat" is a verb, not the auxiliary "was".
            if verb(at: k) != nil || levelMarker(at: k) != nil { break }
            if let words = tokens[k].word, ClaimVocabulary.auxiliaries.contains(words), !tokens[k].isIdeograph {
                if auxiliaryStart == nil { auxiliaryStart = k }
                k += 1
                continue
            }
            if let chinese = ClaimVocabulary.chineseAuxiliaries.first(where: { matches($0, at: k) }) {
                // 累计上涨: the adverb is not part of the verb as Chinese writes it.
                k += chinese.count
                continue
            }
            position = k
            guard (try? parseDays()) == true else { return nil }
            auxiliaryStart = nil
            k = position
        }
        guard k < limit else { return nil }
        let verbStart = k
        let verbEnd: Int
        if let (length, found) = verb(at: k) {
            verbEnd = k + length
            direction = found
            position = verbEnd
        } else if let marker = levelMarker(at: k) {
            // Chinese with the level first (收报3231.41点，涨0.55%): the marker is read again as
            // the level's lead, and the direction comes later.
            verbEnd = k + marker
            position = k
        } else {
            return nil
        }
        let directionStart = auxiliaryStart ?? verbStart
        let verbHasDirection = direction != nil
        if verbHasDirection { directionText = quote(directionStart, verbEnd) }
        partsEnd = position
        do throws(MarketLinkError) {
            try parseParts()
        } catch {
            return nil
        }
        guard points != nil || percent != nil || level != nil || baseLevel != nil else { return nil }
        if direction == nil, points != nil || percent != nil { return nil }
        let text = quote(subject.lowerBound, partsEnd)
        let claim = Claim(
            text: text, subject: quote(subject.lowerBound, subject.upperBound), verb: quote(verbStart, verbEnd),
            direction: direction, directionText: directionText, points: points, percent: percent, level: level, baseLevel: baseLevel,
            days: days)
        let directionTokens: Range<Int>? = direction == nil ? nil : verbHasDirection ? directionStart..<verbEnd : directionRange
        return ClaimReading(claim: claim, tokens: subject.lowerBound..<partsEnd, directionTokens: directionTokens, daysTokens: daysSpan)
    }

    /// Where a direction word that came after the level was written (Chinese: 涨 in 收报…，涨0.55%).
    var directionRange: Range<Int>?

    // MARK: - Verb

    /// The earliest verb phrase (longest at that place), or a Chinese level marker (收报) when
    /// it comes first.
    func findVerb() -> (start: Int, end: Int, direction: MoveDirection?, isLevelMarker: Bool)? {
        for start in tokens.indices {
            if let (length, direction) = verb(at: start) { return (start, start + length, direction, false) }
            if let length = levelMarker(at: start) { return (start, start + length, nil, true) }
        }
        return nil
    }

    /// The longest verb phrase at `start`: its length in tokens and its direction.
    func verb(at start: Int) -> (Int, MoveDirection?)? {
        var best: (Int, MoveDirection?)?
        guard start < limit, start < tokens.count, let first = tokens[start].word, let candidates = ClaimVocabulary.verbsByFirstWord[first]
        else { return nil }
        for (words, direction) in candidates where matches(words, at: start) {
            if best.map({ words.count > $0.0 }) ?? true { best = (words.count, direction) }
        }
        return best
    }

    /// A Chinese level marker at `start` followed by a number: its length.
    func levelMarker(at start: Int) -> Int? {
        for marker in ClaimVocabulary.chineseLevelMarkers where matches(marker, at: start) {
            if number(at: start + marker.count) != nil { return marker.count }
        }
        return nil
    }

    // MARK: - Parts

    mutating func parseParts() throws(MarketLinkError) {
        // A bare number right after a verb with a direction is points ("rose 258 to 33,833.61");
        // after "closed" it could as well be a level, so it must say which.
        var bareAllowed = direction != nil
        while position < limit {
            let before = position
            if lenient {
                // Separators only lead to a part: "… to 4,425.84 and the Nasdaq" ends at 4,425.84.
                if isClaimEnd(position) { break }
                while position < limit, isSeparator(position) { position += 1 }
                guard position < limit else {
                    position = before
                    break
                }
            } else if isSeparator(position) {
                position += 1
                continue
            }
            if let filler = ClaimVocabulary.fillers.first(where: { matches($0, at: position) }) {
                position += filler.count
                if lenient { partsEnd = position }
                continue
            }
            let start = position
            do throws(MarketLinkError) {
                if try parseDays() {
                    bareAllowed = false
                } else if try parseLevel() {
                    bareAllowed = false
                } else if try parseQuantity(bareAllowed: bareAllowed) {
                    bareAllowed = false
                } else if try parseDirectionWord() {
                    bareAllowed = true
                } else {
                    throw unreadable(from: start)
                }
            } catch {
                guard lenient else { throw error }
                position = before
                break
            }
            partsEnd = position
        }
    }

    /// In running text, what ends a claim whatever follows: a sentence end, a semicolon (Chinese
    /// wires join two claims with ；), a period, a colon.
    func isClaimEnd(_ k: Int) -> Bool {
        switch tokens[k].kind {
        case .stop, .semicolon, .period, .colon, .quote: return true
        default: return false
        }
    }

    /// `[by] [qualifier] N (points | % | percent)`, or a bare N as points where allowed.
    mutating func parseQuantity(bareAllowed: Bool) throws(MarketLinkError) -> Bool {
        var k = position
        let sawBy = word(k) == "by"
        if sawBy { k += 1 }
        let (qualifier, afterQualifier) = self.qualifier(at: k)
        k = afterQualifier
        guard var number = number(at: k) else {
            if sawBy || qualifier != .none {
                throw .unreadableClaim("cannot read \(quoted(quoteRun(from: position))) as points or percent")
            }
            return false
        }
        number.qualifier = qualifier
        k += 1
        let isPoints: Bool
        if let unit = word(k), ClaimVocabulary.pointWords.contains(unit) {
            isPoints = true
            k += 1
        } else if let end = percentUnit(at: k) {
            isPoints = false
            k = end
        } else if (bareAllowed || sawBy) && points == nil {
            isPoints = true
        } else {
            throw .unreadableClaim(
                "cannot read \(quoted(quote(position, k))) as points, percent or a level; write \"\(number.text) points\", \"\(number.text)%\" or \"to \(number.text)\""
            )
        }
        let phrase = quote(position, k)
        if isPoints {
            try Self.setOnce(&points, number, part: "points", phrase: phrase, written: &written)
        } else {
            try Self.setOnce(&percent, number, part: "a percent", phrase: phrase, written: &written)
        }
        position = k
        return true
    }

    /// The end of a percent unit at `k`: `%`, `percent`, `pct`, `per cent`, `per-cent`.
    func percentUnit(at k: Int) -> Int? {
        if k < limit, tokens[k].kind == .percentSign { return k + 1 }
        if let unit = word(k), ClaimVocabulary.percentWords.contains(unit) { return k + 1 }
        if word(k) == "per" {
            if word(k + 1) == "cent" { return k + 2 }
            if k + 2 < limit, tokens[k + 1].kind == .dash, word(k + 2) == "cent" { return k + 3 }
        }
        return nil
    }

    /// `to L`, `at L`, `to close at L`, `closing at L`, `closed at L`, 收报L点; `from L` for the base.
    mutating func parseLevel() throws(MarketLinkError) -> Bool {
        let start = position
        var k = position
        var isBase = false
        if let marker = levelMarker(at: k) {
            k += marker
        } else {
            switch word(k) {
            case "to":
                k += 1
                if let verb = word(k), ["close", "end", "finish", "settle", "stand"].contains(verb) {
                    k += 1
                    if word(k) == "the", let period = word(k + 1), ["day", "session", "week"].contains(period) { k += 2 }
                    guard word(k) == "at" else { throw .unreadableClaim("cannot read \(quoted(quoteRun(from: start))) as a level; write \"to close at 33,833.61\"") }
                    k += 1
                }
            case "at":
                k += 1
            case "closing", "ending", "finishing", "settling", "standing", "closed", "ended", "finished", "settled":
                guard word(k + 1) == "at" else { return false }
                k += 2
            case "from":
                guard number(at: k + 1) != nil else { return false }
                isBase = true
                k += 1
            default:
                return false
            }
        }
        let (qualifier, afterQualifier) = self.qualifier(at: k)
        k = afterQualifier
        guard var number = number(at: k) else {
            throw .unreadableClaim("cannot read \(quoted(quoteRun(from: start))) as a level; write it as \"to 33,833.61\"")
        }
        number.qualifier = qualifier
        number.roundNumber = true
        k += 1
        // "to 33,833.61 points" is a level written with a unit; "to 1%" is not a level.
        if percentUnit(at: k) != nil {
            throw .unreadableClaim("cannot read \(quoted(quote(start, k + 1))) as a level: a level is an index value, not a percent")
        }
        if let unit = word(k), ClaimVocabulary.pointWords.contains(unit) { k += 1 }
        if isBase {
            try Self.setOnce(&baseLevel, number, part: "a starting level", phrase: quote(start, k), written: &written)
        } else {
            try Self.setOnce(&level, number, part: "a level", phrase: quote(start, k), written: &written)
        }
        position = k
        return true
    }

    /// "up", "down", "higher", "lower" after a verb without a direction (or agreeing with it);
    /// Chinese 涨, 跌, 涨幅 before a number.
    mutating func parseDirectionWord() throws(MarketLinkError) -> Bool {
        var best: (words: [String], direction: MoveDirection)?
        for entry in ClaimVocabulary.directionWords where matches(entry.words, at: position) {
            if best.map({ entry.words.count > $0.words.count }) ?? true { best = entry }
        }
        guard let (words, found) = best else { return false }
        let end = position + words.count
        if let direction, direction != found {
            throw .unreadableClaim("the claim says both \(quoted(directionText ?? "")) and \(quoted(quote(position, end)))")
        }
        if direction == nil {
            direction = found
            directionText = quote(position, end)
            directionRange = position..<end
        }
        position = end
        return true
    }

    // MARK: - Days

    /// Any phrase of `DatePhraseReader`; merges what it reads into `days`.
    mutating func parseDays() throws(MarketLinkError) -> Bool {
        let start = position
        guard let (phrase, end) = DatePhraseReader.phrase(in: tokens, at: start, scalars: scalars, abbreviations: true), end <= limit
        else {
            switch word(start) {
            case "on":
                throw .unreadableClaim(
                    "cannot read \(quoted(quoteRun(from: start))) as days; name weekdays (\"on Thursday\", \"on Wednesday and Thursday\") or a date (\"on June 8\")"
                )
            case "from", "between":
                if number(at: start + 1) != nil { return false }  // "from 33,573.28": a starting level
                throw .unreadableClaim("cannot read \(quoted(quoteRun(from: start))) as days; write \"from Tuesday to Thursday\" or \"from June 1 to June 14\"")
            default:
                return false
            }
        }
        if case .year = phrase.kind, lenient { return false }
        try merge(ClaimedDays(phrase))
        // Days written together ("on Thursday, June 8", "on Wednesday and Thursday (June 7–8,
        // 2023)") keep their own text, parentheses closed; days apart are joined by a space.
        if let span = daysSpan, (span.upperBound..<start).allSatisfy({ isSeparator($0) && word($0) == nil }) {
            daysSpan = span.lowerBound..<end
            var text = quote(span.lowerBound, end)
            let opened = text.filter { $0 == "(" }.count - text.filter { $0 == ")" }.count
            if opened > 0 { text += String(repeating: ")", count: opened) }
            days?.text = text
        } else {
            daysSpan = start..<end
        }
        position = end
        return true
    }

    mutating func merge(_ fragment: ClaimedDays) throws(MarketLinkError) {
        var merged = days ?? ClaimedDays()
        let twice = "the claim names its days twice (\(quoted(merged.text)) and \(quoted(fragment.text)))"
        if let weekdays = fragment.weekdays {
            guard merged.weekdays == nil else { throw .unreadableClaim(twice) }
            merged.weekdays = weekdays
        }
        if let count = fragment.sessionCount {
            guard merged.sessionCount == nil else { throw .unreadableClaim(twice) }
            merged.sessionCount = count
        }
        if fragment.lastDate != nil {
            guard merged.lastDate == nil else { throw .unreadableClaim(twice) }
            merged.firstDate = fragment.firstDate
            merged.lastDate = fragment.lastDate
        }
        if fragment.isRelative, fragment.weekdays == nil {
            guard !merged.isRelative else { throw .unreadableClaim(twice) }
        }
        merged.phrases += fragment.phrases
        merged.text = merged.text.isEmpty ? fragment.text : merged.text + " " + fragment.text
        days = merged
    }

    // MARK: - Helpers

    func word(_ k: Int) -> String? {
        k < limit ? tokens[k].word : nil
    }

    func number(at k: Int) -> ClaimedNumber? {
        k < limit ? tokens[k].number : nil
    }

    func matches(_ words: [String], at start: Int) -> Bool {
        guard start + words.count <= limit else { return false }
        for (offset, expected) in words.enumerated() where tokens[start + offset].word != expected { return false }
        return true
    }

    /// The qualifier at `k` (only when a number follows it) and the token after it.
    func qualifier(at k: Int) -> (ClaimedNumber.Qualifier, Int) {
        for (words, qualifier) in ClaimVocabulary.qualifiers where matches(words, at: k) {
            if number(at: k + words.count) != nil { return (qualifier, k + words.count) }
        }
        return (.none, k)
    }

    func isSeparator(_ k: Int) -> Bool {
        switch tokens[k].kind {
        case .comma, .open, .close: return true
        case .semicolon, .period: return !lenient
        case .word(let text): return text == "or" || text == "and" || text == "while"
        case .ideograph(let text): return text == "和" || text == "及"
        default: return false
        }
    }

    /// The text from token `start` up to (not including) token `end`, white space runs as one space.
    func quote(_ start: Int, _ end: Int) -> String {
        guard start < end, start < tokens.count else { return "" }
        let last = min(end, tokens.count) - 1
        return DatePhraseReader.collapsedText(scalars[tokens[start].range.lowerBound..<tokens[last].range.upperBound])
    }

    /// The run of text from `start` to the next separator or the next word that starts a part,
    /// for quoting what could not be read.
    func quoteRun(from start: Int) -> String {
        let starters: Set<String> = ["or", "and", "to", "on", "at", "from", "while"]
        var end = start + 1
        while end < limit {
            if case .word(let text) = tokens[end].kind, starters.contains(text) { break }
            if isSeparator(end) { break }
            end += 1
        }
        return quote(start, end)
    }

    func unreadable(from start: Int) -> MarketLinkError {
        .unreadableClaim(
            "cannot read \(quoted(quoteRun(from: start))) in the claim; expected points (\"258 points\"), a percent (\"0.8%\"), a level (\"to 33,833.61\") or days (\"on Thursday\")"
        )
    }

    static func setOnce(
        _ slot: inout ClaimedNumber?, _ value: ClaimedNumber, part: String, phrase: String, written: inout [String: String]
    ) throws(MarketLinkError) {
        if slot != nil {
            throw .unreadableClaim("the claim gives \(part) twice (\(quoted(written[part] ?? "")) and \(quoted(phrase)))")
        }
        slot = value
        written[part] = phrase
    }
}

// MARK: - Errors

extension MarketLinkError {
    /// `.unreadableClaim(why)`: a claim that cannot be read, `why` quoting the words at fault.
    static func unreadableClaim(_ why: String) -> MarketLinkError {
        MarketLinkError(.unreadableClaim(why))
    }
}
