// MARK: - CSV export

extension ChangeTable {
    /// The CSV columns, in DESIGN §3 order; `event_session` (the date of t0) follows. Log returns
    /// are in the JSON output and in `mlink study`.
    public static let csvColumns = [
        "event_id", "event_date", "event_title", "tags", "series", "window", "base_date", "base_close", "end_date",
        "end_close", "points", "percent", "status", "event_session",
    ]

    /// The column `sentences: true` adds after `csvColumns`: the newsroom sentence of each row
    /// ("The Dow Jones Industrial Average rose 260.33 points, ..."), empty for a row without a move.
    public static let sentenceColumn = "sentence"

    /// A fixed position for each status (0 ..< 11), by a switch: the formatter keeps the status
    /// cells in this order (no array or dictionary lookup per row).
    @inline(__always)
    static func statusPosition(_ status: ChangeStatus) -> Int {
        switch status {
        case .ok: 0
        case .noBase: 1
        case .noEnd: 2
        case .beforeData: 3
        case .afterData: 4
        case .noSession: 5
        case .noMarket: 6
        case .monthOnly: 7
        case .noPercent: 8
        case .noTime: 9
        case .noBars: 10
        }
    }

    /// The columns a change report with minute windows adds after `csvColumns` (before the
    /// sentence column): the instants the base and end prices are taken at (u′+a and u′+b, ISO
    /// 8601 with the series' local offset), the instant u′ the window is measured from, and why the
    /// event was moved there when it fell outside trading (`after the close`, `before the open`,
    /// `in a break within the session`). Empty on the rows of session windows; a report without
    /// minute windows has none of them.
    public static let minuteColumns = ["base_at", "end_at", "measured_from", "moved"]

    /// The header of a change report, with the minute columns when any window counts minutes and
    /// the sentence column when asked for.
    static func csvHeader(sentences: Bool, minutes: Bool = false) -> [String] {
        (minutes ? csvColumns + minuteColumns : csvColumns) + (sentences ? [sentenceColumn] : [])
    }

    /// Significant digits written for percent: 12, for 1e-9 relative agreement with any other tool.
    static let percentDigits = 12

    /// The change report as CSV bytes (UTF-8, LF line ends, header first).
    ///
    /// Closes and points are written to the precision of the series as read (`Series.decimals`), so
    /// a move between two 2-decimal closes is exact (`260.33`, not `260.33000000000175`); percent
    /// has 12 significant digits; trailing zeros are trimmed. With `sentences`, each row ends with
    /// its sentence (`sentenceColumn`). With minute windows, the `minuteColumns` follow
    /// `csvColumns`; a minute row's `base_date` and `end_date` are the sessions of the bars its
    /// prices come from, and its `event_session` the session it is measured in.
    public func csv(sentences: Bool = false) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(entries.count * (sentences ? 260 : 120) + 256)
        CSVWriter.appendHeader(ChangeTable.csvHeader(sentences: sentences, minutes: windows.contains(where: \.isMinuteWindow)), to: &buffer)
        ChangeCSVFormatter(events: events, series: series, windows: windows, sentences: sentences).append(entries[...], to: &buffer)
        return buffer
    }
}

// MARK: - Formatter

