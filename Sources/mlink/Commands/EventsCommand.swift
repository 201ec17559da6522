import Foundation
import MarketLink

/// `mlink events add|list|edit|remove`: keep an events file. The edits go through
/// `EventLogFile.update` (locked, atomic, byte-preserving).
enum EventsCommand {
    // MARK: add

    static let add = CommandSpec(
        name: "events add",
        summary: "add an event to an events file (assigns the next id)",
        help: """
            usage: mlink events add EVENTS --date DATE --title TEXT [--tag T]... [--score S] [--source S] [--time HH:MM --timezone ZONE]

            Appends one event to the events file EVENTS (a CSV file with a header naming at least
            "date" and "title"), giving it the next id: one more than the largest numeric id, or the
            number of events plus one. The new row follows the file's own column order, delimiter
            and line ending; columns MarketLink does not know are left empty; every existing byte
            stays as it was. A file without an "id" column gets no id (an event's id is then its row
            number). A file that does not exist yet is created with the header
            id,date,title,tags,score,source (and time,timezone after date when --time is given).

            options:
              --date DATE        2023-06-07, or an ISO 8601 instant such as 2023-06-07T17:00-04:00
              --title TEXT       what happened
              --tag T            a label; repeat it, or separate labels with ";"
              --score S          a number you assign, e.g. -1 (escalation) to +1 (thaw)
              --source S         outlet or URL
              --time HH:MM       local time of day, with --timezone
              --timezone ZONE    IANA name (America/New_York) or offset (+08:00)

            The file is locked while it is read and rewritten, and replaced atomically.
            Exit codes: 0 added, 1 the file cannot be read (file:line:column: error: ...), 64 bad usage.

            """,
        run: runAdd)

    static func runAdd(_ arguments: inout Arguments) throws -> Int32 {
        let date = try arguments.value("--date")
        let title = try arguments.value("--title")
        let draft = EventDraft(
            date: date ?? "", title: title ?? "", time: try arguments.value("--time"), timeZone: try arguments.value("--timezone"),
            tags: try arguments.values("--tag"), score: try arguments.value("--score"), source: try arguments.value("--source"))
        let path = try onePath(&arguments, what: "the events file")
        guard date != nil else { throw UsageError(message: "--date is required") }
        guard title != nil else { throw UsageError(message: "--title is required") }
        _ = try draft.validated()
        let timed = !(draft.time ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        let edit = try EventLogFile.update(path: path, newFileColumns: EventLogFile.defaultColumns(timed: timed)) { log throws(MarketLinkError) in
            try log.adding(draft)
        }
        Terminal.write("\(path): added event \(edit.event.id) (\(describe(edit.event)))\n")
        return 0
    }

    // MARK: list

    static let list = CommandSpec(
        name: "events list",
        summary: "list the events of an events file, filtered by tag and date",
        help: """
            usage: mlink events list EVENTS [--tag T]... [--from DATE] [--to DATE] [--format table|csv|json|md] [-o FILE]

            Prints the events in date order (events on the same date in file order): id, date, local
            time and zone for timed events, weekday, title, tags and score.

            options:
              --tag T           only events with this tag (ignoring case); repeat for any of several
              --from DATE       only events dated on or after DATE (YYYY-MM-DD)
              --to DATE         only events dated on or before DATE (YYYY-MM-DD)
              --format F        table (default), csv, json or md; taken from -o FILE's extension if not given
              -o, --output FILE write to FILE (atomically; never over the events file) instead of standard output

            CSV carries every field (also instant_utc, source and columns MarketLink does not know);
            text cells that a spreadsheet would run as a formula get a leading '.
            Exit codes: 0 success, 1 the file cannot be read (file:line:column: error: ...), 64 bad usage.

            """,
        run: runList)

    static func runList(_ arguments: inout Arguments) throws -> Int32 {
        let tags = try arguments.values("--tag").flatMap { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } }
        let from = try day(try arguments.value("--from"), option: "--from")
        let to = try day(try arguments.value("--to"), option: "--to")
        let formatFlag = try arguments.value("--format")
        let output = try arguments.value("-o", "--output")
        let path = try onePath(&arguments, what: "the events file")
        let format = try OutputFormat.choose(formatFlag, output: output)
        if let from, let to, to < from { throw UsageError(message: "--to \(to.iso) is before --from \(from.iso)") }
        let log = try EventLog.load(path: path)
        let events = log.events(matching: EventFilter(tags: tags.filter { !$0.isEmpty }, from: from, to: to))
        let text: String
        switch format {
        case .table: text = EventListing.table(events)
        case .csv: text = EventListing.csv(events, extraColumns: log.extraColumns)
        case .json: text = EventListing.json(events)
        case .md: text = EventListing.markdown(events)
        }
        try emit(text, to: output, inputs: [path])
        return 0
    }

