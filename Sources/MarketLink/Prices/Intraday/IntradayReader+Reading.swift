import Foundation

// MARK: - Reading the bars

extension IntradayReader {
    /// The rows of an intraday file as written, before a zone makes them instants.
    struct Rows {
        var stamps: [IntradayStamp] = []
        var closes: [Double] = []
        var lines: [Int32] = []
        var texts: (first: String, last: String) = ("", "")
        var decimals = 0
        var dropped: [DroppedRow] = []
        /// Whether the column's epoch stamps are milliseconds, as its first stamp says.
        var epochInMilliseconds: Bool?
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, options: PriceLoadOptions, columns: Columns) throws(MarketLinkError) -> PriceFile {
        let delimiter = CSVDialect.sniffDelimiter(bytes)
        var rows = try readRows(bytes, delimiter: delimiter, file: file, options: options, columns: columns)
        guard !rows.stamps.isEmpty else {
            throw MarketLinkError(.noPriceRows(headerLine: columns.header.line), at: SourceLocation(file: file, line: columns.header.line, column: 1))
        }
        var newestFirst = false
        if rows.stamps.count >= 2, let first = rows.stamps.first, let last = rows.stamps.last, first.seconds > last.seconds {
            rows.stamps.reverse()
            rows.closes.reverse()
            rows.lines.reverse()
            rows.texts = (rows.texts.last, rows.texts.first)
            newestFirst = true
        }

        // The name first: the market it names decides the zone of wall-clock times.
        guard let seed = Series(name: SeriesNaming.fileStem(file), ordinals: [], closes: []) else {
            throw MarketLinkError("internal: no series to name", at: SourceLocation(file: file))
        }
        var named = [seed]
        let nameNote = try SeriesNaming.name(&named, file: file, header: columns.header, namedByColumns: false, given: options.name)
        let name = named[0].name
        let market = options.market ?? named[0].market
        let zones = try ZoneChoice(stamps: rows.stamps, lines: rows.lines, market: market, given: options.timeZone, series: name, file: file)
        let instants = zones.instants(of: rows.stamps)
        try checkIncreasing(instants, rows: rows, bytes: bytes, file: file, delimiter: delimiter, columns: columns)
        let barSeconds = barLength(instants)
        let starts = options.barLabel == .end ? instants.map { $0 - Int64(barSeconds) } : instants

        // Sessions: local calendar dates of the bar starts.
        var ordinals: [Int32] = []
        var sessionCloses: [Double] = []
        var firstBars: [Int32] = []
        var cache = OffsetCache(zone: zones.local)
        for k in starts.indices {
            let day = Int32(truncatingIfNeeded: floorDiv(starts[k] + Int64(cache.offset(atUTC: starts[k])), 86_400))
            if ordinals.last != day {
                ordinals.append(day)
                sessionCloses.append(rows.closes[k])
                firstBars.append(Int32(k))
            } else {
                sessionCloses[sessionCloses.count - 1] = rows.closes[k]
            }
        }
        let bars = IntradayBars(
            barSeconds: barSeconds, label: options.barLabel, zoneIdentifier: zones.localIdentifier, zoneDecision: zones.decision,
            starts: starts, closes: rows.closes, sessionFirstBars: firstBars)
        guard var series = Series(name: name, ordinals: ordinals, closes: sessionCloses, market: market) else {
            throw MarketLinkError("internal: intraday sessions out of order", at: SourceLocation(file: file))
        }
        series.decimals = min(rows.decimals, 10)
        series.intraday = bars

        var notes: [String] = []
        if let nameNote { notes.append(nameNote) }
        notes.append(IntradayBars.dailyViewNote)
        if let skipped = columns.header.preamble.note { notes.append(skipped) }
        let header = columns.header.cells
        let dateColumn = columns.headerless ? "1" : header[columns.dateIndex] + (columns.timeIndex.map { " + " + header[$0] } ?? "")
        let layout: PriceLayout =
            columns.headerless
            ? .headerlessBars
            : columns.isMetaTrader
                ? .metaTrader
                : columns.header.isYFinance ? .yfinance : .intradayBars
        return PriceFile(
            path: file, layout: layout, delimiter: PriceFileReader.name(ofDelimiter: delimiter), headerLine: columns.header.line,
            dateColumn: dateColumn, closeColumns: [columns.headerless ? "5 (close)" : header[columns.closeIndex]], symbolColumn: nil,
            dateReading: "bar times like \(quoted(rows.texts.first))", newestFirst: newestFirst, decimalComma: false, series: [series],
            dropped: rows.dropped, notes: notes)
    }

