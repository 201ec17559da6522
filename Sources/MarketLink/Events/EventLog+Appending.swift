// MARK: - Appending many rows

/// The result of `EventLog.appending(_:columns:)`.
public struct EventLogAppend: Sendable {
    /// The log after the append; `log.contents` are the bytes to write.
    public var log: EventLog
    /// How many events were added (the last `addedCount` of `log.events`).
    public var addedCount: Int
    /// The events added, in order, as they read back.
    public var added: ArraySlice<Event> { log.events.suffix(addedCount) }
    /// The columns added to the end of the header (names as written), in order; empty when the
    /// file had them all.
    public var addedColumns: [String]
}

extension EventLog {
    /// Appends many rows at once, as `adding` appends one: in the file's column order, delimiter
    /// and line ending, each with the next id (in a file with an `id` column), quoted only where a
    /// cell needs it. The file is read back once, at the end, so the cost is linear in its size.
    ///
    /// `rows` give the cell text of each row by column name (matched ignoring case and surrounding
    /// spaces; `id` is assigned, not taken). `columns` are the columns the rows fill: those the
    /// header lacks are added to its end — the header line is the only existing line rewritten,
    /// the cells before it and every row after it keep their bytes, and the existing rows, now
    /// shorter than the header, read as having those cells empty. No rows: the log unchanged.
    public func appending(_ rows: [[String: String]], columns wanted: [String]) throws(MarketLinkError) -> EventLogAppend {
        try appending(count: rows.count, columns: wanted) { k, name in
            rows[k][name] ?? rows[k].first { $0.key.lowercased() == name }?.value
        }
    }

    /// `appending(_:columns:)` for `count` rows whose cells `cell(row, column)` gives on demand
    /// (`column` lower-cased; nil or empty for an empty cell), so that a million rows need no
    /// dictionary each.
    public func appending(
        count rowCount: Int, columns wanted: [String], cell: (_ row: Int, _ column: String) -> String?
    ) throws(MarketLinkError) -> EventLogAppend {
        guard rowCount > 0 else { return EventLogAppend(log: self, addedCount: 0, addedColumns: []) }
        let present = Set(columns.map { $0.lowercased() })
        let missing = wanted.filter { !present.contains($0.lowercased()) && $0.lowercased() != EventColumn.id.rawValue }
        let order = (columns + missing).map { $0.lowercased() }
        let idColumn = order.firstIndex(of: EventColumn.id.rawValue)

        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + rowCount * 160)
        if missing.isEmpty {
            output += bytes
        } else {
            output += bytes[0..<headerSpan.contentEnd]
            for name in missing {
                output.append(delimiter)
                output += CSVWriter.encode(name, delimiter: delimiter)
            }
            output += bytes[headerSpan.contentEnd...]
        }
        let endsWithLineEnding = output.last.map { $0 == 10 || $0 == 13 } ?? false
        if !endsWithLineEnding { output += lineEnding }

        var taken: Set<String> = []
        var candidate = idColumn == nil ? 0 : Int(nextID()) ?? count + 1
        var ids: [String] = []
        ids.reserveCapacity(rowCount)
        for k in 0..<rowCount {
            var id = String(count + k + 1)
            if idColumn != nil {
                while taken.contains(String(candidate)) || rowIndex(ofID: String(candidate)) != nil { candidate += 1 }
                id = String(candidate)
                taken.insert(id)
            }
            ids.append(id)
            if k > 0 { output += lineEnding }
            for (index, name) in order.enumerated() {
                if index > 0 { output.append(delimiter) }
                let text = index == idColumn ? id : cell(k, name)
                if let text, !text.isEmpty { CSVWriter.appendEncoded(text, delimiter: delimiter, to: &output) }
            }
        }
        if endsWithLineEnding { output += lineEnding }

        let log = try reloaded(output)
        guard log.count == count + rowCount, (count..<log.count).map({ log.event(at: $0).id }) == ids else {
            throw MarketLinkError(
                "the \(rowCount) new rows did not read back as \(rowCount) events; the file was not changed", at: SourceLocation(file: file))
        }
        let headerText = log.columns
        let added = missing.map { name in headerText.first { $0.lowercased() == name.lowercased() } ?? name }
        return EventLogAppend(log: log, addedCount: rowCount, addedColumns: added)
    }

    /// The cell of column `name` (ignoring case) of each event, in file order: `""` for an event
    /// whose row is short of it; nil when the file has no such column.
    public func cells(ofColumn name: String) -> [String]? {
        let wanted = name.lowercased()
        if let role = EventColumn(rawValue: wanted), columnIndex(role) != nil {
            switch role {
            case .id: return events.map(\.id)
            case .title: return events.map(\.title)
            case .source: return events.map { $0.source ?? "" }
            default: break
            }
        }
        guard columns.contains(where: { $0.lowercased() == wanted }) else { return nil }
        return events.map { event in event.extraFields.first { $0.name.lowercased() == wanted }?.value ?? "" }
    }
}
