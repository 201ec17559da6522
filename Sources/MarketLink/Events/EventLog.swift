import Foundation

// MARK: - Event log

/// An events file as loaded: its events in file order, and enough of its byte layout to edit one
/// row without touching any other byte (see `EventLog+Editing.swift`).
///
/// The file is CSV with a header line; columns may come in any order and are matched by name
/// ignoring case and surrounding spaces (`EventColumn`). `date` and `title` are required; `id`,
/// `time`, `timezone`, `tags`, `score` and `source` are read when present; every other column is
/// kept verbatim in `Event.extraFields`. The delimiter is the one of `,`, `;` or tab that makes the
/// header name both `date` and `title`. Rows whose cells are all blank are skipped. An event whose
/// `id` is missing (no `id` column, or an empty cell) gets its 1-based row number as its id.
///
/// Errors are located (`file:line:column`): a header without `date` or `title`, a known column named
/// twice, a row with more fields than the header, an empty or unreadable date, a date that does not
/// exist (`2023-02-30`), an unreadable time, a time without a zone, an unknown zone, an unreadable
/// score, and a duplicate id.
public struct EventLog: Sendable {
    /// Where one event row lies in the file.
    struct RowSpan: Sendable, Equatable {
        /// First byte of the row.
        var start: Int
        /// After the last cell, before the line ending.
        var contentEnd: Int
        /// After the row's line ending (equal to `contentEnd` for a last row with no line ending).
        var next: Int
        /// Each cell's bytes as written: quotes and padding spaces included, delimiters excluded.
        var cells: [Range<Int>]
        var line: Int
    }

    /// The name used in messages (the path, for a file).
    public let file: String
    /// Header names as written, trimmed of surrounding spaces, in file order.
    public let columns: [String]
    /// The events, in file order (made from the rows on first use; `events list` and
    /// `events add` never need them all).
    public var events: [Event] {
        store.events { (0..<table.count).map { event(at: $0) } }
    }
    /// `,`, `;` or tab.
    public let delimiter: UInt8
    /// The header's line ending (`\r\n`, `\n` or `\r`; `\n` when the file has a single line).
    public let lineEnding: [UInt8]

    let bytes: [UInt8]
    /// The role of each column, nil for columns kept verbatim.
    let roles: [EventColumn?]
    /// Layout, date and kind of each event's row, parallel to `events`.
    let table: EventRows
    /// The ids of the rows: one index for the rows loaded, one more for each run of rows appended.
    let ids: [EventIDIndex]
    /// `events`, once made.
    let store: EventStore
    let headerLine: Int
    /// Where the header row lies in the file.
    let headerSpan: RowSpan
    /// The tokenizer's line at the end of the bytes (where rows appended after them start).
    let endLine: Int

    // MARK: Loading

    /// Reads an events file (through `InputFile`, with the bounds and checks of every input).
    ///
    /// A regular file is read under a shared `flock`, waiting as `lock` says (up to 30 s) while an
    /// edit holds the exclusive one: `EventLogFile.add` appends rows in place under that lock, so a
    /// reader never sees half a row. (On a file system without locks the file is read unlocked.)
    public static func load(path: String, lock: LockWaiting = .standard) throws(MarketLinkError) -> EventLog {
        try EventLog(bytes: InputFile.readAll(path, sharedLock: lock), file: path)
    }

