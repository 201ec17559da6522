// MARK: - Date vocabulary

/// The words `DatePhraseReader` knows. English matching is on lowercased words; Chinese on
/// single characters.
enum DateVocabulary {
    /// ISO weekday (1 = Monday) by full name.
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]

    /// Abbreviated weekdays. "Sun", "Sat", "Wed" and "Mar" are also ordinary words, so in running
    /// text an abbreviation counts only after "on" or with its period ("Thu.").
    static let weekdayAbbreviations: [String: Int] = [
        "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
    ]

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9,
        "october": 10, "november": 11, "december": 12,
    ]

    /// Abbreviated months (AP style writes "Jan.", "Aug.", "Sept.", "Dec." before a day).
    static let monthAbbreviations: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
        "dec": 12,
    ]

    static let countWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    ]

    static let sessionWords: Set<String> = ["sessions", "session", "days", "day"]

    /// Words that join the two ends of a range.
    static let rangeWords: Set<String> = ["to", "through", "thru", "until", "till"]

    /// Words before a year alone: "in 1957", "for 2023", "of 2022".
    static let yearLeads: Set<String> = ["in", "for", "of", "since", "by", "until", "during", "through", "from"]

    /// "in early June", "in late December": still the month.
    static let partOfMonth: Set<String> = ["early", "mid", "late"]

    // MARK: Chinese

    /// 一 … 日: the weekday after 周, 星期 or 礼拜 (日 and 天 are Sunday).
    static let chineseWeekdays: [String: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7]

    static let chineseDigits: [String: Int] = [
        "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    ]
}
