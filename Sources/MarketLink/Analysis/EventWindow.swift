import Foundation

// MARK: - Window

/// A window around an event: the close a move starts from (the *base*) and the close it ends at
/// (the *end*), as offsets from the event. The one owner of what a window means: its offsets,
/// the sessions it covers, its labels, the defaults, and where it falls in a series
/// (`placement(around:sessionCount:)`, which also gives its status).
///
/// A session window `[a, b]` (a ≤ b, in sessions relative to the event session t0) is the move
/// from the close of session t0+a−1 (the base) to the close of session t0+b (the end), in each
/// series' own sessions: `[0,0]` is the event-day move, `[0,1]` the event day and the next,
/// `[-1,1]` three sessions (DESIGN §2).
///
/// `unit` says what the offsets count: sessions, or minutes from a timed event's instant u on
/// intraday bars (`-30m:60m`, `-1h:2h`: base = the price at u+a, end = the price at u+b, where an
/// event outside trading is first moved to the next trading period's start; see
/// `IntradayBars.minuteMove(window:eventInstant:)`). Session offsets and placement apply to
/// session windows only; a minute window is measured on the bars.
public struct EventWindow: Sendable, Hashable, CustomStringConvertible {
    /// What a window's offsets count.
    public enum Unit: Sendable, Hashable {
        /// Sessions of each series relative to its event session t0: base t0+a−1, end t0+b.
        case sessions
        /// Minutes from a timed event's instant u: base at u+a, end at u+b, on intraday bars.
        case minutes
    }

    /// What `start` and `end` count.
    public let unit: Unit
    /// a: for a session window, the first session whose move the window adds, relative to t0.
    public let start: Int
    /// b: for a session window, the end session, relative to t0.
    public let end: Int
    /// A minute window written in hours (`-1h:2h`), and so written back that way.
    let writtenInHours: Bool

    /// The session window `[start, end]`, or `nil` when `start` is after `end`.
    public init?(start: Int, end: Int) {
        guard start <= end else { return nil }
        self.init(uncheckedStart: start, end: end)
    }

    /// The minute window `[start, end]` (minutes from the event's instant), or `nil` when `start`
    /// is after `end`.
    public init?(minutesFrom start: Int, to end: Int) {
        guard start <= end else { return nil }
        self.unit = .minutes
        self.start = start
        self.end = end
        self.writtenInHours = false
    }