    // MARK: edit

    static let edit = CommandSpec(
        name: "events edit",
        summary: "change fields of one event, leaving the rest of the file as it was",
        help: """
            usage: mlink events edit EVENTS ID [--title TEXT] [--date DATE] [--tag T]... [--score S] [--source S] [--time HH:MM] [--timezone ZONE]

            Rewrites only the cells of event ID that the options set to a new value; every other
            row, cell, quote and line ending stays byte for byte. An empty value ("") clears an
            optional field; --tag replaces the event's tags (--tag "" removes them). A field whose
            column the file lacks cannot be set: add the column to the header first.

            options:
              --title TEXT       what happened
              --date DATE        2023-06-07, or an ISO 8601 instant such as 2023-06-07T17:00-04:00
              --tag T            a label; repeat it, or separate labels with ";"
              --score S          a number you assign, e.g. -1 (escalation) to +1 (thaw)
              --source S         outlet or URL
              --time HH:MM       local time of day (the row needs a timezone)
              --timezone ZONE    IANA name (America/New_York) or offset (+08:00)

            The file is locked while it is read and rewritten, and replaced atomically.
            Exit codes: 0 success, 1 the file cannot be read (file:line:column: error: ...), 64 bad usage
            (including an unknown ID).

            """,
        run: runEdit)

    static func runEdit(_ arguments: inout Arguments) throws -> Int32 {
        let tags = try arguments.values("--tag")
        let changes = EventChanges(
            title: try arguments.value("--title"), date: try arguments.value("--date"), time: try arguments.value("--time"),
            timeZone: try arguments.value("--timezone"), tags: tags.isEmpty ? nil : tags, score: try arguments.value("--score"),
            source: try arguments.value("--source"))
        let (path, id) = try pathAndID(&arguments)
        guard !changes.isEmpty else {
            throw UsageError(message: "nothing to change: give at least one of --title, --date, --tag, --score, --source, --time, --timezone")
        }
        let edit = try EventLogFile.update(path: path) { log throws(MarketLinkError) in try log.editing(id: id, changes) }
        if edit.changedColumns.isEmpty {
            Terminal.write("\(path): event \(edit.event.id) unchanged (it already has these values)\n")
        } else {
            Terminal.write("\(path): changed \(edit.changedColumns.joined(separator: ", ")) of event \(edit.event.id) (\(describe(edit.event)))\n")
        }
        return 0
    }

    // MARK: remove

    static let remove = CommandSpec(
        name: "events remove",
        summary: "remove one event, leaving the rest of the file as it was",
        help: """
            usage: mlink events remove EVENTS ID

            Removes the row of event ID and its line ending; every other byte of the file stays as
            it was. In a file without an "id" column, ids are row numbers, so the events after the
            removed one move up by one.

            The file is locked while it is read and rewritten, and replaced atomically.
            Exit codes: 0 success, 1 the file cannot be read (file:line:column: error: ...), 64 bad usage
            (including an unknown ID).

            """,
        run: runRemove)

    static func runRemove(_ arguments: inout Arguments) throws -> Int32 {
        let (path, id) = try pathAndID(&arguments)
        let edit = try EventLogFile.update(path: path) { log throws(MarketLinkError) in try log.removing(id: id) }
        Terminal.write("\(path): removed event \(edit.event.id) (\(describe(edit.event)))\n")
        return 0
    }

    // MARK: Helpers

    static func onePath(_ arguments: inout Arguments, what: String) throws -> String {
        let positionals = try arguments.positionals()
        guard let path = positionals.first else { throw UsageError(message: "name \(what)") }
        guard positionals.count == 1 else {
            throw UsageError(message: "unexpected argument \"\(positionals[1])\" (quote a title that has spaces)")
        }
        return path
    }

    static func pathAndID(_ arguments: inout Arguments) throws -> (String, String) {
        let positionals = try arguments.positionals()
        guard positionals.count >= 2 else {
            throw UsageError(message: positionals.isEmpty ? "name the events file and the event id" : "name the event id")
        }
        guard positionals.count == 2 else { throw UsageError(message: "unexpected argument \"\(positionals[2])\"") }
        return (positionals[0], positionals[1])
    }

    static func day(_ text: String?, option: String) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else { throw UsageError(message: "\(option) takes a date YYYY-MM-DD, not \"\(text)\"") }
        return day
    }

    /// `2023-06-07 Wednesday 17:00 America/New_York: "Title"`, one line.
    static func describe(_ event: Event) -> String {
        var text = "\(event.date.iso) \(event.date.weekdayName)"
        if let time = event.time { text += " \(time)" + (event.timeZone.map { " \($0)" } ?? "") }
        return text + ": \"" + DisplayWidth.truncated(TerminalText.escaped(event.title), toColumns: 80) + "\""
    }
}
