// MARK: - Status of one event × series

/// What an event study could measure for one event in one series, and if not everything, why.
///
/// Checked in this order: the event session t0 (`before-data`, `after-data`, `no-session`,
/// `no-market`, as in the change table), the event window (`no-base`, `no-end`), the estimation
/// window (`estimation-off-data`), the benchmark in the event window (`benchmark-missing`), then
/// the engine's checks (`AbnormalReturnStatus`: `too-few-estimation-returns`, `zero-variance`, ...).
///
/// | status | abnormal returns, CAR | SE, t, p, σ units |
/// |---|---|---|
/// | `ok` | yes | yes |
/// | `zero-variance` | yes | no |
/// | every other status | no | no |
public enum StudyStatus: Sendable, Equatable {
    /// No event session: the event is before the data, after it, on a day without a session under
    /// `--align exact`, or timed on a series without a market (`ChangeStatus` says which).
    case noEventSession(ChangeStatus)
    /// The event window's base close, t0+A−1, is before the first session of the data.
    case noBase
    /// The event window's last session, t0+B, is after the last session of the data.
    case noEnd
    /// The estimation window needs sessions before the first session of the data: it asks for
    /// `requested` returns starting at t0+E₁ and only `available` of them are in the data (the data
    /// start on `firstDay`). Never shortened silently: choose a window the data cover.
    case estimationOffData(requested: Int, available: Int, firstDay: Day)
    /// The benchmark has no close on `day`, which the event window needs (a return of the event
    /// window runs from a close the benchmark lacks, or to one).
    case benchmarkMissing(day: Day)
    /// The engine's outcome for the returns it was given (`ok`, `zero-variance`, ...).
    case computed(AbnormalReturnStatus)

    /// The abnormal returns were computed.
    public static let ok = StudyStatus.computed(.ok)

    /// The study's status for the event window's placement status
    /// (`EventWindow.placement(around:sessionCount:)`): `no-base` and `no-end` as they are, an
    /// event without a session as `noEventSession`, and `ok` (the window is in the data) as `ok`.
    init(window status: ChangeStatus) {
        switch status {
        // `no-percent` is decided from the closes, never by a placement: the window is in the data.
        case .ok, .noPercent: self = .ok
        case .noBase: self = .noBase
        case .noEnd: self = .noEnd
        // `no-time` and `no-bars` belong to minute windows, which a study does not take.
        case .beforeData, .afterData, .noSession, .noMarket, .monthOnly, .noTime, .noBars: self = .noEventSession(status)
        }
    }

    /// A stable kebab-case identifier for CSV and JSON.
    public var name: String {
        switch self {
        case .noEventSession(let status): status.rawValue
        case .noBase: "no-base"
        case .noEnd: "no-end"
        case .estimationOffData: "estimation-off-data"
        case .benchmarkMissing: "benchmark-missing"
        case .computed(let status): status.name
        }
    }

    /// One lowercase sentence with the numbers involved.
    public var explanation: String {
        switch self {
        case .noEventSession(let status):
            status.explanation
        case .noBase:
            "the event window's base session (t0+a−1) is before the first session of the data"
        case .noEnd:
            "the event window's last session (t0+b) is after the last session of the data"
        case .estimationOffData(let requested, let available, let firstDay):
            "the estimation window asks for \(requested) returns but only \(available) of them are in the data, "
                + "which start \(firstDay.iso); it is never shortened to fit"
        case .benchmarkMissing(let day):
            "the benchmark has no close on \(day.iso), which the event window needs"
        case .computed(let status):
            status.explanation
        }
    }

    /// What the status means in general, without the numbers of one event (for a legend).
    public var meaning: String {
        switch self {
        case .estimationOffData:
            "the estimation window needs sessions before the start of the data; it is never shortened to fit"
        case .benchmarkMissing:
            "the benchmark has no close on a date the event window needs"
        case .computed(.tooFewEstimationReturns):
            "after leaving out sessions without benchmark closes (and, in a clean estimation, inside other events' windows), the estimation window has fewer returns than the minimum"
        case .computed(.benchmarkLengthMismatch):
            "series and benchmark returns are not paired one for one"
        default:
            explanation
        }
    }

    /// Whether abnormal returns and the CAR were computed (`ok` or `zero-variance`).
    public var hasAbnormalReturns: Bool {
        if case .computed(let status) = self { return status.hasAbnormalReturns }
        return false
    }

    /// Whether everything, the test included, was computed.
    public var isOK: Bool { self == .ok }
}
