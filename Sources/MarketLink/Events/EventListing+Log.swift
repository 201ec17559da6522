// MARK: - Listing a log

/// `EventListing` straight from a loaded log: the rows a filter keeps, in date order, written as
/// CSV or a terminal table a batch of bytes at a time. A plain row (`EventRows`) is written from its
/// cells' bytes, with no `Event` made; any other row through its `Event`, by the same code as
/// `EventListing.csv(_:extraColumns:)` and `table(_:)`, whose output these equal byte for byte.
extension EventListing {
    /// About how many bytes are handed to `sink` at a time.
    static let batchBytes = 1 << 20

    /// The CSV of `csv(_:extraColumns:)` for the events of `log` that `filter` keeps, with the
    /// log's extra columns, handed to `sink` in pieces of about a megabyte. Returns the number of
    /// events written (0 for none: the header alone).
    ///
    /// The rows are formatted in batches on both cores (`OrderedWork`) and handed to `sink` in order
    /// on the calling thread.
    @discardableResult
    public static func writeCSV(_ log: EventLog, matching filter: EventFilter = EventFilter(), to sink: ([UInt8]) throws -> Void) rethrows -> Int {
        let rows = log.listedRows(matching: filter)
        let extraColumns = log.extraColumns
        // The first column of each extra name (`Event.extraFields.first { $0.name == name }`).
        let extraCells = extraColumns.map { name in log.columns.indices.first { log.roles[$0] == nil && log.columns[$0] == name } }
        var header: [UInt8] = Array("id,date,time,timezone,instant_utc,weekday,title,tags,score,source".utf8)
        for name in extraColumns {
            header.append(UInt8(ascii: ","))
            CSVWriter.appendText(name, to: &header)
        }
        header.append(10)
        let batches = batches(of: rows.count)
        guard batches.count > 1 else {
            header += csvRows(log, rows[...], extraColumns: extraColumns, extraCells: extraCells)
            try sink(header)
            return rows.count
        }
        try sink(header)
        try OrderedWork.run(count: batches.count) { batch in
            csvRows(log, rows[batches[batch]], extraColumns: extraColumns, extraCells: extraCells)
        } consume: { _, piece in
            try sink(piece)
        }
        return rows.count
    }

    /// Rows written a batch at a time: about a megabyte of output each (a generated event is about 90 bytes).
    static let batchRows = 12_000

