// MARK: - CSV and JSON

/// Files carry full precision (12 significant digits in CSV, the shortest exact form in JSON).
/// Every return, abnormal return, CAR, SE, σ̂ and α̂ is in percent (100 × the return, for log
/// returns 100 × the log return), and the column or key name says so.
extension EventStudy {
    /// The columns of `csv()`, in order; one `ar_percent_…` column per event-window session.
    public var csvColumns: [String] {
        var columns = [
            "event_id", "event_date", "event_title", "tags", "series", "model", "returns", "window", "event_session",
            "estimation_first", "estimation_last", "estimation_returns", "dropped_benchmark", "dropped_clean",
            "alpha_percent", "beta", "sigma_percent",
        ]
        for offset in design.window.sessionOffsets { columns.append("ar_percent_" + EventWindow.label(offset: offset, style: .ascii)) }
        columns += ["car_percent", "se_percent", "t", "df", "p", "sigma_units", "bhar_percent", "status", "explanation"]
        return columns
    }

    /// One row per event and series, in the order of `results` (the bytes `streamCSV` hands over,
    /// in one buffer).
    public func csv() -> [UInt8] {
        var out: [UInt8] = []
        streamCSV { out.append(contentsOf: $0) }
        return out
    }

    /// The rows of `csv()`, handed to `sink` batch by batch (a few MB each, the header first),
    /// formatted on worker threads ahead of `sink` and handed over strictly in order
    /// (`OrderedWork`), so that a file of every result is written without ever being whole in
    /// memory. Rethrows what `sink` throws, after the batches already started finish.
    public func streamCSV(sink: ([UInt8]) throws -> Void) rethrows {
        var header: [UInt8] = []
        CSVWriter.appendHeader(csvColumns, to: &header)
        try sink(header)
        guard !events.isEmpty, !series.isEmpty else { return }
        // About 4 MB of CSV (some 16,000 rows) per batch.
        let batchEvents = max(1, min(events.count, 16_000 / series.count))
        let batches = stride(from: 0, to: events.count, by: batchEvents).map { $0..<min(events.count, $0 + batchEvents) }
        let formatter = StudyCSVFormatter(study: self)
        // The events of each batch written count as done in the current progress.
        let progress = WorkProgress.current
        progress?.beginComputing("study rows", total: events.count, unit: "events")
        try OrderedWork.run(
            count: batches.count,
            work: { index in
                var buffer: [UInt8] = []
                buffer.reserveCapacity(batches[index].count * formatter.seriesCount * 320)
                formatter.appendRows(events: batches[index], to: &buffer)
                return buffer
            },
            consume: { index, buffer in
                try sink(buffer)
                progress?.advance(by: batches[index].count)
            })
    }

    /// The rows of `csv()` written to `output` (the same bytes `streamCSV` hands over): each
    /// batch of some 1,000 rows formatted on a worker thread and written by that thread, in order,
    /// while its bytes are still in that core's cache (`TurnWriter`), with no copy into the
    /// output's buffer. The first write error stops the writing (the output removes its temporary
    /// file, see `OutputFile`) and is rethrown when the batches under way have finished.
    public func writeCSV(to output: OutputFile) throws(MarketLinkError) {
        try writeCSV(to: output, batchRows: 1_000)
    }

    /// `writeCSV(to:)` in batches of about `batchRows` rows (whole events; at least one).
    func writeCSV(to output: OutputFile, batchRows: Int) throws(MarketLinkError) {
        var header: [UInt8] = []
        CSVWriter.appendHeader(csvColumns, to: &header)
        try output.write(header)
        guard !events.isEmpty, !series.isEmpty else { return }
        // About 330 KB of CSV per batch: within a core's L2 cache while it is written.
        let batchEvents = max(1, min(events.count, batchRows / series.count))
        let batches = stride(from: 0, to: events.count, by: batchEvents).map { $0..<min(events.count, $0 + batchEvents) }
        let formatter = StudyCSVFormatter(study: self)
        let progress = WorkProgress.current
        progress?.beginComputing("study rows", total: events.count, unit: "events")
        let target = SendableOutput(output: output)
        let rowBytes = 320
        try TurnWriter.run(
            count: batches.count, capacity: batchEvents * series.count * rowBytes,
            format: { index, buffer in formatter.appendRows(events: batches[index], to: &buffer) },
            write: { index, buffer throws(MarketLinkError) in
                try target.output.writePiece(buffer)
                progress?.advance(by: batches[index].count)
            })
    }