    /// Parses `A:B` (`-1:1`, `0:0`, `0:5`), in sessions, or `-30m:60m`, `0m:15m`, `-1h:2h`, in
    /// minutes or hours from a timed event's instant (both sides carry the unit; `-30m:1h` mixes
    /// them and is written back in minutes). `A,B` and `[A,B]` are accepted too.
    public init(parsing text: String) throws(MarketLinkError) {
        if let minutes = try EventWindow.minuteWindow(text) {
            self = minutes
            return
        }
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("["), body.hasSuffix("]") { body = String(body.dropFirst().dropLast()) }
        let parts = body.split(separator: body.contains(":") ? ":" : ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else {
            throw MarketLinkError(.unreadableWindow(text))
        }
        guard a <= b else {
            throw MarketLinkError(.backwardsWindow(text, start: a, end: b))
        }
        guard abs(a) <= 100_000, abs(b) <= 100_000 else {
            throw MarketLinkError(.windowTooWide(text, limit: 100_000))
        }
        self.init(uncheckedStart: a, end: b)
    }

    init(uncheckedStart: Int, end: Int) {
        self.unit = .sessions
        self.start = uncheckedStart
        self.end = end
        self.writtenInHours = false
    }

    /// A minute window from text such as `-30m:60m` or `-1h:2h`; `nil` when the text has no
    /// unit letter (a session window).
    static func minuteWindow(_ text: String) throws(MarketLinkError) -> EventWindow? {
        var body = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard body.contains("m") || body.contains("h") else { return nil }
        if body.hasPrefix("["), body.hasSuffix("]") { body = String(body.dropFirst().dropLast()) }
        let parts = body.split(separator: body.contains(":") ? ":" : ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { throw MarketLinkError(.unreadableWindow(text)) }
        var minutes: [Int] = []
        var hours = true
        for part in parts {
            guard let unit = part.last, unit == "m" || unit == "h", let value = Int(part.dropLast()) else {
                throw MarketLinkError(.unreadableWindow(text))
            }
            if unit == "m" { hours = false }
            guard abs(value) <= 100_000 else { throw MarketLinkError(.windowTooWide(text, limit: 100_000)) }
            minutes.append(unit == "h" ? value * 60 : value)
        }
        guard minutes[0] <= minutes[1] else {
            throw MarketLinkError(.backwardsWindow(text, start: minutes[0], end: minutes[1]))
        }
        return EventWindow(unit: .minutes, start: minutes[0], end: minutes[1], writtenInHours: hours)
    }

    private init(unit: Unit, start: Int, end: Int, writtenInHours: Bool) {
        self.unit = unit
        self.start = start
        self.end = end
        self.writtenInHours = writtenInHours
    }

    /// Whether the window counts minutes from a timed event's instant (rather than sessions).
    public var isMinuteWindow: Bool { unit == .minutes }

    /// `-1:1`, `-30m:60m`, `-1h:2h`: the window as it is written on the command line and in every output.
    public var description: String {
        switch unit {
        case .sessions: "\(start):\(end)"
        case .minutes where writtenInHours: "\(start / 60)h:\(end / 60)h"
        case .minutes: "\(start)m:\(end)m"
        }
    }

    /// The length of a minute window in minutes (b − a); 0 for a session window.
    public var minutes: Int { unit == .minutes ? end - start : 0 }
}

// MARK: - Offsets

extension EventWindow {
    /// The base's offset from t0: a − 1 sessions (the close before the first session the window
    /// covers). −2 for `-1:1`, −1 for `0:0`.
    public var baseOffset: Int {
        switch unit {
        case .sessions: start - 1
        case .minutes: start
        }
    }

    /// The end's offset from t0: b sessions.
    public var endOffset: Int {
        switch unit {
        case .sessions, .minutes: end
        }
    }

    /// The offsets of the sessions whose moves the window adds up, each from the previous
    /// session's close: a … b (the event study's returns R_τ, τ = a … b).
    public var sessionOffsets: ClosedRange<Int> { start...end }

    /// The number of sessions whose moves the window adds up (b − a + 1).
    public var sessionCount: Int { end - start + 1 }

    /// The smallest start a whose base session t0+a−1 is still in the data (the series' first
    /// session, index 0), for an event session at index `t0`: 1 − t0.
    public static func earliestStart(t0: Int) -> Int { 1 - t0 }

    // MARK: Sessions around t0

    /// The base session's index, t0+a−1, for an event session at index `t0` (not checked
    /// against the data).
    func baseSession(around t0: Int) -> Int { t0 + baseOffset }

    /// The end session's index, t0+b (not checked against the data).
    func endSession(around t0: Int) -> Int { t0 + endOffset }

    /// The indexes of the sessions whose moves the window adds up, t0+a … t0+b (not checked
    /// against the data).
    func coveredSessions(around t0: Int) -> ClosedRange<Int> { (t0 + start)...(t0 + end) }
}

// MARK: - Placement and status

extension EventWindow {
    /// Where the window falls in a series of `sessionCount` sessions around an event whose
    /// session there is `t0`, and its status — the one mapping from an event session to a status:
    ///
    /// | t0 | base t0+a−1 | end t0+b | status |
    /// |---|---|---|---|
    /// | `beforeData`, `afterData`, `noSession`, `noMarket` | — | — | the same-named status |
    /// | a session | before the first session | any | `noBase` |
    /// | a session | in the data | after the last session | `noEnd` |
    /// | a session | in the data | in the data | `ok` |
    ///
    /// The base comes before the end, so a base after the data has its end after it too
    /// (`noEnd`), and an end before the data has its base before it too (`noBase`). The base and
    /// end sessions are given wherever they are in the data, whatever the status.
    public func placement(around t0: EventSession, sessionCount count: Int) -> WindowPlacement {
        switch t0 {
        case .session(let index):
            let base = baseSession(around: index)
            let end = endSession(around: index)
            let status: ChangeStatus = base < 0 ? .noBase : (end >= count ? .noEnd : .ok)
            return WindowPlacement(
                status: status, eventSession: index, baseSession: base >= 0 && base < count ? base : nil,
                endSession: end >= 0 && end < count ? end : nil)
        case .beforeData: return WindowPlacement(outside: .beforeData)
        case .afterData: return WindowPlacement(outside: .afterData)
        case .noSession: return WindowPlacement(outside: .noSession)
        case .noMarket: return WindowPlacement(outside: .noMarket)
        case .monthOnly: return WindowPlacement(outside: .monthOnly)
        }
    }
}

// MARK: - Labels

extension EventWindow {
    /// How an offset from the event session t0 is written.
    public enum OffsetStyle: Sendable, Hashable {
        /// `t0`, `t0+5`, `t0−6` with the typographic minus: for people (tables, charts, reports).
        case text
        /// `t0`, `t0+5`, `t0-6`, in ASCII: for column names in files.
        case ascii
        /// `0`, `+5`, `−6` (typographic minus, thousands grouped): on an axis whose title says
        /// that the offsets count sessions from t0.
        case axis
    }

    /// The label of the session at `offset` from t0, in `style`.
    public static func label(offset: Int, style: OffsetStyle = .text) -> String {
        switch style {
        case .text: offset == 0 ? "t0" : offset > 0 ? "t0+\(offset)" : "t0\u{2212}\(offset.magnitude)"
        case .ascii: offset == 0 ? "t0" : offset > 0 ? "t0+\(offset)" : "t0-\(offset.magnitude)"
        case .axis: axisLabel(Double(offset))
        }
    }

    /// The `axis` label of a position on an axis of offsets (a tick between sessions may fall
    /// anywhere): `−5`, `0`, `+5`, `+1,000`.
    static func axisLabel(_ offset: Double) -> String {
        let magnitude = NumberFormat.label(abs(offset), decimals: 0)
        return offset > 0 ? "+" + magnitude : offset < 0 ? "\u{2212}" + magnitude : "0"
    }

    /// The base session's label: `t0−2` for `-1:1`; `u−30m` for `-30m:60m`.
    public var baseLabel: String {
        unit == .minutes ? EventWindow.minuteLabel(start) : EventWindow.label(offset: baseOffset)
    }

    /// The end session's label: `t0+1` for `-1:1`; `u+60m` for `-30m:60m`.
    public var endLabel: String {
        unit == .minutes ? EventWindow.minuteLabel(end) : EventWindow.label(offset: endOffset)
    }

    /// `u`, `u+60m`, `u−30m`: an offset in minutes from the event's instant.
    static func minuteLabel(_ minutes: Int) -> String {
        minutes == 0 ? "u" : minutes > 0 ? "u+\(minutes)m" : "u\u{2212}\(minutes.magnitude)m"
    }
}

// MARK: - Defaults

extension EventWindow {
    /// What `changes` and `report` measure when no window is given: `-1:1` (the event session
    /// and one session either side) and `0:0` (the event session's own move).
    public static let changesDefault: [EventWindow] = [EventWindow(uncheckedStart: -1, end: 1), EventWindow(uncheckedStart: 0, end: 0)]

    /// The event study's event window when none is given: `-1:1`.
    public static let studyDefault = EventWindow(uncheckedStart: -1, end: 1)

    /// The event study's estimation window when none is given: `-250:-11` (DESIGN §2), about a
    /// trading year ending two weeks before the event.
    public static let estimationDefault = EventWindow(uncheckedStart: -250, end: -11)

    /// The window whose moves `correlate` pairs when none is given: `-1:1`, as the study's.
    public static let correlationDefault = EventWindow(uncheckedStart: -1, end: 1)

    /// The span of a chart around an event when none is given: `-5:5`, the closes from t0−6
    /// to t0+5.
    public static let chartDefault = EventWindow(uncheckedStart: -5, end: 5)
}
