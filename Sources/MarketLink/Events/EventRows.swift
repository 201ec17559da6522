import Foundation

// MARK: - Rows of an events file

/// The rows of an events file as loaded, stored flat so that a million rows cost a few arrays and
/// no `String`: where each row and cell lies in the file's bytes, its date, and whether its event
/// reads straight from its bytes (`plain`: a `YYYY-MM-DD` date, no time or zone, cells whose edges
/// are ASCII). `events list` and `events add` work from this; `EventLog.events` makes the `Event`s
/// on first use.
struct EventRows: Sendable {
    struct Row: Sendable {
        /// First byte of the row.
        var start: Int
        /// After the last cell, before the line ending.
        var contentEnd: Int
        /// After the row's line ending (equal to `contentEnd` for a last row with no line ending).
        var next: Int
        var line: Int
        /// End of this row's cells in `cellEnds`; they start where the previous row's end.
        var cellsEnd: Int
        /// `Event.date`'s ordinal.
        var day: Int32
        /// The event is dated to a month (`Event.precision == .month`).
        var isMonth: Bool
        /// The event is date-only and every known cell can be read from its bytes (see `EventRows`).
        var plain: Bool
    }

    var rows: [Row] = []
    /// For each cell of each row, where its bytes as written end (quotes and padding included);
    /// a cell starts after the previous one's delimiter (`EventLog.RowSpan.cells`).
    var cellEnds: [Int] = []

    var count: Int { rows.count }

    /// The range of `cellEnds` holding row `index`'s cells.
    func cellRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : rows[index - 1].cellsEnd)..<rows[index].cellsEnd
    }

    /// The byte range of each cell of row `index`, as `EventLog.RowSpan.cells` gives them.
    func cells(_ index: Int) -> [Range<Int>] {
        let row = rows[index]
        var cursor = row.start
        var cells: [Range<Int>] = []
        for k in cellRange(index) {
            let end = cellEnds[k]
            let start = min(cursor, end)
            cells.append(start..<end)
            cursor = end + 1
        }
        return cells
    }

    mutating func reserve(_ count: Int, cellsPerRow: Int) {
        rows.reserveCapacity(count)
        cellEnds.reserveCapacity(count * cellsPerRow)
    }
}

// MARK: - Ids

/// The ids of a run of rows, for duplicate checks, lookups and the next id, without a `String` per
/// row: ids written in canonical decimal (`0`, or 1 to 18 digits with no leading zero; row numbers
/// too) are kept as numbers, every other id as text.
final class EventIDIndex: Sendable {
    /// Row index (in the whole log) by numeric id.
    let numbers: [Int: Int]
    /// Row index by any other id.
    let names: [String: Int]
    /// The largest id of 1 to 18 digits (leading zeros allowed), as `EventLog.nextID` counts them.
    let largest: Int?

    init(numbers: [Int: Int], names: [String: Int], largest: Int?) {
        self.numbers = numbers
        self.names = names
        self.largest = largest
    }

    /// The number a canonical decimal id stands for, nil for any other id.
    static func number<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        let count = bytes.count
        guard count >= 1, count <= 18, let first = bytes.first, first >= 48, first <= 57, first != 48 || count == 1 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// The value of an id of 1 to 18 digits (leading zeros allowed), nil for any other.
    static func digitsValue<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        guard (1...18).contains(bytes.count) else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}

/// Builds an `EventIDIndex` row by row, reporting the first row of a repeated id.
struct EventIDIndexBuilder {
    var numbers: [Int: Int] = [:]
    var names: [String: Int] = [:]
    var largest: Int?

    init(expected: Int) {
        numbers.reserveCapacity(expected)
    }

    /// Records `id` (as bytes) for row `index`; returns the row index of an earlier row with the same id.
    mutating func insert(bytes: UnsafeBufferPointer<UInt8>, row index: Int) -> Int? {
        if let value = EventIDIndex.digitsValue(bytes) { largest = max(largest ?? value, value) }
        if let number = EventIDIndex.number(bytes) { return numbers.updateValue(index, forKey: number) }
        return names.updateValue(index, forKey: String(decoding: bytes, as: UTF8.self))
    }

    /// Records a row-number id.
    mutating func insert(number: Int, row index: Int) -> Int? {
        if number < 1_000_000_000_000_000_000 { largest = max(largest ?? number, number) }
        if number < 1_000_000_000_000_000_000 { return numbers.updateValue(index, forKey: number) }
        return names.updateValue(index, forKey: String(number))
    }

    /// Records an id given as text.
    mutating func insert(_ id: String, row index: Int) -> Int? {
        var id = id
        return id.withUTF8 { insert(bytes: $0, row: index) }
    }

    var index: EventIDIndex { EventIDIndex(numbers: numbers, names: names, largest: largest) }
}

// MARK: - Events made on demand

/// The `Event`s of a log, made once on first use and shared by its copies.
final class EventStore: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Event]?

    /// The events, made by `make` the first time.
    func events(_ make: () -> [Event]) -> [Event] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let events = make()
        made = events
        return events
    }
}

// MARK: - Plain rows

/// Reads the known cells of a row from their bytes when the row is plain (see `EventRows`): what
/// `EventBuilder` would accept and read the same way. Nil sends the row to `EventBuilder`.
struct PlainCells {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The column of each `EventColumn` (by `EventColumn.index`), nil when the file has none.
    let columnOf: [Int?]

    struct Reading {
        var day: Day
        /// The id cell's text (empty: the id is the row number).
        var id: Range<Int>
    }

    func read(_ fields: [CSVField]) -> Reading? {
        guard let id = text(fields, columnOf[0], escapes: false),
            let date = text(fields, columnOf[1], escapes: false), date.count == 10,
            let title = text(fields, columnOf[2], escapes: true), !title.isEmpty,
            let time = text(fields, columnOf[3], escapes: false), time.isEmpty,
            let zone = text(fields, columnOf[4], escapes: false), zone.isEmpty,
            text(fields, columnOf[5], escapes: true) != nil,
            let score = text(fields, columnOf[6], escapes: false),
            text(fields, columnOf[7], escapes: true) != nil,
            let day = Self.day(bytes, date)
        else { return nil }
        if !score.isEmpty {
            let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[score]), as: UTF8.self)
            guard (try? EventFieldReader.score(written)) != nil else { return nil }
        }
        return Reading(day: day, id: id)
    }

    /// The day of `YYYY-MM-DD` bytes, nil when they are not one that exists.
    static func day(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Day? {
        let k = range.lowerBound
        guard range.count == 10, bytes[k + 4] == UInt8(ascii: "-"), bytes[k + 7] == UInt8(ascii: "-") else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for j in from..<(from + count) {
                let byte = bytes[j]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = digits(k, 4), let month = digits(k + 5, 2), let dayOfMonth = digits(k + 8, 2) else { return nil }
        return Day(year: year, month: month, day: dayOfMonth)
    }

    /// The bytes of the cell in `column`, trimmed of spaces and tabs (empty for a column the file
    /// lacks or a short row); nil when an edge byte is beyond ASCII (Unicode white space is the
    /// string's to trim) or, unless `escapes`, the cell holds doubled quotes.
    @inline(__always)
    func text(_ fields: [CSVField], _ column: Int?, escapes: Bool) -> Range<Int>? {
        guard let column, column < fields.count else { return 0..<0 }
        let field = fields[column]
        if field.hasEscapes, !escapes { return nil }
        var start = field.start
        var end = field.end
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        if start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 { return nil }
        return start..<end
    }
}
