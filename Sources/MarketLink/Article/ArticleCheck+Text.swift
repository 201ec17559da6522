// MARK: - Outcomes

extension ArticleClaim {
    /// A claim's overall outcome, as the table's first column shows it.
    public enum Outcome: String, Sendable, Hashable {
        /// Checked against data, and no part is off.
        case holds
        /// Checked against data, and some part is off.
        case doesNotHold = "does not hold"
        /// Not checked against data (no series of its index, or its days could not be placed).
        case notChecked = "not checked"
    }

    /// Holds, does not hold, or not checked.
    public var outcome: Outcome {
        guard let holds else { return .notChecked }
        return holds ? .holds : .doesNotHold
    }

    /// One line: `holds`, `does not hold: points off by 2.33`, `not checked: Nasdaq Composite has no
    /// loaded series`.
    public var summary: String {
        switch outcome {
        case .holds: return "holds"
        case .notChecked: return "not checked: " + (notChecked ?? "")
        case .doesNotHold:
            let bad = verdicts.parts.filter { $0.name != "consistency" && ($0.verdict.hasPrefix("off") || $0.verdict.hasPrefix("wrong")) }
            return "does not hold: " + bad.map { "\($0.name) \($0.verdict)" }.joined(separator: "; ")
        }
    }

    /// The move as MarketLink would write it, when one was measured.
    public var measured: String? { check?.sentence }
}

extension ArticleCheck {
    /// How many claims hold, do not hold, were not checked.
    public var counts: (holds: Int, doesNotHold: Int, notChecked: Int) {
        var counts = (holds: 0, doesNotHold: 0, notChecked: 0)
        for claim in claims {
            switch claim.outcome {
            case .holds: counts.holds += 1
            case .doesNotHold: counts.doesNotHold += 1
            case .notChecked: counts.notChecked += 1
            }
        }
        return counts
    }

    /// `published 2023-06-09, from the byline ("By …")`, or why there is none.
    public var publishedLine: String {
        guard let published else {
            return "not found: " + (publicationMissing ?? "") + (vocabulary.name(.publicationDate).map { "; give it with \($0)" } ?? "")
        }
        let how: String
        switch published.source {
        case .given: how = "as given"
        case .claimedLevel: how = "from the claimed level “\(published.text)”: the one session it matches"
        case .meta, .jsonLD, .timeElement: how = "from the page's \(published.source.rawValue): \(Self.shortened(published.text, 100))"
        default: how = "from the \(published.source.rawValue) “\(Self.shortened(published.text, 100))”"
        }
        return "\(published.day.iso) (\(published.day.weekdayName)), \(how)"
    }

    /// `text` on one line, at most `limit` characters.
    static func shortened(_ text: String, _ limit: Int) -> String {
        let line = DatePhraseReader.collapsedText(Array(text.unicodeScalars)[...])
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }

    /// `2 claims: 0 hold, 2 do not hold, 0 not checked · 12 event drafts · 0 sentences not read`.
    public var summaryLine: String {
        let counts = self.counts
        let claimsText =
            "\(claims.count) claim\(claims.count == 1 ? "" : "s"): \(counts.holds) hold\(counts.holds == 1 ? "s" : ""), "
            + "\(counts.doesNotHold) do\(counts.doesNotHold == 1 ? "es" : "") not hold, \(counts.notChecked) not checked"
        let eventsText = "\(events.count) event draft\(events.count == 1 ? "" : "s")"
        let coverageText = "\(coverage.count) sentence\(coverage.count == 1 ? "" : "s") naming an index and a number not read as a claim"
        return [claimsText, eventsText, coverageText].joined(separator: " · ")
    }

    /// The days of a claim as a report shows them: `2023-06-07..2023-06-08 (on Wednesday and Thursday)`.
    static func daysText(_ claim: ArticleClaim) -> String {
        guard let written = claim.claim.days?.text else { return "none named" }
        let from = claim.daysSource == .sentence ? ", from its sentence" : ""
        switch claim.days {
        case .dates(let resolved)?: return "\(resolved) (\(quoted(written))\(from))"
        case .sessions(let count, let ending)?:
            return "the \(count) sessions to \(ending?.iso ?? "the publication date") (\(quoted(written))\(from))"
        case nil: return "\(quoted(written))\(from), not placed"
        }
    }

    // MARK: - Table

