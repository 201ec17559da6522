import Foundation

// MARK: - Problems

/// Why a cell of an events file cannot be read; the loader adds the place, `events add|edit` turn
/// it into a usage error.
struct EventFieldProblem: Error, Sendable, Equatable {
    var column: EventColumn
    var message: String
    /// For a zone that is neither an IANA name nor an offset: the name, and the IANA name it
    /// matches but for case (if any).
    var unknownZone: (name: String, suggestion: String?)?

    init(_ column: EventColumn, _ message: String) {
        self.column = column
        self.message = message
    }

    static func == (a: EventFieldProblem, b: EventFieldProblem) -> Bool {
        a.column == b.column && a.message == b.message && a.unknownZone?.name == b.unknownZone?.name
            && a.unknownZone?.suggestion == b.unknownZone?.suggestion
    }

    /// The problem as an error of a request (a value given for a new or edited event).
    var asRequestError: MarketLinkError {
        if let unknownZone { return MarketLinkError(.unknownTimeZone(unknownZone.name, suggestion: unknownZone.suggestion)) }
        return MarketLinkError(.invalidEventValue(column, problem: message))
    }

    /// The problem as an error of a cell of an events file, at `location`.
    func dataError(at location: SourceLocation) -> MarketLinkError {
        MarketLinkError(.invalidEventCell(column, problem: message), at: location)
    }
}

// MARK: - Written values

/// A time of day as written: `17:00`, `9:30`, `15:30:45`, `07:30:00.250`.
struct LocalTime: Sendable, Equatable {
    var hour: Int
    var minute: Int
    var second: Int
    var fraction: Double
    var hasSeconds: Bool
    /// Digits of the fraction as written, without the point (empty when none).
    var fractionDigits: String

    var secondsOfDay: Double { Double(hour * 3600 + minute * 60 + second) + fraction }

