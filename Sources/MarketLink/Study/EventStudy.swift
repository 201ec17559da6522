// MARK: - Event study

/// An event study of every event in every series: the glue between price series and events on
/// one side and the statistics engine (`NormalReturnModel.abnormalReturns`) on the other.
///
/// For each event and series (results in event order, then series order, as in the change table):
/// 1. t0 is the event's session in that series, as `sessions` has it (found once, by its rule,
///    and shareable with a change table and charts of the same events).
/// 2. The event window's returns are those of sessions t0+A … t0+B, the estimation window's those
///    of t0+E₁ … t0+E₂, each from the previous session's close (`design.returns`). A window that
///    needs a close outside the data gives a status (`no-base`, `no-end`, `estimation-off-data`):
///    the estimation window is never shortened to fit.
/// 3. With a benchmark, series and benchmark are matched on common session dates: a return of the
///    series is paired with the benchmark's return between the same two dates, and is used only when
///    the benchmark has a close on both. Estimation sessions without that pair are left out and
///    counted (`droppedForBenchmark`); an event-window session without it gives `benchmark-missing`.
///    Dates are compared as written, so a benchmark in another time zone is matched by date.
/// 4. With `design.clean`, estimation sessions that fall in another event's event window in the
///    same series are left out and counted (`droppedForClean`).
/// 5. The engine fits the model on what remains, needing at least
///    `design.requiredEstimationReturns` returns, and gives the abnormal returns, CAR and its test.
///
/// The cost is O(sessions + events) per series, then O(event window) per event and series, never
/// O(estimation window): each series' returns are prepared once (`StudyReturns`), with prefix
/// sums over the estimation sessions it keeps, so an event's estimation-window fit comes from two
/// of them (exactly: double-double sums, the same numbers as a pass over the returns to ~1e-15
/// relative; `NormalReturnModel.abnormalReturns` is that direct computation). Series are studied
/// on both cores. Results are stored compactly and `results` makes each `EventStudyResult` when
/// it is read, so a study of 500 series × 1,000 events holds ~64 MB, not one array per result.
public struct EventStudy: Sendable {
    /// t0 of every event in every series, with the events, the series and the alignment rule.
    public let sessions: EventSessions
    /// The benchmark of the `market` and `market-model` models.
    public let benchmark: Series?
    /// The study's design; its `rule` is the one `sessions` found t0 by.
    public let design: EventStudyDesign
    /// One result per event and series: event order, then series order. A view over the
    /// study's compact storage: each `EventStudyResult` is made when read.
    public let results: EventStudyResults
    /// Per series (in order): its rows, in event order, and their per-session values.
    var rows: [StudySeriesRows] { results.rows }

    /// The events, in the order of the events file.
    public var events: [Event] { sessions.events }
    /// The series, in the order given.
    public var series: [Series] { sessions.series }

    /// Runs the study, t0 found by `design.rule`. Throws a usage error for a design that cannot
    /// work (see `EventStudyDesign.validate`); problems of the data are per-result statuses.
    public init(events: [Event], series: [Series], benchmark: Series? = nil, design: EventStudyDesign) throws(MarketLinkError) {
        try self.init(sessions: EventSessions(events: events, series: series, rule: design.rule), benchmark: benchmark, design: design)
    }

    /// Runs the study of the events and series of `sessions`, with t0 as `sessions` has it (so a
    /// change table and charts made from the same `sessions` measure from the same t0). The
    /// study's `design.rule` is `sessions.rule`, whatever the given design says, since that is the
    /// rule t0 was found by. Throws as `init(events:series:benchmark:design:)`.
    public init(sessions: EventSessions, benchmark: Series? = nil, design: EventStudyDesign) throws(MarketLinkError) {
        try design.validate(hasBenchmark: benchmark != nil)
        // Returns are ratios of closes: a tally of events (which may be 0) has none.
        if let tally = (sessions.series + (benchmark.map { [$0] } ?? [])).first(where: \.isTally) {
            throw MarketLinkError.usage(
                "\(quoted(tally.name)) is a tally of events (a count or sum, which may be 0), not a price level: an event study models returns")
        }
        var design = design
        design.rule = sessions.rule
        self.sessions = sessions
        self.benchmark = benchmark
        self.design = design
        self.results = EventStudyResults(
            series: sessions.series, eventCount: sessions.events.count, design: design,
            rows: EventStudy.study(sessions: sessions, benchmark: benchmark, design: design))
    }

    /// The result of event `event` in series `series` (indexes).
    public func result(event: Int, series: Int) -> EventStudyResult {
        results.result(event: event, series: series)
    }

    // MARK: - Every series

    /// The rows of every series, each series on a worker thread (`OrderedWork`), in series order;
    /// each series counts as done in the current `WorkProgress` as it is taken.
    static func study(sessions: EventSessions, benchmark: Series?, design: EventStudyDesign) -> [StudySeriesRows] {
        let eventCount = sessions.events.count
        let progress = WorkProgress.current
        progress?.beginComputing("event study", total: sessions.series.count, unit: "series")
        var studied: [StudySeriesRows] = []
        studied.reserveCapacity(sessions.series.count)
        OrderedWork.run(count: sessions.series.count, work: { s in
            let outcomes = (0..<eventCount).map { sessions.at(event: $0, series: s) }
            let returns = StudyReturns(
                series: sessions.series[s], benchmark: benchmark, design: design, eventSessions: outcomes.compactMap(\.index))
            var values: [Double] = []
            values.reserveCapacity(eventCount * 2 * design.window.sessionCount)
            let rows = outcomes.map { returns.row($0, design: design, values: &values) }
            return StudySeriesRows(rows: rows, values: values)
        }) { _, rows in
            studied.append(rows)
            progress?.advance(by: 1)
        }
        return studied
    }

    /// The prepared returns of series `s` (O(its sessions + events)), for what needs the
    /// estimation window's returns themselves.
    func returns(series s: Int) -> StudyReturns {
        let outcomes = events.indices.map { sessions.at(event: $0, series: s) }
        return StudyReturns(series: series[s], benchmark: benchmark, design: design, eventSessions: outcomes.compactMap(\.index))
    }

    /// AR_t = R_t − α̂ − β̂·R_m,t of the estimation-window returns the fit of event `event` in series
    /// `series` used, in session order (L values), when its status has abnormal returns (`ok`,
    /// `zero-variance`); empty otherwise. The rank and sign tests use them. Recomputed in
    /// O(sessions of the series) on each call: a study keeps only what its results show.
    public func estimationAbnormalReturns(event: Int, series s: Int) -> [Double] {
        guard events.indices.contains(event), series.indices.contains(s) else { return [] }
        return estimationAbnormalReturns(event: event, series: s, returns: returns(series: s))
    }

    /// The same, from the series' prepared returns.
    func estimationAbnormalReturns(event: Int, series s: Int, returns: StudyReturns) -> [Double] {
        let row = rows[s].rows[event]
        guard row.code.hasAbnormalReturns else { return [] }
        let estimation = design.estimation.coveredSessions(around: Int(row.eventSession))
        return returns.abnormalReturns(estimation, alpha: row.alpha, beta: row.beta)
    }
}

/// The rows of one series, in event order, and the per-session values they point into.
struct StudySeriesRows: Sendable, Equatable {
    var rows: [StudyRow]
    var values: [Double]
}
