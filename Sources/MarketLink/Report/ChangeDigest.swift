import Dispatch
import Foundation

// MARK: - Change digest

/// What a change report shows of a change table, gathered in one pass over its rows without
/// keeping them: how many rows have each status, each window's percent moves (for their
/// distribution), the largest moves, and per event and per series, by window, how the moves went.
///
/// Rows are never stored: each is placed from its event session (`EventWindow.placement`),
/// measured, counted and forgotten, so memory is one `Double` per measured move (the
/// distributions) plus a few counters per event and per series, whatever the number of rows. The
/// rows a report prints are made again when it prints them (`row(_:)`). Events are split across
/// the cores; the parts are merged in event order, so the digest is the same on every machine.
struct ChangeDigest: Sendable {
    /// Where a row is: indexes into the events, the series and the windows.
    struct Position: Sendable, Hashable {
        var event: Int
        var series: Int
        var window: Int
    }

    /// A measured move and its place in the table.
    struct RankedMove: Sendable, Equatable {
        var position: Position
        var percent: Double
        /// The row's number in table order (event, then series, then window), which breaks ties.
        var order: Int

        /// Larger moves (by absolute percent) first; equal ones in table order.
        func ranksBefore(_ other: RankedMove) -> Bool {
            abs(percent) != abs(other.percent) ? abs(percent) > abs(other.percent) : order < other.order
        }
    }

    /// How the moves of a set of rows went: up, down, unchanged at their printed precision (as a
    /// sentence says it, `MoveDirection`), or without a number.
    struct Directions: Sendable, Equatable {
        var rose = 0
        var fell = 0
        var unchanged = 0
        var missing = 0

        mutating func add(_ other: Directions) {
            rose += other.rose
            fell += other.fell
            unchanged += other.unchanged
            missing += other.missing
        }
    }

    /// One event's moves in one window across the series: their directions, the mean percent
    /// (over the moves with a finite percent) and the largest rise and fall.
    struct Across: Sendable {
        var directions = Directions()
        /// Moves with a finite percent, and their sum.
        var count = 0
        var sum = 0.0
        var largestRise: (series: Int, percent: Double)?
        var largestFall: (series: Int, percent: Double)?

        /// The mean percent move, or `nil` without moves.
        var mean: Double? { count > 0 ? sum / Double(count) : nil }
    }

    let eventCount: Int
    let seriesCount: Int
    let windowCount: Int
    /// events × series × windows.
    var rowCount: Int { eventCount * seriesCount * windowCount }
    /// Rows per status, in the order of `ChangeStatus.allCases`.
    private(set) var statusCounts: [Int]
    /// Per window, every finite percent move, in ascending order.
    private(set) var percents: [[Double]]
    /// Per window, the largest moves by absolute percent (at most `keep`), largest first.
    private(set) var largest: [[RankedMove]]
    /// Per event and window (at e · windows + w), the moves across the series.
    private(set) var perEvent: [Across]
    /// Per series and window (at s · windows + w), the directions across the events.
    private(set) var perSeries: [Directions]

    /// The rows of `status`.
    func count(_ status: ChangeStatus) -> Int {
        statusCounts[ChangeStatus.allCases.firstIndex(of: status) ?? 0]
    }

    /// The moves of event `e` in window `w` across the series.
    func across(event e: Int, window w: Int) -> Across { perEvent[e * windowCount + w] }

    /// The directions of series `s` in window `w` across the events.
    func directions(series s: Int, window w: Int) -> Directions { perSeries[s * windowCount + w] }

    /// The largest moves of every window together (at most `keep`), largest first.
    var largestOverall: [RankedMove] {
        Array(largest.joined().sorted { $0.ranksBefore($1) }.prefix(keep))
    }

    /// How many largest moves are kept per window.
    let keep: Int

    // MARK: - One pass

