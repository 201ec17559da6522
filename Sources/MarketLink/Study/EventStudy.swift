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
    /// Every row, event-major, and their per-session values.
    var store: StudyStore { results.store }

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
            store: EventStudy.study(sessions: sessions, benchmark: benchmark, design: design))
    }

    /// The result of event `event` in series `series` (indexes).
    public func result(event: Int, series: Int) -> EventStudyResult {
        results.result(event: event, series: series)
    }

    // MARK: - Every series

    /// The rows of every series, each series on a worker thread (`OrderedWork`), which puts its
    /// rows straight into their places in the study's event-major store (the series own disjoint
    /// slots, so no lock); each series counts as done in the current `WorkProgress` as it is
    /// taken. The store's memory is never filled with placeholders first: every slot is written
    /// once, by its series' worker, so the calling thread neither clears 50 MB nor scatters rows
    /// while the workers compute (a serial ~0.15 s of CPU at 500 × 1,000 before).
    static func study(sessions: EventSessions, benchmark: Series?, design: EventStudyDesign) -> StudyStore {
        let eventCount = sessions.events.count
        let seriesCount = sessions.series.count
        let stride = StudyStore.valuesPerRow(design)
        let progress = WorkProgress.current
        progress?.beginComputing("event study", total: seriesCount, unit: "series")
        let rowCount = eventCount * seriesCount
        var values: [Double] = []
        let rows = [StudyRow](unsafeUninitializedCapacity: rowCount) { rowBuffer, rowsInitialized in
            values = [Double](unsafeUninitializedCapacity: rowCount * stride) { valueBuffer, valuesInitialized in
                LargeBuffer.adviseHugePages(rowBuffer)
                LargeBuffer.adviseHugePages(valueBuffer)
                let target = StudyStoreTarget(
                    rows: rowBuffer.baseAddress, values: valueBuffer.baseAddress, eventCount: eventCount, seriesCount: seriesCount,
                    valuesPerRow: stride)
                OrderedWork.run(
                    count: seriesCount,
                    work: { s in
                        let outcomes = (0..<eventCount).map { sessions.at(event: $0, series: s) }
                        let returns = StudyReturns(
                            series: sessions.series[s], benchmark: benchmark, design: design, eventSessions: outcomes.compactMap(\.index))
                        // Each row's values at e · stride, zeros where a row has fewer.
                        var values: [Double] = []
                        values.reserveCapacity(eventCount * stride)
                        var rows: [StudyRow] = []
                        rows.reserveCapacity(eventCount)
                        let days = sessions.series[s].dayOrdinals
                        for (e, outcome) in outcomes.enumerated() {
                            var row = returns.row(outcome, design: design, values: &values)
                            let t0 = Int(row.eventSession)
                            if t0 >= 0 { row.eventDay = days[t0] }
                            if row.code.hasEstimationWindow {
                                row.estimationFirstDay = days[t0 + design.estimation.start]
                                row.estimationLastDay = days[t0 + design.estimation.end]
                            }
                            rows.append(row)
                            values.append(contentsOf: repeatElement(0, count: (e + 1) * stride - values.count))
                        }
                        StudyReturns.fillPValues(&rows, model: design.model)
                        target.initialize(StudySeriesRows(rows: rows, values: values), series: s)
                        return true
                    },
                    consume: { _, _ in progress?.advance(by: 1) })
                valuesInitialized = rowCount * stride
            }
            rowsInitialized = rowCount
        }
        return StudyStore(eventCount: eventCount, seriesCount: seriesCount, valuesPerRow: stride, rows: rows, values: values)
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
        let row = store.row(event: event, series: s)
        guard row.code.hasAbnormalReturns else { return [] }
        let estimation = design.estimation.coveredSessions(around: Int(row.eventSession))
        return returns.abnormalReturns(estimation, alpha: row.alpha, beta: row.beta)
    }
}

/// The rows of one series, in event order, and their per-session values (row e's at
/// e · `StudyStore.valuesPerRow`), as a worker makes them.
struct StudySeriesRows: Sendable, Equatable {
    var rows: [StudyRow]
    var values: [Double]
}

/// Every row of a study in one array, event-major (row e · seriesCount + s, the order of
/// `EventStudy.results` and of the CSV), and their per-session values in another: row i's k
/// abnormal returns, then its k cumulative standard errors, at i · `valuesPerRow` (zeros where
/// the row has none). Two arrays for the whole study, so that reading it in output order walks
/// memory in order and shares no reference count between threads.
struct StudyStore: Sendable, Equatable {
    let eventCount: Int
    let seriesCount: Int
    /// 2k: the values each row has room for.
    let valuesPerRow: Int
    private(set) var rows: [StudyRow]
    private(set) var values: [Double]

