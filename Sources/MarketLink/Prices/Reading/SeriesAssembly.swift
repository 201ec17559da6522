// MARK: - Assembled series

/// The series of a price file, before they are named from the file.
struct AssembledSeries {
    /// One per symbol (a panel), per value column (a wide file) or the one close column, in the
    /// order they first appear; a series with no close at all is left out.
    var series: [Series]
    /// Whether any series was written newest first (and so was reversed).
    var newestFirst: Bool
    /// What `inspect` says about series that were left out.
    var notes: [String]
    /// Each series' close extremes by the name it was read under (`CloseExtremes`), to check
    /// once it is named.
    var extremes: [String: CloseExtremes] = [:]
}

// MARK: - Series assembly

/// Gathers the rows read block by block into series, then makes them oldest first.
///
/// Each block's `RowChunk` is taken in file order and then dropped: a series' days and closes
/// are appended to its storage (which is all that grows with the file: 4 bytes of day and 8 of
/// close per session), and everything else a later step needs is kept in a constant size: the
/// date column's tally, the first row's date, the rows where an order first fails, each series'
/// `SessionOrder`. Lines are moved from the block's numbering to the file's as a block is taken.
///
/// Then (`finish`): a series whose first row is dated after its last is newest first and is
/// reversed; its dates must strictly increase — two rows on one date are a duplicate, any other
/// step back is out of order, an error naming both lines, never a guess. Each series keeps the
/// most decimals written in its closes (at most 10), for showing its numbers.
struct SeriesAssembly {
    /// One series' storage while the file is read.
    struct Store {
        var name: String
        /// `DateCode`s until `finish` makes them day ordinals.
        var days: [Int32] = []
        var closes: [Double] = []
        var decimals = 0
        var order = SessionOrder()
        var extremes = CloseExtremes()
    }

    let file: String
    /// Whether messages name the series (a panel or a wide file).
    let namesSeries: Bool
    /// Whether series are found by their symbol (a panel); otherwise one per value column.
    let bySymbol: Bool
    private(set) var stores: [Store] = []
    private var indexByName: [String: Int] = [:]
    /// The date column so far.
    private(set) var dates = DateColumnResolver.Tally()
    /// The file's first data row.
    private(set) var first: RowChunk.DateSample?
    /// The rows (of the file) where an order first fails, with their dates.
    private(set) var failures: [Int: RowChunk.DateSample] = [:]
    private(set) var dropped: [DroppedRow] = []
    /// The rows that are not sessions so far (`EdgeRows`).
    private var edges = EdgeRows.Tracker()

    init(layout: RowLayout, namesSeries: Bool) {
        self.file = layout.file
        self.namesSeries = namesSeries
        self.bySymbol = layout.symbolIndex != nil
        if !bySymbol { stores = layout.valueIndexes.map { Store(name: layout.header[$0]) } }
    }

    /// How many data rows were taken.
    var rowCount: Int { dates.rows }

    /// Gives each series of a file without a symbol column room for `rows` sessions (an
    /// estimate from the file's size), so that it is not copied as it grows.
    mutating func reserve(rows: Int) {
        guard !bySymbol, rows > 0 else { return }
        for k in stores.indices {
            stores[k].days.reserveCapacity(rows)
            stores[k].closes.reserveCapacity(rows)
        }
    }

    /// Takes the rows that are not sessions of the next chunk in file order, one that failed:
    /// those before its first session, and how many sessions it read before its error. Throws
    /// when one of them, or one waiting from an earlier chunk, lies between two sessions (that
    /// row comes before the chunk's error in the file).
    mutating func takeEdges(of failed: EdgeRows, lineShift: Int) throws(MarketLinkError) {
        try edges.take(leading: failed.leading.map { $0.shifted(by: lineShift) }, trailing: [], sessions: failed.sessions, file: file)
    }

    /// The rows that are not sessions at the file's edges, once every chunk is taken; throws for
    /// a file with such rows and no session.
    func edgeRows() throws(MarketLinkError) -> [DroppedRow] { try edges.finish(file: file) }

