// MARK: - Event study in a report

/// The event-study section of an HTML report (id `study`), made from an `EventStudy`.
///
/// It says what was computed (model, returns, windows), then, when at least one event in one
/// series could be measured: the summary across events (all events, and per tag with `.tag`),
/// a CAAR band chart per series with the cross-sectional 95% band (when two or more events were
/// measured in it), the per-event table, and what each status and mark means. When no event could
/// be measured, it says why instead (how many results had each status) and which estimation
/// window would fit the data. A program puts it after its change table (as `mlink report` does).
///
/// A study of more event × series results than a report shows whole (or more series than a
/// chart draws) shows instead, per event, the CAAR across the series with its cross-sectional t,
/// the distribution of every CAR, the largest CARs, and the summary per series only for up to 50
/// series; it says what it left out and names the caller's command for the whole table
/// (`ToolVocabulary.Term.studyCommand`).
public struct StudyReport: Sendable {
    /// The event study the section shows.
    public var study: EventStudy
    /// How events are grouped in the summary (by tag, by default).
    public var grouping: StudyGrouping
    /// The benchmark's file as the user named it, for the description.
    public var benchmarkFile: String?
    /// The caller's names for the study's settings, shown (as code) where the section points to
    /// them; `.none` says only what each setting is.
    public var vocabulary: ToolVocabulary
    /// How much of a large study is shown whole (as for the change report).
    var limits: ReportLimits = .standard

    /// The section of `study`, grouped by `grouping`.
    public init(study: EventStudy, grouping: StudyGrouping = .tag, benchmarkFile: String? = nil, vocabulary: ToolVocabulary = .none) {
        self.study = study
        self.grouping = grouping
        self.benchmarkFile = benchmarkFile
        self.vocabulary = vocabulary
    }

    /// The report section: method, summary, CAAR chart, per-event table and legend (id `study`).
    public func section() -> ReportSection {
        var blocks: [ReportBlock] = [.paragraph(method)]
        // One pass over the study's stored rows gives every count, distribution and largest CAR
        // the section shows; only the results it prints are made (`StudyDigest`).
        let large = isLarge
        let digest = StudyDigest(
            study: study,
            options: StudyDigest.Options(
                cars: large, acrossEvents: large && study.series.count > limits.chartLines, largest: large ? largestCount : 0))
        guard digest.measured > 0 else {
            blocks.append(.paragraph(ReportText([.strong("No event could be measured. ")]) + ReportText(absenceText(digest))))
            if let hint = study.estimationHint(vocabulary: vocabulary) { blocks.append(.paragraph(ReportText(hint))) }
            blocks.append(.paragraph(settingsText))
            return ReportSection(id: "study", heading: "Event study", blocks: blocks)
        }
        // A study of many series and events shows aggregates and the largest CARs (`StudyReport+Scale`).
        let summaries = large ? limitedSummaries() : study.summaries(groupBy: grouping)
        if large { blocks += scaleBlocks(digest, summaries: summaries) }
        if !summaries.isEmpty {
            blocks.append(.table(summaryTable(summaries)))
            blocks.append(.table(clusteredTable(summaries)))
        }
        for summary in summaries where summary.group == nil && (!large || study.series.count <= limits.chartLines) {
            if let chart = bandChart(summary) { blocks.append(.bandChart(chart)) }
        }
        if !summaries.isEmpty {
            blocks.append(
                .paragraph(
                    ReportText(
                        "Clustering (events with status ok, window " + study.design.window.description + "): "
                            + study.clusteringLines(summaries).joined(separator: " "))))
        }
        let merges = study.mergeLines(summaries)
        if !merges.isEmpty {
            blocks.append(.paragraph(ReportText("Merged into an earlier event of the same session: " + merges.joined(separator: "; ") + ".")))
        }
        blocks.append(.paragraph(ReportText(study.clusteringNote(merged: study.design.mergeSharedSessions, vocabulary: vocabulary))))
        blocks.append(.table(large ? largestEventTable(digest) : eventTable()))
        if digest.unmeasured > 0 {
            blocks.append(.heading("Not measured, or measured without a test"))
            if digest.unmeasured > limits.sentencesPerCard { blocks.append(.paragraph(notCountedText(digest))) }
            let notes = digest.firstUnmeasured(limits.sentencesPerCard, of: study.results).map { study.results[$0] }
            blocks.append(
                .list(
                    notes.map { result in
                        ReportText([
                            .plain("#" + study.events[result.event].id + " " + study.series[result.series].name + ": "),
                            .code(result.status.name), .plain(" — " + result.explanation + "."),
                        ])
                    }))
            if let hint = study.estimationHint(vocabulary: vocabulary) { blocks.append(.paragraph(ReportText(hint))) }
        }
        blocks.append(.definitions(definitions(digest)))
        return ReportSection(id: "study", heading: "Event study", blocks: blocks)
    }

