// MARK: - Fact check

/// Checks a `Claim` against a series (DESIGN §2 "Fact check").
///
/// **With a publication date**, or days written with their year ("on June 8, 2023"), the
/// claimed days are placed on the calendar first (`DatePhrase.resolved`, HeidelTime's news mode:
/// "on Wednesday and Thursday" in an article of Friday 2023-06-09 is June 7–8), and the *named
/// sessions* are the series' own sessions on those days ("over the past three sessions": the last
/// three up to the publication date). Then (DESIGN §7):
///
/// 1. **The end session.** With a level, the session whose close the level holds for at its own
///    precision (`ClaimedNumber.holds`); when several do, those on the named days are preferred,
///    then the one nearest `near` (or the publication date), the latest on a tie. That session
///    ends the span. With no level, or a level no session matches, the span ends at the last
///    named session (with no days at all: the last session on or before the publication date).
/// 2. **The span** is as many sessions as were named (1 with no days), ending at the end session.
/// 3. **The days hold** when the named sessions are the span's sessions. Without a level (or
///    with one no session matches) the days alone place the move, so they are not checked.
///
/// **Without a publication date**, weekday names cannot be placed; they are matched instead:
///
/// 1. **The end session.** With a level ("to 33,833.61"), the sessions whose close the level
///    holds for at its own precision (33,833.61 to the cent, 33,800 to the nearest 100). When
///    several do, those on the claimed date, then those on the claimed last weekday are preferred,
///    then the one nearest `near` (the latest without `near`), and a note says how many matched.
///    With no level, or a level no session matches, the end session is the claimed date (placed
///    near `near`) or the session nearest `near` on the claimed last weekday, else the last
///    session on or before `near`.
/// 2. **The span.** The number of sessions the move covers ends at the end session: the stated
///    count ("over the 10 sessions"), else one per weekday named ("on Wednesday and Thursday" is
///    2), else every session from the first named weekday to the last ("from Tuesday to
///    Thursday", counted on the calendar, so a holiday inside is not a session), else the sessions
///    dated in the claimed dates, else 1.
/// 3. **The days hold** when each weekday named is the weekday of the session in its place, and
///    claimed dates are the span's first and last dates.
///
/// Either way, **the move** runs from the close before the span to the end close (`Move`), and
/// there is a `Finding` for each part the claim gives: the level and starting level, the
/// direction of the verb ("was flat" holds when the move rounds to 0.0%), the points and the
/// percent (as magnitudes, at the claim's precision; off by actual − claimed where they do not
/// hold), and the days.
public struct FactCheck: Sendable {
    /// The claim as read.
    public var claim: Claim
    /// The series name as loaded (`DJIA`).
    public var seriesName: String
    /// The name sentences use (`The Dow Jones Industrial Average`).
    public var subject: String
    /// The move measured, or `nil` when none could be (no session to end at, no base close).
    public var move: Move?
    /// One finding per part of the claim, in the order level, base level, direction, points,
    /// percent, days.
    public var findings: [Finding]
    /// How the sessions were chosen, when there was a choice or a problem.
    public var notes: [String]
    /// Every session whose close the claimed level holds for, oldest first (empty without a level).
    public var levelSessions: [Day] = []
    /// The one of them that ends the span; `nil` when the claim has no level or no session matches it.
    public var levelSession: Day?
    /// The sessions the claimed days name once placed on the calendar (see the type's comment);
    /// `nil` when they could not be placed, or the claim names no days.
    public var namedSessions: [Day]?
    /// The claimed days on the calendar, when they could be placed.
    public var resolvedDays: ResolvedDates?
    /// The publication date the days were placed by.
    public var published: Day?
    /// The index the claim's subject names ("The Shanghai Composite ..."), if it names one.
    public var claimedIndex: IndexInfo?
    /// How the series' closes and moves are shown (`Series.display`).
    public var precision: DisplayPrecision

    /// True when every part the claim gives holds (`exact` or `holds`) and there was something
    /// to check.
    public var holds: Bool { !findings.isEmpty && findings.allSatisfy(\.status.isHolding) }

    /// The move as MarketLink would write it.
    public var sentence: String? {
        move.map { MoveSentence.text(for: $0, subject: subject, precision: precision) }
    }

