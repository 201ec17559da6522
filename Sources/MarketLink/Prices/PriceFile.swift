import Foundation

// MARK: - Options and report types

/// How to read a price file. Every field has a default that needs no flags.
public struct PriceLoadOptions: Sendable, Equatable {
    /// The series name (`NAME=path` on the command line); only for files with one series.
    public var name: String?
    /// Day/month order, when the file itself cannot tell.
    public var dateOrder: DateOrder?
    /// Take `Adj Close` rather than `Close` where a file has both.
    public var adjustedClose: Bool

    public init(name: String? = nil, dateOrder: DateOrder? = nil, adjustedClose: Bool = false) {
        self.name = name
        self.dateOrder = dateOrder
        self.adjustedClose = adjustedClose
    }
}

/// A row that was read but is not a session, and why.
public struct DroppedRow: Sendable, Equatable {
    /// 1-based physical line in the file.
    public var line: Int
    /// The series it belonged to (for panel and wide files).
    public var series: String?
    public var reason: String
}

// MARK: - Price file

/// A loaded price file: its series and everything that was decided or dropped on the way.
public struct PriceFile: Sendable {
    public var path: String
    public var layout: PriceLayout
    /// `,`, `;` or `tab`.
    public var delimiter: String
    /// Line of the header row.
    public var headerLine: Int
    public var dateColumn: String
    /// The column(s) read as closes: one, or one per series in a wide file.
    public var closeColumns: [String]
    public var symbolColumn: String?
    /// How the date column was read: the form seen and, for numeric dates, the day/month order and why.
    public var dateReading: String
    public var newestFirst: Bool
    public var decimalComma: Bool
    public var series: [Series]
    public var dropped: [DroppedRow]
    /// Other guesses worth showing (where the name came from, skipped preamble lines, ...).
    public var notes: [String]

    /// Reads a price file from disk. Throws a located `MarketLinkError` for anything it cannot read.
    public static func load(path: String, options: PriceLoadOptions = .init()) throws(MarketLinkError) -> PriceFile {
        let bytes = try readFile(path)
        return try load(bytes: bytes, file: path, options: options)
    }

