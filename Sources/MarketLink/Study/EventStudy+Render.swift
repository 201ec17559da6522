// MARK: - Words

extension EventStudy {
    /// What the model computes, in words: `constant-mean model (AR = R − μ̂)`.
    static func modelText(_ model: NormalReturnModel) -> String {
        switch model {
        case .raw: "raw returns (AR = R)"
        case .mean: "constant-mean model (AR = R − mean estimation-window return)"
        case .market: "market-adjusted returns (AR = R − benchmark return)"
        case .marketModel: "market model (AR = R − α̂ − β̂·benchmark return, OLS on the estimation window)"
        }
    }

    /// The lines that say what was computed, printed above the tables; `vocabulary` names the
    /// caller's settings beside what they did.
    public func methodLines(vocabulary: ToolVocabulary = .none) -> [String] {
        let window = design.window
        let estimation = design.estimation
        var lines: [String] = []
        var first =
            "Event study: \(EventStudy.modelText(design.model)), \(design.returns.rawValue) returns"
        if let benchmark { first += ", benchmark \(benchmark.name)" }
        first += "; \(events.count) event\(events.count == 1 ? "" : "s") × \(series.count) series."
        lines.append(first)
        lines.append(
            "Event window \(window): returns of sessions \(EventWindow.label(offset: window.start)) … "
                + "\(EventWindow.label(offset: window.end)) (\(window.sessionCount)), each from the previous session's close.")
        var estimationLine =
            "Estimation window \(estimation): sessions \(EventWindow.label(offset: estimation.start)) … "
            + "\(EventWindow.label(offset: estimation.end)) (\(design.estimationLength)), at least \(design.requiredEstimationReturns) returns, never shortened to fit the data"
        if design.clean {
            estimationLine += ", leaving out sessions inside other events' windows" + (vocabulary.name(.cleanEstimation).map { " (\($0))" } ?? "")
        }
        if benchmark != nil { estimationLine += ", leaving out sessions without benchmark closes" }
        lines.append(estimationLine + ".")
        if design.mergeSharedSessions {
            lines.append("Across events, events that share an event session count once: the first of them in the events file stands for the session.")
        }
        return lines
    }

    /// The legend under the tables.
    public func legendLines(events: Bool, summary: Bool) -> [String] {
        var lines: [String] = []
        if events {
            lines.append(
                "AR, CAR: abnormal return of a session and their sum over the window, in percent; SE: standard error of the CAR; "
                    + "t = CAR/SE with its two-sided p; σ: the CAR in standard deviations of normal variation; est. n: estimation returns used.")
        }
        if summary {
            lines.append(
                "Across events, only events with status ok: n events; CAAR = mean CAR; each test as statistic (two-sided p); "
                    + "r̄: average cross-correlation of the events' estimation-window abnormal returns, in event time; "
                    + "adj.: the Patell and BMP tests adjusted for it (Kolari & Pynnönen 2010).")
        }
        lines.append(Significance.legend + ". Formulas: docs/STATISTICS.md.")
        return lines
    }

    // MARK: - Tables

    /// Whether the terminal table shows one AR column per session (windows of up to 5 sessions).
    var showsSessionColumns: Bool { design.window.sessionCount <= 5 }

    /// Whether any result left estimation sessions out.
    var hasDroppedSessions: Bool { results.contains { $0.droppedForBenchmark + $0.droppedForClean > 0 } }

