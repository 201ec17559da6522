// MARK: - Tables and files

extension MarketCorrelation {
    /// One row: what is correlated with what, in which pairing, its coefficients, and for series
    /// pairs the daily baseline.
    struct Row {
        var x: String
        var y: String
        /// `nil` for a score row.
        var pair: SeriesPair?
        var moves: Coefficients
    }

    /// Series pairs first, then score against each series.
    var rows: [Row] {
        pairs.map { Row(x: series[$0.first].name, y: series[$0.second].name, pair: $0, moves: $0.moves) }
            + scores.map { Row(x: "score", y: series[$0.series].name, pair: nil, moves: $0.moves) }
    }

    /// `DJIA–SSE same-date`, `DJIA → SSE next-close`: a pair as the notes name it.
    func label(_ pair: SeriesPair) -> String {
        let x = series[pair.first].name
        let y = series[pair.second].name
        switch pair.pairing {
        case .sameDate: return x + "–" + y + " same-date"
        case .nextClose: return x + " → " + y + " next-close"
        }
    }

    /// The lines that say what was computed.
    public func methodLines() -> [String] {
        var lines = [
            "Correlation across \(events.count) event\(events.count == 1 ? "" : "s"): window \(window) moves in percent "
                + "(close \(window.baseLabel) to close \(window.endLabel)), "
                + "between each pair of series and between the event score (\(scoredEvents) events have one) and each series."
        ]
        var pairingText: [String] = []
        var dailyText: [String] = []
        if pairings.contains(.sameDate) {
            pairingText.append("same-date pairs each series' move around its own event session")
            dailyText.append("for same-date on the dates both have a close")
        }
        if pairings.contains(.nextClose) {
            pairingText.append(
                "next-close pairs x's move around its event session with y's around y's first session closing after it "
                    + "(by each market's time zone and close time)")
            dailyText.append("for next-close at lag 1 in information time, each y session with the last x session before it")
        }
        lines.append(
            "Pairings: " + pairingText.joined(separator: "; ")
                + ". An event whose pair of sessions repeats an earlier event's counts once (merged); score rows count every event.")
        lines.append(
            "Daily: the same pair's daily returns from the events' first base date to their last end date, "
                + dailyText.joined(separator: "; ") + ".")
        return lines + tallyLine
    }

    /// For tally series (event counts and sums): their moves are in points, their daily changes differences.
    private var tallyLine: [String] {
        let names = series.filter(\.isTally).map(\.name)
        guard !names.isEmpty else { return [] }
        return [
            "\(names.joined(separator: ", ")): tall\(names.count == 1 ? "y" : "ies") of events, measured in points (the change in the tally), "
                + "not percent; their daily changes are differences."
        ]
    }

    /// The legend under the table.
    public static let legendLines = [
        "r: Pearson; ρ: Spearman (on ranks); p: two-sided, Student's t with n − 2 df; n: events (or days) with both values; "
            + "merged: events left out as repeats; — : fewer than 3 pairs or no variation.",
        Significance.legend + ". Formulas: docs/STATISTICS.md.",
    ]

    /// Lines under the table: which events were counted once (pairs with the same merges
    /// together), and why a pair has no numbers; `vocabulary` names the caller's setting of a
    /// series' market.
    public func noteLines(vocabulary: ToolVocabulary = .none) -> [String] {
        var lines: [String] = []
        var groups: [(labels: [String], text: String)] = []
        for pair in pairs where !pair.merged.isEmpty {
            let text = pair.merged.map { "#" + events[$0.event].id + " as #" + events[$0.sameAs ?? $0.event].id }.joined(separator: ", ")
            if let index = groups.firstIndex(where: { $0.text == text }) {
                groups[index].labels.append(label(pair))
            } else {
                groups.append(([label(pair)], text))
            }
        }
        for group in groups {
            lines.append("Counted once, the sessions of an earlier event (" + group.labels.joined(separator: ", ") + "): " + group.text + ".")
        }
        for pair in pairs {
            guard case .noMarket(let missing) = pair.status else { continue }
            let names = missing.map { series[$0].name }.joined(separator: " and ")
            let fix = missing.count == 1 ? vocabulary.name(.market(series: series[missing[0]].name)) : vocabulary.name(.market(series: nil))
            lines.append(
                label(pair) + ": no-market — " + names + (missing.count == 1 ? " has" : " have")
                    + " no known market (time zone and close time), so the session that closes first after the other's cannot be found"
                    + (fix.map { " (name it with " + $0 + ")" } ?? "") + ".")
        }
        return lines
    }

