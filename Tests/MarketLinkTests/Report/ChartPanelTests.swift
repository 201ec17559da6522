import Foundation
import Testing
@testable import MarketLink

@Suite struct ChartPanelTests {
    typealias F = ReportFixtures

    static func panel() throws -> ChartPanel {
        let events = try F.events().filter { ["6", "11", "15"].contains($0.id) }
        return EventCharts.panel(
            around: events, series: try F.collection().series, window: EventWindow.chartDefault, rebase: true,
            eventsFile: "events-2023.csv")
    }

    @Test func stacksEachChartAsANestedSVGUnderTheHeading() throws {
        let panel = try Self.panel()
        #expect(panel.title == "DJIA and SSE around 3 events")
        #expect(panel.charts.count == 3)
        let svg = panel.svg(width: 700, chartHeight: 300)
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        let roots = parsed.all("svg")
        #expect(roots.count == 4)
        // Heading: 16 margin + 15 baseline, 4 + 16 for the subtitle, 12 gap = 63; then 300 + 12 per chart.
        #expect(roots[0].attributes["height"] == "999")
        #expect(roots[0].attributes["width"] == "700")
        let moves = parsed.all("g").compactMap { $0.attributes["transform"] }.filter { $0.hasPrefix("translate(0 ") }
        #expect(moves == ["translate(0 63)", "translate(0 375)", "translate(0 687)"])
        #expect(roots.dropFirst().allSatisfy { $0.attributes["width"] == "700" && $0.attributes["height"] == "300" })
        #expect(parsed.elements[1].name == "title" && parsed.elements[1].text == "DJIA and SSE around 3 events")
    }

    @Test func sameInputSameBytes() throws {
        #expect(try Self.panel().svg() == Self.panel().svg())
    }

    @Test func oneChartWithoutHeadingOrKeyIsTheChartItself() throws {
        let chart = EventCharts.chart(
            around: try F.event("11"), series: try F.collection().series, window: EventWindow.chartDefault, rebase: true)
        #expect(ChartPanel(title: "", charts: [chart]).svg(width: 720, chartHeight: 360) == chart.svg(width: 720, height: 360))
    }

    @Test func rangePanelListsTheMarkedEventsUnderTheChart() throws {
        let panel = EventCharts.panel(
            from: F.day("2023-06-01"), to: F.day("2023-06-09"), series: try F.collection().series,
            events: try F.events(), rebase: true)
        #expect(panel.key.first == "#9 2023-06-06 CNN reports Blinken will travel to China in the coming weeks")
        #expect(panel.key.count == 6)
        let parsed = ParsedXML(panel.svg())
        #expect(parsed.isWellFormed)
        #expect(parsed.all("text").contains { $0.text == "#11 2023-06-07 Ambassador Xie Feng addresses the US-China Business Council" })
    }

    @Test func hostileTitlesStayText() throws {
        let event = Event(id: "x", title: F.hostile, date: F.day("2023-06-07"))
        let panel = EventCharts.panel(
            around: [event, event], series: try F.collection().series, window: EventWindow.chartDefault,
            rebase: true, eventsFile: F.hostile)
        let svg = panel.svg()
        #expect(!svg.contains("<script"))
        #expect(svg.contains(F.hostileEscaped))
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed)
        #expect(parsed.all("title").contains { $0.text == "Event x · DJIA, SSE: " + F.hostile })
    }

    @Test func longTitlesAreShortenedToFitUnderTheEventNumber() throws {
        let long = String(repeating: "Wide Words ", count: 20)
        let event = Event(id: "1", title: long, date: F.day("2023-06-07"))
        let svg = EventCharts.panel(
            around: [event, event], series: try F.collection().series, window: EventWindow.chartDefault, rebase: true
        ).svg(width: 800)
        let parsed = ParsedXML(svg)
        let titles = parsed.all("text").filter { $0.attributes["font-weight"] == "bold" && $0.text.hasPrefix("Event 1 ") }
        #expect(titles.map(\.text) == ["Event 1 · DJIA, SSE", "Event 1 · DJIA, SSE"])
        // The event's title on its own line (13 px), cut with … to 800 − 32 pixels.
        let subjects = parsed.all("text").filter { $0.attributes["font-size"] == "13" }
        #expect(subjects.count == 2)
        #expect(subjects.allSatisfy { $0.text.hasPrefix("Wide Words") && $0.text.hasSuffix("\u{2026}") && ChartText.width($0.text, size: 13) <= 768 })
    }

    @Test func boldTitlesAreShortenedToFit() throws {
        var chart = EventCharts.chart(
            around: Event(id: "1", title: "t", date: F.day("2023-06-07")), series: try F.collection().series,
            window: EventWindow.chartDefault, rebase: true)
        chart.title = String(repeating: "Wide Words ", count: 20)
        let parsed = ParsedXML(ChartPanel(title: "", charts: [chart]).svg(width: 800))
        let title = try #require(parsed.all("text").first { $0.attributes["font-weight"] == "bold" })
        // At most (800 − 32) / 1.12 pixels by the regular-weight estimate.
        #expect(title.text.hasSuffix("\u{2026}") && ChartText.width(title.text, size: 16) <= 768 / 1.12)
    }
}
