import Foundation

// MARK: - Chunk

/// What the data rows of one block yield, in the form `SeriesAssembly` takes it: per series its
/// sessions' days (`DateCode`s: the day, or an ambiguous date's numbers) and closes and the
/// order they run in (`SessionOrder`), the date column's tally, dropped rows, and the places
/// messages may need later, located while the block's bytes are at hand. Lines are counted from
/// the `line` the chunk was given (from 1 for a block after the first; `SeriesAssembly` moves
/// them to the file's lines).
struct RowChunk {
    /// One series' sessions in the chunk, and the most digits after the decimal mark seen in them.
    struct Builder {
        var name: String
        var days: [Int32] = []
        var closes: [Double] = []
        var decimals = 0
        var order = SessionOrder()
        /// What the closes must be checked for once the series is named (`CloseExtremes`).
        var extremes = CloseExtremes()
    }

    /// A row's date as written, for messages and `inspect`: the numbers read, the field's text
    /// and its place.
    struct DateSample {
        var raw: RawDate
        var text: String
        var mark: RowMark
    }

    var builders: [Builder] = []
    var builderByName: [String: Int] = [:]
    var dropped: [DroppedRow] = []
    /// Rows before the chunk's first session and after its last that are not sessions (`EdgeRows`).
    var edges = EdgeRows()
    /// The date column over the chunk's rows (a row is a data row with a readable date).
    var dates = DateColumnResolver.Tally()
    /// The chunk's first row, when it has one.
    var first: DateSample?
    /// The rows (of the chunk) where some day/month order first fails, with their dates.
    var failures: [Int: DateSample] = [:]
    /// Line breaks consumed by this chunk.
    var linesConsumed = 0
    /// Whether `builders` were given room for the rows the block is likely to hold.
    private var reserved = false
    /// The month of the row before, for the rows of one month that follow it.
    private var month = MonthOfDates()
    /// The closes of the rows read so far, while they wait to be added column by column
    /// (`PendingCells`); `nil` when each close is added to its builder as its row is read.
    private var pending: PendingCells?

    /// How many data rows the chunk read.
    var rowCount: Int { dates.rows }

    /// Reads the rows in `range` of `bytes` (whole rows). `line` is the line number of `range`'s
    /// start; `quotesPossible` says whether the range may hold a quote (if not, the quote-free
    /// fast path reads it). On an error, `edges` is what the chunk had of rows that are not
    /// sessions and of sessions before it (with the failing row's, if it got that far): what
    /// decides whether such a row lay between two sessions.
    /// `reusing` is the builders of a chunk already taken (`SeriesAssembly.take`), for a file
    /// without a symbol column: emptied and filled again, keeping their storage, so that reading
    /// a wide file does not allocate and free a builder array and two small arrays per column
    /// for every block (freed memory the allocator keeps).
    /// They are taken from `recycled` (left `nil`), so that they have one owner and are emptied
    /// in place.
    static func parse(
        bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, line: Int, layout: RowLayout, quotesPossible: Bool, edges: inout EdgeRows,
        reusing recycled: inout [Builder]?
    ) throws(MarketLinkError) -> RowChunk {
        var chunk = RowChunk()
        do throws(MarketLinkError) {
            try chunk.read(bytes: bytes, range: range, line: line, layout: layout, quotesPossible: quotesPossible, reusing: &recycled)
        } catch {
            edges = chunk.edges
            throw error
        }
        return chunk
    }

    /// Reads the rows as above, with new builders.
    static func parse(
        bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, line: Int, layout: RowLayout, quotesPossible: Bool, edges: inout EdgeRows
    ) throws(MarketLinkError) -> RowChunk {
        var none: [Builder]? = nil
        return try parse(bytes: bytes, range: range, line: line, layout: layout, quotesPossible: quotesPossible, edges: &edges, reusing: &none)
    }

