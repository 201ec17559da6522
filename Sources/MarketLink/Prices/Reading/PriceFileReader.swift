// MARK: - Reader

/// The work of `PriceFile.load`, one step after another; each step is a type of its own in
/// this folder that says what it decides and from what:
///
/// 1. the bytes must be UTF-8 text (`TextEncodingCheck`); the delimiter is sniffed (`CSVDialect`);
/// 2. `HeaderDetection` finds the header row past any preamble and yfinance's extra rows;
/// 3. `PriceColumns` picks the date, symbol and close columns by their roles (`ColumnRole`);
/// 4. `DecimalMark` decides whether closes use a decimal comma;
/// 5. `RowPipeline` reads the rest block by block (`CSVBlockReader`), each block's rows into a
///    `RowChunk` on one of two threads, taken in order into a `SeriesAssembly`;
/// 6. `DateColumnReading` decides the day/month order from the whole column's tally;
/// 7. `SeriesAssembly` makes the days, each series oldest first, and rejects duplicate or
///    out-of-order dates;
/// 8. `SeriesNaming` names them; `PriceLayout.recognise` (LayoutDetection) says which layout it was.
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
        var decimalComma: Bool
        /// Where the data rows start in the first block, and on which line.
        var start: Int
        var line: Int
    }

    /// Reads the file at `path` through `InputFile`, block by block.
    func read(path: String) throws(MarketLinkError) -> PriceFile {
        try read(CSVBlockReader(file: InputFile(path: path), name: file, blockSize: blockSize, rowLimit: rowLimit))
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
                do throws(MarketLinkError) {
                    block = try blocks.extend(block)
                } catch {
                    // The long row starts after the block's rows.
                    throw RowPipeline.shifted(error, by: RowPipeline.lineBreaks(in: block.bytes))
                }
            }
        }
        guard let head = found else { throw MarketLinkError("internal: no header", at: SourceLocation(file: file)) }
        let header = head.header
        let columns = head.columns

        let rowLayout = RowLayout(
            header: header.cells, dateIndex: columns.dateIndex, symbolIndex: columns.symbolIndex, valueIndexes: columns.valueIndexes,
            decimalComma: head.decimalComma, isWide: columns.isWide, file: file, delimiter: head.delimiter)
        var assembly = SeriesAssembly(layout: rowLayout, namesSeries: columns.namesSeries)
        let rest = blocks.statedSize.map { $0 - head.start }
        try RowPipeline.run(
            blocks, first: block, start: head.start, line: head.line, layout: rowLayout, into: &assembly, threads: threads,
            estimate: block.isLast ? nil : { rows, bytes in PriceFileReader.estimate(rows: rows, bytes: bytes, rest: rest) })
        guard assembly.rowCount > 0 else {
            throw MarketLinkError(.noPriceRows(headerLine: header.line), at: SourceLocation(file: file, line: header.line, column: 1))
        }

        let dates = try DateColumnReading(assembly, column: header.cells[columns.dateIndex], override: options.dateOrder)
        try dates.checkReal(assembly)
        let dropped = assembly.dropped
        var assembled = try assembly.finish(order: dates.decision.order)
        let nameNote = try SeriesNaming.name(
            &assembled.series, file: file, header: header, namedByColumns: columns.namesSeries, given: options.name)

        let layout = PriceLayout.recognise(header: header, columns: columns, firstDateResolved: dates.firstDateResolved)
        // Notes in the order `inspect` shows them.
        var notes: [String] = []
        if let nameNote { notes.append(nameNote) }
        notes += columns.notes
        if head.decimalComma { notes.append(DecimalMark.note) }
        notes += assembled.notes
        if let skipped = header.preamble.note { notes.append(skipped) }
        return PriceFile(
            path: file, layout: layout, delimiter: PriceFileReader.name(ofDelimiter: head.delimiter), headerLine: header.line,
            dateColumn: header.cells[columns.dateIndex], closeColumns: columns.valueIndexes.map { header.cells[$0] },
            symbolColumn: columns.symbolIndex.map { header.cells[$0] }, dateReading: dates.description, newestFirst: assembled.newestFirst,
            decimalComma: head.decimalComma, series: assembled.series, dropped: dropped.sorted { $0.line < $1.line }, notes: notes,
            unusedAdjustedClose: columns.unusedAdjustedClose)
    }

    /// Steps 1–4 on the first block: the delimiter, the header, the columns, the decimal mark;
    /// `nil` when the block ends before the rows they look at (and the input goes on), unless
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
        // Rows read past the header: the one yfinance's search peeks at, the decimal mark's probe.
        if !final {
            let wanted = delimiter == UInt8(ascii: ";") ? DecimalMark.probedRows : 1
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
        let decimalComma = try DecimalMark.isComma(rowsFrom: tokenizer, valueIndexes: columns.valueIndexes)
        return Head(
            delimiter: delimiter, header: header, columns: columns, decimalComma: decimalComma, start: tokenizer.position, line: tokenizer.line)
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
