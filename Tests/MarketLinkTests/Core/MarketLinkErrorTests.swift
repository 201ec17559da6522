import Foundation
import Testing

@testable import MarketLink
@testable import mlink

/// The library's one error type speaks meaning: every reason's message is written out here by
/// hand, names no command-line flag, and says whether the data or the request is at fault.
/// Where a flag of mlink fixes the problem, `ErrorHints` gives mlink's message, which names it.
@Suite struct MarketLinkErrorTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var reason: MarketLinkError.Reason
        var kind: MarketLinkError.Kind
        var message: String
        /// What mlink prints instead, naming the flag that fixes it (nil: the library's message).
        var cli: String? = nil
        var testDescription: String { String(message.prefix(50)) }
    }

    static let zones = "an IANA name such as America/New_York, or an offset such as +08:00"
    static func window(_ a: Int, _ b: Int) -> EventWindow { EventWindow(uncheckedStart: a, end: b) }
    static func day(_ iso: String) -> Day { Day(iso: iso) ?? Day(ordinal: 0) }

    static let samples: [Sample] = [
        // Request: events to add or edit.
        Sample(
            reason: .timeWithoutZone, kind: .usage, message: "a local time needs a time zone (\(zones))",
            cli: "--time needs --timezone (\(zones))"),
        Sample(
            reason: .unknownTimeZone("Mars/Olympus", suggestion: nil), kind: .usage,
            message: "unknown time zone \"Mars/Olympus\"; use \(zones)", cli: "--timezone: unknown time zone \"Mars/Olympus\"; use \(zones)"),
        Sample(
            reason: .invalidEventValue(.score, problem: "cannot read \"thaw\" as a number"), kind: .usage,
            message: "score: cannot read \"thaw\" as a number", cli: "--score: cannot read \"thaw\" as a number"),
        Sample(
            reason: .columnsMissingForEdit([.source]), kind: .usage,
            message: "the events file has no \"source\" column, so the source cannot be recorded; add the column to its header line first",
            cli: "the events file has no \"source\" column, so --source cannot be recorded; add the column to its header line first"),
        Sample(
            reason: .editWouldBreakEvent(id: "3", problem: "the title is empty"), kind: .usage,
            message: "after this edit, event \"3\" would not load: the title is empty"),
        Sample(
            reason: .noSuchEvent(id: "9", file: "e.csv", rowNumbered: 4), kind: .usage,
            message: "no event with id \"9\" in \"e.csv\" (the file has no \"id\" column: an event's id is its row number, 1 to 4)"),
        // Request: the event study.
        Sample(
            reason: .estimationNotBeforeWindow(estimation: window(-5, 0), window: window(-1, 1)), kind: .usage,
            message: "the estimation window -5:0 must end before the event window -1:1 starts (its end 0 must be below -1), e.g. -5:-2",
            cli: "the estimation window -5:0 must end before the event window -1:1 starts (its end 0 must be below -1), e.g. --estimation -5:-2"),
        Sample(
            reason: .minimumEstimationBelowOne(0), kind: .usage, message: "the minimum number of estimation returns must be at least 1, not 0",
            cli: "--min-estimation must be at least 1, not 0"),
        Sample(
            reason: .minimumEstimationAboveWindow(minimum: 40, estimation: window(-30, -2)), kind: .usage,
            message: "a minimum of 40 estimation returns is more than the estimation window -30:-2 holds (29): lengthen the window or lower the minimum",
            cli: "--min-estimation 40 asks for more returns than the estimation window -30:-2 holds (29): lengthen the window or lower the minimum"),
        Sample(
            reason: .buyAndHoldWithLogReturns, kind: .usage,
            message: "buy-and-hold abnormal returns compound simple returns: use simple returns, or leave buy-and-hold returns out",
            cli: "--bhar compounds simple returns: drop --returns log or --bhar"),
        Sample(
            reason: .modelNeedsBenchmark(.marketModel), kind: .usage, message: "the market-model model needs a benchmark series (e.g. an S&P 500 file)",
            cli: "--model market-model needs a benchmark series: add --benchmark SERIES (e.g. an S&P 500 file)"),
        Sample(
            reason: .modelIgnoresBenchmark(.mean), kind: .usage,
            message: "the mean model does not use a benchmark: leave the benchmark out, or choose the market or market-model model",
            cli: "--model mean does not use a benchmark: drop --benchmark, or choose --model market or market-model"),
        Sample(
            reason: .benchmarkNotOneSeries(file: "p.csv", series: ["A", "B"]), kind: .usage, message: "a benchmark is one series, but \"p.csv\" holds 2 (A, B)"),
        // Request: windows, ranges, claims.
        Sample(
            reason: .unreadableWindow("x"), kind: .usage,
            message: "cannot read \"x\" as a window: expected A:B in sessions around the event, e.g. -1:1 or 0:5"),
        Sample(
            reason: .backwardsWindow("2:1", start: 2, end: 1), kind: .usage,
            message: "window \"2:1\" runs backwards: its start 2 is after its end 1 (did you mean 1:2?)"),
        Sample(
            reason: .windowTooWide("0:200000", limit: 100_000), kind: .usage,
            message: "window \"0:200000\" is larger than any price history (at most 100000 sessions either side)"),
        Sample(
            reason: .backwardsRange(from: day("2023-06-09"), to: day("2023-06-08")), kind: .usage,
            message: "the range runs backwards: 2023-06-09 is after 2023-06-08"),
        Sample(reason: .unreadableClaim("cannot read \"by a lot\" as points or percent"), kind: .usage, message: "cannot read \"by a lot\" as points or percent"),
        Sample(
            reason: .claimNeedsDate, kind: .usage,
            message: "the claim gives no level (\"to 33,833.61\") and no dated day (\"on June 8, 2023\") to find its session by; give a date near it",
            cli: "the claim gives no level (\"to 33,833.61\") and no dated day (\"on June 8, 2023\") to find its session by; add --near DATE"),
        Sample(
            reason: .claimNeedsPublicationDate(days: "this week"), kind: .usage,
            message: "the claim's days (\"this week\") count from the day it was written; give that date",
            cli: "the claim's days (\"this week\") count from the day it was written; give that date with --published DATE"),
        Sample(
            reason: .claimAboutAnotherIndex(claimed: "SSE Composite", written: "Shanghai Composite index", series: "DJIA", holds: "Dow Jones Industrial Average"),
            kind: .usage,
            message:
                "the claim is about the SSE Composite (\"Shanghai Composite index\"), but \"DJIA\" holds the Dow Jones Industrial Average; check it against a price file of the SSE Composite"),
        // Request: series.
        Sample(
            reason: .duplicateSeriesName("DJIA", firstFile: "a.csv", secondFile: "b.csv"), kind: .usage,
            message: "two series are named \"DJIA\" (in a.csv and b.csv)", cli: "two series are named \"DJIA\" (in a.csv and b.csv); name one with NAME=path"),
        Sample(
            reason: .unknownSeriesForMarket("FOO", known: ["DJIA", "SSE"]), kind: .usage,
            message: "a market is assigned to \"FOO\", but no series has that name (DJIA, SSE)",
            cli: "--market names \"FOO\", but no series has that name (DJIA, SSE)"),
        Sample(
            reason: .nameForSeveralSeries("X", series: ["A", "B"]), kind: .usage, message: "the name \"X\" is for one series, but the file has 2 (A, B)",
            cli: "X= names one series, but the file has 2 (A, B); drop the name"),
        // Data that a setting can fix.
        Sample(
            reason: .adjustedCloseMissing(columns: ["Date", "Close"]), kind: .data,
            message: "an adjusted close was asked for, but the header has none (columns: Date, Close)",
            cli: "--adjusted asks for an adjusted close, but the header has none (columns: Date, Close)"),
        Sample(
            reason: .ambiguousDateOrder(date: "01/02/2023", column: "Date", possible: [.monthDayYear, .dayMonthYear]), kind: .data,
            message: "date \"01/02/2023\" in column \"Date\" could be MDY or DMY: the file cannot tell; name the day/month order (e.g. MDY)",
            cli: "date \"01/02/2023\" in column \"Date\" could be MDY or DMY: the file cannot tell; name the order with --date-format (e.g. --date-format MDY)"),
        Sample(
            reason: .dateNotInGivenOrder(date: "12/31/2023", column: "Date", order: .dayMonthYear), kind: .data,
            message: "date \"12/31/2023\" in column \"Date\" is not a valid date as day/month/year, the day/month order asked for",
            cli: "date \"12/31/2023\" in column \"Date\" is not a valid date as day/month/year (--date-format DMY)"),
        // Data: text and CSV.
        Sample(reason: .notText(.pdf), kind: .data, message: "the file is a PDF document, not CSV text"),
        Sample(reason: .nulByte, kind: .data, message: "NUL byte: this is not a text file (or it is UTF-16 without a byte-order mark)"),
        Sample(
            reason: .notUTF8(byte: 0xE9, looksLikeGB18030: false), kind: .data,
            message: "invalid UTF-8 (byte 0xE9); re-save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8.csv)"),
        Sample(
            reason: .notUTF8(byte: 0xC9, looksLikeGB18030: true), kind: .data,
            message:
                "invalid UTF-8 (byte 0xC9); the file looks like GBK/GB18030 (a Chinese Windows encoding): re-save it as UTF-8, e.g. iconv -f GB18030 -t UTF-8 FILE > FILE.utf8.csv"
        ),
        Sample(reason: .byteOrderMarkInside, kind: .data, message: "byte-order mark (U+FEFF) in the middle of the file: were two files joined? remove it"),
        Sample(reason: .malformedCSV(.unterminatedQuote), kind: .data, message: "unterminated quoted field (the quote opened here is never closed)"),
        Sample(
            reason: .malformedCSV(.textAfterClosingQuote(UInt8(ascii: "x"))), kind: .data,
            message: "unexpected \"x\" after the closing quote of a quoted field"),
        Sample(
            reason: .malformedCSV(.quoteInUnquotedField), kind: .data,
            message: "quote character inside an unquoted field; a field with quotes must be quoted whole, with each quote doubled"),
        Sample(
            reason: .rowTooLong(limit: 64 << 20), kind: .data,
            message:
                "no line end within 64.0 MiB (67108864 bytes) from the start of this row (outside quotes); MarketLink reads rows of up to 64.0 MiB (67108864 bytes): is a quote left open?"
        ),
        Sample(reason: .emptyFile(.priceFile), kind: .data, message: "the file is empty: expected a header row and price rows"),
        Sample(
            reason: .emptyFile(.eventsFile), kind: .data,
            message: "the file is empty: an events file needs a header line naming at least \"date\" and \"title\""),
        Sample(
            reason: .noHeader(.priceFile), kind: .data,
            message:
                "no header row found: expected a date column (Date, DATE, observation_date, 日期, 时间, ...) beside a close or value column in the first lines"
        ),
        Sample(
            reason: .noHeader(.eventsFile), kind: .data,
            message: "the file has no header line: an events file needs one naming at least \"date\" and \"title\""),
        Sample(
            reason: .tooManyFields(3, header: 2, in: .priceFile), kind: .data,
            message: "row has 3 fields but the header has 2 (an unquoted comma inside a number?)"),
        Sample(
            reason: .tooManyFields(4, header: 3, in: .eventsFile), kind: .data,
            message: "row has 4 fields but the header has 3 (a comma in a title? put the title in double quotes)"),
        Sample(
            reason: .tooFewFields(1, column: "Close", field: 5, of: 5), kind: .data,
            message: "row has 1 field, too few to reach column \"Close\" (field 5 of 5)"),
        // Data: price files.
        Sample(reason: .noDateColumn, kind: .data, message: "no date column in the header"),
        Sample(
            reason: .noCloseColumn(columns: ["Date", "Open"]), kind: .data,
            message: "no close column: expected Close, Close/Last, Price, PX_LAST, 收盘 or a value column (columns: Date, Open)"),
        Sample(
            reason: .symbolWithoutClose(columns: ["Date", "Symbol", "A"]), kind: .data,
            message: "the file has a symbol column but no close column (columns: Date, Symbol, A)"),
        Sample(reason: .noPriceRows(headerLine: 1), kind: .data, message: "the header on line 1 is followed by no price rows"),
        Sample(reason: .unreadableDate("yesterday", column: "Date"), kind: .data, message: "cannot read \"yesterday\" as a date in column \"Date\""),
        Sample(reason: .missingDate(column: "Date"), kind: .data, message: "row has no date in column \"Date\""),
        Sample(
            reason: .notARealDate("2023-02-30", why: "February 2023 has 28 days"), kind: .data,
            message: "\"2023-02-30\" is not a real date (February 2023 has 28 days)"),
        Sample(
            reason: .dateFitsNoOrder(date: "13/13/2023", column: "Date"), kind: .data,
            message: "date \"13/13/2023\" in column \"Date\" is not a valid date in any day/month order the rest of the column allows"),
        Sample(reason: .missingSymbol(column: "Symbol"), kind: .data, message: "row has no symbol in column \"Symbol\""),
        Sample(reason: .unreadableNumber("abc", column: "Close"), kind: .data, message: "cannot read \"abc\" as a number in column \"Close\""),
        Sample(
            reason: .closeNotPositive("0.00", column: "Close"), kind: .data,
            message: "close \"0.00\" in column \"Close\" is not positive: an index level must be above 0 (percent changes divide by it)"),
        Sample(
            reason: .closeTooSmall("4.9e-324", column: "Close"), kind: .data,
            message: "close \"4.9e-324\" in column \"Close\" is too small: a percent change against it cannot be finite"),
        Sample(
            reason: .mixedDecimalMarks(column: "Close", first: "19299,18", firstLine: 2, disagreeing: "19404.31"), kind: .data,
            message: "column \"Close\" mixes decimal marks: \"19299,18\" (line 2) has a decimal comma, \"19404.31\" a decimal point"),
        Sample(
            reason: .dateYearOutOfRange("2958466", reading: "10000-01-01 as an Excel serial"), kind: .data,
            message: "\"2958466\" is 10000-01-01 as an Excel serial: years run from 0001 to 9999"),
        Sample(
            reason: .epochNotMidnight("1686144600", instant: "2023-06-07T13:30:00Z", column: "timestamp"), kind: .data,
            message:
                "\"1686144600\" in column \"timestamp\" is the instant 2023-06-07T13:30:00Z, not a date: epoch stamps in a daily file must fall at 00:00:00 UTC"),
        Sample(
            reason: .duplicateDate(day("2023-06-08"), series: "DJIA", firstLine: 4), kind: .data,
            message: "duplicate date 2023-06-08 for DJIA (also on line 4)"),
        Sample(
            reason: .dateOutOfOrder(day("2023-06-08"), series: nil, firstLine: 3, firstLineDay: day("2023-06-09")), kind: .data,
            message: "date 2023-06-08 is out of order: line 3 has 2023-06-09; dates must run one way (oldest or newest first)"),
        Sample(
            reason: .intradayZoneUnknown(series: "bars"), kind: .data,
            message:
                "the bar times of \"bars\" have no offset and its market is unknown: name the time zone they are in (e.g. America/New_York), or the series' market",
            cli:
                "the bar times of \"bars\" have no offset and its market is unknown: name their zone with --tz (e.g. --tz America/New_York) or the market with --market"),
        Sample(
            reason: .barTimeNotIncreasing("2023-06-08 09:31:00", firstLine: 3, duplicate: true), kind: .data,
            message: "duplicate bar time \"2023-06-08 09:31:00\" (also on line 3)"),
        Sample(
            reason: .barTimeNotIncreasing("2023-06-08 09:31:00", firstLine: 3, duplicate: false), kind: .data,
            message: "bar time \"2023-06-08 09:31:00\" is out of order (line 3 is later); bar times must run one way (oldest or newest first)"),
        // Data: events files.
        Sample(
            reason: .missingEventColumns([.title], found: ["date", "name"]), kind: .data,
            message:
                "the header has no \"title\" column (found \"date\", \"name\"); the first line of an events file names its columns, with at least \"date\" and \"title\""
        ),
        Sample(
            reason: .duplicateEventColumn(.date, first: 1, second: 3), kind: .data,
            message: "the column \"date\" appears twice in the header (fields 1 and 3)"),
        Sample(reason: .invalidEventCell(.title, problem: "the title is empty; every event needs one"), kind: .data, message: "the title is empty; every event needs one"),
        Sample(
            reason: .duplicateEventID("7", firstLine: 2), kind: .data, message: "duplicate id \"7\": the event on line 2 has it too; ids must be unique"),
        Sample(
            reason: .duplicateRowNumberID("3", firstLine: 2, hasIDColumn: true), kind: .data,
            message: "this event's id is its row number, 3 (its \"id\" cell is empty), but the event on line 2 has id \"3\" too; fill in a unique id"),
        // Data: measuring.
        Sample(
            reason: .noSessionInRange(series: "DJIA", from: day("2023-06-10"), to: day("2023-06-11"), lastBefore: day("2023-06-09"), firstAfter: nil),
            kind: .data, message: "\"DJIA\" has no session dated from 2023-06-10 to 2023-06-11 (the last before is 2023-06-09)"),
        Sample(
            reason: .noSessionInRange(series: "E", from: day("2023-06-10"), to: day("2023-06-11"), lastBefore: nil, firstAfter: nil), kind: .data,
            message: "\"E\" has no session dated from 2023-06-10 to 2023-06-11 (the series has no sessions)"),
        Sample(
            reason: .noBaseSession(series: "DJIA", first: day("2022-06-01")), kind: .data,
            message:
                "\"DJIA\" has no session before 2022-06-01, its first, so there is no base close to measure the move from; start the range later"),
        // Files.
        Sample(reason: .noSuchFile, kind: .data, message: "no such file"),
        Sample(reason: .isDirectory, kind: .data, message: "is a directory, not a file"),
        Sample(reason: .cannotOpen("Permission denied"), kind: .data, message: "cannot open the file: Permission denied"),
        Sample(reason: .cannotRead("pipe", reason: "Input/output error"), kind: .data, message: "cannot read the pipe: Input/output error"),
        Sample(
            reason: .fileTooLarge(size: 3 << 20, limit: 1 << 20), kind: .data,
            message:
                "the file is 3.0 MiB (3145728 bytes); MarketLink reads files of up to 1.0 MiB (1048576 bytes): split it (by symbol or by years) and load the parts"
        ),
        Sample(
            reason: .inputGrew(limit: 1 << 20), kind: .data,
            message: "the file grew past 1.0 MiB (1048576 bytes) while it was read; MarketLink reads files of up to 1.0 MiB (1048576 bytes)"),
        Sample(
            reason: .endlessInput(source: "character device", limit: 1 << 20), kind: .data,
            message:
                "more than 1.0 MiB (1048576 bytes) came from this character device (is it endless?); MarketLink reads inputs of up to 1.0 MiB (1048576 bytes)"
        ),
        Sample(reason: .cannotLock("Bad file descriptor"), kind: .data, message: "cannot lock the file: Bad file descriptor"),
        Sample(
            reason: .lockTimedOut(waited: .seconds(30)), kind: .data,
            message:
                "gave up after waiting 30 s for the lock on the file: another process (another mlink edit, or a program holding flock on it) still holds it; try again when it has finished"
        ),
        Sample(reason: .cannotWrite("cannot write: No space left on device"), kind: .data, message: "cannot write: No space left on device"),
        Sample(
            reason: .outputIsInput("prices.csv"), kind: .data,
            message: "refusing to write over the input file \"prices.csv\"; choose another output path"),
        Sample(
            reason: .outputClosed("the reader of the pipe closed it before the end"), kind: .outputClosed,
            message: "the reader of the pipe closed it before the end"),
        // One-off problems.
        Sample(
            reason: .conflictingPublicationDates(
                first: "the dateline (\"BEIJING, June 9 (Xinhua) --\")", firstDate: Day(ordinal: 19517),
                second: "the byline (\"By A | June 8, 2023\")", secondDate: Day(ordinal: 19516)),
            kind: .data,
            message:
                "the article gives two publication dates: the dateline (\"BEIJING, June 9 (Xinhua) --\") says 2023-06-09, but the byline (\"By A | June 8, 2023\") says 2023-06-08; say which is right",
            cli:
                "the article gives two publication dates: the dateline (\"BEIJING, June 9 (Xinhua) --\") says 2023-06-09, but the byline (\"By A | June 8, 2023\") says 2023-06-08; give the right one with --published DATE"),
        Sample(reason: .invalidData("the events file has no events to chart"), kind: .data, message: "the events file has no events to chart"),
        Sample(reason: .invalidRequest("a one-off request problem"), kind: .usage, message: "a one-off request problem"),
    ]

    /// A command-line flag inside a text: two hyphens and a letter.
    static func namesAFlag(_ text: String) -> Bool {
        text.range(of: #"--[a-z]"#, options: .regularExpression) != nil
    }

    @Test(arguments: samples)
    func eachReasonSpeaksMeaning(_ sample: Sample) {
        #expect(sample.reason.message == sample.message)
        #expect(sample.reason.kind == sample.kind)
        #expect(!Self.namesAFlag(sample.reason.message), "\(sample.reason.message)")
        // One lowercase line (messages start with a word, a quote or a name from the input).
        #expect(!sample.reason.message.contains("\n"))
        #expect(sample.reason.message.first.map { !$0.isUppercase || sample.reason.message.hasPrefix("NUL") } == true)
    }

    /// mlink's words for the same reasons: the flag that fixes each flag-fixable one, the
    /// library's message for the rest.
    @Test(arguments: samples)
    func mlinkNamesTheFlagThatFixesIt(_ sample: Sample) {
        let printed = ErrorHints.message(sample.reason)
        if let cli = sample.cli {
            #expect(printed == cli)
            #expect(Self.namesAFlag(printed) || printed.contains("NAME=path") || printed.contains("= names one series"), "\(printed)")
        } else {
            #expect(printed == sample.message)
        }
    }

    /// Every case of `Reason` has a sample above: a new case that is not added there fails here
    /// (the switch has no default, so the compiler asks for the new case's name first).
    @Test func everyReasonHasASample() {
        func name(_ reason: MarketLinkError.Reason) -> String {
            switch reason {
            case .timeWithoutZone: "timeWithoutZone"
            case .unknownTimeZone: "unknownTimeZone"
            case .invalidEventValue: "invalidEventValue"
            case .columnsMissingForEdit: "columnsMissingForEdit"
            case .editWouldBreakEvent: "editWouldBreakEvent"
            case .noSuchEvent: "noSuchEvent"
            case .estimationNotBeforeWindow: "estimationNotBeforeWindow"
            case .minimumEstimationBelowOne: "minimumEstimationBelowOne"
            case .minimumEstimationAboveWindow: "minimumEstimationAboveWindow"
            case .buyAndHoldWithLogReturns: "buyAndHoldWithLogReturns"
            case .modelNeedsBenchmark: "modelNeedsBenchmark"
            case .modelIgnoresBenchmark: "modelIgnoresBenchmark"
            case .benchmarkNotOneSeries: "benchmarkNotOneSeries"
            case .unreadableWindow: "unreadableWindow"
            case .backwardsWindow: "backwardsWindow"
            case .windowTooWide: "windowTooWide"
            case .backwardsRange: "backwardsRange"
            case .unreadableClaim: "unreadableClaim"
            case .claimNeedsDate: "claimNeedsDate"
            case .claimNeedsPublicationDate: "claimNeedsPublicationDate"
            case .claimAboutAnotherIndex: "claimAboutAnotherIndex"
            case .conflictingPublicationDates: "conflictingPublicationDates"
            case .duplicateSeriesName: "duplicateSeriesName"
            case .unknownSeriesForMarket: "unknownSeriesForMarket"
            case .nameForSeveralSeries: "nameForSeveralSeries"
            case .adjustedCloseMissing: "adjustedCloseMissing"
            case .ambiguousDateOrder: "ambiguousDateOrder"
            case .dateNotInGivenOrder: "dateNotInGivenOrder"
            case .notText: "notText"
            case .nulByte: "nulByte"
            case .notUTF8: "notUTF8"
            case .byteOrderMarkInside: "byteOrderMarkInside"
            case .malformedCSV: "malformedCSV"
            case .rowTooLong: "rowTooLong"
            case .emptyFile: "emptyFile"
            case .noHeader: "noHeader"
            case .tooManyFields: "tooManyFields"
            case .tooFewFields: "tooFewFields"
            case .noDateColumn: "noDateColumn"
            case .noCloseColumn: "noCloseColumn"
            case .symbolWithoutClose: "symbolWithoutClose"
            case .noPriceRows: "noPriceRows"
            case .unreadableDate: "unreadableDate"
            case .missingDate: "missingDate"
            case .notARealDate: "notARealDate"
            case .dateFitsNoOrder: "dateFitsNoOrder"
            case .missingSymbol: "missingSymbol"
            case .unreadableNumber: "unreadableNumber"
            case .closeNotPositive: "closeNotPositive"
            case .closeTooSmall: "closeTooSmall"
            case .mixedDecimalMarks: "mixedDecimalMarks"
            case .dateYearOutOfRange: "dateYearOutOfRange"
            case .epochNotMidnight: "epochNotMidnight"
            case .duplicateDate: "duplicateDate"
            case .dateOutOfOrder: "dateOutOfOrder"
            case .intradayZoneUnknown: "intradayZoneUnknown"
            case .barTimeNotIncreasing: "barTimeNotIncreasing"
            case .missingEventColumns: "missingEventColumns"
            case .duplicateEventColumn: "duplicateEventColumn"
            case .invalidEventCell: "invalidEventCell"
            case .duplicateEventID: "duplicateEventID"
            case .duplicateRowNumberID: "duplicateRowNumberID"
            case .noSessionInRange: "noSessionInRange"
            case .noBaseSession: "noBaseSession"
            case .noSuchFile: "noSuchFile"
            case .isDirectory: "isDirectory"
            case .cannotOpen: "cannotOpen"
            case .cannotRead: "cannotRead"
            case .fileTooLarge: "fileTooLarge"
            case .inputGrew: "inputGrew"
            case .endlessInput: "endlessInput"
            case .cannotLock: "cannotLock"
            case .lockTimedOut: "lockTimedOut"
            case .cannotWrite: "cannotWrite"
            case .outputIsInput: "outputIsInput"
            case .outputClosed: "outputClosed"
            case .invalidData: "invalidData"
            case .invalidRequest: "invalidRequest"
            }
        }
        // 78 cases, counted in MarketLinkError+Reason.swift.
        #expect(Set(Self.samples.map { name($0.reason) }).count == 78)
    }

    // MARK: - Printed forms

    /// `description` is the compiler form with `error:`; `localizedDescription` (what Foundation
    /// and most embedding programs print) is the place and the message without it, or the
    /// message alone when there is no place.
    @Test func localizedDescriptionIsTheLocatedMessage() throws {
        let path = "fixtures/bad/text-in-close.csv"
        let bytes = try #require(FileManager.default.contents(atPath: CLIRunner.fixture(path)))
        do {
            _ = try PriceFile.load(bytes: [UInt8](bytes), file: path)
            Issue.record("loaded")
        } catch {
            // Line 3 is `2023-06-08,1,1,1,abc,4293.93,0`: the close field starts at byte 18.
            #expect(error.reason == .unreadableNumber("abc", column: "Close"))
            #expect(error.location == MarketLink.SourceLocation(file: path, line: 3, column: 18))
            #expect("\(error)" == "\(path):3:18: error: cannot read \"abc\" as a number in column \"Close\"")
            let thrown: any Error = error
            #expect(thrown.localizedDescription == "\(path):3:18: cannot read \"abc\" as a number in column \"Close\"")
        }
        let unplaced: any Error = MarketLinkError(.claimNeedsDate)
        #expect(
            unplaced.localizedDescription
                == "the claim gives no level (\"to 33,833.61\") and no dated day (\"on June 8, 2023\") to find its session by; give a date near it")
        #expect("\(unplaced)".hasPrefix("error: the claim gives no level"))
    }

    /// The one-off initialiser keeps its kind in the reason it makes.
    @Test func oneOffMessagesKeepTheirKind() {
        #expect(MarketLinkError("x").reason == .invalidData("x"))
        #expect(MarketLinkError("x", kind: .usage).reason == .invalidRequest("x"))
        #expect(MarketLinkError.usage("x").kind == .usage)
        #expect(MarketLinkError("x", kind: .outputClosed).kind == .outputClosed)
    }

    // MARK: - No flags in the library's sources

    /// The sources of the library, found from this file's place in the package.
    static func librarySources() throws -> [(path: String, text: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/MarketLink")
        let walker = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var files: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            files.append((url.path, try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    /// Whether a line of Swift holds a string literal naming a command-line flag (`"... --x"`),
    /// not counting doc comments (`///`) and plain comments (`//`).
    static func flagLiteral(in line: String) -> Bool {
        let code = line.trimmingCharacters(in: .whitespaces)
        if code.hasPrefix("//") { return false }
        return code.range(of: #""[^"]*--[a-z]"#, options: .regularExpression) != nil
    }

    @Test func theRuleFindsWhatItLooksFor() {
        #expect(Self.flagLiteral(in: #"    throw .usage("--time needs --timezone")"#))
        #expect(Self.flagLiteral(in: #"        .code("--align " + rule)"#))
        #expect(Self.flagLiteral(in: #"let x = "name it with --market""#))
        #expect(!Self.flagLiteral(in: "    /// `--align exact` in a doc comment"))
        #expect(!Self.flagLiteral(in: "    // for --clean, in a comment"))
        #expect(!Self.flagLiteral(in: #"    let range = "2022-06-01 to 2023-06-30""#))
    }

    /// Acceptance of issue 10: the library's messages and texts name no flag; mlink adds them
    /// (`ErrorHints`, `ToolVocabulary.mlink`).
    @Test func noStringLiteralInTheLibraryNamesAFlag() throws {
        let sources = try Self.librarySources()
        #expect(sources.count > 100, "found \(sources.count) library files")
        var found: [String] = []
        for (path, text) in sources {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where Self.flagLiteral(in: String(line)) {
                found.append("\(path.split(separator: "/").suffix(2).joined(separator: "/")):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