    /// Reads every data row: its stamp and close; a row without a close is dropped and reported.
    static func readRows(
        _ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, file: String, options: PriceLoadOptions, columns: Columns
    ) throws(MarketLinkError) -> Rows {
        var rows = Rows()
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, file: file, start: columns.dataStart, line: columns.dataLine)
        var fields: [CSVField] = []
        let header = columns.header.cells
        let dateName = columns.headerless ? "1" : header[columns.dateIndex]
        let closeName = columns.headerless ? "\(columns.closeIndex + 1)" : header[columns.closeIndex]
        let needed = max(columns.dateIndex, columns.timeIndex ?? 0, columns.closeIndex) + 1
        while try tokenizer.nextRow(into: &fields) {
            let line = tokenizer.rowLine
            if fields.allSatisfy({ tokenizer.slice($0).allSatisfy { $0 == 32 || $0 == 9 } }) {
                rows.dropped.append(DroppedRow(line: line, series: nil, reason: "empty row"))
                continue
            }
            guard fields.count >= needed else {
                throw MarketLinkError(
                    .tooFewFields(fields.count, column: closeName, field: needed, of: max(header.count, needed)),
                    at: tokenizer.locate(offset: tokenizer.rowStart, line: line))
            }
            guard var stamp = stamp(fields, tokenizer: tokenizer, columns: columns, order: options.dateOrder) else {
                let field = fields[columns.dateIndex]
                let text = tokenizer.text(field) + (columns.timeIndex.map { " " + tokenizer.text(fields[$0]) } ?? "")
                throw MarketLinkError(.unreadableDate(text.trimmingWhitespace, column: dateName), at: tokenizer.locate(field))
            }
            if stamp.isEpoch {
                // One unit for the column, the first stamp's: a 12-digit stamp among 10-digit
                // seconds is seconds too (and past 9999 a refusal), not milliseconds of 1978.
                let inMilliseconds = rows.epochInMilliseconds ?? stamp.epochInMilliseconds
                rows.epochInMilliseconds = inMilliseconds
                stamp.seconds = inMilliseconds ? stamp.epochValue / 1000 : stamp.epochValue
                if stamp.seconds > IntradayStampReader.lastSecond {
                    let field = fields[columns.dateIndex]
                    let days = Int(stamp.seconds / 86_400)
                    let time = stamp.seconds % 86_400
                    let clock = [time / 3600, time / 60 % 60, time % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
                    let reading = NumericDate.iso(NumericDate.civil(fromDays: days)) + "T" + clock + "Z"
                    throw MarketLinkError(.dateYearOutOfRange(tokenizer.text(field).trimmingWhitespace, reading: reading), at: tokenizer.locate(field))
                }
            }
            let field = fields[columns.closeIndex]
            var decimals = 0
            switch NumberReader.read(tokenizer.slice(field), decimalComma: false, decimals: &decimals) {
            case .value(let close):
                guard close > 0 else {
                    throw MarketLinkError(.closeNotPositive(tokenizer.text(field).trimmingWhitespace, column: closeName), at: tokenizer.locate(field))
                }
                rows.decimals = max(rows.decimals, decimals)
                rows.stamps.append(stamp)
                rows.closes.append(close)
                rows.lines.append(Int32(truncatingIfNeeded: line))
                let text = stampText(fields, tokenizer: tokenizer, columns: columns)
                if rows.stamps.count == 1 { rows.texts.first = text }
                rows.texts.last = text
            case .missing:
                let shown = tokenizer.text(field).trimmingWhitespace
                rows.dropped.append(
                    DroppedRow(
                        line: line, series: nil,
                        reason: "\(stampText(fields, tokenizer: tokenizer, columns: columns)): no close (\(shown.isEmpty ? "empty" : quoted(shown)) in column \"\(closeName)\")"))
            case .invalid:
                throw MarketLinkError(.unreadableNumber(tokenizer.text(field).trimmingWhitespace, column: closeName), at: tokenizer.locate(field))
            }
        }
        return rows
    }

    static func stampText(_ fields: [CSVField], tokenizer: CSVTokenizer, columns: Columns) -> String {
        let date = tokenizer.text(fields[columns.dateIndex]).trimmingWhitespace
        guard let timeIndex = columns.timeIndex else { return date }
        return date + " " + tokenizer.text(fields[timeIndex]).trimmingWhitespace
    }

    /// Throws at the first bar not after the one before it, pointing at the later line.
    static func checkIncreasing(
        _ instants: [Int64], rows: Rows, bytes: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8, columns: Columns
    ) throws(MarketLinkError) {
        for k in instants.indices.dropFirst() where instants[k - 1] >= instants[k] {
            let (a, b) = (Int(rows.lines[k - 1]), Int(rows.lines[k]))
            let (earlier, later) = a < b ? (a, b) : (b, a)
            let cells = lineText(bytes, line: later).split(separator: Character(UnicodeScalar(delimiter)), omittingEmptySubsequences: false)
            let wanted = [columns.dateIndex] + (columns.timeIndex.map { [$0] } ?? [])
            let text = wanted.filter { $0 < cells.count }.map { cells[$0].trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            throw MarketLinkError(
                .barTimeNotIncreasing(text, firstLine: earlier, duplicate: instants[k - 1] == instants[k]),
                at: SourceLocation(file: file, line: later, column: 1))
        }
    }

    /// The first field(s) of a line, for a message (the stamp as written, up to the close).
    static func lineText(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> String {
        var current = 1
        var k = 0
        while k < bytes.count, current < line {
            if bytes[k] == 10 { current += 1 }
            k += 1
        }
        var end = k
        while end < bytes.count, bytes[end] != 10, bytes[end] != 13 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<min(end, k + 200)]), as: UTF8.self)
    }

    /// The most frequent gap between consecutive instants (ties: the smaller); 60 s for one bar.
    static func barLength(_ instants: [Int64]) -> Int {
        var counts: [Int64: Int] = [:]
        for k in instants.indices.dropFirst() { counts[instants[k] - instants[k - 1], default: 0] += 1 }
        let best = counts.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key > rhs.key }
        return best.map { Int($0.key) } ?? 60
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

