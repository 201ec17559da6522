import Foundation
import Testing

@testable import MarketLink

/// Loading events files: columns, date and time forms, instants, and every located error.
/// Expected instants come from Python's zoneinfo: Derivations/event_instants.py (output beside it).
@Suite struct EventLogLoadingTests {
    // MARK: Columns

    @Test func columnsInAnyOrderAndCaseWithUnknownColumnsKept() throws {
        let log = try EventsTestSupport.log(
            """
            Title,SOURCE, Date ,Notes, Tags ,score,ID
            "Blinken, in Riyadh",Reuters,2023-06-08," kept ""as is"" ",diplomacy; middle-east ;,0.25,b-7

            """)
        let event = try #require(log.events.first)
        #expect(log.columns == ["Title", "SOURCE", "Date", "Notes", "Tags", "score", "ID"])
        #expect(log.extraColumns == ["Notes"])
        #expect(event.id == "b-7")
        #expect(event.title == "Blinken, in Riyadh")
        #expect(event.date == Day(year: 2023, month: 6, day: 8))
        #expect(event.source == "Reuters")
        #expect(event.tags == ["diplomacy", "middle-east"])
        #expect(event.score == 0.25)
        #expect(event.instant == nil)
        #expect(event.line == 2)
        // Quotes undone, inner spaces and doubled quotes kept verbatim.
        #expect(event.extraFields == [Event.Field(name: "Notes", value: " kept \"as is\" ")])
    }

    @Test func withoutAnIDColumnEachEventIsItsRowNumber() throws {
        let log = try EventsTestSupport.log("date,title\n2023-06-06,a\n\n,\n2023-06-07,b\n2023-06-08,c")
        // The empty line and the all-blank row are not events and do not count.
        #expect(log.events.map(\.id) == ["1", "2", "3"])
        #expect(log.events.map(\.line) == [2, 5, 6])
        #expect(!log.hasIDColumn)
    }

    @Test(arguments: [
        ("semicolon", "date;title;tags\n2023-06-06;a, b;\"x;y\"\n", UInt8(ascii: ";")),
        ("tab", "date\ttitle\ttags\n2023-06-06\ta, b\tx;y\n", UInt8(9)),
        ("comma with semicolon tags", "date,title,tags\n2023-06-06,\"a, b\",x;y\n", UInt8(ascii: ",")),
    ])
    func delimiterIsTheOneThatNamesDateAndTitle(name: String, text: String, delimiter: UInt8) throws {
        let log = try EventsTestSupport.log(text)
        #expect(log.delimiter == delimiter)
        #expect(log.events.first?.title == "a, b")
        #expect(log.events.first?.tags == ["x", "y"])
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let log = try EventsTestSupport.log("\u{FEFF}id,date,title\r\n1,2023-06-06,a\r\n")
        #expect(log.columns == ["id", "date", "title"])
        #expect(log.lineEnding == [13, 10])
        #expect(log.events.map(\.title) == ["a"])
    }

    // MARK: Dates, times and instants

    struct TimingCase: Sendable, CustomTestStringConvertible {
        var name: String
        var header: String
        var row: String
        var date: String
        var instant: Double?
        var time: String?
        var zone: String?
        var testDescription: String { name }
    }

