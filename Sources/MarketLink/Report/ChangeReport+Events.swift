// MARK: - Change report: events

extension ChangeReport {
    func eventsSection(_ digest: ChangeDigest) -> ReportSection {
        var blocks: [ReportBlock] = []
        if events.isEmpty { blocks.append(.paragraph("The events file has no events.")) }
        for (e, event) in events.enumerated().prefix(limits.eventCards) {
            var card: [ReportBlock] = [
                .heading(
                    ReportText([
                        .plain("#" + limits.shown(event.id) + " · "),
                        .muted(event.longDateText),
                        .plain(" · " + limits.shown(event.title)),
                    ]))
            ]
            if let about = about(event) { card.append(.paragraph(about)) }
            card.append(.list(series.count * windows.count <= limits.sentencesPerCard ? sentenceItems(event: e) : acrossItems(event: e, digest)))
            if e < maxEventCharts { card.append(.lineChart(eventChart(e))) }
            blocks.append(.group(id: "event-" + String(e + 1), card))
        }
        if events.count > limits.eventCards {
            blocks.append(
                .paragraph(
                    ReportText(
                        "Sentences for the first " + ReportWords.grouped(limits.eventCards) + " of " + ReportWords.plural(events.count, "event")
                            + "; the change table below has the largest moves of every event.")))
        }
        if events.count > maxEventCharts {
            blocks.append(
                .paragraph(
                    ReportText(
                        [
                            .plain(
                                "Charts are drawn for the first " + ReportWords.plural(maxEventCharts, "event") + " of "
                                    + ReportWords.grouped(events.count))
                        ]
                            + (vocabulary.name(.chartCommand).map { [.plain("; "), .code($0), .plain(" draws any of them")] } ?? [])
                            + [.plain(".")])))
        }
        return ReportSection(id: "events", heading: "Events", blocks: blocks)
    }

    /// The sentence of every series and window of event `e` (or why there is no move).
    private func sentenceItems(event e: Int) -> [ReportText] {
        var items: [ReportText] = []
        for s in series.indices {
            for row in rows(event: e, series: s) { items.append(item(row)) }
        }
        return items
    }

    /// One sentence, or why there is none.
    private func item(_ row: ChangeRow) -> ReportText {
        let window = row.window.description
        if let move = row.move, let item = series[safe: row.seriesIndex] {
            return ReportText([.code(window), .plain(" " + MoveSentence.text(for: move, in: item))])
        }
        return ReportText([
            .code(window),
            .plain(" " + limits.shown(row.series) + ": no move ("),
            .code(row.status.rawValue), .plain(": " + row.status.explanation(vocabulary: vocabulary) + ")."),
        ])
    }

    /// Per window, the moves of event `e` across the series in one line, then the sentences of
    /// its largest moves: for events with more series and windows than a card lists one by one.
    private func acrossItems(event e: Int, _ digest: ChangeDigest) -> [ReportText] {
        var items: [ReportText] = []
        for w in windows.indices {
            let across = digest.across(event: e, window: w)
            var text =
                "across " + ReportWords.plural(series.count, "series", "series") + ": " + ReportWords.grouped(across.count)
                + " moved"
            if let mean = across.mean { text += ", by " + ChangeReport.percentText(mean) + " on average" }
            text +=
                "; " + ReportWords.grouped(across.directions.rose) + " rose, " + ReportWords.grouped(across.directions.fell) + " fell"
            if across.directions.unchanged > 0 { text += ", " + ReportWords.grouped(across.directions.unchanged) + " unchanged" }
            if across.directions.missing > 0 { text += ", " + ReportWords.grouped(across.directions.missing) + " without a number" }
            items.append(ReportText([.code(windows[w].description), .plain(" " + text + ".")]))
            var top = TopMoves(capacity: limits.movesPerCardWindow)
            for s in series.indices {
                let position = ChangeDigest.Position(event: e, series: s, window: w)
                guard let percent = percent(position) else { continue }
                top.insert(ChangeDigest.RankedMove(position: position, percent: percent, order: s))
            }
            for move in top.ranked() { items.append(item(row(move.position))) }
        }
        return items
    }

    /// The chart around event `e`, rebased to 100 at the chart window's base session: every
    /// series, or the `limits.chartLines` that moved most over the first window (by absolute
    /// percent). Titled with the event's number first, its title under it, so that a phone's
    /// width never cuts the number.
    func eventChart(_ e: Int) -> LineChart {
        let drawn: [Int]
        if hasManySeries, !windows.isEmpty {
            var top = TopMoves(capacity: limits.chartLines)
            for s in series.indices {
                let position = ChangeDigest.Position(event: e, series: s, window: 0)
                guard let percent = percent(position) else { continue }
                top.insert(ChangeDigest.RankedMove(position: position, percent: percent, order: s))
            }
            drawn = top.ranked().map(\.position.series)
        } else {
            drawn = Array(series.prefix(limits.chartLines).indices)
        }
        // t0 as the change table found it, the same for the chart.
        var chart = EventCharts.chart(around: e, series: drawn, in: sessions, window: chartWindow, rebase: true)
        chart.lines = chart.lines.map { line in
            var shown = line
            shown.name = limits.shown(line.name)
            return shown
        }
        let names = drawn.map { limits.shown(series[$0].name) }
        chart.title =
            drawn.count == series.count
            ? EventCharts.title(event: events[e], series: names)
            : "Event " + limits.shown(events[e].id) + " · " + ReportWords.grouped(drawn.count) + " of " + ReportWords.plural(series.count, "series", "series")
        chart.subject = limits.shown(events[e].title)
        chart.subtitle =
            "Closes " + chartWindow.baseLabel + " to " + chartWindow.endLabel + " (window " + chartWindow.description + ")"
            + (drawn.count == series.count ? "" : "; the series that moved most over " + (windows.first?.description ?? ""))
        return chart
    }

    /// `Tags: diplomacy, visit · Score: 0.5 · Source: Reuters`, or `nil` when the event has none.
    private func about(_ event: Event) -> ReportText? {
        var spans: [ReportText.Span] = []
        func add(_ label: String, _ value: String) {
            if !spans.isEmpty { spans.append(.muted(" · ")) }
            spans.append(.muted(label + ": "))
            spans.append(.plain(limits.shown(value)))
        }
        if let time = event.time { add("Time", time + (event.timeZone.map { " " + $0 } ?? "")) }
        if !event.tags.isEmpty { add("Tags", event.tags.joined(separator: ", ")) }
        if let score = event.score { add("Score", NumberFormat.string(score, decimals: 2, trimZeros: true)) }
        if let source = event.source, !source.isEmpty { add("Source", source) }
        return spans.isEmpty ? nil : ReportText(spans)
    }
}
