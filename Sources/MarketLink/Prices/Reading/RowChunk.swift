import Foundation

// MARK: - Chunk

/// What one stretch of data rows yields: a packed raw date and the byte offset of the date field
/// per row, per-series closes, and dropped rows. Lines are counted from the `line` the chunk was
/// given (for the second half of a file read on two threads, from 0; `parseAll` shifts them).
struct RowChunk {
    /// One series' closes in the chunk: the chunk's row number of each close, and the most digits
    /// after the decimal mark seen in them.
    struct Builder {
        var name: String
        var rows: [Int32] = []
        var closes: [Double] = []
        var decimals = 0
        /// What the closes must be checked for once the series is named (`CloseExtremes`).
        var extremes = CloseExtremes()
    }

    var dates: [UInt64] = []
    var offsets: [UInt32] = []
    var builders: [Builder] = []
    var builderByName: [String: Int] = [:]
    var dropped: [DroppedRow] = []
    /// Rows before the first session and after the last that are not sessions (`EdgeRows`).
    var edges = EdgeRows()
    /// Line breaks consumed by this chunk.
    var linesConsumed = 0

    /// Reads the rows in `start..<end`. `line` is the line number of `start` (relative or absolute).
    static func parse(
        bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, line: Int, layout: RowLayout, quotesPossible: Bool
    ) throws(MarketLinkError) -> RowChunk {
        var chunk = RowChunk()
        let estimate = range.count / 48 + 16
        chunk.dates.reserveCapacity(estimate)
        chunk.offsets.reserveCapacity(estimate)
        if layout.symbolIndex == nil {
            for index in layout.valueIndexes {
                var builder = Builder(name: layout.header[index])
                builder.rows.reserveCapacity(estimate)
                builder.closes.reserveCapacity(estimate)
                chunk.builders.append(builder)
            }
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
                    try chunk.take(row, count: row.count, tokenizer: tokenizer, layout: layout, previousSymbol: &previousSymbol)
                }
            }
        } else {
            while let count = tokenizer.nextUnquotedRow(into: scratch) {
                let row = UnsafeBufferPointer(rebasing: scratch[..<min(count, capacity)])
                try chunk.take(row, count: count, tokenizer: tokenizer, layout: layout, previousSymbol: &previousSymbol)
            }
        }
        chunk.linesConsumed = tokenizer.line - line
        return chunk
    }

    /// Reads one row into the columns.
    @inline(__always)
    private mutating func take(
        _ fields: UnsafeBufferPointer<CSVField>, count fieldCount: Int, tokenizer: CSVTokenizer, layout: RowLayout, previousSymbol: inout (start: Int, end: Int, builder: Int)?
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
        if dated == nil, layout.dateIndex < fields.count, try isEdgeRow(fields, tokenizer: tokenizer, layout: layout) { return }
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
        try edges.session { tokenizer.locate(offset: $0.dateOffset, line: $0.chunkLine) }
        let row = Int32(dates.count)
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
        for (k, valueIndex) in layout.valueIndexes.enumerated() {
            let field = fields[valueIndex]
            let builderIndex = layout.symbolIndex == nil ? k : target
            var decimals = 0
            switch NumberReader.read(tokenizer.slice(field), decimalComma: layout.decimalComma, decimals: &decimals) {
            case .value(let close):
                builders[builderIndex].extremes.add(close, field: field)
                if decimals > builders[builderIndex].decimals { builders[builderIndex].decimals = decimals }
                builders[builderIndex].rows.append(row)
                builders[builderIndex].closes.append(close)
            case .missing:
                let shown = tokenizer.text(field).trimmingCharacters(in: .whitespaces)
                let dateText = tokenizer.text(dateField).trimmingCharacters(in: .whitespaces)
                let marker = shown.isEmpty ? "empty" : quoted(shown)
                dropped.append(
                    DroppedRow(
                        line: line, series: layout.isWide || layout.symbolIndex != nil ? builders[builderIndex].name : nil,
                        reason: "\(dateText): no close (\(marker) in column \"\(header[valueIndex])\")"))
            case .invalid:
                throw MarketLinkError(
                    .unreadableNumber(tokenizer.text(field).trimmingCharacters(in: .whitespaces), column: header[valueIndex]),
                    at: tokenizer.locate(field))
            }
        }
        dates.append(raw.packed)
        offsets.append(UInt32(truncatingIfNeeded: dateField.isQuoted ? dateField.start - 1 : dateField.start))
    }

    /// Whether a row whose date cell `DateReader` could not read is a row that is not a session
    /// (`EdgeRows`: a time of day, or no close either), which is then kept aside; throws for a
    /// numeric date that says why it is none (a year past 9999, an instant).
    private mutating func isEdgeRow(_ fields: UnsafeBufferPointer<CSVField>, tokenizer: CSVTokenizer, layout: RowLayout) throws(MarketLinkError) -> Bool {
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
                chunkLine: located.line, dateOffset: dateField.isQuoted ? dateField.start - 1 : dateField.start, rowStart: tokenizer.rowStart,
                rowEnd: tokenizer.position, dateText: text, column: column,
                why: isTime ? "the date cell is the time \(quoted(text.trimmingWhitespace)), a quote not yet a session" : "no date and no close"))
        return true
    }

    static func sameBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ aEnd: Int, _ b: Int, _ bEnd: Int) -> Bool {
        guard aEnd - a == bEnd - b else { return false }
        guard let base = bytes.baseAddress else { return aEnd == a }
        return memcmp(base + a, base + b, aEnd - a) == 0
    }
}