    // MARK: - Words

    /// What to change when no event could be measured: the estimation window, the minimum of
    /// estimation returns, the model and the benchmark, each with the caller's name for it.
    private var settingsText: ReportText {
        func setting(_ words: String, _ term: ToolVocabulary.Term) -> [ReportText.Span] {
            [.plain(words)] + (vocabulary.name(term).map { [.plain(" ("), .code($0), .plain(")")] } ?? [])
        }
        var spans: [ReportText.Span] = [.plain("Choose the study's windows to fit the data: the estimation window")]
        spans += setting("", .estimationWindow)
        spans += setting(", the fewest estimation returns an event may use", .minimumEstimation(nil))
        spans += setting(", the model", .model)
        spans += setting(" and the benchmark", .benchmark)
        if let help = vocabulary.name(.studySettings) { spans += [.plain("; see "), .code(help)] }
        return ReportText(spans + [.plain(".")])
    }

    var method: ReportText {
        let design = study.design
        var spans: [ReportText.Span] = [
            .plain("Abnormal returns by the " + EventStudy.modelText(design.model) + " on " + design.returns.rawValue + " returns")
        ]
        if let benchmark = study.benchmark {
            spans.append(.plain(", benchmark " + benchmark.name))
            if let benchmarkFile { spans += [.plain(" ("), .code(benchmarkFile), .plain(")")] }
        }
        spans += [
            .plain(". Event window "), .code(design.window.description),
            .plain(
                ": the returns of sessions " + EventWindow.label(offset: design.window.start) + " to "
                    + EventWindow.label(offset: design.window.end) + ", each from the previous session's close. Estimation window "),
            .code(design.estimation.description),
            .plain(
                ": sessions " + EventWindow.label(offset: design.estimation.start) + " to "
                    + EventWindow.label(offset: design.estimation.end) + ", at least "
                    + String(design.requiredEstimationReturns) + " returns"
                    + (design.clean ? ", leaving out sessions inside other events' windows" : "")
                    + (study.benchmark != nil ? ", leaving out sessions without benchmark closes" : "")
                    + ". The estimation window is never shortened to fit the data."),
        ]
        return ReportText(spans)
    }

    /// `30 results: estimation-off-data (22), ...`, for a study without a result `ok` (so every
    /// result has one of the digest's statuses).
    func absenceText(_ digest: StudyDigest) -> String {
        let counts = digest.statuses(of: study.results)
        let total = digest.resultCount
        if total == 0 { return "There are no events or no series." }
        return "Of " + String(total) + " event and series pairs, "
            + counts.map { String($0.count) + " " + $0.name + " (" + $0.meaning + ")" }.joined(separator: "; ") + "."
    }

    /// The legend: the columns, the tests, and each status of a result not `ok` in the study.
    func definitions(_ digest: StudyDigest) -> [ReportDefinition] {
        var items: [ReportDefinition] = [
            ReportDefinition(
                "AR, CAR",
                "The abnormal return of a session (the return less the model's normal return) and their sum over the event window, in percent."
            ),
            ReportDefinition(
                "SE, t, p", "The standard error of the CAR in the exact form for the model, t = CAR / SE, and its two-sided p-value from Student's t."),
            ReportDefinition("σ", "The CAR in standard deviations of a normal window's abnormal return, CAR / (σ̂·√k)."),
            ReportDefinition(
                "Across events",
                "Only events with status ok: n of them. CAAR = mean CAR; each test as statistic (two-sided p): cross-sectional t, Patell Z, Boehmer–Musumeci–Poulsen t, Corrado rank Z, generalized sign Z; r̄, the average cross-correlation of the events' estimation-window abnormal returns in event time, and the Patell and BMP tests adjusted for it (Kolari & Pynnönen 2010)."
            ),
            ReportDefinition(
                "Band chart",
                "The CAAR through each session of the window, with a 95% band: CAAR ± t(0.975, n − 1) · s/√n, s the standard deviation of the events' CARs through that session."
            ),
            ReportDefinition("Stars", ReportText(Significance.legend + ".")),
        ]
        for status in digest.statuses(of: study.results) {
            items.append(ReportDefinition(ReportText([.code(status.name)]), ReportText(status.meaning + ".")))
        }
        items.append(ReportDefinition("Formulas", ReportText([.plain("Every formula and its reference: "), .code("docs/STATISTICS.md"), .plain(".")])))
        return items
    }

    // MARK: - Tables and chart