    /// The columns of `summaryCSV(_:)`.
    public static let summaryCSVColumns = [
        "series", "grouping", "group", "events", "n", "caar_percent",
        "cross_sectional_t", "cross_sectional_p", "cross_sectional_n",
        "patell_z", "patell_p", "patell_n", "bmp_t", "bmp_p", "bmp_n",
        "corrado_z", "corrado_p", "corrado_n", "sign_z", "sign_p", "sign_n",
        "average_cross_correlation", "adjusted_patell_z", "adjusted_patell_p", "adjusted_patell_n",
        "adjusted_bmp_t", "adjusted_bmp_p", "adjusted_bmp_n",
        "distinct_sessions", "events_sharing_a_session", "overlapping_window_events", "merged_event_ids", "merged_into_event_ids",
    ]

    /// One row per series and group: `grouping` is `all` (and `group` empty) or `tag`. The
    /// clustering columns count the group's events with status `ok`; `merged_event_ids` and
    /// `merged_into_event_ids` are `;`-separated, one for one (event 7 merged into event 6).
    public func summaryCSV(_ summaries: [EventStudySummary]) -> [UInt8] {
        var out: [UInt8] = []
        CSVWriter.appendHeader(EventStudy.summaryCSVColumns, to: &out)
        for summary in summaries {
            CSVWriter.appendText(series[summary.series].name, to: &out)
            out.append(44)
            CSVWriter.appendEscaped(Array((summary.group == nil ? "all" : "tag").utf8), to: &out)
            out.append(44)
            CSVWriter.appendText(summary.group ?? "", to: &out)
            out.append(44)
            out.append(contentsOf: Array("\(summary.eventCount),\(summary.tests?.n ?? 0),".utf8))
            StatisticText.appendCSV(summary.tests.map { 100 * $0.caar }, to: &out)
            let tests = summary.tests
            func append(_ test: SignificanceTest?) {
                out.append(44)
                StatisticText.appendCSV(test?.statistic, to: &out)
                out.append(44)
                StatisticText.appendCSV(test?.pValue, to: &out)
                out.append(44)
                if let test { out.append(contentsOf: Array(String(test.n).utf8)) }
            }
            for test in [tests?.crossSectionalT, tests?.patellZ, tests?.bmpT, tests?.corradoRank, tests?.generalizedSign] { append(test) }
            out.append(44)
            StatisticText.appendCSV(tests?.averageCrossCorrelation, to: &out)
            append(tests?.adjustedPatellZ)
            append(tests?.adjustedBMPT)
            let clustering = summary.clustering
            out.append(
                contentsOf: Array(
                    ",\(clustering.distinctSessions),\(clustering.eventsSharingASession),\(clustering.overlappingWindows.count),".utf8))
            CSVWriter.appendText(summary.merged.map { events[$0.event].id }.joined(separator: ";"), to: &out)
            out.append(44)
            CSVWriter.appendText(summary.merged.map { events[$0.representative].id }.joined(separator: ";"), to: &out)
            out.append(10)
        }
        return out
    }

    // MARK: - JSON

    /// `{"design": …, "results": […], "summary": […]}`; `results` left out when `summaryOnly`.
    public func json(summaries: [EventStudySummary], summaryOnly: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [("design", designJSON())]
        if !summaryOnly { members.append(("results", .array(results.map(resultJSON)))) }
        members.append(("summary", .array(summaries.map(summaryJSON))))
        return .object(members)
    }

