// MARK: - Change report: summary

extension ChangeReport {
    func summarySection(_ digest: ChangeDigest) -> ReportSection {
        var blocks: [ReportBlock] = []
        var what: [ReportText.Span] = [
            .plain(
                "How " + ReportWords.plural(series.count, "series", "series") + " (" + limits.shown(EventCharts.names(series))
                    + ") moved around " + ReportWords.plural(events.count, "event")
                    + ": for each event, series and window [a, b], the move from the close of the base session t0+a−1 to the close of the end session t0+b, where t0 is the event's session in that market ("
            ),
            .code(sessions.rule.rawValue), .plain(" alignment). "),
        ]
        let measured = digest.count(.ok)
        what.append(
            .plain(
                ReportWords.plural(digest.rowCount, "move") + " in all; " + ReportWords.grouped(measured) + " with both closes"
                    + (measured == digest.rowCount
                        ? "."
                        : ", " + ReportWords.grouped(digest.rowCount - measured)
                            + " without (see the status column of the change table).")))
        blocks.append(.paragraph(ReportText(what)))
        let leftOut = leftOutItems()
        if !leftOut.isEmpty {
            blocks.append(.heading("What this report leaves out"))
            blocks.append(.list(leftOut))
        }

        let largest = largestMovesTable(digest)
        if !largest.rows.isEmpty { blocks.append(.table(largest)) }
        let distribution = distributionTable(digest)
        if !distribution.rows.isEmpty { blocks.append(.table(distribution)) }
        let directions = directionTable(digest)
        if !directions.rows.isEmpty { blocks.append(.table(directions)) }
        if hasManySeries {
            let across = acrossSeriesTable(digest)
            if !across.groups.isEmpty { blocks.append(.table(across)) }
        }
        if isCompact {
            let charts = largestMoveCharts(digest)
            if !charts.isEmpty {
                blocks.append(.heading("Charts of the largest moves"))
                blocks += charts.map(ReportBlock.lineChart)
            }
        }
        if !hasManySeries, let overview = overviewChart() { blocks.append(.lineChart(overview)) }
        return ReportSection(id: "summary", heading: "Summary", blocks: blocks)
    }

    // MARK: - What is left out

    /// One item per part of the report that does not show everything: what it shows instead,
    /// and where the rest is.
    func leftOutItems() -> [ReportText] {
        var items: [ReportText] = []
        let rows = events.count * series.count * windows.count
        if isCompact {
            items.append(
                ReportText(
                    [
                        .plain(
                            "The change table has " + ReportWords.plural(rows, "row") + "; the report shows the "
                                + ReportWords.grouped(min(limits.largestRows, rows))
                                + " largest moves by absolute percent, with the aggregates above. Every row")
                    ] + (fullTableSpans.isEmpty ? [.plain(" is in the change table of the same events, series and windows")] : fullTableSpans)
                        + [.plain(".")]))
        }
        if events.count > limits.eventCards {
            items.append(
                ReportText(
                    "Sentences for the first " + ReportWords.grouped(limits.eventCards) + " of " + ReportWords.plural(events.count, "event")
                        + ", in the order of the events file."))
        }
        if events.count > maxEventCharts {
            items.append(
                ReportText(
                    [.plain("Charts around the first " + ReportWords.plural(maxEventCharts, "event") + " only")]
                        + (vocabulary.name(.chartCommand).map { [.plain("; "), .code($0), .plain(" draws any of them")] } ?? [])
                        + [.plain(".")]))
        }
        if hasManySeries {
            items.append(
                ReportText(
                    "Each event card gives each window's moves across the " + ReportWords.plural(series.count, "series", "series")
                        + " and names the " + ReportWords.grouped(limits.movesPerCardWindow) + " largest; each chart around an event draws the "
                        + ReportWords.grouped(limits.chartLines) + " series that moved most over the first window, "
                        + (windows.first?.description ?? "") + "."))
            items.append(
                ReportText(
                    "No overview chart of every series: " + ReportWords.grouped(series.count) + " series are too many for one chart."))
            if events.count > limits.listedEvents {
                items.append(
                    ReportText(
                        "Moves across series for " + ReportWords.grouped(limits.listedEvents) + " of the " + ReportWords.plural(events.count, "event")
                            + ": those with the largest mean move over " + (windows.first?.description ?? "") + "."))
            }
        }
        if series.count > limits.listedSeries {
            items.append(
                ReportText(
                    "How often the series rose and fell, and the price files: totals over the "
                        + ReportWords.plural(series.count, "series", "series") + ", not each one."))
        }
        return items
    }