    /// Instants from Derivations/event_instants.txt (Python zoneinfo).
    static let timingCases: [TimingCase] = [
        TimingCase(name: "date only", header: "date,title", row: "2023-06-06,x", date: "2023-06-06", instant: nil, time: nil, zone: nil),
        TimingCase(
            name: "instant with offset", header: "date,title", row: "2023-06-06T15:30-04:00,x", date: "2023-06-06", instant: 1_686_079_800,
            time: "15:30", zone: "-04:00"),
        TimingCase(
            name: "late evening keeps the local date", header: "date,title", row: "2023-06-06T22:30-04:00,x", date: "2023-06-06",
            instant: 1_686_105_000, time: "22:30", zone: "-04:00"),
        TimingCase(
            name: "Z", header: "date,title", row: "2023-06-06T07:30Z,x", date: "2023-06-06", instant: 1_686_036_600, time: "07:30",
            zone: "UTC"),
        TimingCase(
            name: "seconds and fraction", header: "date,title", row: "2023-06-06T15:30:45.250Z,x", date: "2023-06-06",
            instant: 1_686_065_445.25, time: "15:30:45.250", zone: "UTC"),
        TimingCase(
            name: "offset without colon", header: "date,title", row: "2023-06-06T15:30+0530,x", date: "2023-06-06", instant: 1_686_045_600,
            time: "15:30", zone: "+05:30"),
        TimingCase(
            name: "time and IANA zone", header: "date,time,timezone,title", row: "2023-06-06,15:30,Asia/Shanghai,x", date: "2023-06-06",
            instant: 1_686_036_600, time: "15:30", zone: "Asia/Shanghai"),
        TimingCase(
            name: "time and offset zone", header: "date,time,timezone,title", row: "2023-06-09,9:30,+08:00,x", date: "2023-06-09",
            instant: 1_686_274_200, time: "09:30", zone: "+08:00"),
        TimingCase(
            name: "local instant with zone column", header: "date,timezone,title", row: "2023-06-06T15:30,America/New_York,x",
            date: "2023-06-06", instant: 1_686_079_800, time: "15:30", zone: "America/New_York"),
        TimingCase(
            name: "offset agreeing with zone column", header: "date,timezone,title", row: "2023-06-06T15:30-04:00,America/New_York,x",
            date: "2023-06-06", instant: 1_686_079_800, time: "15:30", zone: "America/New_York"),
        TimingCase(
            name: "EST before the change", header: "date,time,timezone,title", row: "2023-03-12,01:59,America/New_York,x",
            date: "2023-03-12", instant: 1_678_604_340, time: "01:59", zone: "America/New_York"),
        TimingCase(
            name: "EDT after the change", header: "date,time,timezone,title", row: "2023-03-12,03:00,America/New_York,x",
            date: "2023-03-12", instant: 1_678_604_400, time: "03:00", zone: "America/New_York"),
        TimingCase(
            name: "repeated hour takes the first (EDT)", header: "date,time,timezone,title", row: "2023-11-05,01:30,America/New_York,x",
            date: "2023-11-05", instant: 1_699_162_200, time: "01:30", zone: "America/New_York"),
        TimingCase(
            name: "zone on a date-only row is ignored", header: "date,time,timezone,title", row: "2023-06-06,,Asia/Shanghai,x",
            date: "2023-06-06", instant: nil, time: nil, zone: nil),
    ]

    @Test(arguments: timingCases)
    func datesTimesAndInstants(_ sample: TimingCase) throws {
        let event = try #require(try EventsTestSupport.log(sample.header + "\n" + sample.row + "\n").events.first)
        #expect(event.date.iso == sample.date)
        #expect(event.instant == sample.instant)
        #expect(event.time == sample.time)
        #expect(event.timeZone == sample.zone)
        #expect(event.isTimed == (sample.instant != nil))
    }

    @Test(arguments: [
        ("-0.5", -0.5), ("+1", 1.0), ("\u{2212}0.25", -0.25), ("1e-1", 0.1), (" 0.75 ", 0.75), (".5", 0.5), ("3.", 3.0),
    ])
    func scores(text: String, value: Double) throws {
        let event = try #require(try EventsTestSupport.log("date,title,score\n2023-06-06,x,\"\(text)\"\n").events.first)
        #expect(event.score == value)
    }

    @Test func emptyScoreAndSourceAreNone() throws {
        let event = try #require(try EventsTestSupport.log("date,title,score,source\n2023-06-06,x,,  \n").events.first)
        #expect(event.score == nil)
        #expect(event.source == nil)
    }

