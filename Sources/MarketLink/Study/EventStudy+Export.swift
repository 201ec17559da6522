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

    /// One row per event and series, in the order of `results`.
    public func csv() -> [UInt8] {
        var out: [UInt8] = []
        CSVWriter.appendHeader(csvColumns, to: &out)
        for result in results {
            let event = events[result.event]
            func text(_ value: String) {
                CSVWriter.appendText(value, to: &out)
                out.append(44)
            }
            func plain(_ value: String?) {
                if let value { CSVWriter.appendEscaped(Array(value.utf8), to: &out) }
                out.append(44)
            }
            func number(_ value: Double?, percent: Bool = false) {
                StatisticText.appendCSV(value.map { percent ? 100 * $0 : $0 }, to: &out)
                out.append(44)
            }
            text(event.id)
            plain(event.dateText)
            text(event.title)
            text(event.tags.joined(separator: ";"))
            text(series[result.series].name)
            plain(design.model.rawValue)
            plain(design.returns.rawValue)
            plain(design.window.description)
            plain(result.eventDay?.iso)
            plain(result.estimationFirstDay?.iso)
            plain(result.estimationLastDay?.iso)
            plain(result.abnormal.map { String($0.estimationCount) })
            plain(String(result.droppedForBenchmark))
            plain(String(result.droppedForClean))
            let fit = result.fit
            let inference = result.inference
            number(fit?.alpha, percent: true)
            number(fit?.beta)
            number(inference?.sigma, percent: true)
            for session in 0..<design.window.sessionCount { number(fit?.abnormalReturns[safe: session], percent: true) }
            number(fit?.car, percent: true)
            number(inference?.standardError, percent: true)
            number(inference?.t)
            plain(inference.map { String($0.degreesOfFreedom) })
            number(inference?.pValue)
            number(inference?.sigmaUnits)
            number(fit?.bhar, percent: true)
            plain(result.status.name)
            CSVWriter.appendText(result.explanation, to: &out)
            out.append(10)
        }
        return out
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