    /// One row per event and series: t0, the estimation returns used, the ARs (windows of up to 5
    /// sessions), CAR with significance stars, SE, t, p, σ units, and the status. CARs are green
    /// when up and red when down on a colour terminal.
    public func eventTable(titleWidth: Int = 36) -> TextTable {
        var headers = ["event", "date", "title", "series", "t0", "est. n"]
        var alignments: [TextTable.Alignment] = [.left, .left, .left, .left, .left, .right]
        if hasDroppedSessions {
            headers.append("left out")
            alignments.append(.right)
        }
        if showsSessionColumns {
            for offset in design.window.sessionOffsets {
                headers.append("AR " + EventWindow.label(offset: offset))
                alignments.append(.right)
            }
        }
        headers += ["CAR", "SE %", "t", "p", "σ"]
        alignments += [.right, .right, .right, .right, .right]
        if design.buyAndHold {
            headers.append("BHAR")
            alignments.append(.right)
        }
        headers.append("status")
        alignments.append(.left)
        var table = TextTable(headers: headers, alignments: alignments, maxWidths: [nil, nil, titleWidth])
        for result in results {
            let event = events[result.event]
            var cells: [TextTable.Cell] = [
                .init(event.id), .init(event.dateText), .init(event.title),
                .init(series[result.series].name), .init(result.eventDay?.iso ?? "—"),
                .init(result.abnormal.map { String($0.estimationCount) } ?? ""),
            ]
            if hasDroppedSessions {
                let dropped = result.droppedForBenchmark + result.droppedForClean
                cells.append(.init(dropped > 0 ? String(dropped) : ""))
            }
            let fit = result.fit
            let inference = result.inference
            if showsSessionColumns {
                for session in 0..<design.window.sessionCount {
                    cells.append(.init(StatisticText.percent(fit?.abnormalReturns[safe: session])))
                }
            }
            let color: Int? = fit.map { $0.car > 0 ? 32 : ($0.car < 0 ? 31 : nil) } ?? nil
            cells.append(.init(StatisticText.percent(fit?.car) + Significance.stars(inference?.pValue), color: color))
            cells.append(.init(StatisticText.unsignedPercent(inference?.standardError)))
            cells.append(.init(StatisticText.statistic(inference?.t)))
            cells.append(.init(StatisticText.pValue(inference?.pValue)))
            cells.append(.init(inference.map { NumberFormat.string($0.sigmaUnits, decimals: 1, plus: true) } ?? ""))
            if design.buyAndHold { cells.append(.init(StatisticText.percent(fit?.bhar))) }
            cells.append(.init(result.status.name, color: result.status.isOK ? nil : 33))
            table.append(cells)
        }
        return table
    }

    /// `#3 SSE: estimation-off-data — explanation` for every result whose status is not `ok`.
    public func statusNotes() -> [String] {
        results.filter { !$0.status.isOK }.map { result in
            "#\(events[result.event].id) \(series[result.series].name): \(result.status.name) — \(result.explanation)"
        }
    }

    /// One line per series, from its summary of all events: how many events on how many event
    /// sessions, which share one, and whose windows overlap another's (`StudyClustering`):
    /// `DJIA: 15 events on 12 event sessions; sharing a session: #6 and #7 (2023-05-22); …`.
    public func clusteringLines(_ summaries: [EventStudySummary]) -> [String] {
        summaries.filter { $0.group == nil }.map { summary in
            let clustering = summary.clustering
            let sessions = EventStudy.count(clustering.distinctSessions, "event session")
            var line = series[summary.series].name + ": " + EventStudy.count(clustering.eventCount, "event") + " on " + sessions
            if clustering.sharedSessions.isEmpty {
                line += "; none share a session"
            } else {
                let groups = clustering.sharedSessions.map { EventStudy.idList($0.events.map { events[$0].id }) + " (" + $0.day.iso + ")" }
                line += "; sharing a session: " + groups.joined(separator: ", ")
            }
            let overlapping = clustering.overlappingWindows.map { events[$0].id }
            if overlapping.isEmpty {
                line += "; no event windows overlap."
            } else {
                line += "; windows overlapping another event's: " + EventStudy.idList(overlapping) + "."
            }
            return line
        }
    }

    /// One line per series whose summary of all events merged shared sessions:
    /// `DJIA: #7 into #6, #10 into #9 (2023-06-06)`.
    public func mergeLines(_ summaries: [EventStudySummary]) -> [String] {
        summaries.filter { $0.group == nil && !$0.merged.isEmpty }.map { summary in
            series[summary.series].name + ": "
                + summary.merged.map { "#" + events[$0.event].id + " into #" + events[$0.representative].id + " (" + $0.day.iso + ")" }
                .joined(separator: ", ")
        }
    }