    func designJSON() -> JSONValue {
        .object([
            ("model", .string(design.model.rawValue)),
            ("returns", .string(design.returns.rawValue)),
            ("window", .string(design.window.description)),
            ("estimation", .string(design.estimation.description)),
            ("min_estimation_returns", .number(Double(design.requiredEstimationReturns))),
            ("clean", .bool(design.clean)),
            ("bhar", .bool(design.buyAndHold)),
            ("align", .string(design.rule.rawValue)),
            ("merge_shared_sessions", .bool(design.mergeSharedSessions)),
            ("benchmark", .string(benchmark?.name)),
        ])
    }

    func resultJSON(_ result: EventStudyResult) -> JSONValue {
        let event = events[result.event]
        let fit = result.fit
        let inference = result.inference
        func percent(_ value: Double?) -> JSONValue { .number(value.map { 100 * $0 }) }
        var sessions: [JSONValue] = []
        for (position, (day, offset)) in zip(result.eventDays, design.window.sessionOffsets).enumerated() {
            sessions.append(
                .object([
                    ("offset", .number(Double(offset))),
                    ("date", .string(day.iso)),
                    ("return_percent", percent(result.eventReturns[safe: position])),
                    ("ar_percent", percent(fit?.abnormalReturns[safe: position])),
                    ("se_cumulative_percent", percent(inference?.cumulativeStandardErrors[safe: position])),
                ]))
        }
        return .object([
            ("event_id", .string(event.id)),
            ("event_date", .string(event.dateText)),
            ("event_title", .string(event.title)),
            ("tags", .array(event.tags.map { .string($0) })),
            ("series", .string(series[result.series].name)),
            ("status", .string(result.status.name)),
            ("explanation", .string(result.explanation)),
            ("event_session", .string(result.eventDay?.iso)),
            ("estimation_first", .string(result.estimationFirstDay?.iso)),
            ("estimation_last", .string(result.estimationLastDay?.iso)),
            ("estimation_returns", result.abnormal.map { .number(Double($0.estimationCount)) } ?? .null),
            ("dropped_benchmark", .number(Double(result.droppedForBenchmark))),
            ("dropped_clean", .number(Double(result.droppedForClean))),
            ("alpha_percent", percent(fit?.alpha)),
            ("beta", .number(fit?.beta)),
            ("sigma_percent", percent(inference?.sigma)),
            ("sessions", .array(sessions)),
            ("car_percent", percent(fit?.car)),
            ("se_percent", percent(inference?.standardError)),
            ("t", .number(inference?.t)),
            ("df", inference.map { .number(Double($0.degreesOfFreedom)) } ?? .null),
            ("p", .number(inference?.pValue)),
            ("sigma_units", .number(inference?.sigmaUnits)),
            ("bhar_percent", percent(fit?.bhar)),
        ])
    }

