// MARK: - Move sentence

/// The sentence a newsroom writes about a move (DESIGN §2 "Narrative"):
///
///     The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on Wednesday
///     and Thursday (June 7–8, 2023).
///
/// - Subject: the index's display name from the market table ("The Dow Jones Industrial
///   Average"), or the series name exactly as the user gave it (nothing is capitalised).
/// - Verb: `rose`, `fell`, or `was unchanged at LEVEL` when the points and the percent both print
///   as 0.00 (see `MoveDirection`).
/// - Numbers: points and level with the series' display precision (`Series.display`, so a Yahoo
///   `33833.609375` reads "to 33,833.61"), percent with 2 decimals; points and percent as absolute
///   values; points and level with thousands separators ("1,020.15 points", "to 33,833.61"); a part
///   of a move too small to show at its precision reads "less than 0.01" ("rose 1.58 points, or
///   less than 0.01%").
/// - The sessions covered (see `span(first:last:sessions:)`).
public enum MoveSentence {
    /// The sentence for `move` in `series`, named by the series' display name, its numbers shown
    /// with the series' display precision.
    public static func text(for move: Move, in series: Series) -> String {
        text(for: move, subject: series.displayName, precision: series.display)
    }

    /// The sentence for `move` with `subject` as written, closes and points shown with `precision`.
    public static func text(for move: Move, subject: String, precision: DisplayPrecision = .cents) -> String {
        let level = precision.text(move.endClose)
        let span = span(first: move.firstDay, last: move.endDay, sessions: move.sessionCount)
        let direction = MoveDirection(move, precision: precision)
        if direction == .unchanged {
            return "\(subject) was unchanged at \(level) \(span)."
        }
        let size = magnitude(move.points, decimals: precision.decimals)
        // "1 point", as a tally's move of one event reads; "1.00 points" and "2 points" otherwise.
        let points = size == "1" ? "1 point" : "\(size) points"
        // From a base at or below 0 (a tally of events, a futures contract) a percent has no value:
        // the points alone ("count rose 2 points to 3").
        guard move.hasPercent else { return "\(subject) \(direction.verb) \(points) to \(level) \(span)." }
        let percent = magnitude(move.percent, decimals: 2)
        return "\(subject) \(direction.verb) \(points), or \(percent)%, to \(level) \(span)."
    }

    /// The size of a move to `decimals` decimals with thousands separators ("1,020.15"), or "less
    /// than 0.01" (at 2 decimals; "less than 0.001" at 3) for a move that is not zero but would
    /// print as zero: "rose 1.58 points, or less than 0.01%" on a high-level index, never "or 0.00%".
    static func magnitude(_ value: Double, decimals: Int) -> String {
        let text = NumberFormat.string(abs(value), decimals: decimals, grouping: true)
        guard value != 0, NumberFormat.rounded(abs(value), decimals: decimals) == 0 else { return text }
        return "less than " + NumberFormat.string(1 / NumberFormat.power(decimals), decimals: decimals)
    }

    // MARK: - Sessions in words

    /// The covered sessions in words, from the first covered session's date to the last's:
    ///
    /// - one session: `on Thursday (June 8, 2023)`;
    /// - two sessions at most six calendar days apart (so the weekday names cannot be mistaken,
    ///   a weekend or holiday between them included): `on Wednesday and Thursday (June 7–8, 2023)`,
    ///   `on Friday and Monday (June 2–5, 2023)`;
    /// - three to five sessions inside one calendar week, Monday to Sunday:
    ///   `from Tuesday to Thursday (June 6–8, 2023)`;
    /// - anything longer, or three or more sessions across a weekend:
    ///   `over the 10 sessions from June 1 to June 14, 2023`.
    ///
    /// Dates in parentheses follow `DateRangeText.range`, those after "over" `DateRangeText.fromTo`.
    public static func span(first: Day, last: Day, sessions: Int) -> String {
        let dates = DateRangeText.range(first, last)
        if sessions <= 1 || first == last {
            return "on \(last.weekdayName) (\(dates))"
        }
        if sessions == 2, first.distance(to: last) <= 6 {
            return "on \(first.weekdayName) and \(last.weekdayName) (\(dates))"
        }
        if (3...5).contains(sessions), sameWeek(first, last) {
            return "from \(first.weekdayName) to \(last.weekdayName) (\(dates))"
        }
        return "over the \(sessions) sessions \(DateRangeText.fromTo(first, last))"
    }

    /// True when both days fall in the same Monday-to-Sunday week.
    static func sameWeek(_ a: Day, _ b: Day) -> Bool {
        a.adding(days: 1 - a.weekday) == b.adding(days: 1 - b.weekday)
    }
}