    /// `0..<count` cut into runs of `batchRows`.
    static func batches(of count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: batchRows).map { $0..<min($0 + batchRows, count) }
    }

    /// The CSV lines of `rows` (`writeCSV`).
    static func csvRows(_ log: EventLog, _ rows: ArraySlice<Int>, extraColumns: [String], extraCells: [Int?]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 100)
        log.bytes.withUnsafeBufferPointer { bytes in
            let reader = PlainRowReader(log: log, bytes: bytes)
            var scratch: [UInt8] = []
            var joined: [UInt8] = []
            for index in rows {
                guard log.table.rows[index].plain else {
                    appendCSVRow(log.event(at: index), extraColumns: extraColumns, to: &out)
                    continue
                }
                reader.withText(index, .id, trimmed: true, scratch: &scratch) { id in
                    if id.isEmpty {
                        out += Array(String(index + 1).utf8)
                    } else {
                        CSVWriter.appendText(utf8: id, to: &out)
                    }
                }
                out.append(UInt8(ascii: ","))
                Day(ordinal: log.table.rows[index].day).appendISO(to: &out)
                // time, timezone, instant_utc: none for a plain row.
                for _ in 0..<4 { out.append(UInt8(ascii: ",")) }
                out += Day(ordinal: log.table.rows[index].day).weekdayName.utf8
                out.append(UInt8(ascii: ","))
                reader.withText(index, .title, trimmed: true, scratch: &scratch) { CSVWriter.appendText(utf8: $0, to: &out) }
                out.append(UInt8(ascii: ","))
                reader.appendTags(index, scratch: &scratch, joined: &joined) { CSVWriter.appendText(utf8: $0, to: &out) }
                out.append(UInt8(ascii: ","))
                if let score = reader.score(index) { out += Array(NumberFormat.shortest(score).utf8) }
                out.append(UInt8(ascii: ","))
                reader.withText(index, .source, trimmed: true, scratch: &scratch) { CSVWriter.appendText(utf8: $0, to: &out) }
                for column in extraCells {
                    out.append(UInt8(ascii: ","))
                    reader.withText(index, column: column, trimmed: false, scratch: &scratch) { CSVWriter.appendText(utf8: $0, to: &out) }
                }
                out.append(10)
            }
        }
        return out
    }

    /// The terminal table of `table(_:)` for the events of `log` that `filter` keeps, handed to
    /// `sink` in pieces of about a megabyte. The rows are read twice: once for the column widths,
    /// once to write them, each time in batches on both cores (`OrderedWork`), the pieces handed to
    /// `sink` in order on the calling thread. Returns the number of events written (0 for none:
    /// "(no events)").
    @discardableResult
    public static func writeTable(_ log: EventLog, matching filter: EventFilter = EventFilter(), to sink: ([UInt8]) throws -> Void) rethrows -> Int {
        let rows = log.listedRows(matching: filter)
        guard !rows.isEmpty else {
            try sink(Array("(no events)\n".utf8))
            return 0
        }
        let all = allDisplayColumns
        let batches = batches(of: rows.count)
        var widths = all.map { DisplayWidth.columns($0.title) }
        var present = [Bool](repeating: false, count: all.count)
        OrderedWork.run(count: batches.count) { batch in
            tableWidths(log, rows[batches[batch]], columns: all)
        } consume: { _, measured in
            for column in all.indices {
                widths[column] = max(widths[column], measured.widths[column])
                if measured.present[column] { present[column] = true }
            }
        }
        // As `displayColumns`: time, tags and score only when some event has one.
        let shown = all.indices.filter { column in
            switch all[column].title {
            case "time", "tags", "score": present[column]
            default: true
            }
        }
        let shownWidths = shown.map { widths[$0] }
        let header = TextTable(headers: shown.map { all[$0].title }, alignments: shown.map { all[$0].rightAligned ? .right : .left })
        try sink(Array(header.renderHeader(widths: shownWidths).utf8))
        try OrderedWork.run(count: batches.count) { batch in
            tableLines(log, rows[batches[batch]], columns: all, shown: shown, widths: shownWidths)
        } consume: { _, piece in
            try sink(piece)
        }
        return rows.count
    }

    /// The widest cell of each column among `rows`, and whether any of them has a value there (`writeTable`).
    static func tableWidths(_ log: EventLog, _ rows: ArraySlice<Int>, columns all: [DisplayColumn]) -> (widths: [Int], present: [Bool]) {
        var cells = TableRowCells(count: all.count)
        var scratch: [UInt8] = []
        var joined: [UInt8] = []
        var widths = [Int](repeating: 0, count: all.count)
        var present = [Bool](repeating: false, count: all.count)
        log.bytes.withUnsafeBufferPointer { bytes in
            let reader = PlainRowReader(log: log, bytes: bytes)
            for index in rows {
                cells.fill(index, log: log, reader: reader, columns: all, scratch: &scratch, joined: &joined)
                for column in all.indices {
                    widths[column] = max(widths[column], cells.width(column))
                    if cells.present[column] { present[column] = true }
                }
            }
        }
        return (widths, present)
    }

    /// The table lines of `rows`, the columns `shown` padded to `widths` (`writeTable`).
    static func tableLines(_ log: EventLog, _ rows: ArraySlice<Int>, columns all: [DisplayColumn], shown: [Int], widths: [Int]) -> [UInt8] {
        var cells = TableRowCells(count: all.count)
        var scratch: [UInt8] = []
        var joined: [UInt8] = []
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * (widths.reduce(0, +) + 2 * widths.count))
        log.bytes.withUnsafeBufferPointer { bytes in
            let reader = PlainRowReader(log: log, bytes: bytes)
            for index in rows {
                cells.fill(index, log: log, reader: reader, columns: all, scratch: &scratch, joined: &joined)
                for (k, column) in shown.enumerated() {
                    if k > 0 {
                        out.append(32)
                        out.append(32)
                    }
                    let pad = max(0, widths[k] - cells.width(column))
                    if all[column].rightAligned { out += repeatElement(UInt8(32), count: pad) }
                    cells.withShown(column) { out.append(contentsOf: $0) }
                    if !all[column].rightAligned { out += repeatElement(UInt8(32), count: pad) }
                }
                while out.last == 32 { out.removeLast() }
                out.append(10)
            }
        }
        return out
    }
}