    /// The overall line: `holds`, `holds as far as it could be checked (...)`, or
    /// `does not hold: points off by 2.33`.
    public var summary: String {
        let off = findings.filter { $0.status == .off }
        let unchecked = findings.filter { $0.status == .unchecked }
        if !off.isEmpty {
            return "does not hold: " + off.map { "\($0.part.rawValue) \($0.verdict)" }.joined(separator: "; ")
        }
        if findings.isEmpty || unchecked.count == findings.count { return "cannot be checked: " + (notes.last ?? "nothing to check") }
        if !unchecked.isEmpty {
            return "holds as far as it could be checked (not checked: \(unchecked.map(\.part.rawValue).joined(separator: ", ")))"
        }
        return "holds"
    }

    /// Checks `claim` against `series`. `published` is the day the claim was written (an
    /// article's publication date): it places weekday names and relative days ("yesterday", "last
    /// Friday", "this week") on the calendar. `near` prefers sessions near a date when the level
    /// or the days leave a choice. Throws a data error for an empty series, `.claimNeedsDate` when
    /// the claim gives nothing to find its session by (no level, no dated day, no `near`, no
    /// `published`), `.claimNeedsPublicationDate` for days only a publication date can place, and
    /// `.claimAboutAnotherIndex` for a claim that names another index than the series'.
    /// `vocabulary` names the caller's settings in the notes that point to them.
    public init(
        claim: Claim, series: Series, near: Day? = nil, published: Day? = nil, vocabulary: ToolVocabulary = .none
    ) throws(MarketLinkError) {
        guard !series.isTally else {
            throw MarketLinkError.usage(
                "\(quoted(series.name)) is a tally of events (a count or sum, which may be 0), not an index: market claims are checked against index levels")
        }
        guard !series.isEmpty else {
            throw MarketLinkError("\(quoted(series.name)) has no sessions to check the claim against")
        }
        self.claim = claim
        self.seriesName = series.name
        self.subject = series.displayName
        self.precision = series.display
        self.move = nil
        self.findings = []
        self.notes = []
        self.published = published

        // Attribution: a claim about one index is never checked against another's series.
        if let subjectText = claim.subject, let mention = IndexNameMatcher.mentions(in: subjectText).first {
            claimedIndex = mention.index
            if let index = series.index {
                guard index.isSameIndex(as: mention.index) else {
                    throw MarketLinkError(
                        .claimAboutAnotherIndex(claimed: mention.index.name, written: mention.text, series: series.name, holds: index.name))
                }
            } else {
                notes.append(
                    "the claim names the \(mention.index.name); which index \(quoted(series.name)) holds is not known from its name, so that was not checked (name the series after its index, e.g. \(mention.index.aliases.first(where: { !$0.hasPrefix("^") }) ?? mention.index.name))"
                )
            }
        }

        // 0. The claimed days on the calendar, and the sessions they name.
        let resolved = claim.days?.resolved(publishedOn: published)
        if let days = claim.days, resolved == nil, days.isRelative {
            throw MarketLinkError(.claimNeedsPublicationDate(days: days.text))
        }
        resolvedDays = resolved
        var named: [Int]?
        if let resolved {
            named = series.sessions(in: resolved, upTo: published)
        } else if let count = claim.days?.sessionCount, let published {
            let last = series.lastSession(onOrBefore: published)
            if last >= 0 { named = Array(max(0, last - count + 1)...last) }
        }
        namedSessions = named.map { $0.map(series.day(at:)) }
        let reference = near ?? published

        // 1. The end session.
        var levelFinding: Finding?
        var end: Int?
        if let level = claim.level {
            let matching = series.closes.indices.filter { level.holds(for: series.closes[$0]) }
            levelSessions = matching.map(series.day(at:))
            let chosen =
                named != nil || resolved != nil
                ? Self.choose(among: matching, series: series, preferring: resolved, named: named, near: reference)
                : Self.choose(among: matching, series: series, days: claim.days, near: near)
            if let chosen {
                end = chosen
                let day = series.day(at: chosen)
                levelSession = day
                if matching.count > 1 {
                    let shown = matching.prefix(5).map { series.day(at: $0).iso }.joined(separator: ", ")
                    let more = matching.count > 5 ? ", …" : ""
                    let fits = claim.days == nil ? "" : " that fits the claimed days"
                    let why =
                        reference.map { "the nearest to \($0.iso)\(fits)" }
                        ?? "the latest\(fits); " + (vocabulary.name(.nearDate).map { "give \($0) to choose another" } ?? "a date near the claim chooses another")
                    notes.append("\(matching.count) sessions closed at \(level.phrase) at that precision (\(shown)\(more)); took \(day.iso), \(why)")
                }
                levelFinding = Self.numberFinding(
                    .level, level, actual: series.display.value(series.close(at: chosen)), grouping: true, suffix: "", on: day)
            } else {
                let nearest = series.closes.indices.min { abs(series.closes[$0] - level.value) < abs(series.closes[$1] - level.value) }
                let nearestText =
                    nearest.map {
                        "; the nearest close is \(series.display.text(series.close(at: $0))) on \(series.day(at: $0).iso)"
                    } ?? ""
                notes.append("no session of \(series.name) closed at \(level.phrase) at that precision\(nearestText)")
                end = named != nil ? Self.lastNamed(named, resolved: resolved, series: series) : Self.sessionWithoutLevel(series: series, days: claim.days, near: reference)
                if let end {
                    let day = series.day(at: end)
                    let how = named != nil ? "by the named days" : near != nil ? "by the date given near the claim" : "by the claimed date"
                    notes.append("measured the move ending \(day.iso), \(how)")
                    levelFinding = Self.numberFinding(.level, level, actual: series.display.value(series.close(at: end)), grouping: true, suffix: "", on: day)
                } else {
                    levelFinding = Finding(
                        part: .level, claimed: level.phrase, actual: "no such close", claimedValue: level.value, status: .off,
                        verdict: "off: no session closed at \(level.phrase)\(nearestText)")
                    notes.append(
                        "give \(vocabulary.name(.nearDate) ?? "a date near the claim") to check the rest of the claim against the move that day")
                }
            }
        } else {
            let found =
                named != nil
                ? Self.lastNamed(named, resolved: resolved, series: series)
                : Self.sessionWithoutLevel(series: series, days: claim.days, near: reference)
            guard let found else {
                if named != nil || resolved != nil {
                    throw MarketLinkError("\(quoted(series.name)) has no session on or before the claimed days (\(resolved?.description ?? ""))")
                }
                throw MarketLinkError(.claimNeedsDate)
            }
            end = found
        }

        // 2. The span, and 3. the move.
        guard let end else {
            findings = [levelFinding].compactMap { $0 } + Self.uncheckedFindings(for: claim)
            return
        }
        let count = named.map { max(1, $0.count) } ?? Self.sessionCount(claimed: claim.days, end: end, series: series)
        guard let move = Move(series: series, baseSession: end - count, endSession: end) else {
            let endDay = series.day(at: end).iso
            let span =
                count == 1
                ? "the session of \(endDay) needs the close of the session before it"
                : "the \(count) sessions ending \(endDay) need the close of the session before the first of them"
            notes.append("\(span), and the data starts at \(series.day(at: 0).iso)")
            findings = [levelFinding].compactMap { $0 } + Self.uncheckedFindings(for: claim)
            return
        }
        self.move = move
        if claim.days == nil, claim.level != nil {
            notes.append("the claim names no days: measured the one session ending at the level")
        }

        // 3. Findings.
        var findings: [Finding] = []
        if let levelFinding { findings.append(levelFinding) }
        if let base = claim.baseLevel {
            findings.append(Self.numberFinding(.baseLevel, base, actual: series.display.value(move.baseClose), grouping: true, suffix: "", on: move.baseDay))
        }
        if let claimed = claim.direction {
            findings.append(Self.directionFinding(claimed, claimedText: claim.directionText ?? claim.verb, move: move, precision: series.display))
        }
        if let points = claim.points {
            findings.append(
                Self.numberFinding(
                    .points, points, actual: abs(series.display.points(from: move.baseClose, to: move.endClose)), grouping: true,
                    suffix: ""))
        }
        if let percent = claim.percent {
            findings.append(Self.numberFinding(.percent, percent, actual: abs(move.percent), grouping: true, suffix: "%"))
        }
        if let days = claim.days {
            if let named {
                findings.append(Self.namedDaysFinding(days, named: named, resolved: resolved, move: move, series: series, levelMatched: levelSession != nil, hasLevel: claim.level != nil))
            } else {
                findings.append(Self.daysFinding(days, move: move, series: series))
            }
        }
        self.findings = findings
    }