    func summaryJSON(_ summary: EventStudySummary) -> JSONValue {
        func test(_ test: SignificanceTest?) -> JSONValue {
            guard let test else { return .null }
            return .object([
                ("statistic", .number(test.statistic)),
                ("p", .number(test.pValue)),
                ("n", .number(Double(test.n))),
                ("df", test.degreesOfFreedom.map { .number(Double($0)) } ?? .null),
            ])
        }
        let tests = summary.tests
        return .object([
            ("series", .string(series[summary.series].name)),
            ("group", .string(summary.group)),
            ("events", .number(Double(summary.eventCount))),
            ("n", .number(Double(tests?.n ?? 0))),
            ("measured_event_ids", .array(summary.measuredEvents.map { .string(events[$0].id) })),
            ("caar_percent", .number(tests.map { 100 * $0.caar })),
            ("cross_sectional_t", test(tests?.crossSectionalT)),
            ("patell_z", test(tests?.patellZ)),
            ("bmp_t", test(tests?.bmpT)),
            ("corrado_rank_z", test(tests?.corradoRank)),
            ("generalized_sign_z", test(tests?.generalizedSign)),
            ("average_cross_correlation", .number(tests?.averageCrossCorrelation)),
            ("adjusted_patell_z", test(tests?.adjustedPatellZ)),
            ("adjusted_bmp_t", test(tests?.adjustedBMPT)),
            ("clustering", clusteringJSON(summary.clustering)),
            (
                "merged",
                .array(
                    summary.merged.map { merge in
                        .object([
                            ("event_id", .string(events[merge.event].id)), ("event_title", .string(events[merge.event].title)),
                            ("into_event_id", .string(events[merge.representative].id)),
                            ("into_event_title", .string(events[merge.representative].title)), ("event_session", .string(merge.day.iso)),
                        ])
                    })
            ),
            (
                "caar_path",
                .array(
                    summary.path.map { point in
                        .object([
                            ("offset", .number(Double(point.offset))),
                            ("caar_percent", .number(100 * point.caar)),
                            ("se_percent", .number(point.standardError.map { 100 * $0 })),
                            ("lower_95_percent", .number(point.lower.map { 100 * $0 })),
                            ("upper_95_percent", .number(point.upper.map { 100 * $0 })),
                        ])
                    })
            ),
        ])
    }

    func clusteringJSON(_ clustering: StudyClustering) -> JSONValue {
        .object([
            ("events", .number(Double(clustering.eventCount))),
            ("distinct_sessions", .number(Double(clustering.distinctSessions))),
            ("events_sharing_a_session", .number(Double(clustering.eventsSharingASession))),
            (
                "shared_sessions",
                .array(
                    clustering.sharedSessions.map { shared in
                        .object([
                            ("event_session", .string(shared.day.iso)),
                            ("event_ids", .array(shared.events.map { .string(events[$0].id) })),
                        ])
                    })
            ),
            ("overlapping_window_event_ids", .array(clustering.overlappingWindows.map { .string(events[$0].id) })),
        ])
    }
}

// MARK: - Row formatter

/// Everything a row of `EventStudy.csv()` needs, prepared once and held flat, so that formatting
/// a row copies no array or `Series` (whose reference counts the two worker threads would
/// otherwise contend for on every row): each event's escaped leading cells, each series' escaped
/// name, the cells every row shares, the status names and every explanation without numbers in
/// it, all in one byte buffer; and the `YYYY-MM-DD` text of every day the series span, so a
/// date (which each row carries as a day ordinal) is a 10-byte copy.
struct StudyCSVFormatter: Sendable {
    let study: EventStudy
    let store: StudyStore
    let design: EventStudyDesign
    let seriesCount: Int
    /// The constant cells, one after another.
    let cells: [UInt8]
    /// Event e's cells (`id,date,title,tags,`) are `cells[eventBounds[e]..<eventBounds[e + 1]]`.
    let eventBounds: [Int]
    /// Series s's cell (`name,`) is `cells[seriesBounds[s]..<seriesBounds[s + 1]]`.
    let seriesBounds: [Int]
    /// `model,returns,window,`
    let designCells: Range<Int>
    /// The explanation cell of each `StudyRow.Code` (by raw value), empty where it depends on
    /// the row; and each code's status name.
    let explanations: [Range<Int>]
    let statusNames: [Range<Int>]
    /// The ISO text of the days `firstDay`, `firstDay + 1`, … (10 bytes each), covering every
    /// session of every series; empty when that span is too long for a table (more than
    /// `StudyCSVFormatter.tableDays`) or reaches a year outside 0…9999, and `Day.appendISO`
    /// writes each date instead.
    let isoDays: [UInt8]
    let firstDay: Int32

    /// The most days the ISO table covers (1,100 years, 4 MB).
    static let tableDays = 401_000

