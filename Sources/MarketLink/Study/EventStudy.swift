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
public struct EventStudy: Sendable {
    /// t0 of every event in every series, with the events, the series and the alignment rule.
    public let sessions: EventSessions
    /// The benchmark of the `market` and `market-model` models.
    public let benchmark: Series?
    /// The study's design; its `rule` is the one `sessions` found t0 by.
    public let design: EventStudyDesign
    /// One result per event and series: event order, then series order.
    public let results: [EventStudyResult]

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
        let events = sessions.events
        let series = sessions.series
        var perSeries: [[EventStudyResult]] = []
        for s in series.indices {
            let outcomes = events.indices.map { sessions.at(event: $0, series: s) }
            perSeries.append(
                EventStudy.study(series: s, of: series[s], sessions: outcomes, benchmark: benchmark, design: design))
        }
        var results: [EventStudyResult] = []
        results.reserveCapacity(events.count * series.count)
        for e in events.indices {
            for s in series.indices { results.append(perSeries[s][e]) }
        }
        self.results = results
    }

    /// The result of event `event` in series `series` (indexes).
    public func result(event: Int, series: Int) -> EventStudyResult {
        results[event * self.series.count + series]
    }

    // MARK: - One series

    /// The results of one series, one per event, from each event's session t0 in it.
    static func study(
        series index: Int, of series: Series, sessions: [EventSession], benchmark: Series?, design: EventStudyDesign
    ) -> [EventStudyResult] {
        let count = series.count
        let kind = design.returns
        // returns[i]: from close i−1 to close i (index 0 has none).
        var returns = [Double](repeating: .nan, count: count)
        for i in 1..<max(count, 1) { returns[i] = kind.value(from: series.close(at: i - 1), to: series.close(at: i)) }
        // The benchmark's session on each of the series' dates, and its return between the dates of
        // sessions i−1 and i of the series.
        var benchmarkReturns: [Double?] = []
        var benchmarkHasDay: [Bool] = []
        if let benchmark {
            let sessions = (0..<count).map { benchmark.session(on: series.day(at: $0)) }
            benchmarkHasDay = sessions.map { $0 != nil }
            benchmarkReturns = [Double?](repeating: nil, count: count)
            for i in 1..<max(count, 1) {
                if let from = sessions[i - 1], let to = sessions[i] {
                    benchmarkReturns[i] = kind.value(from: benchmark.close(at: from), to: benchmark.close(at: to))
                }
            }
        }
        let window = design.window
        let estimation = design.estimation
        // How many events' event windows cover each session (for a clean estimation).
        var covered = [Int](repeating: 0, count: design.clean ? count : 0)
        if design.clean {
            for t0 in sessions.compactMap(\.index) {
                let sessions = window.coveredSessions(around: t0)
                let low = max(sessions.lowerBound, 0)
                let high = min(sessions.upperBound, count - 1)
                if low <= high { for i in low...high { covered[i] += 1 } }
            }
        }

        return sessions.indices.map { e -> EventStudyResult in
            var result = EventStudyResult(
                event: e, series: index, status: .ok, eventSession: nil, eventDay: nil, eventDays: [], eventReturns: [],
                estimationFirstDay: nil, estimationLastDay: nil, droppedForBenchmark: 0, droppedForClean: 0, abnormal: nil)
            let placement = window.placement(around: sessions[e], sessionCount: count)
            guard let t0 = placement.eventSession else { return failed(result, StudyStatus(window: placement.status)) }
            result.eventSession = t0
            result.eventDay = series.day(at: t0)
            guard let eventSessions = placement.coveredSessions else { return failed(result, StudyStatus(window: placement.status)) }
            let first = eventSessions.lowerBound
            let last = eventSessions.upperBound
            result.eventDays = eventSessions.map(series.day(at:))

            // The estimation window ends before the event window starts, so only its base can be
            // off the data.
            let estimationSessions = estimation.coveredSessions(around: t0)
            let estimationFirst = estimationSessions.lowerBound
            let estimationLast = estimationSessions.upperBound
            guard estimation.placement(around: .session(t0), sessionCount: count).status == .ok else {
                // Sessions t0+E₁ … t0+E₂ that have a return (a close before them) in the data.
                let available = max(0, estimationLast - max(estimationFirst, 1) + 1)
                return failed(
                    result,
                    .estimationOffData(requested: design.estimationLength, available: available, firstDay: series.day(at: 0)))
            }
            result.estimationFirstDay = series.day(at: estimationFirst)
            result.estimationLastDay = series.day(at: estimationLast)

            var eventBenchmark: [Double]?
            if benchmark != nil {
                var paired: [Double] = []
                for i in first...last {
                    guard let value = benchmarkReturns[i] else {
                        let missing = benchmarkHasDay[i - 1] ? i : i - 1
                        return failed(result, .benchmarkMissing(day: series.day(at: missing)))
                    }
                    paired.append(value)
                }
                eventBenchmark = paired
            }
            var estimationReturns: [Double] = []
            var estimationBenchmark: [Double]? = benchmark == nil ? nil : []
            estimationReturns.reserveCapacity(estimationLast - estimationFirst + 1)
            for i in estimationFirst...estimationLast {
                if design.clean, covered[i] > 0 {
                    result.droppedForClean += 1
                    continue
                }
                if benchmark != nil {
                    guard let value = benchmarkReturns[i] else {
                        result.droppedForBenchmark += 1
                        continue
                    }
                    estimationBenchmark?.append(value)
                }
                estimationReturns.append(returns[i])
            }
            let eventReturns = Array(returns[first...last])
            result.eventReturns = eventReturns
            let abnormal = design.model.abnormalReturns(
                estimation: estimationReturns, event: eventReturns,
                estimationBenchmark: estimationBenchmark, eventBenchmark: eventBenchmark,
                minimumEstimationReturns: design.requiredEstimationReturns, buyAndHold: design.buyAndHold)
            result.abnormal = abnormal
            result.status = .computed(abnormal.status)
            return result
        }
    }

    private static func failed(_ result: EventStudyResult, _ status: StudyStatus) -> EventStudyResult {
        var copy = result
        copy.status = status
        return copy
    }
}
