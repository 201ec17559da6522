// MARK: - Reader

/// The work of `PriceFile.load`, one step after another; each step is a type of its own in
/// this folder that says what it decides and from what:
///
/// 1. the bytes must be UTF-8 text (`TextEncodingCheck`); the delimiter is sniffed (`CSVDialect`);
/// 2. `HeaderDetection` finds the header row past any preamble and yfinance's extra rows;
/// 3. `PriceColumns` picks the date, symbol and close columns by their roles (`ColumnRole`);
/// 4. `DecimalMark` decides whether closes use a decimal comma, from the whole value columns:
///    for a `;`-delimited file (the only kind that can) a first pass reads the input block by
///    block for that alone (`decimalComma`), holding no more than the rows do;
/// 5. `RowPipeline` reads the rest block by block (`CSVBlockReader`), each block's rows into a
///    `RowChunk` on one of two threads, taken in order into a `SeriesAssembly`, which keeps the
///    rows that are not sessions at the file's edges (`EdgeRows`) and each series' close
///    extremes (`CloseExtremes`);
/// 6. `DateColumnReading` decides the day/month order from the whole column's tally;
/// 7. `SeriesAssembly` makes the days, each series oldest first, and rejects duplicate or
///    out-of-order dates;
/// 8. `SeriesNaming` names them, `CloseExtremes` checks each one's closes once it is named (an
///    index above 0; a percent against any close finite); `PriceLayout.recognise`
///    (LayoutDetection) says which layout it was.
///
/// Intraday bars (`IntradayReader`) are read from the whole file held in memory: a file from
/// disk is held only once its first 4 MiB say it is intraday.
struct PriceFileReader {
    let file: String
    let options: PriceLoadOptions
    /// Bytes per block read (tests use a few bytes, to put block ends everywhere).
    var blockSize = CSVBlockReader.defaultBlockSize
    /// The longest row read (tests use a few bytes).
    var rowLimit = CSVBlockReader.defaultRowLimit
    /// How many threads read rows at once (1: all on the calling thread).
    var threads = 2

    init(file: String, options: PriceLoadOptions) {
        self.file = file
        self.options = options
    }

    /// What the first block says before the rows: the header and the choices made from it.
    private struct Head {
        var delimiter: UInt8
        var header: DetectedHeader
        var columns: PriceColumns
        /// Where the data rows start in the first block, and on which line.
        var start: Int
        var line: Int
    }

    /// How much of a file from disk decides whether it is intraday (`IntradayReader.detect`
    /// looks at the header and the first 64 rows).
    static let intradayProbe = 4 << 20

    /// Reads the file at `path` through `InputFile`, block by block. An input that cannot be read
    /// twice (a pipe) is held whole and read as bytes; so is an intraday file. The bytes read to
    /// tell whether it is intraday become the first block when they fit in one (with the default
    /// block size they always do), so the file's start is not read twice.
    func read(path: String) throws(MarketLinkError) -> PriceFile {
        let input = try InputFile(path: path)
        guard input.kind == .regular else { return try PriceFile.load(bytes: input.readAll(), file: file, options: options, reader: self) }
        let probe = try readProbe(input)
        var adopted = false
        defer { if !adopted { probe.buffer.deallocate() } }
        if let whole = try intradayBytes(probe, input) { return try PriceFile.load(bytes: whole, file: file, options: options, reader: self) }
        guard probe.filled <= blockSize else {
            return try read(CSVBlockReader(file: InputFile(path: path), name: file, blockSize: blockSize, rowLimit: rowLimit))
        }
        adopted = true
        let blocks = CSVBlockReader(
            file: input, name: file, blockSize: blockSize, rowLimit: rowLimit, readAhead: probe.buffer, filled: probe.filled,
            ended: probe.ended)
        return try read(blocks)
    }

    /// The first `intradayProbe` bytes of a file, in a buffer the caller owns.
    private struct Probe {
        let buffer: UnsafeMutableRawBufferPointer
        let filled: Int
        /// Whether they are the whole input.
        let ended: Bool
    }