    // MARK: - Choosing sessions

    /// Among sessions whose close matches the level: prefer the claimed date, then the claimed
    /// last weekday, then the nearest to `near` (ties to the later), else the latest.
    static func choose(among matching: [Int], series: Series, days: ClaimedDays?, near: Day?) -> Int? {
        var candidates = matching
        if let last = days?.lastDate {
            let onDate = candidates.filter { last.resolved(near: near ?? series.day(at: $0)) == series.day(at: $0) }
            if !onDate.isEmpty { candidates = onDate }
        }
        if let weekday = days?.lastWeekday {
            let onWeekday = candidates.filter { series.day(at: $0).weekday == weekday }
            if !onWeekday.isEmpty { candidates = onWeekday }
        }
        guard let near else { return candidates.last }
        return candidates.min { a, b in
            let da = abs(series.day(at: a).distance(to: near))
            let db = abs(series.day(at: b).distance(to: near))
            return da < db || (da == db && a > b)
        }
    }

    /// Among sessions whose close matches the level, with the days placed on the calendar: prefer
    /// those on the named days, then the nearest to `near` (ties to the later), else the latest.
    static func choose(among matching: [Int], series: Series, preferring resolved: ResolvedDates?, named: [Int]?, near: Day?) -> Int? {
        var candidates = matching
        if let named {
            let onNamed = candidates.filter { named.contains($0) }
            if !onNamed.isEmpty { candidates = onNamed }
        } else if let resolved {
            let onDays = candidates.filter { resolved.contains(series.day(at: $0)) }
            if !onDays.isEmpty { candidates = onDays }
        }
        guard let near else { return candidates.last }
        return candidates.min { a, b in
            let da = abs(series.day(at: a).distance(to: near))
            let db = abs(series.day(at: b).distance(to: near))
            return da < db || (da == db && a > b)
        }
    }

