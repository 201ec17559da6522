import Foundation

// MARK: - Market

/// Where and when a market's sessions end: an IANA time zone and a regular close time, which
/// may change over the years (Tokyo moved its close from 15:00 to 15:30 on 2024-11-05).
public struct Market: Sendable, Hashable {
    /// Short identifier, e.g. `NYSE`, `SSE`.
    public var id: String
    /// The exchange's name, e.g. `New York Stock Exchange`.
    public var name: String
    /// IANA zone (`America/New_York`) or a fixed offset (`+08:00`).
    public var timeZoneIdentifier: String
    /// Close times, oldest first.
    public var closeTimes: [CloseTime]

    /// A market whose regular close changed over time: `closeTimes` oldest first.
    public init(id: String, name: String, timeZone: String, closeTimes: [CloseTime]) {
        self.id = id
        self.name = name
        self.timeZoneIdentifier = timeZone
        self.closeTimes = closeTimes
    }

    /// A market with one regular close time, `hour`:`minute` local time in `timeZone`.
    public init(id: String, name: String, timeZone: String, hour: Int, minute: Int) {
        self.init(id: id, name: name, timeZone: timeZone, closeTimes: [CloseTime(hour: hour, minute: minute)])
    }

    /// The regular close time that applies to a session date.
    public func closeTime(on day: Day) -> CloseTime {
        var chosen = closeTimes.first ?? CloseTime(hour: 16, minute: 0)
        for time in closeTimes {
            if let since = time.since, day < since { break }
            chosen = time
        }
        return chosen
    }

    /// The instant (seconds since 1970-01-01T00:00Z) a session dated `day` closes, in the market's
    /// zone with its daylight-saving rules on that date.
    public func closeInstant(on day: Day) -> Double? {
        guard let zone = timeZone else { return nil }
        let close = closeTime(on: day)
        let localSeconds = Double(day.ordinal) * 86_400 + Double(close.hour * 3600 + close.minute * 60)
        // Offset at the local time: try the offset at the naive instant, then correct once.
        var offset = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: localSeconds)))
        let corrected = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: localSeconds - offset)))
        offset = corrected
        return localSeconds - offset
    }
}
