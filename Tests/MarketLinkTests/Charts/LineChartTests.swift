import Foundation
import Testing
@testable import MarketLink

@Suite struct LineChartTests {
    typealias F = ChartFixtures

    // MARK: - Rebasing (derivation in Derivations/ticks.md)

    @Test func rebasesToHundredAtTheBaseDay() throws {
        let line = LineChart.Line(name: "DJIA", points: F.points(F.djiaCloses), rebaseDay: F.day("2023-06-06"))
        let points = try #require(line.plottedPoints())
        let byDay = Dictionary(uniqueKeysWithValues: points.map { ($0.day.iso, $0.value) })
        #expect(byDay["2023-06-06"] == 100)
        #expect(abs(try #require(byDay["2023-06-08"]) - 100.775408300886895769) < 1e-12)
        #expect(abs(try #require(byDay["2023-06-01"]) - 98.475841502528200997) < 1e-12)
        let sse = LineChart.Line(name: "SSE", points: F.points(F.sseCloses), rebaseDay: F.day("2023-06-06"))
        let sseOnEighth = try #require(sse.plottedPoints()?.first { $0.day.iso == "2023-06-08" })
        #expect(abs(sseOnEighth.value - 100.571144228783165484) < 1e-12)
    }

    @Test func withoutRebaseDayPointsAreSortedAndUnchanged() throws {
        let shuffled = [F.points(F.djiaCloses)[3], F.points(F.djiaCloses)[0], F.points(F.djiaCloses)[1]]
        let points = try #require(LineChart.Line(name: "DJIA", points: shuffled).plottedPoints())
        #expect(points.map(\.day.iso) == ["2023-06-01", "2023-06-02", "2023-06-06"])
        #expect(points.map(\.value) == [33061.57, 33762.76, 33573.28])
    }

    @Test(arguments: [("2023-06-03", 33573.28), ("2023-06-06", 0), ("2023-06-06", .nan), ("2023-06-06", .infinity)])
    func noUsableBaseMeansNotDrawn(rebaseDay: String, baseValue: Double) {
        let points = [
            LineChart.Point(day: F.day("2023-06-06"), value: baseValue),
            LineChart.Point(day: F.day("2023-06-07"), value: 33665.02),
        ]
        let line = LineChart.Line(name: "DJIA", points: points, rebaseDay: F.day(rebaseDay))
        #expect(line.plottedPoints() == nil)
        let svg = LineChart(title: "t", lines: [line]).svg()
        #expect(svg.contains("DJIA (not drawn: no value on \(rebaseDay) to rebase to)"))
        // The legend's line sample is the only path, and no point has a tooltip.
        #expect(svg.components(separatedBy: "<path d=\"M").count == 2)
        #expect(!svg.contains("DJIA, "))
        #expect(ParsedXML(svg).isWellFormed)
    }

    // MARK: - Document

    @Test func isWellFormedSVGWithTitleFirst() throws {
        let svg = F.rebasedChart.svg(width: 640, height: 360)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        let root = try #require(parsed.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["width"] == "640" && root.attributes["height"] == "360")
        #expect(root.attributes["viewBox"] == "0 0 640 360")
        #expect(parsed.elements.dropFirst().first?.name == "title")
        #expect(parsed.elements.dropFirst().first?.text == F.rebasedChart.title)
        let desc = try #require(parsed.all("desc").first).text
        #expect(desc.contains("DJIA: 12 values from 2023-06-01 to 2023-06-16, rebased to 100 on 2023-06-06"))
        #expect(desc.contains("Events: 2023-06-07 Visit announced; 2023-06-14 Rate decision."))
        // Two lines, each a path with its own style; 24 points with tooltips.
        let paths = parsed.all("path").filter {
            $0.attributes["d"]?.hasPrefix("M") == true && $0.attributes["fill"] == "none"
        }
        #expect(paths.map { $0.attributes["stroke"] } == ["#1f3a5f", "#e07b24", "#1f3a5f", "#e07b24"])
        let tooltips = parsed.all("title").map(\.text)
        #expect(tooltips.contains("DJIA, Thu 2023-06-08: 100.78 (33,833.61)"))
        #expect(tooltips.contains("SSE Composite, Thu 2023-06-08: 100.57 (3,213.59)"))
    }