    /// The last named session; when no session falls on the named days (a holiday), the last
    /// session before them.
    static func lastNamed(_ named: [Int]?, resolved: ResolvedDates?, series: Series) -> Int? {
        if let last = named?.last { return last }
        guard let resolved else { return nil }
        let session = series.lastSession(onOrBefore: resolved.last)
        return session >= 0 ? session : nil
    }

    /// The end session when no level locates it: the claimed last date (placed in a year by
    /// its own year or by `near`), else near `near` on the claimed last weekday (within six
    /// days), else the last session on or before `near`.
    static func sessionWithoutLevel(series: Series, days: ClaimedDays?, near: Day?) -> Int? {
        if let last = days?.lastDate, last.year != nil || near != nil,
            let day = last.resolved(near: near ?? Day(ordinal: 0))
        {
            let session = series.lastSession(onOrBefore: day)
            return session >= 0 ? session : nil
        }
        guard let near else { return nil }
        if let weekday = days?.lastWeekday {
            let low = series.firstSession(onOrAfter: near.adding(days: -6))
            let high = series.lastSession(onOrBefore: near.adding(days: 6))
            let onWeekday = low <= high ? (low...high).filter { series.day(at: $0).weekday == weekday } : []
            if let best = onWeekday.min(by: { abs(series.day(at: $0).distance(to: near)) < abs(series.day(at: $1).distance(to: near)) }) {
                return best
            }
        }
        let session = series.lastSession(onOrBefore: near)
        return session >= 0 ? session : (series.isEmpty ? nil : 0)
    }

    /// How many sessions the claimed days cover, ending at `end` (see the type's comment).
    static func sessionCount(claimed days: ClaimedDays?, end: Int, series: Series) -> Int {
        guard let days else { return 1 }
        if let count = days.sessionCount { return max(1, count) }
        let endDay = series.day(at: end)
        switch days.weekdays {
        case .list(let names):
            return max(1, names.count)
        case .range(let first, let last):
            if endDay.weekday == last {
                let firstDay = endDay.adding(days: -((last - first + 7) % 7))
                return max(1, end - series.firstSession(onOrAfter: firstDay) + 1)
            }
            // The end is not on the claimed weekday: count the weekdays Monday to Friday named.
            var count = 0
            var weekday = first
            for _ in 0..<7 {
                if weekday <= 5 { count += 1 }
                if weekday == last { break }
                weekday = weekday % 7 + 1
            }
            return max(1, count)
        case nil:
            break
        }
        if let (first, last) = days.resolvedDates(near: endDay) {
            let count = series.lastSession(onOrBefore: last) - series.firstSession(onOrAfter: first) + 1
            return max(1, count)
        }
        return 1
    }

