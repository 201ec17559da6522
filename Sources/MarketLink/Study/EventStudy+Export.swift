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
                buffer.reserveCapacity(batches[index].count * formatter.series.count * 320)
                for e in batches[index] {
                    for s in formatter.series.indices { formatter.appendRow(event: e, series: s, to: &buffer) }
                }
                return buffer
            },
            consume: { index, buffer in
                try sink(buffer)
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

/// Everything a row of `EventStudy.csv()` needs, prepared once: each event's escaped leading
/// cells, each series' escaped name, the cells every row shares, and the explanation of every
/// status whose explanation has no numbers in it.
struct StudyCSVFormatter: Sendable {
    let study: EventStudy
    let series: [Series]
    let eventCells: [[UInt8]]
    let seriesCells: [[UInt8]]
    /// `model,returns,window,`
    let designCells: [UInt8]
    /// The explanation cell of each `StudyRow.Code` (by raw value), empty where it depends on
    /// the row.
    let explanations: [[UInt8]]
    let statusNames: [[UInt8]]

    init(study: EventStudy) {
        self.study = study
        series = study.series
        eventCells = study.events.map { event in
            var cell: [UInt8] = []
            CSVWriter.appendText(event.id, to: &cell)
            cell.append(44)
            CSVWriter.appendEscaped(Array(event.dateText.utf8), to: &cell)
            cell.append(44)
            CSVWriter.appendText(event.title, to: &cell)
            cell.append(44)
            CSVWriter.appendText(event.tags.joined(separator: ";"), to: &cell)
            cell.append(44)
            return cell
        }
        seriesCells = study.series.map { item in
            var cell: [UInt8] = []
            CSVWriter.appendText(item.name, to: &cell)
            cell.append(44)
            return cell
        }
        var design: [UInt8] = []
        for text in [study.design.model.rawValue, study.design.returns.rawValue, study.design.window.description] {
            CSVWriter.appendEscaped(Array(text.utf8), to: &design)
            design.append(44)
        }
        designCells = design
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
        var explanations = [[UInt8]](repeating: [], count: statuses.count)
        var names = [[UInt8]](repeating: [], count: statuses.count)
        for (code, status, constant) in statuses {
            if constant { CSVWriter.appendText(status.explanation, to: &explanations[Int(code.rawValue)]) }
            CSVWriter.appendEscaped(Array(status.name.utf8), to: &names[Int(code.rawValue)])
        }
        self.explanations = explanations
        statusNames = names
    }

    /// Appends the row of event `e` in series `s`, as `EventStudy.csvColumns` lists the columns.
    func appendRow(event e: Int, series s: Int, to out: inout [UInt8]) {
        let stored = study.rows[s]
        let row = stored.rows[e]
        let item = series[s]
        let design = study.design
        out.append(contentsOf: eventCells[e])
        out.append(contentsOf: seriesCells[s])
        out.append(contentsOf: designCells)
        let t0 = Int(row.eventSession)
        if t0 >= 0 { item.day(at: t0).appendISO(to: &out) }
        out.append(44)
        if row.code.hasEstimationWindow {
            item.day(at: t0 + design.estimation.start).appendISO(to: &out)
            out.append(44)
            item.day(at: t0 + design.estimation.end).appendISO(to: &out)
            out.append(44)
        } else {
            out.append(44)
            out.append(44)
        }
        if row.code.isComputed { StudyCSVFormatter.appendInteger(Int(row.count), to: &out) }
        out.append(44)
        StudyCSVFormatter.appendInteger(row.code.isComputed ? Int(row.droppedForBenchmark) : 0, to: &out)
        out.append(44)
        StudyCSVFormatter.appendInteger(row.code.isComputed ? Int(row.droppedForClean) : 0, to: &out)
        out.append(44)
        let k = design.window.sessionCount
        let fit = row.code.hasAbnormalReturns
        let ok = row.code == .ok
        func number(_ value: Double, _ present: Bool) {
            if present { StatisticText.appendCSV(value, to: &out) }
            out.append(44)
        }
        number(100 * row.alpha, fit)
        number(row.beta, fit)
        number(100 * row.sigma, ok)
        let offset = Int(row.valuesOffset)
        for session in 0..<k { number(fit ? 100 * stored.values[offset + session] : 0, fit) }
        number(100 * row.car, fit)
        number(100 * row.standardError, ok)
        number(row.t, ok)
        if ok { StudyCSVFormatter.appendInteger(Int(row.count) - design.model.estimatedParameters, to: &out) }
        out.append(44)
        number(row.pValue, ok)
        number(row.sigmaUnits(k: k), ok)
        number(100 * row.bhar, fit && design.buyAndHold)
        out.append(contentsOf: statusNames[Int(row.code.rawValue)])
        out.append(44)
        let explanation = explanations[Int(row.code.rawValue)]
        if explanation.isEmpty {
            CSVWriter.appendText(study.results.result(event: e, series: s).explanation, to: &out)
        } else {
            out.append(contentsOf: explanation)
        }
        out.append(10)
    }

    /// Appends a whole number in decimal.
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        NumberFormat.append(Double(value), decimals: 0, to: &out)
    }
}