// MARK: - Rows a filter keeps

extension EventLog {
    /// The indices of the rows `filter` keeps, in date order (rows of one date in file order): a
    /// file already in date order is not sorted.
    func listedRows(matching filter: EventFilter) -> [Int] {
        var kept: [Int] = []
        kept.reserveCapacity(filter == EventFilter() ? count : 0)
        let wanted = filter.tags.map { $0.lowercased() }
        // A tag beyond ASCII is compared as `Event.hasTag` compares it, through the event.
        let asciiTags = wanted.allSatisfy { tag in tag.utf8.allSatisfy { $0 < 0x80 } }
        let wantedBytes = wanted.map { Array($0.utf8) }
        let from = filter.from?.ordinal ?? Int32.min
        let to = filter.to?.ordinal ?? Int32.max
        bytes.withUnsafeBufferPointer { bytes in
            let reader = PlainRowReader(log: self, bytes: bytes)
            var scratch: [UInt8] = []
            for index in 0..<table.count {
                let row = table.rows[index]
                guard row.day >= from, row.day <= to else { continue }
                if wanted.isEmpty {
                    kept.append(index)
                } else if row.plain, asciiTags, let has = reader.hasTag(index, among: wantedBytes, scratch: &scratch) {
                    if has { kept.append(index) }
                } else if filter.matches(event(at: index)) {
                    kept.append(index)
                }
            }
        }
        var sorted = true
        for k in kept.indices.dropFirst() where table.rows[kept[k - 1]].day > table.rows[kept[k]].day {
            sorted = false
            break
        }
        if sorted { return kept }
        return kept.sorted { (table.rows[$0].day, $0) < (table.rows[$1].day, $1) }
    }
}

private func asciiLowercased(_ byte: UInt8) -> UInt8 {
    byte >= 65 && byte <= 90 ? byte + 32 : byte
}

// MARK: - Cells of plain rows

/// Reads the cells of a log's plain rows from its bytes, as `EventLog.event(at:)` would read them.
struct PlainRowReader {
    let log: EventLog
    let bytes: UnsafeBufferPointer<UInt8>
    let columnOf: [Int?]

    init(log: EventLog, bytes: UnsafeBufferPointer<UInt8>) {
        self.log = log
        self.bytes = bytes
        var columnOf = [Int?](repeating: nil, count: EventColumn.allCases.count)
        for (column, role) in log.roles.enumerated() { if let role { columnOf[role.index] = column } }
        self.columnOf = columnOf
    }

    /// The text of cell `column` of row `index` inside its quotes (empty for a cell the row lacks)
    /// and whether it holds doubled quotes.
    func content(_ index: Int, column: Int?) -> (Range<Int>, escapes: Bool) {
        guard let column else { return (0..<0, false) }
        let cells = log.table.cellRange(index)
        guard column < cells.count else { return (0..<0, false) }
        let k = cells.lowerBound + column
        let end = log.table.cellEnds[k]
        let raw = min(column == 0 ? log.table.rows[index].start : log.table.cellEnds[k - 1] + 1, end)
        var start = raw
        while start < end, bytes[start] == 32 { start += 1 }
        // Unquoted: the cell as written, padding included (`CSVTokenizer` keeps it; trimming is the caller's).
        guard start < end, bytes[start] == UInt8(ascii: "\"") else { return (raw..<end, false) }
        var close = end
        while close > start + 1, bytes[close - 1] == 32 { close -= 1 }
        let inner = (start + 1)..<max(start + 1, close - 1)
        return (inner, bytes[inner].contains(UInt8(ascii: "\"")))
    }