    /// Reads price-file bytes; `file` is the name used in messages and for the default series name.
    public static func load(bytes: [UInt8], file: String, options: PriceLoadOptions = .init()) throws(MarketLinkError) -> PriceFile {
        let result: Result<PriceFile, MarketLinkError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(MarketLinkError) {
                var reader = PriceFileReader(bytes: buffer, file: file, options: options)
                return .success(try reader.read())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The whole file as bytes, or a clear error.
    public static func readFile(_ path: String) throws(MarketLinkError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MarketLinkError("no such file", at: SourceLocation(file: path))
        }
        guard !isDirectory.boolValue else { throw MarketLinkError("is a directory, not a file", at: SourceLocation(file: path)) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MarketLinkError("cannot read the file (permission denied?)", at: SourceLocation(file: path))
        }
        return [UInt8](data)
    }
}

// MARK: - Reader

/// The work of `PriceFile.load`: find the header, assign column roles, read rows into columns,
/// decide the date order, sort and check each series.
struct PriceFileReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let options: PriceLoadOptions

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, options: PriceLoadOptions) {
        self.bytes = bytes
        self.file = file
        self.options = options
    }

    /// Per-series values in file order; `rows` index into the file-wide date columns.
    struct Builder {
        var name: String
        var rows: [Int32] = []
        var closes: [Double] = []
        var decimals = 0
    }

    mutating func read() throws(MarketLinkError) -> PriceFile {
        guard bytes.count > 0 else {
            throw MarketLinkError("the file is empty: expected a header row and price rows", at: SourceLocation(file: file, line: 1, column: 1))
        }
        try TextEncodingCheck.validate(bytes, file: file)
        let delimiter = CSVDialect.sniffDelimiter(bytes)
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, file: file)
        var fields: [CSVField] = []

        // MARK: Header
        var preamble: [[String]] = []
        var preambleLines: [Int] = []
        var header: [String] = []
        var rawHeader: [String] = []
        var headerLine = 0
        var isYFinance = false
        var tickerFromRow: String?
        while try tokenizer.nextRow(into: &fields) {
            let cells = fields.map { tokenizer.text($0) }
            let trimmed = cells.map { $0.trimmingCharacters(in: .whitespaces) }
            let roles = trimmed.map { ColumnRole(header: $0) }
            // yfinance: `Price,Close,...` / `Ticker,^DJI,...` / `Date,,,...`
            if preamble.isEmpty, ColumnRole.normalize(trimmed.first ?? "") == "price", trimmed.count > 1,
                roles.dropFirst().contains(.close)
            {
                var lookahead = tokenizer
                var second: [CSVField] = []
                if try lookahead.nextRow(into: &second), let first = second.first,
                    ColumnRole.normalize(lookahead.text(first)) == "ticker"
                {
                    isYFinance = true
                    header = ["Date"] + trimmed.dropFirst()
                    rawHeader = cells
                    headerLine = tokenizer.rowLine
                    let tickers = second.dropFirst().map { lookahead.text($0).trimmingCharacters(in: .whitespaces) }
                    if let closeIndex = header.firstIndex(where: { ColumnRole(header: $0) == .close }), closeIndex - 1 < tickers.count {
                        tickerFromRow = tickers[closeIndex - 1]
                    }
                    tokenizer = lookahead
                    // Skip the `Date,,,` row.
                    var third: [CSVField] = []
                    var peek = tokenizer
                    if try peek.nextRow(into: &third), let first = third.first,
                        ColumnRole(header: peek.text(first)) == .date,
                        third.dropFirst().allSatisfy({ peek.slice($0).allSatisfy { $0 == 32 } })
                    {
                        tokenizer = peek
                    }
                    break
                }
            }
            if roles.contains(.date), trimmed.filter({ !$0.isEmpty }).count >= 2 {
                header = trimmed
                rawHeader = cells
                headerLine = tokenizer.rowLine
                break
            }
            var cellsShown = trimmed
            while cellsShown.count > 1, cellsShown.last?.isEmpty == true { cellsShown.removeLast() }  // padded to the sheet's width
            preamble.append(cellsShown)
            preambleLines.append(tokenizer.rowLine)
            if preamble.count >= 64 { break }
        }
        guard !header.isEmpty else {
            throw MarketLinkError(
                "no header row found: expected a date column (Date, DATE, observation_date, 日期, 时间, ...) beside a close or value column in the first lines",
                at: SourceLocation(file: file, line: preambleLines.first ?? 1, column: 1))
        }

        // MARK: Column roles
        let roles = header.map { ColumnRole(header: $0) }
        guard let dateIndex = roles.firstIndex(of: .date) else {
            throw MarketLinkError("no date column in the header", at: SourceLocation(file: file, line: headerLine, column: 1))
        }
        let symbolIndex = roles.firstIndex(of: .symbol)
        var valueIndexes: [Int] = []
        var notes: [String] = []
        let closeIndex = roles.firstIndex(of: .close)
        let adjustedIndex = roles.firstIndex(of: .adjustedClose)
        if options.adjustedClose {
            guard let adjustedIndex else {
                throw MarketLinkError(
                    "--adjusted asks for an adjusted close, but the header has none (columns: \(header.joined(separator: ", ")))",
                    at: SourceLocation(file: file, line: headerLine, column: 1))
            }
            valueIndexes = [adjustedIndex]
        } else if let closeIndex {
            valueIndexes = [closeIndex]
            if adjustedIndex != nil { notes.append("\"\(header[closeIndex])\" taken as the close; \"Adj Close\" is available with --adjusted") }
        } else if let adjustedIndex {
            valueIndexes = [adjustedIndex]
            notes.append("no plain close column: \"\(header[adjustedIndex])\" taken as the close")
        } else {
            valueIndexes = roles.indices.filter { roles[$0] == .unknown && !header[$0].isEmpty }
        }
        guard !valueIndexes.isEmpty else {
            throw MarketLinkError(
                "no close column: expected Close, Close/Last, Price, PX_LAST, 收盘 or a value column (columns: \(header.joined(separator: ", ")))",
                at: SourceLocation(file: file, line: headerLine, column: 1))
        }
        let isWide = valueIndexes.count > 1 || (closeIndex == nil && adjustedIndex == nil)
        if isWide, symbolIndex != nil {
            throw MarketLinkError(
                "the file has a symbol column but no close column (columns: \(header.joined(separator: ", ")))",
                at: SourceLocation(file: file, line: headerLine, column: 1))
        }

        // MARK: Rows
        var rawDates: [RawDate] = []
        var lines: [Int32] = []
        var dateOffsets: [Int] = []
        var builders: [Builder] = []
        var dropped: [DroppedRow] = []
        var symbolIndexByName: [String: Int] = [:]
        var previousSymbol: (start: Int, end: Int, builder: Int)?
        if symbolIndex == nil {
            for index in valueIndexes { builders.append(Builder(name: header[index])) }
        }
        let neededFields = max(dateIndex, symbolIndex ?? 0, valueIndexes.max() ?? 0) + 1
        // Decimal comma: only in `;` files, decided from the first values that hold a comma.
        var decimalComma = false
        if delimiter == UInt8(ascii: ";") {
            var probe = tokenizer
            var probeFields: [CSVField] = []
            var looked = 0
            while looked < 50, try probe.nextRow(into: &probeFields) {
                looked += 1
                for index in valueIndexes where index < probeFields.count {
                    if probe.slice(probeFields[index]).contains(UInt8(ascii: ",")) { decimalComma = true }
                }
            }
            if decimalComma { notes.append("`;`-delimited with decimal commas: \"3279,03\" read as 3279.03") }
        }
        while try tokenizer.nextRow(into: &fields) {
            let line = tokenizer.rowLine
            if fields.allSatisfy({ field in tokenizer.slice(field).allSatisfy { $0 == 32 || $0 == 9 } }) {
                dropped.append(DroppedRow(line: line, series: nil, reason: "empty row"))
                continue
            }
            if fields.count > header.count {
                throw MarketLinkError(
                    "row has \(fields.count) fields but the header has \(header.count) (an unquoted comma inside a number?)",
                    at: tokenizer.locate(fields[header.count]))
            }
            guard fields.count >= neededFields else {
                let missing = [dateIndex, symbolIndex ?? 0, valueIndexes.max() ?? 0].filter { $0 >= fields.count }.min() ?? 0
                throw MarketLinkError(
                    "row has \(fields.count) field\(fields.count == 1 ? "" : "s"), too few to reach column \"\(header[missing])\" (field \(missing + 1) of \(header.count))",
                    at: tokenizer.locate(offset: tokenizer.rowStart, line: line))
            }
            let dateField = fields[dateIndex]
            guard let raw = DateReader.read(tokenizer.slice(dateField)) else {
                let text = tokenizer.text(dateField)
                let what = text.trimmingCharacters(in: .whitespaces).isEmpty ? "row has no date" : "cannot read \(quoted(text)) as a date"
                throw MarketLinkError("\(what) in column \"\(header[dateIndex])\"", at: tokenizer.locate(dateField))
            }
            let row = Int32(rawDates.count)
            // Which builder(s) this row feeds.
            var target = 0
            if let symbolIndex {
                let field = fields[symbolIndex]
                if let previous = previousSymbol, sameBytes(previous.start, previous.end, field.start, field.end) {
                    target = previous.builder
                } else {
                    let symbol = tokenizer.text(field).trimmingCharacters(in: .whitespaces)
                    guard !symbol.isEmpty else {
                        throw MarketLinkError("row has no symbol in column \"\(header[symbolIndex])\"", at: tokenizer.locate(field))
                    }
                    if let existing = symbolIndexByName[symbol] {
                        target = existing
                    } else {
                        target = builders.count
                        symbolIndexByName[symbol] = target
                        builders.append(Builder(name: symbol))
                    }
                    previousSymbol = (field.start, field.end, target)
                }
            }

            for (k, valueIndex) in valueIndexes.enumerated() {
                let field = fields[valueIndex]
                let builderIndex = symbolIndex == nil ? k : target
                var decimals = 0
                switch NumberReader.read(tokenizer.slice(field), decimalComma: decimalComma, decimals: &decimals) {
                case .value(let close):
                    if decimals > builders[builderIndex].decimals { builders[builderIndex].decimals = decimals }
                    guard close > 0 else {
                        throw MarketLinkError(
                            "close \(quoted(tokenizer.text(field).trimmingCharacters(in: .whitespaces))) in column \"\(header[valueIndex])\" is not positive: an index level must be above 0 (percent changes divide by it)",
                            at: tokenizer.locate(field))
                    }
                    builders[builderIndex].rows.append(row)
                    builders[builderIndex].closes.append(close)
                case .missing:
                    let shown = tokenizer.text(field).trimmingCharacters(in: .whitespaces)
                    let dateText = tokenizer.text(dateField).trimmingCharacters(in: .whitespaces)
                    let marker = shown.isEmpty ? "empty" : quoted(shown)
                    dropped.append(
                        DroppedRow(
                            line: line, series: isWide || symbolIndex != nil ? builders[builderIndex].name : nil,
                            reason: "\(dateText): no close (\(marker) in column \"\(header[valueIndex])\")"))
                case .invalid:
                    throw MarketLinkError(
                        "cannot read \(quoted(tokenizer.text(field).trimmingCharacters(in: .whitespaces))) as a number in column \"\(header[valueIndex])\"",
                        at: tokenizer.locate(field))
                }
            }
            rawDates.append(raw)
            lines.append(Int32(line))
            dateOffsets.append(dateField.isQuoted ? dateField.start - 1 : dateField.start)
        }
        guard !rawDates.isEmpty else {
            throw MarketLinkError(
                "the header on line \(headerLine) is followed by no price rows",
                at: SourceLocation(file: file, line: headerLine, column: 1))
        }

        // MARK: Dates
        let decision: DateColumnResolver.Decision
        switch DateColumnResolver.decide(rawDates, lines: lines.map(Int.init), override: options.dateOrder) {
        case .success(let value):
            decision = value
        case .failure(let detail):
            let index = detail.index
            let location = tokenizer.locate(offset: dateOffsets[index], line: Int(lines[index]))
            let text = dateText(at: dateOffsets[index])
            throw MarketLinkError("date \(quoted(text)) in column \"\(header[dateIndex])\" \(detail.message)", at: location)
        }
        var ordinals = [Int32](repeating: 0, count: rawDates.count)
        for k in rawDates.indices {
            guard let day = rawDates[k].day(order: decision.order) else {
                let location = tokenizer.locate(offset: dateOffsets[k], line: Int(lines[k]))
                throw MarketLinkError(
                    "\(quoted(dateText(at: dateOffsets[k]))) is not a real date (no such day in the calendar)", at: location)
            }
            ordinals[k] = day.ordinal
        }

        // MARK: Series
        var series: [Series] = []
        var newestFirst = false
        for builder in builders {
            guard !builder.rows.isEmpty else {
                notes.append("\(builder.name): no closes at all; no series")
                continue
            }
            var days = builder.rows.map { ordinals[Int($0)] }
            var closes = builder.closes
            var rowOrder = builder.rows
            if days.count >= 2, days[0] > days[days.count - 1] {
                days.reverse()
                closes.reverse()
                rowOrder.reverse()
                newestFirst = true
            }
            for k in days.indices.dropFirst() where days[k - 1] >= days[k] {
                let (earlierRow, laterRow) = (Int(rowOrder[k - 1]), Int(rowOrder[k]))
                let (first, second) = earlierRow < laterRow ? (earlierRow, laterRow) : (laterRow, earlierRow)
                let location = tokenizer.locate(offset: dateOffsets[second], line: Int(lines[second]))
                let what = symbolIndex != nil || isWide ? " for \(builder.name)" : ""
                if days[k - 1] == days[k] {
                    throw MarketLinkError(
                        "duplicate date \(Day(ordinal: days[k]).iso)\(what) (also on line \(lines[first]))", at: location)
                }
                throw MarketLinkError(
                    "date \(Day(ordinal: ordinals[second]).iso)\(what) is out of order: line \(lines[first]) has \(Day(ordinal: ordinals[first]).iso); dates must run one way (oldest or newest first)",
                    at: location)
            }
            guard var made = Series(name: builder.name, ordinals: days, closes: closes) else { continue }
            made.name = builder.name
            made.decimals = min(builder.decimals, 10)
            series.append(made)
        }

        // MARK: Names
        if symbolIndex == nil, !isWide, series.count == 1 {
            var name = fileStem(file)
            var source = "the file name"
            if let ticker = tickerFromRow, !ticker.isEmpty {
                (name, source) = (ticker, "the yfinance ticker row")
            } else if let security = preamble.first(where: { ($0.first ?? "").lowercased() == "security" }), security.count > 1 {
                var text = security[1]
                if text.hasSuffix(" Index") { text.removeLast(6) }
                (name, source) = (text, "the Security line")
            } else if preamble.count == 1, preamble[0].count == 1, !preamble[0][0].isEmpty {
                (name, source) = (preamble[0][0], "the ticker cell above the header")
            }
            if let given = options.name { (name, source) = (given, "NAME=path") }
            series[0] = renamed(series[0], to: name)
            notes.insert("series name \(quoted(name)) from \(source)", at: 0)
        } else if let given = options.name {
            throw MarketLinkError(
                "\(given)= names one series, but the file has \(series.count) (\(series.prefix(5).map(\.name).joined(separator: ", "))\(series.count > 5 ? ", ..." : "")); drop the name",
                kind: .usage)
        }
        if !preambleLines.isEmpty {
            notes.append("skipped \(preambleLines.count) line\(preambleLines.count == 1 ? "" : "s") before the header (\(preambleLines.map(String.init).joined(separator: ", ")))")
        }

        let isoDates = rawDates.first.map { $0.form == .resolved } ?? true
        let layout = PriceLayout.recognise(
            header: header, rawHeader: rawHeader.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }, preamble: preamble,
            isYFinance: isYFinance, hasSymbol: symbolIndex != nil, isWide: isWide, isoDates: isoDates)
        var dateReading = describeDateForm(rawDates.first, sample: dateText(at: dateOffsets[0]))
        if let order = decision.order { dateReading += ", \(order.pattern): \(decision.reason)" }
        let delimiterName = delimiter == 9 ? "tab" : String(UnicodeScalar(delimiter))
        return PriceFile(
            path: file, layout: layout, delimiter: delimiterName, headerLine: headerLine, dateColumn: header[dateIndex],
            closeColumns: valueIndexes.map { header[$0] }, symbolColumn: symbolIndex.map { header[$0] },
            dateReading: dateReading, newestFirst: newestFirst, decimalComma: decimalComma, series: series,
            dropped: dropped.sorted { $0.line < $1.line }, notes: notes)
    }

    private func renamed(_ series: Series, to name: String) -> Series {
        var copy = series
        copy.name = name
        copy.index = MarketTable.index(named: name)
        copy.market = copy.index?.market
        return copy
    }

    private func sameBytes(_ a: Int, _ aEnd: Int, _ b: Int, _ bEnd: Int) -> Bool {
        guard aEnd - a == bEnd - b else { return false }
        guard let base = bytes.baseAddress else { return aEnd == a }
        return memcmp(base + a, base + b, aEnd - a) == 0
    }

    /// The text of a date field starting at `offset` (up to the next delimiter or line end).
    private func dateText(at offset: Int) -> String {
        var start = offset
        var end = offset
        if start < bytes.count, bytes[start] == 34 {
            start += 1
            end = start
            while end < bytes.count, bytes[end] != 34 { end += 1 }
        } else {
            while end < bytes.count, bytes[end] != 44, bytes[end] != 59, bytes[end] != 9, bytes[end] != 10, bytes[end] != 13 {
                end += 1
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    private func describeDateForm(_ raw: RawDate?, sample: String) -> String {
        guard let raw else { return "" }
        switch raw.form {
        case .resolved: return "dates like \(quoted(sample))"
        case .twoWays, .threeWays: return "numeric dates like \(quoted(sample))"
        }
    }

    private func fileStem(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }
}
