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

        /// The instant the value is at (seconds since 1970-01-01T00:00Z), the x position on a
        /// chart with a `timeAxis`; `day` is then its local date. `nil` on a daily chart.
        public var instant: Double?

        /// A value on a day.
        public init(day: Day, value: Double) {
            self.day = day
            self.value = value
        }

        /// A value at an instant on a chart with a time axis; `day` is the instant's local date.
        public init(instant: Double, day: Day, value: Double) {
            self.day = day
            self.value = value
            self.instant = instant
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

        /// The instant the marker stands at on a chart with a `timeAxis` (an announcement);
        /// `nil` on a daily chart.
        public var instant: Double?

        /// A shorter label (`10:14 a.m.` for `10:14 a.m. announcement`), written whole instead of
        /// `label` cut with `…` when `label` does not fit; `nil`: cut `label`.
        public var shortLabel: String?

        /// A marker at `day`.
        public init(day: Day, label: String) {
            self.day = day
            self.label = label
        }

        /// A marker at an instant on a chart with a time axis; `day` is the instant's local date.
        public init(instant: Double, day: Day, label: String) {
            self.day = day
            self.label = label
            self.instant = instant
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
    /// When set, the x axis is this time axis instead of calendar days: points and markers stand
    /// at their `instant` (those without one are not drawn), ticks are clock times in its zone,
    /// and the hours the market is closed are compressed and shaded. `nil`: calendar days.
    public var timeAxis: TimeAxis?

    /// A chart of `lines` with `markers`, headed by `title` (and `subject`, `subtitle` beneath).
    public init(
        title: String, subject: String? = nil, subtitle: String? = nil, yLabel: String = "", lines: [Line], markers: [Marker] = [],
        dayRange: ClosedRange<Day>? = nil, timeAxis: TimeAxis? = nil
    ) {
        self.title = title
        self.subject = subject
        self.subtitle = subtitle
        self.yLabel = yLabel
        self.lines = lines
        self.markers = markers
        self.dayRange = dayRange
        self.timeAxis = timeAxis
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
        return ordered.map { point in
            var rebased = point
            rebased.value = 100 * point.value / base
            return rebased
        }
    }

    /// The points in day order (instant order for points that both have an instant); points on
    /// the same day (at the same instant) keep their given order.
    func orderedPoints() -> [LineChart.Point] {
        points.indices.sorted { a, b in
            if let first = points[a].instant, let second = points[b].instant, first != second { return first < second }
            return points[a].day != points[b].day ? points[a].day < points[b].day : a < b
        }.map { points[$0] }
    }
}
