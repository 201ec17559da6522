import Foundation
import Testing
@testable import MarketLink

/// What a window means, as `EventWindow` owns it: offsets, labels, defaults, and where a window
/// falls around t0 with its status. Every expectation is worked out by hand from DESIGN §2:
/// window [a, b] runs from the close of t0+a−1 (base) to the close of t0+b (end).
@Suite struct EventWindowTests {
    static func window(_ a: Int, _ b: Int) throws -> EventWindow { try #require(EventWindow(start: a, end: b)) }

    // MARK: - Offsets

    struct Offsets: Sendable, CustomStringConvertible {
        var window: (Int, Int)
        var base: Int
        var end: Int
        var covered: ClosedRange<Int>
        var count: Int
        var description: String { "\(window.0):\(window.1)" }
    }

    @Test(arguments: [
        // base = a − 1, end = b, covered a…b, count b − a + 1.
        Offsets(window: (0, 0), base: -1, end: 0, covered: 0...0, count: 1),
        Offsets(window: (0, 1), base: -1, end: 1, covered: 0...1, count: 2),
        Offsets(window: (-1, 1), base: -2, end: 1, covered: -1...1, count: 3),
        Offsets(window: (-5, 5), base: -6, end: 5, covered: -5...5, count: 11),
        Offsets(window: (2, 4), base: 1, end: 4, covered: 2...4, count: 3),
        Offsets(window: (-250, -11), base: -251, end: -11, covered: -250...(-11), count: 240),
    ])
    func offsets(_ item: Offsets) throws {
        let window = try Self.window(item.window.0, item.window.1)
        #expect(window.unit == .sessions)
        #expect(window.baseOffset == item.base)
        #expect(window.endOffset == item.end)
        #expect(window.sessionOffsets == item.covered)
        #expect(window.sessionCount == item.count)
        #expect(window.description == item.description)
    }

    @Test func sessionsAroundAnIndex() throws {
        // t0 at index 10, window -1:1: base 10 − 2 = 8, end 11, covered 9…11.
        let window = try Self.window(-1, 1)
        #expect(window.baseSession(around: 10) == 8)
        #expect(window.endSession(around: 10) == 11)
        #expect(window.coveredSessions(around: 10) == 9...11)
    }

    @Test func earliestStartPutsTheBaseOnTheFirstSession() throws {
        // t0 at index 130: a = 1 − 130 = −129 makes the base t0 + a − 1 = 0.
        #expect(EventWindow.earliestStart(t0: 130) == -129)
        let window = try Self.window(EventWindow.earliestStart(t0: 130), -11)
        #expect(window.baseSession(around: 130) == 0)
        #expect(EventWindow.earliestStart(t0: 0) == 1)
    }

    @Test func aWindowThatRunsBackwardsIsNotAWindow() {
        #expect(EventWindow(start: 1, end: 0) == nil)
    }

    // MARK: - Labels

    @Test(arguments: [
        (0, "t0", "t0", "0"),
        (1, "t0+1", "t0+1", "+1"),
        (5, "t0+5", "t0+5", "+5"),
        (-1, "t0\u{2212}1", "t0-1", "\u{2212}1"),
        (-6, "t0\u{2212}6", "t0-6", "\u{2212}6"),
        (1000, "t0+1000", "t0+1000", "+1,000"),
        (-251, "t0\u{2212}251", "t0-251", "\u{2212}251"),
    ])
    func labels(offset: Int, text: String, ascii: String, axis: String) {
        #expect(EventWindow.label(offset: offset) == text)
        #expect(EventWindow.label(offset: offset, style: .text) == text)
        #expect(EventWindow.label(offset: offset, style: .ascii) == ascii)
        #expect(EventWindow.label(offset: offset, style: .axis) == axis)
    }

    @Test func baseAndEndLabels() throws {
        // -1:1 runs from the close of t0−2 to that of t0+1; 0:0 from t0−1 to t0.
        #expect(try Self.window(-1, 1).baseLabel == "t0\u{2212}2")
        #expect(try Self.window(-1, 1).endLabel == "t0+1")
        #expect(try Self.window(0, 0).baseLabel == "t0\u{2212}1")
        #expect(try Self.window(0, 0).endLabel == "t0")
        #expect(try Self.window(2, 3).baseLabel == "t0+1")
    }

    @Test func axisLabelsBetweenSessions() {
        #expect(EventWindow.axisLabel(2.0) == "+2")
        #expect(EventWindow.axisLabel(-10.0) == "\u{2212}10")
        #expect(EventWindow.axisLabel(0.0) == "0")
    }

    // MARK: - Defaults

    @Test func eachDefaultWithItsPurpose() throws {
        #expect(EventWindow.changesDefault == [try Self.window(-1, 1), try Self.window(0, 0)])
        #expect(EventWindow.studyDefault == (try Self.window(-1, 1)))
        #expect(EventWindow.estimationDefault == (try Self.window(-250, -11)))
        #expect(EventWindow.correlationDefault == (try Self.window(-1, 1)))
        #expect(EventWindow.chartDefault == (try Self.window(-5, 5)))
        // The study's design and the report take them.
        #expect(EventStudyDesign().window == EventWindow.studyDefault)
        #expect(EventStudyDesign().estimation == EventWindow.estimationDefault)
    }

    // MARK: - Placement and status

    struct Case: Sendable, CustomStringConvertible {
        var t0: EventSession
        var window: (Int, Int)
        var count: Int
        var status: ChangeStatus
        var base: Int?
        var end: Int?
        var covered: ClosedRange<Int>?
        var description: String { "\(t0) \(window.0):\(window.1) in \(count)" }
    }

    /// A series of 5 sessions (indexes 0…4) unless the count says otherwise; base = t0 + a − 1,
    /// end = t0 + b; a session is given only when 0 ≤ index < count.
    static let cases: [Case] = [
        // The first session: no session before it to be the base of a window starting at 0.
        Case(t0: .session(0), window: (0, 0), count: 5, status: .noBase, base: nil, end: 0, covered: nil),
        Case(t0: .session(0), window: (1, 1), count: 5, status: .ok, base: 0, end: 1, covered: 1...1),
        Case(t0: .session(0), window: (-1, 1), count: 5, status: .noBase, base: nil, end: 1, covered: nil),
        // Base on the first session exactly: t0 1, 0:0 → base 0.
        Case(t0: .session(1), window: (0, 0), count: 5, status: .ok, base: 0, end: 1, covered: 1...1),
        Case(t0: .session(1), window: (-1, 1), count: 5, status: .noBase, base: nil, end: 2, covered: nil),
        Case(t0: .session(2), window: (-1, 1), count: 5, status: .ok, base: 0, end: 3, covered: 1...3),
        // End on the last session exactly: t0 3, -1:1 → end 4.
        Case(t0: .session(3), window: (-1, 1), count: 5, status: .ok, base: 1, end: 4, covered: 2...4),
        Case(t0: .session(4), window: (-1, 1), count: 5, status: .noEnd, base: 2, end: nil, covered: nil),
        Case(t0: .session(4), window: (0, 0), count: 5, status: .ok, base: 3, end: 4, covered: 4...4),
        Case(t0: .session(4), window: (0, 1), count: 5, status: .noEnd, base: 3, end: nil, covered: nil),
        // Base after the data too (t0 4, 2:5 → base 5, end 9): no-end, neither session given.
        Case(t0: .session(4), window: (2, 5), count: 5, status: .noEnd, base: nil, end: nil, covered: nil),
        Case(t0: .session(2), window: (3, 5), count: 5, status: .noEnd, base: 4, end: nil, covered: nil),
        // End before the data too (t0 0, -10:-5 → base −11, end −5): no-base, neither given.
        Case(t0: .session(0), window: (-10, -5), count: 5, status: .noBase, base: nil, end: nil, covered: nil),
        // Base before and end after the data (t0 2, -3:3 → base −2, end 5): no-base comes first.
        Case(t0: .session(2), window: (-3, 3), count: 5, status: .noBase, base: nil, end: nil, covered: nil),
        // One session: no window has both a base and an end.
        Case(t0: .session(0), window: (0, 0), count: 1, status: .noBase, base: nil, end: 0, covered: nil),
        // Events without a session: their own status, whatever the window.
        Case(t0: .beforeData, window: (0, 0), count: 5, status: .beforeData, base: nil, end: nil, covered: nil),
        Case(t0: .beforeData, window: (-1, 1), count: 5, status: .beforeData, base: nil, end: nil, covered: nil),
        Case(t0: .afterData, window: (0, 0), count: 5, status: .afterData, base: nil, end: nil, covered: nil),
        Case(t0: .afterData, window: (-5, 5), count: 5, status: .afterData, base: nil, end: nil, covered: nil),
        Case(t0: .noSession, window: (0, 1), count: 5, status: .noSession, base: nil, end: nil, covered: nil),
        Case(t0: .noMarket, window: (-1, 1), count: 5, status: .noMarket, base: nil, end: nil, covered: nil),
        Case(t0: .monthOnly, window: (-1, 1), count: 5, status: .monthOnly, base: nil, end: nil, covered: nil),
    ]

    @Test(arguments: cases)
    func placement(_ item: Case) throws {
        let placement = try Self.window(item.window.0, item.window.1).placement(around: item.t0, sessionCount: item.count)
        #expect(placement.status == item.status)
        #expect(placement.eventSession == item.t0.index)
        #expect(placement.baseSession == item.base)
        #expect(placement.endSession == item.end)
        #expect(placement.coveredSessions == item.covered)
    }

    /// The change table and the study give every event the status the window's placement gives
    /// (the study names an event without a session `noEventSession`).
    @Test(arguments: cases.filter { $0.count == 5 })
    func changeTableAndStudyTakeThePlacementsStatus(_ item: Case) throws {
        // Five weekday sessions, Wednesday 2023-06-07 … Tuesday 06-13, closes 100…104; the
        // event's date gives t0 by the `next` rule (a date off the data for before-data and
        // after-data, the Saturday between under `exact` for no-session).
        let days = try ["2023-06-07", "2023-06-08", "2023-06-09", "2023-06-12", "2023-06-13"].map { try #require(Day(iso: $0)) }
        let series = try #require(Series(name: "S", days: days, closes: [100, 101, 102, 103, 104]))
        let event: Event
        var rule = AlignmentRule.next
        switch item.t0 {
        case .session(let index): event = Event(id: "1", title: "e", date: days[index])
        case .beforeData: event = Event(id: "1", title: "e", date: try #require(Day(iso: "2023-06-01")))
        case .afterData: event = Event(id: "1", title: "e", date: try #require(Day(iso: "2023-06-14")))
        case .noSession:
            event = Event(id: "1", title: "e", date: try #require(Day(iso: "2023-06-10")))
            rule = .exact
        case .noMarket:
            // A timed event on a series without a market.
            event = Event(id: "1", title: "e", date: days[2], instant: 1_686_300_000)
        case .monthOnly:
            // An event dated to a month (2023-06) has no session until it is given a day.
            event = Event(id: "1", title: "e", date: try #require(Day(iso: "2023-06-01")), precision: .month)
        }
        let sessions = EventSessions(events: [event], series: [series], rule: rule)
        #expect(sessions[event: 0, series: 0] == item.t0)
        let window = try Self.window(item.window.0, item.window.1)
        let row = try #require(ChangeTable(sessions: sessions, windows: [window]).rows.first)
        #expect(row.status == item.status)
        #expect(row.base?.session == item.base)
        #expect(row.end?.session == item.end)
        // The study's estimation window must end before the event window starts.
        let design = EventStudyDesign(
            window: window, estimation: try Self.window(window.baseOffset - 2, window.baseOffset), model: .raw)
        let result = try EventStudy(sessions: sessions, design: design).result(event: 0, series: 0)
        switch item.status {
        case .ok: #expect(result.status.name != "no-base" && result.status.name != "no-end")
        case .noBase: #expect(result.status == .noBase)
        case .noEnd: #expect(result.status == .noEnd)
        default: #expect(result.status == .noEventSession(item.status))
        }
        #expect(result.eventSession == item.t0.index)
    }
}
