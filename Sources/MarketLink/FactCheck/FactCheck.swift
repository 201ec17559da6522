// MARK: - Fact check

/// Checks a `Claim` against a series (DESIGN §2 "Fact check").
///
/// 1. **The end session.** With a level ("to 33,833.61"), the sessions whose close the level
///    holds for at its own precision (`ClaimedNumber.holds`: 33,833.61 to the cent, 33,800 to the
///    nearest 100). When several do, those on the claimed date, then those on the claimed last
///    weekday are preferred, then the one nearest `near` (the latest without `near`), and a note
///    says how many matched. With no level, or a level no session matches, the end session is the
///    claimed date (when it has a year, or `near` places it) or the session nearest `near` on the
///    claimed last weekday, else the last session on or before `near`.
/// 2. **The span.** The number of sessions the move covers ends at the end session: the stated
///    count ("over the 10 sessions"), else one per weekday named ("on Wednesday and Thursday" is
///    2), else every session from the first named weekday to the last ("from Tuesday to
///    Thursday", counted on the calendar, so a holiday inside is not a session), else the sessions
///    dated in the claimed dates, else 1.
/// 3. **The move** from the close before the span to the end close (`Move`), and a `Finding` for
///    each part the claim gives: the level and starting level, the direction of the verb, the
///    points and the percent (as magnitudes, at the claim's precision; off by actual − claimed
///    where they do not hold), and the days (each weekday named must be the weekday of the
///    session in its place, and claimed dates must be the span's first and last dates).
public struct FactCheck: Sendable {
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

    /// Checks `claim` against `series`, preferring sessions near `near` when the claim's level
    /// or days leave a choice. Throws a data error for an empty series and `.claimNeedsDate` when
    /// the claim gives nothing to find its session by (no level, no dated day, no `near`).
    /// `vocabulary` names the caller's setting for `near` in the notes that point to it.
    public init(claim: Claim, series: Series, near: Day? = nil, vocabulary: ToolVocabulary = .none) throws(MarketLinkError) {
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

        // 1. The end session.
        var levelFinding: Finding?
        var end: Int?
        if let level = claim.level {
            let matching = series.closes.indices.filter { level.holds(for: series.closes[$0]) }
            if let chosen = Self.choose(among: matching, series: series, days: claim.days, near: near) {
                end = chosen
                let day = series.day(at: chosen)
                if matching.count > 1 {
                    let shown = matching.prefix(5).map { series.day(at: $0).iso }.joined(separator: ", ")
                    let more = matching.count > 5 ? ", …" : ""
                    let fits = claim.days == nil ? "" : " that fits the claimed days"
                    let why =
                        near.map { "the nearest to \($0.iso)\(fits)" }
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
                end = Self.sessionWithoutLevel(series: series, days: claim.days, near: near)
                if let end {
                    let day = series.day(at: end)
                    notes.append("measured the move ending \(day.iso), \(near != nil ? "by the date given near the claim" : "by the claimed date")")
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
            guard let found = Self.sessionWithoutLevel(series: series, days: claim.days, near: near) else {
                throw MarketLinkError(.claimNeedsDate)
            }
            end = found
        }

        // 2. The span, and 3. the move.
        guard let end else {
            findings = [levelFinding].compactMap { $0 } + Self.uncheckedFindings(for: claim)
            return
        }
        let count = Self.sessionCount(claimed: claim.days, end: end, series: series)
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
            let actual = MoveDirection(move, precision: series.display)
            let holds = actual == claimed
            findings.append(
                Finding(
                    part: .direction, claimed: claim.directionText ?? claim.verb, actual: actual.verb,
                    status: holds ? .holds : .off,
                    verdict: holds ? "holds" : "off: it \(actual.verb)"))
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
            findings.append(Self.daysFinding(days, move: move, series: series))
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