    /// Reads events-file bytes; `file` names them in messages.
    public init(bytes: [UInt8], file: String) throws(MarketLinkError) {
        let result: Result<EventLogReader.Output, MarketLinkError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(MarketLinkError) {
                var reader = EventLogReader(bytes: buffer, file: file)
                return .success(try reader.read())
            } catch {
                return .failure(error)
            }
        }
        let output = try result.get()
        self.file = file
        self.bytes = bytes
        self.columns = output.columns
        self.roles = output.roles
        self.table = output.table
        self.ids = [output.ids]
        self.store = EventStore()
        self.delimiter = output.delimiter
        self.lineEnding = output.lineEnding
        self.headerLine = output.headerLine
        self.headerSpan = output.headerSpan
        self.endLine = output.endLine
    }

    /// This log with `rows` (read from `output`) after its own.
    private init(_ log: EventLog, bytes output: [UInt8], appending tail: EventLogReader.Rows) {
        self.file = log.file
        self.bytes = output
        self.columns = log.columns
        self.roles = log.roles
        self.table = tail.table
        self.ids = log.ids + [tail.ids]
        self.store = EventStore()
        self.delimiter = log.delimiter
        self.lineEnding = log.lineEnding
        self.headerLine = log.headerLine
        self.headerSpan = log.headerSpan
        self.endLine = tail.endLine
    }

    /// The log of `output`, which is this log's bytes followed by new rows: only the new rows are
    /// read (with the checks of every row), so appending to a large file costs the new rows, not the
    /// file. The new rows' ids are not compared with the old ones here: the caller assigns them.
    func appendingRows(of output: [UInt8]) throws(MarketLinkError) -> EventLog {
        let old = bytes.count
        guard output.count >= old else { return try EventLog(bytes: output, file: file) }
        let result: Result<EventLogReader.Rows, MarketLinkError> = output.withUnsafeBufferPointer { buffer in
            do throws(MarketLinkError) {
                try TextEncodingCheck.validate(UnsafeBufferPointer(rebasing: buffer[old...]), file: file)
                let reader = EventLogReader(bytes: buffer, file: file)
                var tokenizer = CSVTokenizer(bytes: buffer, delimiter: delimiter, file: file, start: old, line: endLine)
                var table = self.table
                let ids = try reader.rows(&tokenizer, header: columns, roles: roles, into: &table, expected: 4)
                return .success(EventLogReader.Rows(table: table, ids: ids, endLine: tokenizer.line))
            } catch {
                return .failure(error)
            }
        }
        do throws(MarketLinkError) {
            return EventLog(self, bytes: output, appending: try result.get())
        } catch {
            throw MarketLinkError("the edit was not made: the file would not load afterwards: \(error)", at: SourceLocation(file: file))
        }
    }

    // MARK: Queries

    /// The index of the column with this role, if the file has one.
    public func columnIndex(_ column: EventColumn) -> Int? {
        roles.firstIndex(of: column)
    }

    /// True when the file has an `id` column.
    public var hasIDColumn: Bool { columnIndex(.id) != nil }

    /// The event with this id (ids are unique within a file).
    public func event(id: String) -> Event? {
        rowIndex(ofID: id).map(event(at:))
    }

    /// The number of events.
    var count: Int { table.count }

    /// The row index of the event with this id.
    func rowIndex(ofID id: String) -> Int? {
        let number = EventIDIndex.number(id.utf8)
        for index in ids {
            if let number {
                if let row = index.numbers[number] { return row }
            } else if let row = index.names[id] {
                return row
            }
        }
        return nil
    }

    /// The layout of row `index`.
    func rowSpan(_ index: Int) -> RowSpan {
        let row = table.rows[index]
        return RowSpan(start: row.start, contentEnd: row.contentEnd, next: row.next, cells: table.cells(index), line: row.line)
    }

    /// The event of row `index`, read from its cells by the loader's rules (`EventBuilder`).
    func event(at index: Int) -> Event {
        let span = rowSpan(index)
        var cells = EventCells()
        var extra: [Event.Field] = []
        for (column, role) in roles.enumerated() {
            let text = column < span.cells.count ? CSVWriter.decode(bytes[span.cells[column]]) : ""
            if let role {
                cells[role] = text.trimmingWhitespace
            } else {
                extra.append(Event.Field(name: columns[column], value: text))
            }
        }
        do throws(EventFieldProblem) {
            return try EventBuilder.event(from: cells, row: index + 1, line: span.line, extraFields: extra)
        } catch {
            // The loader read this row without a problem, so this is not reached; keep what is known.
            let row = table.rows[index]
            return Event(id: String(index + 1), title: cells[.title] ?? "", date: Day(ordinal: row.day), line: row.line, extraFields: extra)
        }
    }

    /// The names of the columns kept verbatim, in header order.
    public var extraColumns: [String] {
        columns.indices.filter { roles[$0] == nil }.map { columns[$0] }
    }

    /// The file's bytes as loaded.
    public var contents: [UInt8] { bytes }
}

// MARK: - Reader

/// The work of `EventLog.init(bytes:file:)`.
struct EventLogReader {
    struct Output {
        var columns: [String]
        var roles: [EventColumn?]
        var table: EventRows
        var ids: EventIDIndex
        var delimiter: UInt8
        var lineEnding: [UInt8]
        var headerLine: Int
        var headerSpan: EventLog.RowSpan
        var endLine: Int
    }

    /// The rows of a log with a run of rows read after them, those rows' ids, and the line after them.
    struct Rows {
        var table: EventRows
        var ids: EventIDIndex
        var endLine: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String