    /// `HH:MM`, or `HH:MM:SS[.fff]` when seconds were written.
    var text: String {
        var out = pad(hour) + ":" + pad(minute)
        if hasSeconds { out += ":" + pad(second) }
        if !fractionDigits.isEmpty { out += "." + fractionDigits }
        return out
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// What a `date` cell holds.
enum WrittenDate: Sendable, Equatable {
    case day(Day)
    /// A date and time; `offset` is seconds east of UTC when the text carries one (`Z`, `-04:00`).
    case dateTime(Day, LocalTime, offset: Int?)
    /// A month alone, `2022-12`: its first day.
    case month(Day)

    var day: Day {
        switch self {
        case .day(let day), .dateTime(let day, _, _), .month(let day): return day
        }
    }
}

/// How a local date and time maps onto instants in a zone with daylight-saving changes.
enum LocalInstant: Sendable, Equatable {
    case unique(Double)
    /// The clocks were set back and the time happened twice (earlier first).
    case repeated(Double, Double)
    /// The clocks jumped forward over this time: it never happened.
    case skipped
}

// MARK: - Reader

/// Reads the cells of an events file (DESIGN §1 "Events").
enum EventFieldReader {
    static let dateHint = "write YYYY-MM-DD, or an ISO 8601 instant such as 2023-06-06T15:30-04:00"
    static let zoneHint = "an IANA name such as America/New_York, or an offset such as +08:00"

    // MARK: Dates

    /// `YYYY-MM-DD`, `YYYY-MM` (a month, for an event known only to its month), or
    /// `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z`, `±HH:MM`, `±HHMM`, `±HH` or nothing (then a
    /// `timezone` cell must say where). `t` and a space are accepted for `T`.
    static func date(_ text: String) throws(EventFieldProblem) -> WrittenDate {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else {
            throw EventFieldProblem(.date, "the date is empty; every event needs one: \(dateHint)")
        }
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for k in range {
                guard bytes[k] >= 48, bytes[k] <= 57 else { return nil }
                value = value * 10 + Int(bytes[k] - 48)
            }
            return value
        }
        if bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let year = digits(0..<4), let month = digits(5..<7) {
            guard let first = Day(year: year, month: month, day: 1) else {
                throw EventFieldProblem(.date, "\(quoted(text)) is not a real month (\(month < 1 || month > 12 ? "there is no month \(month)" : "years run from 0001 to 9999"))")
            }
            return .month(first)
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = digits(0..<4), let month = digits(5..<7), let dayOfMonth = digits(8..<10)
        else {
            throw EventFieldProblem(.date, "cannot read \(quoted(text)) as a date; \(dateHint)")
        }
        guard let day = Day(year: year, month: month, day: dayOfMonth) else {
            throw EventFieldProblem(
                .date, "\(quoted(String(decoding: bytes[0..<10], as: UTF8.self))) is not a real date (\(whyNotReal(year, month, dayOfMonth)))")
        }
        if bytes.count == 10 { return .day(day) }
        let separator = bytes[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 32 else {
            throw EventFieldProblem(.date, "cannot read \(quoted(text)) as a date; \(dateHint)")
        }
        // The time runs to the first `Z`, `z`, `+` or `-`.
        var end = 11
        while end < bytes.count, ![UInt8(ascii: "Z"), UInt8(ascii: "z"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[end]) {
            end += 1
        }
        let timeText = String(decoding: bytes[11..<end], as: UTF8.self)
        guard timeText.utf8.count >= 5, timeText.utf8.first.map({ $0 >= 48 && $0 <= 57 }) == true,
            timeText.utf8.dropFirst(2).first == UInt8(ascii: ":"), let time = parseTime(timeText)
        else {
            throw EventFieldProblem(
                .date, "cannot read the time in \(quoted(text)); write HH:MM or HH:MM:SS, 24-hour, e.g. 2023-06-06T15:30-04:00")
        }
        if end == bytes.count { return .dateTime(day, time, offset: nil) }
        let offsetText = String(decoding: bytes[end...], as: UTF8.self)
        if offsetText == "Z" || offsetText == "z" { return .dateTime(day, time, offset: 0) }
        guard let offset = Market.parseOffset(offsetText) else {
            throw EventFieldProblem(
                .date, "cannot read the offset \(quoted(offsetText)) in \(quoted(text)); write Z or an offset such as -04:00 or +08:00")
        }
        return .dateTime(day, time, offset: offset)
    }

    /// Why a year, month and day name no date, for a message.
    static func whyNotReal(_ year: Int, _ month: Int, _ day: Int) -> String {
        if year < 1 { return "years run from 0001 to 9999" }
        if month < 1 || month > 12 { return "there is no month \(month)" }
        if day < 1 { return "there is no day 0" }
        return "\(Day.monthNames[month - 1]) \(year) has \(Day.daysIn(month: month, year: year)) days"
    }

    // MARK: Times

    /// A `time` cell: `HH:MM`, `H:MM`, `HH:MM:SS`, optionally with a decimal fraction of seconds.
    static func time(_ text: String) throws(EventFieldProblem) -> LocalTime {
        guard let time = parseTime(text) else {
            throw EventFieldProblem(.time, "cannot read \(quoted(text)) as a time; write HH:MM, 24-hour (00:00 to 23:59)")
        }
        return time
    }

    static func parseTime(_ text: String) -> LocalTime? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        func number(_ part: Substring, width: ClosedRange<Int>) -> Int? {
            guard width.contains(part.utf8.count), part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return Int(part)
        }
        guard let hour = number(parts[0], width: 1...2), hour <= 23, let minute = number(parts[1], width: 2...2), minute <= 59
        else { return nil }
        var time = LocalTime(hour: hour, minute: minute, second: 0, fraction: 0, hasSeconds: false, fractionDigits: "")
        guard parts.count == 3 else { return time }
        let secondParts = parts[2].split(separator: ".", omittingEmptySubsequences: false)
        guard secondParts.count <= 2, let second = number(secondParts[0], width: 2...2), second <= 59 else { return nil }
        time.second = second
        time.hasSeconds = true
        if secondParts.count == 2 {
            let digits = secondParts[1]
            guard !digits.isEmpty, digits.utf8.count <= 9, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let value = Double("0." + digits)
            else { return nil }
            time.fraction = value
            time.fractionDigits = String(digits)
        }
        return time
    }

    // MARK: Zones

    /// A `timezone` cell: an IANA name or a fixed offset (`+08:00`, `UTC`).
    static func zone(_ text: String) throws(EventFieldProblem) -> TimeZone {
        if let zone = Market.timeZone(named: text) { return zone }
        let lowered = text.lowercased()
        let match = TimeZone.knownTimeZoneIdentifiers.first { $0.lowercased() == lowered }
        var problem = EventFieldProblem(.timezone, MarketLinkError.Reason.unknownZoneText(text, suggestion: match))
        problem.unknownZone = (text, match)
        throw problem
    }

    /// `±HH:MM` for an offset in seconds east of UTC.
    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let hours = magnitude / 3600
        let minutes = magnitude % 3600 / 60
        return sign + (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }

    /// The instant(s) at which clocks in `zone` read `seconds` after midnight of `day`.
    ///
    /// Local time L (seconds since 1970-01-01 read on the wall clock) and an instant u match when
    /// u + offset(u) = L. The candidate offsets are those in force a day before, at, and a day after
    /// L read as UTC (zones change offset at most once a day); every candidate u = L − offset is kept
    /// if the zone's offset at u is that offset. None: the time was skipped; two: it happened twice.
    static func resolve(day: Day, seconds: Double, in zone: TimeZone) -> LocalInstant {
        let local = Double(day.ordinal) * 86_400 + seconds
        var offsets: [Int] = []
        for probe in [local - 86_400, local, local + 86_400] {
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: probe))
            if !offsets.contains(offset) { offsets.append(offset) }
        }
        var instants: [Double] = []
        for offset in offsets {
            let instant = local - Double(offset)
            if zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant)) == offset, !instants.contains(instant) {
                instants.append(instant)
            }
        }
        instants.sort()
        switch instants.count {
        case 0: return .skipped
        case 1: return .unique(instants[0])
        default: return .repeated(instants[0], instants[1])
        }
    }

    // MARK: Scores and tags

    /// A `score` cell: a decimal number with an optional sign (`-0.5`, `+1`, `0.25`, `1e-1`; the
    /// minus sign U+2212 is read as `-`). Empty means no score.
    static func score(_ text: String) throws(EventFieldProblem) -> Double? {
        if text.isEmpty { return nil }
        var normalized = text
        if normalized.hasPrefix("\u{2212}") { normalized = "-" + normalized.dropFirst() }
        let bytes = Array(normalized.utf8)
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        var digits = 0
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
            i += 1
            digits += 1
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                i += 1
                digits += 1
            }
        }
        var valid = digits > 0
        if valid, i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            var exponentDigits = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                i += 1
                exponentDigits += 1
            }
            valid = exponentDigits > 0
        }
        guard valid, i == bytes.count, let value = Double(normalized), value.isFinite else {
            throw EventFieldProblem(.score, "cannot read \(quoted(text)) as a number in column \"score\" (write e.g. -0.5 or 1)")
        }
        return value
    }

    /// A `tags` cell: labels separated by `;`, each trimmed; empty labels are dropped.
    static func tags(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        // ASCII, the usual case: split the bytes, trimming spaces and tabs, without a String per piece first.
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ asciiTags($0) }), let tags = ascii { return tags }
        return text.split(separator: ";").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// `tags` for ASCII bytes; nil when there is a byte beyond ASCII (Unicode white space is the string's to trim).
    private static func asciiTags(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var tags: [String] = []
        var start = 0
        var k = 0
        while k <= bytes.count {
            if k < bytes.count {
                let byte = bytes[k]
                if byte >= 0x80 { return nil }
                if byte != UInt8(ascii: ";") {
                    k += 1
                    continue
                }
            }
            var first = start
            var end = k
            while first < end, bytes[first] == 32 || bytes[first] == 9 { first += 1 }
            while end > first, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
            if end > first { tags.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<end]), as: UTF8.self)) }
            k += 1
            start = k
        }
        return tags
    }
}
