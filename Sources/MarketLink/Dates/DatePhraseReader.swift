// MARK: - Date-phrase reader

/// Reads the phrases of news text that name days: the one reader of dates that `mlink check`'s
/// claims, `mlink article` and `mlink events add --date` share.
///
/// English:
/// - weekdays: "on Friday", "Friday", "on Wednesday and Thursday", "on Monday, Tuesday and
///   Wednesday", "last Friday", "next Wednesday", "this Monday", "from Monday to Wednesday",
///   "between Tuesday and Thursday", "Tuesday–Thursday"; abbreviations ("Thu", "Thurs.") after
///   "on" or with their period;
/// - dates: "on May 8", "June 8, 2023", "8 June 2023", "June 8th", "Jan. 3, 2023", "Friday, June
///   9, 2023" (the weekday is checked on resolution), "June 7–8, 2023", "from June 1 to June 14",
///   "2023-06-08";
/// - months: "in April", "in early June", "last December", "next March", "December 2022", "last
///   month", "this month";
/// - weeks and days: "this week", "last week", "next week", "today", "yesterday", "tomorrow";
/// - sessions: "over the past three sessions", "in the last 5 trading days", "over two days";
/// - years: "in 1957", "for 2023", "of 2022", "last year" (never a day: kept so that nothing
///   mistakes them for one).
///
/// Chinese: 周五, 星期五, 礼拜五, 上周五, 本周五, 下周三, 周四和周五, 周一至周三, 本周, 上周, 下周, 今天,
/// 昨天, 明天, 6月7日, 6月7日至9日, 2023年6月9日, 2023年6月, 6月, 上月, 本月, 去年, 今年, 近三个交易日.
///
/// "May" and "March" are months only before a day or a year, or after "in", "last", "next",
/// "this", "early", "mid", "late".
public enum DatePhraseReader {
    /// Every date phrase in `text`, left to right, none overlapping (the longest at each place).
    public static func phrases(in text: String) -> [DatePhrase] {
        let scalars = Array(text.unicodeScalars)
        return phrases(in: TextToken.tokenize(scalars), scalars: scalars)
    }

    /// `text` read as one date phrase ("last Tuesday", "June 8, 2023", "yesterday"), or `nil`
    /// when it is not one from start to end.
    public static func phrase(_ text: String) -> DatePhrase? {
        let scalars = Array(text.unicodeScalars)
        let tokens = TextToken.tokenize(scalars)
        guard let (phrase, end) = phrase(in: tokens, at: 0, scalars: scalars, abbreviations: true) else { return nil }
        var rest = end
        if rest < tokens.count, tokens[rest].kind == .period || tokens[rest].kind == .stop { rest += 1 }
        return rest == tokens.count ? phrase : nil
    }

    static func phrases(in tokens: [TextToken], scalars: [Unicode.Scalar]) -> [DatePhrase] {
        var found: [DatePhrase] = []
        var k = 0
        while k < tokens.count {
            if mayStart(tokens[k]), let (phrase, end) = phrase(in: tokens, at: k, scalars: scalars, abbreviations: false) {
                found.append(phrase)
                k = end
            } else {
                k += 1
            }
        }
        return found
    }

    /// The words and characters a phrase can start with (a number can start one too): a cheap
    /// test that spares the full reading at most tokens of running text.
    static let leads: Set<String> = {
        var words: Set<String> = [
            "on", "from", "between", "over", "in", "during", "across", "within", "for", "of", "since", "by", "until", "through", "last",
            "next", "this", "today", "yesterday", "tomorrow", "early", "mid", "late",
            "今", "昨", "明", "前", "去", "上", "本", "这", "下", "周", "星", "礼", "近", "过", "最",
        ]
        for table in [DateVocabulary.weekdays, DateVocabulary.weekdayAbbreviations, DateVocabulary.months, DateVocabulary.monthAbbreviations] {
            words.formUnion(table.keys)
        }
        return words
    }()

    /// `leads`, for a test that passes over most words without a lookup.
    static let leadFilter = WordFilter(leads)

