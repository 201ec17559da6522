// MARK: - Charts of minute windows

extension EventCharts {
    /// One series' intraday closes around a timed event over a minute window [a, b], on a time
    /// axis in the series' zone (DESIGN §8): from the price at u′+a (the base) to that at u′+b
    /// (the end), u′ being the event's instant, or the next trading period's start when the event
    /// falls outside trading, exactly as `changes` measures the window.
    ///
    /// The line is the price at each bar's end, starting each trading period at its open (the
    /// price there is the last close before it) and broken across the hours the market is closed,
    /// which the axis compresses and shades. Markers: the announcement at u (`10:14 a.m.
    /// announcement`, the words of the minute sentence, with where it was moved from when it
    /// was outside trading), the base and the end, each with its price. A series without bars,
    /// an event without a time or one after the data draws no line, and its legend says why.
    public static func minuteChart(around event: Event, series item: Series, window: EventWindow) -> LineChart {
        let heading = title(event: event, series: [item.name])
        let subtitle = minuteSubtitle(event: event, window: window, bars: item.intraday)
        let (status, result) = ChangeTable.minuteResult(event: event, series: item, window: window)
        guard let bars = item.intraday, let instant = event.instant, let move = result, let from = move.placement.measuredFrom else {
            let line = LineChart.Line(name: item.name + " (not drawn: " + status.minuteExplanation() + ")", points: [])
            return LineChart(title: heading, subject: event.title, subtitle: subtitle, yLabel: "Close", lines: [line])
        }
        let baseAt = from + Double(window.start) * 60
        let endAt = from + Double(window.end) * 60
        let lower = min(baseAt, instant)
        let upper = max(endAt, instant)

        // The trading periods of every session with a bar in the range.
        var trading: [TimeAxis.Span] = []
        if bars.count > 0 {
            let firstBar = max(bars.firstBar(startingAfter: lower) - 1, 0)
            let lastBar = min(bars.firstBar(startingAfter: upper), bars.count - 1)
            for s in bars.session(ofBar: firstBar)...max(bars.session(ofBar: lastBar), bars.session(ofBar: firstBar)) {
                trading += bars.tradingPeriods(ofSession: s).map { TimeAxis.Span(start: $0.start, end: $0.end) }
            }
        }
        let axis = TimeAxis(zoneIdentifier: bars.zoneIdentifier, from: lower, to: upper, trading: trading)

        // Points: the base, then each period from its open (or the base) through its bars' ends.
        var points: [LineChart.Point] = []
        func add(_ t: Double, _ value: Double?) {
            guard let value else { return }
            if let last = points.last?.instant, last >= t { return }
            points.append(LineChart.Point(instant: t, day: bars.localDay(of: t), value: value))
        }
        // A value that is not a number between the last point and `t` breaks the line there.
        func breakLine(before t: Double) {
            guard let last = points.last, let at = last.instant, last.value.isFinite, at < t else { return }
            let middle = (at + t) / 2
            points.append(LineChart.Point(instant: middle, day: bars.localDay(of: middle), value: .nan))
        }
        add(baseAt, move.base?.close)
        for period in trading.sorted(by: { $0.start < $1.start }) where period.end > baseAt && period.start < endAt {
            if period.start > baseAt {
                breakLine(before: period.start)
                add(period.start, bars.price(at: period.start))
            }
            var k = bars.firstBar(startingAfter: max(period.start, baseAt) - Double(bars.barSeconds))
            while k < bars.count, bars.end(at: k) <= min(period.end, endAt) {
                add(bars.end(at: k), bars.close(at: k))
                k += 1
            }
        }
        if let last = points.last?.instant, endAt > last, !trading.contains(where: { $0.start <= endAt && endAt <= $0.end }) {
            breakLine(before: endAt)
        }
        add(endAt, move.end?.close)

        // Markers: the announcement, the base and the end.
        var announcement = bars.sentenceTime(instant) + " announcement"
        if let moved = move.placement.moved { announcement += " (" + moved.rawValue + ")" }
        var announced = LineChart.Marker(instant: instant, day: bars.localDay(of: instant), label: announcement)
        announced.shortLabel = bars.sentenceTime(instant)
        var markers = [announced]
        if from != instant {
            markers.append(LineChart.Marker(instant: from, day: bars.localDay(of: from), label: "Measured from " + bars.sentenceTime(from)))
        }
        func priceText(_ price: BarPrice?) -> String {
            price?.close.map { " " + item.display.text($0, minus: .typographic) } ?? " (no price)"
        }
        markers.append(LineChart.Marker(instant: baseAt, day: bars.localDay(of: baseAt), label: "Base" + priceText(move.base)))
        markers.append(LineChart.Marker(instant: endAt, day: bars.localDay(of: endAt), label: "End" + priceText(move.end)))

        let name = status == .ok ? item.name : item.name + " (" + status.rawValue + ": " + status.minuteExplanation() + ")"
        return LineChart(
            title: heading, subject: event.title, subtitle: subtitle, yLabel: "Close",
            lines: [LineChart.Line(name: name, points: points, precision: item.display)], markers: markers, timeAxis: axis)
    }

    /// A chart per event and series (`minuteChart(around:series:window:)`), each on its own time
    /// axis, stacked in one panel headed by the series, the number of events and the window.
    public static func minutePanel(around events: [Event], series: [Series], window: EventWindow, eventsFile: String? = nil) -> ChartPanel {
        let subject = events.count == 1 ? "event #" + (events.first?.id ?? "") : String(events.count) + " events"
        var subtitle = "Window " + window.description + ": prices " + window.baseLabel + " to " + window.endLabel
        subtitle += " on intraday bars, each series in its own zone"
        if let eventsFile { subtitle += "; events from " + eventsFile }
        let charts = events.flatMap { event in series.map { minuteChart(around: event, series: $0, window: window) } }
        return ChartPanel(title: names(series) + " around " + subject, subtitle: subtitle, charts: charts)
    }

    /// `Thursday, June 8, 2023 10:14 America/New_York · window -30m:30m: prices u−30m to u+30m, one-minute bars`.
    private static func minuteSubtitle(event: Event, window: EventWindow, bars: IntradayBars?) -> String {
        var text = event.longDateText
        if let time = event.time { text += " " + time + (event.timeZone.map { " " + $0 } ?? "") }
        text += " · window " + window.description + ": prices " + window.baseLabel + " to " + window.endLabel
        if let bars { text += ", " + bars.barLengthText }
        return text
    }
}
