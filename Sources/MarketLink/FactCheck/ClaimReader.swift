// MARK: - Claim reader

/// Reads a reported move in the usual newsroom phrasings into a `Claim`.
///
/// A claim is an optional subject, a verb, and parts in any order:
///
/// - verb: rose, fell, gained, lost, increased, decreased, surged, slid, dropped, climbed, jumped,
///   tumbled, added, shed, declined, advanced, was up, was down, was unchanged, closed up/down/
///   higher/lower, ... (`ClaimVocabulary.verbs`); or a verb with no direction ("closed", "ended")
///   followed by "up"/"down"/"higher"/"lower" or by nothing but a level;
/// - points: `[by] [qualifier] N points`, and a bare number right after the verb or "by"
///   ("rose 258 to 33,833.61", as wire copy writes it);
/// - percent: `[by] [qualifier] P%`, `P percent`, `P per cent`, usually after "or" or in parentheses;
/// - level: `to L`, `at L`, `to close at L`, `closing at L`;
/// - base level: `from L` ("rose from 33,573.28 to 33,833.61");
/// - days: `on Thursday`, `on Wednesday and Thursday`, `from Tuesday to Thursday`,
///   `between Tuesday and Thursday`, `on June 8`, `on June 8, 2023`, `on 2023-06-08`,
///   `(June 7–8, 2023)`, `over the 10 sessions from June 1 to June 14, 2023`.
///
/// Qualifiers are "more than"/"over"/"above", "less than"/"under"/"below", "nearly"/"almost"/
/// "just under", "about"/"around"/"roughly"/"approximately"/"some" (see `ClaimedNumber`).
/// Commas, semicolons, parentheses, "or" and "and" separate parts; "for the day", "in trading" and
/// "at the close" are skipped. Everything else is an error that quotes the part it could not read:
/// `cannot read "by a lot" as points or percent`. Errors are `.unreadableClaim` usage errors: the
/// claim is an argument, not data.
public enum ClaimReader {
    public static func read(_ text: String) throws(MarketLinkError) -> Claim {
        var parser = ClaimParser(text: text)
        return try parser.parse()
    }
}

// MARK: - Parser

struct ClaimParser {
    let text: String
    let tokens: [ClaimToken]
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
    /// Where each numeric part was written, for "given twice" messages.
    var written: [String: String] = [:]

    init(text: String) {
        self.text = text
        self.tokens = ClaimToken.tokenize(text)
    }

    mutating func parse() throws(MarketLinkError) -> Claim {
        guard !tokens.isEmpty else { throw .unreadableClaim("the claim is empty; write it as e.g. \"rose 258 points, or 0.8%, to 33,833.61 on Thursday\"") }
        guard let (verbStart, verbEnd, verbDirection) = findVerb() else {
            throw .unreadableClaim(
                "cannot find a verb in \(quoted(text)); a claim needs one such as \"rose\", \"fell\", \"gained\", \"lost\", \"was up\" or \"was unchanged at\""
            )
        }
        let subject = verbStart > 0 ? quote(0, verbStart) : nil
        let verb = quote(verbStart, verbEnd)
        direction = verbDirection
        directionText = verbDirection == nil ? nil : verb
        position = verbEnd
        try parseParts()
        guard points != nil || percent != nil || level != nil || baseLevel != nil || days != nil else {
            throw .unreadableClaim("the claim gives nothing to check after \(quoted(verb)); add points (\"258 points\"), a percent (\"0.8%\") or a level (\"to 33,833.61\")")
        }
        if direction == nil, points != nil || percent != nil {
            throw .unreadableClaim("the claim gives a change but not its direction; say \"rose\"/\"fell\" or \"up\"/\"down\"")
        }
        return Claim(
            text: text, subject: subject, verb: verb, direction: direction, directionText: directionText, points: points,
            percent: percent, level: level, baseLevel: baseLevel, days: days)
    }

    // MARK: - Verb