    /// The leading words `Reader.read` tells apart, looked up once instead of compared one by one.
    enum LeadGroup {
        case on, fromBetween, overIn, ofYear, lastNextThis, today, yesterday, tomorrow, partOfMonth, other
    }

    static let leadGroups: [String: LeadGroup] = {
        var groups: [String: LeadGroup] = ["on": .on, "today": .today, "yesterday": .yesterday, "tomorrow": .tomorrow]
        for word in ["from", "between"] { groups[word] = .fromBetween }
        for word in ["over", "in", "during", "across", "within"] { groups[word] = .overIn }
        for word in ["for", "of", "since", "by", "until", "through"] { groups[word] = .ofYear }
        for word in ["last", "next", "this"] { groups[word] = .lastNextThis }
        for word in ["early", "mid", "late"] { groups[word] = .partOfMonth }
        return groups
    }()

    static func mayStart(_ token: TextToken) -> Bool {
        switch token.kind {
        case .number: return true
        case .word(let text), .ideograph(let text): return leadFilter.mayContain(text) && leads.contains(text)
        default: return false
        }
    }

    /// The phrase that starts at token `k`, and the token after it. `abbreviations` accepts
    /// "Thu" without "on" or a period (claims typed on the command line).
    static func phrase(in tokens: [TextToken], at k: Int, scalars: [Unicode.Scalar], abbreviations: Bool) -> (DatePhrase, Int)? {
        let reader = Reader(tokens: tokens, scalars: scalars, abbreviations: abbreviations)
        guard let (kind, end) = reader.read(at: k), end > k else { return nil }
        let range = tokens[k].range.lowerBound..<tokens[end - 1].range.upperBound
        return (DatePhrase(kind: kind, text: collapsedText(scalars[range]), range: range), end)
    }

    /// The scalars as one line: every run of white space one space, none at the ends.
    static func collapsedText(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // The UTF-8 length before collapsing is the most the line can take.
        var capacity = 0
        for scalar in scalars {
            let value = scalar.value
            capacity += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x1_0000 ? 3 : 4
        }
        guard capacity > 0 else { return "" }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            var space = false
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    if value == 0x20 || (value >= 0x09 && value <= 0x0D) {
                        space = true
                        continue
                    }
                } else if TextToken.isSpace(scalar) {
                    space = true
                    continue
                }
                if space, count > 0 {
                    buffer[count] = 0x20
                    count += 1
                }
                space = false
                if value < 0x80 {
                    buffer[count] = UInt8(truncatingIfNeeded: value)
                    count += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[count] = byte
                        count += 1
                    }
                }
            }
            return count
        }
    }
}

// MARK: - Reader

extension DatePhraseReader {
    struct Reader {
        let tokens: [TextToken]
        let scalars: [Unicode.Scalar]
        let abbreviations: Bool

        typealias Read = (DatePhrase.Kind, Int)