    /// The digest of the change table of `sessions` × `windows`, keeping the `keep` largest moves
    /// of each window.
    init(sessions: EventSessions, windows: [EventWindow], keep: Int) {
        let events = sessions.events.count
        let series = sessions.series.count
        eventCount = events
        seriesCount = series
        windowCount = windows.count
        self.keep = max(0, keep)
        // Parts of about equal size, a few per core, merged in order.
        let parts = events == 0 ? 0 : min(events, max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
        let ranges = (0..<parts).map { k in (events * k / parts)..<(events * (k + 1) / parts) }
        let results = PartResults(count: parts)
        let keep = self.keep
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            results.store(Part(sessions: sessions, windows: windows, events: ranges[k], keep: keep), at: k)
        }
        var statusCounts = [Int](repeating: 0, count: ChangeStatus.allCases.count)
        var percents = [[Double]](repeating: [], count: windows.count)
        var largest = [TopMoves](repeating: TopMoves(capacity: keep), count: windows.count)
        var perEvent: [Across] = []
        perEvent.reserveCapacity(events * windows.count)
        var perSeries = [Directions](repeating: Directions(), count: series * windows.count)
        for part in results.all() {
            for (k, count) in part.statusCounts.enumerated() { statusCounts[k] += count }
            for w in windows.indices {
                percents[w] += part.percents[w]
                for move in part.largest[w].moves { largest[w].insert(move) }
            }
            perEvent += part.perEvent
            for k in perSeries.indices { perSeries[k].add(part.perSeries[k]) }
        }
        self.statusCounts = statusCounts
        self.percents = percents.map { $0.sorted() }
        self.largest = largest.map { $0.ranked() }
        self.perEvent = perEvent
        self.perSeries = perSeries
    }

    /// The digest of the events in one range.
    private struct Part: Sendable {
        var statusCounts: [Int]
        var percents: [[Double]]
        var largest: [TopMoves]
        var perEvent: [Across]
        var perSeries: [Directions]

        init(sessions: EventSessions, windows: [EventWindow], events range: Range<Int>, keep: Int) {
            let series = sessions.series
            let statuses = ChangeStatus.allCases
            statusCounts = [Int](repeating: 0, count: statuses.count)
            percents = [[Double]](repeating: [], count: windows.count)
            largest = [TopMoves](repeating: TopMoves(capacity: keep), count: windows.count)
            perEvent = [Across](repeating: Across(), count: range.count * windows.count)
            perSeries = [Directions](repeating: Directions(), count: series.count * windows.count)
            let okIndex = statuses.firstIndex(of: .ok) ?? 0
            // Series by series, so that each series' closes stay in the cache while its events
            // are measured; the counts do not depend on the order, and the largest moves are
            // ranked by size and then by their place in the table.
            for (s, item) in series.enumerated() {
                let closes = item.closes
                let display = item.display
                for e in range {
                    let t0 = sessions.at(event: e, series: s)
                    for (w, window) in windows.enumerated() {
                        let placement = window.placement(around: t0, sessionCount: closes.count)
                        let status = placement.status
                        statusCounts[statuses.firstIndex(of: status) ?? okIndex] += 1
                        let across = (e - range.lowerBound) * windows.count + w
                        let own = s * windows.count + w
                        guard status == .ok, let baseSession = placement.baseSession, let endSession = placement.endSession,
                            baseSession < endSession, endSession < closes.count
                        else {
                            perEvent[across].directions.missing += 1
                            perSeries[own].missing += 1
                            continue
                        }
                        let base = closes[baseSession]
                        let end = closes[endSession]
                        switch MoveDirection(base: base, end: end, precision: display) {
                        case .up:
                            perEvent[across].directions.rose += 1
                            perSeries[own].rose += 1
                        case .down:
                            perEvent[across].directions.fell += 1
                            perSeries[own].fell += 1
                        case .unchanged:
                            perEvent[across].directions.unchanged += 1
                            perSeries[own].unchanged += 1
                        }
                        // As `Move.percent` computes it.
                        let percent = 100 * (end / base - 1)
                        guard percent.isFinite, base > 0 else { continue }
                        percents[w].append(percent)
                        perEvent[across].count += 1
                        perEvent[across].sum += percent
                        if percent > (perEvent[across].largestRise?.percent ?? 0) { perEvent[across].largestRise = (s, percent) }
                        if percent < (perEvent[across].largestFall?.percent ?? 0) { perEvent[across].largestFall = (s, percent) }
                        let order = (e * series.count + s) * windows.count + w
                        largest[w].insert(RankedMove(position: Position(event: e, series: s, window: w), percent: percent, order: order))
                    }
                }
            }
        }
    }