    private mutating func read(
        bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, line: Int, layout: RowLayout, quotesPossible: Bool, reusing recycled: inout [Builder]?
    ) throws(MarketLinkError) {
        var chunk = self
        defer { self = chunk }
        if layout.symbolIndex == nil {
            var reused = recycled
            recycled = nil
            if var builders = reused, builders.count == layout.valueIndexes.count {
                reused = nil
                for k in builders.indices { builders[k].empty(name: layout.header[layout.valueIndexes[k]]) }
                chunk.builders = builders
            } else {
                chunk.builders = layout.valueIndexes.map { Builder(name: layout.header[$0]) }
            }
        }
        if layout.symbolIndex == nil, !quotesPossible, layout.valueIndexes.count >= RowPipeline.manyColumns,
            range.upperBound <= Int(UInt32.max)
        {
            chunk.pending = PendingCells(columns: layout.valueIndexes.count, delimiter: layout.delimiter)
        }
        defer {
            chunk.pending?.deallocate()
            chunk.pending = nil
        }
        let limited = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
        var tokenizer = CSVTokenizer(bytes: limited, delimiter: layout.delimiter, file: layout.file, start: range.lowerBound, line: line)
        var fields: [CSVField] = []
        fields.reserveCapacity(layout.header.count + 1)
        // The quote-free fast path fills a fixed buffer: one more slot than the header has, enough
        // to notice a row with too many fields.
        let capacity = layout.header.count + 1
        let scratch = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: capacity)
        defer { scratch.deallocate() }
        var previousSymbol: (start: Int, end: Int, builder: Int)?
        if quotesPossible {
            while try tokenizer.nextRow(into: &fields) {
                try fields.withUnsafeBufferPointer { row throws(MarketLinkError) in
                    try chunk.take(
                        row, count: row.count, tokenizer: tokenizer, layout: layout, previousSymbol: &previousSymbol, range: range, multiline: true)
                }
            }
        } else {
            while let count = tokenizer.nextUnquotedRow(into: scratch) {
                let row = UnsafeBufferPointer(rebasing: scratch[..<min(count, capacity)])
                try chunk.take(row, count: count, tokenizer: tokenizer, layout: layout, previousSymbol: &previousSymbol, range: range, multiline: false)
            }
        }
        if let cells = chunk.pending { chunk.add(cells, bytes: limited) }
        chunk.linesConsumed = tokenizer.line - line
        chunk.locateMarks(tokenizer)
    }

    /// Turns the byte offsets of the marks the builders keep into columns, while the bytes are here.
    private mutating func locateMarks(_ tokenizer: CSVTokenizer) {
        for k in builders.indices {
            builders[k].order.mapMarks { mark in
                RowMark(line: mark.line, position: tokenizer.locate(offset: mark.position, line: mark.line).column)
            }
            builders[k].extremes.locate(tokenizer)
        }
    }

    /// Room in each series of a file without a symbol column for the rows the block likely
    /// holds, judged from the first row's length.
    private mutating func reserve(rowLength: Int, range: Range<Int>) {
        reserved = true
        guard !builders.isEmpty else { return }
        let estimate = range.count / max(rowLength, 1) + 2
        pending?.reserve(rows: estimate)
        for k in builders.indices {
            builders[k].days.reserveCapacity(estimate)
            builders[k].closes.reserveCapacity(estimate)
        }
    }

    /// Reads one row into the columns.
    @inline(__always)
    private mutating func take(
        _ fields: UnsafeBufferPointer<CSVField>, count fieldCount: Int, tokenizer: CSVTokenizer, layout: RowLayout,
        previousSymbol: inout (start: Int, end: Int, builder: Int)?, range: Range<Int>, multiline: Bool
    ) throws(MarketLinkError) {
        let header = layout.header
        let line = tokenizer.rowLine
        // A blank row: cheap to rule out, since a real row's date field starts with a non-blank byte.
        if let first = fields.first, first.isEmpty || tokenizer.bytes[first.start] == 32 || tokenizer.bytes[first.start] == 9,
            fields.allSatisfy({ field in tokenizer.slice(field).allSatisfy { $0 == 32 || $0 == 9 } })
        {
            dropped.append(DroppedRow(line: line, series: nil, reason: "empty row"))
            return
        }
        if fieldCount > header.count {
            throw MarketLinkError(.tooManyFields(fieldCount, header: header.count, in: .priceFile), at: tokenizer.locate(fields[header.count]))
        }
        let dated = layout.dateIndex < fields.count ? DateReader.read(tokenizer.slice(fields[layout.dateIndex])) : nil
        if dated == nil, layout.dateIndex < fields.count, try isEdgeRow(fields, tokenizer: tokenizer, layout: layout, multiline: multiline) { return }
        guard fields.count >= layout.neededFields else {
            let missing = [layout.dateIndex, layout.symbolIndex ?? 0, layout.valueIndexes.max() ?? 0].filter { $0 >= fields.count }.min() ?? 0
            throw MarketLinkError(
                .tooFewFields(fields.count, column: header[missing], field: missing + 1, of: header.count),
                at: tokenizer.locate(offset: tokenizer.rowStart, line: line))
        }
        let dateField = fields[layout.dateIndex]
        guard let raw = dated else {
            let text = tokenizer.text(dateField)
            let column = header[layout.dateIndex]
            let reason: MarketLinkError.Reason =
                text.trimmingCharacters(in: .whitespaces).isEmpty ? .missingDate(column: column) : .unreadableDate(text, column: column)
            throw MarketLinkError(reason, at: tokenizer.locate(dateField))
        }
        try edges.session(file: layout.file)
        if !reserved { reserve(rowLength: tokenizer.position - tokenizer.rowStart, range: range) }
        // Where messages about this row's date point: the field (its opening quote, when quoted).
        let offset = dateField.isQuoted ? dateField.start - 1 : dateField.start
        let mark = RowMark(line: multiline ? tokenizer.locate(dateField).line : line, position: offset)
        let row = dates.rows
        let code = month.code(of: raw)
        var days = (code, code, code)
        if raw.form == .resolved {
            dates.add(resolved: code)
        } else {
            days = DateCode.days(of: raw)
            dates.add(ambiguous: raw.form, days: days)
        }
        if row == 0 || days.0 == DateCode.invalid || days.1 == DateCode.invalid || days.2 == DateCode.invalid {
            keep(raw, row: row, offset: offset, mark: mark, tokenizer: tokenizer)
        }
        var target = 0
        if let symbolIndex = layout.symbolIndex {
            let field = fields[symbolIndex]
            if let previous = previousSymbol, RowChunk.sameBytes(tokenizer.bytes, previous.start, previous.end, field.start, field.end) {
                target = previous.builder
            } else {
                let symbol = tokenizer.text(field).trimmingCharacters(in: .whitespaces)
                guard !symbol.isEmpty else {
                    throw MarketLinkError(.missingSymbol(column: header[symbolIndex]), at: tokenizer.locate(field))
                }
                if let existing = builderByName[symbol] {
                    target = existing
                } else {
                    target = builders.count
                    builderByName[symbol] = target
                    builders.append(Builder(name: symbol))
                }
                previousSymbol = (field.start, field.end, target)
            }
        }
        if pending != nil {
            let shared = PendingCells.Row(code: code, days: days, mark: mark, line: line, rowStart: tokenizer.rowStart, resolved: raw.form == .resolved)
            try keepCloses(fields, row: shared, tokenizer: tokenizer, layout: layout, dateField: dateField)
            return
        }
        for (k, valueIndex) in layout.valueIndexes.enumerated() {
            let field = fields[valueIndex]
            let builderIndex = layout.symbolIndex == nil ? k : target
            var decimals = 0
            switch NumberReader.read(tokenizer.slice(field), decimalComma: layout.decimalComma, decimals: &decimals) {
            case .value(let close):
                builders[builderIndex].extremes.add(close, field: field) {
                    // On a row of one line (no quoted line break) the column is the offset in it,
                    // with no scan of the row (a wide file's row holds a close per series).
                    guard !multiline || tokenizer.line - line <= 1 else { return RowMark(tokenizer.locate(field)) }
                    return RowMark(line: line, position: (field.isQuoted ? field.start - 1 : field.start) - tokenizer.rowStart + 1)
                }
                builders[builderIndex].add(code, days: days, close: close, decimals: decimals, at: mark, resolved: raw.form == .resolved)
            case .missing:
                dropCell(field, valueIndex: valueIndex, builder: builderIndex, line: line, tokenizer: tokenizer, layout: layout, dateField: dateField)
            case .invalid:
                throw unreadable(field, valueIndex: valueIndex, tokenizer: tokenizer, layout: layout)
            }
        }
    }

    /// Reads the closes of one row of a file of many columns into `pending`, in place of adding
    /// each to its builder (`PendingCells`); a cell with no close is a dropped row at once, and
    /// an unreadable one an error at once, as on the other path.
    @inline(__always)
    private mutating func keepCloses(
        _ fields: UnsafeBufferPointer<CSVField>, row: PendingCells.Row, tokenizer: CSVTokenizer, layout: RowLayout, dateField: CSVField
    ) throws(MarketLinkError) {
        guard var cells = pending else { return }
        pending = nil
        let base = cells.startRow(row)
        pending = cells
        let closes = cells.closes
        let places = cells.decimals
        let starts = cells.starts
        for (k, valueIndex) in layout.valueIndexes.enumerated() {
            let field = fields[valueIndex]
            var decimals = 0
            switch NumberReader.read(tokenizer.slice(field), decimalComma: layout.decimalComma, decimals: &decimals) {
            case .value(let close):
                closes[base + k] = close
                places[base + k] = UInt8(min(decimals, PendingCells.mostDecimals))
                starts[base + k] = UInt32(truncatingIfNeeded: field.start)
            case .missing:
                closes[base + k] = 0
                places[base + k] = PendingCells.missing
                starts[base + k] = 0
                dropCell(field, valueIndex: valueIndex, builder: k, line: row.line, tokenizer: tokenizer, layout: layout, dateField: dateField)
            case .invalid:
                throw unreadable(field, valueIndex: valueIndex, tokenizer: tokenizer, layout: layout)
            }
        }
    }

    /// Adds the closes kept in `cells` to the builders, a column at a time (each builder's rows
    /// in file order, as the row-by-row path adds them). `bytes` are the rows' bytes, where a
    /// close's field is found again from its start when `CloseExtremes` keeps its place.
    private mutating func add(_ cells: PendingCells, bytes: UnsafeBufferPointer<UInt8>) {
        let rows = cells.rows
        let columns = cells.columns
        let delimiter = cells.delimiter
        builders.withUnsafeMutableBufferPointer { builders in
            for k in builders.indices where k < columns {
                for r in rows.indices {
                    let i = r * columns + k
                    let decimals = cells.decimals[i]
                    guard decimals != PendingCells.missing else { continue }
                    let close = cells.closes[i]
                    let row = rows[r]
                    let start = Int(cells.starts[i])
                    builders[k].extremes.add(close, field: PendingCells.field(at: start, in: bytes, delimiter: delimiter)) {
                        RowMark(line: row.line, position: start - row.rowStart + 1)
                    }
                    builders[k].add(row.code, days: row.days, close: close, decimals: Int(decimals), at: row.mark, resolved: row.resolved)
                }
            }
        }
    }

    /// A cell with no close: a dropped row naming its series (a panel's or a wide file's).
    private mutating func dropCell(
        _ field: CSVField, valueIndex: Int, builder: Int, line: Int, tokenizer: CSVTokenizer, layout: RowLayout, dateField: CSVField
    ) {
        let shown = tokenizer.text(field).trimmingCharacters(in: .whitespaces)
        let dateText = tokenizer.text(dateField).trimmingCharacters(in: .whitespaces)
        let marker = shown.isEmpty ? "empty" : quoted(shown)
        dropped.append(
            DroppedRow(
                line: line, series: layout.isWide || layout.symbolIndex != nil ? builders[builder].name : nil,
                reason: "\(dateText): no close (\(marker) in column \"\(layout.header[valueIndex])\")"))
    }

    /// The error for a close cell that is no number.
    private func unreadable(_ field: CSVField, valueIndex: Int, tokenizer: CSVTokenizer, layout: RowLayout) -> MarketLinkError {
        MarketLinkError(
            .unreadableNumber(tokenizer.text(field).trimmingCharacters(in: .whitespaces), column: layout.header[valueIndex]),
            at: tokenizer.locate(field))
    }

    /// Whether a row whose date cell `DateReader` could not read is a row that is not a session
    /// (`EdgeRows`: a time of day, or no close either), which is then kept aside, located and
    /// with its text; throws for a numeric date that says why it is none (a year past 9999, an instant).
    private mutating func isEdgeRow(
        _ fields: UnsafeBufferPointer<CSVField>, tokenizer: CSVTokenizer, layout: RowLayout, multiline: Bool
    ) throws(MarketLinkError) -> Bool {
        let dateField = fields[layout.dateIndex]
        let cell = tokenizer.slice(dateField)
        let text = tokenizer.text(dateField)
        let column = layout.header[layout.dateIndex]
        if let reason = DateReader.refusal(cell, text: text.trimmingWhitespace, column: column) {
            throw MarketLinkError(reason, at: tokenizer.locate(dateField))
        }
        guard !text.trimmingWhitespace.isEmpty else { return false }
        let isTime = DateReader.isTimeOfDay(cell)
        let hasClose = layout.valueIndexes.contains { index in
            guard index < fields.count else { return false }
            if case .value = NumberReader.read(tokenizer.slice(fields[index]), decimalComma: layout.decimalComma) { return true }
            return false
        }
        guard isTime || !hasClose else { return false }
        let located = tokenizer.locate(dateField)
        edges.add(
            EdgeRows.Row(
                line: tokenizer.rowLine, mark: RowMark(line: located.line, position: located.column), dateText: text, column: column,
                why: isTime ? "the date cell is the time \(quoted(text.trimmingWhitespace)), a quote not yet a session" : "no date and no close",
                text: EdgeRows.text(tokenizer.bytes, from: tokenizer.rowStart, to: tokenizer.position)))
        return true
    }

    /// Keeps a row's date for later messages: the first row's (the sample `inspect` shows), and
    /// any row where a day/month order first fails.
    private mutating func keep(_ raw: RawDate, row: Int, offset: Int, mark: RowMark, tokenizer: CSVTokenizer) {
        let failing = DateColumnResolver.Tally.orders.contains { dates.lane($0).firstFailure == row }
        guard row == 0 || failing else { return }
        let text = PriceFileBytes(bytes: tokenizer.bytes, file: tokenizer.file).dateText(at: offset)
        let located = RowMark(line: mark.line, position: tokenizer.locate(offset: offset, line: mark.line).column)
        let sample = DateSample(raw: raw, text: text, mark: located)
        if row == 0 { first = sample }
        if failing { failures[row] = sample }
    }

    /// Whether bytes a..<aEnd and b..<bEnd of `bytes` are the same (a row's symbol against the
    /// row before's). A symbol of at most eight bytes, the usual ticker, is compared as two
    /// words masked to its length where both words lie inside `bytes`, without a call into the
    /// C library per row; longer ones, or ones at the very end, by `memcmp`.
    @inline(__always)
    static func sameBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ aEnd: Int, _ b: Int, _ bEnd: Int) -> Bool {
        let length = aEnd - a
        guard length == bEnd - b else { return false }
        guard let base = bytes.baseAddress else { return length == 0 }
        #if _endian(little)
            if length <= 8, a >= 0, b >= 0, max(a, b) <= bytes.count - 8 {
                let raw = UnsafeRawPointer(base)
                // The first `length` bytes are the word's low bytes.
                let mask: UInt64 = length == 8 ? ~0 : (1 << (8 * UInt64(length))) &- 1
                let difference = raw.loadUnaligned(fromByteOffset: a, as: UInt64.self) ^ raw.loadUnaligned(fromByteOffset: b, as: UInt64.self)
                return difference & mask == 0
            }
        #endif
        return memcmp(base + a, base + b, length) == 0
    }
}

