import Foundation

// MARK: - Drafts and changes

/// The values of a new event, as the user typed them (`mlink events add`).
public struct EventDraft: Sendable, Equatable {
    /// The date as typed: `2023-06-06`, an ISO 8601 instant, or `2022-12` for a month.
    public var date: String
    /// The title: free text.
    public var title: String
    /// A local time of day `HH:MM`, with `timeZone`; `nil` for a date-only event.
    public var time: String?
    /// The zone of `time`: an IANA name or an offset (`+08:00`).
    public var timeZone: String?
    /// Labels; an entry holding `;` counts as several.
    public var tags: [String]
    /// The score as typed; it must read as a number.
    public var score: String?
    /// An outlet or a URL.
    public var source: String?
    /// Cells for columns MarketLink does not interpret, by header name (matched ignoring case):
    /// `mlink article --events-out` fills a `sentence` column when the file has one.
    public var extraFields: [String: String]

    /// A draft; every value but the date and the title is optional.
    public init(
        date: String, title: String, time: String? = nil, timeZone: String? = nil, tags: [String] = [], score: String? = nil,
        source: String? = nil, extraFields: [String: String] = [:]
    ) {
        self.date = date
        self.title = title
        self.time = time
        self.timeZone = timeZone
        self.tags = tags
        self.score = score
        self.source = source
        self.extraFields = extraFields
    }

    /// The cell text of each column the draft fills (trimmed; empty values left out).
    var cells: [EventColumn: String] {
        var cells: [EventColumn: String] = [.date: trim(date), .title: trim(title)]
        let values: [(EventColumn, String?)] = [
            (.time, time), (.timezone, timeZone), (.score, score), (.source, source),
            (.tags, EventDraft.tagText(tags)),
        ]
        for (column, value) in values {
            if let value, !trim(value).isEmpty { cells[column] = trim(value) }
        }
        return cells
    }

    static func tagText(_ tags: [String]) -> String {
        tags.flatMap { EventFieldReader.tags($0) }.joined(separator: ";")
    }

    /// The event these values make, checked exactly as the loader would read them; errors are usage
    /// errors naming the column a value is for (`.invalidEventValue(.date, ...)`), `.timeWithoutZone`
    /// and `.unknownTimeZone`.
    public func validated() throws(MarketLinkError) -> Event {
        let cells = self.cells
        if cells[.time] != nil, cells[.timezone] == nil, case .day = (try? EventFieldReader.date(cells[.date] ?? "")) {
            throw MarketLinkError(.timeWithoutZone)
        }
        var all = cells
        for column in EventColumn.allCases where all[column] == nil { all[column] = "" }
        do throws(EventFieldProblem) {
            return try EventBuilder.event(from: all, row: 0, line: 0)
        } catch {
            throw error.asRequestError
        }
    }
}

/// What `mlink events edit` changes in one event: nil leaves a value alone; an empty string (or
/// empty tag list) clears an optional one.
public struct EventChanges: Sendable, Equatable {
    /// The new title; `nil` keeps it.
    public var title: String?
    /// The new date; `nil` keeps it.
    public var date: String?
    /// The new time of day; `nil` keeps it, empty clears it.
    public var time: String?
    /// The new zone; `nil` keeps it, empty clears it.
    public var timeZone: String?
    /// The new tags; `nil` keeps them, an empty list clears them.
    public var tags: [String]?
    /// The new score; `nil` keeps it, empty clears it.
    public var score: String?
    /// The new source; `nil` keeps it, empty clears it.
    public var source: String?

    /// Changes; with no arguments, none.
    public init(
        title: String? = nil, date: String? = nil, time: String? = nil, timeZone: String? = nil, tags: [String]? = nil,
        score: String? = nil, source: String? = nil
    ) {
        self.title = title
        self.date = date
        self.time = time
        self.timeZone = timeZone
        self.tags = tags
        self.score = score
        self.source = source
    }

    /// True when nothing would change.
    public var isEmpty: Bool { values.isEmpty }

