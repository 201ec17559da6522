import Foundation
import Testing
@testable import MarketLink

/// Charts around events and over ranges on the fixtures. Closes and rebased values are derived
/// in `Derivations/fixture-numbers.md`.
@Suite struct EventChartsTests {
    typealias F = ReportFixtures

    static func window(_ text: String) throws -> EventWindow { try EventWindow(parsing: text) }

    // MARK: - Around one event

    @Test func drawsEachSeriesFromTheBaseToTheEndSession() throws {
        let series = try F.collection().series
        let chart = EventCharts.chart(
            around: try F.event("11"), series: series, window: try Self.window("0:1"), rebase: true)
        #expect(chart.lines.map(\.name) == ["DJIA", "SSE"])
        let djia = try #require(chart.lines.first)
        #expect(djia.points.map(\.day.iso) == ["2023-06-06", "2023-06-07", "2023-06-08"])
        #expect(djia.points.map(\.value) == [33573.28, 33665.02, 33833.61])
        #expect(djia.rebaseDay == F.day("2023-06-06"))
        let sse = try #require(chart.lines.last)
        #expect(sse.points.map(\.value) == [3195.34, 3197.76, 3213.59])
        #expect(chart.markers == [LineChart.Marker(day: F.day("2023-06-07"), label: "Event session")])
        // The event's number first, its title on the line under it.
        #expect(chart.title == "Event 11 · DJIA, SSE")
        #expect(chart.subject == "Ambassador Xie Feng addresses the US-China Business Council")
        #expect(chart.yLabel == "Index, t0\u{2212}1 = 100")
        // Rebased as drawn: 100 · close / close(2023-06-06).
        let svg = chart.svg()
        for tooltip in [
            "DJIA, Tue 2023-06-06: 100.00 (33,573.28)", "DJIA, Wed 2023-06-07: 100.27 (33,665.02)",
            "DJIA, Thu 2023-06-08: 100.78 (33,833.61)", "SSE, Wed 2023-06-07: 100.08 (3,197.76)",
            "SSE, Thu 2023-06-08: 100.57 (3,213.59)",
        ] {
            #expect(svg.contains("<title>" + tooltip + "</title>"), "\(tooltip)")
        }
    }