    /// What `mlink article` prints for a person: the article and its publication date, each
    /// claim with a verdict per part, the event drafts, and the coverage.
    public func reportText(color: Bool = false) -> String {
        var out = ""
        func row(_ label: String, _ value: String) { out += Self.reportLine(label, value) }
        row("article", "\(article.file) (\(article.text.format.rawValue), \(article.sentences.count) sentences)")
        row("published", publishedLine)
        for note in published?.notes ?? [] { row("", note) }
        row("series", seriesNames.isEmpty ? "none given: claims are read and checked for consistency only" : seriesNames.joined(separator: ", "))
        for name in unknownSeries {
            row("", "\(quoted(name)) names no index MarketLink knows, so no claim is checked against it; name the series after its index (DJIA, SHCOMP, ^HSI, ...)")
        }
        out += "\n"
        if claims.isEmpty { out += "claims: none\n\n" }
        // Each claim's lines on their own (in parts on worker threads for a long article).
        for block in OrderedWork.map(Array(claims.enumerated()), minimum: 256, transform: { Self.reportBlock(claimNumber: $0.offset + 1, $0.element, color: color) }) {
            out += block
        }
        if events.isEmpty {
            out += "event drafts: none\n\n"
        } else {
            out += "event drafts\n"
            var table = TextTable(headers: ["date", "precision", "title"], alignments: [.left, .left, .left], maxWidths: [nil, nil, 100])
            for event in events { table.append([event.eventDate ?? "(no date: \(event.dateText))", event.precision.rawValue, event.title]) }
            out += table.render(color: color, indent: 2) + "\n"
        }
        if coverage.isEmpty {
            out += "coverage: every sentence that names an index and a number was read as a claim\n\n"
        } else {
            out += "coverage: sentences that name an index and a number, not read as a claim\n"
            for entry in coverage { out += TerminalText.escaped("  - \(entry.sentenceText) (\(entry.why))") + "\n" }
            out += "\n"
        }
        row("overall", summaryLine)
        return out
    }

    /// One line of the report: the label padded to 10 columns (never cut: "claim 10000" stays
    /// whole), a space and the value, escaped for the terminal.
    static func reportLine(_ label: String, _ value: String) -> String {
        TerminalText.escaped(label + String(repeating: " ", count: max(0, 10 - label.utf8.count)) + " " + value) + "\n"
    }

    /// The lines of claim `number`: its text, index, days, the move measured, a verdict per part
    /// and its outcome, then a blank line.
    static func reportBlock(claimNumber number: Int, _ claim: ArticleClaim, color: Bool) -> String {
        var out = reportLine("claim \(number)", claim.text)
        out += reportLine("", "\(claim.index.name)" + (claim.series.map { ", checked against \($0)" } ?? ", no loaded series"))
        out += reportLine("", "days: " + daysText(claim))
        if let measured = claim.measured { out += reportLine("", "measured: " + measured) }
        var table = TextTable(headers: ["part", "verdict"], alignments: [.left, .left])
        for part in claim.verdicts.parts {
            let colour: Int? = part.verdict.hasPrefix("off") || part.verdict.hasPrefix("wrong") || part.verdict.hasPrefix("inconsistent") ? 31 : nil
            table.append([TextTable.Cell(part.name), TextTable.Cell(part.verdict, color: colour)])
        }
        out += table.render(color: color, indent: 11)
        out += reportLine("", "overall: " + claim.summary)
        for note in claim.check?.notes ?? [] { out += reportLine("", "note: " + note) }
        return out + "\n"
    }

    // MARK: - Markdown

    /// The check as Markdown: claims with their verdicts, event drafts and coverage, every text
    /// from the article escaped (no live HTML or links).
    public func markdownReport() -> String {
        var out = "# Claims and events in \(MarkdownText.escaped(article.file))\n\n"
        out += "Published: \(MarkdownText.escaped(publishedLine))\n\n"
        out += "\(MarkdownText.escaped(summaryLine))\n\n## Claims\n\n"
        if claims.isEmpty {
            out += "None.\n\n"
        } else {
            var table = TextTable(
                headers: ["#", "claim", "index", "series", "days", "level", "points", "percent", "direction", "weekday", "consistency", "overall"],
                alignments: [.right] + Array(repeating: .left, count: 11))
            for (k, claim) in claims.enumerated() {
                let v = claim.verdicts
                table.append([
                    String(k + 1), claim.text, claim.index.name, claim.series ?? "", Self.daysText(claim), v.level ?? "", v.points ?? "", v.percent ?? "",
                    v.direction ?? "", v.weekday ?? "", v.consistency, claim.summary,
                ])
            }
            out += table.markdown() + "\n"
        }
        out += "## Event drafts\n\n"
        if events.isEmpty {
            out += "None.\n\n"
        } else {
            var table = TextTable(headers: ["date", "precision", "title", "sentence"], alignments: [.left, .left, .left, .left])
            for event in events { table.append([event.eventDate ?? "", event.precision.rawValue, event.title, event.sentenceText]) }
            out += table.markdown() + "\n"
        }
        out += "## Coverage\n\n"
        if coverage.isEmpty {
            out += "Every sentence that names an index and a number was read as a claim.\n"
        } else {
            for entry in coverage { out += "- \(MarkdownText.escaped(entry.sentenceText)) (\(MarkdownText.escaped(entry.why)))\n" }
        }
        return out
    }
}

// MARK: - Events file

extension ArticleCheck {
    /// The drafts `mlink article --events-out` adds: each dated event with its title, its date
    /// (`2023-05-08`, or `2022-12` for a month), the source, and the sentence for a `sentence`
    /// column where the file has one. Events the article gives no date for are left out.
    public var eventDrafts: [EventDraft] {
        events.compactMap { event in
            guard var draft = event.draft else { return nil }
            draft.extraFields = ["sentence": event.sentenceText]
            return draft
        }
    }

    /// The header of an events file that `--events-out` starts: the usual columns and `sentence`.
    public static let eventsFileColumns = EventLogFile.defaultColumns(timed: false) + ["sentence"]
}
