// MARK: - Event charts

/// Line charts of closes around events and over date ranges, built with the same alignment as
/// the change table (DESIGN §2), so that a chart shows exactly the sessions a move is measured on.
///
/// Around an event with window [a, b], each series is drawn over its own sessions t0+a−1 (the
/// base) to t0+b (the end), where t0 is that series' event session; series in markets with
/// different holidays keep their own sessions. Rebased, every line is 100 at its base session:
/// 100 · close / close(t0+a−1). Sessions outside the data are left out, never filled; a rebased
/// line whose base session is outside the data is not drawn, and its legend entry says why.
///
/// Markers: the event session, labelled "Event session" when every drawn series has the same t0
/// day, otherwise one marker per distinct t0 day naming its series; and the event's calendar
/// date, labelled "Event date (Saturday)", when it is not a t0 day (a weekend or holiday event).
public enum EventCharts {
    // MARK: - Around events

    /// One chart of every series around `event`, t0 found by `rule`. Meant to be `rebase`d when
    /// the series have different levels (a 33,000-point index and a 3,000-point one); unrebased it
    /// draws closes.
    public static func chart(
        around event: Event, series: [Series], window: EventWindow, rule: AlignmentRule = .next, rebase: Bool
    ) -> LineChart {
        chart(around: 0, in: EventSessions(events: [event], series: series, rule: rule), window: window, rebase: rebase)
    }

    /// One chart of every series of `sessions` around its event at index `event`, with t0 as
    /// `sessions` has it (the t0 of a change table or study made from the same `sessions`). An
    /// index out of range gives a chart with no lines.
    public static func chart(around event: Int, in sessions: EventSessions, window: EventWindow, rebase: Bool) -> LineChart {
        chart(around: event, series: Array(sessions.series.indices), in: sessions, window: window, rebase: rebase)
    }

    /// Charts around each event, t0 found once per event and series by `rule`: rebased, one chart
    /// per event with every series; not rebased, one chart per event and series (closes of
    /// different levels do not share an axis).
    public static func charts(
        around events: [Event], series: [Series], window: EventWindow, rule: AlignmentRule = .next, rebase: Bool
    ) -> [LineChart] {
        charts(in: EventSessions(events: events, series: series, rule: rule), window: window, rebase: rebase)
    }

    /// Charts around each event of `sessions`, with t0 as `sessions` has it; laid out as
    /// `charts(around:series:window:rule:rebase:)`.
    public static func charts(in sessions: EventSessions, window: EventWindow, rebase: Bool) -> [LineChart] {
        let series = sessions.series
        return sessions.events.indices.flatMap { e -> [LineChart] in
            if rebase || series.count <= 1 {
                return [chart(around: e, in: sessions, window: window, rebase: rebase)]
            }
            return series.indices.map { s in
                var chart = chart(around: e, series: [s], in: sessions, window: window, rebase: false)
                chart.title = "#" + sessions.events[e].id + " " + series[s].name + ": " + sessions.events[e].title
                return chart
            }
        }
    }

    /// The chart of the series at `indexes` around event `e` of `sessions`.
    static func chart(around e: Int, series indexes: [Int], in sessions: EventSessions, window: EventWindow, rebase: Bool) -> LineChart {
        guard let event = sessions.events[safe: e] else { return LineChart(title: "", lines: []) }
        var lines: [LineChart.Line] = []
        var eventSessions: [(name: String, day: Day)] = []
        for s in indexes {
            guard let item = sessions.series[safe: s], let t0 = sessions[event: e, series: s] else { continue }
            let placement = window.placement(around: t0, sessionCount: item.count)
            guard let index = placement.eventSession else {
                lines.append(LineChart.Line(name: item.name + " (not drawn: " + reason(placement.status) + ")", points: []))
                continue
            }
            eventSessions.append((item.name, item.day(at: index)))
            if rebase, placement.baseSession == nil {
                let side = window.baseSession(around: index) < 0 ? "before the first" : "after the last"
                let why = "the base session " + window.baseLabel + " is " + side + " session of the data"
                lines.append(LineChart.Line(name: item.name + " (not drawn: " + why + ")", points: []))
                continue
            }
            // The sessions from base to end that are in the data.
            let first = max(window.baseSession(around: index), 0)
            let last = min(window.endSession(around: index), item.count - 1)
            let points =
                first <= last
                ? (first...last).map { LineChart.Point(day: item.day(at: $0), value: item.close(at: $0)) } : []
            lines.append(
                LineChart.Line(
                    name: item.name, points: points, rebaseDay: rebase ? placement.baseSession.map(item.day(at:)) : nil,
                    precision: item.display))
        }
        return LineChart(
            title: "#" + event.id + " " + event.title,
            subtitle: subtitle(for: event, window: window, rebase: rebase),
            yLabel: rebase ? "Close (" + window.baseLabel + " = 100)" : "Close",
            lines: lines, markers: markers(for: event, eventSessions: eventSessions))
    }

