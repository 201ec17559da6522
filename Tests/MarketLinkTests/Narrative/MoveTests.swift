import Foundation
import Testing
@testable import MarketLink

// Expected numbers are from the closes alone, computed with Python's decimal module (points,
// percent) and math.log (log return), not with MarketLink:
//   from decimal import Decimal as D
//   b, e = D("33573.28"), D("33833.61")
//   e - b                      -> 260.33
//   100 * (e / b - 1)          -> 0.775408...  (0.78 at 2 decimals)
//   math.log(33833.61/33573.28) -> 0.007724174615830322
@Suite struct MoveTests {
    @Test func wednesdayAndThursdayOnTheDow() throws {
        let series = try #require(RealCloses.series("DJIA", RealCloses.djia))
        let base = try #require(RealCloses.session("2023-06-06", in: series))
        let end = try #require(RealCloses.session("2023-06-08", in: series))
        let move = try #require(Move(series: series, baseSession: base, endSession: end))
        #expect(move.baseDay.iso == "2023-06-06")
        #expect(move.baseClose == 33573.28)
        #expect(move.firstDay.iso == "2023-06-07")
        #expect(move.endDay.iso == "2023-06-08")
        #expect(move.endClose == 33833.61)
        #expect(move.sessionCount == 2)
        #expect(move.sessions == (base + 1)...end)
        #expect(abs(move.points - 260.33) < 1e-9)
        #expect(abs(move.percent - 0.775408) < 1e-6)
        #expect(abs(move.logReturn - 0.007724174615830322) < 1e-12)
        #expect(move.hasPositiveCloses)
    }

    @Test(arguments: [(-1, 2), (2, 2), (3, 2), (0, 27), (26, 27), (-5, -1)])
    func badSessionIndexesGiveNoMove(base: Int, end: Int) throws {
        let series = try #require(RealCloses.series("DJIA", RealCloses.djia))
        #expect(series.count == 27)
        #expect(Move(series: series, baseSession: base, endSession: end) == nil)
    }

    @Test func lastPossibleMoveExists() throws {
        let series = try #require(RealCloses.series("DJIA", RealCloses.djia))
        let move = try #require(Move(series: series, baseSession: 25, endSession: 26))
        #expect(move.endDay.iso == "2023-06-16")
    }

    // MARK: - Moves over dates

    /// (from, to, base date, end date, sessions): the base is the session before the first one
    /// dated on or after `from`; the end is the last on or before `to`.
    @Test(arguments: [
        ("2023-06-07", "2023-06-08", "2023-06-06", "2023-06-08", 2),
        ("2023-06-10", "2023-06-12", "2023-06-09", "2023-06-12", 1),  // starts on a Saturday
        ("2023-06-05", "2023-06-11", "2023-06-02", "2023-06-09", 5),  // ends on a Sunday
        ("2023-05-29", "2023-05-30", "2023-05-26", "2023-05-30", 1),  // Memorial Day, no session
        ("2022-12-31", "2023-01-03", "2022-12-30", "2023-01-03", 1),  // New Year, across the year
        ("2023-01-07", "2023-05-22", "2023-01-06", "2023-05-22", 1),  // across the gap in this table
    ])
    func moveOverDates(from: String, to: String, base: String, end: String, sessions: Int) throws {
        let series = try #require(RealCloses.series("DJIA", RealCloses.djia))
        let move = try Move(series: series, from: try #require(Day(iso: from)), to: try #require(Day(iso: to)))
        #expect(move.baseDay.iso == base)
        #expect(move.endDay.iso == end)
        #expect(move.sessionCount == sessions)
    }

    @Test func rangeWithNoSessionIsADataError() throws {
        let series = try #require(RealCloses.series("DJIA", RealCloses.djia))
        let error = try #require(throws: MarketLinkError.self) {
            try Move(series: series, from: try #require(Day(iso: "2023-06-10")), to: try #require(Day(iso: "2023-06-11")))
        }
        #expect(error.kind == .data)
        #expect(error.message == "\"DJIA\" has no session dated from 2023-06-10 to 2023-06-11 (the last before is 2023-06-09, the first after is 2023-06-12)")
    }

    @Test func rangeStartingAtTheFirstSessionHasNoBase() throws {
        let series = try #require(RealCloses.series("DJIA", RealCloses.djia))
        let error = try #require(throws: MarketLinkError.self) {
            try Move(series: series, from: try #require(Day(iso: "2022-12-01")), to: try #require(Day(iso: "2022-12-28")))
        }
        #expect(error.kind == .data)
        #expect(error.message.contains("no session before 2022-12-27, its first"))
    }

    @Test func backwardRangeIsAUsageError() throws {
        let series = try #require(RealCloses.series("DJIA", RealCloses.djia))
        let error = try #require(throws: MarketLinkError.self) {
            try Move(series: series, from: try #require(Day(iso: "2023-06-09")), to: try #require(Day(iso: "2023-06-08")))
        }
        #expect(error.kind == .usage)
    }

    @Test func nonPositiveClosesAreFlagged() throws {
        let days = [Day(year: 2023, month: 6, day: 7), Day(year: 2023, month: 6, day: 8)].compactMap { $0 }
        let series = try #require(Series(name: "odd", days: days, closes: [0, 5]))
        let move = try #require(Move(series: series, baseSession: 0, endSession: 1))
        #expect(!move.hasPositiveCloses)
        #expect(move.points == 5)
    }
}
