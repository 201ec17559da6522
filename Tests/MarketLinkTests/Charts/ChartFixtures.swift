@testable import MarketLink

/// Small charts shared by the chart tests and the golden files: closes of the Dow Jones
/// Industrial Average and the SSE Composite in June 2023 as published by S&P Dow Jones Indices
/// and the Shanghai Stock Exchange (the SSE had no session on 2023-06-22 and 06-23, Dragon Boat
/// Festival; the NYSE none on 06-19, Juneteenth).
enum ChartFixtures {
    static func day(_ iso: String) -> Day { Day(iso: iso) ?? Day(ordinal: 0) }

    static let djiaCloses: [(String, Double)] = [
        ("2023-06-01", 33061.57), ("2023-06-02", 33762.76), ("2023-06-05", 33562.86), ("2023-06-06", 33573.28),
        ("2023-06-07", 33665.02), ("2023-06-08", 33833.61), ("2023-06-09", 33876.78), ("2023-06-12", 34066.33),
        ("2023-06-13", 34212.12), ("2023-06-14", 33979.33), ("2023-06-15", 34408.06), ("2023-06-16", 34299.12),
    ]

    static let sseCloses: [(String, Double)] = [
        ("2023-06-01", 3204.64), ("2023-06-02", 3230.07), ("2023-06-05", 3232.44), ("2023-06-06", 3195.34),
        ("2023-06-07", 3197.76), ("2023-06-08", 3213.59), ("2023-06-09", 3231.41), ("2023-06-12", 3228.83),
        ("2023-06-13", 3233.67), ("2023-06-14", 3228.99), ("2023-06-15", 3252.98), ("2023-06-16", 3273.33),
    ]

    static func points(_ closes: [(String, Double)]) -> [LineChart.Point] {
        closes.map { LineChart.Point(day: day($0.0), value: $0.1) }
    }

    /// Both indexes rebased to 100 at the close of Tuesday 2023-06-06, with two markers.
    static let rebasedChart = LineChart(
        title: "DJIA and SSE Composite around the visit announcement",
        subtitle: "Daily closes, rebased to 100 at the close of Tuesday, June 6, 2023",
        yLabel: "Close (June 6 = 100)",
        lines: [
            LineChart.Line(name: "DJIA", points: points(djiaCloses), rebaseDay: day("2023-06-06")),
            LineChart.Line(name: "SSE Composite", points: points(sseCloses), rebaseDay: day("2023-06-06")),
        ],
        markers: [
            LineChart.Marker(day: day("2023-06-07"), label: "Visit announced"),
            LineChart.Marker(day: day("2023-06-14"), label: "Rate decision"),
        ])

    /// A CAAR chart over sessions −5 … +5 with a band that widens away from the event.
    /// Values are illustrative, not an estimate: CAAR k = 0.05·k before the event and
    /// 0.2 + 0.06·k from it; half-width 0.4 + 0.08·|k|.
    static let caarChart = BandChart(
        title: "Cumulative average abnormal return, DJIA, 12 events",
        subtitle: "Market model, estimation window −250 to −11 sessions",
        sessions: (-5...5).map { k in
            let value = k < 0 ? 0.05 * Double(k) : 0.2 + 0.06 * Double(k)
            let halfWidth = 0.4 + 0.08 * Double(abs(k))
            return BandChart.Session(offset: k, value: value, lower: value - halfWidth, upper: value + halfWidth)
        })

    static let hostile = "<script>alert(1)</script> & \"quotes\""
    static let hostileEscaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"
}
