import Foundation

// MARK: - Time zones

extension Market {
    /// The market's zone, from `timeZoneIdentifier`; `nil` when that names no zone.
    public var timeZone: TimeZone? { Market.timeZone(named: timeZoneIdentifier) }

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
}