    /// The parts as the workers finish them, kept by index.
    private final class PartResults: @unchecked Sendable {
        private var parts: [Part?]
        private let lock = NSLock()

        init(count: Int) { parts = Array(repeating: nil, count: count) }

        func store(_ part: Part, at index: Int) {
            lock.lock()
            parts[index] = part
            lock.unlock()
        }

        func all() -> [Part] {
            lock.lock()
            defer { lock.unlock() }
            return parts.compactMap { $0 }
        }
    }

    // MARK: - Rows again

    /// The percent move at `position`, as its row has it (`nil` without a move, or with a base
    /// at or below zero), without making the row: for the thousands of moves a report ranks to
    /// show a few.
    static func percent(_ position: Position, sessions: EventSessions, windows: [EventWindow]) -> Double? {
        let item = sessions.series[position.series]
        let placement = windows[position.window].placement(
            around: sessions.at(event: position.event, series: position.series), sessionCount: item.count)
        guard placement.status == .ok, let base = placement.baseSession, let end = placement.endSession, base < end else { return nil }
        let baseClose = item.close(at: base)
        let percent = 100 * (item.close(at: end) / baseClose - 1)
        return percent.isFinite && baseClose > 0 ? percent : nil
    }

    /// The row at `position` of the change table of `sessions` × `windows`, made from its event
    /// session as `ChangeTable` makes it.
    static func row(_ position: Position, sessions: EventSessions, windows: [EventWindow]) -> ChangeRow {
        let item = sessions.series[position.series]
        let window = windows[position.window]
        let placement = window.placement(around: sessions.at(event: position.event, series: position.series), sessionCount: item.count)
        let base = placement.baseSession.flatMap { SessionClose($0, in: item) }
        let end = placement.endSession.flatMap { SessionClose($0, in: item) }
        let move: Move? =
            if placement.status == .ok, let base, let end {
                Move(series: item, baseSession: base.session, endSession: end.session)
            } else {
                nil
            }
        return ChangeRow(
            event: sessions.events[position.event], eventIndex: position.event, series: item.name, seriesIndex: position.series,
            window: window, windowIndex: position.window, status: placement.status,
            eventSession: placement.eventSession.flatMap { SessionClose($0, in: item) }, base: base, end: end, move: move, minute: nil)
    }
}

// MARK: - Largest moves

/// The `capacity` largest moves seen (by absolute percent, ties in table order), in a binary heap
/// whose root is the smallest kept, so each move costs O(log capacity) at most.
struct TopMoves: Sendable {
    let capacity: Int
    private(set) var moves: [ChangeDigest.RankedMove] = []

    init(capacity: Int) { self.capacity = max(0, capacity) }

    mutating func insert(_ move: ChangeDigest.RankedMove) {
        guard capacity > 0 else { return }
        if moves.count < capacity {
            moves.append(move)
            var child = moves.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                // The root holds the move that ranks last.
                guard moves[parent].ranksBefore(moves[child]) else { break }
                moves.swapAt(parent, child)
                child = parent
            }
            return
        }
        guard let root = moves.first, move.ranksBefore(root) else { return }
        moves[0] = move
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var last = parent
            if left < moves.count, moves[last].ranksBefore(moves[left]) { last = left }
            if right < moves.count, moves[last].ranksBefore(moves[right]) { last = right }
            if last == parent { break }
            moves.swapAt(parent, last)
            parent = last
        }
    }

    /// The moves kept, largest first.
    func ranked() -> [ChangeDigest.RankedMove] { moves.sorted { $0.ranksBefore($1) } }
}
