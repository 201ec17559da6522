import Foundation

// MARK: - Event builder

/// Turns the cells of one row into an `Event`, applying the rules of DESIGN §1 "Events":
///
/// - `date` and `title` must not be empty.
/// - A date-only `date` with a `time` needs a `timezone` in the same row; the instant is that
///   local time in the zone, with the zone's daylight-saving rules on that date. A local time that
///   the clocks skipped is an error; one that happened twice (clocks set back) is the earlier.
/// - A `date` with a time and an offset is an instant; a `timezone` beside it must agree with the
///   offset at that instant. A `date` with a time and no offset takes its zone from `timezone`.
/// - A `timezone` on a date-only row with no `time` is checked but has no effect.
/// - An empty `id` is the row number; an empty `score` or `source` is none.
enum EventBuilder {
    /// `event(from:row:line:extraFields:)` for cells given by column.
    static func event(
        from cells: [EventColumn: String], row: Int, line: Int, extraFields: [Event.Field] = []
    ) throws(EventFieldProblem) -> Event {
        try event(from: EventCells(cells), row: row, line: line, extraFields: extraFields)
    }

    /// `cells` holds the trimmed text of each known column present in the file (missing cells of a
    /// short row are empty); `row` is the 1-based row number among events.
    static func event(
        from cells: EventCells, row: Int, line: Int, extraFields: [Event.Field] = []
    ) throws(EventFieldProblem) -> Event {
        let dateText = cells[.date] ?? ""
        let title = cells[.title] ?? ""
        let timeText = cells[.time] ?? ""
        let zoneText = cells[.timezone] ?? ""
        let written = try EventFieldReader.date(dateText)
        guard !title.isEmpty else { throw EventFieldProblem(.title, "the title is empty; every event needs one") }

        var instant: Double?
        var time: String?
        var zoneName: String?
        var precision = DatePrecision.day
        switch written {
        case .month:
            guard timeText.isEmpty else {
                throw EventFieldProblem(.time, "the date \(quoted(dateText)) is a month, which has no time of day; give the day first")
            }
            if !zoneText.isEmpty { _ = try EventFieldReader.zone(zoneText) }
            precision = .month
        case .day(let day):
            let zone = zoneText.isEmpty ? nil : try EventFieldReader.zone(zoneText)
            if !timeText.isEmpty {
                let local = try EventFieldReader.time(timeText)
                guard let zone else {
                    let fix = cells[.timezone] == nil ? "add a \"timezone\" column" : "fill the \"timezone\" cell"
                    throw EventFieldProblem(
                        .time, "the time \(quoted(timeText)) has no time zone: \(fix) (\(EventFieldReader.zoneHint))")
                }
                instant = try resolve(day: day, time: local, zone: zone, zoneText: zoneText, column: .time)
                time = local.text
                zoneName = displayName(zoneText)
            }
        case .dateTime(let day, let local, let offset):
            guard timeText.isEmpty else {
                throw EventFieldProblem(
                    .time, "the date \(quoted(dateText)) already has a time; leave \"time\" empty or write the date alone")
            }
            time = local.text
            if let offset {
                let value = Double(day.ordinal) * 86_400 + local.secondsOfDay - Double(offset)
                instant = value
                zoneName =
                    offset == 0 && dateText.last.map({ $0 == "Z" || $0 == "z" }) == true
                    ? "UTC" : EventFieldReader.offsetText(offset)
                if !zoneText.isEmpty {
                    let zone = try EventFieldReader.zone(zoneText)
                    let actual = zone.secondsFromGMT(for: Date(timeIntervalSince1970: value))
                    guard actual == offset else {
                        throw EventFieldProblem(
                            .timezone,
                            "the time zone \(quoted(zoneText)) is \(EventFieldReader.offsetText(actual)) at that moment, but the date \(quoted(dateText)) says \(EventFieldReader.offsetText(offset))"
                        )
                    }
                    zoneName = displayName(zoneText)
                }
            } else {
                guard !zoneText.isEmpty else {
                    let fix = cells[.timezone] == nil ? "add a \"timezone\" column" : "fill the \"timezone\" cell"
                    throw EventFieldProblem(
                        .date, "the date \(quoted(dateText)) has a time but no offset: add Z or an offset such as -04:00, or \(fix)")
                }
                let zone = try EventFieldReader.zone(zoneText)
                instant = try resolve(day: day, time: local, zone: zone, zoneText: zoneText, column: .date)
                zoneName = displayName(zoneText)
            }
        }
        let idText = cells[.id] ?? ""
        let source = cells[.source] ?? ""
        return Event(
            id: idText.isEmpty ? String(row) : idText,
            title: title,
            date: written.day,
            instant: instant,
            tags: EventFieldReader.tags(cells[.tags] ?? ""),
            score: try EventFieldReader.score(cells[.score] ?? ""),
            source: source.isEmpty ? nil : source,
            line: line,
            time: time,
            timeZone: zoneName,
            extraFields: extraFields,
            precision: precision)
    }

    private static func resolve(
        day: Day, time: LocalTime, zone: TimeZone, zoneText: String, column: EventColumn
    ) throws(EventFieldProblem) -> Double {
        switch EventFieldReader.resolve(day: day, seconds: time.secondsOfDay, in: zone) {
        case .unique(let instant), .repeated(let instant, _):
            return instant
        case .skipped:
            throw EventFieldProblem(
                column,
                "\(time.text) on \(day.iso) does not exist in \(zoneText): the clocks jumped forward over it that day")
        }
    }

    /// Offsets are shown as `±HH:MM`; names as written.
    private static func displayName(_ zoneText: String) -> String {
        if let offset = Market.parseOffset(zoneText) { return EventFieldReader.offsetText(offset) }
        if zoneText == "Z" || zoneText == "GMT" || zoneText == "UTC" { return "UTC" }
        return zoneText
    }
}

// MARK: - Cells of a row

/// The text of each known column of one row, by `EventColumn` (nil for a column the file lacks):
/// a fixed array, so that reading a million rows hashes nothing.
struct EventCells {
    var values = [String?](repeating: nil, count: 8)  // one per EventColumn

    init() {}

    init(_ cells: [EventColumn: String]) {
        for (column, text) in cells { self[column] = text }
    }

    subscript(column: EventColumn) -> String? {
        get { values[column.index] }
        set { values[column.index] = newValue }
    }
}

extension EventColumn {
    /// The position among `allCases`.
    var index: Int {
        switch self {
        case .id: 0
        case .date: 1
        case .title: 2
        case .time: 3
        case .timezone: 4
        case .tags: 5
        case .score: 6
        case .source: 7
        }
    }
}