    /// Calls `body` with the text of a known cell (trimmed of spaces and tabs when `trimmed`, with
    /// doubled quotes undone).
    func withText(
        _ index: Int, _ role: EventColumn, trimmed: Bool, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        withText(index, column: columnOf[role.index], trimmed: trimmed, scratch: &scratch, body)
    }

    func withText(
        _ index: Int, column: Int?, trimmed: Bool, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var (range, escapes) = content(index, column: column)
        if trimmed { range = trim(range) }
        guard escapes else { return body(UnsafeBufferPointer(rebasing: bytes[range])) }
        scratch.removeAll(keepingCapacity: true)
        var k = range.lowerBound
        while k < range.upperBound {
            scratch.append(bytes[k])
            k += bytes[k] == UInt8(ascii: "\"") ? 2 : 1
        }
        scratch.withUnsafeBufferPointer(body)
    }

    func trim(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        return start..<end
    }

    /// The tags of row `index` as `Event.tags` joined with `;`, handed to `body`.
    func appendTags(_ index: Int, scratch: inout [UInt8], joined: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        joined.removeAll(keepingCapacity: true)
        withText(index, .tags, trimmed: true, scratch: &scratch) { text in
            if text.allSatisfy({ $0 < 0x80 }) {
                Self.forEachASCIITag(text) { tag in
                    if !joined.isEmpty { joined.append(UInt8(ascii: ";")) }
                    joined += text[tag]
                }
            } else {
                joined = Array(EventFieldReader.tags(String(decoding: text, as: UTF8.self)).joined(separator: ";").utf8)
            }
        }
        joined.withUnsafeBufferPointer(body)
    }

    /// Whether row `index` has one of `wanted` (lower-cased ASCII) among its tags, compared
    /// ignoring ASCII case; nil when its tags cell is not ASCII.
    func hasTag(_ index: Int, among wanted: [[UInt8]], scratch: inout [UInt8]) -> Bool? {
        var found: Bool?
        withText(index, .tags, trimmed: true, scratch: &scratch) { text in
            guard text.allSatisfy({ $0 < 0x80 }) else { return }
            var any = false
            Self.forEachASCIITag(text) { tag in
                if !any, wanted.contains(where: { $0.elementsEqual(text[tag].lazy.map(asciiLowercased)) }) { any = true }
            }
            found = any
        }
        return found
    }

    /// `EventFieldReader.tags` for ASCII text: the pieces between `;`, trimmed of spaces and tabs, empty ones left out.
    static func forEachASCIITag(_ text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = 0
        for k in 0...text.count where k == text.count || text[k] == UInt8(ascii: ";") {
            var first = start
            var end = k
            while first < end, text[first] == 32 || text[first] == 9 { first += 1 }
            while end > first, text[end - 1] == 32 || text[end - 1] == 9 { end -= 1 }
            if end > first { body(first..<end) }
            start = k + 1
        }
    }

    /// The score of row `index` (`Event.score`).
    func score(_ index: Int) -> Double? {
        guard columnOf[EventColumn.score.index] != nil else { return nil }
        var scratch: [UInt8] = []
        var score: Double?
        withText(index, .score, trimmed: true, scratch: &scratch) { text in
            guard !text.isEmpty else { return }
            score = (try? EventFieldReader.score(String(decoding: text, as: UTF8.self))) ?? nil
        }
        return score
    }
}

// MARK: - Table cells

/// One row's cells for `writeTable`, as `TextTable` shows them (escaped for a terminal) with their
/// widths, in the order of `EventListing.allDisplayColumns`; one buffer holds the row's cells one
/// after another and is reused row after row. `fill` sets the cells in column order.
struct TableRowCells {
    private var buffer: [UInt8] = []
    /// Where each column's text ends in `buffer` (it starts where the previous one ends).
    private var ends: [Int]
    private var widths: [Int]
    /// Whether the row has a value in the column (decides whether time, tags and score are shown).
    private(set) var present: [Bool]

