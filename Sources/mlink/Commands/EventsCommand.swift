import Foundation
import MarketLink

/// `mlink events add|list|edit|remove`: keep an events file. The edits go through
/// `EventLogFile.update` (locked, atomic, byte-preserving).
enum EventsCommand {
    static let group = CommandGroupSpec(
        name: "events",
        summary: "keep an events file: add, list, edit and remove events; import them from event datasets",
        about: """
            An events file is CSV with a header: date and title are required; id, time, timezone,
            tags (;-separated), score and source are optional, in any order; other columns are kept
            as they are. Every edit leaves each byte you did not change as it was, under a lock,
            through a temporary file and a rename. `import` adds events from GDELT, ICEWS and ACLED
            files; `intensity` turns an events file into a daily series that every command loads.
            """,
        subcommands: [add, list, edit, remove, EventsImportCommand.spec, EventsIntensityCommand.spec])

    // MARK: add

    static let eventsFile = PositionalSpec(
        name: "EVENTS", kind: .inputFile(extensions: ["csv"]), count: .one, help: "the events file (CSV with a header)",
        missing: "name the events file")
    static let addFields = EventFieldOptions.group(forNewEvent: true)

    static let add = CommandSpec(
        path: ["events", "add"],
        summary: "add an event to an events file (assigns the next id)",
        positionals: [eventsFile],
        groups: [addFields],
        about: """
            Appends one event to the events file EVENTS (a CSV file with a header naming at least
            "date" and "title"), giving it the next id: one more than the largest numeric id, or the
            number of events plus one. The new row follows the file's own column order, delimiter
            and line ending; columns MarketLink does not know are left empty; every existing byte
            stays as it was. A file without an "id" column gets no id (an event's id is then its row
            number). A file that does not exist yet is created with the header
            id,date,title,tags,score,source (and time,timezone after date when --time is given).
            """,
        examples: [#"mlink events add events.csv --date 2023-06-18 --title "Blinken arrives in Beijing" --tag diplomacy"#],
        notes: """
            The file is read and the new row checked first; then, under a lock, the row is appended
            when the file is unchanged since it was read (otherwise the add is redone and the file
            replaced atomically).
            Exit codes: 0 added, 1 the file cannot be read (file:line:column: error: ...), 64 bad usage.
            """,
        positionalsFirst: true,
        extraHint: "quote a title that has spaces",
        run: runAdd)

    static func runAdd(_ arguments: inout Arguments) throws -> Int32 {
        var date = try arguments.value(EventFieldOptions.date(required: true))
        // A phrase ("yesterday", "last Tuesday", "last December") counts from today, as a news
        // sentence written today would; the file gets the date it names.
        var readAs: String?
        if let written = date, !Self.startsLikeISO(written.trimmingCharacters(in: .whitespaces)) {
            let today = Self.today()
            if let (resolved, _) = try DatePhraseReader.eventDate(written, today: today) {
                date = resolved
                readAs = "read --date \(quoted(written)) as \(resolved) (today is \(today.iso), \(today.weekdayName))"
            }
        }
        let title = try arguments.value(EventFieldOptions.title(required: true))
        let draft = EventDraft(
            date: date ?? "", title: title ?? "", time: try arguments.value(EventFieldOptions.time),
            timeZone: try arguments.value(EventFieldOptions.timeZone), tags: arguments.values(EventFieldOptions.tag),
            score: try arguments.value(EventFieldOptions.score), source: try arguments.value(EventFieldOptions.source))
        let path = try onePath(&arguments)
        guard date != nil else { throw UsageError(message: "--date is required") }
        guard title != nil else { throw UsageError(message: "--title is required") }
        _ = try draft.validated()
        let timed = !(draft.time ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        let edit = try EventLogFile.add(draft, to: path, newFileColumns: EventLogFile.defaultColumns(timed: timed), options: Terminal.eventLogOptions)
        if let readAs { Terminal.error("mlink events add: \(readAs)\n") }
        Terminal.write("\(path): added event \(edit.event.id) (\(describe(edit.event)))\n")
        return 0
    }

    /// `2023-…`: a date as the events file writes it (checked, with its own messages, by the loader).
    static func startsLikeISO(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(5))
        return bytes.count == 5 && bytes[4] == UInt8(ascii: "-") && bytes[0..<4].allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Today's date where mlink runs (the local calendar date).
    static func today() -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }

    // MARK: list

    static let listTag = OptionSpec.value(
        "--tag", "T", .text, repeatable: true, help: "only events with this tag (ignoring case); repeat it for any of several")
    static let listFrom = OptionSpec.value("--from", "DATE", .date, help: "only events dated on or after DATE (YYYY-MM-DD)")
    static let listTo = OptionSpec.value("--to", "DATE", .date, help: "only events dated on or before DATE (YYYY-MM-DD)")
    static let listOutput = OutputOptions.Spec.formats(OutputFormat.reports)

    static let list = CommandSpec(
        path: ["events", "list"],
        summary: "list the events of an events file, filtered by tag and date",
        positionals: [eventsFile],
        groups: [OptionGroup(title: "options", options: [listTag, listFrom, listTo]), listOutput.group],
        about: """
            Prints the events in date order (events on the same date in file order): id, date, local
            time and zone for timed events, weekday, title, tags and score.
            """,
        notes: """
            CSV carries every field (also instant_utc, source and columns MarketLink does not know);
            text cells that a spreadsheet would run as a formula get a leading '.
            Exit codes: 0 success, 1 the file cannot be read (file:line:column: error: ...), 64 bad usage.
            """,
        positionalsFirst: true,
        run: runList)

    static func runList(_ arguments: inout Arguments) throws -> Int32 {
        let tags = arguments.values(listTag).flatMap { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } }
        let from = try day(try arguments.value(listFrom), option: listFrom.name)
        let to = try day(try arguments.value(listTo), option: listTo.name)
        let out = try OutputOptions(&arguments, listOutput, command: "events list")
        let path = try onePath(&arguments)
        if let from, let to, to < from { throw UsageError(message: "--to \(to.iso) is before --from \(from.iso)") }
        let log = try EventLog.load(path: path)
        let filter = EventFilter(tags: tags.filter { !$0.isEmpty }, from: from, to: to)
        switch out.format {
        case .table, .csv:
            // Streamed from the file's bytes: no event is made for a plain row.
            let writer = try openOutput(out.path, inputs: [path])
            if out.format == .csv {
                try EventListing.writeCSV(log, matching: filter) { try writer.write($0) }
            } else {
                try EventListing.writeTable(log, matching: filter) { try writer.write($0) }
            }
            try writer.commit()
        case .json: try out.write(EventListing.json(log.events(matching: filter)), inputs: [path])
        case .html: throw InternalError(message: "events list offers no HTML format (use mlink report)")
        case .md: try out.write(EventListing.markdown(log.events(matching: filter)), inputs: [path])
        }
        return 0
    }