/// Everything a CSV row needs, prepared once: each event's escaped leading cells, each series'
/// escaped name and the ISO text of every date in range. The sessions are read from the series'
/// own arrays (shared, never copied: a copy would hold every day and close twice while the report
/// is written), through pointers taken once per run of rows of one series, without reference
/// counting per row on the hot path.
struct ChangeCSVFormatter: Sendable {
    /// Cell texts of events, series and windows, each kind in one flat byte array with offsets.
    let eventCells: FlatCells
    let seriesCells: FlatCells
    let windowCells: FlatCells
    let decimals: [Int]
    /// Each series' day ordinals and closes: the series' own storage, not a copy.
    let days: [[Int32]]
    let closes: [[Double]]
    /// `YYYY-MM-DD` for every day from `firstOrdinal`, 10 bytes each.
    let dayText: [UInt8]
    let firstOrdinal: Int32
    /// The series, kept only when rows end with their sentence.
    let sentenceSeries: [Series]?
    /// Each status's cell, in `ChangeTable.statusPosition` order.
    let statusText: FlatCells
    /// The most bytes a row without its event cells takes (`bytes(_:)` sizes its buffer from it).
    let rowBound: Int
    /// The events, series and windows, kept only when a window counts minutes (its rows are
    /// measured again on the bars and written from their `ChangeRow`).
    let minuteInputs: (events: [Event], series: [Series], windows: [EventWindow])?

    static let statusCells: [ChangeStatus: [UInt8]] = Dictionary(
        uniqueKeysWithValues: ChangeStatus.allCases.map { ($0, Array($0.rawValue.utf8)) })

    init(events: [Event], series: [Series], windows: [EventWindow], sentences: Bool = false) {
        sentenceSeries = sentences ? series : nil
        minuteInputs = windows.contains(where: \.isMinuteWindow) ? (events, series, windows) : nil
        eventCells = FlatCells(events.map { event in
            var cell: [UInt8] = []
            CSVWriter.appendText(event.id, to: &cell)
            cell.append(44)
            if event.hasDay { event.date.appendISO(to: &cell) } else { cell += Array(event.dateText.utf8) }
            cell.append(44)
            CSVWriter.appendText(event.title, to: &cell)
            cell.append(44)
            CSVWriter.appendText(event.tags.joined(separator: ";"), to: &cell)
            cell.append(44)
            return cell
        })
        seriesCells = FlatCells(series.map { item in
            var cell: [UInt8] = []
            CSVWriter.appendText(item.name, to: &cell)
            cell.append(44)
            return cell
        })
        windowCells = FlatCells(windows.map { Array(($0.description + ",").utf8) })
        statusText = FlatCells(
            ChangeStatus.allCases.sorted { ChangeTable.statusPosition($0) < ChangeTable.statusPosition($1) }.map { Array($0.rawValue.utf8) })
        // Series and window cells, three dates, four numbers, a status and the commas and line end.
        rowBound =
            (seriesCells.longest + windowCells.longest + 3 * 10 + 4 * NumberFormat.maxBytes + statusText.longest + 16)
        decimals = series.map(\.decimals)
        days = series.map(\.dayOrdinals)
        closes = series.map(\.closes)
        var low = Int32.max
        var high = Int32.min
        for item in series {
            if let first = item.dayOrdinals.first, let last = item.dayOrdinals.last {
                low = min(low, first)
                high = max(high, last)
            }
        }
        if low <= high {
            firstOrdinal = low
            var text: [UInt8] = []
            text.reserveCapacity(Int(high - low + 1) * 10)
            for ordinal in low...high { Day(ordinal: ordinal).appendISO(to: &text) }
            dayText = text
        } else {
            firstOrdinal = 0
            dayText = []
        }
    }

    func append(_ rows: ArraySlice<ChangeTable.Entry>, to buffer: inout [UInt8]) {
        guard sentenceSeries != nil || minuteInputs != nil else {
            buffer.append(contentsOf: bytes(rows))
            return
        }
        rows.withUnsafeBufferPointer { rows in
            withCellText { text in
                forEachRun(of: rows, in: rows.indices) { run, days, closes in
                    for k in run {
                        appendRow(rows[k], days: days, closes: closes, text: text, to: &buffer)
                    }
                }
            }
        }
    }

