// MARK: - Event listing

/// `mlink events list` output: the events in date order (events on the same date keep their file
/// order), as a terminal table, CSV, JSON or Markdown.
///
/// Table and Markdown show id, date, local time and zone (when any event has one), weekday of the
/// date as written, title, tags and score (each only when some event has it); table lines carry no
/// trailing spaces. Text from the file
/// is made safe to print: line breaks and tabs become spaces, other control characters U+FFFD.
/// CSV and JSON carry every field, including columns MarketLink does not interpret; CSV text
/// cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading `'` (DESIGN §3), numbers do not.
public enum EventListing {
    /// Stable sort by date as written.
    public static func chronological(_ events: [Event]) -> [Event] {
        events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    // MARK: Table

    public static func table(_ events: [Event]) -> String {
        let rows = chronological(events)
        guard !rows.isEmpty else { return "(no events)\n" }
        let columns = displayColumns(rows)
        var cells = [columns.map(\.title)]
        cells += rows.map { event in columns.map { printable($0.value(event)) } }
        var widths = columns.map { _ in 0 }
        for row in cells {
            for (k, cell) in row.enumerated() { widths[k] = max(widths[k], displayWidth(cell)) }
        }
        var out = ""
        func line(_ row: [String]) {
            var text = ""
            for (k, cell) in row.enumerated() {
                let gap = String(repeating: " ", count: widths[k] - displayWidth(cell))
                if k > 0 { text += "  " }
                text += columns[k].rightAligned ? gap + cell : cell + gap
            }
            while text.hasSuffix(" ") { text.removeLast() }
            out += text + "\n"
        }
        line(cells[0])
        line(widths.map { String(repeating: "-", count: $0) })
        for row in cells.dropFirst() { line(row) }
        return out
    }

    // MARK: Markdown

    public static func markdown(_ events: [Event]) -> String {
        let rows = chronological(events)
        let columns = displayColumns(rows)
        func escape(_ text: String) -> String {
            printable(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
        }
        var out = "| " + columns.map(\.title).joined(separator: " | ") + " |\n"
        out += "|" + columns.map { $0.rightAligned ? " ---: |" : " --- |" }.joined() + "\n"
        for event in rows {
            out += "| " + columns.map { escape($0.value(event)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    // MARK: CSV

    /// Columns `id,date,time,timezone,instant_utc,weekday,title,tags,score,source`, then
    /// `extraColumns` (by name, from each event's `extraFields`).
    public static func csv(_ events: [Event], extraColumns: [String] = []) -> String {
        let header = ["id", "date", "time", "timezone", "instant_utc", "weekday", "title", "tags", "score", "source"] + extraColumns
        var out: [UInt8] = []
        func append(_ cells: [String]) {
            for (k, cell) in cells.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out += CSVCellCoding.encode(cell, delimiter: UInt8(ascii: ","))
            }
            out.append(10)
        }
        append(header)
        for event in chronological(events) {
            var cells = [
                neutralised(event.id), event.date.iso, event.time ?? "", neutralised(event.timeZone ?? ""),
                event.instant.map(utcText) ?? "", event.date.weekdayName, neutralised(event.title),
                neutralised(event.tags.joined(separator: ";")), event.score.map(NumberFormat.shortest) ?? "",
                neutralised(event.source ?? ""),
            ]
            for name in extraColumns {
                cells.append(neutralised(event.extraFields.first { $0.name == name }?.value ?? ""))
            }
            append(cells)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A text cell as a spreadsheet will show it rather than run it: a leading `'` before `=`, `+`,
    /// `-`, `@`, tab or CR.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    // MARK: JSON

    public static func json(_ events: [Event]) -> String {
        JSONValue.array(chronological(events).map(jsonValue)).serialized()
    }

    public static func jsonValue(_ event: Event) -> JSONValue {
        .object([
            ("id", .string(event.id)),
            ("date", .string(event.date.iso)),
            ("weekday", .string(event.date.weekdayName)),
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

    struct DisplayColumn {
        var title: String
        var rightAligned: Bool
        var value: (Event) -> String
    }

    static func displayColumns(_ events: [Event]) -> [DisplayColumn] {
        var columns = [
            DisplayColumn(title: "id", rightAligned: false) { $0.id },
            DisplayColumn(title: "date", rightAligned: false) { $0.date.iso },
        ]
        if events.contains(where: { $0.time != nil }) {
            columns.append(
                DisplayColumn(title: "time", rightAligned: false) { event in
                    guard let time = event.time else { return "" }
                    return event.timeZone.map { "\(time) \($0)" } ?? time
                })
        }
        columns.append(DisplayColumn(title: "weekday", rightAligned: false) { $0.date.weekdayName })
        columns.append(DisplayColumn(title: "title", rightAligned: false) { $0.title })
        if events.contains(where: { !$0.tags.isEmpty }) {
            columns.append(DisplayColumn(title: "tags", rightAligned: false) { $0.tags.joined(separator: ";") })
        }
        if events.contains(where: { $0.score != nil }) {
            columns.append(
                DisplayColumn(title: "score", rightAligned: true) { event in
                    guard let score = event.score else { return "" }
                    return (score > 0 ? "+" : "") + NumberFormat.shortest(score)
                })
        }
        return columns
    }

    /// Text safe to print in one table cell.
    static func printable(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.unicodeScalars.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0: out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Terminal columns a text takes: 0 for combining marks and zero-width characters, 2 for East
    /// Asian wide and fullwidth characters (CJK, Hangul, fullwidth forms, most emoji), 1 otherwise.
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            let wide =
                (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
                || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
                || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
                || (0x1F900...0x1F9FF).contains(value) || (0x20000...0x3FFFD).contains(value)
            width += wide ? 2 : 1
        }
        return width
    }
}