        func read(at k: Int) -> Read? {
            guard k < tokens.count else { return nil }
            if let chinese = chinese(at: k) { return chinese }
            guard let lead = word(k), !tokens[k].isIdeograph else { return numericStart(at: k) }
            switch DatePhraseReader.leadGroups[lead] ?? .other {
            case .on:
                return weekdaysOrDates(at: k + 1, abbreviations: true)
            case .fromBetween:
                let joiners: Set<String> = lead == "between" ? ["and"] : DateVocabulary.rangeWords
                if let (first, afterFirst) = weekday(at: k + 1, abbreviations: true), let joiner = joiner(at: afterFirst, words: joiners),
                    let (last, end) = weekday(at: joiner, abbreviations: true)
                {
                    return (.weekdayRange(first, last), end)
                }
                if let (first, last, end) = dateRange(at: k + 1, joiners: joiners), first != last {
                    return (.dates(first, last, weekday: nil), end)
                }
                if lead == "from", let (year, end) = year(at: k + 1, comma: false) { return (.year(year), end) }
                return nil
            case .overIn:
                if let (count, end) = sessionCount(at: k + 1) { return (.sessions(count), end) }
                guard lead == "in" || lead == "during" else { return nil }
                var m = k + 1
                if word(m) == "the", word(m + 1) == "week" { return nil }
                if let part = word(m), DateVocabulary.partOfMonth.contains(part) {
                    m += 1
                    if tokens.indices.contains(m), tokens[m].kind == .dash { m += 1 }
                }
                if let (month, end) = monthName(at: m) {
                    if let (year, afterYear) = year(at: end, comma: false) { return (.month(month, year: year, .none), afterYear) }
                    return (.month(month, year: nil, .none), end)
                }
                if m > k + 1, let (year, end) = year(at: m, comma: false) { return (.year(year), end) }
                if let (year, end) = year(at: k + 1, comma: false) { return (.year(year), end) }
                return nil
            case .ofYear:
                if let (year, end) = year(at: k + 1, comma: false) { return (.year(year), end) }
                return nil
            case .lastNextThis:
                let modifier: DatePhrase.Modifier = lead == "last" ? .last : lead == "next" ? .next : .this
                let offset = lead == "last" ? -1 : lead == "next" ? 1 : 0
                if let (day, end) = weekday(at: k + 1, abbreviations: true) { return (.weekdays([day], modifier), end) }
                if let (month, end) = monthName(at: k + 1) { return (.month(month, year: nil, modifier), end) }
                switch word(k + 1) {
                case "week": return (.week(offset), k + 2)
                case "month": return (.relativeMonth(offset), k + 2)
                case "year": return (.relativeYear(offset), k + 2)
                default: return nil
                }
            case .today: return (.relativeDay(0), k + 1)
            case .yesterday: return (.relativeDay(-1), k + 1)
            case .tomorrow: return (.relativeDay(1), k + 1)
            case .partOfMonth:
                var m = k + 1
                if tokens.indices.contains(m), tokens[m].kind == .dash { m += 1 }
                guard let (month, end) = monthName(at: m) else { return nil }
                if let (year, afterYear) = year(at: end, comma: false) { return (.month(month, year: year, .none), afterYear) }
                return (.month(month, year: nil, .none), end)
            case .other:
                return weekdaysOrDates(at: k, abbreviations: abbreviations)
            }
        }

        /// Weekdays ("Friday", "Wednesday and Thursday", "Tuesday to Thursday", "Friday, June 9,
        /// 2023"), dates ("May 8", "June 7–8, 2023", "2023-06-08") or a month with its year
        /// ("December 2022").
        func weekdaysOrDates(at k: Int, abbreviations: Bool) -> Read? {
            if let (first, afterFirst) = weekday(at: k, abbreviations: abbreviations) {
                // "Friday, June 9, 2023", "Thursday June 8": a date with its weekday.
                var d = afterFirst
                if d < tokens.count, tokens[d].kind == .comma { d += 1 }
                if let (date, end) = date(at: d) { return (.dates(date, date, weekday: first), end) }
                if let joiner = joiner(at: afterFirst, words: DateVocabulary.rangeWords),
                    let (last, end) = weekday(at: joiner, abbreviations: true)
                {
                    return (.weekdayRange(first, last), end)
                }
                var list = [first]
                var end = afterFirst
                while true {
                    var next = end
                    if next < tokens.count, tokens[next].kind == .comma { next += 1 }
                    if word(next) == "and" { next += 1 }
                    guard next > end, let (day, after) = weekday(at: next, abbreviations: true) else { break }
                    list.append(day)
                    end = after
                }
                return (.weekdays(list, .none), end)
            }
            if let (first, last, end) = dateRange(at: k, joiners: DateVocabulary.rangeWords) {
                return (.dates(first, last, weekday: nil), end)
            }
            if let (month, afterMonth) = monthName(at: k), let (year, end) = year(at: afterMonth, comma: false) {
                return (.month(month, year: year, .none), end)
            }
            return nil
        }

        /// What starts with a number: an ISO date, a Chinese date (`6月7日`, `2023年6月9日`), or a
        /// day before its month (`8 June 2023`).
        func numericStart(at k: Int) -> Read? {
            if let (date, end) = isoDate(at: k) { return (.dates(date, date, weekday: nil), end) }
            if let chinese = chineseNumericDate(at: k) { return chinese }
            if let (first, last, end) = dateRange(at: k, joiners: DateVocabulary.rangeWords) { return (.dates(first, last, weekday: nil), end) }
            return nil
        }

