import Foundation

// MARK: - Time axis

/// A chart's x axis in instants, for intraday bars around a timed event: clock times in a
/// series' zone, with the hours the market is closed (a lunch break, the night) compressed.
///
/// The axis runs from `lower` to `upper` (seconds since 1970-01-01T00:00Z). The parts inside
/// `trading` spans take their real length; every other part of the range (a break, the night,
/// the minutes before the open) is a **gap** drawn at most 1/25 of the trading time shown, so
/// that a window across the night shows the two sessions side by side, and the gap is shaded
/// rather than drawn as a flat line. Positions are in seconds of axis time from `lower`.
public struct TimeAxis: Sendable, Equatable {
    /// A span of instants [start, end), seconds since 1970-01-01T00:00Z.
    public struct Span: Sendable, Equatable {
        /// The first instant of the span.
        public var start: Double
        /// The instant just after the span.
        public var end: Double

        /// The span [start, end).
        public init(start: Double, end: Double) {
            self.start = start
            self.end = end
        }
    }

    /// The zone clock times are shown in (an IANA name such as `America/New_York`, or a fixed
    /// offset); UTC when it names none.
    public var zoneIdentifier: String
    /// The first instant shown.
    public var lower: Double
    /// The last instant shown.
    public var upper: Double
    /// When the market trades (its trading periods); the rest of `lower … upper` is compressed.
    /// Empty: the whole range at its real length.
    public var trading: [Span]

    /// An axis from `lower` to `upper` (either order), in `zoneIdentifier`'s clock, with the time
    /// outside `trading` compressed.
    public init(zoneIdentifier: String, from lower: Double, to upper: Double, trading: [Span]) {
        self.zoneIdentifier = zoneIdentifier
        self.lower = min(lower, upper)
        self.upper = max(lower, upper)
        self.trading = trading
    }

    // MARK: Segments

    /// A piece of the range, trading or not, with the width it is drawn at (seconds of axis time).
    struct Segment: Equatable {
        var start: Double
        var end: Double
        var trading: Bool
        var width: Double
    }

    /// The range cut into trading and gap segments, in time order, each with its drawn width.
    var segments: [Segment] {
        var live: [Span] = []
        for span in trading.sorted(by: { $0.start < $1.start }) {
            let start = max(span.start, lower)
            let end = min(span.end, upper)
            guard start < end else { continue }
            if let last = live.last, start <= last.end {
                live[live.count - 1].end = max(last.end, end)
            } else {
                live.append(Span(start: start, end: end))
            }
        }
        let liveTotal = live.reduce(0) { $0 + ($1.end - $1.start) }
        func gap(_ start: Double, _ end: Double) -> Segment {
            let length = end - start
            return Segment(start: start, end: end, trading: false, width: liveTotal > 0 ? min(length, liveTotal / 25) : length)
        }
        var pieces: [Segment] = []
        var cursor = lower
        for span in live {
            if span.start > cursor { pieces.append(gap(cursor, span.start)) }
            pieces.append(Segment(start: span.start, end: span.end, trading: true, width: span.end - span.start))
            cursor = span.end
        }
        if upper > cursor || pieces.isEmpty { pieces.append(gap(cursor, upper)) }
        return pieces
    }

    /// The drawn length of the whole range, in seconds of axis time.
    var length: Double { segments.reduce(0) { $0 + $1.width } }

    /// Where instant `t` is drawn, in seconds of axis time from `lower`: through the trading
    /// segments at their real pace, through a gap in proportion to its compressed width, and
    /// outside the range at the real pace.
    public func position(_ t: Double) -> Double {
        position(t, in: segments)
    }

    func position(_ t: Double, in pieces: [Segment]) -> Double {
        if t <= lower { return t - lower }
        var offset = 0.0
        for piece in pieces {
            if t <= piece.end {
                let span = piece.end - piece.start
                return offset + (span > 0 ? (t - piece.start) / span * piece.width : 0)
            }
            offset += piece.width
        }
        return offset + (t - upper)
    }

