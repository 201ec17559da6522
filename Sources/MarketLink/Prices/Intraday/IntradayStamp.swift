// MARK: - Stamp

/// One intraday timestamp as written, before a zone makes it an instant.
///
/// `seconds` is either a UTC instant (`isUTC`: epoch seconds or milliseconds, or a time written
/// with an offset, which is already subtracted) or wall-clock seconds since 1970-01-01T00:00 in a
/// zone the file does not name (the market's, or one the caller gives).
struct IntradayStamp: Equatable {
    /// Seconds since 1970-01-01T00:00, UTC when `isUTC`, else on the local wall clock.
    var seconds: Int64
    /// Whether `seconds` is an instant: epoch stamps, and times written with an offset or `Z`.
    var isUTC: Bool
    /// Whether the stamp was epoch seconds or milliseconds (rather than a written date and time).
    var isEpoch: Bool = false
    /// For an epoch stamp: its digits as written, and whether their width (12–13 digits) reads
    /// them as milliseconds. The file's first stamp sets the unit of the column (`IntradayReader`).
    var epochValue: Int64 = 0
    var epochInMilliseconds = false
    /// The offset written in the stamp (seconds east of UTC), if any.
    var writtenOffset: Int32?

    /// The calendar date the stamp was written with (for wall-clock and offset stamps), or its UTC
    /// date (epoch); what decides whether two rows share a day before any zone is known.
    var writtenDay: Int64 {
        let local = seconds + Int64(writtenOffset ?? 0)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }
}

// MARK: - Reading

/// Reads intraday timestamps: `2023-06-08 09:31:00-04:00` (also `T`, `Z`, `+0800`, fractions of
/// a second), a date field with a separate time field (`2023-06-08` + `09:31`, MetaTrader's
/// `2023.06.08` + `09:31:00`), epoch seconds (9–10 digits) and epoch milliseconds (12–13 digits).
/// Dates must be year first (or, for `06/08/2023`-style dates, read in the order given).
enum IntradayStampReader {
    /// Reads one stamp from a date field and, when the file has one, a separate time field.
    /// `nil` when the text is no intraday timestamp (a date without a time is none).
    static func read(_ date: UnsafeBufferPointer<UInt8>, time: UnsafeBufferPointer<UInt8>?, order: DateOrder?) -> IntradayStamp? {
        var start = 0
        var end = date.count
        while start < end, date[start] == 32 { start += 1 }
        while end > start, date[end - 1] == 32 { end -= 1 }
        guard start < end else { return nil }
        if time == nil, let epoch = epoch(date, start, end) { return epoch }
        // The date part ends at the first space or `T` after a digit (or at the end).
        var split = start
        while split < end, date[split] != 32, !(date[split] == UInt8(ascii: "T") && split > start) { split += 1 }
        guard let day = day(UnsafeBufferPointer(rebasing: date[start..<split]), order: order) else { return nil }
        var clock: (seconds: Int64, offset: Int32?)?
        if let time {
            guard split == end else { return nil }
            clock = timeOfDay(time, 0, time.count)
        } else {
            guard split < end else { return nil }
            clock = timeOfDay(date, split + 1, end)
        }
        guard let clock else { return nil }
        let wall = Int64(day.ordinal) * 86_400 + clock.seconds
        if let offset = clock.offset {
            return IntradayStamp(seconds: wall - Int64(offset), isUTC: true, writtenOffset: offset)
        }
        return IntradayStamp(seconds: wall, isUTC: false)
    }

    /// 9999-12-31T23:59:59Z in epoch seconds: the last instant a date can be written for.
    static let lastSecond: Int64 = 253_402_300_799

    /// Epoch seconds (9–10 digits) or milliseconds (12–13 digits), all digits.
    static func epoch(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> IntradayStamp? {
        let width = end - start
        guard [9, 10, 12, 13].contains(width) else { return nil }
        var value: Int64 = 0
        for k in start..<end {
            let byte = bytes[k]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        let seconds = width >= 12 ? value / 1000 : value
        return IntradayStamp(seconds: seconds, isUTC: true, isEpoch: true, epochValue: value, epochInMilliseconds: width >= 12)
    }

    /// The calendar day of a date part; year-first forms resolve alone, others need `order`.
    static func day(_ bytes: UnsafeBufferPointer<UInt8>, order: DateOrder?) -> Day? {
        guard let raw = DateReader.read(bytes) else { return nil }
        return raw.day(order: raw.form == .resolved ? nil : order)
    }

    /// `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff`, then optionally `Z`, `±HH:MM`, `±HHMM` or `±HH`.
    /// Seconds into the day, and the offset when one is written.
    static func timeOfDay(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> (seconds: Int64, offset: Int32?)? {
        var i = from
        var end = to
        while i < end, bytes[i] == 32 { i += 1 }
        while end > i, bytes[end - 1] == 32 { end -= 1 }
        func number(width: Int) -> Int? {
            guard i + width <= end else { return nil }
            var value = 0
            for k in i..<(i + width) {
                guard bytes[k] >= 48, bytes[k] <= 57 else { return nil }
                value = value * 10 + Int(bytes[k] - 48)
            }
            i += width
            return value
        }
        // One-digit hours (`9:30`) are read too.
        let hourWidth = i + 1 < end && bytes[i + 1] == UInt8(ascii: ":") ? 1 : 2
        guard let hour = number(width: hourWidth) else { return nil }
        guard i < end, bytes[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let minute = number(width: 2) else { return nil }
        var second = 0
        if i < end, bytes[i] == UInt8(ascii: ":") {
            i += 1
            guard let s = number(width: 2) else { return nil }
            second = s
            if i < end, bytes[i] == UInt8(ascii: ".") {
                i += 1
                while i < end, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }  // fractions of a second: bars start on whole seconds
            }
        }
        guard hour <= 24, minute < 60, second < 61, hour < 24 || (minute == 0 && second == 0) else { return nil }
        let seconds = Int64(hour * 3600 + minute * 60 + second)
        while i < end, bytes[i] == 32 { i += 1 }
        guard i < end else { return (seconds, nil) }
        if bytes[i] == UInt8(ascii: "Z"), i + 1 == end { return (seconds, 0) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
        guard let offset = Market.parseOffset(text) else { return nil }
        return (seconds, Int32(offset))
    }
}
