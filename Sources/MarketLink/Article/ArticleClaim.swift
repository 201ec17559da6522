// MARK: - A claim in an article

/// One market claim found in an article, where it is, what it says, and what the data says.
public struct ArticleClaim: Sendable {
    /// Where a claim's days came from.
    public enum DaysSource: String, Sendable, Hashable {
        /// Its own words: "… to 33,833.61 on Wednesday and Thursday".
        case claim
        /// Its sentence: "On Wednesday, the Dow fell …", or another claim of the sentence ("The
        /// Dow rose … on Thursday, the S&P 500 gained …").
        case sentence
    }

    /// The days a claim names, on the calendar.
    public enum Days: Sendable, Hashable {
        /// Days on the calendar: "on Wednesday and Thursday" placed by the publication date.
        case dates(ResolvedDates)
        /// "over the past three sessions": the last N sessions of the index up to `ending`.
        case sessions(Int, ending: Day?)
    }

    /// The claim as read (its days are those it was checked with, its own or its sentence's).
    public var claim: Claim
    /// The claim's text: from the noun phrase naming the index to its last part.
    public var text: String
    /// Where it is in the readable text (Unicode scalars), and in the file.
    public var range: Range<Int>
    /// Where the claim is in the article file (characters and UTF-8 bytes).
    public var span: SourceSpan
    /// The sentence it is in (an index into `Article.sentences`).
    public var sentence: Int
    /// The index the claim names.
    public var index: IndexInfo
    /// The index's name as written: "Dow Jones index", "blue-chip Dow", "上证指数".
    public var indexText: String
    /// The name of the loaded series it was checked against; `nil` when no series of its index is loaded.
    public var series: String?
    /// Where the claim's days came from: the claim itself or its sentence; `nil` without days.
    public var daysSource: DaysSource?
    /// The days the claim was checked over, on the calendar; `nil` when it names none.
    public var days: Days?
    /// The check, when a series of the index is loaded and the claim could be placed.
    public var check: FactCheck?
    /// Why the claim was not checked against data, when it was not.
    public var notChecked: String?
    /// Its verdict per part, in the words `mlink article` prints.
    public var verdicts: ClaimVerdicts

    /// True when no part is off or wrong; `nil` when the claim was not checked against data.
    /// (Internal consistency is reported apart: a claim can hold and be inconsistent.)
    public var holds: Bool? {
        guard let check else { return nil }
        return !check.findings.contains { $0.status == .off }
    }
}

// MARK: - Verdicts

/// A claim's verdict per part, in the words `mlink article` prints (docs/ARTICLES.md):
///
/// - level: `exact (DATE)`, `holds at rounding (CLOSE → WRITTEN on DATE)`, `off by X on DATE (no
///   session closed at WRITTEN)`, `no level`;
/// - points: `exact`, `holds (TRUE → WRITTEN)`, `off by X`, `not claimed`;
/// - percent: `holds (TRUE% → WRITTEN%)`, `off by X percentage points`, `not claimed`;
/// - direction: `right`, `right (flat: TRUE% → 0.0%)`, `wrong (it rose)`, `wrong (it fell)`,
///   `wrong (it was unchanged)`, `not claimed`;
/// - weekday: `right`, `wrong (the N session(s) ending at DATE is/are DAYS, not NAMED)`, `no days
///   named`, `not checkable (no level)`, `not checkable (the level matches no session)`;
/// - consistency: `consistent (…)`, `inconsistent (…)`, `not checkable (…)` (`ClaimConsistency`);
/// - data: `not checked (INDEX has no loaded series)` and the like, for a claim not checked.
public struct ClaimVerdicts: Sendable, Hashable {
    /// The level's verdict: `exact (DATE)`, `off by X on DATE (...)`, ...; `nil` when not checked.
    public var level: String?
    /// The points' verdict: `exact`, `holds (TRUE → WRITTEN)`, `off by X`, `not claimed`.
    public var points: String?
    /// The percent's verdict: `holds (TRUE% → WRITTEN%)`, `off by X percentage points`, `not claimed`.
    public var percent: String?
    /// The direction's verdict: `right`, `wrong (it rose)`, `not claimed`, ...
    public var direction: String?
    /// Whether the named days are the sessions the move spans: `right`, `wrong (...)`, `no days named`.
    public var weekday: String?
    /// Whether points, percent and level agree with each other (`ClaimConsistency`'s verdict).
    public var consistency: String
    /// Why there are no data verdicts.
    public var data: String?

