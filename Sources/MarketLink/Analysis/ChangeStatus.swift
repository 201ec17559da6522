// MARK: - Status

/// Whether a window's move around an event can be measured in a series, and if not, why
/// (`EventWindow.placement(around:sessionCount:)` decides it). Rows are never dropped: each
/// event × series × window of the change table gets a row, and the status says what happened.
public enum ChangeStatus: String, Sendable, CaseIterable {
    /// Both the base and the end close are in the data.
    case ok
    /// The base session t0+a−1 is before the first session of the data.
    case noBase = "no-base"
    /// The end session t0+b is after the last session of the data.
    case noEnd = "no-end"
    /// The event is before the first session of the data.
    case beforeData = "before-data"
    /// The event is after the last session of the data.
    case afterData = "after-data"
    /// The event date must itself be a session (`AlignmentRule.exact`) and the market had no
    /// session on it.
    case noSession = "no-session"
    /// A timed event on a series with no known market (zone and close time).
    case noMarket = "no-market"
    /// The event is dated to a month only (`2022-12`): it has no session until it is given a day.
    case monthOnly = "month-only"
    /// Both closes are in the data, but the base close is at or below 0 (a futures contract, not
    /// an index): the move has points, and a percent against such a base has no value.
    case noPercent = "no-percent"
    /// A minute window around an event that has no time of day (a date-only event): minutes
    /// are counted from an instant.
    case noTime = "no-time"
    /// A minute window on a series of daily closes: minutes need intraday bars.
    case noBars = "no-bars"

    /// What the status means, in one lowercase sentence (for legends and notes) naming no
    /// setting of any program.
    public var explanation: String { explanation(vocabulary: .none) }

    /// What the status means, pointing to the setting that changes it where `vocabulary` names it
    /// (`no-market`: "name it with" the caller's market setting).
    public func explanation(vocabulary: ToolVocabulary) -> String {
        switch self {
        case .ok: return "both closes found"
        case .noBase: return "the base session (t0+a−1) is before the first session of the data"
        case .noEnd: return "the end session (t0+b) is after the last session of the data"
        case .beforeData: return "the event is before the first session of the data"
        case .afterData: return "the event is after the last session of the data"
        case .noSession:
            let rule = vocabulary.name(.alignment(.exact)) ?? "exact alignment"
            return "the event date must be a session (\(rule)) and the market had no session on it"
        case .noMarket:
            let fix = vocabulary.name(.market(series: nil)).map { ": name it with \($0)" } ?? ", and the series has none"
            return "a timed event needs the series' market (zone and close time)" + fix
        case .monthOnly:
            return "the event is dated to a month only: give it a day to align it to a session"
        case .noPercent:
            return "the base close is at or below 0: the points are measured, a percent against it has no value"
        case .noTime:
            return "a minute window needs an event with a time of day and zone; this event has a date only"
        case .noBars:
            return "a minute window needs intraday bars; this series has daily closes only"
        }
    }

    /// What the status means for a row of a minute window (base at u+a, end at u+b on intraday
    /// bars), where it differs from the session window's meaning; otherwise `explanation(vocabulary:)`.
    public func minuteExplanation(vocabulary: ToolVocabulary = .none) -> String {
        switch self {
        case .ok: return "both prices found"
        case .noBase: return "the base instant (u+a) is before the first bar of the data has ended"
        case .noEnd: return "the end instant (u+b) is after the last bar of the data has ended"
        case .afterData: return "the event is after the last bar of the data"
        default: return explanation(vocabulary: vocabulary)
        }
    }
}
