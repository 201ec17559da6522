import Testing
@testable import MarketLink

/// Expected ticks derived by hand in `Derivations/ticks.md`.
@Suite struct NumericTicksTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var low: Double
        var high: Double
        var maxIntervals: Int
        var step: Double
        var values: [Double]
        var labels: [String]
        var testDescription: String { "\(low)…\(high) in ≤\(maxIntervals)" }
    }

    static let cases: [Case] = [
        // DJIA closes, June 2022 – June 2023.
        Case(
            low: 30364.83, high: 34589.77, maxIntervals: 10, step: 500,
            values: stride(from: 30000.0, through: 35000, by: 500).map { $0 },
            labels: [
                "30,000", "30,500", "31,000", "31,500", "32,000", "32,500", "33,000", "33,500", "34,000", "34,500",
                "35,000",
            ]),
        Case(
            low: 30364.83, high: 34589.77, maxIntervals: 6, step: 1000,
            values: [30000, 31000, 32000, 33000, 34000, 35000],
            labels: ["30,000", "31,000", "32,000", "33,000", "34,000", "35,000"]),
        Case(
            low: 34589.77, high: 30364.83, maxIntervals: 6, step: 1000,
            values: [30000, 31000, 32000, 33000, 34000, 35000],
            labels: ["30,000", "31,000", "32,000", "33,000", "34,000", "35,000"]),
        Case(
            low: 98.47, high: 102.48, maxIntervals: 6, step: 1, values: [98, 99, 100, 101, 102, 103],
            labels: ["98", "99", "100", "101", "102", "103"]),
        Case(
            low: 0.3, high: 0.7, maxIntervals: 4, step: 0.1, values: [0.3, 0.4, 0.5, 0.6, 0.7],
            labels: ["0.3", "0.4", "0.5", "0.6", "0.7"]),
        Case(
            low: -1.05, high: 1.3, maxIntervals: 5, step: 1, values: [-2, -1, 0, 1, 2],
            labels: ["\u{2212}2", "\u{2212}1", "0", "1", "2"]),
        Case(
            low: 5, high: 5, maxIntervals: 4, step: 0.05, values: [4.95, 5, 5.05],
            labels: ["4.95", "5.00", "5.05"]),
        Case(
            low: 0, high: 0, maxIntervals: 4, step: 0.5, values: [-1, -0.5, 0, 0.5, 1],
            labels: ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"]),
        Case(
            low: .nan, high: 1, maxIntervals: 4, step: 0.5, values: [0, 0.5, 1], labels: ["0.0", "0.5", "1.0"]),
    ]

    @Test(arguments: cases)
    func niceTicks(_ c: Case) {
        let ticks = NumericTicks(covering: c.low, c.high, maxIntervals: c.maxIntervals)
        #expect(ticks.step == c.step)
        #expect(ticks.values == c.values)
        #expect(ticks.values.map(ticks.label) == c.labels)
        #expect(ticks.lower == c.values.first && ticks.upper == c.values.last)
    }

    @Test func hugeAndTinyRangesDoNotTrap() {
        for (low, high) in [
            (1e300, 1.0000001e300), (-Double.greatestFiniteMagnitude, .greatestFiniteMagnitude),
            (1e-300, 2e-300), (1e15, 1e15 + 1),
        ] {
            let ticks = NumericTicks(covering: low, high, maxIntervals: 6)
            #expect(ticks.values.count >= 2)
            #expect(ticks.lower <= min(low, high) && ticks.upper >= max(low, high))
        }
    }
}