    // MARK: - Findings

    /// The finding for one number, judged at the claim's precision.
    static func numberFinding(
        _ part: Finding.Part, _ claimed: ClaimedNumber, actual: Double, grouping: Bool, suffix: String, on day: Day? = nil
    ) -> Finding {
        let decimals = claimed.shownDecimals
        func text(_ value: Double, _ places: Int) -> String {
            NumberFormat.string(value, decimals: places, grouping: grouping) + suffix
        }
        let actualText = text(actual, decimals) + (day.map { " (\($0.iso))" } ?? "")
        let claimedText = claimed.phrase + suffix
        let when = day.map { " on \($0.iso)" } ?? ""
        var finding = Finding(
            part: part, claimed: claimedText, actual: actualText, claimedValue: claimed.value, actualValue: actual, status: .off,
            verdict: "")
        if claimed.isExact(for: actual) {
            finding.status = .exact
            finding.verdict = "exact" + (day.map { " (\($0.iso))" } ?? "")
        } else if claimed.holds(for: actual) {
            finding.status = .holds
            switch claimed.qualifier {
            case .moreThan: finding.verdict = "holds (\(text(actual, decimals)) is more than \(claimed.text)\(suffix)\(when))"
            case .lessThan: finding.verdict = "holds (\(text(actual, decimals)) is less than \(claimed.text)\(suffix)\(when))"
            case .none, .about, .almost:
                finding.verdict = "holds (\(text(actual, decimals)) → \(text(claimed.rounding(actual), claimed.decimals))\(when))"
            }
        } else {
            let difference = actual - claimed.value
            finding.difference = difference
            switch claimed.qualifier {
            case .moreThan: finding.verdict = "off: \(text(actual, decimals)) is not more than \(claimed.text)\(suffix)\(when)"
            case .lessThan: finding.verdict = "off: \(text(actual, decimals)) is not less than \(claimed.text)\(suffix)\(when)"
            case .almost where actual > claimed.value:
                finding.verdict = "off: \(text(actual, decimals)) is more than \(claimed.text)\(suffix)\(when)"
            case .none, .about, .almost:
                finding.verdict =
                    "off by \(NumberFormat.string(abs(difference), decimals: decimals, grouping: grouping))\(suffix == "%" ? " percentage points" : "")\(when)"
            }
        }
        return finding
    }

    /// Whether the move went the way the claim says. "Unchanged" or "flat" holds when the percent
    /// rounds to 0.0 at one decimal (|percent| < 0.05), as a wire writes "was flat" of a day that
    /// moved 0.07 points.
    static func directionFinding(_ claimed: MoveDirection, claimedText: String, move: Move, precision: DisplayPrecision) -> Finding {
        if claimed == .unchanged {
            let percent = abs(move.percent)
            if percent < 0.05 {
                return Finding(
                    part: .direction, claimed: claimedText, actual: "was flat (\(NumberFormat.string(percent, decimals: 2))%)",
                    actualValue: percent, status: .holds, verdict: "holds (flat: \(NumberFormat.string(percent, decimals: 2))%)")
            }
            let actual: MoveDirection = move.points > 0 ? .up : .down
            return Finding(part: .direction, claimed: claimedText, actual: actual.verb, status: .off, verdict: "off: it \(actual.verb)")
        }
        let actual = MoveDirection(move, precision: precision)
        let holds = actual == claimed
        return Finding(
            part: .direction, claimed: claimedText, actual: actual.verb, status: holds ? .holds : .off,
            verdict: holds ? "holds" : "off: it \(actual.verb)")
    }

