import Foundation

// MARK: - Market

/// Where and when a market's sessions end: an IANA time zone and a regular close time, which
/// may change over the years (Tokyo moved its close from 15:00 to 15:30 on 2024-11-05).
public struct Market: Sendable, Hashable, CustomStringConvertible {
    public struct CloseTime: Sendable, Hashable {
        /// First session this close time applies to (`nil`: since always).
        public var since: Day?
        public var hour: Int
        public var minute: Int

        public init(since: Day? = nil, hour: Int, minute: Int) {
            self.since = since
            self.hour = hour
            self.minute = minute
        }
    }

    /// Short identifier, e.g. `NYSE`, `SSE`.
    public var id: String
    public var name: String
    /// IANA zone (`America/New_York`) or a fixed offset (`+08:00`).
    public var timeZoneIdentifier: String
    /// Close times, oldest first.
    public var closeTimes: [CloseTime]

    public init(id: String, name: String, timeZone: String, closeTimes: [CloseTime]) {
        self.id = id
        self.name = name
        self.timeZoneIdentifier = timeZone
        self.closeTimes = closeTimes
    }

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

    public var timeZone: TimeZone? { Market.timeZone(named: timeZoneIdentifier) }

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

    /// A zone from an IANA name or a fixed offset such as `+08:00`, `-0430`, `UTC`.
    public static func timeZone(named name: String) -> TimeZone? {
        if let offset = parseOffset(name) { return TimeZone(secondsFromGMT: offset) }
        if name == "UTC" || name == "GMT" || name == "Z" { return TimeZone(secondsFromGMT: 0) }
        guard name.contains("/"), let zone = TimeZone(identifier: name) else { return nil }
        return zone
    }

    /// Seconds east of UTC for `+08:00`, `+0800`, `-05`, or `nil`.
    public static func parseOffset(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            bytes.count == 1 + digits.count + (bytes.contains(UInt8(ascii: ":")) ? 1 : 0)
        else { return nil }
        let values = digits.map { Int($0 - 48) }
        let hours = values[0] * 10 + values[1]
        let minutes = values.count == 4 ? values[2] * 10 + values[3] : 0
        guard hours <= 18, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    public var description: String {
        let times = closeTimes.map { time -> String in
            let clock = String(format: "%02d:%02d", time.hour, time.minute)
            if let since = time.since { return "\(clock) from \(since.iso)" }
            return clock
        }
        return "\(id) (\(timeZoneIdentifier), close \(times.joined(separator: ", ")))"
    }
}