// MARK: - Adding sessions

extension RowChunk.Builder {
    /// The builder of no session yet for the series `name`, keeping the storage of its days and
    /// closes for the next chunk's.
    mutating func empty(name: String) {
        self.name = name
        days.removeAll(keepingCapacity: true)
        closes.removeAll(keepingCapacity: true)
        decimals = 0
        order = SessionOrder()
        extremes = CloseExtremes()
    }

    /// Adds one session: its date's code, its day under each order (the same three when the
    /// date is unambiguous), its close and the decimals it was written with.
    @inline(__always)
    mutating func add(_ code: Int32, days: (Int32, Int32, Int32), close: Double, decimals: Int, at mark: RowMark, resolved: Bool) {
        if decimals > self.decimals { self.decimals = decimals }
        self.days.append(code)
        closes.append(close)
        if resolved {
            order.add(code, at: mark)
        } else {
            order.add(days, at: mark)
        }
    }
}

// MARK: - Closes kept for adding column by column

/// The closes of a block of a file with many value columns and no symbol column (a wide file),
/// kept row by row as the rows are read and then added to the builders a column at a time
/// (`RowChunk.add(_:)`). Such a row holds a close for every series: adding each as it is read
/// touches every builder once per row, and 60,000 builders with their arrays are megabytes,
/// each met again from cold memory one row later; a column at a time keeps one builder at hand
/// for all the block's rows, while the kept closes are read in order. Each cell keeps its close,
/// its decimals (or `missing`), and where its field starts (for `CloseExtremes`), 13 bytes.
/// The storage is the chunk's own and freed when the block is read (`deallocate`).
struct PendingCells {
    /// What every close of one row shares.
    struct Row {
        var code: Int32
        var days: (Int32, Int32, Int32)
        var mark: RowMark
        var line: Int
        var rowStart: Int
        var resolved: Bool
    }