    /// What the clustering lines mean, and how merged sessions count, for the text outputs;
    /// `vocabulary` names the caller's setting that merges shared sessions.
    func clusteringNote(merged: Bool, vocabulary: ToolVocabulary = .none) -> String {
        if merged {
            return "Events that share a session have the same abnormal returns: here each shared session counts once in the tests, "
                + "the first of its events in the events file standing for it; r̄ and the adjusted tests allow for the correlation "
                + "that remains (Kolari & Pynnönen 2010)."
        }
        return "Events that share a session have the same abnormal returns, and the Patell and BMP tests count each as independent; "
            + "r̄ and the adjusted tests allow for the correlation (Kolari & Pynnönen 2010)"
            + (vocabulary.name(.mergeSharedSessions).map { ", and " + $0 + " counts each shared session once" } ?? "") + "."
    }

    /// `#6 and #7`, `#9, #10 and #11`.
    static func idList(_ ids: [String]) -> String {
        let marked = ids.map { "#" + $0 }
        guard marked.count > 1, let last = marked.last else { return marked.first ?? "" }
        return marked.dropLast().joined(separator: ", ") + " and " + last
    }

    /// `1 event`, `12 event sessions`.
    static func count(_ value: Int, _ noun: String) -> String { String(value) + " " + noun + (value == 1 ? "" : "s") }

    /// For each series where some event's estimation window runs off the data, the earliest start
    /// E₁ that fits every event with an event session: the start whose base session t0+E₁−1 is
    /// the first session of the data for the earliest t0 (`EventWindow.earliestStart(t0:)`).
    public func fittingEstimationStarts() -> [(series: Int, start: Int)] {
        earliestEventSessions().map { ($0.series, EventWindow.earliestStart(t0: $0.t0)) }
    }

    /// For each series where some event's estimation window runs off the data, the smallest t0
    /// index of its events with an event session (the sessions of data before that t0).
    func earliestEventSessions() -> [(series: Int, t0: Int)] {
        series.indices.compactMap { s in
            // Read from the stored rows (no result made): the code `estimationOffData` is that status.
            let stored = events.indices.lazy.map { store.row(event: $0, series: s) }
            guard stored.contains(where: { $0.code == .estimationOffData }),
                let earliest = stored.filter({ $0.eventSession >= 0 }).map({ Int($0.eventSession) }).min()
            else { return nil }
            return (s, earliest)
        }
    }

    /// The hint printed when estimation windows run off the data: per series, the longest window
    /// ending at the requested E₂ that fits every event, or how few sessions precede the first event;
    /// `vocabulary` names the setting of the minimum where a window is below it.
    func estimationHint(vocabulary: ToolVocabulary = .none) -> String? {
        let earliest = earliestEventSessions()
        guard !earliest.isEmpty else { return nil }
        let end = design.estimation.end
        let required = design.requiredEstimationReturns
        let fits = earliest.map { item -> String in
            let name = series[item.series].name
            guard let fitting = EventWindow(start: EventWindow.earliestStart(t0: item.t0), end: end) else {
                return "\(name): none (its first event has only \(item.t0) sessions of data before its event session, "
                    + "so an estimation window must end after \(EventWindow.label(offset: end)))"
            }
            let length = fitting.sessionCount
            var text = "\(name) \(fitting) (\(length) sessions"
            if length < required {
                text += ", below the minimum of \(required): " + (vocabulary.name(.minimumEstimation(length)).map { "add \($0)" } ?? "lower the minimum to \(length)")
            }
            return text + ")"
        }
        return "The longest estimation windows ending at \(end) that fit every event: " + fits.joined(separator: "; ")
            + ". Or load a longer price history."
    }