    @Test func weekendEventMarksTheEventDateAndTheSession() throws {
        let chart = EventCharts.chart(
            around: try F.event("6"), series: try F.collection().series, window: EventWindow.chartDefault, rebase: true)
        #expect(
            chart.markers == [
                LineChart.Marker(day: F.day("2023-05-22"), label: "Event session"),
                LineChart.Marker(day: F.day("2023-05-20"), label: "Event date (Saturday)"),
            ])
        // −5:5 around Monday 05-22: base t0−6 is Friday 05-12 in both markets (no holiday between).
        #expect(chart.lines.map { $0.points.first?.day.iso } == ["2023-05-12", "2023-05-12"])
        #expect(chart.lines.map(\.points.count) == [12, 12])
    }

    @Test func marketsWithDifferentEventSessionsGetAMarkerEach() throws {
        // Monday 2023-06-19 was Juneteenth: no NYSE session, so the DJIA's t0 is Tuesday 06-20.
        let chart = EventCharts.chart(
            around: try F.event("15"), series: try F.collection().series, window: try Self.window("0:0"),
            rebase: true)
        #expect(
            chart.markers == [
                LineChart.Marker(day: F.day("2023-06-20"), label: "Event session (DJIA)"),
                LineChart.Marker(day: F.day("2023-06-19"), label: "Event session (SSE)"),
            ])
        #expect(chart.lines[0].points.map(\.day.iso) == ["2023-06-16", "2023-06-20"])
        #expect(chart.lines[0].points.last?.value == 34053.87)
        #expect(chart.lines[1].points.map(\.day.iso) == ["2023-06-16", "2023-06-19"])
    }

    @Test func aBaseBeforeTheDataIsNotDrawnWhenRebasedAndClippedOtherwise() throws {
        // The fixtures start on 2022-06-01; event 1 (2022-12-07) has about 130 sessions before it.
        let series = try F.collection().series
        let event = try F.event("1")
        let window = try Self.window("-200:0")
        let rebased = EventCharts.chart(around: event, series: series, window: window, rebase: true)
        #expect(rebased.lines.allSatisfy { $0.points.isEmpty })
        #expect(
            rebased.lines.first?.name
                == "DJIA (not drawn: the base session t0\u{2212}201 is before the first session of the data)")
        let closes = EventCharts.chart(around: event, series: series, window: window, rebase: false)
        #expect(closes.lines.map { $0.points.first?.day.iso } == ["2022-06-01", "2022-06-01"])
        #expect(closes.lines.map { $0.points.last?.day.iso } == ["2022-12-07", "2022-12-07"])
        #expect(closes.lines.allSatisfy { $0.rebaseDay == nil })
    }

    @Test func anEventOutsideTheDataSaysWhyInTheLegend() throws {
        let late = Event(id: "late", title: "After the data", date: F.day("2024-01-02"))
        let chart = EventCharts.chart(
            around: late, series: try F.collection().series, window: EventWindow.chartDefault, rebase: true)
        #expect(chart.lines.first?.name == "DJIA (not drawn: the event is after the last session of the data)")
        #expect(chart.lines.allSatisfy { $0.points.isEmpty })
        #expect(chart.markers == [LineChart.Marker(day: F.day("2024-01-02"), label: "Event date (Tuesday)")])
        #expect(ParsedXML(chart.svg()).isWellFormed)
    }

    @Test func aBaseAfterTheDataIsNotDrawnRebased() throws {
        // 2023-06-30 is DJIA's last session; window 2:5 has its base at t0+1, after the data
        // (this used to trap reading the base's date).
        let djia = try #require(try F.collection().series.first)
        let last = Event(id: "last", title: "On the last session", date: F.day("2023-06-30"))
        let rebased = EventCharts.chart(around: last, series: [djia], window: try Self.window("2:5"), rebase: true)
        #expect(rebased.lines.map(\.name) == ["DJIA (not drawn: the base session t0+1 is after the last session of the data)"])
        #expect(rebased.lines.allSatisfy { $0.points.isEmpty })
        #expect(rebased.markers == [LineChart.Marker(day: F.day("2023-06-30"), label: "Event session")])
        let closes = EventCharts.chart(around: last, series: [djia], window: try Self.window("2:5"), rebase: false)
        #expect(closes.lines.map(\.name) == ["DJIA"])
        #expect(closes.lines.allSatisfy { $0.points.isEmpty && $0.rebaseDay == nil })
    }

    @Test func chartsFromSharedSessionsDrawFromTheirT0() throws {
        // The same EventSessions value a change table is made from: each line starts at its
        // series' base session t0−1 for 0:1 (event #11, 2023-06-07: t0 is Wednesday in both).
        let sessions = EventSessions(events: [try F.event("11")], series: try F.collection().series)
        let table = ChangeTable(sessions: sessions, windows: [try Self.window("0:1")])
        let chart = EventCharts.chart(around: 0, in: sessions, window: try Self.window("0:1"), rebase: true)
        #expect(chart.lines.map { $0.points.first?.day } == table.rows.map { $0.base?.day })
        #expect(chart.lines.map { $0.points.last?.day } == table.rows.map { $0.end?.day })
        #expect(chart.markers.map(\.day) == [try #require(table.rows.first?.eventSession?.day)])
        // An index past the events gives an empty chart, not a trap.
        #expect(EventCharts.chart(around: 5, in: sessions, window: try Self.window("0:1"), rebase: true).lines.isEmpty)
    }

    @Test func withoutRebasingEachSeriesGetsItsOwnChart() throws {
        let events = [try F.event("11"), try F.event("12")]
        let series = try F.collection().series
        let charts = EventCharts.charts(around: events, series: series, window: try Self.window("0:1"), rebase: false)
        #expect(charts.map(\.title) == ["Event 11 · DJIA", "Event 11 · SSE", "Event 12 · DJIA", "Event 12 · SSE"])
        #expect(
            charts.map(\.subject) == [
                "Ambassador Xie Feng addresses the US-China Business Council",
                "Ambassador Xie Feng addresses the US-China Business Council",
                "Politico reports the trip may come the next week", "Politico reports the trip may come the next week",
            ])
        #expect(charts.allSatisfy { $0.lines.count == 1 && $0.lines[0].rebaseDay == nil && $0.yLabel == "Close" })
        let rebased = EventCharts.charts(around: events, series: series, window: try Self.window("0:1"), rebase: true)
        #expect(rebased.count == 2)
        // Small multiples: one chart per series, rebased when asked.
        let multiples = EventCharts.charts(
            around: events, series: series, window: try Self.window("0:1"), rebase: true, layout: .multiples)
        #expect(multiples.map(\.title) == ["Event 11 · DJIA", "Event 11 · SSE", "Event 12 · DJIA", "Event 12 · SSE"])
        #expect(multiples.allSatisfy { $0.lines.count == 1 && $0.lines[0].rebaseDay != nil && $0.yLabel == "Index, t0\u{2212}1 = 100" })
    }

    @Test func theEventNumberSurvivesAPhoneWidth() throws {
        // Six long names do not fit 360 pixels; the title is cut at its end, after the number.
        let djia = try #require(try F.collection().series.first)
        let series = (1...6).map { k -> Series in
            var item = djia
            item.name = "Dow Jones Industrial Average, copy \(k)"
            return item
        }
        let chart = EventCharts.chart(around: try F.event("11"), series: series, window: try Self.window("0:1"), rebase: true)
        let parsed = ParsedXML(chart.fittingBoldTitle(width: 360).svg(width: 360, height: 340))
        let texts = parsed.all("text")
        let title = try #require(texts.first { $0.attributes["font-weight"] == "bold" })
        #expect(title.text.hasPrefix("Event 11 · Dow Jones") && title.text.hasSuffix("\u{2026}"))
        let subject = try #require(texts.first { $0.attributes["font-size"] == "13" })
        #expect(subject.text == "Ambassador Xie Feng addresses the US-China Business Council" || subject.text.hasSuffix("\u{2026}"))
        // Each line fits 360 − 2 · 16 pixels by the width estimate (the bold title within 1/1.12 of it).
        #expect(ChartText.width(title.text, size: 16) <= 328 / 1.12)
        #expect(ChartText.width(subject.text, size: 13) <= 328)
    }

    // MARK: - Over a range

    @Test func rangeChartGroupsEventsOfOneDayIntoOneMarker() throws {
        let chart = EventCharts.chart(
            from: F.day("2023-06-01"), to: F.day("2023-06-09"), series: try F.collection().series,
            events: try F.events(), rebase: true)
        #expect(
            chart.markers == [
                LineChart.Marker(day: F.day("2023-06-06"), label: "#9, #10"),
                LineChart.Marker(day: F.day("2023-06-07"), label: "#11"),
                LineChart.Marker(day: F.day("2023-06-08"), label: "#12, #13"),
                LineChart.Marker(day: F.day("2023-06-09"), label: "#14"),
            ])
        #expect(chart.lines.map(\.rebaseDay) == [F.day("2023-06-01"), F.day("2023-06-01")])
        #expect(chart.lines.map(\.points.count) == [7, 7])
        #expect(chart.title == "DJIA and SSE, June 1\u{2013}9, 2023")
        // The axis says what the numbers are.
        #expect(chart.yLabel == "Index, first session = 100")
        #expect(chart.subtitle == "June 1\u{2013}9, 2023: daily closes, each rebased to 100 at its first session; events marked by id")
    }

    @Test func smallMultiplesShareTheirDatesAndKeepTheirCloses() throws {
        // May 1–3, 2023 were Labour Day holidays in Shanghai: the SSE's first session in the range
        // is May 4, the DJIA's May 1; both charts still span May 1 … June 30.
        let charts = EventCharts.multiples(
            from: F.day("2023-05-01"), to: F.day("2023-06-30"), series: try F.collection().series, events: try F.events(),
            rebase: false)
        #expect(charts.map(\.title) == ["DJIA", "SSE"])
        #expect(charts.map { $0.lines.first?.points.first?.day.iso } == ["2023-05-01", "2023-05-04"])
        #expect(charts.allSatisfy { $0.dayRange == F.day("2023-05-01")...F.day("2023-06-30") })
        #expect(charts.allSatisfy { $0.yLabel == "Close" && $0.lines.allSatisfy { $0.rebaseDay == nil } })
        // Closes as they are: the DJIA on 2023-06-08 and the SSE on 2023-06-07 (fixture-numbers.md).
        #expect(charts[0].lines[0].points.contains(LineChart.Point(day: F.day("2023-06-08"), value: 33833.61)))
        #expect(charts[1].lines[0].points.contains(LineChart.Point(day: F.day("2023-06-07"), value: 3197.76)))
        // Events marked by id on each.
        #expect(charts.allSatisfy { $0.markers.contains(LineChart.Marker(day: F.day("2023-06-06"), label: "#9, #10")) })
        let panel = EventCharts.panel(
            from: F.day("2023-06-30"), to: F.day("2023-05-01"), series: try F.collection().series, events: [], rebase: false,
            layout: .multiples)
        #expect(panel.title == "DJIA and SSE, May 1\u{2013}June 30, 2023")
        #expect(panel.charts.count == 2)
        #expect(ParsedXML(panel.svg()).isWellFormed)
    }

    @Test func aFewEventsInARangeAreLabelledWithTheirTitles() throws {
        let chart = EventCharts.chart(
            from: F.day("2023-06-09"), to: F.day("2023-06-01"), series: try F.collection().series,
            events: try F.events().filter { ["11", "14"].contains($0.id) }, rebase: false)
        #expect(
            chart.markers.map(\.label) == [
                "#11 Ambassador Xie Feng addresses the US-China Business Council",
                "#14 China's foreign ministry urges US diplomats to act on that promise",
            ])
        #expect(chart.lines.allSatisfy { $0.rebaseDay == nil })
        #expect(chart.lines.first?.points.first?.day == F.day("2023-06-01"))
    }

    @Test func aRangeWithoutSessionsSaysSo() throws {
        let chart = EventCharts.chart(
            from: F.day("2021-01-01"), to: F.day("2021-12-31"), series: try F.collection().series, events: [],
            rebase: true)
        #expect(chart.lines.map(\.name) == ["DJIA (no sessions in the range)", "SSE (no sessions in the range)"])
        #expect(ParsedXML(chart.svg()).isWellFormed)
    }

    // MARK: - Words

    @Test(arguments: [(0, "t0"), (1, "t0+1"), (-6, "t0\u{2212}6"), (Int.min, "t0\u{2212}9223372036854775808")])
    func sessionLabels(offset: Int, label: String) {
        #expect(EventWindow.label(offset: offset) == label)
    }
}