    func summaryTable(_ summaries: [EventStudySummary]) -> ReportTable {
        let rows = summaries.map { summary -> [ReportText] in
            let tests = summary.tests
            return [
                ReportText(study.series[summary.series].name), ReportText(summary.group ?? "all events"),
                ReportText(String(summary.eventCount)), ReportText(String(tests?.n ?? 0)),
                ReportText(StatisticText.percent(tests?.caar)), ReportText(StatisticText.test(tests?.crossSectionalT)),
                ReportText(StatisticText.test(tests?.patellZ)), ReportText(StatisticText.test(tests?.bmpT)),
                ReportText(StatisticText.test(tests?.corradoRank)), ReportText(StatisticText.test(tests?.generalizedSign)),
            ]
        }
        return ReportTable(
            caption: ReportText(
                grouping == .tag
                    ? "Across events, all and per tag (an event with several tags counts in each): statistic (two-sided p)"
                    : "Across events: statistic (two-sided p)"),
            columns: [
                .init("series"), .init("group"), .init("events", .number), .init("n", .number), .init("CAAR", .number),
                .init("cross-sectional t", .number), .init("Patell Z", .number), .init("BMP t", .number),
                .init("Corrado rank", .number), .init("generalized sign", .number),
            ], rows: rows)
    }

    /// The Patell and BMP tests beside their Kolari–Pynnönen adjustments, with r̄.
    func clusteredTable(_ summaries: [EventStudySummary]) -> ReportTable {
        let rows = summaries.map { summary -> [ReportText] in
            let tests = summary.tests
            return [
                ReportText(study.series[summary.series].name), ReportText(summary.group ?? "all events"),
                ReportText(String(tests?.n ?? 0)), ReportText(StatisticText.correlation(tests?.averageCrossCorrelation)),
                ReportText(StatisticText.test(tests?.patellZ)), ReportText(StatisticText.test(tests?.adjustedPatellZ)),
                ReportText(StatisticText.test(tests?.bmpT)), ReportText(StatisticText.test(tests?.adjustedBMPT)),
            ]
        }
        return ReportTable(
            caption: ReportText(
                "Allowing for clustered events (Kolari & Pynnönen 2010): r̄, the average cross-correlation of the events' "
                    + "estimation-window abnormal returns in event time, and the Patell and BMP tests adjusted for it: statistic (two-sided p)"),
            columns: [
                .init("series"), .init("group"), .init("n", .number), .init("r̄", .number), .init("Patell Z", .number),
                .init("adjusted Patell Z", .number), .init("BMP t", .number), .init("adjusted BMP t", .number),
            ], rows: rows)
    }

    func eventTable() -> ReportTable {
        eventTable(
            study.results,
            caption: ReportText("Every event and series: CAR over the window " + study.design.window.description + ", in percent"))
    }

    /// The table of `results`, one row each, under `caption`.
    func eventTable(_ results: some Sequence<EventStudyResult>, caption: ReportText) -> ReportTable {
        let rows = results.map { result -> [ReportText] in
            let event = study.events[result.event]
            let fit = result.fit
            let inference = result.inference
            return [
                ReportText("#" + limits.shown(event.id)), ReportText(event.dateText), ReportText(limits.shown(event.title)),
                ReportText(limits.shown(study.series[result.series].name)), ReportText(result.eventDay?.iso ?? "—"),
                ReportText(StatisticText.percent(fit?.car) + Significance.stars(inference?.pValue)),
                ReportText(StatisticText.unsignedPercent(inference?.standardError)),
                ReportText(StatisticText.statistic(inference?.t)), ReportText(StatisticText.pValue(inference?.pValue)),
                ReportText(inference.map { NumberFormat.string($0.sigmaUnits, decimals: 1, plus: true) } ?? ""),
                result.status.isOK ? ReportText(result.status.name) : ReportText([.strong(result.status.name)]),
            ]
        }
        return ReportTable(
            caption: caption,
            columns: [
                .init("event"), .init("date"), .init("title", .title), .init("series"), .init("t0"), .init("CAR", .number),
                .init("SE", .number), .init("t", .number), .init("p", .number), .init("σ", .number), .init("status"),
            ], rows: rows)
    }

    /// The CAAR of all events in one series, in percent, from 0 at the base session t0+A−1, with
    /// its 95% band; `nil` for fewer than two measured events.
    func bandChart(_ summary: EventStudySummary) -> BandChart? {
        guard let n = summary.tests?.n, n >= 2, !summary.path.isEmpty else { return nil }
        let window = study.design.window
        var sessions = [BandChart.Session(offset: window.baseOffset, value: 0, lower: 0, upper: 0)]
        for point in summary.path {
            sessions.append(
                BandChart.Session(
                    offset: point.offset, value: 100 * point.caar, lower: point.lower.map { 100 * $0 } ?? .nan,
                    upper: point.upper.map { 100 * $0 } ?? .nan))
        }
        return BandChart(
            title: study.series[summary.series].name + ": CAAR over " + String(n) + " events",
            subtitle: "Mean cumulative abnormal return from " + window.baseLabel
                + ", with a 95% cross-sectional band (" + study.design.model.rawValue + " model)",
            sessions: sessions)
    }
}
