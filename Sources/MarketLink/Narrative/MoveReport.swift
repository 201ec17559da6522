// MARK: - Move report

/// What `mlink move` prints: the sentence, then the numbers behind it.
///
///     The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on Wednesday and Thursday (June 7–8, 2023).
///
///       series      DJIA
///       base        2023-06-06  33,573.28
///       end         2023-06-08  33,833.61
///       sessions    2 (2023-06-07 to 2023-06-08)
///       points      +260.33
///       percent     +0.78%
///       log return  +0.007724
public enum MoveReport {
    /// The sentence, a blank line and the table; ends with a newline. Closes and points are shown
    /// with the series' display precision; names from the inputs are shown safely (`TerminalText`).
    public static func text(for move: Move, in series: Series) -> String {
        var lines = [MoveSentence.text(for: move, in: series), ""]
        func row(_ label: String, _ value: String) {
            lines.append("  " + label.padding(toLength: 11, withPad: " ", startingAt: 0) + " " + value)
        }
        row("series", series.name)
        let precision = series.display
        row("base", "\(move.baseDay.iso)  \(precision.text(move.baseClose))")
        row("end", "\(move.endDay.iso)  \(precision.text(move.endClose))")
        let range = move.sessionCount == 1 ? move.endDay.iso : "\(move.firstDay.iso) to \(move.endDay.iso)"
        row("sessions", "\(move.sessionCount) (\(range))")
        row("points", precision.pointsText(from: move.baseClose, to: move.endClose))
        // From a base at or below 0 (not an index) the percent has no value; with a close at or
        // below 0 neither has the log return.
        row("percent", move.hasPercent ? NumberFormat.string(move.percent, decimals: 2, grouping: true, plus: true) + "%" : ChangeStatus.noPercent.rawValue)
        row("log return", move.hasPositiveCloses ? NumberFormat.string(move.logReturn, decimals: 6, plus: true) : "none (a close at or below 0)")
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }

    /// The same as JSON. Differences are rounded to 8 decimals (log return to 10) so that binary
    /// noise such as 260.33000000000175 does not reach the reader; closes are as loaded. `percent`
    /// is null from a base at or below 0, `log_return` with any close at or below 0.
    public static func json(for move: Move, in series: Series) -> JSONValue {
        .object([
            ("series", .string(series.name)),
            ("name", .string(series.displayName)),
            ("sentence", .string(MoveSentence.text(for: move, in: series))),
            ("base_date", .string(move.baseDay.iso)),
            ("base_close", .number(move.baseClose)),
            ("first_date", .string(move.firstDay.iso)),
            ("end_date", .string(move.endDay.iso)),
            ("end_close", .number(move.endClose)),
            ("sessions", .number(Double(move.sessionCount))),
            ("direction", .string(MoveDirection(move, precision: series.display).rawValue)),
            ("points", .number(NumberFormat.rounded(move.points, decimals: 8))),
            ("percent", move.hasPercent ? .number(NumberFormat.rounded(move.percent, decimals: 8)) : .null),
            ("log_return", move.hasPositiveCloses ? .number(NumberFormat.rounded(move.logReturn, decimals: 10)) : .null),
        ])
    }
}