    /// The gaps that are drawn narrower than they last (a break, the night), as instants.
    var compressedGaps: [Span] {
        segments.filter { !$0.trading && $0.width < $0.end - $0.start }.map { Span(start: $0.start, end: $0.end) }
    }

    // MARK: Clock

    /// The local date and minute of the day of an instant, in the axis' zone.
    func wallClock(_ t: Double) -> (day: Day, minute: Int) {
        guard t.isFinite, t.magnitude < 1e15 else { return (Day(ordinal: 0), 0) }
        let offset = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t)))
        let local = ((t + offset) / 60).rounded(.down)
        let day = (local / 1440).rounded(.down)
        return (Day(ordinal: Int32(clamping: Int64(day))), Int(local - day * 1440))
    }

    var zone: TimeZone { Market.timeZone(named: zoneIdentifier) ?? TimeZone(secondsFromGMT: 0) ?? .current }

    /// `10:30`: the local clock time of an instant.
    func clockLabel(_ t: Double) -> String {
        let minute = wallClock(t).minute
        return TimeAxis.twoDigits(minute / 60) + ":" + TimeAxis.twoDigits(minute % 60)
    }

    /// `2023-06-08 10:30`: the local date and clock time of an instant, for tooltips and `<desc>`.
    func dateTimeLabel(_ t: Double) -> String { wallClock(t).day.iso + " " + clockLabel(t) }

    /// `Thu Jun 8`: the date under the first tick and under each tick on a new day.
    static func dateContext(_ day: Day) -> String {
        String(day.weekdayName.prefix(3)) + " " + String(day.monthName.prefix(3)) + " " + String(day.dayOfMonth)
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    // MARK: Ticks

    /// Steps between ticks, in minutes, finest first.
    static let stepMinutes = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720]
    /// Pixels two neighbouring ticks need (`10:30` at 11 px, about 31 px, and a gap).
    static let tickPixels = 44.0

    /// The ticks for `pixelsPerSecond` (plot width over the drawn length): at local clock times
    /// that are multiples of the finest step (1, 2, 5, 10, 15, 30 minutes, 1, 2, 3, 4, 6, 12
    /// hours) whose ticks are `tickPixels` apart in trading time, only inside trading segments
    /// (their ends included). Of two ticks closer than that across a gap, the later one — the
    /// first of the new period — is kept. Each tick is labelled `10:30`; the first, and each on
    /// a new local date, has the date under it (`Thu Jun 8`).
    func ticks(pixelsPerSecond: Double) -> [ChartFrame.XTick] {
        let pieces = segments
        guard pixelsPerSecond > 0, pixelsPerSecond.isFinite else { return [] }
        let step = TimeAxis.stepMinutes.first { Double($0 * 60) * pixelsPerSecond >= TimeAxis.tickPixels } ?? 1440
        var kept: [(instant: Double, position: Double)] = []
        for piece in pieces where piece.trading {
            var firstInPiece = true
            // Step through the wall clock from the piece's start (its offset: no fixture crosses a clock change).
            let offset = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: piece.start)))
            let localMinute = ((piece.start + offset) / 60).rounded(.up)
            var minute = (localMinute / Double(step)).rounded(.up) * Double(step)
            while true {
                let t = minute * 60 - offset
                guard t <= piece.end else { break }
                let at = position(t, in: pieces)
                if let last = kept.last, (at - last.position) * pixelsPerSecond < TimeAxis.tickPixels {
                    if firstInPiece { kept[kept.count - 1] = (t, at) }
                } else {
                    kept.append((t, at))
                }
                firstInPiece = false
                minute += Double(step)
            }
        }
        var previousDay: Day?
        return kept.map { tick in
            let day = wallClock(tick.instant).day
            defer { previousDay = day }
            return ChartFrame.XTick(
                position: tick.position, label: clockLabel(tick.instant), context: day == previousDay ? nil : TimeAxis.dateContext(day))
        }
    }
}