    /// The earliest verb phrase (longest at that place): its token range and direction.
    func findVerb() -> (Int, Int, MoveDirection?)? {
        for start in tokens.indices {
            var best: (Int, MoveDirection?)?
            for (words, direction) in ClaimVocabulary.verbs where matches(words, at: start) {
                if best.map({ words.count > $0.0 }) ?? true { best = (words.count, direction) }
            }
            if let best { return (start, start + best.0, best.1) }
        }
        return nil
    }

    // MARK: - Parts

    mutating func parseParts() throws(MarketLinkError) {
        // A bare number right after a verb with a direction is points ("rose 258 to 33,833.61");
        // after "closed" it could as well be a level, so it must say which.
        var bareAllowed = direction != nil
        while position < tokens.count {
            if isSeparator(position) {
                position += 1
                continue
            }
            if let filler = ClaimVocabulary.fillers.first(where: { matches($0, at: position) }) {
                position += filler.count
                continue
            }
            let start = position
            if try parseDays() {
                bareAllowed = false
                continue
            }
            if try parseLevel() {
                bareAllowed = false
                continue
            }
            if try parseQuantity(bareAllowed: bareAllowed) {
                bareAllowed = false
                continue
            }
            if try parseDirectionWord() { continue }
            throw unreadable(from: start)
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
        if k < tokens.count, tokens[k].kind == .percentSign { return k + 1 }
        if let unit = word(k), ClaimVocabulary.percentWords.contains(unit) { return k + 1 }
        if word(k) == "per" {
            if word(k + 1) == "cent" { return k + 2 }
            if k + 2 < tokens.count, tokens[k + 1].kind == .dash, word(k + 2) == "cent" { return k + 3 }
        }
        return nil
    }

    /// `to L`, `at L`, `to close at L`, `closing at L`; `from L` for the base.
    mutating func parseLevel() throws(MarketLinkError) -> Bool {
        let start = position
        var k = position
        var isBase = false
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
        case "closing", "ending", "finishing", "settling", "standing":
            guard word(k + 1) == "at" else { return false }
            k += 2
        case "from":
            guard number(at: k + 1) != nil else { return false }
            isBase = true
            k += 1
        default:
            return false
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

    /// "up", "down", "higher", "lower" after a verb without a direction (or agreeing with it).
    mutating func parseDirectionWord() throws(MarketLinkError) -> Bool {
        guard let text = word(position), let found = ClaimVocabulary.directionWords[text] else { return false }
        if let direction, direction != found {
            throw .unreadableClaim("the claim says both \(quoted(directionText ?? "")) and \(quoted(quote(position, position + 1)))")
        }
        if direction == nil {
            direction = found
            directionText = quote(position, position + 1)
        }
        position += 1
        return true
    }

    // MARK: - Days

    /// Any way of naming days; merges what it reads into `days`.
    mutating func parseDays() throws(MarketLinkError) -> Bool {
        let start = position
        var k = position
        var fragment = ClaimedDays()
        switch word(k) {
        case "on":
            k += 1
            if let (weekdays, end) = weekdays(at: k) {
                fragment.weekdays = weekdays
                k = end
            } else if let (first, last, end) = dateRange(at: k, joiners: ClaimVocabulary.rangeWords) {
                fragment.firstDate = first
                fragment.lastDate = last
                k = end
            } else {
                throw .unreadableClaim(
                    "cannot read \(quoted(quoteRun(from: start))) as days; name weekdays (\"on Thursday\", \"on Wednesday and Thursday\") or a date (\"on June 8\")"
                )
            }
        case "from", "between":
            let joiners: Set<String> = word(k) == "between" ? ["and"] : ClaimVocabulary.rangeWords
            k += 1
            if let first = weekday(at: k), let joiner = joiner(at: k + 1, words: joiners), let last = weekday(at: joiner) {
                fragment.weekdays = .range(first, last)
                k = joiner + 1
            } else if let (first, last, end) = dateRange(at: k, joiners: joiners), first != last {
                fragment.firstDate = first
                fragment.lastDate = last
                k = end
            } else if number(at: k) != nil {
                return false  // "from 33,573.28": a starting level
            } else {
                throw .unreadableClaim(
                    "cannot read \(quoted(quoteRun(from: start))) as days; write \"from Tuesday to Thursday\" or \"from June 1 to June 14\"")
            }
        case "over", "in", "during", "across":
            guard let (count, end) = sessionCount(at: k + 1) else { return false }
            fragment.sessionCount = count
            k = end
        default:
            if let (weekdays, end) = weekdays(at: k) {
                fragment.weekdays = weekdays
                k = end
            } else if let (first, last, end) = dateRange(at: k, joiners: ClaimVocabulary.rangeWords) {
                fragment.firstDate = first
                fragment.lastDate = last
                k = end
            } else {
                return false
            }
        }
        fragment.text = quote(start, k)
        try merge(fragment)
        // Days written together ("on Thursday, June 8", "on Wednesday and Thursday (June 7–8,
        // 2023)") keep their own text, parentheses closed; days apart are joined by a space.
        if let span = daysSpan, (span.upperBound..<start).allSatisfy({ isSeparator($0) && word($0) == nil }) {
            daysSpan = span.lowerBound..<k
            var text = quote(span.lowerBound, k)
            let opened = text.filter { $0 == "(" }.count - text.filter { $0 == ")" }.count
            if opened > 0 { text += String(repeating: ")", count: opened) }
            days?.text = text
        } else {
            daysSpan = start..<k
        }
        position = k
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
        merged.text = merged.text.isEmpty ? fragment.text : merged.text + " " + fragment.text
        days = merged
    }

    /// `Wednesday and Thursday`, `Monday, Tuesday and Wednesday`, `Tuesday to Thursday`,
    /// `Tuesday–Thursday`.
    func weekdays(at start: Int) -> (ClaimedDays.Weekdays, Int)? {
        guard let first = weekday(at: start) else { return nil }
        if let joiner = joiner(at: start + 1, words: ClaimVocabulary.rangeWords), let last = weekday(at: joiner) {
            return (.range(first, last), joiner + 1)
        }
        var list = [first]
        var k = start + 1
        while true {
            var next = k
            if next < tokens.count, tokens[next].kind == .comma { next += 1 }
            if word(next) == "and" { next += 1 }
            guard next > k, let day = weekday(at: next) else { break }
            list.append(day)
            k = next + 1
        }
        return (.list(list), k)
    }

    /// `over the 10 sessions`, `over two days`, `in the past three trading sessions`.
    func sessionCount(at start: Int) -> (Int, Int)? {
        var k = start
        if word(k) == "the" { k += 1 }
        if let skip = word(k), ["past", "last", "previous", "latest"].contains(skip) { k += 1 }
        let count: Int
        if let number = number(at: k), number.decimals == 0, number.value >= 1, number.value <= 10_000 {
            count = Int(number.value)
        } else if let text = word(k), let value = ClaimVocabulary.countWords[text] {
            count = value
        } else {
            return nil
        }
        k += 1
        if word(k) == "trading" { k += 1 }
        guard let unit = word(k), ClaimVocabulary.sessionWords.contains(unit) else { return nil }
        return (count, k + 1)
    }

    /// A date, or two joined by a dash or one of `joiners`; the second may be a bare day of the
    /// first's month (`June 7–8, 2023`). A year written only on the second applies to both.
    func dateRange(at start: Int, joiners: Set<String>) -> (ClaimedDate, ClaimedDate, Int)? {
        guard var (first, k) = date(at: start) else { return nil }
        guard let afterJoiner = joiner(at: k, words: joiners) else { return (first, first, k) }
        var last: ClaimedDate
        if let (second, end) = date(at: afterJoiner) {
            last = second
            k = end
        } else if let day = dayNumber(at: afterJoiner), first.year == nil {
            last = ClaimedDate(month: first.month, day: day)
            k = afterJoiner + 1
            if let (year, end) = year(at: k) {
                last.year = year
                k = end
            }
        } else {
            return (first, first, k)
        }
        if first.year == nil, let year = last.year {
            first.year = (first.month, first.day) > (last.month, last.day) ? year - 1 : year
        }
        return (first, last, k)
    }

    /// `June 8`, `June 8, 2023`, `June 8th`, `8 June 2023`, `2023-06-08`.
    func date(at start: Int) -> (ClaimedDate, Int)? {
        var k = start
        if let text = word(k), let month = ClaimVocabulary.months[text], let day = dayNumber(at: k + 1) {
            k += 2
            if let suffix = word(k), ["st", "nd", "rd", "th"].contains(suffix) { k += 1 }
            var date = ClaimedDate(month: month, day: day)
            if let (year, end) = year(at: k) {
                date.year = year
                k = end
            }
            return (date, k)
        }
        if let day = dayNumber(at: k) {
            var next = k + 1
            if let suffix = word(next), ["st", "nd", "rd", "th"].contains(suffix) { next += 1 }
            if let text = word(next), let month = ClaimVocabulary.months[text] {
                k = next + 1
                var date = ClaimedDate(month: month, day: day)
                if let (year, end) = year(at: k) {
                    date.year = year
                    k = end
                }
                return (date, k)
            }
        }
        // ISO: 2023-06-08 (tokens: 2023, dash, 06, dash, 08).
        if k + 4 < tokens.count, let year = number(at: k), year.decimals == 0, year.text.count == 4,
            tokens[k + 1].kind == .dash, let month = number(at: k + 2), month.text.count == 2, tokens[k + 3].kind == .dash,
            let day = number(at: k + 4), day.text.count == 2
        {
            return (ClaimedDate(month: Int(month.value), day: Int(day.value), year: Int(year.value)), k + 5)
        }
        return nil
    }

    /// A day of the month: a whole number 1...31 with no thousands separator, not followed by a
    /// unit (so "on June 8 points" is not read as a date).
    func dayNumber(at k: Int) -> Int? {
        guard let number = number(at: k), number.decimals == 0, !number.text.contains(","), number.value >= 1, number.value <= 31
        else { return nil }
        if percentUnit(at: k + 1) != nil { return nil }
        if let unit = word(k + 1), ClaimVocabulary.pointWords.contains(unit) { return nil }
        return Int(number.value)
    }

    /// `, 2023` or ` 2023` after a date: a four-digit whole number 1000...9999 not followed by a unit.
    func year(at start: Int) -> (Int, Int)? {
        var k = start
        if k < tokens.count, tokens[k].kind == .comma { k += 1 }
        guard let number = number(at: k), number.decimals == 0, number.text.count == 4, !number.text.contains(",") else { return nil }
        if percentUnit(at: k + 1) != nil { return nil }
        if let unit = word(k + 1), ClaimVocabulary.pointWords.contains(unit) { return nil }
        return (Int(number.value), k + 1)
    }

    func weekday(at k: Int) -> Int? {
        word(k).flatMap { ClaimVocabulary.weekdays[$0] }
    }

    /// The token after a range joiner at `k` (a dash or one of `words`), or `nil`.
    func joiner(at k: Int, words: Set<String>) -> Int? {
        guard k < tokens.count else { return nil }
        if tokens[k].kind == .dash { return k + 1 }
        if let text = word(k), words.contains(text) { return k + 1 }
        return nil
    }

    // MARK: - Helpers

    func word(_ k: Int) -> String? {
        k < tokens.count ? tokens[k].word : nil
    }

    func number(at k: Int) -> ClaimedNumber? {
        k < tokens.count ? tokens[k].number : nil
    }

    func matches(_ words: [String], at start: Int) -> Bool {
        guard start + words.count <= tokens.count else { return false }
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
        case .comma, .semicolon, .period, .open, .close: return true
        case .word(let text): return text == "or" || text == "and" || text == "while"
        default: return false
        }
    }

    /// The claim's own text from token `start` up to (not including) token `end`.
    func quote(_ start: Int, _ end: Int) -> String {
        guard start < end, start < tokens.count else { return "" }
        let last = min(end, tokens.count) - 1
        return String(text[tokens[start].range.lowerBound..<tokens[last].range.upperBound])
    }

    /// The run of text from `start` to the next separator or the next word that starts a part,
    /// for quoting what could not be read.
    func quoteRun(from start: Int) -> String {
        let starters: Set<String> = ["or", "and", "to", "on", "at", "from", "while"]
        var end = start + 1
        while end < tokens.count {
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
