import Foundation

// MARK: - Where a timed event falls

/// Where a timed event at instant u falls in an intraday series, and the instant u′ its minute
/// windows are measured from (DESIGN §8; fixtures/intraday/README.md, rule 5).
public struct IntradayPlacement: Sendable, Equatable {
    /// Why an event outside trading was moved to the next trading period's start.
    public enum Moved: String, Sendable, Hashable {
        /// Before the first bar of a session on the event's local date (or of a later one).
        case beforeOpen = "before the open"
        /// Between two trading periods of one session (a lunch break).
        case inBreak = "in a break within the session"
        /// After the last bar of a session, so to the next session's first bar.
        case afterClose = "after the close"
    }

    /// The event's instant u (seconds since 1970-01-01T00:00Z).
    public let eventInstant: Double
    /// u′: u itself when a bar's span [start, end) holds it, else the start of the next bar;
    /// `nil` when no bar starts after u (the window's status is `after-data`).
    public let measuredFrom: Double?
    /// Why u was moved, when it was.
    public let moved: Moved?
}

extension IntradayBars {
    /// Where the event at `instant` falls: in a trading period (start ≤ u < end, so an event at a
    /// close instant is outside), or moved to the start of the next trading period — the next
    /// session's first bar, or the first bar after a break — with the reason.
    public func placement(of instant: Double) -> IntradayPlacement {
        if bar(containing: instant) != nil {
            return IntradayPlacement(eventInstant: instant, measuredFrom: instant, moved: nil)
        }
        let next = firstBar(startingAfter: instant)
        guard next < count else { return IntradayPlacement(eventInstant: instant, measuredFrom: nil, moved: nil) }
        let reason: IntradayPlacement.Moved =
            if next == 0 {
                .beforeOpen
            } else if session(ofBar: next - 1) == session(ofBar: next) {
                .inBreak
            } else if localDay(of: instant) == localDay(of: start(at: next)) {
                .beforeOpen
            } else {
                .afterClose
            }
        return IntradayPlacement(eventInstant: instant, measuredFrom: start(at: next), moved: reason)
    }

    /// The local calendar date of an instant in the series' zone.
    public func localDay(of instant: Double) -> Day {
        let offset = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant)))
        return Day(ordinal: Int32(((instant + offset) / 86_400).rounded(.down)))
    }

    /// The move of a minute window around the event at `instant`: base = price at u′ + a, end =
    /// price at u′ + b (`window` must count minutes; a session window gives `nil`). Status, in
    /// order: `after-data` (no bar after u), `no-base`, `no-end`, else `ok`.
    public func minuteMove(window: EventWindow, eventInstant instant: Double) -> MinuteMove? {
        guard window.unit == .minutes else { return nil }
        let placement = placement(of: instant)
        guard let from = placement.measuredFrom else {
            return MinuteMove(window: window, placement: placement, status: .afterData, base: nil, end: nil)
        }
        let baseAt = from + Double(window.start) * 60
        let endAt = from + Double(window.end) * 60
        let base = price(atInstant: baseAt)
        let last = price(atInstant: endAt)
        let status: ChangeStatus = base.bar == nil ? .noBase : last.bar == nil ? .noEnd : .ok
        return MinuteMove(window: window, placement: placement, status: status, base: base, end: last)
    }

    /// The price at `t` with the bar it comes from (all `nil` but the instant when outside the data).
    public func price(atInstant t: Double) -> BarPrice {
        guard let k = lastBar(endingAtOrBefore: t) else { return BarPrice(instant: t, bar: nil, barEnd: nil, close: nil) }
        return BarPrice(instant: t, bar: k, barEnd: end(at: k), close: closes[k])
    }
}

// MARK: - Price at an instant

/// The price at one instant of a minute window: the instant asked for, and the bar whose close
/// it is (the last bar ending at or before it), when the data has one.
public struct BarPrice: Sendable, Hashable {
    /// The instant asked for (u′ + a or u′ + b), seconds since 1970-01-01T00:00Z.
    public let instant: Double
    /// The bar whose close is the price; `nil` when the instant is outside the data.
    public let bar: Int?
    /// That bar's end.
    public let barEnd: Double?
    /// That bar's close.
    public let close: Double?
}

// MARK: - Minute move

/// The move of an intraday series over a minute window around a timed event.
///
/// `points` = end − base and `percent` = 100·(end/base − 1), there exactly when `status` is `ok`.
public struct MinuteMove: Sendable, Hashable {
    /// The window, counted in minutes.
    public let window: EventWindow
    /// Where the event fell and the instant u′ measured from.
    public let placement: IntradayPlacement
    /// `ok`, `no-base`, `no-end` or `after-data`.
    public let status: ChangeStatus
    /// The price at u′ + a; `nil` only with `after-data`.
    public let base: BarPrice?
    /// The price at u′ + b; `nil` only with `after-data`.
    public let end: BarPrice?

    /// end − base, in index points, when `status` is `ok`.
    public var points: Double? {
        guard status == .ok, let b = base?.close, let e = end?.close else { return nil }
        return e - b
    }

    /// 100 · (end / base − 1), when `status` is `ok`.
    public var percent: Double? {
        guard status == .ok, let b = base?.close, let e = end?.close else { return nil }
        return 100 * (e / b - 1)
    }
}

extension IntradayPlacement: Hashable {}