    // MARK: Errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        /// `file:line:column: error: message`.
        var expected: String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            name: "empty file", text: "",
            expected: #"e.csv:1:1: error: the file is empty: an events file needs a header line naming at least "date" and "title""#),
        ErrorCase(
            name: "no date column", text: "id,when,title\n1,2023-06-06,x\n",
            expected:
                #"e.csv:1:1: error: the header has no "date" column (found "id", "when", "title"); the first line of an events file names its columns, with at least "date" and "title""#
        ),
        ErrorCase(
            name: "no header at all", text: "2023-06-06,Blinken visits\n",
            expected:
                #"e.csv:1:1: error: the header has no "date" or "title" column (found "2023-06-06", "Blinken visits"); the first line of an events file names its columns, with at least "date" and "title""#
        ),
        ErrorCase(
            name: "known column twice", text: "date,title,Date\n",
            expected: #"e.csv:1:12: error: the column "date" appears twice in the header (fields 1 and 3)"#),
        ErrorCase(
            name: "empty date", text: "date,title\n,x\n",
            expected:
                "e.csv:2:1: error: the date is empty; every event needs one: write YYYY-MM-DD, or an ISO 8601 instant such as 2023-06-06T15:30-04:00"),
        ErrorCase(
            name: "unreadable date", text: "id,title,date\n1,x,06/06/2023\n",
            expected:
                #"e.csv:2:5: error: cannot read "06/06/2023" as a date; write YYYY-MM-DD, or an ISO 8601 instant such as 2023-06-06T15:30-04:00"#),
        ErrorCase(
            name: "February 30", text: "date,title\n2023-02-30,x\n",
            expected: #"e.csv:2:1: error: "2023-02-30" is not a real date (February 2023 has 28 days)"#),
        ErrorCase(
            name: "February 30 in a leap year", text: "date,title\n2024-02-30T10:00Z,x\n",
            expected: #"e.csv:2:1: error: "2024-02-30" is not a real date (February 2024 has 29 days)"#),
        ErrorCase(
            name: "month 13", text: "date,title\n2023-13-01,x\n",
            expected: #"e.csv:2:1: error: "2023-13-01" is not a real date (there is no month 13)"#),
        ErrorCase(
            name: "year 0", text: "date,title\n0000-01-01,x\n",
            expected: #"e.csv:2:1: error: "0000-01-01" is not a real date (years run from 0001 to 9999)"#),
        ErrorCase(
            name: "unreadable time in the date", text: "date,title\n2023-06-06T1530Z,x\n",
            expected: #"e.csv:2:1: error: cannot read the time in "2023-06-06T1530Z"; write HH:MM or HH:MM:SS, 24-hour, e.g. 2023-06-06T15:30-04:00"#),
        ErrorCase(
            name: "unreadable offset", text: "date,title\n2023-06-06T15:30+25:00,x\n",
            expected: #"e.csv:2:1: error: cannot read the offset "+25:00" in "2023-06-06T15:30+25:00"; write Z or an offset such as -04:00 or +08:00"#
        ),
        ErrorCase(
            name: "local date-time with no zone", text: "date,title\n2023-06-06T15:30,x\n",
            expected:
                #"e.csv:2:1: error: the date "2023-06-06T15:30" has a time but no offset: add Z or an offset such as -04:00, or add a "timezone" column"#
        ),
        ErrorCase(
            name: "unknown zone", text: "date,time,timezone,title\n2023-06-06,10:00,Mars/Olympus,x\n",
            expected: #"e.csv:2:18: error: unknown time zone "Mars/Olympus"; use an IANA name such as America/New_York, or an offset such as +08:00"#),
        ErrorCase(
            name: "zone in the wrong case", text: "date,time,timezone,title\n2023-06-06,10:00,America/new_york,x\n",
            expected:
                #"e.csv:2:18: error: unknown time zone "America/new_york"; use an IANA name such as America/New_York, or an offset such as +08:00 (did you mean "America/New_York"?)"#
        ),
        ErrorCase(
            name: "unknown zone on a date-only row", text: "date,timezone,title\n2023-06-06,Eastern,x\n",
            expected: #"e.csv:2:12: error: unknown time zone "Eastern"; use an IANA name such as America/New_York, or an offset such as +08:00"#),
        ErrorCase(
            name: "hour 25", text: "date,time,timezone,title\n2023-06-06,25:00,UTC,x\n",
            expected: #"e.csv:2:12: error: cannot read "25:00" as a time; write HH:MM, 24-hour (00:00 to 23:59)"#),
        ErrorCase(
            name: "time as 5pm", text: "date,time,timezone,title\n2023-06-06,5pm,UTC,x\n",
            expected: #"e.csv:2:12: error: cannot read "5pm" as a time; write HH:MM, 24-hour (00:00 to 23:59)"#),
        ErrorCase(
            name: "time without a timezone column", text: "date,time,title\n2023-06-06,10:00,x\n",
            expected:
                #"e.csv:2:12: error: the time "10:00" has no time zone: add a "timezone" column (an IANA name such as America/New_York, or an offset such as +08:00)"#
        ),
        ErrorCase(
            name: "time with an empty timezone cell", text: "date,time,timezone,title\n2023-06-06,10:00,,x\n",
            expected:
                #"e.csv:2:12: error: the time "10:00" has no time zone: fill the "timezone" cell (an IANA name such as America/New_York, or an offset such as +08:00)"#
        ),
        ErrorCase(
            name: "time twice", text: "date,time,timezone,title\n2023-06-06T10:00Z,10:00,,x\n",
            expected: #"e.csv:2:19: error: the date "2023-06-06T10:00Z" already has a time; leave "time" empty or write the date alone"#),
        ErrorCase(
            name: "zone disagrees with the offset", text: "date,timezone,title\n2023-06-06T15:30-05:00,America/New_York,x\n",
            expected:
                #"e.csv:2:24: error: the time zone "America/New_York" is -04:00 at that moment, but the date "2023-06-06T15:30-05:00" says -05:00"#),
        ErrorCase(
            name: "time skipped by daylight saving", text: "date,time,timezone,title\n2023-03-12,02:30,America/New_York,x\n",
            expected: "e.csv:2:12: error: 02:30 on 2023-03-12 does not exist in America/New_York: the clocks jumped forward over it that day"),
        ErrorCase(
            name: "unreadable score", text: "date,title,score\n2023-06-06,x,high\n",
            expected: #"e.csv:2:14: error: cannot read "high" as a number in column "score" (write e.g. -0.5 or 1)"#),
        ErrorCase(
            name: "score with a decimal comma", text: "date,title,score\n2023-06-06,x,\"0,5\"\n",
            expected: #"e.csv:2:14: error: cannot read "0,5" as a number in column "score" (write e.g. -0.5 or 1)"#),
        ErrorCase(
            name: "score nan", text: "date,title,score\n2023-06-06,x,nan\n",
            expected: #"e.csv:2:14: error: cannot read "nan" as a number in column "score" (write e.g. -0.5 or 1)"#),
        ErrorCase(
            name: "empty title", text: "date,title\n2023-06-06,  \n",
            expected: "e.csv:2:12: error: the title is empty; every event needs one"),
        ErrorCase(
            name: "duplicate id", text: "id,date,title\n1,2023-06-06,a\n1,2023-06-07,b\n",
            expected: #"e.csv:3:1: error: duplicate id "1": the event on line 2 has it too; ids must be unique"#),
        ErrorCase(
            name: "empty id whose row number is taken", text: "id,date,title\n2,2023-06-06,a\n,2023-06-07,b\n",
            expected:
                #"e.csv:3:1: error: this event's id is its row number, 2 (its "id" cell is empty), but the event on line 2 has id "2" too; fill in a unique id"#
        ),
        ErrorCase(
            name: "more fields than the header", text: "date,title\n2023-06-06,Saudi Arabia, Iran agree\n",
            expected: "e.csv:2:25: error: row has 3 fields but the header has 2 (a comma in a title? put the title in double quotes)"),
        ErrorCase(
            name: "unterminated quote", text: "date,title\n2023-06-06,\"Blinken\n",
            expected: "e.csv:2:12: error: unterminated quoted field (the quote opened here is never closed)"),
        ErrorCase(
            name: "short row missing the title", text: "date,source,title\n2023-06-06,CNN\n",
            expected: "e.csv:2:15: error: the title is empty; every event needs one"),
        ErrorCase(
            name: "error on a line after a multi-line title", text: "date,title,score\n2023-06-06,\"two\nlines\",x\n",
            expected: #"e.csv:3:8: error: cannot read "x" as a number in column "score" (write e.g. -0.5 or 1)"#),
    ]

    @Test(arguments: errorCases)
    func locatedErrors(_ sample: ErrorCase) {
        let error = EventsTestSupport.loadError(sample.text, file: "e.csv")
        #expect(error?.description == sample.expected)
        #expect(error?.kind == .data)
    }

    @Test func nonUTF8IsRefusedWithItsPlace() {
        // 北京 in GBK is D3 B1 BE A9... here just two GBK double-byte characters after a valid header.
        let bytes = Array("date,title\n2023-06-06,".utf8) + [0xB1, 0xB1, 0xBE, 0xA9] + [10]
        let error = EventsTestSupport.loadError(bytes, file: "e.csv")
        #expect(error?.location == MarketLink.SourceLocation(file: "e.csv", line: 2, column: 12))
        #expect(error?.message.contains("GBK") == true)
    }

    @Test func missingFile() {
        do throws(MarketLinkError) {
            _ = try EventLog.load(path: "/nonexistent/events.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/events.csv: error: no such file")
        }
    }
}
