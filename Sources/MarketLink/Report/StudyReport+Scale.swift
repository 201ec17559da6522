// MARK: - Event study in a report, at scale

extension StudyReport {
    /// Whether the study has more results than the report shows whole, or more series than a
    /// chart draws.
    var isLarge: Bool { study.results.count > limits.tableRows || study.series.count > limits.chartLines }

    /// The summaries shown for a large study: per series (and per tag, when that keeps the table
    /// within 200 rows) for up to `limits.listedSeries` series; none beyond.
    func limitedSummaries() -> [EventStudySummary] {
        guard study.series.count <= limits.listedSeries else { return [] }
        var tags: Set<String> = []
        for event in study.events { for tag in event.tags where !tag.isEmpty { tags.insert(tag.lowercased()) } }
        let fits = study.series.count * (1 + tags.count) <= 200
        return study.summaries(groupBy: grouping == .tag && fits ? .tag : .all)
    }

    /// What a large study's section leaves out, the distribution of every CAR, and (with more
    /// series than a chart draws) each event's CAAR across the series, from the study's `digest`
    /// (made with the CARs, and the events across the series when there are more series than a
    /// chart draws) and the section's `summaries` (`limitedSummaries()`).
    func scaleBlocks(_ digest: StudyDigest, summaries: [EventStudySummary]) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        let results = digest.resultCount
        var items: [ReportText] = []
        let command: [ReportText.Span] = vocabulary.name(.studyCommand).map { [.plain(": "), .code($0)] } ?? []
        if results > limits.tableRows {
            items.append(
                ReportText(
                    [
                        .plain(
                            "The study has " + ReportWords.plural(results, "result") + " (events × series); the table below shows the "
                                + ReportWords.grouped(min(largestCount, digest.measured)) + " largest CARs. Every result")
                    ] + (command.isEmpty ? [.plain(" is in the study of the same events and series")] : command) + [.plain(".")]))
        }
        if study.series.count > limits.listedSeries {
            items.append(
                ReportText(
                    "No summary per series: " + ReportWords.grouped(study.series.count)
                        + " series are too many to list; each event's CAAR across them is below."))
        } else if grouping == .tag, summaries.contains(where: { $0.group == nil }),
            !summaries.contains(where: { $0.group != nil })
        {
            items.append(ReportText("No summary per tag: with " + ReportWords.plural(study.series.count, "series", "series") + ", the table would be too long."))
        }
        if study.series.count > limits.chartLines {
            items.append(ReportText("No CAAR chart per series: " + ReportWords.grouped(study.series.count) + " series are too many to chart."))
        }
        if !items.isEmpty {
            blocks.append(.heading("What this section leaves out"))
            blocks.append(.list(items))
        }
        if digest.measured > 0 { blocks.append(.table(carDistributionTable(digest.cars))) }
        if study.series.count > limits.chartLines { blocks.append(.table(acrossSeriesTable(digest.acrossEvents))) }
        return blocks
    }

    /// How many of the largest CARs a large study lists.
    var largestCount: Int { max(1, limits.largestRows / 2) }

    /// The quantiles of every measured CAR, in percent, from `cars` (every finite CAR of status
    /// `ok`, in percent, in ascending order).
    func carDistributionTable(_ cars: [Double]) -> ReportTable {
        let mean = cars.isEmpty ? Double.nan : cars.reduce(0, +) / Double(cars.count)
        var rows: [[ReportText]] = []
        if !cars.isEmpty {
            rows.append(
                [ReportText([.code(study.design.window.description)]), ReportText(ReportWords.grouped(cars.count)), ReportText(ChangeReport.percentText(mean))]
                    + ChangeReport.quantiles.map { ReportText(ChangeReport.percentText(ChangeReport.quantile(cars, $0.p))) })
        }
        return ReportTable(
            caption: "How large the CARs were: the mean and the quantiles of every measured event and series, in percent",
            columns: [.init("window"), .init("CARs", .number), .init("mean", .number)] + ChangeReport.quantiles.map { .init($0.name, .number) },
            rows: rows)
    }

    /// Per event: how many series were measured, the CAAR across them (their mean CAR), its
    /// cross-sectional t (CAAR / (s/√n), s the sample standard deviation of the CARs, with n − 1
    /// degrees of freedom) and p, and the share of positive CARs. At most `limits.listedEvents`
    /// events: those with the largest |t|, in the order of the events file. `across` has each
    /// event's CARs across the series (`StudyDigest.acrossEvents`, Welford's running mean and sum of
    /// squared deviations).
    func acrossSeriesTable(_ across: [StudyDigest.Across]) -> ReportTable {
        let count = study.events.indices.map { across.indices.contains($0) ? across[$0].count : 0 }
        let mean = study.events.indices.map { across.indices.contains($0) ? across[$0].mean : 0 }
        let squares = study.events.indices.map { across.indices.contains($0) ? across[$0].squares : 0 }
        let positive = study.events.indices.map { across.indices.contains($0) ? across[$0].positive : 0 }
        func t(_ e: Int) -> Double? {
            guard count[e] >= 2, squares[e] > 0 else { return nil }
            let s = (squares[e] / Double(count[e] - 1)).squareRoot()
            return mean[e] / (s / Double(count[e]).squareRoot())
        }
        var shown = study.events.indices.filter { count[$0] > 0 }
        let total = shown.count
        if shown.count > limits.listedEvents {
            shown = Array(
                shown.sorted { a, b in
                    let x = abs(t(a) ?? 0)
                    let y = abs(t(b) ?? 0)
                    return x != y ? x > y : a < b
                }.prefix(limits.listedEvents)
            ).sorted()
        }
        let rows = shown.map { e -> [ReportText] in
            let event = study.events[e]
            let statistic = t(e)
            let p = statistic.map { StudentT.twoSidedP($0, degreesOfFreedom: Double(count[e] - 1)) }
            return [
                ReportText("#" + limits.shown(event.id)), ReportText(event.dateText), ReportText(limits.shown(event.title)),
                ReportText(ReportWords.grouped(count[e])), ReportText(StatisticText.percent(mean[e]) + Significance.stars(p)),
                ReportText(StatisticText.statistic(statistic)), ReportText(StatisticText.pValue(p)),
                ReportText(NumberFormat.string(100 * Double(positive[e]) / Double(count[e]), decimals: 0) + "%"),
            ]
        }
        let which =
            shown.count == total
            ? "every event with a measured series"
            : ReportWords.grouped(shown.count) + " of " + ReportWords.plural(total, "event") + ", those with the largest |t|, in the order of the events file"
        return ReportTable(
            caption: ReportText(
                "Each event's CAAR across the series (their mean CAR over " + study.design.window.description
                    + "), with its cross-sectional t; the series are not independent on one event day, so read t as a guide: " + which),
            columns: [
                .init("event"), .init("date"), .init("title", .title), .init("series", .number), .init("CAAR", .number),
                .init("t", .number), .init("p", .number), .init("positive", .number),
            ], rows: rows)
    }

    /// The largest CARs by absolute value, in the order of the results, from the digest's
    /// `largest` (made with `largestCount`).
    func largestEventTable(_ digest: StudyDigest) -> ReportTable {
        let chosen = digest.largest.ranked().map(\.order).sorted().map { study.results[$0] }
        return eventTable(
            chosen,
            caption: ReportText(
                "The " + ReportWords.grouped(chosen.count) + " largest CARs by absolute value over the window " + study.design.window.description
                    + ", in percent, of " + ReportWords.plural(study.results.count, "result")))
    }

    /// How many results were not measured, by status, before the first few are listed.
    func notCountedText(_ digest: StudyDigest) -> ReportText {
        let counts = digest.statuses(of: study.results)
        return ReportText(
            ReportWords.plural(digest.unmeasured, "result") + ": " + counts.map { $0.name + " " + ReportWords.grouped($0.count) }.joined(separator: ", ")
                + ". The first " + ReportWords.grouped(limits.sentencesPerCard) + ":")
    }
}
