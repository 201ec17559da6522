// MARK: - Change report: the change table

extension ChangeReport {
    /// The columns of the change table; the event is each group's heading.
    static let changeColumns: [ReportTable.Column] = [
        .init("series"), .init("window"), .init("base"), .init("base close", .number), .init("end"), .init("end close", .number),
        .init("points", .number), .init("percent", .number), .init("status"),
    ]

    func changesSection(_ digest: ChangeDigest) -> ReportSection {
        let table: ReportTable
        if isCompact {
            // The largest moves, by event (in the order of the events file), each event's in table order.
            let shown = digest.largestOverall.prefix(limits.largestRows).sorted { $0.order < $1.order }
            table = ReportTable(
                caption: ReportText(
                    [
                        .plain(
                            "The " + ReportWords.grouped(shown.count) + " largest of " + ReportWords.plural(digest.count(.ok), "move")
                                + " by absolute percent (of " + ReportWords.plural(digest.rowCount, "row")
                                + "), under their event's title, in the order of the events file. Every row")
                    ] + (fullTableSpans.isEmpty ? [.plain(" is in the change table of the same events, series and windows")] : fullTableSpans)
                        + [.plain(".")]),
                columns: ChangeReport.changeColumns, groups: groups(shown.map(\.position)))
        } else {
            var positions: [ChangeDigest.Position] = []
            positions.reserveCapacity(digest.rowCount)
            for e in events.indices {
                for s in series.indices {
                    for w in windows.indices { positions.append(ChangeDigest.Position(event: e, series: s, window: w)) }
                }
            }
            table = ReportTable(
                caption: ReportText(
                    [
                        .plain(
                            ReportWords.plural(digest.rowCount, "row")
                                + ": every event, series and window, in the order of the events file, each event's title once above its moves")
                    ] + (vocabulary.name(.changesCommand).map { [.plain("; the same rows as "), .code($0)] } ?? []) + [.plain(".")]),
                columns: ChangeReport.changeColumns, groups: groups(positions))
        }
        var blocks: [ReportBlock] = [.table(table)]
        let used = ChangeStatus.allCases.filter { $0 != .ok && digest.count($0) > 0 }
        if !used.isEmpty {
            if isCompact {
                blocks.append(
                    .paragraph(
                        ReportText(
                            "Rows without a number: "
                                + used.map { $0.rawValue + " " + ReportWords.grouped(digest.count($0)) }.joined(separator: ", ") + ".")))
            }
            blocks.append(
                .definitions(
                    used.map { ReportDefinition(ReportText([.code($0.rawValue)]), ReportText($0.explanation(vocabulary: vocabulary))) }))
        }
        return ReportSection(id: "changes", heading: "Change table", blocks: blocks)
    }

    /// The rows at `positions` (in table order), in one group per event under its heading.
    func groups(_ positions: [ChangeDigest.Position]) -> [ReportTable.Group] {
        var groups: [ReportTable.Group] = []
        var current: (event: Int, rows: [[ReportText]])?
        for position in positions {
            if let open = current, open.event != position.event {
                groups.append(ReportTable.Group(heading: eventHeading(events[open.event]), rows: open.rows))
                current = nil
            }
            let cells = cells(row(position))
            if current == nil {
                current = (position.event, [cells])
            } else {
                current?.rows.append(cells)
            }
        }
        if let open = current { groups.append(ReportTable.Group(heading: eventHeading(events[open.event]), rows: open.rows)) }
        return groups
    }

    /// A row of the change table under its event: series, window, base, end, move and status.
    func cells(_ row: ChangeRow) -> [ReportText] {
        let display = series[row.seriesIndex].display
        func close(_ value: SessionClose?) -> ReportText {
            ReportText(value.map { display.text($0.close) } ?? "")
        }
        return [
            ReportText(limits.shown(row.series)), ReportText([.code(row.window.description)]),
            ReportText(row.base?.day.iso ?? "—"), close(row.base),
            ReportText(row.end?.day.iso ?? "—"), close(row.end),
            ReportText(pointsText(row)), ReportText(percentText(row)),
            row.status == .ok ? ReportText(row.status.rawValue) : ReportText([.strong(row.status.rawValue)]),
        ]
    }
}
