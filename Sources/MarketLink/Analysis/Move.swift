import Foundation

// MARK: - Move

/// The move of one series from the close of a *base* session to the close of a later *end*
/// session (DESIGN §2).
///
/// The sessions the move *covers* are `baseSession + 1 ... endSession`: a move over Wednesday
/// and Thursday runs from Tuesday's close (the base) to Thursday's close (the end).
///
/// - `points` = end − base
/// - `percent` = 100 · (end / base − 1)
/// - `logReturn` = ln(end / base)
///
/// `percent` and `logReturn` are only meaningful for positive closes: with a base of 0 they are
/// infinite or NaN, and with a negative close `logReturn` is NaN. Index levels are positive; a
/// series that is not an index may go to 0 or below, and then `hasPercent` says whether the
/// percent has a value (the change table's `no-percent` status when it has not).
///
/// A `Move` is a handful of integers and doubles (no arrays), so the change table can build
/// millions of them.
public struct Move: Sendable, Hashable {
    /// Index of the base session in its series.
    public let baseSession: Int
    /// Index of the end session in its series; always greater than `baseSession`.
    public let endSession: Int
    /// The date of the base session, whose close the move starts from.
    public let baseDay: Day
    /// The close of the base session, in index points.
    public let baseClose: Double
    /// The date of the first covered session (`baseSession + 1`).
    public let firstDay: Day
    /// The date of the end session, whose close the move ends at.
    public let endDay: Day
    /// The close of the end session, in index points.
    public let endClose: Double

    /// The move from the close of `baseSession` to the close of `endSession`, or `nil` unless
    /// `0 <= baseSession < endSession < series.count`.
    public init?(series: Series, baseSession: Int, endSession: Int) {
        guard baseSession >= 0, baseSession < endSession, endSession < series.count else { return nil }
        self.baseSession = baseSession
        self.endSession = endSession
        self.baseDay = series.day(at: baseSession)
        self.baseClose = series.close(at: baseSession)
        self.firstDay = series.day(at: baseSession + 1)
        self.endDay = series.day(at: endSession)
        self.endClose = series.close(at: endSession)
    }

    // MARK: - Derived numbers

    /// The covered sessions, as indexes into the series: `baseSession + 1 ... endSession`.
    public var sessions: ClosedRange<Int> { (baseSession + 1)...endSession }

    /// How many sessions the move covers: `endSession − baseSession` (at least 1).
    public var sessionCount: Int { endSession - baseSession }

    /// end − base, in index points.
    public var points: Double { endClose - baseClose }

    /// 100 · (end / base − 1).
    public var percent: Double { 100 * (endClose / baseClose - 1) }

    /// ln(end / base).
    public var logReturn: Double { Foundation.log(endClose / baseClose) }

    /// True when the base close is above 0, so that a percent against it has a value (the end may
    /// be at or below 0: WTI crude from 18.27 to −37.63 is −305.97%).
    public var hasPercent: Bool { baseClose > 0 }

    /// True when both closes are positive, so that `percent` and `logReturn` are finite.
    public var hasPositiveCloses: Bool { baseClose > 0 && endClose > 0 && baseClose.isFinite && endClose.isFinite }
}

// MARK: - Moves over dates

extension Move {
    /// The move over the sessions dated `from ... to` (both inclusive): the end is the last
    /// session on or before `to`, the base the session before the first one on or after `from`.
    ///
    /// Throws a data error when no session is dated in the range, or when the range starts at the
    /// series' first session so that there is no base close to measure from; a usage error when
    /// `from` is after `to`.
    public init(series: Series, from: Day, to: Day) throws(MarketLinkError) {
        guard from <= to else {
            throw MarketLinkError(.backwardsRange(from: from, to: to))
        }
        let first = series.firstSession(onOrAfter: from)
        let last = series.lastSession(onOrBefore: to)
        guard first <= last, first < series.count, last >= 0 else {
            throw MarketLinkError(
                .noSessionInRange(
                    series: series.name, from: from, to: to, lastBefore: last >= 0 ? series.day(at: last) : nil,
                    firstAfter: first < series.count ? series.day(at: first) : nil))
        }
        guard first > 0 else {
            throw MarketLinkError(.noBaseSession(series: series.name, first: series.day(at: first)))
        }
        guard let move = Move(series: series, baseSession: first - 1, endSession: last) else {
            throw MarketLinkError("cannot measure \(quoted(series.name)) from \(from.iso) to \(to.iso)")
        }
        self = move
    }
}