    /// The new cell text of each column to change, in `EventColumn` order.
    var values: [(EventColumn, String)] {
        let all: [(EventColumn, String?)] = [
            (.date, date), (.title, title), (.time, time), (.timezone, timeZone), (.tags, tags.map(EventDraft.tagText)),
            (.score, score), (.source, source),
        ]
        return all.compactMap { column, value in value.map { (column, trim($0)) } }
    }
}

/// The result of adding several events at once: the new contents, the events added, and the
/// drafts left out as exact duplicates of events already in the file.
public struct EventLogBatchEdit: Sendable {
    /// The events file as it is after the edit.
    public var log: EventLog
    /// The events added, in draft order; empty when every draft was a duplicate.
    public var added: [Event]
    /// Drafts whose date, title and source an event in the file (or an earlier draft) already has.
    public var skipped: [EventDraft]
}

/// The result of an edit: the new file contents (as a loaded log) and the event added, changed or
/// removed.
public struct EventLogEdit: Sendable {
    /// The log after the edit; `log.contents` are the bytes to write.
    public var log: EventLog
    /// The event as added or edited, or as it was before removal.
    public var event: Event
    /// The columns whose cells were rewritten (header names as written); empty when nothing changed.
    public var changedColumns: [String]
}

private func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }

// MARK: - Edits

/// Byte-preserving edits. Each returns the new contents and leaves every byte it does not need to
/// change as it was: other rows, the header, padding, quoting, blank lines, a byte-order mark and
/// line endings. New cells are quoted only when they need it (`CSVWriter.encode`); a rewritten
/// cell that was quoted stays quoted. The result is read back with the loader before it is returned,
/// so an edit never produces a file that would not load.
extension EventLog {
    /// Appends a row for `draft` with the next id, in this file's column order, delimiter and line
    /// ending; columns MarketLink does not know are left empty. The id is one more than the largest
    /// numeric id (`0`–`999999999999999999`), or the number of events plus one when no id is numeric.
    /// A file without an `id` column gets no id cell: the event's id is its row number. A file that
    /// does not end with a line ending gets one before the new row, and the new row then has none,
    /// so that removing it restores the file exactly.
    public func adding(_ draft: EventDraft) throws(MarketLinkError) -> EventLogEdit {
        _ = try draft.validated()
        var cells = draft.cells
        let missing = cells.keys.filter { columnIndex($0) == nil }.sorted { $0.rawValue < $1.rawValue }
        if !missing.isEmpty { throw missingColumns(missing) }
        let id = hasIDColumn ? nextID() : String(count + 1)
        if hasIDColumn { cells[.id] = id }

        var row: [UInt8] = []
        for (index, role) in roles.enumerated() {
            if index > 0 { row.append(delimiter) }
            if let role, let text = cells[role] { row += CSVWriter.encode(text, delimiter: delimiter) }
        }
        var output = bytes
        let endsWithLineEnding = output.last.map { $0 == 10 || $0 == 13 } ?? false
        if endsWithLineEnding {
            output += row + lineEnding
        } else {
            output += lineEnding + row
        }
        // Only the new row is read back; the rows before it were read when this log was loaded.
        let log = try appendingRows(of: output)
        guard log.count == count + 1, case let event = log.event(at: count), event.id == id else {
            throw MarketLinkError("the new row did not read back as event \(quoted(id)); the file was not changed", at: SourceLocation(file: file))
        }
        let filled = columns.indices.filter { column in roles[column].map { cells[$0] != nil } ?? false }
        return EventLogEdit(log: log, event: event, changedColumns: filled.map { columns[$0] })
    }

