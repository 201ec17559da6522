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
    ///       ─────────  ─────────  ──────────────────────  ──────────────────
    ///       level      33,833.61  33,833.61 (2023-06-08)  exact (2023-06-08)
    ///       ...
    ///
    ///     overall   does not hold: points off by 2.33
    public func reportText() -> String {
        var lines: [String] = []
        func row(_ label: String, _ value: String) {
            lines.append(label.padding(toLength: 9, withPad: " ", startingAt: 0) + " " + value)
        }
        /// The lines so far, shown safely (claims, names and notes quote the inputs), and a fresh start.
        func flush() -> String {
            defer { lines = [] }
            return lines.map { TerminalText.escaped($0) + "\n" }.joined()
        }
        row("claim", claim.text)
        row("series", seriesName == subject ? seriesName : "\(seriesName) (\(subject))")
        if let move, let sentence {
            row("measured", sentence)
            row(
                "",
                "from the close of \(move.baseDay.iso) (\(precision.text(move.baseClose))) to the close of \(move.endDay.iso) (\(precision.text(move.endClose)))"
            )
        } else {
            row("measured", "nothing: no move could be measured")
        }
        lines.append("")
        var text = flush()
        var table = TextTable(headers: ["part", "claimed", "actual", "verdict"], alignments: [.left, .left, .left, .left])
        for finding in findings { table.append([finding.part.rawValue, finding.claimed, finding.actual, finding.verdict]) }
        text += table.render(indent: 2)
        text += "\n" + TerminalText.escaped("agrees    points, percent and level with each other: " + claim.consistency.verdict) + "\n"
        if !notes.isEmpty {
            lines.append("")
            for note in notes { row("note", note) }
        }
        lines.append("")
        row("overall", summary)
        return text + flush()
    }

    /// The same as JSON, for scripts.
    public func reportJSON() -> JSONValue {
        func number(_ value: Double?) -> JSONValue {
            value.map { .number(NumberFormat.rounded($0, decimals: 8)) } ?? .null
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
