import Foundation

// MARK: - Rule

/// How a date-only event picks its session t0 in a market (DESIGN §2).
public enum AlignmentRule: String, Sendable, CaseIterable {
    /// The first session dated on or after the event date (the default).
    case next
    /// The last session dated on or before the event date.
    case previous
    /// The session dated on the event date, or none.
    case exact
}

// MARK: - Outcome

/// The event session t0 of an event in a series, or why there is none.
public enum EventSession: Sendable, Equatable {
    /// Index of t0 in the series.
    case session(Int)
    /// The event is before the first session of the data.
    case beforeData
    /// The event is after the last session of the data.
    case afterData
    /// `--align exact` and the market had no session on the event date.
    case noSession
    /// A timed event on a series whose market (zone and close time) is unknown.
    case noMarket
    /// The event is dated to a month only (`2022-12`): it has no session until it is given a day.
    case monthOnly

    /// t0's index in the series, or `nil` when the event has no session there.
    public var index: Int? {
        if case .session(let index) = self { return index }
        return nil
    }
}

// MARK: - Alignment

/// Finds each event's session t0 in a series.
///
/// Date-only event on date d: `next` takes the first session dated on or after d, `previous` the
/// last on or before d, `exact` d itself. An event before the first session or after the last is
/// `beforeData` / `afterData`, never matched to the edge of the data.
///
/// Timed event at instant u: t0 is the first session whose close instant (its date at the
/// market's close time, in the market's zone with that date's daylight-saving offset) is after u;
/// `previous` takes the last session whose close is at or before u; `exact` takes the session on
/// u's local date in the market's zone when that session closes after u. An announcement at 10:00
/// in Beijing on a Thursday is Thursday in Shanghai (15:00 close) and Thursday in New York (22:00
/// Wednesday there, after Wednesday's close).
public enum Alignment {
    /// The event session t0 of `event` in `series` by `rule` (timed events by their instant and the
    /// series' market), or why there is none: before or after the data, no session, no market.
    public static func eventSession(for event: Event, in series: Series, rule: AlignmentRule = .next) -> EventSession {
        eventSession(for: EventTime(event), in: series, rule: rule)
    }

    /// The same from what an event's alignment reads (`EventTime`), so that finding t0 of many
    /// events in many series copies no `Event` per pair.
    static func eventSession(for event: EventTime, in series: Series, rule: AlignmentRule) -> EventSession {
        guard let first = series.firstDay, let last = series.lastDay else { return .afterData }
        guard event.hasDay else { return .monthOnly }
        if let instant = event.instant {
            if let bars = series.intraday {
                // Intraday bars: a session closes at the end of its last bar, in the bars' own zone.
                return timedSession(
                    instant: instant, in: series, closeInstant: { bars.closeInstant(ofSession: $0) }, localDate: { bars.localDay(of: $0) },
                    first: first, last: last, rule: rule)
            }
            guard let market = series.market else { return .noMarket }
            return timedSession(
                instant: instant, in: series, closeInstant: { market.closeInstant(on: series.day(at: $0)) },
                localDate: { localDate($0, market: market) }, first: first, last: last, rule: rule)
        }
        return dateSession(day: event.date, in: series, first: first, last: last, rule: rule)
    }

    static func dateSession(day: Day, in series: Series, first: Day, last: Day, rule: AlignmentRule) -> EventSession {
        var cursor: Int? = nil
        return dateSession(day: day, in: series, first: first, last: last, rule: rule, cursor: &cursor)
    }

    /// The same, for date-only events taken in date order when `cursor` is not nil: every
    /// search starts where the one for the day before ended (and moves the cursor there), so
    /// one walk through the series' days finds them all (`EventSessions.find`). Each rule's
    /// session is the first one on or after some day: `next` of the day itself, `previous` the
    /// one before that of the next day, `exact` the day itself when it is that session's.
    static func dateSession(day: Day, in series: Series, first: Day, last: Day, rule: AlignmentRule, cursor: inout Int?) -> EventSession {
        if day < first { return .beforeData }
        if day > last { return .afterData }
        func onOrAfter(_ target: Day) -> Int {
            guard let start = cursor else { return series.firstSession(onOrAfter: target) }
            let k = series.firstSession(onOrAfter: target, from: start)
            cursor = k
            return k
        }
        switch rule {
        case .next:
            return .session(onOrAfter(day))
        case .previous:
            return .session(onOrAfter(day.adding(days: 1)) - 1)
        case .exact:
            let k = onOrAfter(day)
            return k < series.count && series.day(at: k) == day ? .session(k) : .noSession
        }
    }

    /// t0 of a timed event, from each session's close instant (`closeInstant(k)`) and the local
    /// date of an instant in the series' zone.
    static func timedSession(
        instant: Double, in series: Series, closeInstant: (Int) -> Double?, localDate: (Double) -> Day?, first: Day, last: Day,
        rule: AlignmentRule
    ) -> EventSession {
        // The local date of the instant in UTC is within a day of its date in any zone.
        let utcDay = Day(ordinal: Int32((instant / 86_400).rounded(.down)))
        var k = max(series.firstSession(onOrAfter: utcDay.adding(days: -2)), 0)
        while k < series.count, let close = closeInstant(k), close <= instant { k += 1 }
        // k is the first session closing after the instant.
        switch rule {
        case .next:
            if k == 0 {
                // Before the first session's close: t0 only if the event is on or after the first session's date.
                let localDay = localDate(instant) ?? utcDay
                return localDay < first ? .beforeData : .session(0)
            }
            return k < series.count ? .session(k) : .afterData
        case .previous:
            if k == 0 { return .beforeData }
            if k == series.count, let localDay = localDate(instant), localDay > last { return .afterData }
            return .session(k - 1)
        case .exact:
            guard let localDay = localDate(instant) else { return .noSession }
            if localDay < first { return .beforeData }
            if localDay > last { return .afterData }
            if k < series.count, series.day(at: k) == localDay { return .session(k) }
            return .noSession
        }
    }

    /// The calendar date of an instant in the market's zone.
    public static func localDate(_ instant: Double, market: Market) -> Day? {
        guard let zone = market.timeZone else { return nil }
        let offset = Double(zone.secondsFromGMT(for: Foundation.Date(timeIntervalSince1970: instant)))
        return Day(ordinal: Int32(((instant + offset) / 86_400).rounded(.down)))
    }
}

/// What aligning an event reads: whether it has a day, its instant when timed, its date.
struct EventTime: Sendable {
    let hasDay: Bool
    let instant: Double?
    let date: Day

    init(_ event: Event) {
        hasDay = event.hasDay
        instant = event.instant
        date = event.date
    }
}