    /// Whether the span's sessions are the sessions the days name, once placed on the calendar.
    /// Without a level, or with one no session matches, the days alone placed the move: not checked.
    static func namedDaysFinding(
        _ days: ClaimedDays, named: [Int], resolved: ResolvedDates?, move: Move, series: Series, levelMatched: Bool, hasLevel: Bool
    ) -> Finding {
        let actual = MoveSentence.span(first: move.firstDay, last: move.endDay, sessions: move.sessionCount)
        guard hasLevel, levelMatched else {
            let why = hasLevel ? "no session closed at the level, so the named days placed the move" : "with no level, the named days placed the move"
            return Finding(part: .days, claimed: days.text, actual: actual, status: .unchecked, verdict: "not checked: \(why)")
        }
        let span = Array(move.sessions)
        var problems: [String] = []
        if span != named {
            let count = span.count
            let names = named.isEmpty ? Self.namedDayNames(resolved) : listText(named.map { series.day(at: $0).weekday })
            problems.append(
                "the \(count) session\(count == 1 ? "" : "s") ending at \(move.endDay.iso) \(count == 1 ? "is" : "are") \(listText(span.map { series.day(at: $0).weekday })), not \(names)"
            )
        }
        if let stated = days.sessionCount, stated != move.sessionCount, days.lastDate != nil {
            problems.append("the move covers \(move.sessionCount) sessions, not \(stated)")
        }
        return Finding(
            part: .days, claimed: days.text, actual: actual, status: problems.isEmpty ? .holds : .off,
            verdict: problems.isEmpty ? "holds" : "off: " + problems.joined(separator: "; "))
    }

    /// The weekdays of the named days when no session fell on them: `Monday`, `Saturday and Sunday`.
    static func namedDayNames(_ resolved: ResolvedDates?) -> String {
        guard let resolved else { return "the named days" }
        var weekdays: [Int] = []
        var day = resolved.first
        while day <= resolved.last, weekdays.count < 7 {
            if resolved.contains(day) { weekdays.append(day.weekday) }
            day = day.adding(days: 1)
        }
        return listText(weekdays)
    }

    /// Whether the covered sessions are the days the claim names.
    static func daysFinding(_ days: ClaimedDays, move: Move, series: Series) -> Finding {
        let actual = MoveSentence.span(first: move.firstDay, last: move.endDay, sessions: move.sessionCount)
        let covered = move.sessions.map { series.day(at: $0) }
        var problems: [String] = []
        let count = move.sessionCount
        let sessionsText = count == 1 ? "the session" : "the \(count) sessions"
        switch days.weekdays {
        case .list(let names):
            let actualNames = covered.map(\.weekday)
            if actualNames != names {
                problems.append("\(sessionsText) ending at \(move.endDay.iso) \(count == 1 ? "is" : "are") \(listText(actualNames)), not \(listText(names))")
            }
        case .range(let first, let last):
            if covered.first?.weekday != first || covered.last?.weekday != last {
                problems.append(
                    "\(sessionsText) run from \(move.firstDay.weekdayName) to \(move.endDay.weekdayName), not from \(Day.weekdayNames[first - 1]) to \(Day.weekdayNames[last - 1])"
                )
            }
        case nil:
            break
        }
        if let stated = days.sessionCount, stated != count {
            problems.append("the move covers \(count) sessions, not \(stated)")
        }
        if days.lastDate != nil {
            if let (first, last) = days.resolvedDates(near: move.endDay) {
                if first != move.firstDay || last != move.endDay {
                    let claimedRange = first == last ? first.iso : "\(first.iso) to \(last.iso)"
                    let actualRange = move.firstDay == move.endDay ? move.endDay.iso : "\(move.firstDay.iso) to \(move.endDay.iso)"
                    problems.append("\(sessionsText) \(count == 1 ? "is" : "are") dated \(actualRange), not \(claimedRange)")
                }
            } else {
                problems.append("the claimed date is not a real date")
            }
        }
        return Finding(
            part: .days, claimed: days.text, actual: actual, status: problems.isEmpty ? .holds : .off,
            verdict: problems.isEmpty ? "holds" : "off: " + problems.joined(separator: "; "))
    }

    /// Findings marked unchecked for every part but the level.
    static func uncheckedFindings(for claim: Claim) -> [Finding] {
        var findings: [Finding] = []
        func add(_ part: Finding.Part, _ claimed: String) {
            findings.append(Finding(part: part, claimed: claimed, actual: "", status: .unchecked, verdict: "not checked"))
        }
        if let base = claim.baseLevel { add(.baseLevel, base.phrase) }
        if claim.direction != nil { add(.direction, claim.directionText ?? claim.verb) }
        if let points = claim.points { add(.points, points.phrase) }
        if let percent = claim.percent { add(.percent, percent.phrase + "%") }
        if let days = claim.days { add(.days, days.text) }
        return findings
    }

    /// `Thursday`, `Wednesday and Thursday`, `Monday, Tuesday and Wednesday`.
    static func listText(_ weekdays: [Int]) -> String {
        let names = weekdays.map { (1...7).contains($0) ? Day.weekdayNames[$0 - 1] : "?" }
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}
