// MARK: - One event in one series

/// The event study of one event in one series: where its windows fell, which sessions were left
/// out, and the engine's abnormal returns and test.
public struct EventStudyResult: Sendable, Equatable {
    /// Index into `EventStudy.events`.
    public var event: Int
    /// Index into `EventStudy.series`.
    public var series: Int
    /// What was measured; see `StudyStatus`.
    public var status: StudyStatus
    /// t0's index in the series, when the event has a session.
    public var eventSession: Int?
    /// t0's date.
    public var eventDay: Day?
    /// The dates of the event window's sessions t0+A … t0+B (empty unless the window is in the data).
    public var eventDays: [Day]
    /// The event window's returns R_τ, in session order (empty unless computed).
    public var eventReturns: [Double]
    /// The first and last session of the estimation window, t0+E₁ and t0+E₂, when in the data.
    public var estimationFirstDay: Day?
    /// The last session of the estimation window, t0+E₂, when in the data.
    public var estimationLastDay: Day?
    /// Estimation-window sessions left out because the benchmark has no close on the session's
    /// date or on the previous session's date.
    public var droppedForBenchmark: Int
    /// Estimation-window sessions left out because they fall inside another event's event window
    /// (`clean`).
    public var droppedForClean: Int
    /// The engine's result: present once the returns reached it (`status` is `computed`).
    public var abnormal: EventAbnormalReturns?

    /// The explanation of `status`, with what was left out of the estimation window when that
    /// explains it (a `too-few-estimation-returns` after dropping sessions).
    public var explanation: String {
        var text = status.explanation
        let dropped = droppedForBenchmark + droppedForClean
        if case .computed(.tooFewEstimationReturns) = status, dropped > 0 {
            var parts: [String] = []
            if droppedForBenchmark > 0 {
                parts.append("\(droppedForBenchmark) without benchmark closes")
            }
            if droppedForClean > 0 {
                parts.append("\(droppedForClean) inside other events' windows")
            }
            text += " (\(dropped) of the window's sessions were left out: " + parts.joined(separator: ", ") + ")"
        }
        return text
    }

    /// The fitted model and abnormal returns, when computed.
    public var fit: EventAbnormalReturns.Fit? { abnormal?.fit }
    /// The CAR's standard error, t, p and σ units, when `status` is `ok`.
    public var inference: EventAbnormalReturns.Inference? { abnormal?.inference }
    /// L, the estimation-window returns used (0 before the engine ran).
    public var estimationCount: Int { abnormal?.estimationCount ?? 0 }
}
