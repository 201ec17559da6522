// MARK: - Tables and files

extension MarketCorrelation {
    /// One row: what is correlated with what, its coefficients, and for series pairs the daily
    /// baseline.
    struct Row {
        var x: String
        var y: String
        var moves: Coefficients
        var daily: Coefficients?
        var periodStart: Day?
        var periodEnd: Day?
    }

    /// Series pairs first, then score against each series.
    var rows: [Row] {
        pairs.map { pair in
            Row(
                x: series[pair.first].name, y: series[pair.second].name, moves: pair.moves, daily: pair.daily,
                periodStart: pair.periodStart, periodEnd: pair.periodEnd)
        }
            + scores.map { link in
                Row(x: "score", y: series[link.series].name, moves: link.moves, daily: nil, periodStart: nil, periodEnd: nil)
            }
    }

    /// The lines that say what was computed.
    public func methodLines() -> [String] {
        [
            "Correlation across \(events.count) event\(events.count == 1 ? "" : "s"): window \(window) moves in percent "
                + "(close \(window.baseLabel) to close \(window.endLabel)), "
                + "between each pair of series and between the event score (\(scoredEvents) events have one) and each series.",
            "Daily: the same pair's daily returns on the dates both have a close, from the events' first base date to their last end date.",
        ] + tallyLine
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
            + "— : fewer than 3 pairs or no variation.",
        Significance.legend + ". Formulas: docs/STATISTICS.md.",
    ]

    /// The terminal table.
    public func textTable() -> TextTable {
        var table = TextTable(
            headers: ["x", "y", "n", "r", "p", "ρ", "p", "daily n", "daily r", "p", "daily ρ", "p", "period"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right, .left])
        func coefficient(_ correlation: Correlation?) -> [String] {
            guard let correlation else { return ["—", ""] }
            return [
                NumberFormat.string(correlation.coefficient, decimals: 3, plus: true) + Significance.stars(correlation.test.pValue),
                StatisticText.pValue(correlation.test.pValue),
            ]
        }
        for row in rows {
            var cells = [row.x, row.y, String(row.moves.n)]
            cells += coefficient(row.moves.pearson) + coefficient(row.moves.spearman)
            if let daily = row.daily {
                cells.append(String(daily.n))
                cells += coefficient(daily.pearson) + coefficient(daily.spearman)
                if let start = row.periodStart, let end = row.periodEnd {
                    cells.append(start.iso + " – " + end.iso)
                } else {
                    cells.append("")
                }
            } else {
                cells += Array(repeating: "", count: 6)
            }
            table.append(cells)
        }
        return table
    }

    /// What was computed, the table and the legend, for a terminal (`TextTable` shows the
    /// series names from the inputs safely).
    public func textReport() -> String {
        func text(_ lines: [String]) -> String { lines.map { TerminalText.escaped($0) + "\n" }.joined() }
        return text(methodLines()) + "\n" + textTable().render() + "\n" + text(MarketCorrelation.legendLines)
    }

    /// The same as Markdown, every text inert (`MarkdownText`).
    public func markdownReport() -> String {
        func paragraph(_ lines: [String]) -> String { lines.map { MarkdownText.escaped($0) }.joined(separator: "\n") + "\n" }
        return paragraph(methodLines()) + "\n" + textTable().markdown() + "\n" + paragraph(MarketCorrelation.legendLines)
    }

    /// CSV columns, in order.
    public static let csvColumns = [
        "x", "y", "window", "n", "pearson_r", "pearson_p", "spearman_rho", "spearman_p",
        "daily_n", "daily_pearson_r", "daily_pearson_p", "daily_spearman_rho", "daily_spearman_p", "daily_from", "daily_to",
    ]

    /// One row per series pair, then one per series for the score; the daily columns are empty
    /// for score rows.
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
            out.append(44)
            out.append(contentsOf: Array("\(window),\(row.moves.n)".utf8))
            coefficient(row.moves.pearson)
            coefficient(row.moves.spearman)
            out.append(44)
            if let daily = row.daily {
                out.append(contentsOf: Array(String(daily.n).utf8))
                coefficient(daily.pearson)
                coefficient(daily.spearman)
                out.append(contentsOf: Array(",\(row.periodStart?.iso ?? ""),\(row.periodEnd?.iso ?? "")".utf8))
            } else {
                out.append(contentsOf: Array(",,,,,,".utf8))
            }
            out.append(10)
        }
        return out
    }

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
        return .object([
            ("window", .string(window.description)),
            ("events", .number(Double(events.count))),
            (
                "pairs",
                .array(
                    pairs.map { pair in
                        .object([
                            ("x", .string(series[pair.first].name)), ("y", .string(series[pair.second].name)),
                            ("moves", coefficients(pair.moves)), ("daily", coefficients(pair.daily)),
                            ("daily_from", .string(pair.periodStart?.iso)), ("daily_to", .string(pair.periodEnd?.iso)),
                        ])
                    })
            ),
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
