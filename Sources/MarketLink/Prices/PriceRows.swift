import Dispatch
import Foundation

// MARK: - Row layout

/// Which fields of a data row matter, decided from the header.
struct RowLayout: Sendable {
    var header: [String]
    var dateIndex: Int
    var symbolIndex: Int?
    var valueIndexes: [Int]
    var decimalComma: Bool
    var isWide: Bool
    var file: String
    var delimiter: UInt8

    var neededFields: Int { max(dateIndex, symbolIndex ?? 0, valueIndexes.max() ?? 0) + 1 }
}

// MARK: - Chunk

/// What one stretch of data rows yields: a packed raw date and the byte offset of the date field
/// per row, per-series closes, and dropped rows. Lines are counted from the chunk's first line
/// (`lineBase` is added when chunks are joined).
struct RowChunk {
    struct Builder {
        var name: String
        var rows: [Int32] = []
        var closes: [Double] = []
        var decimals = 0
    }

    var dates: [UInt64] = []
    var offsets: [UInt32] = []
    var builders: [Builder] = []
    var builderByName: [String: Int] = [:]
    var dropped: [DroppedRow] = []
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
            throw MarketLinkError(
                "row has \(fieldCount) fields but the header has \(header.count) (an unquoted comma inside a number?)",
                at: tokenizer.locate(fields[header.count]))
        }
        guard fields.count >= layout.neededFields else {
            let missing = [layout.dateIndex, layout.symbolIndex ?? 0, layout.valueIndexes.max() ?? 0].filter { $0 >= fields.count }.min() ?? 0
            throw MarketLinkError(
                "row has \(fields.count) field\(fields.count == 1 ? "" : "s"), too few to reach column \"\(shown(header[missing]))\" (field \(missing + 1) of \(header.count))",
                at: tokenizer.locate(offset: tokenizer.rowStart, line: line))
        }
        let dateField = fields[layout.dateIndex]
        guard let raw = DateReader.read(tokenizer.slice(dateField)) else {
            let text = tokenizer.text(dateField)
            let what = text.trimmingCharacters(in: .whitespaces).isEmpty ? "row has no date" : "cannot read \(quoted(text)) as a date"
            throw MarketLinkError("\(what) in column \"\(shown(header[layout.dateIndex]))\"", at: tokenizer.locate(dateField))
        }
        let row = Int32(dates.count)
        var target = 0
        if let symbolIndex = layout.symbolIndex {
            let field = fields[symbolIndex]
            if let previous = previousSymbol, RowChunk.sameBytes(tokenizer.bytes, previous.start, previous.end, field.start, field.end) {
                target = previous.builder
            } else {
                let symbol = tokenizer.text(field).trimmingCharacters(in: .whitespaces)
                guard !symbol.isEmpty else {
                    throw MarketLinkError("row has no symbol in column \"\(shown(header[symbolIndex]))\"", at: tokenizer.locate(field))
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
                guard close > 0 else {
                    throw MarketLinkError(
                        "close \(quoted(tokenizer.text(field).trimmingCharacters(in: .whitespaces))) in column \"\(shown(header[valueIndex]))\" is not positive: an index level must be above 0 (percent changes divide by it)",
                        at: tokenizer.locate(field))
                }
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
                    "cannot read \(quoted(tokenizer.text(field).trimmingCharacters(in: .whitespaces))) as a number in column \"\(shown(header[valueIndex]))\"",
                    at: tokenizer.locate(field))
            }
        }
        dates.append(raw.packed)
        offsets.append(UInt32(truncatingIfNeeded: dateField.isQuoted ? dateField.start - 1 : dateField.start))
    }

    static func sameBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ aEnd: Int, _ b: Int, _ bEnd: Int) -> Bool {
        guard aEnd - a == bEnd - b else { return false }
        guard let base = bytes.baseAddress else { return aEnd == a }
        return memcmp(base + a, base + b, aEnd - a) == 0
    }

    // MARK: Parallel reading

    /// Reads the data rows, in two halves on two threads when the file is large and has no quotes
    /// after the header (so that a line break always ends a row). Results are identical to one pass.
    static func parseAll(
        bytes: UnsafeBufferPointer<UInt8>, start: Int, line: Int, layout: RowLayout
    ) throws(MarketLinkError) -> [RowChunk] {
        let end = bytes.count
        let quotesPossible = bytes.baseAddress.map { memchr($0 + start, 34, end - start) != nil } ?? false
        let parts = !quotesPossible && end - start > 8 << 20 ? 2 : 1
        guard parts > 1 else {
            return [try parse(bytes: bytes, range: start..<end, line: line, layout: layout, quotesPossible: quotesPossible)]
        }
        // Split at the line break nearest the middle.
        var middle = start + (end - start) / 2
        while middle < end, bytes[middle] != 10 { middle += 1 }
        if middle < end { middle += 1 }
        let ranges = [start..<middle, middle..<end]
        let results = ChunkResults(count: 2)
        let shared = SharedBytes(bytes: bytes)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            do throws(MarketLinkError) {
                // The second half counts lines from 0; they are shifted once the first half is done.
                let chunk = try parse(bytes: shared.bytes, range: ranges[k], line: k == 0 ? line : 0, layout: layout, quotesPossible: false)
                results.store(.success(chunk), at: k)
            } catch {
                results.store(.failure(error), at: k)
            }
        }
        let first = try results.take(0).get()
        let secondStart = line + first.linesConsumed
        switch results.take(1) {
        case .success(var second):
            second.dropped = second.dropped.map { DroppedRow(line: $0.line + secondStart, series: $0.series, reason: $0.reason) }
            return [first, second]
        case .failure(var error):
            if let location = error.location, location.line > 0 {
                error.location = SourceLocation(file: location.file, line: location.line + secondStart, column: location.column)
            }
            throw error
        }
    }
}

/// The input bytes, shared read-only between the two reading threads.
struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}

/// One result slot per thread; each thread writes only its own slot, read after all have joined.
final class ChunkResults: @unchecked Sendable {
    private var slots: [Result<RowChunk, MarketLinkError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<RowChunk, MarketLinkError>, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func take(_ index: Int) -> Result<RowChunk, MarketLinkError> {
        lock.lock()
        defer { lock.unlock() }
        return slots[index] ?? .failure(MarketLinkError("internal: a reading thread produced nothing"))
    }
}
