// MARK: - Minute-window sentence

/// The sentence for a minute window around a timed announcement (DESIGN §8):
/// "The S&P 500 fell 0.40% in the 30 minutes after the 10:14 a.m. announcement, to 4,283.85."
///
/// - The span: `0m:Nm` is "in the N minutes after", `-Nm:0m` "in the N minutes before", any other
///   window "from A minutes before to B minutes after" (hours when both are whole hours: "in the
///   2 hours after"); the time is the announcement's, in the series' local zone.
/// - An announcement outside trading was measured from the next trading period's start, and the
///   sentence says so: "…after the 5:05 p.m. announcement (measured from 9:30 a.m., after the close)".
/// - Verb `rose`/`fell`/`was unchanged` (the percent printed as 0.00 and the points as zero), the
///   percent to 2 decimals as a magnitude, the level at the series' display precision.
/// - `nil` unless the move's status is `ok`.
public enum MinuteMoveSentence {
    /// The sentence for `move` on `bars` of `series`.
    public static func text(for move: MinuteMove, bars: IntradayBars, series: Series) -> String? {
        guard move.status == .ok, let base = move.base?.close, let end = move.end?.close, let percent = move.percent else { return nil }
        let display = series.display
        let points = display.points(from: base, to: end)
        let verb =
            points == 0 && NumberFormat.rounded(percent, decimals: 2) == 0 ? "was unchanged" : end > base ? "rose" : "fell"
        let announcement = "the \(bars.sentenceTime(move.placement.eventInstant)) announcement"
        var span = "\(spanText(move.window)) \(announcement)"
        if let moved = move.placement.moved, let from = move.placement.measuredFrom {
            span += " (measured from \(bars.sentenceTime(from)), \(moved.rawValue))"
        }
        let level = display.text(end)
        if verb == "was unchanged" { return "\(series.displayName) was unchanged at \(level) \(span)." }
        return "\(series.displayName) \(verb) \(MoveSentence.magnitude(percent, decimals: 2))% \(span), to \(level)."
    }

    /// "in the 30 minutes after", "in the 15 minutes before", "from 30 minutes before to 60 minutes after".
    static func spanText(_ window: EventWindow) -> String {
        if window.start == 0 { return "in the \(lasting(window.end)) after" }
        if window.end == 0 { return "in the \(lasting(-window.start)) before" }
        if window.start > 0 { return "from \(duration(window.start)) to \(duration(window.end)) after" }
        if window.end < 0 { return "from \(duration(-window.start)) to \(duration(-window.end)) before" }
        return "from \(duration(-window.start)) before to \(duration(window.end)) after"
    }

    /// "30 minutes", "a minute", "2 hours", "an hour": how far from the announcement.
    static func duration(_ minutes: Int) -> String {
        if minutes == 60 { return "an hour" }
        if minutes % 60 == 0 { return "\(minutes / 60) hours" }
        return minutes == 1 ? "a minute" : "\(minutes) minutes"
    }

    /// "30 minutes", "minute", "2 hours", "hour": a span after "in the".
    static func lasting(_ minutes: Int) -> String {
        minutes == 60 ? "hour" : minutes == 1 ? "minute" : duration(minutes)
    }
}