    init(study: EventStudy) {
        self.study = study
        store = study.store
        design = study.design
        seriesCount = study.series.count
        var cells: [UInt8] = []
        var eventBounds = [0]
        for event in study.events {
            CSVWriter.appendText(event.id, to: &cells)
            cells.append(44)
            CSVWriter.appendEscaped(Array(event.dateText.utf8), to: &cells)
            cells.append(44)
            CSVWriter.appendText(event.title, to: &cells)
            cells.append(44)
            CSVWriter.appendText(event.tags.joined(separator: ";"), to: &cells)
            cells.append(44)
            eventBounds.append(cells.count)
        }
        var seriesBounds = [cells.count]
        for item in study.series {
            CSVWriter.appendText(item.name, to: &cells)
            cells.append(44)
            seriesBounds.append(cells.count)
        }
        let designStart = cells.count
        for text in [study.design.model.rawValue, study.design.returns.rawValue, study.design.window.description] {
            CSVWriter.appendEscaped(Array(text.utf8), to: &cells)
            cells.append(44)
        }
        designCells = designStart..<cells.count
        // Each code's status; those marked `false` have numbers in their explanation.
        let day = Day(ordinal: 0)
        let statuses: [(StudyRow.Code, StudyStatus, constant: Bool)] = [
            (.beforeData, .noEventSession(.beforeData), true), (.afterData, .noEventSession(.afterData), true),
            (.noSession, .noEventSession(.noSession), true), (.noMarket, .noEventSession(.noMarket), true),
            (.monthOnly, .noEventSession(.monthOnly), true),
            (.noBase, .noBase, true), (.noEnd, .noEnd, true),
            (.estimationOffData, .estimationOffData(requested: 0, available: 0, firstDay: day), false),
            (.benchmarkMissing, .benchmarkMissing(day: day), false), (.ok, .ok, true), (.zeroVariance, .computed(.zeroVariance), true),
            (.nonFiniteEstimation, .computed(.nonFiniteReturn(window: .estimation)), true),
            (.nonFiniteEvent, .computed(.nonFiniteReturn(window: .event)), true),
            (.tooFewEstimationReturns, .computed(.tooFewEstimationReturns(count: 0, minimum: 0)), false),
            (.degenerateBenchmark, .computed(.degenerateBenchmark), true),
        ]
        var explanations = [Range<Int>](repeating: 0..<0, count: statuses.count)
        var names = [Range<Int>](repeating: 0..<0, count: statuses.count)
        for (code, status, constant) in statuses {
            if constant {
                let start = cells.count
                CSVWriter.appendText(status.explanation, to: &cells)
                explanations[Int(code.rawValue)] = start..<cells.count
            }
            let start = cells.count
            CSVWriter.appendEscaped(Array(status.name.utf8), to: &cells)
            names[Int(code.rawValue)] = start..<cells.count
        }
        self.cells = cells
        self.eventBounds = eventBounds
        self.seriesBounds = seriesBounds
        self.explanations = explanations
        statusNames = names

        let low = study.series.compactMap { $0.dayOrdinals.first }.min() ?? 0
        let high = study.series.compactMap { $0.dayOrdinals.last }.max() ?? -1
        var isoDays: [UInt8] = []
        if low <= high, Int(high) - Int(low) < StudyCSVFormatter.tableDays,
            (0...9999).contains(Day(ordinal: low).year), (0...9999).contains(Day(ordinal: high).year)
        {
            isoDays.reserveCapacity((Int(high) - Int(low) + 1) * 10)
            for ordinal in low...high { Day(ordinal: ordinal).appendISO(to: &isoDays) }
        }
        self.isoDays = isoDays
        firstDay = low
    }

