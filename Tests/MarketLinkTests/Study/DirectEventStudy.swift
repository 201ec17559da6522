@testable import MarketLink

// MARK: - The direct event study, for reference

/// The event study as MarketLink computed it before the prefix sums: for every event, the
/// estimation window's returns gathered into arrays (leaving out sessions for `clean` and the
/// benchmark one by one) and handed to the engine, `NormalReturnModel.abnormalReturns`, which
/// fits the model by two passes over them. O(estimation window) per event, obviously right, and
/// kept here to check the fast path (`EventStudyFastPathTests`) result by result. It fills every
/// field of `EventStudyResult`, the estimation-window abnormal returns included.
enum DirectEventStudy {
    /// Every result, event-major as `EventStudy.results`.
    static func results(events: [Event], series: [Series], benchmark: Series?, design: EventStudyDesign) -> [EventStudyResult] {
        let sessions = EventSessions(events: events, series: series, rule: design.rule)
        let perSeries = series.indices.map { s in
            study(series: s, of: series[s], sessions: events.indices.map { sessions[event: $0, series: s] ?? .noSession }, benchmark: benchmark, design: design)
        }
        return events.indices.flatMap { e in series.indices.map { perSeries[$0][e] } }
    }

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
