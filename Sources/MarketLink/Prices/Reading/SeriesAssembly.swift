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
}

// MARK: - Series assembly

/// Turns the rows read in chunks into series, oldest first.
///
/// A series' rows are joined across chunks in file order; a series whose first row is dated
/// after its last is newest first and is reversed. Then its dates must strictly increase: two
/// rows on one date are a duplicate, any other step back is out of order — an error naming
/// both lines, never a guess. Each series keeps the most decimals written in its closes
/// (at most 10), for showing its numbers.
enum SeriesAssembly {
    /// Builds every series from `chunks` (their closes are freed as they are taken). `ordinals` are
    /// the rows' dates in file-row order; `namesSeries` says whether messages name the series
    /// (a panel or a wide file).
    static func assemble(
        _ chunks: inout [RowChunk], ordinals: [Int32], rows: RowNumbering, source: PriceFileBytes, namesSeries: Bool
    ) throws(MarketLinkError) -> AssembledSeries {
        var assembled = AssembledSeries(series: [], newestFirst: false, notes: [])
        for (name, pieces) in piecesByName(chunks) {
            let count = pieces.reduce(0) { $0 + chunks[$1.chunk].builders[$1.builder].rows.count }
            guard count > 0 else {
                assembled.notes.append("\(name): no closes at all; no series")
                continue
            }
            var sessions = gather(pieces, from: &chunks, count: count, ordinals: ordinals, rows: rows)
            if sessions.reverseIfNewestFirst() { assembled.newestFirst = true }
            try sessions.checkIncreasing(ordinals: ordinals, rows: rows, source: source, series: namesSeries ? name : nil)
            guard var made = Series(name: name, ordinals: sessions.days, closes: sessions.closes) else { continue }
            made.decimals = min(sessions.decimals, 10)
            assembled.series.append(made)
        }
        return assembled
    }

    /// Where each series' closes are: its builders across chunks, in chunk order, with the series
    /// in the order their names first appear.
    static func piecesByName(_ chunks: [RowChunk]) -> [(name: String, pieces: [(chunk: Int, builder: Int)])] {
        var names: [String] = []
        var parts: [String: [(chunk: Int, builder: Int)]] = [:]
        for k in chunks.indices {
            for (b, builder) in chunks[k].builders.enumerated() {
                if parts[builder.name] == nil { names.append(builder.name) }
                parts[builder.name, default: []].append((k, b))
            }
        }
        return names.map { ($0, parts[$0] ?? []) }
    }

    /// One series' sessions in file order, taken out of the chunks' builders.
    static func gather(
        _ pieces: [(chunk: Int, builder: Int)], from chunks: inout [RowChunk], count: Int, ordinals: [Int32], rows: RowNumbering
    ) -> SessionColumns {
        var sessions = SessionColumns()
        sessions.days.reserveCapacity(count)
        sessions.closes.reserveCapacity(count)
        sessions.rowOrder.reserveCapacity(count)
        for (k, b) in pieces {
            let base = Int32(rows.first[k])
            for row in chunks[k].builders[b].rows {
                sessions.days.append(ordinals[Int(row + base)])
                sessions.rowOrder.append(row + base)
            }
            sessions.closes.append(contentsOf: chunks[k].builders[b].closes)
            sessions.decimals = max(sessions.decimals, chunks[k].builders[b].decimals)
            chunks[k].builders[b].rows = []
            chunks[k].builders[b].closes = []
        }
        return sessions
    }
}

// MARK: - Session columns

/// One series' sessions side by side while it is assembled: day ordinal, close and the file row
/// each came from (for messages), and the most decimals seen.
struct SessionColumns {
    var days: [Int32] = []
    var closes: [Double] = []
    var rowOrder: [Int32] = []
    var decimals = 0

    /// Reverses a series written newest first (its first day after its last); says whether it did.
    mutating func reverseIfNewestFirst() -> Bool {
        guard days.count >= 2, days[0] > days[days.count - 1] else { return false }
        days.reverse()
        closes.reverse()
        rowOrder.reverse()
        return true
    }

    /// Throws at the first session not after the one before it: a duplicate date, or a date out of
    /// order. The message points at the later line in the file and names the earlier one; `series`
    /// is the name to mention, if any.
    func checkIncreasing(ordinals: [Int32], rows: RowNumbering, source: PriceFileBytes, series: String?) throws(MarketLinkError) {
        for k in days.indices.dropFirst() where days[k - 1] >= days[k] {
            let (earlierRow, laterRow) = (Int(rowOrder[k - 1]), Int(rowOrder[k]))
            let (first, second) = earlierRow < laterRow ? (earlierRow, laterRow) : (laterRow, earlierRow)
            let location = source.locate(offset: rows.dateOffset(ofRow: second))
            let firstLine = source.line(ofOffset: rows.dateOffset(ofRow: first))
            if days[k - 1] == days[k] {
                throw MarketLinkError(.duplicateDate(Day(ordinal: days[k]), series: series, firstLine: firstLine), at: location)
            }
            throw MarketLinkError(
                .dateOutOfOrder(Day(ordinal: ordinals[second]), series: series, firstLine: firstLine, firstLineDay: Day(ordinal: ordinals[first])),
                at: location)
        }
    }
}