    mutating func read() throws(MarketLinkError) -> Output {
        guard !bytes.isEmpty else {
            throw MarketLinkError(.emptyFile(.eventsFile), at: SourceLocation(file: file, line: 1, column: 1))
        }
        try TextEncodingCheck.validate(bytes, file: file)

        // MARK: Header and delimiter
        var fields: [CSVField] = []
        var chosen: (tokenizer: CSVTokenizer, header: [String], fields: [CSVField])?
        for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";"), 9] {
            var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, file: file)
            guard try tokenizer.nextRow(into: &fields) else { break }
            let header = fields.map { tokenizer.text($0).trimmingWhitespace }
            let roles = Set(header.compactMap { EventColumn(header: $0) })
            if roles.contains(.date), roles.contains(.title) {
                chosen = (tokenizer, header, fields)
                break
            }
        }
        guard let chosen else {
            var tokenizer = CSVTokenizer(bytes: bytes, delimiter: CSVDialect.sniffDelimiter(bytes), file: file)
            guard try tokenizer.nextRow(into: &fields) else {
                throw MarketLinkError(.noHeader(.eventsFile), at: SourceLocation(file: file, line: 1, column: 1))
            }
            let header = fields.map { tokenizer.text($0).trimmingWhitespace }
            let roles = Set(header.compactMap { EventColumn(header: $0) })
            let missing = [EventColumn.date, .title].filter { !roles.contains($0) }
            throw MarketLinkError(
                .missingEventColumns(missing, found: Array(header.prefix(12))), at: SourceLocation(file: file, line: tokenizer.rowLine, column: 1))
        }
        var tokenizer = chosen.tokenizer
        let header = chosen.header
        let headerFields = chosen.fields
        let headerLine = tokenizer.rowLine
        var roles: [EventColumn?] = []
        var seen: [EventColumn: Int] = [:]
        for (index, name) in header.enumerated() {
            let role = EventColumn(header: name)
            if let role {
                if let first = seen[role] {
                    throw MarketLinkError(
                        .duplicateEventColumn(role, first: first + 1, second: index + 1), at: tokenizer.locate(headerFields[index]))
                }
                seen[role] = index
            }
            roles.append(role)
        }
        let headerSpan = span(of: headerFields, tokenizer: tokenizer)
        let lineEnding = headerSpan.next > headerSpan.contentEnd ? Array(bytes[headerSpan.contentEnd..<headerSpan.next]) : [10]

        // MARK: Rows
        // Room for one row per line, so that a million rows are stored without growing.
        var table = EventRows()
        let ids = try self.rows(&tokenizer, header: header, roles: roles, into: &table, expected: lineCount())
        return Output(
            columns: header, roles: roles, table: table, ids: ids, delimiter: tokenizer.delimiter, lineEnding: lineEnding,
            headerLine: headerLine, headerSpan: headerSpan, endLine: tokenizer.line)
    }

    /// Reads the rows from the tokenizer's position to the end into `table` (after the rows it
    /// holds: an event without an id gets its 1-based row number in the table), making room for
    /// `expected` more, and returns their ids (checked for repeats among these rows only).
    ///
    /// A row whose cells are plain (`EventRows.Row.plain`) is checked from its bytes, by the same
    /// rules as `EventBuilder` for what it holds (a non-empty title, an empty time and zone, a
    /// `YYYY-MM-DD` date that exists, a score that reads); any other row is read by `EventBuilder`,
    /// which gives each problem its message, and the location is added here.
    func rows(
        _ tokenizer: inout CSVTokenizer, header: [String], roles: [EventColumn?], into table: inout EventRows, expected: Int
    ) throws(MarketLinkError) -> EventIDIndex {
        var fields: [CSVField] = []
        table.reserve(table.count + expected, cellsPerRow: header.count)
        var ids = EventIDIndexBuilder(expected: expected)
        let idIndex = roles.firstIndex(of: .id)
        let roleIndex = roles.map { role in role?.index }
        var columnOf = [Int?](repeating: nil, count: EventColumn.allCases.count)
        for (column, role) in roles.enumerated() { if let role { columnOf[role.index] = column } }
        let plain = PlainCells(bytes: bytes, columnOf: columnOf)
        while try tokenizer.nextRow(into: &fields) {
            if isBlank(fields, tokenizer) { continue }
            let index = table.count
            let line = tokenizer.rowLine
            let contentEnd = appendCells(of: fields, tokenizer: tokenizer, to: &table.cellEnds)
            if fields.count > header.count {
                throw MarketLinkError(
                    .tooManyFields(fields.count, header: header.count, in: .eventsFile), at: tokenizer.locate(fields[header.count]))
            }
            func location(_ index: Int?) -> SourceLocation {
                if let index, index < fields.count { return tokenizer.locate(fields[index]) }
                return tokenizer.locate(CSVField(start: contentEnd, end: contentEnd, isQuoted: false, hasEscapes: false))
            }
            var row = EventRows.Row(
                start: tokenizer.rowStart, contentEnd: contentEnd, next: max(tokenizer.position, contentEnd), line: line,
                cellsEnd: table.cellEnds.count, day: 0, isMonth: false, plain: false)
            let repeated: Int?
            let idWasEmpty: Bool
            var idRange: Range<Int>?
            var builtID: String?
            if let reading = plain.read(fields) {
                row.day = reading.day.ordinal
                row.plain = true
                idWasEmpty = reading.id.isEmpty
                if idWasEmpty {
                    repeated = ids.insert(number: index + 1, row: index)
                } else {
                    repeated = ids.insert(bytes: UnsafeBufferPointer(rebasing: bytes[reading.id]), row: index)
                    idRange = reading.id
                }
            } else {
                var cells = EventCells()
                var extra: [Event.Field] = []
                for (index, role) in roleIndex.enumerated() {
                    let text = index < fields.count ? tokenizer.text(fields[index]) : ""
                    if let role {
                        cells.values[role] = text.trimmingWhitespace
                    } else {
                        extra.append(Event.Field(name: header[index], value: text))
                    }
                }
                let event: Event
                do throws(EventFieldProblem) {
                    event = try EventBuilder.event(from: cells, row: index + 1, line: line, extraFields: extra)
                } catch {
                    throw error.dataError(at: location(roles.firstIndex(of: error.column)))
                }
                row.day = event.date.ordinal
                row.isMonth = event.precision == .month
                idWasEmpty = (cells[.id] ?? "").isEmpty
                repeated = ids.insert(event.id, row: index)
                builtID = event.id
            }
            if let first = repeated {
                let id = builtID ?? idRange.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) } ?? String(index + 1)
                let firstLine = table.rows[first].line
                let reason: MarketLinkError.Reason =
                    idWasEmpty
                    ? .duplicateRowNumberID(id, firstLine: firstLine, hasIDColumn: idIndex != nil)
                    : .duplicateEventID(id, firstLine: firstLine)
                throw MarketLinkError(reason, at: location(idIndex))
            }
            table.rows.append(row)
        }
        return ids.index
    }

    /// The number of line feeds in the bytes (carriage returns when there are none), found with
    /// `memchr` (vectorised in the C library) rather than a byte loop.
    func lineCount() -> Int {
        let feeds = count(10)
        return feeds > 0 ? feeds : count(13)
    }

    /// How many times `byte` occurs in the bytes.
    private func count(_ byte: UInt8) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var found = 0
        var cursor = UnsafeRawPointer(base)
        let end = UnsafeRawPointer(base + bytes.count)
        while cursor < end, let hit = memchr(cursor, Int32(byte), end - cursor) {
            found += 1
            cursor = UnsafeRawPointer(hit) + 1
        }
        return found
    }

    /// Whether every field of the row is blank (white space only, as `trimmingWhitespace` sees it).
    func isBlank(_ fields: [CSVField], _ tokenizer: CSVTokenizer) -> Bool {
        for field in fields {
            var k = field.start
            while k < field.end {
                let byte = bytes[k]
                if byte >= 0x80 {
                    // Unicode white space: ask the string.
                    if !tokenizer.text(field).trimmingWhitespace.isEmpty { return false }
                    break
                }
                if byte != 32, byte != 9 { return false }
                k += 1
            }
        }
        return true
    }

    /// Appends where each cell of the row the tokenizer returned last ends (`EventRows.cellEnds`);
    /// returns where its content ends.
    func appendCells(of fields: [CSVField], tokenizer: CSVTokenizer, to cellEnds: inout [Int]) -> Int {
        var contentEnd = tokenizer.rowStart
        for field in fields {
            var end = field.end
            if field.isQuoted {
                end += 1
                while end < bytes.count, bytes[end] == 32 { end += 1 }
            }
            cellEnds.append(end)
            contentEnd = end
        }
        return contentEnd
    }

    /// The byte layout of the row the tokenizer returned last.
    func span(of fields: [CSVField], tokenizer: CSVTokenizer) -> EventLog.RowSpan {
        var cells: [Range<Int>] = []
        cells.reserveCapacity(fields.count)
        var cursor = tokenizer.rowStart
        for field in fields {
            var end = field.end
            if field.isQuoted {
                end += 1
                while end < bytes.count, bytes[end] == 32 { end += 1 }
            }
            let start = min(cursor, end)
            cells.append(start..<end)
            cursor = end + 1
        }
        let contentEnd = cells.last?.upperBound ?? tokenizer.rowStart
        return EventLog.RowSpan(
            start: tokenizer.rowStart, contentEnd: contentEnd, next: max(tokenizer.position, contentEnd), cells: cells,
            line: tokenizer.rowLine)
    }
}
