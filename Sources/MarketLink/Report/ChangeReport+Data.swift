// MARK: - Change report: data and definitions

extension ChangeReport {
    func dataSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        var eventText: [ReportText.Span] = [.code(eventsFile), .plain(": " + ReportWords.plural(events.count, "event"))]
        if let range = eventRange { eventText.append(.plain(", " + DateRangeText.range(range.first, range.last))) }
        let timed = events.filter(\.isTimed).count
        eventText.append(
            .plain(timed == 0 ? ", all date-only." : ", " + ReportWords.grouped(timed) + " with a time of day, aligned at each market's close."))
        blocks.append(.definitions([ReportDefinition("Events", ReportText(eventText))]))
        blocks.append(.table(priceFileTable()))

        var definitions: [ReportDefinition] = []
        definitions.append(ReportDefinition("Session", "A row of a series with a close. Each series' sessions are its own rows."))
        definitions.append(ReportDefinition("Event session t0", ReportText(alignmentText)))
        for window in windows {
            definitions.append(
                ReportDefinition(
                    ReportText([.plain("Window "), .code(window.description)]),
                    ReportText(
                        "From the close of the base session " + window.baseLabel
                            + " to the close of the end session " + window.endLabel + " ("
                            + ReportWords.plural(window.sessionCount, "session") + " of moves).")))
        }
        definitions.append(
            ReportDefinition(
                "Points",
                "End close − base close, with the decimals the closes really carry: digits that only a vendor's float storage adds are left out."
            ))
        definitions.append(ReportDefinition("Percent", "100 · (end close / base close − 1), to two decimals."))
        definitions.append(
            ReportDefinition(
                "Quantiles",
                "Of each window's percent moves, across events and series: the p quantile interpolates linearly between the closest ranks, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) with h = (n − 1)·p, in ascending order (Hyndman and Fan's definition 7)."
            ))
        definitions.append(
            ReportDefinition(
                "Sentences",
                "Points and level with the decimals of the closes, percent to two decimals; the sessions covered named by weekday and date."
            ))
        definitions.append(
            ReportDefinition(
                "Charts",
                ReportText(
                    "Each series' closes from " + chartWindow.baseLabel + " to " + chartWindow.endLabel + " (chart window ")
                    + ReportText([.code(chartWindow.description)])
                    + ReportText(
                        "), rebased to 100 at " + chartWindow.baseLabel + ": 100 · close / close(" + chartWindow.baseLabel
                            + "). The overview is rebased to 100 at each series' first session in its range.")))
        definitions.append(
            ReportDefinition("Missing data", "A move that needs a session outside the data has no number and a status saying why; no close is ever filled in from a neighbouring session."))
        definitions.append(ReportDefinition("Made by", ReportText(generator)))
        blocks.append(.definitions(definitions))
        return ReportSection(id: "data", heading: "Data and definitions", blocks: blocks)
    }

    /// Each price file with the layout it was read as, one row per series; with more series
    /// than `limits.listedSeries`, one row per file.
    func priceFileTable() -> ReportTable {
        var loaded: [String: Series] = [:]
        for item in series where loaded[item.name] == nil { loaded[item.name] = item }
        var rows: [[ReportText]] = []
        let perSeries = series.count <= limits.listedSeries
        for file in priceFiles {
            var dropped: [String: Int] = [:]
            var droppedEverywhere = 0
            for row in file.dropped {
                if let name = row.series { dropped[name, default: 0] += 1 } else { droppedEverywhere += 1 }
            }
            let items = file.series.map { loaded[$0.name] ?? $0 }
            let closeColumns = limits.shown(file.closeColumns.joined(separator: ", "))
            if perSeries {
                for item in items {
                    rows.append([
                        ReportText([.code(file.path)]), ReportText(file.layout.rawValue), ReportText(closeColumns),
                        ReportText(limits.shown(item.name)), ReportText(item.market.map(\.description) ?? "unknown"),
                        ReportText(ReportWords.grouped(item.count)), ReportText(item.firstDay?.iso ?? "—"), ReportText(item.lastDay?.iso ?? "—"),
                        ReportText(ReportWords.grouped(droppedEverywhere + (dropped[item.name] ?? 0))),
                    ])
                }
            } else {
                var markets: [String] = []
                for item in items {
                    let market = item.market.map(\.description) ?? "unknown"
                    if !markets.contains(market), markets.count < 4 { markets.append(market) }
                }
                rows.append([
                    ReportText([.code(file.path)]), ReportText(file.layout.rawValue), ReportText(closeColumns),
                    ReportText(ReportWords.plural(items.count, "series", "series")), ReportText(markets.joined(separator: "; ")),
                    ReportText(ReportWords.grouped(items.reduce(0) { $0 + $1.count })),
                    ReportText(items.compactMap(\.firstDay).min()?.iso ?? "—"), ReportText(items.compactMap(\.lastDay).max()?.iso ?? "—"),
                    ReportText(ReportWords.grouped(file.dropped.count)),
                ])
            }
        }
        return ReportTable(
            caption: ReportText(
                perSeries
                    ? "Price files, the layout each was read as, and its series" : "Price files and the layout each was read as, one row per file"),
            columns: [
                .init("file", .text), .init("layout"), .init("close column"), .init("series"), .init("market", .text),
                .init("sessions", .number), .init("first"), .init("last"), .init("rows dropped", .number),
            ], rows: rows)
    }

    private var alignmentText: [ReportText.Span] {
        let dateRule: String
        switch sessions.rule {
        case .next: dateRule = "the first session dated on or after the event date"
        case .previous: dateRule = "the last session dated on or before the event date"
        case .exact: dateRule = "the session dated on the event date, or none"
        }
        let rule: [ReportText.Span] = vocabulary.name(.alignment(sessions.rule)).map { [.plain(" ("), .code($0), .plain(")")] } ?? []
        return [.plain("For an event with a date only, " + dateRule)] + rule + [
            .plain(
                "; for an event with a time of day, the first session whose close, in the market's own zone, comes after it. Found separately in each market, so markets with different holidays can have different t0."
            )
        ]
    }
}