    // MARK: edit

    static let eventID = PositionalSpec(name: "ID", kind: .eventID, count: .one, help: "the id of the event", missing: "name the event id")
    static let editFields = EventFieldOptions.group(forNewEvent: false)

    static let edit = CommandSpec(
        path: ["events", "edit"],
        summary: "change fields of one event, leaving the rest of the file as it was",
        positionals: [eventsFileAndID, eventID],
        groups: [editFields],
        about: """
            Rewrites only the cells of event ID that the options set to a new value; every other
            row, cell, quote and line ending stays byte for byte. An empty value ("") clears an
            optional field; --tag replaces the event's tags (--tag "" removes them). A field whose
            column the file lacks cannot be set: add the column to the header first.
            """,
        notes: """
            The file is locked while it is read and rewritten, and replaced atomically.
            Exit codes: 0 success, 1 the file cannot be read (file:line:column: error: ...), 64 bad usage
            (including an unknown ID).
            """,
        positionalsFirst: true,
        run: runEdit)

    /// EVENTS where an ID follows it.
    static let eventsFileAndID = PositionalSpec(
        name: "EVENTS", kind: .inputFile(extensions: ["csv"]), count: .one, help: "the events file (CSV with a header)",
        missing: "name the events file and the event id")

    static func runEdit(_ arguments: inout Arguments) throws -> Int32 {
        let tags = arguments.values(EventFieldOptions.tag)
        let changes = EventChanges(
            title: try arguments.value(EventFieldOptions.title(required: false)), date: try arguments.value(EventFieldOptions.date(required: false)),
            time: try arguments.value(EventFieldOptions.time), timeZone: try arguments.value(EventFieldOptions.timeZone),
            tags: tags.isEmpty ? nil : tags, score: try arguments.value(EventFieldOptions.score),
            source: try arguments.value(EventFieldOptions.source))
        let (path, id) = try pathAndID(&arguments)
        guard !changes.isEmpty else {
            throw UsageError(message: "nothing to change: give at least one of --title, --date, --tag, --score, --source, --time, --timezone")
        }
        let edit = try EventLogFile.update(path: path, options: Terminal.eventLogOptions) { log throws(MarketLinkError) in try log.editing(id: id, changes) }
        if edit.changedColumns.isEmpty {
            Terminal.write("\(path): event \(edit.event.id) unchanged (it already has these values)\n")
        } else {
            Terminal.write("\(path): changed \(edit.changedColumns.joined(separator: ", ")) of event \(edit.event.id) (\(describe(edit.event)))\n")
        }
        return 0
    }