    /// Appends a row for each draft, in order, with consecutive new ids, as `adding(_:)` does for
    /// one, and reads the file back once. With `skippingDuplicates`, a draft is left out when an
    /// event already in the file — or a draft before it — has the same date as written (`2023-06-06`,
    /// `2022-12`), the same title and the same source (trimmed; no source is the empty source):
    /// adding the drafts of one article twice adds them once. Cells of columns MarketLink does not
    /// interpret are filled from `extraFields` where the header names them.
    public func adding(_ drafts: [EventDraft], skippingDuplicates: Bool) throws(MarketLinkError) -> EventLogBatchEdit {
        func key(_ date: String, _ title: String, _ source: String?) -> String {
            date + "\u{1F}" + trim(title) + "\u{1F}" + trim(source ?? "")
        }
        var seen = Set(events.map { key($0.dateText, $0.title, $0.source) })
        var rows: [[UInt8]] = []
        var accepted: [EventDraft] = []
        var skipped: [EventDraft] = []
        var ids: [String] = []
        var nextNumber = Int(nextID()) ?? (count + 1)
        for draft in drafts {
            let event = try draft.validated()
            let draftKey = key(event.dateText, event.title, event.source)
            if skippingDuplicates, seen.contains(draftKey) {
                skipped.append(draft)
                continue
            }
            seen.insert(draftKey)
            var cells = draft.cells
            let missing = cells.keys.filter { columnIndex($0) == nil }.sorted { $0.rawValue < $1.rawValue }
            if !missing.isEmpty { throw missingColumns(missing) }
            var id = String(count + accepted.count + 1)
            if hasIDColumn {
                while rowIndex(ofID: String(nextNumber)) != nil { nextNumber += 1 }
                id = String(nextNumber)
                nextNumber += 1
                cells[.id] = id
            }
            let extra = Dictionary(draft.extraFields.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
            var row: [UInt8] = []
            for (index, role) in roles.enumerated() {
                if index > 0 { row.append(delimiter) }
                if let role {
                    if let text = cells[role] { row += CSVWriter.encode(text, delimiter: delimiter) }
                } else if let text = extra[columns[index].lowercased()], !text.isEmpty {
                    row += CSVWriter.encode(text, delimiter: delimiter)
                }
            }
            rows.append(row)
            accepted.append(draft)
            ids.append(id)
        }
        guard !rows.isEmpty else { return EventLogBatchEdit(log: self, added: [], skipped: skipped) }
        var output = bytes
        let endsWithLineEnding = output.last.map { $0 == 10 || $0 == 13 } ?? false
        for (k, row) in rows.enumerated() {
            if k == 0, !endsWithLineEnding {
                output += lineEnding + row
            } else if k == 0 {
                output += row
            } else {
                output += lineEnding + row
            }
        }
        // As `adding(_:)`: rows end with a line ending when the file did.
        if endsWithLineEnding { output += lineEnding }
        let log = try appendingRows(of: output)
        let added = (count..<log.count).map(log.event(at:))
        guard log.count == count + rows.count, added.map(\.id) == ids else {
            throw MarketLinkError("the new rows did not read back as the events added; the file was not changed", at: SourceLocation(file: file))
        }
        return EventLogBatchEdit(log: log, added: added, skipped: skipped)
    }

    /// Rewrites the cells of event `id` that `changes` sets to a different value, and nothing else.
    public func editing(id: String, _ changes: EventChanges) throws(MarketLinkError) -> EventLogEdit {
        let index = try rowIndex(of: id)
        let span = rowSpan(index)
        let missing = changes.values.map(\.0).filter { columnIndex($0) == nil }
        if !missing.isEmpty { throw missingColumns(missing) }

        // The row as it would read after the edit, checked before anything is written.
        var merged: [EventColumn: String] = [:]
        for (column, role) in roles.enumerated() {
            guard let role else { continue }
            merged[role] = column < span.cells.count ? trim(CSVWriter.decode(bytes[span.cells[column]])) : ""
        }
        var changed: [Int: String] = [:]
        for (role, text) in changes.values {
            guard let column = columnIndex(role) else { continue }
            let current = merged[role] ?? ""
            let same = role == .tags ? EventFieldReader.tags(current) == EventFieldReader.tags(text) : current == text
            if !same { changed[column] = text }
            merged[role] = text
        }
        var extra: [Event.Field] = []
        for (column, name) in columns.enumerated() where roles[column] == nil {
            extra.append(Event.Field(name: name, value: column < span.cells.count ? CSVWriter.decode(bytes[span.cells[column]]) : ""))
        }
        do throws(EventFieldProblem) {
            _ = try EventBuilder.event(from: merged, row: index + 1, line: span.line, extraFields: extra)
        } catch {
            if changes.values.contains(where: { $0.0 == error.column }) {
                throw error.asRequestError
            }
            throw MarketLinkError(.editWouldBreakEvent(id: id, problem: error.message))
        }
        guard !changed.isEmpty else {
            return EventLogEdit(log: self, event: event(at: index), changedColumns: [])
        }

        var output = Array(bytes[0..<span.start])
        var cursor = span.start
        for (column, range) in span.cells.enumerated() {
            guard let text = changed[column] else { continue }
            output += bytes[cursor..<range.lowerBound]
            output += CSVWriter.encode(text, delimiter: delimiter, quote: CSVWriter.isQuoted(bytes[range]))
            cursor = range.upperBound
        }
        output += bytes[cursor..<span.contentEnd]
        // Cells beyond a short row's end.
        if let last = changed.keys.max(), last >= span.cells.count {
            for column in span.cells.count...last {
                output.append(delimiter)
                if let text = changed[column] { output += CSVWriter.encode(text, delimiter: delimiter) }
            }
        }
        output += bytes[span.contentEnd...]
        let log = try reloaded(output)
        guard log.count == count, let event = log.event(id: id) else {
            throw MarketLinkError("the edited row did not read back as event \(quoted(id)); the file was not changed", at: SourceLocation(file: file))
        }
        return EventLogEdit(log: log, event: event, changedColumns: changed.keys.sorted().map { columns[$0] })
    }

    /// Removes the bytes of event `id`'s row and its line ending. A last row with no line ending
    /// takes the line ending before it instead, so that the file again ends as it did before that
    /// row was added.
    public func removing(id: String) throws(MarketLinkError) -> EventLogEdit {
        let index = try rowIndex(of: id)
        let span = rowSpan(index)
        var start = span.start
        if span.next == span.contentEnd {
            if start >= 2, bytes[start - 2] == 13, bytes[start - 1] == 10 {
                start -= 2
            } else if start >= 1, bytes[start - 1] == 10 || bytes[start - 1] == 13 {
                start -= 1
            }
        }
        let output = Array(bytes[0..<start]) + bytes[span.next...]
        let log = try reloaded(output)
        guard log.count == count - 1 else {
            throw MarketLinkError(
                "removing event \(quoted(id)) did not leave the other events; the file was not changed", at: SourceLocation(file: file))
        }
        return EventLogEdit(log: log, event: event(at: index), changedColumns: columns)
    }

    // MARK: Helpers

    /// The next id for `adding`.
    func nextID() -> String {
        let largest = ids.compactMap(\.largest).max()
        var candidate = largest.map { $0 + 1 } ?? count + 1
        while rowIndex(ofID: String(candidate)) != nil { candidate += 1 }
        return String(candidate)
    }

    func rowIndex(of id: String) throws(MarketLinkError) -> Int {
        guard let index = rowIndex(ofID: id) else {
            throw MarketLinkError(.noSuchEvent(id: id, file: file, rowNumbered: hasIDColumn ? nil : count))
        }
        return index
    }

    func missingColumns(_ missing: [EventColumn]) -> MarketLinkError {
        MarketLinkError(.columnsMissingForEdit(missing))
    }

    /// Loads edited bytes, turning a failure into an error that says nothing was written.
    func reloaded(_ output: [UInt8]) throws(MarketLinkError) -> EventLog {
        do throws(MarketLinkError) {
            return try EventLog(bytes: output, file: file)
        } catch {
            throw MarketLinkError("the edit was not made: the file would not load afterwards: \(error)", at: SourceLocation(file: file))
        }
    }
}
