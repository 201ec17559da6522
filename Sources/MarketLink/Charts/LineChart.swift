// MARK: - Line chart

/// A chart of one or more named lines over calendar days, with labelled event markers: the
/// closes of several indexes around an event, say, each optionally rebased to 100 at its base
/// session so that markets of different levels share one axis.
///
/// The x axis is calendar time (a weekend is a gap two days wide), from the first to the last
/// day that has a point or a marker. `svg(width:height:)` draws the chart as a standalone
/// SVG 1.1 document; the same chart always gives the same bytes.
public struct LineChart: Sendable, Equatable {
    /// One value on one day.
    public struct Point: Sendable, Equatable {
        /// The day the value is on (the x position).
        public var day: Day
        /// The value, a close in index points (or 100 at the rebase day when rebased).
        public var value: Double

        /// A value on a day.
        public init(day: Day, value: Double) {
            self.day = day
            self.value = value
        }
    }

    /// A named line. Points may come in any order (they are drawn in day order); a point whose
    /// value is not finite breaks the line in two.
    public struct Line: Sendable, Equatable {
        /// The legend name, e.g. a series' display name.
        public var name: String
        /// The line's points; none draws no line.
        public var points: [Point]
        /// When set, the line is drawn rebased: each value v as 100 · v / b, where b is the value
        /// on this day. A line whose rebase day has no point, or a zero or non-finite value
        /// there, is not drawn, and its legend entry says why.
        public var rebaseDay: Day?
        /// How the values as given are written in tooltips (a series' `display`, so that a Yahoo
        /// close reads `33,833.61`); rebased values always have two decimals.
        public var precision: DisplayPrecision

        /// A line; `rebaseDay` to draw it as 100 on that day.
        public init(name: String, points: [Point], rebaseDay: Day? = nil, precision: DisplayPrecision = .cents) {
            self.name = name
            self.points = points
            self.rebaseDay = rebaseDay
            self.precision = precision
        }
    }

    /// A vertical line at a day, labelled above the plot.
    public struct Marker: Sendable, Equatable {
        /// The day the marker stands at.
        public var day: Day
        /// The label written above the plot (an event id, `Event session`).
        public var label: String

        /// A marker at `day`.
        public init(day: Day, label: String) {
            self.day = day
            self.label = label
        }
    }

    /// The heading, in bold, shortened with `…` at its end to fit: put what must stay readable
    /// first (`Event 11 · DJIA, SSE`).
    public var title: String
    /// What the chart is about, on its own line under the title in regular weight (the event's
    /// title under `Event 11 · DJIA, SSE`), shortened with `…` to fit; `nil` for none.
    public var subject: String?
    /// A second, smaller heading line: the period, the data source, "rebased to 100 at …".
    public var subtitle: String?
    /// The y-axis label, e.g. `Close` or `Index, first session = 100`; empty for none.
    public var yLabel: String
    /// The lines drawn, in legend order; none gives an empty plot that says so.
    public var lines: [Line]
    /// The vertical markers; empty for none.
    public var markers: [Marker]
    /// Days the x axis spans at least, whatever the lines hold: charts drawn side by side (small
    /// multiples) share their dates this way. `nil`: the days of the points and markers only.
    public var dayRange: ClosedRange<Day>?

    /// A chart of `lines` with `markers`, headed by `title` (and `subject`, `subtitle` beneath).
    public init(
        title: String, subject: String? = nil, subtitle: String? = nil, yLabel: String = "", lines: [Line], markers: [Marker] = [],
        dayRange: ClosedRange<Day>? = nil
    ) {
        self.title = title
        self.subject = subject
        self.subtitle = subtitle
        self.yLabel = yLabel
        self.lines = lines
        self.markers = markers
        self.dayRange = dayRange
    }
}

// MARK: - Rebasing

extension LineChart.Line {
    /// The points as drawn, in day order (points on the same day keep their given order):
    /// unchanged without a rebase day; rebased to 100 at it, as 100 · v / b; `nil` when the
    /// rebase day has no point or its value b is zero or not finite. With several points on the
    /// rebase day, b is the first of them.
    func plottedPoints() -> [LineChart.Point]? {
        let ordered = orderedPoints()
        guard let rebaseDay else { return ordered }
        guard let base = ordered.first(where: { $0.day == rebaseDay })?.value, base.isFinite, base != 0 else {
            return nil
        }
        return ordered.map { LineChart.Point(day: $0.day, value: 100 * $0.value / base) }
    }

    /// The points in day order; points on the same day keep their given order.
    func orderedPoints() -> [LineChart.Point] {
        points.indices.sorted { a, b in
            points[a].day != points[b].day ? points[a].day < points[b].day : a < b
        }.map { points[$0] }
    }
}