    /// The CSV rows of `rows` in `buffer`, in place of what it held: the bytes `append` adds.
    /// Rows of session windows without sentences are written into a new array of the size they
    /// can take (`bytes`), which costs less than making room in the old one: an array has no
    /// uninitialized room to write into, so that would mean filling it with zeros first.
    func write(_ rows: ArraySlice<ChangeTable.Entry>, into buffer: inout [UInt8]) {
        guard sentenceSeries == nil, minuteInputs == nil else {
            buffer.removeAll(keepingCapacity: true)
            append(rows, to: &buffer)
            return
        }
        buffer = bytes(rows)
    }

    /// Calls `body` with the event, series, window and day cells and the decimals as pointers
    /// (`CellText`), for the row writers of `append` and `bytes`.
    @inline(__always)
    private func withCellText(_ body: (CellText) -> Void) {
        dayText.withUnsafeBufferPointer { dayText in
            eventCells.bytes.withUnsafeBufferPointer { eventBytes in
                seriesCells.bytes.withUnsafeBufferPointer { seriesBytes in
                    windowCells.bytes.withUnsafeBufferPointer { windowBytes in
                        eventCells.starts.withUnsafeBufferPointer { eventStarts in
                            seriesCells.starts.withUnsafeBufferPointer { seriesStarts in
                                windowCells.starts.withUnsafeBufferPointer { windowStarts in
                                    decimals.withUnsafeBufferPointer { decimals in
                                        body(
                                            CellText(
                                                events: eventBytes, eventStarts: eventStarts, series: seriesBytes,
                                                seriesStarts: seriesStarts, windows: windowBytes, windowStarts: windowStarts,
                                                days: dayText, decimals: decimals))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Calls `body` for each run of consecutive rows of one series among the rows of `rows` at
    /// `positions` (a row's windows: rows are event-major, then series, then window), with the
    /// run's positions and that series' days and closes as pointers.
    ///
    /// The series' arrays are borrowed in place through `Span` (the outer array's span, then the
    /// element's): reading `days[s]` would copy the inner array out of the outer one, a retain and
    /// a release of its header per run, which at 5,000 series are cold cache lines that both
    /// formatting threads write.
    @inline(__always)
    private func forEachRun(
        of rows: UnsafeBufferPointer<ChangeTable.Entry>, in positions: Range<Int>,
        _ body: (Range<Int>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>) -> Void
    ) {
        let daySpans = days.span
        let closeSpans = closes.span
        var start = positions.lowerBound
        while start < positions.upperBound {
            let s = rows[start].series
            var end = start + 1
            while end < positions.upperBound, rows[end].series == s { end += 1 }
            daySpans[s].span.withUnsafeBufferPointer { days in
                closeSpans[s].span.withUnsafeBufferPointer { closes in
                    body(start..<end, days, closes)
                }
            }
            start = end
        }
    }

    /// The CSV rows of `rows`, as `append` writes them. Without sentences and minute windows,
    /// written straight into one buffer sized for them: each cell copied and each number written
    /// in place, no array append per cell, the rows' values read `gatherRows` rows at a time.
    func bytes(_ rows: ArraySlice<ChangeTable.Entry>, gatherRows: Int = ChangeCSVFormatter.gatherRows) -> [UInt8] {
        guard sentenceSeries == nil, minuteInputs == nil else {
            var buffer: [UInt8] = []
            buffer.reserveCapacity(rows.count * 260)
            append(rows, to: &buffer)
            return buffer
        }
        let bound = bound(of: rows)
        return [UInt8](unsafeUninitializedCapacity: bound) { output, written in
            guard let start = output.baseAddress else { return }
            written = writeRows(rows, at: start, gatherRows: gatherRows) - start
        }
    }

    /// The most bytes the rows of `rows` take (session windows, no sentences).
    private func bound(of rows: ArraySlice<ChangeTable.Entry>) -> Int {
        var bound = rows.count * rowBound
        eventCells.starts.withUnsafeBufferPointer { starts in
            for row in rows { bound += starts[row.event + 1] - starts[row.event] }
        }
        return bound
    }

    /// Writes the rows of `rows` (session windows, no sentences) from `start`, which has room
    /// for `bound(of: rows)` bytes; returns the position after the last.
    ///
    /// In blocks of `gatherRows` rows: first each row's dates and closes are read from its
    /// series (`RowValues`), then the block is written from them. At thousands of series those
    /// reads miss the cache once per event and series; in a loop of nothing but reads they are
    /// independent and wait for memory together, where between the formatting of rows each
    /// would wait alone.
    private func writeRows(
        _ rows: ArraySlice<ChangeTable.Entry>, at start: UnsafeMutablePointer<UInt8>, gatherRows: Int
    ) -> UnsafeMutablePointer<UInt8> {
        var end = start
        let block = max(1, gatherRows)
        rows.withUnsafeBufferPointer { rows in
            withUnsafeTemporaryAllocation(of: RowValues.self, capacity: block) { values in
                withCellText { text in
                    statusText.bytes.withUnsafeBufferPointer { statusBytes in
                        statusText.starts.withUnsafeBufferPointer { statusStarts in
                            var first = 0
                            while first < rows.count {
                                let last = min(rows.count, first + block)
                                forEachRun(of: rows, in: first..<last) { run, days, closes in
                                    for k in run {
                                        values.initializeElement(
                                            at: k - first, to: RowValues(rows[k], days: days, closes: closes, firstOrdinal: firstOrdinal))
                                    }
                                }
                                for k in first..<last {
                                    end = writeRow(
                                        rows[k], values: values[k - first], text: text, statusBytes: statusBytes,
                                        statusStarts: statusStarts, at: end)
                                }
                                first = last
                            }
                        }
                    }
                }
            }
        }
        return end
    }

    /// The rows `writeRows` reads from their series before it writes them: 512 rows of
    /// `RowValues` are 16 KB, within a core's L1 cache.
    static let gatherRows = 512

    /// What a row of a session window reads from its series: the days of its base, end and event
    /// sessions as offsets from `firstOrdinal` (−1 where there is none) and the base and end
    /// closes (0 where there is none).
    struct RowValues {
        var baseDay: Int32
        var endDay: Int32
        var eventDay: Int32
        var base: Double
        var end: Double

        @inline(__always)
        init(_ row: ChangeTable.Entry, days: UnsafeBufferPointer<Int32>, closes: UnsafeBufferPointer<Double>, firstOrdinal: Int32) {
            @inline(__always) func values(_ session: Int32) -> (day: Int32, close: Double) {
                session >= 0 ? (days[Int(session)] - firstOrdinal, closes[Int(session)]) : (-1, 0)
            }
            (baseDay, base) = values(row.baseSession)
            (endDay, end) = values(row.endSession)
            eventDay = row.eventSession >= 0 ? days[Int(row.eventSession)] - firstOrdinal : -1
        }
    }

    /// Writes one row of a session window (the bytes `appendRow` appends without a sentence or
    /// minute columns) at `out`, with what it reads from its series in `values`; returns the
    /// position after it.
    @inline(__always)
    private func writeRow(
        _ row: ChangeTable.Entry, values: RowValues, text: CellText,
        statusBytes: UnsafeBufferPointer<UInt8>, statusStarts: UnsafeBufferPointer<Int>, at out: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        var p = out
        @inline(__always) func put(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) {
            if count > 0, let base = bytes.baseAddress { p.update(from: base + from, count: count) }
            p += count
        }
        @inline(__always) func cell(_ bytes: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>, _ index: Int) {
            put(bytes, starts[index], starts[index + 1] - starts[index])
        }
        @inline(__always) func day(_ offset: Int32) {
            put(text.days, Int(offset) * 10, 10)
        }
        @inline(__always) func comma() {
            p.pointee = 44
            p += 1
        }
        cell(text.events, text.eventStarts, row.event)
        cell(text.series, text.seriesStarts, row.series)
        cell(text.windows, text.windowStarts, row.window)
        let places = text.decimals[row.series]
        if row.baseSession >= 0 {
            day(values.baseDay)
            comma()
            p += NumberFormat.write(values.base, decimals: places, trimZeros: true, to: p)
        } else {
            comma()
        }
        comma()
        if row.endSession >= 0 {
            day(values.endDay)
            comma()
            p += NumberFormat.write(values.end, decimals: places, trimZeros: true, to: p)
        } else {
            comma()
        }
        comma()
        let status: ChangeStatus
        if row.status == .ok {
            let from = values.base
            let to = values.end
            p += NumberFormat.write(to - from, decimals: places, trimZeros: true, to: p)
            comma()
            if from > 0 {
                p += NumberFormat.writeSignificant(100 * (to / from - 1), digits: ChangeTable.percentDigits, to: p)
                comma()
                status = .ok
            } else {
                // A base at or below 0 (not an index): points, and no percent.
                comma()
                status = .noPercent
            }
        } else {
            comma()
            comma()
            status = row.status
        }
        cell(statusBytes, statusStarts, ChangeTable.statusPosition(status))
        comma()
        if row.eventSession >= 0 { day(values.eventDay) }
        p.pointee = 10
        return p + 1
    }

    /// Everything a row reads, borrowed as pointers for one batch: no reference counting per row.
    struct CellText {
        let events: UnsafeBufferPointer<UInt8>
        let eventStarts: UnsafeBufferPointer<Int>
        let series: UnsafeBufferPointer<UInt8>
        let seriesStarts: UnsafeBufferPointer<Int>
        let windows: UnsafeBufferPointer<UInt8>
        let windowStarts: UnsafeBufferPointer<Int>
        let days: UnsafeBufferPointer<UInt8>
        let decimals: UnsafeBufferPointer<Int>

        @inline(__always)
        static func cell(_ bytes: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>, _ index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[starts[index]..<starts[index + 1]])
        }
    }

    @inline(__always)
    private func appendRow(
        _ row: ChangeTable.Entry, days: UnsafeBufferPointer<Int32>, closes: UnsafeBufferPointer<Double>,
        text: CellText, to buffer: inout [UInt8]
    ) {
        @inline(__always) func appendDay(_ index: Int) {
            let offset = Int(days[index] - firstOrdinal) * 10
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text.days[offset..<(offset + 10)]))
        }
        buffer.append(contentsOf: CellText.cell(text.events, text.eventStarts, row.event))
        buffer.append(contentsOf: CellText.cell(text.series, text.seriesStarts, row.series))
        buffer.append(contentsOf: CellText.cell(text.windows, text.windowStarts, row.window))
        if let minuteInputs, minuteInputs.windows[row.window].isMinuteWindow {
            appendMinuteRow(ChangeTable.row(row, events: minuteInputs.events, series: minuteInputs.series, windows: minuteInputs.windows), to: &buffer)
            return
        }
        let places = text.decimals[row.series]
        if row.baseSession >= 0 {
            appendDay(Int(row.baseSession))
            buffer.append(44)
            NumberFormat.append(closes[Int(row.baseSession)], decimals: places, trimZeros: true, to: &buffer)
        } else {
            buffer.append(44)
        }
        buffer.append(44)
        if row.endSession >= 0 {
            appendDay(Int(row.endSession))
            buffer.append(44)
            NumberFormat.append(closes[Int(row.endSession)], decimals: places, trimZeros: true, to: &buffer)
        } else {
            buffer.append(44)
        }
        buffer.append(44)
        if row.status == .ok {
            let from = closes[Int(row.baseSession)]
            let to = closes[Int(row.endSession)]
            NumberFormat.append(to - from, decimals: places, trimZeros: true, to: &buffer)
            buffer.append(44)
            if from > 0 {
                NumberFormat.appendSignificant(100 * (to / from - 1), digits: ChangeTable.percentDigits, to: &buffer)
                buffer.append(44)
                buffer.append(UInt8(ascii: "o"))
                buffer.append(UInt8(ascii: "k"))
            } else {
                // A base at or below 0 (not an index): points, and no percent.
                buffer.append(44)
                buffer.append(contentsOf: ChangeCSVFormatter.statusCells[.noPercent] ?? [])
            }
        } else {
            buffer.append(44)
            buffer.append(44)
            buffer.append(contentsOf: ChangeCSVFormatter.statusCells[row.status] ?? [])
        }
        buffer.append(44)
        if row.eventSession >= 0 { appendDay(Int(row.eventSession)) }
        if minuteInputs != nil { buffer.append(contentsOf: [44, 44, 44, 44]) }
        if let sentenceSeries {
            buffer.append(44)
            let item = sentenceSeries[row.series]
            if row.status == .ok, let move = Move(series: item, baseSession: Int(row.baseSession), endSession: Int(row.endSession)) {
                CSVWriter.appendText(MoveSentence.text(for: move, in: item), to: &buffer)
            }
        }
        buffer.append(10)
    }
}

extension ChangeCSVFormatter {
    /// The cells after the window of a minute window's row: base and end (the sessions of their
    /// bars and the prices), points, percent, status, the session measured in, the instants and
    /// the move's reason, then the sentence when asked for.
    func appendMinuteRow(_ row: ChangeRow, to buffer: inout [UInt8]) {
        guard let minuteInputs else { return }
        let item = minuteInputs.series[row.seriesIndex]
        let places = item.decimals
        func appendClose(_ close: SessionClose?) {
            if let close {
                close.day.appendISO(to: &buffer)
                buffer.append(44)
                NumberFormat.append(close.close, decimals: places, trimZeros: true, to: &buffer)
            } else {
                buffer.append(44)
            }
            buffer.append(44)
        }
        appendClose(row.base)
        appendClose(row.end)
        if let points = row.points { NumberFormat.append(points, decimals: places, trimZeros: true, to: &buffer) }
        buffer.append(44)
        if let percent = row.percent { NumberFormat.appendSignificant(percent, digits: ChangeTable.percentDigits, to: &buffer) }
        buffer.append(44)
        buffer.append(contentsOf: ChangeCSVFormatter.statusCells[row.status] ?? [])
        buffer.append(44)
        row.eventSession?.day.appendISO(to: &buffer)
        for text in ChangeTable.minuteCells(row, series: item) {
            buffer.append(44)
            buffer.append(contentsOf: Array((text ?? "").utf8))
        }
        if sentenceSeries != nil {
            buffer.append(44)
            if let sentence = ChangeTable.sentence(row, series: minuteInputs.series) { CSVWriter.appendText(sentence, to: &buffer) }
        }
        buffer.append(10)
    }
}

extension ChangeTable {
    /// The `minuteColumns` of a row, as text (`nil` where empty): the base and end instants and
    /// the instant measured from in ISO 8601 with the series' local offset, and why the event was
    /// moved. All `nil` for a session window's row.
    static func minuteCells(_ row: ChangeRow, series item: Series) -> [String?] {
        guard let minute = row.minute, let bars = item.intraday else { return [nil, nil, nil, nil] }
        return [
            minute.base.map { bars.isoText($0.instant) }, minute.end.map { bars.isoText($0.instant) },
            minute.placement.measuredFrom.map(bars.isoText), minute.placement.moved?.rawValue,
        ]
    }
}

/// Byte strings stored end to end, with the offset where each starts.
struct FlatCells: Sendable {
    let bytes: [UInt8]
    let starts: [Int]

    init(_ cells: [[UInt8]]) {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        for cell in cells {
            bytes.append(contentsOf: cell)
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
        longest = cells.reduce(0) { max($0, $1.count) }
    }

    /// The length of the longest cell (0 for none).
    let longest: Int

}