    /// The decimals of a cell with no close (already a dropped row).
    static let missing = UInt8.max
    /// The most decimals kept for a close: more count as this many, which changes nothing,
    /// since a series shows at most 10.
    static let mostDecimals = 254

    let columns: Int
    /// The file's delimiter, which ends a field (`field(at:in:delimiter:)`).
    let delimiter: UInt8
    private(set) var rows: [Row] = []
    private(set) var closes = UnsafeMutablePointer<Double>.allocate(capacity: 0)
    private(set) var decimals = UnsafeMutablePointer<UInt8>.allocate(capacity: 0)
    private(set) var starts = UnsafeMutablePointer<UInt32>.allocate(capacity: 0)
    /// Rows there is room for.
    private var capacity = 0

    init(columns: Int, delimiter: UInt8) { (self.columns, self.delimiter) = (columns, delimiter) }

    /// Room for at least `rows` rows.
    mutating func reserve(rows wanted: Int) {
        guard wanted > capacity else { return }
        let cells = rows.count * columns
        func moved<T>(_ old: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let new = UnsafeMutablePointer<T>.allocate(capacity: wanted * columns)
            new.moveInitialize(from: old, count: cells)
            old.deallocate()
            return new
        }
        closes = moved(closes)
        decimals = moved(decimals)
        starts = moved(starts)
        capacity = wanted
    }

    /// Starts the next row; returns the index of its first cell. Its cells are then written
    /// through the pointers, one per value column.
    mutating func startRow(_ row: Row) -> Int {
        if rows.count == capacity { reserve(rows: max(capacity * 2, 4)) }
        rows.append(row)
        return (rows.count - 1) * columns
    }

    func deallocate() {
        closes.deallocate()
        decimals.deallocate()
        starts.deallocate()
    }

    /// The unquoted field that starts at `start` of `bytes`: it ends where
    /// `CSVTokenizer.nextUnquotedRow` ends it, at the first delimiter, line feed or carriage
    /// return, or at the end of the bytes.
    static func field(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> CSVField {
        var end = start
        while end < bytes.count, bytes[end] != delimiter, bytes[end] != 10, bytes[end] != 13 { end += 1 }
        return CSVField(start: start, end: end, isQuoted: false, hasEscapes: false)
    }
}
