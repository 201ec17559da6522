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
///
/// Titles put the event's id first (`Event 11 · DJIA, SSE`) and its title on the line under them
/// (`LineChart.subject`), so that a chart shortened to a phone's width keeps the event number.
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

    /// Charts around each event, t0 found once per event and series by `rule`. `overlay` and
    /// rebased: one chart per event with every series; otherwise (`multiples`, or closes, which
    /// of different levels do not share an axis) one chart per event and series.
    public static func charts(
        around events: [Event], series: [Series], window: EventWindow, rule: AlignmentRule = .next, rebase: Bool,
        layout: ChartLayout = .overlay
    ) -> [LineChart] {
        charts(in: EventSessions(events: events, series: series, rule: rule), window: window, rebase: rebase, layout: layout)
    }

    /// Charts around each event of `sessions`, with t0 as `sessions` has it; laid out as
    /// `charts(around:series:window:rule:rebase:layout:)`.
    public static func charts(in sessions: EventSessions, window: EventWindow, rebase: Bool, layout: ChartLayout = .overlay) -> [LineChart] {
        let series = sessions.series
        return sessions.events.indices.flatMap { e -> [LineChart] in
            if (rebase && layout == .overlay) || series.count <= 1 {
                return [chart(around: e, in: sessions, window: window, rebase: rebase)]
            }
            return series.indices.map { s in chart(around: e, series: [s], in: sessions, window: window, rebase: rebase) }
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
            title: title(event: event, series: indexes.compactMap { sessions.series[safe: $0]?.name }),
            subject: event.title,
            subtitle: subtitle(for: event, window: window, rebase: rebase),
            yLabel: rebase ? "Index, " + window.baseLabel + " = 100" : "Close",
            lines: lines, markers: markers(for: event, eventSessions: eventSessions))
    }

    /// `Event 11 · DJIA, SSE`: the event's id first, so that shortening the title to fit a phone
    /// never loses it; the event's own title goes on the line under it (`LineChart.subject`).
    static func title(event: Event, series names: [String]) -> String {
        "Event " + ChartText.singleLine(event.id) + (names.isEmpty ? "" : " · " + names.map(ChartText.singleLine).joined(separator: ", "))
    }

    // MARK: - Over a date range

    /// Every series' closes over the sessions dated `from` … `to` (the ends in either order),
    /// with a marker at each date in that range that has events, labelled with their ids
    /// (`#9, #10`) and, when the range has at most three events, their titles too. Rebased, each
    /// line is 100 at its first session in the range, and the y axis says so (`Index, first
    /// session = 100`): the way to put markets of different levels (a 33,000-point index and a
    /// 3,000-point one) on one axis, and what a chart of two or more series should be.
    public static func chart(
        from: Day, to: Day, series: [Series], events: [Event], rebase: Bool, title: String? = nil
    ) -> LineChart {
        let (low, high) = from <= to ? (from, to) : (to, from)
        let lines = series.map { rangeLine($0, from: low, to: high, rebase: rebase) }
        let inRange = events.filter { $0.hasDay && low <= $0.date && $0.date <= high }
        var subtitle = DateRangeText.range(low, high) + ": daily closes"
        if rebase { subtitle += ", each rebased to 100 at its first session" }
        if !inRange.isEmpty { subtitle += "; events marked by id" }
        return LineChart(
            title: title ?? names(series) + ", " + DateRangeText.range(low, high), subtitle: subtitle,
            yLabel: rebase ? rebasedRangeLabel : "Close", lines: lines,
            markers: rangeMarkers(inRange, titled: inRange.count <= 3))
    }

    /// The y-axis label of a range chart rebased to 100 at each line's first session.
    static let rebasedRangeLabel = "Index, first session = 100"

    /// Small multiples over `from` … `to`: one chart per series, in that series' closes (or
    /// rebased to 100 at its first session in the range), every chart on the same dates (the
    /// range's first to last session in any series, and its events), each event marked by id.
    public static func multiples(from: Day, to: Day, series: [Series], events: [Event], rebase: Bool) -> [LineChart] {
        let (low, high) = from <= to ? (from, to) : (to, from)
        let lines = series.map { rangeLine($0, from: low, to: high, rebase: rebase) }
        let inRange = events.filter { low <= $0.date && $0.date <= high }
        let days = lines.flatMap { $0.points.map(\.day) } + inRange.map(\.date)
        let shared = days.min().flatMap { first in days.max().map { first...$0 } }
        return zip(series, lines).map { item, line in
            LineChart(
                title: item.name, subtitle: rebase ? "Rebased to 100 at its first session" : nil,
                yLabel: rebase ? rebasedRangeLabel : "Close", lines: [line], markers: rangeMarkers(inRange, titled: false),
                dayRange: shared)
        }
    }

    /// One series' line over `low` … `high`, or an empty line whose name says there is none.
    private static func rangeLine(_ item: Series, from low: Day, to high: Day, rebase: Bool) -> LineChart.Line {
        let slice = item.slice(from: low, to: high)
        let points = (0..<slice.count).map { LineChart.Point(day: slice.day(at: $0), value: slice.close(at: $0)) }
        guard let first = points.first else { return LineChart.Line(name: item.name + " (no sessions in the range)", points: []) }
        return LineChart.Line(name: item.name, points: points, rebaseDay: rebase ? first.day : nil, precision: item.display)
    }

    /// A marker per date with events, labelled with their ids (`#9, #10`), and with their titles
    /// too when `titled`.
    private static func rangeMarkers(_ inRange: [Event], titled: Bool) -> [LineChart.Marker] {
        var markerDays: [Day] = []
        var seen: Set<Day> = []
        for event in inRange where seen.insert(event.date).inserted { markerDays.append(event.date) }
        var byDay: [Day: [Event]] = [:]
        for event in inRange { byDay[event.date, default: []].append(event) }
        return markerDays.map { day in
            let onDay = byDay[day] ?? []
            let label =
                titled
                ? onDay.map { "#" + $0.id + " " + $0.title }.joined(separator: "; ")
                : onDay.map { "#" + $0.id }.joined(separator: ", ")
            return LineChart.Marker(day: day, label: label)
        }
    }

    // MARK: - Words

    /// `DJIA`, `DJIA and SSE`, `DJIA, SSE and HSI`; past six, the first five and how many more
    /// (`AAA, AAB, AAC, AAD, AAE and 1,995 more`).
    static func names(_ series: [Series]) -> String {
        guard let last = series.last?.name else { return "No series" }
        if series.count > 6 {
            return series.prefix(5).map(\.name).joined(separator: ", ") + " and " + ReportWords.grouped(series.count - 5) + " more"
        }
        return series.count == 1 ? last : series.dropLast().map(\.name).joined(separator: ", ") + " and " + last
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
