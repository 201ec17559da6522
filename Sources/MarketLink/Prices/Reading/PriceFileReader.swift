// MARK: - Reader

/// The work of `PriceFile.load`, one step after another; each step is a type of its own in
/// this folder that says what it decides and from what:
///
/// 1. the bytes must be UTF-8 text (`TextEncodingCheck`); the delimiter is sniffed (`CSVDialect`);
/// 2. `HeaderDetection` finds the header row past any preamble and yfinance's extra rows;
/// 3. `PriceColumns` picks the date, symbol and close columns by their roles (`ColumnRole`);
/// 4. `DecimalMark` decides whether closes use a decimal comma;
/// 5. `RowChunk` reads the data rows (on two threads for a large file), `RowNumbering` numbers them;
/// 6. `DateColumnReading` decides the day/month order from the whole column and makes the dates days;
/// 7. `SeriesAssembly` builds each series oldest first and rejects duplicate or out-of-order dates;
///    `EdgeRows` drops the rows around the data that are not sessions, `CloseExtremes` checks the
///    closes of each series once it is named (an index above 0; a percent against any close finite);
/// 8. `SeriesNaming` names them; `PriceLayout.recognise` (LayoutDetection) says which layout it was.
struct PriceFileReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let options: PriceLoadOptions

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, options: PriceLoadOptions) {
        self.bytes = bytes
        self.file = file
        self.options = options
    }

    /// Reads the file, or throws the first problem the steps meet, in their order, located in the file.
    func read() throws(MarketLinkError) -> PriceFile {
        try checkSize()
        try TextEncodingCheck.validate(bytes, file: file)
        let source = PriceFileBytes(bytes: bytes, file: file)
        let delimiter = CSVDialect.sniffDelimiter(bytes)
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, file: file)
        let header = try HeaderDetection.detect(&tokenizer, file: file)
        let columns = try PriceColumns(header: header.cells, adjustedClose: options.adjustedClose, file: file, headerLine: header.line)
        let decimalComma = try DecimalMark.isComma(rowsFrom: tokenizer, valueIndexes: columns.valueIndexes, header: header.cells)

        let rowLayout = RowLayout(
            header: header.cells, dateIndex: columns.dateIndex, symbolIndex: columns.symbolIndex, valueIndexes: columns.valueIndexes,
            decimalComma: decimalComma, isWide: columns.isWide, file: file, delimiter: delimiter)
        var chunks = try RowChunk.parseAll(bytes: bytes, start: tokenizer.position, line: tokenizer.line, layout: rowLayout)
        let dropped = try chunks.flatMap(\.dropped) + EdgeRows.dropped(chunks.map(\.edges), source: source)
        let extremes = CloseExtremes.byName(chunks)
        let rows = RowNumbering(chunks)
        guard rows.count > 0 else {
            throw MarketLinkError(.noPriceRows(headerLine: header.line), at: SourceLocation(file: file, line: header.line, column: 1))
        }

        let dates = try DateColumnReading(
            chunks: chunks, rows: rows, source: source, column: header.cells[columns.dateIndex], override: options.dateOrder)
        let ordinals = try DateColumnReading.ordinals(of: &chunks, order: dates.decision.order, rows: rows, source: source)
        var assembled = try SeriesAssembly.assemble(&chunks, ordinals: ordinals, rows: rows, source: source, namesSeries: columns.namesSeries)
        let tallyNames = Set(columns.tallyIndexes.map { header.cells[$0] })
        for k in assembled.series.indices where tallyNames.contains(assembled.series[k].name) { assembled.series[k].isTally = true }
        let assembledNames = assembled.series.map(\.name)
        let nameNote = try SeriesNaming.name(
            &assembled.series, file: file, header: header, namedByColumns: columns.namesSeries, given: options.name)
        for (k, series) in assembled.series.enumerated() {
            let column = columns.isWide ? assembledNames[k] : header.cells[columns.valueIndexes[0]]
            // A tally of events (a count or sum) or a futures settlement is no index level.
            let isIndex = !series.isTally && (series.index != nil || !ColumnRole.isSettlement(column))
            try extremes[assembledNames[k]]?.check(isIndex: isIndex, column: column, source: source)
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
            path: file, layout: layout, delimiter: PriceFileReader.name(ofDelimiter: delimiter), headerLine: header.line,
            dateColumn: header.cells[columns.dateIndex], closeColumns: columns.valueIndexes.map { header.cells[$0] },
            symbolColumn: columns.symbolIndex.map { header.cells[$0] }, dateReading: dates.description, newestFirst: assembled.newestFirst,
            decimalComma: decimalComma, series: assembled.series, dropped: dropped.sorted { $0.line < $1.line }, notes: notes,
            unusedAdjustedClose: columns.unusedAdjustedClose)
    }

    /// Refuses an empty file, and one too large for the 32-bit offsets rows are kept at.
    private func checkSize() throws(MarketLinkError) {
        guard bytes.count > 0 else {
            throw MarketLinkError(.emptyFile(.priceFile), at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard bytes.count < Int(UInt32.max) else {
            throw MarketLinkError("the file is larger than 4 GiB; split it (by symbol or by years) and load the parts", at: SourceLocation(file: file))
        }
    }

    /// `,`, `;` or `tab`, as `PriceFile.delimiter` names it.
    static func name(ofDelimiter delimiter: UInt8) -> String {
        delimiter == 9 ? "tab" : String(UnicodeScalar(delimiter))
    }
}
