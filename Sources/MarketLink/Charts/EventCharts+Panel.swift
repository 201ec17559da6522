// MARK: - Event chart panels

extension EventCharts {
    /// The charts around each event (see `charts(around:series:window:rule:rebase:layout:)`)
    /// stacked in one panel, headed by the series, the number of events and the window.
    /// `eventsFile`, when given, is named in the subheading.
    public static func panel(
        around events: [Event], series: [Series], window: EventWindow, rule: AlignmentRule = .next, rebase: Bool,
        layout: ChartLayout = .overlay, eventsFile: String? = nil
    ) -> ChartPanel {
        panel(
            EventSessions(events: events, series: series, rule: rule), window: window, rebase: rebase, layout: layout,
            eventsFile: eventsFile)
    }

    /// The charts around each event of `sessions` (see `charts(in:window:rebase:layout:)`), with
    /// t0 as `sessions` has it, stacked in one panel as `panel(around:series:window:rule:rebase:layout:eventsFile:)`.
    public static func panel(
        _ sessions: EventSessions, window: EventWindow, rebase: Bool, layout: ChartLayout = .overlay, eventsFile: String? = nil
    ) -> ChartPanel {
        let events = sessions.events
        let subject =
            events.count == 1 ? "event #" + (events.first?.id ?? "") : String(events.count) + " events"
        var subtitle = "Window " + window.description + ": closes " + window.baseLabel + " to " + window.endLabel + " in each market"
        if rebase { subtitle += ", rebased to 100 at " + window.baseLabel }
        subtitle += "; t0 by the " + sessions.rule.rawValue + " rule"
        if let eventsFile { subtitle += "; events from " + eventsFile }
        return ChartPanel(
            title: names(sessions.series) + " around " + subject, subtitle: subtitle,
            charts: charts(in: sessions, window: window, rebase: rebase, layout: layout))
    }

    /// The chart over `from` … `to` (see `chart(from:to:series:events:rebase:title:)`), or with
    /// `multiples` one chart per series on the same dates (`multiples(from:to:series:events:rebase:)`)
    /// under a heading naming the series and the range; either way with a key under the charts
    /// naming each event they mark: `#11 2023-06-07 Ambassador Xie Feng …`.
    public static func panel(
        from: Day, to: Day, series: [Series], events: [Event], rebase: Bool, layout: ChartLayout = .overlay
    ) -> ChartPanel {
        let (low, high) = from <= to ? (from, to) : (to, from)
        let marked = events.filter { $0.hasDay && low <= $0.date && $0.date <= high }
        let key = marked.map { "#" + $0.id + " " + $0.date.iso + " " + ChartText.singleLine($0.title) }
        switch layout {
        case .overlay:
            return ChartPanel(title: "", charts: [chart(from: low, to: high, series: series, events: events, rebase: rebase)], key: key)
        case .multiples:
            var subtitle = DateRangeText.range(low, high) + ": daily closes, each series on its own axis"
            if rebase { subtitle += ", rebased to 100 at its first session" }
            if !marked.isEmpty { subtitle += "; events marked by id" }
            return ChartPanel(
                title: names(series) + ", " + DateRangeText.range(low, high), subtitle: subtitle,
                charts: multiples(from: low, to: high, series: series, events: events, rebase: rebase), key: key)
        }
    }
}