    /// The verdicts in order, with their names, leaving out those that are absent.
    public var parts: [(name: String, verdict: String)] {
        var parts: [(String, String)] = []
        if let data { parts.append(("data", data)) }
        for (name, value) in [("level", level), ("points", points), ("percent", percent), ("direction", direction), ("weekday", weekday)] {
            if let value { parts.append((name, value)) }
        }
        parts.append(("consistency", consistency))
        return parts
    }

    /// Words each part of `check`.
    init(check: FactCheck, claim: Claim) {
        consistency = claim.consistency.verdict
        func finding(_ part: FactCheck.Finding.Part) -> FactCheck.Finding? { check.findings.first { $0.part == part } }
        let move = check.move

        // Level.
        if let claimed = claim.level {
            if let found = finding(.level), let session = check.levelSession, let actual = found.actualValue {
                level =
                    found.status == .exact
                    ? "exact (\(session.iso))"
                    : "holds at rounding (\(check.precision.text(actual)) → \(claimed.phrase) on \(session.iso))"
            } else if let move {
                let off = abs(check.precision.value(move.endClose) - claimed.value)
                level =
                    "off by \(NumberFormat.string(off, decimals: claimed.shownDecimals, grouping: true)) on \(move.endDay.iso) (no session closed at \(claimed.phrase))"
            } else {
                level = finding(.level)?.verdict ?? "off (no session closed at \(claimed.phrase))"
            }
        } else {
            level = "no level"
        }

        // Points and percent.
        func numeric(_ part: FactCheck.Finding.Part, _ claimed: ClaimedNumber?, percent: Bool) -> String {
            guard let claimed else { return "not claimed" }
            guard let found = finding(part), found.status != .unchecked, let actual = found.actualValue else { return "not checked" }
            let shown = NumberFormat.string(actual, decimals: claimed.shownDecimals, grouping: true) + (percent ? "%" : "")
            switch found.status {
            case .exact where !percent: return "exact"
            case .exact, .holds:
                if claimed.qualifier == .moreThan || claimed.qualifier == .lessThan { return found.verdict }
                return "holds (\(shown) → \(claimed.phrase)\(percent ? "%" : ""))"
            case .off:
                if claimed.qualifier != .none && claimed.qualifier != .about { return found.verdict.replacingFirst("off: ", with: "off (") + ")" }
                let difference = abs(actual - claimed.value)
                return "off by \(NumberFormat.string(difference, decimals: claimed.shownDecimals, grouping: true))\(percent ? " percentage points" : "")"
            case .unchecked:
                return "not checked"
            }
        }
        points = numeric(.points, claim.points, percent: false)
        percent = numeric(.percent, claim.percent, percent: true)

        // Direction.
        if let claimed = claim.direction {
            if let found = finding(.direction), found.status != .unchecked, let move {
                if found.status == .holds {
                    direction =
                        claimed == .unchanged ? "right (flat: \(NumberFormat.string(abs(move.percent), decimals: 2))% → 0.0%)" : "right"
                } else {
                    let actual: MoveDirection = claimed == .unchanged ? (move.points > 0 ? .up : .down) : MoveDirection(move, precision: check.precision)
                    direction = "wrong (it \(actual.verb))"
                }
            } else {
                direction = "not checked"
            }
        } else {
            direction = "not claimed"
        }

        // Weekday.
        if claim.days == nil {
            weekday = "no days named"
        } else if claim.level == nil {
            weekday = "not checkable (no level)"
        } else if check.levelSession == nil {
            weekday = "not checkable (the level matches no session)"
        } else if let found = finding(.days) {
            switch found.status {
            case .exact, .holds: weekday = "right"
            case .off: weekday = "wrong (" + found.verdict.replacingFirst("off: ", with: "") + ")"
            case .unchecked: weekday = "not checkable (" + found.verdict.replacingFirst("not checked: ", with: "") + ")"
            }
        } else {
            weekday = "not checked"
        }
        data = nil
    }

    /// The verdicts of a claim not checked against data.
    init(notChecked reason: String, claim: Claim) {
        consistency = claim.consistency.verdict
        data = reason
    }
}

extension String {
    /// The string with the first `prefix` at its start replaced.
    func replacingFirst(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