    @Test func sameChartGivesSameBytes() {
        let first = F.rebasedChart.svg()
        // Rebuilt from scratch, not copied.
        let rebuilt = LineChart(
            title: F.rebasedChart.title, subtitle: F.rebasedChart.subtitle, yLabel: F.rebasedChart.yLabel,
            lines: F.rebasedChart.lines.map {
                LineChart.Line(name: $0.name, points: $0.points, rebaseDay: $0.rebaseDay)
            },
            markers: F.rebasedChart.markers)
        #expect(first == rebuilt.svg())
        #expect(first == F.rebasedChart.svg())
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let chart = LineChart(
            title: F.hostile, subtitle: F.hostile, yLabel: F.hostile,
            lines: [LineChart.Line(name: F.hostile, points: F.points(F.djiaCloses))],
            markers: [LineChart.Marker(day: F.day("2023-06-07"), label: F.hostile)])
        let svg = chart.svg(width: 1200)
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("\"quotes\""))
        #expect(svg.contains(F.hostileEscaped))
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(!parsed.elements.contains { $0.name == "script" })
        #expect(parsed.elements.dropFirst().first?.text == F.hostile)
        // Title, subtitle, y label, legend, marker label, and the line's hover title.
        #expect(parsed.all("text").filter { $0.text == F.hostile }.count == 5)
    }

    @Test func controlCharactersInTextStillGiveWellFormedXML() {
        let chart = LineChart(
            title: "bell\u{7} nul\u{0} line\nbreak",
            lines: [LineChart.Line(name: "a\u{1B}b", points: F.points(F.djiaCloses))],
            markers: [LineChart.Marker(day: F.day("2023-06-07"), label: "\u{FFFF}")])
        let parsed = ParsedXML(chart.svg())
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(parsed.elements.dropFirst().first?.text == "bell\u{FFFD} nul\u{FFFD} line break")
    }

    // MARK: - Edge cases

    struct EdgeCase: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var chart: LineChart
        var width = 800
        var height = 400
    }

    static let edgeCases: [EdgeCase] = [
        EdgeCase(testDescription: "no lines", chart: LineChart(title: "Nothing", lines: [])),
        EdgeCase(
            testDescription: "empty line", chart: LineChart(title: "Empty", lines: [.init(name: "x", points: [])])),
        EdgeCase(
            testDescription: "markers only",
            chart: LineChart(title: "M", lines: [], markers: [.init(day: F.day("2023-06-07"), label: "m")])),
        EdgeCase(
            testDescription: "one point",
            chart: LineChart(
                title: "One", lines: [.init(name: "x", points: [.init(day: F.day("2023-06-07"), value: 5)])])),
        EdgeCase(
            testDescription: "non-finite values",
            chart: LineChart(
                title: "NaN",
                lines: [
                    .init(
                        name: "x",
                        points: F.points(F.djiaCloses).enumerated().map {
                            .init(
                                day: $0.element.day,
                                value: $0.offset % 3 == 1 ? .nan : $0.offset == 5 ? -.infinity : $0.element.value)
                        })
                ])),
        EdgeCase(testDescription: "tiny size", chart: F.rebasedChart, width: 0, height: -5),
        EdgeCase(testDescription: "huge size", chart: F.rebasedChart, width: Int.max, height: Int.max),
        EdgeCase(
            testDescription: "many markers on one day",
            chart: LineChart(
                title: "Crowded", lines: [.init(name: "x", points: F.points(F.djiaCloses))],
                markers: (0..<12).map {
                    .init(day: F.day("2023-06-07"), label: "Marker number \($0) with a long label")
                }),
            width: 360, height: 300),
        EdgeCase(
            testDescription: "extreme days",
            chart: LineChart(
                title: "Extreme days",
                lines: [
                    .init(
                        name: "x",
                        points: [.init(day: Day(ordinal: .min), value: 1), .init(day: Day(ordinal: .max), value: 2)])
                ],
                markers: [.init(day: Day(ordinal: .max), label: "end")])),
        EdgeCase(
            testDescription: "one day at the end of time",
            chart: LineChart(
                title: "Last day", lines: [.init(name: "x", points: [.init(day: Day(ordinal: .max), value: 1)])])),
        EdgeCase(
            testDescription: "extreme values",
            chart: LineChart(
                title: "Extreme",
                lines: [
                    .init(
                        name: "x",
                        points: [
                            .init(day: F.day("2023-06-07"), value: -1e308),
                            .init(day: F.day("2023-06-08"), value: 1e308),
                        ])
                ])),
    ]

    @Test(arguments: edgeCases)
    func edgeCasesGiveWellFormedSVGWithPlainCoordinates(_ edge: EdgeCase) throws {
        let svg = edge.chart.svg(width: edge.width, height: edge.height)
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        try expectPlainCoordinates(parsed)
        #expect(svg == edge.chart.svg(width: edge.width, height: edge.height))
    }

    // MARK: - Markers (derivation in Derivations/ticks.md)

    @Test func markerLabelsTakeRows() {
        let placed = ChartFrame.placeMarkers(
            [
                .init(position: 10, label: "Alpha"), .init(position: 12, label: "Beta"),
                .init(position: 50, label: "Gamma"),
            ],
            plotLeft: 0, plotRight: 100, width: 132, xLower: 0, xUpper: 100)
        #expect(placed.map(\.label) == ["Alpha", "Beta", "Gamma"])
        #expect(placed.map(\.row) == [1, 0, 0])
        #expect(placed.map(\.anchorsAtEnd) == [false, false, false])
        #expect(abs(placed[0].high - 47.24) < 1e-9 && abs(placed[2].high - 96.92) < 1e-9)
    }

    @Test func aShortLabelIsWrittenWholeWhereTheLabelWouldBeCut() {
        // A marker at the right edge of a 200 px plot (x = 200 of a 232 px chart, margins 16): 12 px
        // of room on its right, 180 on its left, and a label is at most 45% of the plot (90 px). The
        // label needs more; the short form fits.
        let size = ChartStyle.labelSize
        let long = "10:14 a.m. announcement"
        let short = "10:14 a.m."
        let room = 200 * 0.45
        #expect(ChartText.width(long, size: size) > room && ChartText.width(short, size: size) <= room)
        let placed = ChartFrame.placeMarkers(
            [.init(position: 100, label: long, shortLabel: short)], plotLeft: 0, plotRight: 200, width: 232, xLower: 0, xUpper: 100)
        #expect(placed.map(\.label) == [short])
        // Without a short form the label is cut, as before.
        let cut = ChartFrame.placeMarkers(
            [.init(position: 100, label: long)], plotLeft: 0, plotRight: 200, width: 232, xLower: 0, xUpper: 100)
        #expect(cut.first?.label.hasSuffix("\u{2026}") == true)
        // A label that fits is kept whole even when a short form is given.
        let wide = ChartFrame.placeMarkers(
            [.init(position: 10, label: long, shortLabel: short)], plotLeft: 0, plotRight: 800, width: 832, xLower: 0, xUpper: 100)
        #expect(wide.map(\.label) == [long])
    }

    @Test func markerLabelsInOneRowNeverOverlap() {
        // Markers on every other day of June 2023 with labels of growing length.
        let markers = (0..<15).map { k in
            ChartFrame.Marker(position: Double(2 * k), label: String(repeating: "Event ", count: 1 + k % 4))
        }
        for width in [320.0, 640, 1200] {
            let placed = ChartFrame.placeMarkers(
                markers, plotLeft: 60, plotRight: width - 24, width: width, xLower: -1, xUpper: 29)
            #expect(placed.count == markers.count)
            for a in placed.indices where !placed[a].label.isEmpty {
                for b in placed.indices where a < b && placed[a].row == placed[b].row && !placed[b].label.isEmpty {
                    #expect(placed[a].high <= placed[b].low || placed[b].high <= placed[a].low)
                }
                #expect(placed[a].low >= ChartFrame.margin && placed[a].high <= width - ChartFrame.margin + 2)
            }
        }
    }
}

/// Every numeric attribute is a plain decimal with at most two decimals, and every path is
/// made of such numbers: no `nan`, no exponent, no locale.
func expectPlainCoordinates(_ parsed: ParsedXML, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let number = try Regex("^-?[0-9]+(\\.[0-9]{1,2})?$")
    let numeric: Set = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "font-size"]
    for element in parsed.elements {
        for (name, value) in element.attributes where numeric.contains(name) {
            #expect(
                value.wholeMatch(of: number) != nil, "\(element.name) \(name)=\"\(value)\"",
                sourceLocation: sourceLocation)
        }
        if let d = element.attributes["d"] {
            for token in d.split(whereSeparator: { " MLZ".contains($0) }) {
                #expect(token.wholeMatch(of: number) != nil, "path token \"\(token)\"", sourceLocation: sourceLocation)
            }
        }
    }
}
