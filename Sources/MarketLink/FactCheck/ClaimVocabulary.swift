// MARK: - Claim vocabulary

/// The words `ClaimReader` knows, in English newsroom usage. Matching is on lowercased words.
enum ClaimVocabulary {
    /// Verb phrases and the direction they give; `nil` for verbs that only lead to a level
    /// ("closed at 33,833.61", "ended 260 points higher").
    static let verbs: [(words: [String], direction: MoveDirection?)] = {
        let up = [
            "rose", "rises", "gained", "gains", "increased", "increases", "surged", "surges", "climbed", "climbs", "jumped",
            "jumps", "added", "adds", "advanced", "advances", "rallied", "rallies", "soared", "soars", "rebounded",
            "rebounds", "edged up", "edged higher", "ticked up", "inched up", "inched higher", "moved up", "moved higher",
            "went up", "was up", "is up", "was higher", "closed up", "closed higher", "ended up", "ended higher",
            "finished up", "finished higher", "settled up", "settled higher",
        ]
        let down = [
            "fell", "falls", "lost", "loses", "decreased", "decreases", "slid", "slides", "dropped", "drops", "tumbled",
            "tumbles", "shed", "sheds", "declined", "declines", "sank", "sinks", "slipped", "slips", "slumped", "slumps",
            "plunged", "plunges", "plummeted", "retreated", "retreats", "dipped", "dips", "edged down", "edged lower",
            "ticked down", "inched down", "inched lower", "moved down", "moved lower", "went down", "was down", "is down",
            "was lower", "closed down", "closed lower", "ended down", "ended lower", "finished down", "finished lower",
            "settled down", "settled lower",
        ]
        let unchanged = [
            "was unchanged", "is unchanged", "was flat", "is flat", "closed unchanged", "closed flat", "ended unchanged",
            "ended flat", "finished unchanged", "finished flat", "held steady", "was steady",
        ]
        let levelOnly = ["closed", "ended", "finished", "settled", "stood", "closes", "ends"]
        var table: [(words: [String], direction: MoveDirection?)] = []
        for phrase in up { table.append((phrase.split(separator: " ").map(String.init), .up)) }
        for phrase in down { table.append((phrase.split(separator: " ").map(String.init), .down)) }
        for phrase in unchanged { table.append((phrase.split(separator: " ").map(String.init), .unchanged)) }
        for phrase in levelOnly { table.append(([phrase], nil)) }
        return table
    }()

    /// Words after the verb that give or confirm a direction ("closed 260 points higher").
    static let directionWords: [String: MoveDirection] = [
        "up": .up, "higher": .up, "down": .down, "lower": .down, "unchanged": .unchanged, "flat": .unchanged,
    ]

    /// Qualifiers before a number.
    static let qualifiers: [(words: [String], qualifier: ClaimedNumber.Qualifier)] = [
        (["more", "than"], .moreThan), (["just", "over"], .moreThan), (["just", "above"], .moreThan), (["over"], .moreThan),
        (["above"], .moreThan), (["upwards", "of"], .moreThan),
        (["less", "than"], .lessThan), (["fewer", "than"], .lessThan), (["under"], .lessThan), (["below"], .lessThan),
        (["just", "under"], .almost), (["just", "below"], .almost), (["nearly"], .almost), (["almost"], .almost),
        (["about"], .about), (["around"], .about), (["roughly"], .about), (["approximately"], .about), (["some"], .about),
    ]

    static let pointWords: Set<String> = ["points", "point", "pts", "pt"]
    static let percentWords: Set<String> = ["percent", "pct"]
    static let sessionWords: Set<String> = ["sessions", "session", "days", "day"]

    /// Phrases skipped where they stand between parts.
    static let fillers: [[String]] = [
        ["for", "the", "day"], ["for", "the", "session"], ["on", "the", "day"], ["on", "the", "session"],
        ["in", "the", "session"], ["in", "trading"], ["at", "the", "close"], ["at", "the", "end", "of", "trading"],
    ]

    /// ISO weekday (1 = Monday) by name or common abbreviation.
    static let weekdays: [String: Int] = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4, "thu": 4,
        "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    ]

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    static let countWords: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    ]

    /// Words that join the two ends of a range.
    static let rangeWords: Set<String> = ["to", "through", "thru", "until", "till"]
}