    /// Appends the rows of `events` (every series of each, in order), as `EventStudy.csvColumns`
    /// lists the columns.
    func appendRows(events: Range<Int>, to out: inout [UInt8]) {
        store.rows.withUnsafeBufferPointer { rows in
            store.values.withUnsafeBufferPointer { values in
                cells.withUnsafeBufferPointer { cells in
                    isoDays.withUnsafeBufferPointer { iso in
                        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Row.scratchBytes) { scratch in
                            let count = Row.numberCount(k: design.window.sessionCount)
                            withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { numbers in
                                withUnsafeTemporaryAllocation(of: NumberFormat.FixedSignificand.self, capacity: count) { fixed in
                                    numbers.initialize(repeating: .nan)
                                    fixed.initialize(repeating: NumberFormat.FixedSignificand(.nan, digits: 12))
                                    let row = Row(
                                        formatter: self, rows: rows, values: values, cells: cells, iso: iso, scratch: scratch,
                                        numbers: numbers, fixed: fixed)
                                    for e in events where e < store.eventCount {
                                        for s in 0..<seriesCount { row.append(event: e, series: s, to: &out) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A row being written by pointer (room checked by the caller).
    private struct RowBytes {
        let base: UnsafeMutablePointer<UInt8>
        let cells: UnsafeBufferPointer<UInt8>
        let iso: UnsafeBufferPointer<UInt8>
        let firstDay: Int32
        var at = 0

        @inline(__always) mutating func put(_ byte: UInt8) {
            base[at] = byte
            at += 1
        }
        @inline(__always) mutating func putCells(_ range: Range<Int>) {
            guard let source = cells.baseAddress, !range.isEmpty else { return }
            (base + at).update(from: source + range.lowerBound, count: range.count)
            at += range.count
        }
        /// `YYYY-MM-DD` of the day `ordinal`.
        @inline(__always) mutating func putDay(_ ordinal: Int32) {
            let from = (Int(ordinal) - Int(firstDay)) * 10
            if from >= 0, from + 10 <= iso.count, let source = iso.baseAddress {
                (base + at).update(from: source + from, count: 10)
                at += 10
            } else {
                var text: [UInt8] = []
                Day(ordinal: ordinal).appendISO(to: &text)
                for byte in text.prefix(NumberFormat.maxBytes) { put(byte) }
            }
        }
        @inline(__always) mutating func putInteger(_ value: Int) {
            at += NumberFormat.writeInteger(value, to: base + at)
        }
        /// `value` as `StatisticText.appendCSV` appends it unless it is nan (an empty cell),
        /// with its digits `fixed` worked out beforehand, then a comma.
        @inline(__always) mutating func number(_ value: Double, _ fixed: NumberFormat.FixedSignificand) {
            if value.isFinite { at += NumberFormat.writeSignificant(value, digits: 12, fixed: fixed, to: base + at) }
            put(44)
        }
    }

    /// The formatter's arrays as buffers, for the rows of one batch.
    private struct Row {
        let formatter: StudyCSVFormatter
        let rows: UnsafeBufferPointer<StudyRow>
        let values: UnsafeBufferPointer<Double>
        let cells: UnsafeBufferPointer<UInt8>
        let iso: UnsafeBufferPointer<UInt8>
        /// Where a row is written before it is appended (one allocation per batch); a row that may
        /// need more gets memory of its own.
        let scratch: UnsafeMutableBufferPointer<UInt8>
        static let scratchBytes = 16_384
        /// A row's numbers in column order, nan for an empty cell (`numberCount` of them), and
        /// their digits, all worked out before the row is written: one loop of independent steps
        /// instead of each number's chain of dependent ones in turn.
        let numbers: UnsafeMutableBufferPointer<Double>
        let fixed: UnsafeMutableBufferPointer<NumberFormat.FixedSignificand>

        /// α, β, σ, the k abnormal returns, CAR, SE, t, p, σ units and BHAR.
        static func numberCount(k: Int) -> Int { 9 + k }

        /// Appends the row of event `e` in series `s`: written into scratch memory of the row's
        /// largest possible size by pointer (each number by `NumberFormat.writeSignificant`, the
        /// bytes `StatisticText.appendCSV` appends), then appended to `out` in one copy, instead
        /// of some 30 array appends per row.
        func append(event e: Int, series s: Int, to rowOut: inout [UInt8]) {
            let index = e * formatter.seriesCount + s
            let row = rows[index]
            let design = formatter.design
            let k = design.window.sessionCount
            let eventCells = formatter.eventBounds[e]..<formatter.eventBounds[e + 1]
            let seriesCells = formatter.seriesBounds[s]..<formatter.seriesBounds[s + 1]
            let status = formatter.statusNames[Int(row.code.rawValue)]
            let constantExplanation = formatter.explanations[Int(row.code.rawValue)]
            var explanation: [UInt8] = []
            if constantExplanation.isEmpty {
                CSVWriter.appendText(formatter.study.results.result(event: e, series: s).explanation, to: &explanation)
            }
            // Cells as they are, 3 dates (at most `maxBytes` each when not from the table),
            // 4 whole numbers and 10 + k numbers (at most `maxBytes` each), every comma and the newline.
            let cellBytes = eventCells.count + seriesCells.count + formatter.designCells.count + status.count
            let bound = cellBytes + constantExplanation.count + explanation.count + (17 + k) * (NumberFormat.maxBytes + 1) + 1
            if bound <= scratch.count, let base = scratch.baseAddress {
                write(to: base)
            } else {
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { scratch in
                    if let base = scratch.baseAddress { write(to: base) }
                }
            }
            func write(to base: UnsafeMutablePointer<UInt8>) {
                var out = RowBytes(base: base, cells: cells, iso: iso, firstDay: formatter.firstDay)
                out.putCells(eventCells)
                out.putCells(seriesCells)
                out.putCells(formatter.designCells)
                if row.eventSession >= 0 { out.putDay(row.eventDay) }
                out.put(44)
                if row.code.hasEstimationWindow {
                    out.putDay(row.estimationFirstDay)
                    out.put(44)
                    out.putDay(row.estimationLastDay)
                    out.put(44)
                } else {
                    out.put(44)
                    out.put(44)
                }
                if row.code.isComputed { out.putInteger(Int(row.count)) }
                out.put(44)
                out.putInteger(row.code.isComputed ? Int(row.droppedForBenchmark) : 0)
                out.put(44)
                out.putInteger(row.code.isComputed ? Int(row.droppedForClean) : 0)
                out.put(44)
                let fit = row.code.hasAbnormalReturns
                let ok = row.code == .ok
                let offset = index * formatter.store.valuesPerRow
                numbers[0] = fit ? 100 * row.alpha : .nan
                numbers[1] = fit ? row.beta : .nan
                numbers[2] = ok ? 100 * row.sigma : .nan
                for session in 0..<k { numbers[3 + session] = fit ? 100 * values[offset + session] : .nan }
                numbers[3 + k] = fit ? 100 * row.car : .nan
                numbers[4 + k] = ok ? 100 * row.standardError : .nan
                numbers[5 + k] = ok ? row.t : .nan
                numbers[6 + k] = ok ? row.pValue : .nan
                numbers[7 + k] = ok ? row.sigmaUnits(k: k) : .nan
                numbers[8 + k] = fit && design.buyAndHold ? 100 * row.bhar : .nan
                for i in 0..<Row.numberCount(k: k) { fixed[i] = NumberFormat.FixedSignificand(numbers[i], digits: 12) }
                for i in 0..<(6 + k) { out.number(numbers[i], fixed[i]) }
                if ok { out.putInteger(Int(row.count) - design.model.estimatedParameters) }
                out.put(44)
                for i in (6 + k)..<Row.numberCount(k: k) { out.number(numbers[i], fixed[i]) }
                out.putCells(status)
                out.put(44)
                if constantExplanation.isEmpty {
                    for byte in explanation { out.put(byte) }
                } else {
                    out.putCells(constantExplanation)
                }
                out.put(10)
                rowOut.append(contentsOf: UnsafeBufferPointer(start: base, count: out.at))
            }
        }
    }
}

/// The output of `EventStudy.writeCSV(to:)`, handed to the thread whose turn it is to write
/// (`TurnWriter` lets one thread at a time use it, and the calling thread only after all).
struct SendableOutput: @unchecked Sendable {
    let output: OutputFile
}