    init(count: Int) {
        ends = Array(repeating: 0, count: count)
        widths = Array(repeating: 0, count: count)
        present = Array(repeating: false, count: count)
        buffer.reserveCapacity(1024)
    }

    func withShown(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let start = column == 0 ? 0 : ends[column - 1]
        buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[column]])) }
    }

    func width(_ column: Int) -> Int { widths[column] }

    mutating func fill(
        _ index: Int, log: EventLog, reader: PlainRowReader, columns: [EventListing.DisplayColumn], scratch: inout [UInt8], joined: inout [UInt8]
    ) {
        buffer.removeAll(keepingCapacity: true)
        let row = log.table.rows[index]
        guard row.plain else {
            let event = log.event(at: index)
            for (column, display) in columns.enumerated() {
                var text = display.value(event)
                text.withUTF8 { set(column, $0) }
            }
            setPresent(time: event.time != nil, tags: !event.tags.isEmpty, score: event.score != nil)
            return
        }
        reader.withText(index, .id, trimmed: true, scratch: &scratch) { id in
            if id.isEmpty {
                var number = String(index + 1)
                number.withUTF8 { set(0, $0) }
            } else {
                set(0, id)
            }
        }
        let day = Day(ordinal: row.day)
        joined.removeAll(keepingCapacity: true)
        day.appendISO(to: &joined)
        joined.withUnsafeBufferPointer { set(1, $0) }
        set(2, UnsafeBufferPointer(start: nil, count: 0))
        var weekday = day.weekdayName
        weekday.withUTF8 { set(3, $0) }
        reader.withText(index, .title, trimmed: true, scratch: &scratch) { set(4, $0) }
        reader.appendTags(index, scratch: &scratch, joined: &joined) { set(5, $0) }
        let score = reader.score(index)
        var scoreText = score.map { ($0 > 0 ? "+" : "") + NumberFormat.shortest($0) } ?? ""
        scoreText.withUTF8 { set(6, $0) }
        setPresent(time: false, tags: ends[5] > ends[4], score: score != nil)
    }

    private mutating func setPresent(time: Bool, tags: Bool, score: Bool) {
        for column in present.indices { present[column] = true }
        present[2] = time
        present[5] = tags
        present[6] = score
    }

    /// Stores the text of `column` (the next column after the ones set in this row) as the table
    /// shows it, with its width: text of printable ASCII and of the scalars U+00A0–U+02FF other
    /// than the soft hyphen (Latin letters and signs, which `TerminalText.escaped` keeps and
    /// `DisplayWidth` counts one column each) as it is; anything else through
    /// `TerminalText.escaped` and measured by `DisplayWidth`.
    private mutating func set(_ column: Int, _ text: UnsafeBufferPointer<UInt8>) {
        if let width = Self.latinWidth(text) {
            buffer.append(contentsOf: text)
            widths[column] = width
        } else {
            let escaped = TerminalText.escaped(String(decoding: text, as: UTF8.self))
            buffer.append(contentsOf: escaped.utf8)
            widths[column] = DisplayWidth.columns(escaped)
        }
        ends[column] = buffer.count
    }

    /// The display width of valid UTF-8 `text` when it holds only printable ASCII and the scalars
    /// U+00A0–U+02FF except U+00AD (one column each, none escaped), else nil.
    static func latinWidth(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var width = 0
        var k = 0
        while k < text.count {
            let byte = text[k]
            if byte >= 0x20, byte < 0x7F {
                k += 1
            } else if byte == 0xC2, k + 1 < text.count, text[k + 1] >= 0xA0, text[k + 1] != 0xAD {
                k += 2
            } else if byte >= 0xC3, byte <= 0xCB, k + 1 < text.count {
                k += 2
            } else {
                return nil
            }
            width += 1
        }
        return width
    }
}