        // MARK: Parts

        /// A weekday name; an abbreviation only when `abbreviations`, or with its period.
        func weekday(at k: Int, abbreviations: Bool) -> (Int, Int)? {
            guard let text = word(k), !tokens[k].isIdeograph else { return nil }
            if let day = DateVocabulary.weekdays[text] { return (day, k + 1) }
            guard let day = DateVocabulary.weekdayAbbreviations[text] else { return nil }
            if k + 1 < tokens.count, tokens[k + 1].kind == .period { return (day, k + 2) }
            return abbreviations ? (day, k + 1) : nil
        }

        /// A month name, or an abbreviation with or without its period (`Dec.`, `Sept`).
        func monthName(at k: Int) -> (Int, Int)? {
            guard let text = word(k), !tokens[k].isIdeograph else { return nil }
            if let month = DateVocabulary.months[text] { return (month, k + 1) }
            guard let month = DateVocabulary.monthAbbreviations[text] else { return nil }
            if k + 1 < tokens.count, tokens[k + 1].kind == .period { return (month, k + 2) }
            return (month, k + 1)
        }

        /// `June 8`, `June 8, 2023`, `June 8th`, `Jan. 3, 2023`, `8 June 2023`, `2023-06-08`.
        func date(at k: Int) -> (ClaimedDate, Int)? {
            if let (month, afterMonth) = monthName(at: k), let day = dayNumber(at: afterMonth) {
                var end = afterMonth + 1
                if let suffix = word(end), ["st", "nd", "rd", "th"].contains(suffix) { end += 1 }
                var date = ClaimedDate(month: month, day: day)
                if let (year, afterYear) = year(at: end, comma: true) {
                    date.year = year
                    end = afterYear
                }
                return (date, end)
            }
            if let day = dayNumber(at: k) {
                var next = k + 1
                if let suffix = word(next), ["st", "nd", "rd", "th"].contains(suffix) { next += 1 }
                if let (month, afterMonth) = monthName(at: next), DateVocabulary.months[word(next) ?? ""] != nil || afterMonth > next + 1 {
                    var date = ClaimedDate(month: month, day: day)
                    var end = afterMonth
                    if let (year, afterYear) = year(at: end, comma: false) {
                        date.year = year
                        end = afterYear
                    }
                    return (date, end)
                }
            }
            return isoDate(at: k)
        }

        /// `2023-06-08`: a four-digit year, a dash, two digits, a dash, two digits.
        func isoDate(at k: Int) -> (ClaimedDate, Int)? {
            guard k + 4 < tokens.count, let year = number(k), year.decimals == 0, year.text.count == 4, tokens[k + 1].kind == .dash,
                let month = number(k + 2), month.text.count == 2, tokens[k + 3].kind == .dash, let day = number(k + 4), day.text.count == 2,
                tokens[k + 1].range.lowerBound == tokens[k].range.upperBound, tokens[k + 3].range.upperBound == tokens[k + 4].range.lowerBound
            else { return nil }
            let date = ClaimedDate(month: Int(month.value), day: Int(day.value), year: Int(year.value))
            guard date.day(inYear: 2000) != nil || (date.month == 2 && date.day == 29) else { return nil }
            return (date, k + 5)
        }

        /// A date, or two joined by a dash or one of `joiners`; the second may be a bare day of
        /// the first's month (`June 7–8, 2023`). A year written only on the second applies to both.
        func dateRange(at k: Int, joiners: Set<String>) -> (ClaimedDate, ClaimedDate, Int)? {
            guard var (first, end) = date(at: k) else { return nil }
            guard let afterJoiner = joiner(at: end, words: joiners) else { return (first, first, end) }
            var last: ClaimedDate
            if let (second, afterSecond) = date(at: afterJoiner) {
                last = second
                end = afterSecond
            } else if let day = dayNumber(at: afterJoiner), first.year == nil, day > first.day {
                last = ClaimedDate(month: first.month, day: day)
                end = afterJoiner + 1
                if let (year, afterYear) = year(at: end, comma: true) {
                    last.year = year
                    end = afterYear
                }
            } else {
                return (first, first, end)
            }
            if first.year == nil, let year = last.year {
                first.year = (first.month, first.day) > (last.month, last.day) ? year - 1 : year
            }
            return (first, last, end)
        }