    /// Whether any pair has a status other than `ok` (the table then shows a status column).
    var hasStatuses: Bool { pairs.contains { $0.status != .ok } }

    /// The terminal table.
    public func textTable() -> TextTable {
        var headers = ["x", "y", "pairing", "n", "merged", "r", "p", "ρ", "p", "daily n", "daily r", "p", "daily ρ", "p", "period"]
        var alignments: [TextTable.Alignment] = [
            .left, .left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right, .left,
        ]
        if hasStatuses {
            headers.append("status")
            alignments.append(.left)
        }
        var table = TextTable(headers: headers, alignments: alignments)
        func coefficient(_ correlation: Correlation?) -> [String] {
            guard let correlation else { return ["—", ""] }
            return [
                StatisticText.correlation(correlation.coefficient) + Significance.stars(correlation.test.pValue),
                StatisticText.pValue(correlation.test.pValue),
            ]
        }
        for row in rows {
            guard let pair = row.pair else {
                var cells = [row.x, row.y, "", String(row.moves.n), ""]
                cells += coefficient(row.moves.pearson) + coefficient(row.moves.spearman)
                table.append(cells + Array(repeating: "", count: hasStatuses ? 7 : 6))
                continue
            }
            var cells = [row.x, row.y, pair.pairing.rawValue]
            if pair.status != .ok {
                cells += ["—", ""] + Array(repeating: "", count: 10) + [pair.status.name]
                table.append(cells)
                continue
            }
            cells += [String(row.moves.n), String(pair.merged.count)]
            cells += coefficient(row.moves.pearson) + coefficient(row.moves.spearman)
            cells.append(String(pair.daily.n))
            cells += coefficient(pair.daily.pearson) + coefficient(pair.daily.spearman)
            if let start = pair.periodStart, let end = pair.periodEnd {
                cells.append(start.iso + " – " + end.iso)
            } else {
                cells.append("")
            }
            if hasStatuses { cells.append(pair.status.name) }
            table.append(cells)
        }
        return table
    }

    /// What was computed, the table, the notes and the legend, for a terminal (`TextTable` shows
    /// the series names from the inputs safely); `vocabulary` as for `noteLines`.
    public func textReport(vocabulary: ToolVocabulary = .none) -> String {
        func text(_ lines: [String]) -> String { lines.map { TerminalText.escaped($0) + "\n" }.joined() }
        let notes = noteLines(vocabulary: vocabulary)
        return text(methodLines()) + "\n" + textTable().render() + (notes.isEmpty ? "" : "\n" + text(notes)) + "\n"
            + text(MarketCorrelation.legendLines)
    }

    /// The same as Markdown, every text inert (`MarkdownText`).
    public func markdownReport(vocabulary: ToolVocabulary = .none) -> String {
        func paragraph(_ lines: [String]) -> String { lines.map { MarkdownText.escaped($0) }.joined(separator: "\n") + "\n" }
        func list(_ lines: [String]) -> String { lines.map { "- " + MarkdownText.escaped($0) + "\n" }.joined() }
        let notes = noteLines(vocabulary: vocabulary)
        return paragraph(methodLines()) + "\n" + textTable().markdown() + (notes.isEmpty ? "" : "\n" + list(notes)) + "\n"
            + paragraph(MarketCorrelation.legendLines)
    }

    /// CSV columns, in order.
    public static let csvColumns = [
        "x", "y", "pairing", "window", "n", "merged", "pearson_r", "pearson_p", "spearman_rho", "spearman_p",
        "daily_n", "daily_pearson_r", "daily_pearson_p", "daily_spearman_rho", "daily_spearman_p", "daily_from", "daily_to",
        "daily_lag", "status", "merged_event_ids", "merged_as_event_ids",
    ]

