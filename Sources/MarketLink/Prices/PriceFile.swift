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

    /// Reads a price file from disk through `InputFile` (its kind and size checked before anything
    /// is allocated, its first bytes checked as text). Throws a located `MarketLinkError` for
    /// anything it cannot read.
    public static func load(path: String, options: PriceLoadOptions = .init()) throws(MarketLinkError) -> PriceFile {
        let bytes = try InputFile.readAll(path)
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

    mutating func read() throws(MarketLinkError) -> PriceFile {
        guard bytes.count > 0 else {
            throw MarketLinkError("the file is empty: expected a header row and price rows", at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard bytes.count < Int(UInt32.max) else {
            throw MarketLinkError("the file is larger than 4 GiB; split it (by symbol or by years) and load the parts", at: SourceLocation(file: file))
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
            // A row this long is no header (a 5 MB line); reading its cells as text would take seconds.
            if fields.count > 100_000 || tokenizer.position - tokenizer.rowStart > 1 << 20 {
                preamble.append([])
                preambleLines.append(tokenizer.rowLine)
                if preamble.count >= 64 { break }
                continue
            }
            let cells = fields.map { tokenizer.text($0) }
            let trimmed = cells.map { $0.trimmingWhitespace }
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
                    "--adjusted asks for an adjusted close, but the header has none (columns: \(shown(header.joined(separator: ", "), limit: 200)))",
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
                "no close column: expected Close, Close/Last, Price, PX_LAST, 收盘 or a value column (columns: \(shown(header.joined(separator: ", "), limit: 200)))",
                at: SourceLocation(file: file, line: headerLine, column: 1))
        }
        let isWide = valueIndexes.count > 1 || (closeIndex == nil && adjustedIndex == nil)
        if isWide, symbolIndex != nil {
            throw MarketLinkError(
                "the file has a symbol column but no close column (columns: \(shown(header.joined(separator: ", "), limit: 200)))",
                at: SourceLocation(file: file, line: headerLine, column: 1))
        }

        // MARK: Rows
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
        let layoutInfo = RowLayout(
            header: header, dateIndex: dateIndex, symbolIndex: symbolIndex, valueIndexes: valueIndexes, decimalComma: decimalComma,
            isWide: isWide, file: file, delimiter: delimiter)
        var chunks = try RowChunk.parseAll(bytes: bytes, start: tokenizer.position, line: tokenizer.line, layout: layoutInfo)
        let dropped = chunks.flatMap(\.dropped)
        // Rows are numbered across chunks: chunk k's row r is row rowBase[k] + r.
        var rowBase: [Int] = []
        var totalRows = 0
        for chunk in chunks {
            rowBase.append(totalRows)
            totalRows += chunk.dates.count
        }
        guard totalRows > 0 else {
            throw MarketLinkError(
                "the header on line \(headerLine) is followed by no price rows",
                at: SourceLocation(file: file, line: headerLine, column: 1))
        }
        func dateOffset(_ row: Int) -> Int {
            var k = chunks.count - 1
            while k > 0, rowBase[k] > row { k -= 1 }
            return Int(chunks[k].offsets[row - rowBase[k]])
        }

        // MARK: Dates
        let firstRaw = RawDate(packed: chunks[0].dates[0])
        var decision = DateColumnResolver.Decision(order: nil, reason: "unambiguous")
        let ambiguous = chunks.contains { chunk in chunk.dates.contains { UInt8($0 & 0xFF) != RawDate.Form.resolved.rawValue } }
        if ambiguous {
            let raws = chunks.flatMap { $0.dates.map(RawDate.init(packed:)) }
            switch DateColumnResolver.decide(raws, lineOf: { lineOf(offset: dateOffset($0)) }, override: options.dateOrder) {
            case .success(let value):
                decision = value
            case .failure(let detail):
                let offset = dateOffset(detail.index)
                throw MarketLinkError(
                    "date \(quoted(dateText(at: offset))) in column \"\(shown(header[dateIndex]))\" \(detail.message)", at: locate(offset: offset))
            }
        }
        var ordinals = [Int32](repeating: 0, count: totalRows)
        for k in chunks.indices {
            let base = rowBase[k]
            for (r, packed) in chunks[k].dates.enumerated() {
                guard let day = RawDate(packed: packed).day(order: decision.order) else {
                    let offset = dateOffset(base + r)
                    let why = RawDate(packed: packed).parts(order: decision.order).map { EventFieldReader.whyNotReal($0.year, $0.month, $0.day) }
                    throw MarketLinkError(
                        "\(quoted(dateText(at: offset))) is not a real date (\(why ?? "no such day in the calendar"))", at: locate(offset: offset))
                }
                ordinals[base + r] = day.ordinal
            }
            chunks[k].dates = []
        }

        // MARK: Series
        // Builders of the same name across chunks join in chunk order; names keep first-appearance order.
        var names: [String] = []
        var parts: [String: [(chunk: Int, builder: Int)]] = [:]
        for k in chunks.indices {
            for (b, builder) in chunks[k].builders.enumerated() {
                if parts[builder.name] == nil { names.append(builder.name) }
                parts[builder.name, default: []].append((k, b))
            }
        }
        var series: [Series] = []
        var newestFirst = false
        for name in names {
            let pieces = parts[name] ?? []
            let count = pieces.reduce(0) { $0 + chunks[$1.chunk].builders[$1.builder].rows.count }
            guard count > 0 else {
                notes.append("\(name): no closes at all; no series")
                continue
            }
            var days: [Int32] = []
            var closes: [Double] = []
            var rowOrder: [Int32] = []
            days.reserveCapacity(count)
            closes.reserveCapacity(count)
            rowOrder.reserveCapacity(count)
            var decimals = 0
            for (k, b) in pieces {
                let base = Int32(rowBase[k])
                for row in chunks[k].builders[b].rows {
                    days.append(ordinals[Int(row + base)])
                    rowOrder.append(row + base)
                }
                closes.append(contentsOf: chunks[k].builders[b].closes)
                decimals = max(decimals, chunks[k].builders[b].decimals)
                chunks[k].builders[b].rows = []
                chunks[k].builders[b].closes = []
            }
            if days.count >= 2, days[0] > days[days.count - 1] {
                days.reverse()
                closes.reverse()
                rowOrder.reverse()
                newestFirst = true
            }
            for k in days.indices.dropFirst() where days[k - 1] >= days[k] {
                let (earlierRow, laterRow) = (Int(rowOrder[k - 1]), Int(rowOrder[k]))
                let (first, second) = earlierRow < laterRow ? (earlierRow, laterRow) : (laterRow, earlierRow)
                let location = locate(offset: dateOffset(second))
                let firstLine = lineOf(offset: dateOffset(first))
                let what = symbolIndex != nil || isWide ? " for \(shown(name))" : ""
                if days[k - 1] == days[k] {
                    throw MarketLinkError("duplicate date \(Day(ordinal: days[k]).iso)\(what) (also on line \(firstLine))", at: location)
                }
                throw MarketLinkError(
                    "date \(Day(ordinal: ordinals[second]).iso)\(what) is out of order: line \(firstLine) has \(Day(ordinal: ordinals[first]).iso); dates must run one way (oldest or newest first)",
                    at: location)
            }
            guard var made = Series(name: name, ordinals: days, closes: closes) else { continue }
            made.decimals = min(decimals, 10)
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
        } else if let given = options.name, series.count == 1 {
            // One series from a column or symbol name (FRED's `DATE,DJIA`, a one-symbol panel).
            series[0] = renamed(series[0], to: given)
            notes.insert("series name \(quoted(given)) from NAME=path", at: 0)
        } else if let given = options.name {
            throw MarketLinkError(
                "\(given)= names one series, but the file has \(series.count) (\(series.prefix(5).map(\.name).joined(separator: ", "))\(series.count > 5 ? ", ..." : "")); drop the name",
                kind: .usage)
        }
        if !preambleLines.isEmpty {
            notes.append("skipped \(preambleLines.count) line\(preambleLines.count == 1 ? "" : "s") before the header (\(preambleLines.map(String.init).joined(separator: ", ")))")
        }

        let isoDates = firstRaw.form == .resolved
        let layout = PriceLayout.recognise(
            header: header, rawHeader: rawHeader.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }, preamble: preamble,
            isYFinance: isYFinance, hasSymbol: symbolIndex != nil, isWide: isWide, isoDates: isoDates)
        var dateReading = describeDateForm(firstRaw, sample: dateText(at: dateOffset(0)))
        if let order = decision.order { dateReading += ", \(order.pattern): \(decision.reason)" }
        let delimiterName = delimiter == 9 ? "tab" : String(UnicodeScalar(delimiter))
        return PriceFile(
            path: file, layout: layout, delimiter: delimiterName, headerLine: headerLine, dateColumn: header[dateIndex],
            closeColumns: valueIndexes.map { header[$0] }, symbolColumn: symbolIndex.map { header[$0] },
            dateReading: dateReading, newestFirst: newestFirst, decimalComma: decimalComma, series: series,
            dropped: dropped.sorted { $0.line < $1.line }, notes: notes)
    }

    /// The physical line of a byte offset (counted on demand: only for messages).
    private func lineOf(offset: Int) -> Int {
        SourceLocation(offset: offset, in: bytes, file: file).line
    }

    private func locate(offset: Int) -> SourceLocation {
        SourceLocation(offset: offset, in: bytes, file: file)
    }

    private func renamed(_ series: Series, to name: String) -> Series {
        var copy = series
        copy.name = name
        copy.index = MarketTable.index(named: name)
        copy.market = copy.index?.market
        return copy
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