// MARK: - Zones

/// How an intraday file's stamps become instants, and the local zone of its sessions.
struct ZoneChoice {
    /// The zone wall-clock stamps are read in (`nil` when every stamp is already an instant).
    var wall: TimeZone?
    /// The local zone: session dates and shown times.
    var local: TimeZone
    var localIdentifier: String
    /// In words, for `inspect`.
    var decision: String

    /// `lines` are the stamps' lines in the file: an error points at the first stamp without an offset.
    init(stamps: [IntradayStamp], lines: [Int32], market: Market?, given: String?, series: String, file: String) throws(MarketLinkError) {
        let marketZone = market.flatMap { m in m.timeZone.map { (zone: $0, id: m.timeZoneIdentifier, name: m.id) } }
        let givenZone = given.flatMap { name in Market.timeZone(named: name).map { (zone: $0, id: name) } }
        let allUTC = stamps.allSatisfy(\.isUTC)
        let epoch = stamps.first?.isEpoch == true
        var how: String
        if allUTC {
            wall = nil
            if epoch {
                how = "epoch \(stamps.count > 0 ? "stamps" : ""), UTC instants"
            } else {
                let offsets = Set(stamps.compactMap(\.writtenOffset)).sorted()
                how = "offset in the data (\(offsets.prefix(3).map(ZoneChoice.offsetText).joined(separator: ", ")))"
            }
        } else if let givenZone {
            wall = givenZone.zone
            how = "no offset in the data: wall-clock time in \(givenZone.id), the zone given"
        } else if let marketZone {
            wall = marketZone.zone
            how = "no offset in the data: wall-clock time in \(marketZone.id), from the market \(marketZone.name)"
        } else {
            let wallClock = stamps.firstIndex { !$0.isUTC }
            let line = wallClock.flatMap { $0 < lines.count ? Int(lines[$0]) : nil } ?? 1
            throw MarketLinkError(.intradayZoneUnknown(series: series), at: SourceLocation(file: file, line: line, column: 1))
        }
        if let marketZone {
            local = marketZone.zone
            localIdentifier = marketZone.id
            how += "; sessions in \(marketZone.id) (the market \(marketZone.name))"
        } else if let givenZone {
            local = givenZone.zone
            localIdentifier = givenZone.id
            how += allUTC ? "; sessions in \(givenZone.id), the zone given" : ""
        } else if let offset = stamps.first?.writtenOffset, let zone = TimeZone(secondsFromGMT: Int(offset)) {
            local = zone
            localIdentifier = ZoneChoice.offsetText(offset)
            how += "; sessions in \(localIdentifier) (the offset; no market known)"
        } else {
            local = TimeZone(secondsFromGMT: 0) ?? .current
            localIdentifier = "UTC"
            how += "; sessions in UTC (no market or zone known)"
        }
        decision = how
    }

    /// Every stamp as seconds since 1970-01-01T00:00Z.
    func instants(of stamps: [IntradayStamp]) -> [Int64] {
        guard let wall else { return stamps.map(\.seconds) }
        var cache = OffsetCache(zone: wall)
        return stamps.map { $0.isUTC ? $0.seconds : $0.seconds - Int64(cache.offset(atWall: $0.seconds)) }
    }

    /// `-04:00`, `+08:00`.
    static func offsetText(_ seconds: Int32) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = Int(seconds.magnitude)
        let hours = magnitude / 3600
        let minutes = magnitude % 3600 / 60
        return sign + (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}

/// A zone's offset from UTC, asked of Foundation once per hour of stamps rather than per bar.
struct OffsetCache {
    let zone: TimeZone
    private var hour: Int64 = .min
    private var cached: Int = 0
    private var wallHour: Int64 = .min
    private var wallCached: Int = 0

    init(zone: TimeZone) { self.zone = zone }

    /// Seconds east of UTC at the instant `utc`.
    mutating func offset(atUTC utc: Int64) -> Int {
        let bucket = IntradayReader.floorDiv(utc, 3600)
        if bucket != hour {
            hour = bucket
            cached = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc)))
        }
        return cached
    }

    /// Seconds east of UTC at wall-clock time `wall` (the offset at the naive instant, corrected once).
    mutating func offset(atWall wall: Int64) -> Int {
        let bucket = IntradayReader.floorDiv(wall, 3600)
        if bucket != wallHour {
            wallHour = bucket
            let first = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall)))
            wallCached = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall - Int64(first))))
        }
        return wallCached
    }
}