        /// A day of the month: a whole number 1...31 of at most two digits, not followed by a unit
        /// or a time (`June 8 points`, `8:30`).
        func dayNumber(at k: Int) -> Int? {
            guard let number = number(k), number.decimals == 0, number.text.count <= 2, number.value >= 1, number.value <= 31 else { return nil }
            if let next = tokens.indices.contains(k + 1) ? tokens[k + 1] : nil {
                switch next.kind {
                case .percentSign, .colon: return nil
                case .word(let unit) where ClaimVocabulary.pointWords.contains(unit) || ClaimVocabulary.percentWords.contains(unit): return nil
                case .ideograph(let unit) where unit == "点": return nil
                default: break
                }
            }
            return Int(number.value)
        }

        /// `, 2023` (with `comma`) or ` 2023`: a four-digit whole number from 1000 to 2999, not
        /// followed by a unit.
        func year(at start: Int, comma: Bool) -> (Int, Int)? {
            var k = start
            if comma, k < tokens.count, tokens[k].kind == .comma { k += 1 }
            guard let number = number(k), number.decimals == 0, number.text.count == 4, number.value >= 1000, number.value < 3000 else {
                return nil
            }
            if let next = tokens.indices.contains(k + 1) ? tokens[k + 1] : nil {
                switch next.kind {
                case .percentSign: return nil
                case .word(let unit) where ClaimVocabulary.pointWords.contains(unit) || ClaimVocabulary.percentWords.contains(unit): return nil
                case .ideograph(let unit) where unit == "点" || unit == "年" || unit == "月": return nil
                default: break
                }
            }
            return (Int(number.value), k + 1)
        }

        /// `the past three sessions`, `10 sessions`, `two days`, `the last 5 trading days`.
        func sessionCount(at start: Int) -> (Int, Int)? {
            var k = start
            if word(k) == "the" { k += 1 }
            if let skip = word(k), ["past", "last", "previous", "latest"].contains(skip) { k += 1 }
            let count: Int
            if let number = number(k), number.decimals == 0, !number.text.contains(","), number.value >= 1, number.value <= 10_000 {
                count = Int(number.value)
            } else if let text = word(k), let value = DateVocabulary.countWords[text] {
                count = value
            } else {
                return nil
            }
            k += 1
            if word(k) == "trading" { k += 1 }
            guard let unit = word(k), DateVocabulary.sessionWords.contains(unit) else { return nil }
            return (count, k + 1)
        }

        /// The token after a range joiner at `k` (a dash or one of `words`), or `nil`.
        func joiner(at k: Int, words: Set<String>) -> Int? {
            guard k < tokens.count else { return nil }
            if tokens[k].kind == .dash { return k + 1 }
            if let text = word(k), words.contains(text) { return k + 1 }
            return nil
        }

        // MARK: Chinese

