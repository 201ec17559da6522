// MARK: - Event listing

/// `mlink events list` output: the events in date order (events on the same date keep their file
/// order), as a terminal table, CSV, JSON or Markdown.
///
/// Table and Markdown show id, date, local time and zone (when any event has one), weekday of the
/// date as written, title, tags and score (each only when some event has it), rendered by
/// `TextTable`, which shows text from the file safely (escape sequences visible on a terminal,
/// inert in Markdown). CSV and JSON carry every field, including columns MarketLink does not
/// interpret; CSV text cells pass `CSVWriter`'s formula guard (DESIGN §3), numbers do not.
public enum EventListing {
    /// Stable sort by date as written.
    public static func chronological(_ events: [Event]) -> [Event] {
        // Most files are kept in date order: nothing to sort.
        if zip(events, events.dropFirst()).allSatisfy({ $0.date <= $1.date }) { return events }
        // Sort positions, not the events (each a large value).
        let order = events.indices.sorted { (events[$0].date, $0) < (events[$1].date, $1) }
        return order.map { events[$0] }
    }

    // MARK: Table

    /// The terminal table (`TextTable.render`: text from the file shown safely, wide characters
    /// counted two columns), or `(no events)`.
    public static func table(_ events: [Event]) -> String {
        let rows = chronological(events)
        guard !rows.isEmpty else { return "(no events)\n" }
        return textTable(rows).render()
    }

    // MARK: Markdown

    /// The same as a Markdown table (`TextTable.markdown`: every cell inert).
    public static func markdown(_ events: [Event]) -> String {
        textTable(chronological(events)).markdown()
    }

    /// The display columns of `events`, already in the order to show.
    static func textTable(_ events: [Event]) -> TextTable {
        let columns = displayColumns(events)
        var table = TextTable(headers: columns.map(\.title), alignments: columns.map { $0.rightAligned ? .right : .left })
        for event in events { table.append(columns.map { $0.value(event) }) }
        return table
    }

    // MARK: CSV

    /// Columns `id,date,time,timezone,instant_utc,weekday,title,tags,score,source`, then
    /// `extraColumns` (by name, from each event's `extraFields`).
    public static func csv(_ events: [Event], extraColumns: [String] = []) -> String {
        var out: [UInt8] = []
        out += Array("id,date,time,timezone,instant_utc,weekday,title,tags,score,source".utf8)
        for name in extraColumns {
            out.append(UInt8(ascii: ","))
            CSVWriter.appendText(name, to: &out)  // named in the events file
        }
        out.append(10)
        for event in chronological(events) { appendCSVRow(event, extraColumns: extraColumns, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// One row of `csv(_:extraColumns:)`.
    static func appendCSVRow(_ event: Event, extraColumns: [String], to out: inout [UInt8]) {
        // Text from the file is guarded against formulas; dates, times and weekdays are made here.
        CSVWriter.appendText(event.id, to: &out)
        for made in [event.dateText, event.time ?? ""] {
            out.append(UInt8(ascii: ","))
            CSVWriter.appendEscaped(Array(made.utf8), to: &out)
        }
        out.append(UInt8(ascii: ","))
        CSVWriter.appendText(event.timeZone ?? "", to: &out)
        for made in [event.instant.map(utcText) ?? "", event.weekdayText] {
            out.append(UInt8(ascii: ","))
            CSVWriter.appendEscaped(Array(made.utf8), to: &out)
        }
        for text in [event.title, event.tags.joined(separator: ";")] {
            out.append(UInt8(ascii: ","))
            CSVWriter.appendText(text, to: &out)
        }
        out.append(UInt8(ascii: ","))
        if let score = event.score { out.append(contentsOf: Array(NumberFormat.shortest(score).utf8)) }
        out.append(UInt8(ascii: ","))
        CSVWriter.appendText(event.source ?? "", to: &out)
        for name in extraColumns {
            out.append(UInt8(ascii: ","))
            CSVWriter.appendText(event.extraFields.first { $0.name == name }?.value ?? "", to: &out)
        }
        out.append(10)
    }

    // MARK: JSON

    /// The events as a JSON array, oldest first; `[]` for none.
    public static func json(_ events: [Event]) -> String {
        JSONValue.array(chronological(events).map(jsonValue)).serialized()
    }

    /// One event as a JSON object with snake_case keys, as `events list --format json` writes it.
    public static func jsonValue(_ event: Event) -> JSONValue {
        .object([
            ("id", .string(event.id)),
            ("date", .string(event.dateText)),
            ("precision", .string(event.precision.rawValue)),
            ("weekday", .string(event.hasDay ? event.date.weekdayName : nil)),
            ("time", .string(event.time)),
            ("timezone", .string(event.timeZone)),
            ("instant_utc", .string(event.instant.map(utcText))),
            ("title", .string(event.title)),
            ("tags", .array(event.tags.map { .string($0) })),
            ("score", .number(event.score)),
            ("source", .string(event.source)),
            ("line", .number(Double(event.line))),
            ("extra", .object(event.extraFields.map { ($0.name, .string($0.value)) })),
        ])
    }

    // MARK: Helpers

    /// `YYYY-MM-DDTHH:MM:SSZ` (with milliseconds when the instant has a fraction of a second).
    public static func utcText(_ instant: Double) -> String {
        let milliseconds = (instant * 1000).rounded()
        let days = (milliseconds / 86_400_000).rounded(.down)
        var rest = Int(milliseconds - days * 86_400_000)
        let day = Day(ordinal: Int32(clamping: Int(days)))
        let millis = rest % 1000
        rest /= 1000
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var text = "\(day.iso)T\(pad(rest / 3600)):\(pad(rest % 3600 / 60)):\(pad(rest % 60))"
        if millis != 0 { text += "." + pad(millis, 3) }
        return text + "Z"
    }

    struct DisplayColumn: Sendable {
        var title: String
        var rightAligned: Bool
        var value: @Sendable (Event) -> String
    }

    /// Every column a table may show, in order: id, date, time, weekday, title, tags, score.
    static let allDisplayColumns = [
        DisplayColumn(title: "id", rightAligned: false) { $0.id },
        DisplayColumn(title: "date", rightAligned: false) { $0.dateText },
        DisplayColumn(title: "time", rightAligned: false) { event in
            guard let time = event.time else { return "" }
            return event.timeZone.map { "\(time) \($0)" } ?? time
        },
        DisplayColumn(title: "weekday", rightAligned: false) { $0.hasDay ? $0.date.weekdayName : "(month)" },
        DisplayColumn(title: "title", rightAligned: false) { $0.title },
        DisplayColumn(title: "tags", rightAligned: false) { $0.tags.joined(separator: ";") },
        DisplayColumn(title: "score", rightAligned: true) { event in
            guard let score = event.score else { return "" }
            return (score > 0 ? "+" : "") + NumberFormat.shortest(score)
        },
    ]

    /// The columns shown for `events`: time, tags and score only when some event has one.
    static func displayColumns(_ events: [Event]) -> [DisplayColumn] {
        let hasTime = events.contains { $0.time != nil }
        let hasTags = events.contains { !$0.tags.isEmpty }
        let hasScore = events.contains { $0.score != nil }
        return allDisplayColumns.filter { column in
            switch column.title {
            case "time": hasTime
            case "tags": hasTags
            case "score": hasScore
            default: true
            }
        }
    }
}