    /// Takes the next chunk in file order; its lines are `lineShift` below the file's. The
    /// chunk is emptied; its builders are returned, for the next chunk to reuse when the file has
    /// no symbol column (`RowChunk.parse`). Throws when a row that is not a session lies between
    /// two sessions (`EdgeRows`).
    @discardableResult
    mutating func take(_ chunk: inout RowChunk, lineShift: Int) throws(MarketLinkError) -> [RowChunk.Builder] {
        try edges.take(
            leading: chunk.edges.leading.map { $0.shifted(by: lineShift) }, trailing: chunk.edges.trailing.map { $0.shifted(by: lineShift) },
            sessions: chunk.edges.sessions, file: file)
        let rowsBefore = dates.rows
        if first == nil, var sample = chunk.first {
            sample.mark = sample.mark.shifted(by: lineShift)
            first = sample
        }
        dates.append(chunk.dates)
        for (row, sample) in chunk.failures {
            let index = row + rowsBefore
            guard DateColumnResolver.Tally.orders.contains(where: { dates.lane($0).firstFailure == index }) else { continue }
            var moved = sample
            moved.mark = moved.mark.shifted(by: lineShift)
            failures[index] = moved
        }
        if lineShift == 0 {
            dropped.append(contentsOf: chunk.dropped)
        } else {
            dropped.append(contentsOf: chunk.dropped.lazy.map { DroppedRow(line: $0.line + lineShift, series: $0.series, reason: $0.reason) })
        }
        let builders = chunk.builders
        chunk = RowChunk()
        for b in builders.indices {
            let target: Int
            if bySymbol {
                let name = builders[b].name
                if let existing = indexByName[name] {
                    target = existing
                } else {
                    target = stores.count
                    indexByName[name] = target
                    stores.append(Store(name: name))
                }
            } else {
                target = b
            }
            var piece = builders[b]
            if lineShift != 0 { piece.order.mapMarks { $0.shifted(by: lineShift) } }
            stores[target].days.append(contentsOf: piece.days)
            stores[target].closes.append(contentsOf: piece.closes)
            stores[target].decimals = max(stores[target].decimals, piece.decimals)
            stores[target].order.append(piece.order)
            let extremes = lineShift == 0 ? piece.extremes : piece.extremes.shifted(by: lineShift)
            stores[target].extremes = stores[target].extremes.merged(with: extremes)
        }
        return builders
    }

    /// Makes every series, oldest first, its days read under `order` (the column's day/month
    /// order, `nil` when every date is unambiguous); the storage moves into the series.
    /// Throws at the first series, in order, whose dates do not run one way.
    mutating func finish(order: DateOrder?) throws(MarketLinkError) -> AssembledSeries {
        var assembled = AssembledSeries(series: [], newestFirst: false, notes: [])
        var pending: [Pending] = []
        pending.reserveCapacity(stores.count)
        assembled.extremes.reserveCapacity(stores.count)
        let convert = dates.ambiguous && order != nil
        for k in stores.indices {
            var store = stores[k]
            stores[k] = Store(name: store.name)
            assembled.extremes[store.name] = store.extremes
            guard !store.days.isEmpty else {
                assembled.notes.append("\(store.name): no closes at all; no series")
                continue
            }
            if let step = store.order.problem(order) { throw problem(step, series: namesSeries ? store.name : nil) }
            if convert {
                store.days.withUnsafeMutableBufferPointer { days in
                    for i in days.indices { days[i] = DateCode.day(of: days[i], order: order) }
                }
            }
            if store.order.isNewestFirst(order) {
                store.days.reverse()
                store.closes.reverse()
                assembled.newestFirst = true
            }
            pending.append(Pending(name: store.name, days: store.days, closes: store.closes, decimals: min(store.decimals, 10)))
        }
        stores = []
        // Each series is made (its days checked, its display precision decided, its name looked
        // up in `MarketTable`) in parts on the worker threads when there are thousands; the
        // storage moves into the series, never copied.
        let items = pending
        pending = []
        var parts = OrderedWork.inParts(count: items.count, minimum: SeriesAssembly.seriesMadeInParts) { range in
            range.compactMap { k in Series(name: items[k].name, ordinals: items[k].days, closes: items[k].closes, decimals: items[k].decimals) }
        }
        assembled.series.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for k in parts.indices {
            assembled.series += parts[k]
            parts[k] = []
        }
        return assembled
    }

    /// From how many series `finish` makes them in parts on worker threads.
    static let seriesMadeInParts = 2_000

    /// A series' storage, oldest first, before the series is made.
    private struct Pending: Sendable {
        var name: String
        var days: [Int32]
        var closes: [Double]
        var decimals: Int
    }

    /// The message about two sessions that break the rule: it points at the later line in the
    /// file and names the earlier one; `series` is the name to mention, if any.
    private func problem(_ step: SessionOrder.Step, series: String?) -> MarketLinkError {
        let location = step.later.location(file: file)
        if step.earlierDay == step.laterDay {
            return MarketLinkError(.duplicateDate(Day(ordinal: step.laterDay), series: series, firstLine: step.earlier.line), at: location)
        }
        return MarketLinkError(
            .dateOutOfOrder(Day(ordinal: step.laterDay), series: series, firstLine: step.earlier.line, firstLineDay: Day(ordinal: step.earlierDay)),
            at: location)
    }
}