    // MARK: - Over a date range

    /// Every series' closes over the sessions dated `from` … `to` (the ends in either order),
    /// with a marker at each date in that range that has events, labelled with their ids
    /// (`#9, #10`) and, when the range has at most three events, their titles too. Rebased, each line is 100 at its first session in
    /// the range.
    public static func chart(
        from: Day, to: Day, series: [Series], events: [Event], rebase: Bool, title: String? = nil
    ) -> LineChart {
        let (low, high) = from <= to ? (from, to) : (to, from)
        var lines: [LineChart.Line] = []
        for item in series {
            let slice = item.slice(from: low, to: high)
            let points = (0..<slice.count).map { LineChart.Point(day: slice.day(at: $0), value: slice.close(at: $0)) }
            if points.isEmpty {
                lines.append(LineChart.Line(name: item.name + " (no sessions in the range)", points: []))
            } else {
                lines.append(
                    LineChart.Line(name: item.name, points: points, rebaseDay: rebase ? points[0].day : nil, precision: item.display))
            }
        }
        let inRange = events.filter { $0.hasDay && low <= $0.date && $0.date <= high }
        var markerDays: [Day] = []
        for event in inRange where !markerDays.contains(event.date) { markerDays.append(event.date) }
        let markers = markerDays.map { day in
            let onDay = inRange.filter { $0.date == day }
            let label =
                inRange.count <= 3
                ? onDay.map { "#" + $0.id + " " + $0.title }.joined(separator: "; ")
                : onDay.map { "#" + $0.id }.joined(separator: ", ")
            return LineChart.Marker(day: day, label: label)
        }
        var subtitle = DateRangeText.range(low, high) + ": daily closes"
        if rebase { subtitle += ", each rebased to 100 at its first session" }
        if !inRange.isEmpty { subtitle += "; events marked by id" }
        return LineChart(
            title: title ?? names(series) + ", " + DateRangeText.range(low, high), subtitle: subtitle,
            yLabel: rebase ? "Close (start = 100)" : "Close", lines: lines, markers: markers)
    }

    // MARK: - Words

    /// `DJIA`, `DJIA and SSE`, `DJIA, SSE and HSI`.
    static func names(_ series: [Series]) -> String {
        let names = series.map(\.name)
        guard let last = names.last else { return "No series" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }

    private static func subtitle(for event: Event, window: EventWindow, rebase: Bool) -> String {
        var text = event.longDateText
        if let time = event.time { text += " " + time + (event.timeZone.map { " " + $0 } ?? "") }
        text +=
            " · window " + window.description + ": closes " + window.baseLabel + " to " + window.endLabel
        if rebase { text += ", rebased to 100 at " + window.baseLabel }
        return text
    }

    private static func markers(for event: Event, eventSessions: [(name: String, day: Day)]) -> [LineChart.Marker] {
        var days: [Day] = []
        for session in eventSessions where !days.contains(session.day) { days.append(session.day) }
        var markers = days.map { day in
            guard days.count > 1 else { return LineChart.Marker(day: day, label: "Event session") }
            let names = eventSessions.filter { $0.day == day }.map(\.name).joined(separator: ", ")
            return LineChart.Marker(day: day, label: "Event session (" + names + ")")
        }
        if event.hasDay, !days.contains(event.date) {
            markers.append(LineChart.Marker(day: event.date, label: "Event date (" + event.date.weekdayName + ")"))
        }
        return markers
    }

    /// Why a series has no line around an event, in a legend's words, for the status of an event
    /// without a session there.
    private static func reason(_ status: ChangeStatus) -> String {
        switch status {
        case .noSession: "no session on the event date"
        case .noMarket: "a timed event needs the series' market"
        default: status.explanation
        }
    }
}
