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
    /// The window charts around events span unless told otherwise: −5:5, the closes from t0−6
    /// to t0+5.
    public static let defaultWindow = EventWindow(uncheckedStart: -5, end: 5)

    // MARK: - Around events

    /// One chart of every series around `event`. Meant to be `rebase`d when the series have
    /// different levels (a 33,000-point index and a 3,000-point one); unrebased it draws closes.
    public static func chart(
        around event: Event, series: [Series], window: EventWindow, rule: AlignmentRule = .next, rebase: Bool
    ) -> LineChart {
        var lines: [LineChart.Line] = []
        var eventSessions: [(name: String, day: Day)] = []
        for item in series {
            let outcome = Alignment.eventSession(for: event, in: item, rule: rule)
            guard let t0 = outcome.index else {
                lines.append(LineChart.Line(name: item.name + " (not drawn: " + explanation(outcome) + ")", points: []))
                continue
            }
            eventSessions.append((item.name, item.day(at: t0)))
            let base = t0 + window.start - 1
            let end = t0 + window.end
            if rebase, base < 0 {
                let why = "the base session " + sessionLabel(window.start - 1) + " is before the first session of the data"
                lines.append(LineChart.Line(name: item.name + " (not drawn: " + why + ")", points: []))
                continue
            }
            let first = max(base, 0)
            let last = min(end, item.count - 1)
            let points =
                first <= last
                ? (first...last).map { LineChart.Point(day: item.day(at: $0), value: item.close(at: $0)) } : []
            lines.append(
                LineChart.Line(
                    name: item.name, points: points, rebaseDay: rebase ? item.day(at: base) : nil, precision: item.display))
        }
        return LineChart(
            title: "#" + event.id + " " + event.title,
            subtitle: subtitle(for: event, window: window, rebase: rebase),
            yLabel: rebase ? "Close (" + sessionLabel(window.start - 1) + " = 100)" : "Close",
            lines: lines, markers: markers(for: event, eventSessions: eventSessions))
    }

    /// Charts around each event: rebased, one chart per event with every series; not rebased,
    /// one chart per event and series (closes of different levels do not share an axis).
    public static func charts(
        around events: [Event], series: [Series], window: EventWindow, rule: AlignmentRule = .next, rebase: Bool
    ) -> [LineChart] {
        events.flatMap { event -> [LineChart] in
            if rebase || series.count <= 1 {
                return [chart(around: event, series: series, window: window, rule: rule, rebase: rebase)]
            }
            return series.map { item in
                var chart = chart(around: event, series: [item], window: window, rule: rule, rebase: false)
                chart.title = "#" + event.id + " " + item.name + ": " + event.title
                return chart
            }
        }
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

    /// `t0`, `t0+5`, `t0−6` (with the typographic minus).
    public static func sessionLabel(_ offset: Int) -> String {
        offset == 0 ? "t0" : offset > 0 ? "t0+\(offset)" : "t0\u{2212}\(offset.magnitude)"
    }

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
            " · window " + window.description + ": closes " + sessionLabel(window.start - 1) + " to "
            + sessionLabel(window.end)
        if rebase { text += ", rebased to 100 at " + sessionLabel(window.start - 1) }
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

    private static func explanation(_ outcome: EventSession) -> String {
        switch outcome {
        case .session: return ""
        case .beforeData: return ChangeStatus.beforeData.explanation
        case .afterData: return ChangeStatus.afterData.explanation
        case .noSession: return "no session on the event date"
        case .noMarket: return "a timed event needs the series' market"
        case .monthOnly: return "the event is dated to a month only"
        }
    }
}