    /// One row per series pair and pairing, then one per series for the score. `pairing`, the
    /// daily columns and `daily_lag` are empty for score rows; `merged_event_ids` and
    /// `merged_as_event_ids` are `;`-separated, one for one (event 7 counted as event 6).
    public func csv() -> [UInt8] {
        var out: [UInt8] = []
        CSVWriter.appendHeader(MarketCorrelation.csvColumns, to: &out)
        func coefficient(_ correlation: Correlation?) {
            out.append(44)
            StatisticText.appendCSV(correlation?.coefficient, to: &out)
            out.append(44)
            StatisticText.appendCSV(correlation?.test.pValue, to: &out)
        }
        for row in rows {
            CSVWriter.appendText(row.x, to: &out)
            out.append(44)
            CSVWriter.appendText(row.y, to: &out)
            out.append(contentsOf: Array(",\(row.pair?.pairing.rawValue ?? ""),\(window),\(row.moves.n),\(row.pair?.merged.count ?? 0)".utf8))
            coefficient(row.moves.pearson)
            coefficient(row.moves.spearman)
            out.append(44)
            if let pair = row.pair {
                out.append(contentsOf: Array(String(pair.daily.n).utf8))
                coefficient(pair.daily.pearson)
                coefficient(pair.daily.spearman)
                out.append(
                    contentsOf: Array(",\(pair.periodStart?.iso ?? ""),\(pair.periodEnd?.iso ?? ""),\(pair.dailyLag),\(pair.status.name),".utf8))
                CSVWriter.appendText(pair.merged.map { events[$0.event].id }.joined(separator: ";"), to: &out)
                out.append(44)
                CSVWriter.appendText(pair.merged.map { events[$0.sameAs ?? $0.event].id }.joined(separator: ";"), to: &out)
            } else {
                out.append(contentsOf: Array(",,,,,,,,ok,,".utf8))
            }
            out.append(10)
        }
        return out
    }

    /// The correlations as JSON: window, events, each pair's move and daily coefficients, and the score links.
    public func json() -> JSONValue {
        func coefficients(_ value: Coefficients) -> JSONValue {
            func one(_ correlation: Correlation?) -> JSONValue {
                guard let correlation else { return .null }
                return .object([
                    ("coefficient", .number(correlation.coefficient)), ("t", .number(correlation.test.statistic)),
                    ("p", .number(correlation.test.pValue)), ("df", .number(Double(correlation.n - 2))),
                ])
            }
            return .object([("n", .number(Double(value.n))), ("pearson", one(value.pearson)), ("spearman", one(value.spearman))])
        }
        // A tally's move is in points (its base may be 0); every other series' in percent.
        func moveJSON(_ move: Move, session: Day, in series: Series) -> [(String, JSONValue)] {
            [
                ("event_session", .string(session.iso)), ("base_date", .string(move.baseDay.iso)), ("end_date", .string(move.endDay.iso)),
                series.isTally ? ("points", .number(move.points)) : ("percent", .number(move.percent)),
            ]
        }
        func pairJSON(_ pair: SeriesPair) -> JSONValue {
            var members: [(String, JSONValue)] = [
                ("x", .string(series[pair.first].name)), ("y", .string(series[pair.second].name)),
                ("pairing", .string(pair.pairing.rawValue)), ("status", .string(pair.status.name)),
            ]
            if case .noMarket(let missing) = pair.status {
                members.append(("series_without_market", .array(missing.map { .string(series[$0].name) })))
            }
            members += [
                ("moves", coefficients(pair.moves)), ("merged", .number(Double(pair.merged.count))),
                ("daily", coefficients(pair.daily)), ("daily_lag", .number(Double(pair.dailyLag))),
                ("daily_from", .string(pair.periodStart?.iso)), ("daily_to", .string(pair.periodEnd?.iso)),
                (
                    "paired_moves",
                    .array(
                        pair.observations.map { item in
                            .object([
                                ("event_id", .string(events[item.event].id)),
                                ("x", .object(moveJSON(item.first, session: item.firstSession, in: series[pair.first]))),
                                ("y", .object(moveJSON(item.second, session: item.secondSession, in: series[pair.second]))),
                                ("counted", .bool(item.sameAs == nil)),
                                ("same_as_event_id", .string(item.sameAs.map { events[$0].id })),
                            ])
                        })
                ),
            ]
            return .object(members)
        }
        return .object([
            ("window", .string(window.description)),
            ("events", .number(Double(events.count))),
            ("pairings", .array(pairings.map { .string($0.rawValue) })),
            ("pairs", .array(pairs.map(pairJSON))),
            (
                "score",
                .array(
                    scores.map { link in
                        .object([("series", .string(series[link.series].name)), ("moves", coefficients(link.moves))])
                    })
            ),
        ])
    }
}
