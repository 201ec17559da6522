// MARK: - Claim vocabulary

/// The words `ClaimReader` knows, in English and Chinese newsroom usage. English matching is on
/// lowercased words; Chinese on single characters (`["上", "涨"]` is 上涨).
enum ClaimVocabulary {
    /// Verb phrases and the direction they give; `nil` for verbs that only lead to a level
    /// ("closed at 33,833.61", "ended 260 points higher").
    static let verbs: [(words: [String], direction: MoveDirection?)] = {
        let up = [
            "rose", "rises", "risen", "rising", "gained", "gains", "gaining", "increased", "increases", "increasing", "surged",
            "surges", "surging", "climbed", "climbs", "climbing", "jumped", "jumps", "jumping", "added", "adds", "adding",
            "advanced", "advances", "advancing", "rallied", "rallies", "rallying", "soared", "soars", "soaring", "rebounded",
            "rebounds", "rebounding", "edged up", "edged higher", "edging up", "edging higher", "ticked up", "inched up",
            "inched higher", "moved up", "moved higher", "went up", "was up", "is up", "was higher", "closed up", "closed higher",
            "closing up", "closing higher", "ended up", "ended higher", "ending up", "ending higher", "finished up",
            "finished higher", "settled up", "settled higher",
        ]
        let down = [
            "fell", "falls", "fallen", "falling", "lost", "loses", "losing", "decreased", "decreases", "decreasing", "slid",
            "slides", "sliding", "dropped", "drops", "dropping", "tumbled", "tumbles", "tumbling", "shed", "sheds", "shedding",
            "declined", "declines", "declining", "sank", "sinks", "sunk", "sinking", "slipped", "slips", "slipping", "slumped",
            "slumps", "slumping", "plunged", "plunges", "plunging", "plummeted", "plummeting", "retreated", "retreats",
            "retreating", "dipped", "dips", "dipping", "edged down", "edged lower", "edging down", "edging lower", "ticked down",
            "inched down", "inched lower", "moved down", "moved lower", "went down", "was down", "is down", "was lower",
            "closed down", "closed lower", "closing down", "closing lower", "ended down", "ended lower", "ending down",
            "ending lower", "finished down", "finished lower", "settled down", "settled lower",
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
        for (phrase, direction) in chineseDirections { table.append((phrase.map { String($0) }, direction)) }
        return table
    }()

    /// `verbs` by their first word, each list in the order of `verbs`: a token is matched only
    /// against the phrases it can start.
    static let verbsByFirstWord: [String: [(words: [String], direction: MoveDirection?)]] = {
        var table: [String: [(words: [String], direction: MoveDirection?)]] = [:]
        for verb in verbs { if let first = verb.words.first { table[first, default: []].append(verb) } }
        return table
    }()

    /// Chinese verbs of a move, which are also direction words before a number (上证指数收报
    /// 3231.41点，涨0.55%): 涨, 上涨, 收涨, 涨幅 (the rise, as a percent), 升, 上升, 攀升, 走高,
    /// 跌, 下跌, 收跌, 跌幅, 下降, 回落, 走低, 持平 (flat).
    static let chineseDirections: [(String, MoveDirection)] = [
        ("上涨", .up), ("收涨", .up), ("涨幅", .up), ("大涨", .up), ("涨", .up), ("上升", .up), ("攀升", .up), ("升", .up),
        ("走高", .up), ("下跌", .down), ("收跌", .down), ("跌幅", .down), ("大跌", .down), ("跌", .down), ("下降", .down),
        ("回落", .down), ("走低", .down), ("持平", .unchanged),
    ]

    /// Words after the verb that give or confirm a direction ("closed 260 points higher", "closed
    /// at 33,833.61, up 260.33 points"), and the Chinese direction words.
    static let directionWords: [(words: [String], direction: MoveDirection)] = {
        var table: [(words: [String], direction: MoveDirection)] = [
            (["up"], .up), (["higher"], .up), (["down"], .down), (["lower"], .down), (["unchanged"], .unchanged), (["flat"], .unchanged),
        ]
        for (phrase, direction) in chineseDirections { table.append((phrase.map { String($0) }, direction)) }
        return table
    }()

    /// What leads to a level: "to", "at", "to close at", "closing at", "closed at"; and in
    /// Chinese 收报, 收于, 报收, 收在, 报 (收报3231.41点).
    static let chineseLevelMarkers: [[String]] = [["收", "盘", "报"], ["收", "报"], ["收", "于"], ["报", "收"], ["收", "在"], ["报"]]

    /// Words between an index's name and its verb that change nothing: "the Dow has also
    /// surged", "the Hang Seng Index has gained", 上证指数累计上涨, 恒生指数收盘上涨.
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "was", "were", "is", "are", "also", "further", "again", "briefly", "sharply", "slightly", "modestly",
        "just", "then", "initially", "eventually", "finally", "only", "steadily", "broadly", "itself",
    ]
    static let chineseAuxiliaries: [[String]] = [["累", "计"], ["收", "盘"], ["也"], ["亦"], ["则"], ["全", "天"], ["当", "日"], ["早", "盘"], ["午", "盘"]]

    /// Qualifiers before a number.
    static let qualifiers: [(words: [String], qualifier: ClaimedNumber.Qualifier)] = [
        (["more", "than"], .moreThan), (["just", "over"], .moreThan), (["just", "above"], .moreThan), (["over"], .moreThan),
        (["above"], .moreThan), (["upwards", "of"], .moreThan),
        (["less", "than"], .lessThan), (["fewer", "than"], .lessThan), (["under"], .lessThan), (["below"], .lessThan),
        (["just", "under"], .almost), (["just", "below"], .almost), (["nearly"], .almost), (["almost"], .almost),
        (["about"], .about), (["around"], .about), (["roughly"], .about), (["approximately"], .about), (["some"], .about),
    ]

    static let pointWords: Set<String> = ["points", "point", "pts", "pt", "点"]
    static let percentWords: Set<String> = ["percent", "pct"]

    /// Phrases skipped where they stand between parts.
    static let fillers: [[String]] = [
        ["for", "the", "day"], ["for", "the", "session"], ["on", "the", "day"], ["on", "the", "session"],
        ["in", "the", "session"], ["in", "trading"], ["at", "the", "close"], ["at", "the", "end", "of", "trading"],
    ]
}