        /// 周五, 星期五, 上周五, 本周, 下周, 今天, 昨天, 上月, 去年, 近三个交易日, 周四和周五, 周一至周三.
        func chinese(at k: Int) -> Read? {
            guard k < tokens.count, tokens[k].isIdeograph, let first = word(k) else { return nil }
            let second = ideograph(k + 1)
            switch (first, second) {
            case ("今", "天"), ("今", "日"): return (.relativeDay(0), k + 2)
            case ("昨", "天"), ("昨", "日"): return (.relativeDay(-1), k + 2)
            case ("明", "天"), ("明", "日"): return (.relativeDay(1), k + 2)
            case ("前", "天"): return (.relativeDay(-2), k + 2)
            case ("去", "年"): return (.relativeYear(-1), k + 2)
            case ("今", "年"): return (.relativeYear(0), k + 2)
            case ("明", "年"): return (.relativeYear(1), k + 2)
            default: break
            }
            // 上 / 本 / 这 / 下 before 周, 星期, 月.
            var modifier: DatePhrase.Modifier?
            var m = k
            switch first {
            case "上": modifier = .last
            case "本", "这": modifier = .this
            case "下": modifier = .next
            default: break
            }
            if modifier != nil {
                m = k + 1
                if ideograph(m) == "个" { m += 1 }
                if ideograph(m) == "月" {
                    let offset = modifier == .last ? -1 : modifier == .next ? 1 : 0
                    return (.relativeMonth(offset), m + 1)
                }
            }
            guard let (afterWeekWord, _) = weekWord(at: m) else {
                return modifier == nil ? chineseSessions(at: k) : nil
            }
            if let day = ideograph(afterWeekWord).flatMap({ DateVocabulary.chineseWeekdays[$0] }) {
                let end = afterWeekWord + 1
                switch modifier {
                case .last?: return (.weekdays([day], .lastWeek), end)
                case .next?: return (.weekdays([day], .nextWeek), end)
                case .this?: return (.weekdays([day], .this), end)
                default: break
                }
                // 周一至周三, 周四和周五, 周四、周五.
                if let joinerEnd = chineseJoiner(at: end, range: true), let (w, _) = weekWord(at: joinerEnd),
                    let last = ideograph(w).flatMap({ DateVocabulary.chineseWeekdays[$0] })
                {
                    return (.weekdayRange(day, last), w + 1)
                }
                var list = [day]
                var stop = end
                while let joinerEnd = chineseJoiner(at: stop, range: false), let (w, _) = weekWord(at: joinerEnd),
                    let next = ideograph(w).flatMap({ DateVocabulary.chineseWeekdays[$0] })
                {
                    list.append(next)
                    stop = w + 1
                }
                return (.weekdays(list, .none), stop)
            }
            // 本周, 上周, 下周 (not 周末, the weekend).
            guard let modifier, ideograph(afterWeekWord) != "末" else { return nil }
            return (.week(modifier == .last ? -1 : modifier == .next ? 1 : 0), afterWeekWord)
        }

        /// 周, 星期 or 礼拜 at `k`: the token after it.
        func weekWord(at k: Int) -> (Int, Int)? {
            switch ideograph(k) {
            case "周": return (k + 1, k)
            case "星": return ideograph(k + 1) == "期" ? (k + 2, k) : nil
            case "礼": return ideograph(k + 1) == "拜" ? (k + 2, k) : nil
            default: return nil
            }
        }

        /// 至, 到, 一 (dash), 和, 及, 、: the token after the joiner; `range` asks for 至/到/dash.
        func chineseJoiner(at k: Int, range: Bool) -> Int? {
            guard k < tokens.count else { return nil }
            if range {
                if tokens[k].kind == .dash || tokens[k].kind == .other("~") || tokens[k].kind == .other("～") { return k + 1 }
                if let text = ideograph(k), text == "至" || text == "到" { return k + 1 }
                return nil
            }
            if tokens[k].kind == .comma, tokens[k].range.count == 1, scalars[tokens[k].range.lowerBound] == "、" { return k + 1 }
            if let text = ideograph(k), text == "和" || text == "及" || text == "与" { return k + 1 }
            return nil
        }

        /// 近三个交易日, 过去5个交易日, 最近两个交易日: the last N sessions.
        func chineseSessions(at k: Int) -> Read? {
            var m = k
            switch (ideograph(m), ideograph(m + 1)) {
            case ("近", _): m += 1
            case ("过", "去"), ("最", "近"): m += 2
            default: return nil
            }
            var count: Int?
            if let number = number(m), number.decimals == 0, !number.text.contains(","), number.value >= 1, number.value <= 1000 {
                count = Int(number.value)
            } else if let text = ideograph(m) {
                count = DateVocabulary.chineseDigits[text]
            }
            guard let count else { return nil }
            m += 1
            if ideograph(m) == "个" { m += 1 }
            guard ideograph(m) == "交", ideograph(m + 1) == "易", ideograph(m + 2) == "日" else { return nil }
            return (.sessions(count), m + 3)
        }

