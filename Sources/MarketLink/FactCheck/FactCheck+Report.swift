// MARK: - Fact-check report

extension FactCheck {
    /// What `mlink check` prints:
    ///
    ///     claim     increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday
    ///     series    DJIA (The Dow Jones Industrial Average)
    ///     measured  The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on ...
    ///               from the close of 2023-06-06 (33,573.28) to the close of 2023-06-08 (33,833.61)
    ///
    ///       part       claimed    actual                  verdict
    ///       level      33,833.61  33,833.61 (2023-06-08)  exact (2023-06-08)
    ///       ...
    ///
    ///     overall   does not hold: points off by 2.33
    public func reportText() -> String {
        var lines: [String] = []
        func row(_ label: String, _ value: String) {
            lines.append(label.padding(toLength: 9, withPad: " ", startingAt: 0) + " " + value)
        }
        row("claim", claim.text)
        row("series", seriesName == subject ? seriesName : "\(seriesName) (\(subject))")
        if let move, let sentence {
            row("measured", sentence)
            row(
                "",
                "from the close of \(move.baseDay.iso) (\(NumberFormat.string(move.baseClose, decimals: 2, grouping: true))) to the close of \(move.endDay.iso) (\(NumberFormat.string(move.endClose, decimals: 2, grouping: true)))"
            )
        } else {
            row("measured", "nothing: no move could be measured")
        }
        lines.append("")
        let table = [["part", "claimed", "actual", "verdict"]] + findings.map { [$0.part.rawValue, $0.claimed, $0.actual, $0.verdict] }
        var widths = [0, 0, 0]
        for cells in table {
            for column in 0..<3 { widths[column] = max(widths[column], cells[column].count) }
        }
        for cells in table {
            var line = "  "
            for column in 0..<3 {
                line += cells[column] + String(repeating: " ", count: widths[column] - cells[column].count + 2)
            }
            lines.append(line + cells[3])
        }
        lines.append("")
        row("agrees", "points, percent and level with each other: " + claim.consistency.verdict)
        if !notes.isEmpty {
            lines.append("")
            for note in notes { row("note", note) }
        }
        lines.append("")
        row("overall", summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same as JSON, for scripts.
    public func reportJSON() -> JSONValue {
        func number(_ value: Double?) -> JSONValue {
            value.map { .number(MoveReport.rounded($0, decimals: 8)) } ?? .null
        }
        return .object([
            ("claim", .string(claim.text)),
            ("series", .string(seriesName)),
            ("name", .string(subject)),
            ("holds", .bool(holds)),
            ("summary", .string(summary)),
            ("sentence", .string(sentence)),
            (
                "move",
                move.map { move in
                    .object([
                        ("base_date", .string(move.baseDay.iso)),
                        ("base_close", .number(move.baseClose)),
                        ("first_date", .string(move.firstDay.iso)),
                        ("end_date", .string(move.endDay.iso)),
                        ("end_close", .number(move.endClose)),
                        ("sessions", .number(Double(move.sessionCount))),
                        ("points", number(move.points)),
                        ("percent", number(move.percent)),
                    ])
                } ?? .null
            ),
            (
                "findings",
                .array(
                    findings.map { finding in
                        .object([
                            ("part", .string(finding.part.rawValue)),
                            ("status", .string(finding.status.rawValue)),
                            ("claimed", .string(finding.claimed)),
                            ("actual", .string(finding.actual)),
                            ("claimed_value", number(finding.claimedValue)),
                            ("actual_value", number(finding.actualValue)),
                            ("difference", number(finding.difference)),
                            ("verdict", .string(finding.verdict)),
                        ])
                    })
            ),
            (
                "consistency",
                .object([
                    ("status", .string(claim.consistency.status.rawValue)),
                    ("implied_base", number(claim.consistency.impliedBase)),
                    ("implied_percent", number(claim.consistency.impliedPercent)),
                    ("verdict", .string(claim.consistency.verdict)),
                ])
            ),
            ("notes", .array(notes.map { .string($0) })),
        ])
    }
}
