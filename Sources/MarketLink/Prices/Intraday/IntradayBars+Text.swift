import Foundation

// MARK: - Times as people read them

extension IntradayBars {
    /// The local wall clock of an instant in the series' zone: its date, seconds into the day,
    /// and the zone's offset then.
    func wallClock(_ instant: Double) -> (day: Day, seconds: Int, offset: Int) {
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant))
        let local = Int64((instant + Double(offset)).rounded(.down))
        let day = IntradayReader.floorDiv(local, 86_400)
        return (Day(ordinal: Int32(truncatingIfNeeded: day)), Int(local - day * 86_400), offset)
    }

    /// `09:30`: the local time of day of an instant.
    public func clockText(_ instant: Double) -> String {
        let seconds = wallClock(instant).seconds
        return IntradayBars.twoDigits(seconds / 3600) + ":" + IntradayBars.twoDigits(seconds % 3600 / 60)
    }

    /// `2023-06-08T09:44:00-04:00`: an instant in ISO 8601 with the series' local offset (what
    /// CSV and JSON write for the instants of a minute window).
    public func isoText(_ instant: Double) -> String {
        let clock = wallClock(instant)
        let s = clock.seconds
        return clock.day.iso + "T" + IntradayBars.twoDigits(s / 3600) + ":" + IntradayBars.twoDigits(s % 3600 / 60) + ":"
            + IntradayBars.twoDigits(s % 60) + ZoneChoice.offsetText(Int32(clock.offset))
    }

    /// `10:14 a.m.`, `3:45 p.m.`, `noon`, `midnight`: the local time for a sentence.
    public func sentenceTime(_ instant: Double) -> String {
        let seconds = wallClock(instant).seconds
        let (hour, minute) = (seconds / 3600, seconds % 3600 / 60)
        if minute == 0, hour == 12 { return "noon" }
        if minute == 0, hour == 0 { return "midnight" }
        let shown = hour % 12 == 0 ? 12 : hour % 12
        return "\(shown):" + IntradayBars.twoDigits(minute) + (hour < 12 ? " a.m." : " p.m.")
    }

    /// `one-minute bars`, `five-minute bars`, `hourly bars`, `90-second bars`.
    public var barLengthText: String {
        let words = [1: "one", 2: "two", 3: "three", 5: "five", 10: "ten", 15: "15", 30: "30"]
        if barSeconds == 3600 { return "hourly bars" }
        if barSeconds % 60 == 0, let word = words[barSeconds / 60] { return "\(word)-minute bars" }
        if barSeconds % 60 == 0 { return "\(barSeconds / 60)-minute bars" }
        return "\(barSeconds)-second bars"
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    // MARK: Inspection

    /// What `inspect` says about the bars, one line each: the bar length and label, the zone and
    /// how it was decided, the first and last bar, then each session (at most `sessionLimit`)
    /// with its bars, trading periods and gaps.
    public func reportLines(sessionDays: [Day], sessionLimit: Int = 10) -> [(label: String, value: String)] {
        guard let first = starts.first, let last = starts.last else { return [] }
        var lines: [(String, String)] = [
            ("bars", "\(count) \(barLengthText) (\(barSeconds) s); times are bar \(label == .start ? "starts" : "ends")"),
            ("zone", zoneDecision),
            ("first", "\(isoText(Double(first))) to \(isoText(Double(first) + Double(barSeconds)))"),
            ("last", "\(isoText(Double(last))) to \(isoText(Double(last) + Double(barSeconds)))"),
        ]
        for s in 0..<min(sessionCount, sessionLimit) {
            let periods = tradingPeriods(ofSession: s)
            let spans = periods.map { "\(clockText($0.start))–\(clockText($0.end))" }.joined(separator: ", ")
            let day = s < sessionDays.count ? sessionDays[s].iso : "?"
            var text = "\(day): \(bars(ofSession: s).count) bars, \(spans)"
            if periods.count > 1 {
                let gaps = zip(periods, periods.dropFirst()).map { "\(clockText($0.end))–\(clockText($1.start))" }
                text += "; gap\(gaps.count == 1 ? "" : "s") \(gaps.joined(separator: ", "))"
            }
            lines.append(("session", text))
        }
        if sessionCount > sessionLimit { lines.append(("session", "… \(sessionCount - sessionLimit) more")) }
        return lines
    }

    /// The same as JSON.
    public func reportJSON(sessionDays: [Day]) -> JSONValue {
        .object([
            ("bar_seconds", .number(Double(barSeconds))),
            ("bar_count", .number(Double(count))),
            ("bar_label", .string(label.rawValue)),
            ("zone", .string(zoneIdentifier)),
            ("zone_decided_by", .string(zoneDecision)),
            ("first_bar_start", .string(starts.first.map { isoText(Double($0)) })),
            ("last_bar_end", .string(starts.last.map { isoText(Double($0) + Double(barSeconds)) })),
            (
                "sessions",
                .array(
                    (0..<sessionCount).map { s in
                        let periods = tradingPeriods(ofSession: s)
                        return .object([
                            ("date", .string(s < sessionDays.count ? sessionDays[s].iso : nil)),
                            ("bars", .number(Double(bars(ofSession: s).count))),
                            ("trading_periods", .array(periods.map { .array([.string(clockText($0.start)), .string(clockText($0.end))]) })),
                            (
                                "gaps",
                                .array(zip(periods, periods.dropFirst()).map { .array([.string(clockText($0.end)), .string(clockText($1.start))]) })
                            ),
                        ])
                    })
            ),
        ])
    }
}
