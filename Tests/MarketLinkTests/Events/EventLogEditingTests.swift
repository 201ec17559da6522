import Foundation
import Testing

@testable import MarketLink
@testable import mlink

/// Byte-preserving edits, checked on the bytes: every expected output below is written out by hand
/// from the input and the rule (append in the file's column order, delimiter and line ending; quote
/// only when needed; rewrite only changed cells; remove exactly the row and its line ending).
@Suite struct EventLogEditingTests {
    typealias Support = EventsTestSupport

    static let draft = EventDraft(date: "2023-06-19", title: "Blinken meets Xi Jinping in Beijing", tags: ["diplomacy", "visit"])

    struct Sample: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var testDescription: String { name }
    }

    /// Files of every shape a user may keep.
    static let samples: [Sample] = [
        Sample(name: "LF", text: "id,date,title,tags\n1,2023-06-06,a,x\n2,2023-06-07,b,\n"),
        Sample(
            name: "CRLF with an extra user column and quoted titles",
            text:
                "ID,Date,Title,Analyst note,Tags\r\n1,2023-06-06,\"Saudi Arabia and Iran agree, in Beijing, to restore relations\",\"see \"\"memo\"\"\",diplomacy\r\n2, 2023-06-07 ,\"G7 statement on \"\"de-risking\"\"\",  spaced  ,g7;trade\r\n"
        ),
        Sample(name: "no final newline", text: "id,date,title,tags\n1,2023-06-06,a,x\n2,2023-06-07,b,"),
        Sample(name: "blank lines at the end", text: "id,date,title,tags\n1,2023-06-06,a,x\n\n\n"),
        Sample(name: "CR line endings", text: "id,date,title,tags\r1,2023-06-06,a,x\r"),
        Sample(name: "byte-order mark", text: "\u{FEFF}id,date,title,tags\n1,2023-06-06,a,x\n"),
        Sample(name: "semicolons", text: "id;date;title;tags\n1;2023-06-06;a, b;\"x;y\"\n"),
        Sample(name: "tabs", text: "id\tdate\ttitle\ttags\n1\t2023-06-06\ta\tx\n"),
        Sample(name: "header only", text: "date,title,tags,id\n"),
        Sample(name: "header only, no newline", text: "date,title,tags,id"),
        Sample(name: "no id column", text: "date,title,tags\n2023-06-06,a,\n"),
        Sample(name: "multi-line title last without newline", text: "id,date,title,tags\n1,2023-06-06,\"two\r\nlines\",x"),
        Sample(name: "all fields quoted", text: "\"id\",\"date\",\"title\",\"tags\"\n\"1\",\"2023-06-06\",\"a\",\"x\"\n"),
    ]

    // MARK: Add then remove

    @Test(arguments: samples)
    func addThenRemoveLeavesTheFileByteIdentical(_ sample: Sample) throws {
        let log = try Support.log(sample.text)
        let added = try log.adding(Self.draft)
        #expect(added.log.events.count == log.events.count + 1)
        #expect(added.event.title == Self.draft.title)
        #expect(added.event.tags == ["diplomacy", "visit"])
        // Everything before the new row is the old file (up to a line ending the file lacked).
        #expect(added.log.contents.starts(with: log.contents))
        let removed = try added.log.removing(id: added.event.id)
        #expect(removed.log.contents == log.contents)
        #expect(removed.event == added.event)
    }

    // MARK: Add

    @Test func addUsesTheFilesColumnOrderDelimiterAndLineEnding() throws {
        let text = "ID,Date,Title,Analyst note,Tags\r\n1,2023-06-06,\"Quoted, title\",note,diplomacy\r\n"
        let added = try Support.log(text).adding(
            EventDraft(date: "2023-06-19", title: "Blinken meets Xi, in Beijing", tags: ["diplomacy;visit"]))
        #expect(Support.text(added.log) == text + "2,2023-06-19,\"Blinken meets Xi, in Beijing\",,diplomacy;visit\r\n")
        #expect(added.event.id == "2")
        #expect(added.changedColumns == ["ID", "Date", "Title", "Tags"])
    }

    @Test func addToAFileWithoutAFinalNewlinePutsTheLineEndingFirst() throws {
        let text = "id,date,title\r\n1,2023-06-06,a"
        let added = try Support.log(text).adding(EventDraft(date: "2023-06-07", title: "b"))
        #expect(Support.text(added.log) == "id,date,title\r\n1,2023-06-06,a\r\n2,2023-06-07,b")
    }

    @Test func addToAFileWithoutAnIDColumnWritesNoID() throws {
        let text = "date,title,source\n2023-06-06,a,CNN\n"
        let added = try Support.log(text).adding(EventDraft(date: "2023-06-07", title: "b"))
        #expect(Support.text(added.log) == text + "2023-06-07,b,\n")
        #expect(added.event.id == "2")
    }

    @Test func addWithTimeAndZone() throws {
        let text = "id,date,time,timezone,title\n"
        let added = try Support.log(text).adding(
            EventDraft(date: "2023-06-07", title: "after the close", time: "17:00", timeZone: "America/New_York"))
        #expect(Support.text(added.log) == text + "1,2023-06-07,17:00,America/New_York,after the close\n")
        // 2023-06-07 17:00 EDT = 21:00Z (Derivations/EventInstantsDerivation.swift).
        #expect(added.event.instant == 1_686_171_600)
    }

    @Test(arguments: [
        ("comma", "a, b", "\"a, b\""),
        ("quote", "He said \"hi\"", "\"He said \"\"hi\"\"\""),
        ("line break", "two\nlines", "\"two\nlines\""),
        ("plain", "Blinken's trip", "Blinken's trip"),
        ("non-ASCII", "习近平 meets Blinken — “thaw”", "习近平 meets Blinken — “thaw”"),
    ])
    func addQuotesATitleOnlyWhenItMust(name: String, title: String, written: String) throws {
        let added = try Support.log("id,date,title\n").adding(EventDraft(date: "2023-06-07", title: title))
        #expect(Support.text(added.log) == "id,date,title\n1,2023-06-07,\(written)\n")
        #expect(added.event.title == title)
    }

    @Test func tagsAreQuotedInASemicolonFile() throws {
        let added = try Support.log("id;date;title;tags\n").adding(EventDraft(date: "2023-06-07", title: "a", tags: ["x", "y"]))
        #expect(Support.text(added.log) == "id;date;title;tags\n1;2023-06-07;a;\"x;y\"\n")
    }

    @Test(arguments: [
        ("numeric ids", ["1", "2", "10"], "11"),
        ("leading zeros", ["007"], "8"),
        ("no numeric id: count + 1", ["a", "b"], "3"),
        ("mixed", ["a", "5"], "6"),
        ("too long to be a number", ["1234567890123456789012"], "2"),
    ])
    func nextID(name: String, ids: [String], expected: String) throws {
        let rows = ids.enumerated().map { "\($0.element),2023-06-0\($0.offset + 1),t" }
        let log = try Support.log("id,date,title\n" + rows.joined(separator: "\n") + "\n")
        #expect(try log.adding(EventDraft(date: "2023-06-19", title: "t")).event.id == expected)
    }

    @Test func emptyIDCellsCountAsTheirRowNumbers() throws {
        // Row 3 has no id: it is event "3", so the next id is 4, not 3.
        let log = try Support.log("id,date,title\n1,2023-06-06,a\n2,2023-06-07,b\n,2023-06-08,c\n")
        #expect(log.events.map(\.id) == ["1", "2", "3"])
        #expect(try log.adding(EventDraft(date: "2023-06-19", title: "t")).event.id == "4")
    }

    /// A refusal: the typed reason and the library's message (which names no flag), and what
    /// mlink prints for it (`ErrorHints`, which names the flag that fixes it).
    struct RefusalCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var draft: EventDraft
        var reason: MarketLinkError.Reason
        var message: String
        var cli: String
        var testDescription: String { name }
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(
            name: "no tags column", text: "id,date,title\n", draft: EventDraft(date: "2023-06-07", title: "a", tags: ["x"]),
            reason: .columnsMissingForEdit([.tags]),
            message: #"error: the events file has no "tags" column, so the tags cannot be recorded; add the column to its header line first"#,
            cli: #"error: the events file has no "tags" column, so --tag cannot be recorded; add the column to its header line first"#),
        RefusalCase(
            name: "no time columns", text: "id,date,title\n",
            draft: EventDraft(date: "2023-06-07", title: "a", time: "17:00", timeZone: "America/New_York"),
            reason: .columnsMissingForEdit([.time, .timezone]),
            message:
                #"error: the events file has no "time" or "timezone" columns, so the time and the time zone cannot be recorded; add the columns to its header line first, or give the date as an ISO 8601 instant such as 2023-06-07T17:00-04:00"#,
            cli:
                #"error: the events file has no "time" or "timezone" columns, so --time and --timezone cannot be recorded; add the columns to its header line first, or give --date as an ISO 8601 instant such as 2023-06-07T17:00-04:00"#
        ),
        RefusalCase(
            name: "impossible date", text: "id,date,title\n", draft: EventDraft(date: "2023-02-30", title: "a"),
            reason: .invalidEventValue(.date, problem: #""2023-02-30" is not a real date (February 2023 has 28 days)"#),
            message: #"error: date: "2023-02-30" is not a real date (February 2023 has 28 days)"#,
            cli: #"error: --date: "2023-02-30" is not a real date (February 2023 has 28 days)"#),
        RefusalCase(
            name: "time without zone", text: "id,date,time,timezone,title\n", draft: EventDraft(date: "2023-06-07", title: "a", time: "17:00"),
            reason: .timeWithoutZone,
            message: "error: a local time needs a time zone (an IANA name such as America/New_York, or an offset such as +08:00)",
            cli: "error: --time needs --timezone (an IANA name such as America/New_York, or an offset such as +08:00)"),
        RefusalCase(
            name: "unknown zone", text: "id,date,time,timezone,title\n",
            draft: EventDraft(date: "2023-06-07", title: "a", time: "17:00", timeZone: "Beijing"),
            reason: .unknownTimeZone("Beijing", suggestion: nil),
            message: #"error: unknown time zone "Beijing"; use an IANA name such as America/New_York, or an offset such as +08:00"#,
            cli: #"error: --timezone: unknown time zone "Beijing"; use an IANA name such as America/New_York, or an offset such as +08:00"#),
        RefusalCase(
            name: "zone in the wrong case", text: "id,date,time,timezone,title\n",
            draft: EventDraft(date: "2023-06-07", title: "a", time: "17:00", timeZone: "asia/shanghai"),
            reason: .unknownTimeZone("asia/shanghai", suggestion: "Asia/Shanghai"),
            message:
                #"error: unknown time zone "asia/shanghai"; use an IANA name such as America/New_York, or an offset such as +08:00 (did you mean "Asia/Shanghai"?)"#,
            cli:
                #"error: --timezone: unknown time zone "asia/shanghai"; use an IANA name such as America/New_York, or an offset such as +08:00 (did you mean "Asia/Shanghai"?)"#
        ),
        RefusalCase(
            name: "bad score", text: "id,date,title,score\n", draft: EventDraft(date: "2023-06-07", title: "a", score: "thaw"),
            reason: .invalidEventValue(.score, problem: #"cannot read "thaw" as a number in column "score" (write e.g. -0.5 or 1)"#),
            message: #"error: score: cannot read "thaw" as a number in column "score" (write e.g. -0.5 or 1)"#,
            cli: #"error: --score: cannot read "thaw" as a number in column "score" (write e.g. -0.5 or 1)"#),
        RefusalCase(
            name: "empty title", text: "id,date,title\n", draft: EventDraft(date: "2023-06-07", title: " "),
            reason: .invalidEventValue(.title, problem: "the title is empty; every event needs one"),
            message: "error: title: the title is empty; every event needs one",
            cli: "error: --title: the title is empty; every event needs one"),
    ]

    @Test(arguments: refusals)
    func addRefusesWhatTheFileCannotHold(_ sample: RefusalCase) throws {
        let log = try Support.log(sample.text)
        do throws(MarketLinkError) {
            _ = try log.adding(sample.draft)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.reason == sample.reason)
            #expect(error.description == sample.message)
            #expect(ErrorHints.description(error) == sample.cli)
            #expect(error.kind == .usage)
        }
    }

    // MARK: Edit

    static let editable =
        "ID,Date,Title,Analyst note,Tags,Score\r\n1,2023-06-06,\"Quoted, title\",\"see \"\"memo\"\"\",diplomacy,0.5\r\n2, 2023-06-07 ,plain title,  spaced  ,g7;trade,-0.4\r\n3,2023-06-08,last,,,\r\n"

    @Test func editRewritesOnlyTheChangedCells() throws {
        let log = try Support.log(Self.editable)
        let edit = try log.editing(id: "2", EventChanges(title: "New, \"quoted\" title", tags: ["g7"], score: "-0.4"))
        // Title and tags change; the score is the same text, so its cell is left alone; the
        // padded date and the user's note keep their bytes.
        let expected =
            "ID,Date,Title,Analyst note,Tags,Score\r\n1,2023-06-06,\"Quoted, title\",\"see \"\"memo\"\"\",diplomacy,0.5\r\n2, 2023-06-07 ,\"New, \"\"quoted\"\" title\",  spaced  ,g7,-0.4\r\n3,2023-06-08,last,,,\r\n"
        #expect(Support.text(edit.log) == expected)
        #expect(edit.changedColumns == ["Title", "Tags"])
        #expect(edit.event.title == "New, \"quoted\" title")
        #expect(edit.event.extraFields == [Event.Field(name: "Analyst note", value: "  spaced  ")])
    }

    @Test func aQuotedCellStaysQuoted() throws {
        let edit = try Support.log(Self.editable).editing(id: "1", EventChanges(title: "Unquoted would do"))
        #expect(Support.text(edit.log) == Self.editable.replacingOccurrences(of: "\"Quoted, title\"", with: "\"Unquoted would do\""))
    }

    @Test func editClearsAndSetsOptionalCells() throws {
        let edit = try Support.log(Self.editable).editing(id: "3", EventChanges(tags: ["sanctions", "tech"], score: "1"))
        #expect(Support.text(edit.log) == Self.editable.replacingOccurrences(of: "3,2023-06-08,last,,,", with: "3,2023-06-08,last,,sanctions;tech,1"))
        let cleared = try edit.log.editing(id: "3", EventChanges(tags: [], score: ""))
        #expect(cleared.log.contents == Array(Self.editable.utf8))
    }

    @Test func sameValuesChangeNothing() throws {
        let log = try Support.log(Self.editable)
        let edit = try log.editing(id: "2", EventChanges(title: "plain title", date: "2023-06-07", tags: ["g7", "trade"]))
        #expect(edit.changedColumns.isEmpty)
        #expect(edit.log.contents == log.contents)
    }

    @Test func editExtendsAShortRow() throws {
        let text = "id,date,title,source,score\n1,2023-06-06,a\n"
        let edit = try Support.log(text).editing(id: "1", EventChanges(score: "0.5"))
        #expect(Support.text(edit.log) == "id,date,title,source,score\n1,2023-06-06,a,,0.5\n")
    }

    @Test func editTheDateOfATimedEvent() throws {
        let text = "id,date,time,timezone,title\n1,2023-03-10,16:30,America/New_York,a\n"
        let edit = try Support.log(text).editing(id: "1", EventChanges(date: "2023-03-13", time: "15:30"))
        #expect(Support.text(edit.log) == "id,date,time,timezone,title\n1,2023-03-13,15:30,America/New_York,a\n")
        // 2023-03-13 15:30 EDT = 19:30Z (Derivations/EventInstantsDerivation.swift).
        #expect(edit.event.instant == 1_678_735_800)
    }

    @Test(arguments: [
        ("unknown id", "9", EventChanges(title: "x"), #"error: no event with id "9" in "events.csv""#),
        ("impossible date", "1", EventChanges(date: "2023-04-31"), #"error: date: "2023-04-31" is not a real date (April 2023 has 30 days)"#),
        ("empty title", "1", EventChanges(title: ""), "error: title: the title is empty; every event needs one"),
        (
            "no such column", "1", EventChanges(source: "CNN"),
            #"error: the events file has no "source" column, so the source cannot be recorded; add the column to its header line first"#
        ),
        (
            "instant beside a time", "3", EventChanges(date: "2023-06-08T10:00+08:00"),
            #"error: after this edit, event "3" would not load: the date "2023-06-08T10:00+08:00" already has a time; leave "time" empty or write the date alone"#
        ),
    ])
    func editRefusals(name: String, id: String, changes: EventChanges, message: String) throws {
        let log = try Support.log("id,date,time,timezone,title\n1,2023-06-06,,,a\n3,2023-06-08,10:00,+08:00,c\n")
        do throws(MarketLinkError) {
            _ = try log.editing(id: id, changes)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description == message)
            #expect(error.kind == .usage)
        }
    }

    // MARK: Remove

    @Test func removeTakesExactlyTheRowAndItsLineEnding() throws {
        let edit = try Support.log(Self.editable).removing(id: "2")
        #expect(
            Support.text(edit.log)
                == "ID,Date,Title,Analyst note,Tags,Score\r\n1,2023-06-06,\"Quoted, title\",\"see \"\"memo\"\"\",diplomacy,0.5\r\n3,2023-06-08,last,,,\r\n"
        )
        #expect(edit.event.id == "2")
    }

    @Test func removeARowWithALineBreakInItsTitle() throws {
        let text = "id,date,title\n1,2023-06-06,\"two\nlines\"\n2,2023-06-07,b\n"
        #expect(Support.text(try Support.log(text).removing(id: "1").log) == "id,date,title\n2,2023-06-07,b\n")
    }

    @Test func removeTheLastRowOfAFileWithoutAFinalNewline() throws {
        let text = "id,date,title\n1,2023-06-06,a\n2,2023-06-07,b"
        #expect(Support.text(try Support.log(text).removing(id: "2").log) == "id,date,title\n1,2023-06-06,a")
        #expect(Support.text(try Support.log(text).removing(id: "1").log) == "id,date,title\n2,2023-06-07,b")
    }

    @Test func removeKeepsBlankLinesAroundTheRow() throws {
        let text = "id,date,title\n\n1,2023-06-06,a\n\n2,2023-06-07,b\n"
        #expect(Support.text(try Support.log(text).removing(id: "1").log) == "id,date,title\n\n\n2,2023-06-07,b\n")
    }

    @Test func removeRefusesWhatWouldNotLoad() throws {
        // Without the middle row, the empty id of the last row becomes row number 2, which row 1 holds.
        let log = try Support.log("id,date,title\n2,2023-06-06,a\nx,2023-06-07,b\n,2023-06-08,c\n")
        do throws(MarketLinkError) {
            _ = try log.removing(id: "x")
            Issue.record("expected a refusal")
        } catch {
            #expect(
                error.description
                    == #"events.csv: error: the edit was not made: the file would not load afterwards: events.csv:3:1: error: this event's id is its row number, 2 (its "id" cell is empty), but the event on line 2 has id "2" too; fill in a unique id"#
            )
        }
    }
}