    private func readProbe(_ input: InputFile) throws(MarketLinkError) -> Probe {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: PriceFileReader.intradayProbe, alignment: 16)
        // Likely the first block's buffer, which the blocks after it reuse.
        LargeBuffer.adviseHugePages(buffer)
        var filled = 0
        var ended = false
        do throws(MarketLinkError) {
            while filled < buffer.count {
                let n = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                if n == 0 {
                    ended = true
                    break
                }
                filled += n
            }
        } catch {
            buffer.deallocate()
            throw error
        }
        return Probe(buffer: buffer, filled: filled, ended: ended)
    }

    /// The whole of `input` when the probe's bytes (cut after their last whole row, unless they
    /// are the whole input) are an intraday file's start; `nil` otherwise.
    private func intradayBytes(_ probe: Probe, _ input: InputFile) throws(MarketLinkError) -> [UInt8]? {
        let bytes = UnsafeBufferPointer(start: probe.buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: probe.filled)
        let end = probe.ended ? probe.filled : CSVBlockReader.rowsEnd(bytes, atEnd: false).end
        let looksIntraday = IntradayReader.detect(UnsafeBufferPointer(rebasing: bytes[..<end]), file: file, options: options) != nil
        guard looksIntraday else { return nil }
        var whole = Array(bytes)
        if !probe.ended { whole += try input.readAll() }
        return whole
    }

    /// Reads bytes in memory, in place.
    func read(bytes: UnsafeBufferPointer<UInt8>) throws(MarketLinkError) -> PriceFile {
        if bytes.count >= Int(UInt32.max) {
            throw MarketLinkError("the file is larger than 4 GiB; split it (by symbol or by years) and load the parts", at: SourceLocation(file: file))
        }
        return try read(CSVBlockReader(bytes: bytes, name: file, blockSize: blockSize, rowLimit: rowLimit))
    }

    /// Reads the input, or throws the first problem the steps meet, in their order, located in the file.
    func read(_ blocks: CSVBlockReader) throws(MarketLinkError) -> PriceFile {
        guard var block = try blocks.next(), !(block.isLast && block.bytes.isEmpty) else {
            throw MarketLinkError(.emptyFile(.priceFile), at: SourceLocation(file: file, line: 1, column: 1))
        }
        // The first block holds the header: made longer until it holds every row the header
        // steps look at, so that they decide as they would on the whole file.
        var found: Head?
        while found == nil {
            try TextEncodingCheck.validate(block.bytes, file: file)
            do throws(MarketLinkError) {
                found = try head(block, enough: block.bytes.count >= blocks.rowLimit)
            } catch {
                try drain(blocks, after: block, failure: error)
            }
            if found == nil {
                // Counted before extending: a block read from disk may move to a larger buffer as
                // it grows, and the old one is freed (its bytes are not to be read after `extend`).
                let lineBreaks = RowPipeline.lineBreaks(in: block.bytes)
                do throws(MarketLinkError) {
                    block = try blocks.extend(block)
                } catch {
                    // The long row starts after the block's rows.
                    throw RowPipeline.shifted(error, by: lineBreaks)
                }
            }
        }
        guard let head = found else { throw MarketLinkError("internal: no header", at: SourceLocation(file: file)) }
        let header = head.header
        let columns = head.columns

        let decimalComma = try decimalComma(blocks, head: head, first: block)
        let rowLayout = RowLayout(
            header: header.cells, dateIndex: columns.dateIndex, symbolIndex: columns.symbolIndex, valueIndexes: columns.valueIndexes,
            decimalComma: decimalComma, isWide: columns.isWide, file: file, delimiter: head.delimiter)
        var assembly = SeriesAssembly(layout: rowLayout, namesSeries: columns.namesSeries)
        let rest = blocks.statedSize.map { $0 - head.start }
        try RowPipeline.run(
            blocks, first: block, start: head.start, line: head.line, layout: rowLayout, into: &assembly, threads: threads,
            estimate: block.isLast ? nil : { rows, bytes in PriceFileReader.estimate(rows: rows, bytes: bytes, rest: rest) })
        let edgeRows = try assembly.edgeRows()
        guard assembly.rowCount > 0 else {
            throw MarketLinkError(.noPriceRows(headerLine: header.line), at: SourceLocation(file: file, line: header.line, column: 1))
        }

        let dates = try DateColumnReading(assembly, column: header.cells[columns.dateIndex], override: options.dateOrder)
        try dates.checkReal(assembly)
        let dropped = assembly.dropped + edgeRows
        var assembled = try assembly.finish(order: dates.decision.order)
        let tallyNames = Set(columns.tallyIndexes.map { header.cells[$0] })
        for k in assembled.series.indices where tallyNames.contains(assembled.series[k].name) { assembled.series[k].isTally = true }
        let assembledNames = assembled.series.map(\.name)
        let nameNote = try SeriesNaming.name(
            &assembled.series, file: file, header: header, namedByColumns: columns.namesSeries, given: options.name)
        for (k, series) in assembled.series.enumerated() {
            let column = columns.isWide ? assembledNames[k] : header.cells[columns.valueIndexes[0]]
            // A tally of events (a count or sum) or a futures settlement is no index level.
            let isIndex = !series.isTally && (series.index != nil || !ColumnRole.isSettlement(column))
            try assembled.extremes[assembledNames[k]]?.check(isIndex: isIndex, column: column, file: file)
        }

        let layout = PriceLayout.recognise(
            header: header, columns: columns, firstDateResolved: dates.firstDateResolved, firstDateISO: dates.firstDateISO,
            closeDecimals: assembled.series.map(\.decimals).max() ?? 0)
        // Notes in the order `inspect` shows them.
        var notes: [String] = []
        if let nameNote { notes.append(nameNote) }
        notes += columns.notes
        if decimalComma { notes.append(DecimalMark.note) }
        notes += assembled.notes
        if let skipped = header.preamble.note { notes.append(skipped) }
        return PriceFile(
            path: file, layout: layout, delimiter: PriceFileReader.name(ofDelimiter: head.delimiter), headerLine: header.line,
            dateColumn: header.cells[columns.dateIndex], closeColumns: columns.valueIndexes.map { header.cells[$0] },
            symbolColumn: columns.symbolIndex.map { header.cells[$0] }, dateReading: dates.description, newestFirst: assembled.newestFirst,
            decimalComma: decimalComma, series: assembled.series, dropped: dropped.sorted { $0.line < $1.line }, notes: notes,
            unusedAdjustedClose: columns.unusedAdjustedClose)
    }

    /// Steps 1–3 on the first block: the delimiter, the header, the columns; `nil` when the block ends before the rows they look at (and the input goes on), unless
    /// it is `enough` (as long as a row may be: then they decide from the rows it holds, so that
    /// empty lines after a header cannot make the first block grow without end).
    private func head(_ block: CSVBlockReader.Block, enough: Bool) throws(MarketLinkError) -> Head? {
        let region = block.bytes
        let final = block.isLast || enough
        let (delimiter, decided) = CSVDialect.sniff(region)
        if !decided, !final { return nil }
        var tokenizer = CSVTokenizer(bytes: region, delimiter: delimiter, file: file)
        let header: DetectedHeader
        do throws(MarketLinkError) {
            header = try HeaderDetection.detect(&tokenizer, file: file)
        } catch {
            // The search ran into the end of the block: more rows may hold the header.
            if !final, tokenizer.position >= region.count { return nil }
            throw error
        }
        let columns = try PriceColumns(header: header.cells, adjustedClose: options.adjustedClose, file: file, headerLine: header.line)
        // The row read past the header: the one yfinance's search peeks at.
        if !final {
            let wanted = 1
            var probe = tokenizer
            var fields: [CSVField] = []
            var seen = 0
            do throws(MarketLinkError) {
                while seen < wanted, try probe.nextRow(into: &fields) { seen += 1 }
            } catch {
                seen = wanted  // an error in these rows is where it is; the steps after meet it
            }
            if seen < wanted { return nil }
        }
        return Head(delimiter: delimiter, header: header, columns: columns, start: tokenizer.position, line: tokenizer.line)
    }

    /// Step 4: whether the closes are written with a decimal comma, from every value of the value
    /// columns (`DecimalMark`), as one scan of the whole file decides. Only a `;`-delimited file
    /// can: it is read once more from its start, block by block, for this alone (its rows hold
    /// nothing else; memory stays a few blocks). As for the whole file, an encoding problem
    /// anywhere comes before a disagreeing mark (every block is checked as text); a row too long
    /// ends the pass (the row pass refuses it on its line, or meets an earlier problem first).
    private func decimalComma(_ blocks: CSVBlockReader, head: Head, first: CSVBlockReader.Block) throws(MarketLinkError) -> Bool {
        guard head.delimiter == UInt8(ascii: ";") else { return false }
        let header = head.header.cells
        let valueIndexes = head.columns.valueIndexes
        if first.isLast {
            // The first block is the whole input (already checked as text).
            let tokenizer = CSVTokenizer(bytes: first.bytes, delimiter: head.delimiter, file: file, start: head.start, line: head.line)
            return try DecimalMark.isComma(rowsFrom: tokenizer, valueIndexes: valueIndexes, header: header)
        }
        guard let again = try blocks.restarted() else {
            throw MarketLinkError("internal: a `;` file that cannot be read twice", at: SourceLocation(file: file))
        }
        var decider = DecimalMark.Decider()
        var failure: MarketLinkError?
        // The file's line at the start of the next block.
        var lineBase = 1
        while true {
            let next: CSVBlockReader.Block?
            do throws(MarketLinkError) {
                next = try again.next()
            } catch {
                break
            }
            guard let block = next else { break }
            let end = block.offset + block.bytes.count
            do throws(MarketLinkError) {
                try TextEncodingCheck.validate(block.bytes, file: file, complete: true, startsFile: block.offset == 0)
            } catch {
                throw RowPipeline.shifted(error, by: lineBase - 1)
            }
            if failure == nil, end > head.start {
                let from = max(head.start - block.offset, 0)
                var tokenizer = CSVTokenizer(bytes: block.bytes, delimiter: head.delimiter, file: file, start: from, line: from > 0 ? head.line : lineBase)
                do throws(MarketLinkError) {
                    try decider.scan(&tokenizer, valueIndexes: valueIndexes, header: header)
                } catch {
                    failure = error
                }
            }
            lineBase += RowPipeline.lineBreaks(in: block.bytes)
            again.recycle(block)
        }
        if let failure { throw failure }
        return decider.isComma
    }

    /// After `failure` in the first block, checks the rest of the input as text (an encoding
    /// problem anywhere is what a reader of the whole file reports first), then throws.
    private func drain(_ blocks: CSVBlockReader, after first: CSVBlockReader.Block, failure: MarketLinkError) throws(MarketLinkError) -> Never {
        var lineBase = 1 + RowPipeline.lineBreaks(in: first.bytes)
        blocks.recycle(first)
        while true {
            let next: CSVBlockReader.Block?
            do throws(MarketLinkError) {
                next = try blocks.next()
            } catch {
                throw failure  // a row too long to check: the error before it stands
            }
            guard let block = next else { break }
            do throws(MarketLinkError) {
                try TextEncodingCheck.validate(block.bytes, file: file, startsFile: false)
            } catch {
                throw RowPipeline.shifted(error, by: lineBase - 1)
            }
            lineBase += RowPipeline.lineBreaks(in: block.bytes)
            blocks.recycle(block)
        }
        throw failure
    }

    /// How many rows a file likely holds, from the first block's rows and bytes and the bytes of
    /// the input from its first row on (`nil` when the input states no size).
    static func estimate(rows: Int, bytes: Int, rest: Int?) -> Int? {
        guard let rest, rows > 0, bytes > 0 else { return nil }
        let estimate = Double(rows) * Double(rest) / Double(bytes)
        return Int(estimate * 1.02) + 16
    }

    /// `,`, `;` or `tab`, as `PriceFile.delimiter` names it.
    static func name(ofDelimiter delimiter: UInt8) -> String {
        delimiter == 9 ? "tab" : String(UnicodeScalar(delimiter))
    }
}
