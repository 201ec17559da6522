import Foundation
import Testing

@testable import MarketLink

/// The time axis of charts of minute windows (issue 13, item 2: "Charts of a timed event on
/// intraday data have a time axis"). Instants are New York times in June 2023 (EDT, UTC−4):
/// 2023-06-08T00:00Z is 1,686,182,400 s, 2023-06-07T00:00Z 86,400 s less. Every position below
/// is worked by hand from the rule: trading time at its length, a gap at min(its length, trading
/// time shown / 25).
@Suite struct TimeAxisTests {
    /// The instant of `hour:minute` New York time on 2023-06-`day`.
    static func ny(_ day: Int, _ hour: Int, _ minute: Int) -> Double {
        let midnightUTC = 1_686_182_400.0 + Double(day - 8) * 86_400
        return midnightUTC + Double(hour + 4) * 3600 + Double(minute) * 60
    }

    static let zone = "America/New_York"

    @Test func aWindowAcrossTheOpenHasClockTicksFromTheOpenWithTheDateOnTheFirst() {
        // Event 2 of the intraday fixture: 09:31 with −30m:30m, so 09:01 … 10:01; NYSE trades from 09:30.
        let axis = TimeAxis(
            zoneIdentifier: Self.zone, from: Self.ny(8, 9, 1), to: Self.ny(8, 10, 1),
            trading: [TimeAxis.Span(start: Self.ny(8, 9, 30), end: Self.ny(8, 16, 0))])
        // Trading shown 09:30–10:01 = 1,860 s; the 29 minutes before the open (1,740 s) are drawn
        // as 1,860 / 25 = 74.4 s.
        #expect(axis.length == 1934.4)
        #expect(axis.position(Self.ny(8, 9, 30)) == 74.4)
        #expect(axis.position(Self.ny(8, 10, 0)) == 1874.4)
        // Half-way through the gap is half its drawn width.
        #expect(abs(axis.position(Self.ny(8, 9, 1) + 870) - 37.2) < 1e-9)
        // At 0.05 px/s, 10 minutes are 30 px (< 44) and 15 minutes 45 px: a tick every 15 minutes,
        // only where the market trades.
        let ticks = axis.ticks(pixelsPerSecond: 0.05)
        #expect(ticks.map(\.label) == ["09:30", "09:45", "10:00"])
        #expect(ticks.map(\.position) == [74.4, 974.4, 1874.4])
        #expect(ticks.map(\.context) == ["Thu Jun 8", nil, nil])
        #expect(axis.compressedGaps == [TimeAxis.Span(start: Self.ny(8, 9, 1), end: Self.ny(8, 9, 30))])
        // Finer scale, finer step: at 0.2 px/s five minutes are 60 px, two minutes 24 px.
        #expect(axis.ticks(pixelsPerSecond: 0.2).map(\.label) == ["09:30", "09:35", "09:40", "09:45", "09:50", "09:55", "10:00"])
    }

    @Test func theNightIsCompressedAndTheNewDayTickWins() {
        // 15:30 on 2023-06-07 to 10:00 on 2023-06-08: 30 trading minutes each side of the night.
        let axis = TimeAxis(
            zoneIdentifier: Self.zone, from: Self.ny(7, 15, 30), to: Self.ny(8, 10, 0),
            trading: [
                TimeAxis.Span(start: Self.ny(7, 9, 30), end: Self.ny(7, 16, 0)),
                TimeAxis.Span(start: Self.ny(8, 9, 30), end: Self.ny(8, 16, 0)),
            ])
        // Trading 3,600 s; the night 16:00 → 09:30 (63,000 s, 17.5 hours) is drawn as 144 s.
        #expect(axis.length == 3744)
        #expect(axis.position(Self.ny(7, 16, 0)) == 1800)
        #expect(axis.position(Self.ny(8, 9, 30)) == 1944)
        #expect(axis.compressedGaps == [TimeAxis.Span(start: Self.ny(7, 16, 0), end: Self.ny(8, 9, 30))])
        // 15-minute ticks; 16:00 and 09:30 are 144 · 0.05 = 7.2 px apart, so 09:30, the first
        // tick of the new session, replaces 16:00; it carries the new date.
        let ticks = axis.ticks(pixelsPerSecond: 0.05)
        #expect(ticks.map(\.label) == ["15:30", "15:45", "09:30", "09:45", "10:00"])
        #expect(ticks.map(\.position) == [0, 900, 1944, 2844, 3744])
        #expect(ticks.map(\.context) == ["Wed Jun 7", nil, "Thu Jun 8", nil, nil])
    }

    @Test func aChartOnATimeAxisEscapesItsTextsAndShadesTheNight() throws {
        let axis = TimeAxis(
            zoneIdentifier: Self.zone, from: Self.ny(7, 15, 58), to: Self.ny(8, 9, 32),
            trading: [
                TimeAxis.Span(start: Self.ny(7, 9, 30), end: Self.ny(7, 16, 0)),
                TimeAxis.Span(start: Self.ny(8, 9, 30), end: Self.ny(8, 16, 0)),
            ])
        func point(_ day: Int, _ hour: Int, _ minute: Int, _ value: Double) -> LineChart.Point {
            LineChart.Point(instant: Self.ny(day, hour, minute), day: ChartFixtures.day("2023-06-0\(day)"), value: value)
        }
        let chart = LineChart(
            title: "Event <1> · S&P \"500\"", subject: "Fed & <b>rates</b>", yLabel: "Close",
            lines: [
                LineChart.Line(
                    name: "S&P <500>",
                    points: [
                        point(7, 15, 59, 4266.0), point(7, 16, 0, 4267.52), point(8, 0, 0, .nan), point(8, 9, 30, 4267.52),
                        point(8, 9, 31, 4266.52), point(8, 9, 32, 4268.0),
                    ])
            ],
            markers: [LineChart.Marker(instant: Self.ny(8, 9, 31), day: ChartFixtures.day("2023-06-08"), label: "9:31 a.m. <announcement>")],
            timeAxis: axis)
        let svg = chart.svg()
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(svg.contains("Event &lt;1&gt; · S&amp;P"))
        #expect(svg.contains("Fed &amp; &lt;b&gt;rates&lt;/b&gt;"))
        #expect(svg.contains("9:31 a.m. &lt;announcement&gt;"))
        #expect(!svg.contains("<500>") && !svg.contains("<b>") && !svg.contains("<announcement>"))
        // The night is one shaded rectangle with a tooltip saying when.
        let gaps = parsed.elements.filter { $0.name == "title" && $0.text.hasPrefix("No trading") }
        #expect(gaps.map(\.text) == ["No trading 16:00 Wed Jun 7 to 09:30 Thu Jun 8 (drawn narrower)"])
        // Tooltips give the local date and time.
        #expect(parsed.elements.contains { $0.name == "title" && $0.text == "S&P <500>, Thu 2023-06-08 09:31: 4,266.52" })
        // Line paths: the legend's sample, then two drawn runs, the close of 2023-06-07 and the
        // open of 2023-06-08 (the line is broken over the night).
        #expect(parsed.elements.filter { $0.name == "path" && $0.attributes["fill"] == "none" }.count == 3)
    }
}