    /// Room for every row, each `StudyRow(code: .noSession)` until its series is inserted.
    init(eventCount: Int, seriesCount: Int, valuesPerRow: Int) {
        self.eventCount = eventCount
        self.seriesCount = seriesCount
        self.valuesPerRow = valuesPerRow
        rows = [StudyRow](repeating: StudyRow(code: .noSession), count: eventCount * seriesCount)
        values = [Double](repeating: 0, count: eventCount * seriesCount * valuesPerRow)
    }

    /// The store of rows and values already in place (`EventStudy.study`): `rows` has
    /// eventCount × seriesCount entries, `values` valuesPerRow times as many.
    init(eventCount: Int, seriesCount: Int, valuesPerRow: Int, rows: [StudyRow], values: [Double]) {
        self.eventCount = eventCount
        self.seriesCount = seriesCount
        self.valuesPerRow = valuesPerRow
        self.rows = rows
        self.values = values
    }

    /// The values a row of `design` has room for: 2k.
    static func valuesPerRow(_ design: EventStudyDesign) -> Int { 2 * design.window.sessionCount }

    /// The row of event `e` in series `s`.
    @inline(__always)
    func row(event e: Int, series s: Int) -> StudyRow { rows[e * seriesCount + s] }

    /// Where the values of event `e` in series `s` start in `values`.
    @inline(__always)
    func valuesStart(event e: Int, series s: Int) -> Int { (e * seriesCount + s) * valuesPerRow }

    /// Puts series `s`'s rows (in event order, values at e · `valuesPerRow`) in their places.
    mutating func insert(_ series: StudySeriesRows, series s: Int) {
        let stride = valuesPerRow
        let count = seriesCount
        rows.withUnsafeMutableBufferPointer { rows in
            for (e, row) in series.rows.enumerated() where e < eventCount { rows[e * count + s] = row }
        }
        guard stride > 0 else { return }
        values.withUnsafeMutableBufferPointer { values in
            series.values.withUnsafeBufferPointer { source in
                for e in 0..<min(eventCount, source.count / stride) {
                    let from = e * stride
                    let to = (e * count + s) * stride
                    for j in 0..<stride { values[to + j] = source[from + j] }
                }
            }
        }
    }
}

/// Where the workers of `EventStudy.study` put each series' rows: the uninitialized memory of
/// the store's two arrays, each slot (event e, series s) written once, by series s's worker.
/// Series own disjoint slots, so the workers write without a lock; the arrays are read only
/// after every worker has finished (`OrderedWork.run` returns after the last job).
struct StudyStoreTarget: @unchecked Sendable {
    let rows: UnsafeMutablePointer<StudyRow>?
    let values: UnsafeMutablePointer<Double>?
    let eventCount: Int
    let seriesCount: Int
    let valuesPerRow: Int

    /// Initializes series `s`'s slots from its rows (in event order, values at e · `valuesPerRow`),
    /// as `StudyStore.insert` puts them in place; slots the rows do not reach get what a new
    /// `StudyStore` holds (`StudyRow(code: .noSession)`, zeros).
    func initialize(_ series: StudySeriesRows, series s: Int) {
        guard let rows, s >= 0, s < seriesCount else { return }
        // Every series writes into every page of the event-major store, so the first series
        // of each worker fault the store's pages in: odd series walk it from the end, so that
        // two workers starting together fault different pages instead of waiting on each other's.
        let order = s % 2 == 1 ? stride(from: eventCount - 1, to: -1, by: -1) : stride(from: 0, to: eventCount, by: 1)
        for e in order {
            (rows + (e * seriesCount + s)).initialize(to: e < series.rows.count ? series.rows[e] : StudyRow(code: .noSession))
        }
        guard valuesPerRow > 0, let values else { return }
        let stride = valuesPerRow
        series.values.withUnsafeBufferPointer { source in
            let filled = min(eventCount, source.count / stride)
            for e in order {
                let to = values + (e * seriesCount + s) * stride
                if e < filled {
                    let from = e * stride
                    for j in 0..<stride { (to + j).initialize(to: source[from + j]) }
                } else {
                    to.initialize(repeating: 0, count: stride)
                }
            }
        }
    }
}