        /// 6月7日, 6月7号, 2023年6月9日, 2023年06月09日, 6月7日至9日, 2023年6月, 6月, 2023年.
        func chineseNumericDate(at k: Int) -> Read? {
            guard let first = number(k), first.decimals == 0, !first.text.contains(",") else { return nil }
            var m = k + 1
            var year: Int?
            if ideograph(m) == "年" {
                guard first.text.count == 4 else { return nil }
                year = Int(first.value)
                m += 1
                guard let monthNumber = number(m), ideograph(m + 1) == "月" else { return (.year(Int(first.value)), m) }
                return chineseMonthDay(month: monthNumber, year: year, at: m + 2)
            }
            guard ideograph(m) == "月" else { return nil }
            return chineseMonthDay(month: first, year: nil, at: m + 1)
        }

        /// After `M月`: a day (`7日`, `7号`), a range to another day, or nothing (the month).
        func chineseMonthDay(month: ClaimedNumber, year: Int?, at k: Int) -> Read? {
            guard month.decimals == 0, month.value >= 1, month.value <= 12 else { return nil }
            let monthNumber = Int(month.value)
            guard let day = number(k), day.decimals == 0, day.value >= 1, day.value <= 31, ideograph(k + 1) == "日" || ideograph(k + 1) == "号"
            else {
                if ideograph(k) == "份" { return (.month(monthNumber, year: year, .none), k + 1) }
                return (.month(monthNumber, year: year, .none), k)
            }
            let first = ClaimedDate(month: monthNumber, day: Int(day.value), year: year)
            var end = k + 2
            var last = first
            if let afterJoiner = chineseJoiner(at: end, range: true), let second = number(afterJoiner), second.decimals == 0,
                second.value > day.value, second.value <= 31, ideograph(afterJoiner + 1) == "日" || ideograph(afterJoiner + 1) == "号"
            {
                last = ClaimedDate(month: monthNumber, day: Int(second.value), year: year)
                end = afterJoiner + 2
            }
            return (.dates(first, last, weekday: nil), end)
        }

        // MARK: Helpers

        func word(_ k: Int) -> String? {
            k < tokens.count ? tokens[k].word : nil
        }

        func ideograph(_ k: Int) -> String? {
            guard k < tokens.count, case .ideograph(let text) = tokens[k].kind else { return nil }
            return text
        }

        func number(_ k: Int) -> ClaimedNumber? {
            k < tokens.count ? tokens[k].number : nil
        }
    }
}

// MARK: - Dates for an events file

extension DatePhraseReader {
    /// A date phrase typed for an events file ("yesterday", "last Tuesday", "June 8", "June 8,
    /// 2023", "last December", "in April") placed against `today` as a news sentence of that day
    /// would be (past tense; future with "next", "tomorrow"): the `date` cell to write
    /// (`2023-06-06`, or `2022-12` for a month) and the resolution. `nil` when `text` is no phrase;
    /// a usage error for a phrase of a week, a year or a session count, which names no day.
    public static func eventDate(_ text: String, today: Day) throws(MarketLinkError) -> (date: String, resolved: ResolvedDates)? {
        guard let phrase = phrase(text) else { return nil }
        let tense = TenseReader.tense(of: TextToken.tokenize(text), phrases: [phrase])
        switch phrase.precision {
        case .week, .year:
            throw .usage("\(quoted(text)) names a \(phrase.precision.rawValue), not a day or a month; give the day, e.g. 2023-06-07")
        case .day, .month:
            guard phrase.sessionCount == nil else {
                throw .usage("\(quoted(text)) counts sessions, not a day; give the day, e.g. 2023-06-07")
            }
        }
        guard let resolved = phrase.resolved(publishedOn: today, tense: tense) else {
            throw .usage("\(quoted(text)) names no date that exists")
        }
        if resolved.first != resolved.last, resolved.precision == .day {
            throw .usage("\(quoted(text)) names several days (\(resolved)); give one")
        }
        let date = resolved.precision == .month ? String(resolved.first.iso.prefix(7)) : resolved.first.iso
        return (date, resolved)
    }
}