    // MARK: - Largest moves

    /// Per window, the `count` moves largest in absolute percent (ties in table order).
    func largestMovesTable(_ digest: ChangeDigest, count: Int = 5) -> ReportTable {
        var rows: [[ReportText]] = []
        for w in windows.indices {
            for move in digest.largest[w].prefix(count) {
                let row = row(move.position)
                let event = row.event
                rows.append([
                    ReportText([.code(windows[w].description)]), ReportText("#" + limits.shown(event.id)),
                    ReportText(event.dateText), ReportText(limits.shown(event.title)), ReportText(limits.shown(row.series)),
                    ReportText(pointsText(row)), ReportText(percentText(row)),
                ])
            }
        }
        return ReportTable(
            caption: "Largest moves in each window, by absolute percent",
            columns: [
                .init("window"), .init("event"), .init("date"), .init("title", .title), .init("series"), .init("points", .number),
                .init("percent", .number),
            ], rows: rows)
    }

    // MARK: - Distribution

    /// The probabilities of the quantiles in the distribution table.
    static let quantiles: [(name: String, p: Double)] = [
        ("min", 0), ("1%", 0.01), ("5%", 0.05), ("25%", 0.25), ("median", 0.5), ("75%", 0.75), ("95%", 0.95), ("99%", 0.99), ("max", 1),
    ]

    /// Per window: how many moves have a percent, their mean, and the quantiles of the percents
    /// (`quantile(_:_:)`); a window without moves has none.
    func distributionTable(_ digest: ChangeDigest) -> ReportTable {
        var rows: [[ReportText]] = []
        for w in windows.indices {
            let values = digest.percents[w]
            guard !values.isEmpty else { continue }
            let mean = values.reduce(0, +) / Double(values.count)
            rows.append(
                [ReportText([.code(windows[w].description)]), ReportText(ReportWords.grouped(values.count)), ReportText(ChangeReport.percentText(mean))]
                    + ChangeReport.quantiles.map { ReportText(ChangeReport.percentText(ChangeReport.quantile(values, $0.p))) })
        }
        return ReportTable(
            caption: "How large the moves were: in each window, the mean and the quantiles of every move's percent, across events and series",
            columns: [.init("window"), .init("moves", .number), .init("mean", .number)] + ChangeReport.quantiles.map { .init($0.name, .number) },
            rows: rows)
    }