    // MARK: remove

    static let remove = CommandSpec(
        path: ["events", "remove"],
        summary: "remove one event, leaving the rest of the file as it was",
        positionals: [eventsFileAndID, eventID],
        groups: [],
        about: """
            Removes the row of event ID and its line ending; every other byte of the file stays as
            it was. In a file without an "id" column, ids are row numbers, so the events after the
            removed one move up by one.
            """,
        notes: """
            The file is locked while it is read and rewritten, and replaced atomically.
            Exit codes: 0 success, 1 the file cannot be read (file:line:column: error: ...), 64 bad usage
            (including an unknown ID).
            """,
        positionalsFirst: true,
        run: runRemove)

    static func runRemove(_ arguments: inout Arguments) throws -> Int32 {
        let (path, id) = try pathAndID(&arguments)
        let edit = try EventLogFile.update(path: path, options: Terminal.eventLogOptions) { log throws(MarketLinkError) in try log.removing(id: id) }
        Terminal.write("\(path): removed event \(edit.event.id) (\(describe(edit.event)))\n")
        return 0
    }

    // MARK: Helpers

    /// The one positional argument, EVENTS (its presence checked against the declaration).
    static func onePath(_ arguments: inout Arguments) throws -> String {
        guard let path = try arguments.positionals().first else { throw UsageError(message: eventsFile.missing) }
        return path
    }

    /// EVENTS and ID.
    static func pathAndID(_ arguments: inout Arguments) throws -> (String, String) {
        let positionals = try arguments.positionals()
        guard positionals.count == 2 else { throw UsageError(message: eventsFileAndID.missing) }
        return (positionals[0], positionals[1])
    }

    static func day(_ text: String?, option: String) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else { throw UsageError(message: "\(option) takes a date YYYY-MM-DD, not \(quoted(text))") }
        return day
    }

    /// `2023-06-07 Wednesday 17:00 America/New_York: "Title"`, one line.
    static func describe(_ event: Event) -> String {
        var text = event.hasDay ? "\(event.date.iso) \(event.date.weekdayName)" : "\(event.dateText) (a month)"
        if let time = event.time { text += " \(time)" + (event.timeZone.map { " \($0)" } ?? "") }
        return text + ": \"" + DisplayWidth.truncated(TerminalText.escaped(event.title), toColumns: 80) + "\""
    }
}