    /// One row per series and group: events, n used, CAAR, and each test as `statistic** (p)`.
    public func summaryTable(_ summaries: [EventStudySummary]) -> TextTable {
        var table = TextTable(
            headers: [
                "series", "group", "events", "n", "CAAR", "cross-sect. t", "Patell Z", "BMP t", "Corrado rank", "gen. sign Z", "r̄",
                "adj. Patell Z", "adj. BMP t",
            ],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right])
        for summary in summaries {
            let tests = summary.tests
            table.append([
                series[summary.series].name, summary.group ?? "all", String(summary.eventCount), String(tests?.n ?? 0),
                StatisticText.percent(tests?.caar), StatisticText.test(tests?.crossSectionalT),
                StatisticText.test(tests?.patellZ), StatisticText.test(tests?.bmpT), StatisticText.test(tests?.corradoRank),
                StatisticText.test(tests?.generalizedSign), StatisticText.correlation(tests?.averageCrossCorrelation),
                StatisticText.test(tests?.adjustedPatellZ), StatisticText.test(tests?.adjustedBMPT),
            ])
        }
        return table
    }

    // MARK: - Whole outputs

    /// The terminal output: what was computed, the per-event table (unless `summaryOnly`), the
    /// notes on results without numbers, the summary across events, and the legend. Names and
    /// titles from the inputs are shown safely (`TerminalText`, and `TextTable` for the tables).
    /// `vocabulary` names the caller's settings where the text points to them.
    public func textReport(
        summaries: [EventStudySummary], summaryOnly: Bool = false, color: Bool = false, vocabulary: ToolVocabulary = .none
    ) -> String {
        func text(_ lines: [String]) -> String { lines.map { TerminalText.escaped($0) + "\n" }.joined() }
        var out = text(methodLines(vocabulary: vocabulary)) + "\n"
        if !summaryOnly {
            out += eventTable().render(color: color)
            let notes = statusNotes()
            if !notes.isEmpty { out += "\nNot measured, or measured without a test:\n" + text(notes.map { "  " + $0 }) }
            if let hint = estimationHint(vocabulary: vocabulary) { out += text([hint]) }
            out += "\n"
        }
        out += "Across events:\n" + summaryTable(summaries).render(color: color)
        out += "\nClustering (events with status ok, window \(design.window)):\n" + text(clusteringLines(summaries).map { "  " + $0 })
        let merges = mergeLines(summaries)
        if !merges.isEmpty { out += "Merged into an earlier event of the same session:\n" + text(merges.map { "  " + $0 }) }
        out += text([clusteringNote(merged: design.mergeSharedSessions, vocabulary: vocabulary)])
        out += "\n" + text(legendLines(events: !summaryOnly, summary: true))
        return out
    }

    /// The same as Markdown: paragraphs and GitHub-flavoured tables, names and titles from the
    /// inputs made inert (`MarkdownText`).
    public func markdownReport(summaries: [EventStudySummary], summaryOnly: Bool = false, vocabulary: ToolVocabulary = .none) -> String {
        func paragraph(_ lines: [String]) -> String { lines.map { MarkdownText.escaped($0) }.joined(separator: "\n") + "\n" }
        func list(_ lines: [String]) -> String { lines.map { "- " + MarkdownText.escaped($0) + "\n" }.joined() }
        var out = paragraph(methodLines(vocabulary: vocabulary)) + "\n"
        if !summaryOnly {
            out += eventTable(titleWidth: 80).markdown()
            let notes = statusNotes()
            if !notes.isEmpty { out += "\nNot measured, or measured without a test:\n\n" + list(notes) }
            if let hint = estimationHint(vocabulary: vocabulary) { out += "\n" + paragraph([hint]) }
            out += "\n"
        }
        out += "Across events:\n\n" + summaryTable(summaries).markdown()
        out += "\nClustering (events with status ok, window \(design.window)):\n\n" + list(clusteringLines(summaries))
        let merges = mergeLines(summaries)
        if !merges.isEmpty { out += "\nMerged into an earlier event of the same session:\n\n" + list(merges) }
        out += "\n" + paragraph([clusteringNote(merged: design.mergeSharedSessions, vocabulary: vocabulary)])
        out += "\n" + paragraph(legendLines(events: !summaryOnly, summary: true))
        return out
    }
}
