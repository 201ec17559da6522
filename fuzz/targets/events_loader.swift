import Foundation

@testable import MarketLink

// Fuzz target: EventLog(bytes:file:) — the events loader — and the byte-preserving edits on top.
//
// Invariants, for any bytes:
// - either an EventLog or a located data error (see `checkError`);
// - a loaded log keeps the bytes as given; its events have non-empty, unique ids and non-empty
//   titles, and lie on increasing lines after the header;
// - adding an event keeps every byte of the file as a prefix (after at most one line ending),
//   keeps every other event as it was, and removing it again gives back the file exactly;
// - removing the first event keeps every other event's date, title and extra cells;
// - setting the first event's title to what it already is changes no byte;
// - the listings (table, CSV, JSON, Markdown) can be made, and no CSV text cell starts with a
//   character a spreadsheet would run as a formula.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let bytes = Array(input)
    let file = "events.csv"
    let log: EventLog
    do {
        log = try EventLog(bytes: bytes, file: file)
    } catch {
        checkError(error, file: file, bytes: input, expectedKind: .data)
        return 0
    }
    require(log.contents == bytes, "contents differ from the bytes read")
    var ids = Set<String>()
    var lastLine = log.headerLine
    for event in log.events {
        require(!event.id.isEmpty && ids.insert(event.id).inserted, "empty or repeated id \(event.id)")
        require(!event.title.isEmpty, "empty title")
        require(event.line > lastLine, "event on line \(event.line) after line \(lastLine)")
        lastLine = event.line
        if let instant = event.instant { require(instant.isFinite, "instant \(instant)") }
        if let score = event.score { require(score.isFinite, "score \(score)") }
    }

    // Add, then remove: every byte comes back.
    let draft = EventDraft(date: "2023-06-19", title: "=fuzz, \"quoted\" title")
    do {
        let added = try log.adding(draft)
        let after = added.log.contents
        require(added.log.events.count == log.events.count + 1, "add did not add one event")
        require(Array(added.log.events.dropLast()) == log.events, "add changed another event")
        let keptPrefix = after.starts(with: bytes)
        require(keptPrefix, "add changed existing bytes")
        let removed = try added.log.removing(id: added.event.id)
        require(removed.log.contents == bytes, "add then remove did not restore the file")
    } catch {
        require(false, "add or remove failed on a file that loads: \(error)")
    }

    if let first = log.events.first {
        do {
            let removed = try log.removing(id: first.id)
            let rest = removed.log.events
            require(rest.count == log.events.count - 1, "remove did not remove one event")
            for (a, b) in zip(rest, log.events.dropFirst()) {
                require(a.date == b.date && a.title == b.title && a.extraFields == b.extraFields && a.instant == b.instant,
                    "remove changed another event")
            }
        } catch {
            // An empty id cell stands for the row number, which moves when an earlier row goes and
            // may then clash with a written id: the edit is refused and nothing changes (by design,
            // see EventLog+Editing). Written ids never move, so a clash can have no other cause.
            // Any other refusal is a bug.
            let clash = error.message.contains("this event's id is its row number") || error.message.contains(": error: duplicate id ")
            require(error.message.hasPrefix("the edit was not made: the file would not load afterwards") && clash,
                "remove failed on a file that loads: \(error)")
        }
        do {
            let same = try log.editing(id: first.id, EventChanges(title: first.title))
            require(same.log.contents == bytes, "editing a title to itself changed bytes")
        } catch {
            require(false, "editing a title to itself failed on a file that loads: \(error)")
        }
    }

    _ = EventListing.table(log.events)
    _ = EventListing.markdown(log.events)
    _ = EventListing.json(log.events)
    let csv = Array(EventListing.csv(log.events, extraColumns: log.extraColumns).utf8)
    csv.withUnsafeBufferPointer { buffer in
        var tokenizer = CSVTokenizer(bytes: buffer, delimiter: 44, file: "list.csv")
        var fields: [CSVField] = []
        var rows = 0
        do {
            while try tokenizer.nextRow(into: &fields) {
                rows += 1
                guard rows > 1 else { continue }
                for (k, field) in fields.enumerated() where k != 8 {  // column 9 is the score, a number
                    let cell = tokenizer.unescaped(field)
                    if let first = cell.first {
                        require(![61, 43, 45, 64, 9, 13].contains(first), "CSV cell \(k) starts with a formula character")
                    }
                }
            }
        } catch {
            require(false, "the CSV listing does not tokenize: \(error)")
        }
        require(rows == log.events.count + 1, "the CSV listing has \(rows) rows for \(log.events.count) events")
    }
    return 0
}
