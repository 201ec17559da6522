import Foundation
import Testing
@testable import MarketLink

@Suite struct BandChartTests {
    typealias F = ChartFixtures

    @Test func isWellFormedSVGWithBandLineAndEventSession() throws {
        let parsed = ParsedXML(F.caarChart.svg(width: 640, height: 360))
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        try expectPlainCoordinates(parsed)
        #expect(parsed.elements.dropFirst().first?.text == F.caarChart.title)
        // Values from the fixture's formula: k = −5 → −0.25 ± 0.80; k = +1 → 0.26 ± 0.48.
        let desc = try #require(parsed.all("desc").first).text
        #expect(desc.contains("Session \u{2212}5: \u{2212}0.25 (\u{2212}1.05 to 0.55)"))
        #expect(desc.contains("Session +1: 0.26 (\u{2212}0.22 to 0.74)"))
        // One closed band path, one line, eleven points with tooltips, the event session marked.
        #expect(
            parsed.all("path").filter { $0.attributes["d"]?.hasSuffix(" Z") == true && $0.attributes["fill"] == nil }
                .count == 1)
        #expect(parsed.all("title").filter { $0.text.hasPrefix("Session ") }.count == 11)
        #expect(
            parsed.all("title").map(\.text).contains("Session +1: CAAR 0.26 (95% confidence band \u{2212}0.22 to 0.74)")
        )
        #expect(parsed.all("text").map(\.text).contains("Event session"))
        #expect(parsed.all("text").map(\.text).contains("\u{2212}5") && parsed.all("text").map(\.text).contains("+5"))
    }

    @Test func sameChartGivesSameBytes() {
        let rebuilt = BandChart(
            title: F.caarChart.title, subtitle: F.caarChart.subtitle, sessions: F.caarChart.sessions.reversed())
        #expect(F.caarChart.svg() == F.caarChart.svg())
        // Sessions are drawn in offset order whatever order they come in.
        #expect(F.caarChart.svg() == rebuilt.svg())
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let chart = BandChart(
            title: F.hostile, subtitle: F.hostile, yLabel: F.hostile, xLabel: F.hostile, valueName: F.hostile,
            bandName: F.hostile, sessions: F.caarChart.sessions)
        let svg = chart.svg(width: 1400)
        #expect(!svg.contains("<script"))
        #expect(svg.contains(F.hostileEscaped))
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(parsed.elements.dropFirst().first?.text == F.hostile)
        // Title, subtitle, two legend names, y label, x label.
        #expect(parsed.all("text").filter { $0.text == F.hostile }.count == 6)
    }

    @Test func runsBreakAtGapsAndNonFiniteValues() {
        let sessions = [-2, -1, 0, 1, 3, 4].map { k in
            BandChart.Session(offset: k, value: k == 0 ? .nan : Double(k), lower: -1, upper: 1)
        }
        #expect(
            BandChart.runs(sessions, where: { $0.value.isFinite }).map { $0.map(\.offset) } == [
                [-2, -1], [1], [3, 4],
            ])
        #expect(BandChart.runs(sessions, where: { _ in true }).map { $0.map(\.offset) } == [[-2, -1, 0, 1], [3, 4]])
    }

    @Test func gapsInTheBandGiveSeparatePiecesAndLoneSessionsABar() throws {
        let sessions = (-3...3).map { k in
            BandChart.Session(offset: k, value: 0.1 * Double(k), lower: k == -2 || k == 0 ? .nan : -1, upper: 1)
        }
        let parsed = ParsedXML(BandChart(title: "Gaps", sessions: sessions).svg())
        #expect(parsed.isWellFormed)
        // Bounds finite at −3 (alone), −1 (alone), 1…3 (a run): two bars and one closed path.
        #expect(
            parsed.all("path").filter { $0.attributes["d"]?.hasSuffix(" Z") == true && $0.attributes["fill"] == nil }
                .count == 1)
        #expect(parsed.all("rect").filter { $0.attributes["width"] == "8" }.count == 2)
    }

    // Derivation in Derivations/ticks.md.
    @Test(arguments: [
        (-20, 20, 6, ["\u{2212}20", "\u{2212}10", "0", "+10", "+20"]),
        (
            -5, 5, 20,
            ["\u{2212}5", "\u{2212}4", "\u{2212}3", "\u{2212}2", "\u{2212}1", "0", "+1", "+2", "+3", "+4", "+5"]
        ),
        (0, 2, 10, ["0", "+1", "+2"]),
    ])
    func sessionTicks(first: Int, last: Int, maxTicks: Int, labels: [String]) {
        #expect(BandChart.sessionTicks(from: first, to: last, maxTicks: maxTicks).map(\.label) == labels)
    }

    @Test(arguments: [
        ("no sessions", [BandChart.Session]()),
        ("all NaN", [BandChart.Session(offset: 0, value: .nan, lower: .nan, upper: .nan)]),
        ("one session", [BandChart.Session(offset: 0, value: 0.5, lower: 0.1, upper: 0.9)]),
        (
            "bounds swapped",
            [
                BandChart.Session(offset: 0, value: 0.5, lower: 0.9, upper: 0.1),
                .init(offset: 1, value: 0, lower: 1, upper: -1),
            ]
        ),
        (
            "extreme offsets",
            [
                .init(offset: Int.min, value: 1, lower: 0, upper: 2),
                .init(offset: Int.max, value: 1, lower: 0, upper: 2),
            ]
        ),
        ("far from zero", [.init(offset: 1_000_000, value: 1e300, lower: -1e300, upper: .infinity)]),
    ])
    func edgeCasesGiveWellFormedSVG(name: String, sessions: [BandChart.Session]) throws {
        let chart = BandChart(title: name, sessions: sessions)
        let parsed = ParsedXML(chart.svg())
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        try expectPlainCoordinates(parsed)
    }
}