    /// The `p` quantile of ascending `sorted` values, interpolated linearly between the closest
    /// ranks: with h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) (Hyndman and Fan's
    /// definition 7, numpy's and R's default). NaN for no values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard let first = sorted.first, let last = sorted.last else { return .nan }
        let h = Double(sorted.count - 1) * min(max(p, 0), 1)
        let low = Int(h.rounded(.down))
        guard low + 1 < sorted.count else { return low <= 0 ? first : last }
        return sorted[low] + (h - Double(low)) * (sorted[low + 1] - sorted[low])
    }

    // MARK: - Directions

    /// Per series and window: how many moves rose, fell, were unchanged (points and percent both
    /// zero as shown, as the sentences say; see `MoveDirection`) or had no number. With more
    /// series than `limits.listedSeries`, per window over all of them.
    func directionTable(_ digest: ChangeDigest) -> ReportTable {
        var rows: [[ReportText]] = []
        func add(_ name: String, _ w: Int, _ counts: ChangeDigest.Directions) {
            rows.append([
                ReportText(name), ReportText([.code(windows[w].description)]), ReportText(ReportWords.grouped(counts.rose)),
                ReportText(ReportWords.grouped(counts.fell)), ReportText(ReportWords.grouped(counts.unchanged)),
                ReportText(ReportWords.grouped(counts.missing)),
            ])
        }
        let perSeries = series.count <= limits.listedSeries
        if perSeries {
            for s in series.indices {
                for w in windows.indices { add(limits.shown(series[s].name), w, digest.directions(series: s, window: w)) }
            }
        } else {
            for w in windows.indices {
                var total = ChangeDigest.Directions()
                for s in series.indices { total.add(digest.directions(series: s, window: w)) }
                add("all " + ReportWords.grouped(series.count), w, total)
            }
        }
        return ReportTable(
            caption: ReportText(perSeries ? "How often each series rose and fell" : "How often the series rose and fell, all together"),
            columns: [
                .init("series"), .init("window"), .init("rose", .number), .init("fell", .number),
                .init("unchanged", .number), .init("no number", .number),
            ], rows: rows)
    }

    // MARK: - Across series

    /// The events listed in the table of moves across series: all of them, or the
    /// `limits.listedEvents` with the largest mean move (by absolute value) in the first window;
    /// in the order of the events file either way.
    func listedEvents(_ digest: ChangeDigest) -> [Int] {
        guard events.count > limits.listedEvents, !windows.isEmpty else { return Array(events.indices) }
        let ranked = events.indices.sorted { a, b in
            let x = abs(digest.across(event: a, window: 0).mean ?? 0)
            let y = abs(digest.across(event: b, window: 0).mean ?? 0)
            return x != y ? x > y : a < b
        }
        return ranked.prefix(limits.listedEvents).sorted()
    }

    /// Per event (under its title) and window: how many series have a move, the mean and median
    /// percent across them, how many rose and fell, and the largest rise and fall.
    func acrossSeriesTable(_ digest: ChangeDigest) -> ReportTable {
        let listed = listedEvents(digest)
        var groups: [ReportTable.Group] = []
        for e in listed {
            var rows: [[ReportText]] = []
            for w in windows.indices {
                let across = digest.across(event: e, window: w)
                var percents: [Double] = []
                percents.reserveCapacity(series.count)
                for s in series.indices {
                    if let percent = percent(ChangeDigest.Position(event: e, series: s, window: w)) {
                        percents.append(percent)
                    }
                }
                percents.sort()
                func extreme(_ move: (series: Int, percent: Double)?) -> ReportText {
                    guard let move else { return "" }
                    return ReportText(limits.shown(series[move.series].name) + " " + ChangeReport.percentText(move.percent))
                }
                rows.append([
                    ReportText([.code(windows[w].description)]), ReportText(ReportWords.grouped(across.count)),
                    ReportText(across.mean.map(ChangeReport.percentText) ?? ""),
                    ReportText(percents.isEmpty ? "" : ChangeReport.percentText(ChangeReport.quantile(percents, 0.5))),
                    ReportText(ReportWords.grouped(across.directions.rose)), ReportText(ReportWords.grouped(across.directions.fell)),
                    extreme(across.largestRise), extreme(across.largestFall),
                ])
            }
            groups.append(ReportTable.Group(heading: eventHeading(events[e]), rows: rows))
        }
        let which =
            listed.count == events.count
            ? "every event"
            : ReportWords.grouped(listed.count) + " of " + ReportWords.plural(events.count, "event")
                + ", those with the largest mean move over " + (windows.first?.description ?? "") + ", in the order of the events file"
        return ReportTable(
            caption: ReportText(
                "Each event's moves across the " + ReportWords.plural(series.count, "series", "series")
                    + ", in percent (the mean is the average move, an equal-weighted portfolio's move when the series are stocks): " + which),
            columns: [
                .init("window"), .init("series moved", .number), .init("mean", .number), .init("median", .number),
                .init("rose", .number), .init("fell", .number), .init("largest rise"), .init("largest fall"),
            ], groups: groups)
    }

    // MARK: - Charts

    /// A chart around each of the largest moves (of every window together): that series alone,
    /// in its closes over the chart window.
    func largestMoveCharts(_ digest: ChangeDigest) -> [LineChart] {
        digest.largestOverall.prefix(limits.largestMoveCharts).enumerated().map { rank, move in
            let position = move.position
            var chart = EventCharts.chart(
                around: position.event, series: [position.series], in: sessions, window: chartWindow, rebase: false)
            chart.title = EventCharts.title(event: events[position.event], series: [limits.shown(series[position.series].name)])
            chart.subject = limits.shown(events[position.event].title)
            chart.subtitle =
                "Move no. " + String(rank + 1) + ": " + ChangeReport.percentText(move.percent) + " over "
                + windows[position.window].description + "; closes " + chartWindow.baseLabel + " to " + chartWindow.endLabel
            return chart
        }
    }

    /// Every series over the events' dates with two weeks either side, rebased, events marked
    /// by id; `nil` with fewer than two events or no data in that range.
    func overviewChart() -> LineChart? {
        guard events.count >= 2, let range = eventRange else { return nil }
        let from = range.first.adding(days: -14)
        let to = range.last.adding(days: 14)
        let chart = EventCharts.chart(
            from: from, to: to, series: series, events: events, rebase: true, title: "Overview: " + EventCharts.names(series))
        guard chart.lines.contains(where: { !$0.points.isEmpty }) else { return nil }
        return chart
    }
}
