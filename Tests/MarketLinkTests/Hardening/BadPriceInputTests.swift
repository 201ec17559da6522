import Foundation
import Testing

@testable import MarketLink

/// Malformed price files in `fixtures/bad/` (the first seven are in `Prices/BadPriceFileTests`):
/// each gives exactly one line on standard error, `file:line:column: error: message`, nothing on
/// standard output, and exit code 1 through `mlink inspect`; the library gives the same error.
///
/// Every location was counted by hand from the bytes of the file (shown in each comment; a
/// column counts bytes from 1, a byte-order mark at the start of the file not included).
@Suite struct BadPriceInputTests {
    typealias Case = LocatedErrorCase

    static let cases: [Case] = [
        // CSV structure
        // Line 4 is `2023-06-09,"33876.78` with no line ending: the quote is byte 12.
        Case(file: "unterminated-quote-last-line.csv", location: "4:12", message: "unterminated quoted field (the quote opened here is never closed)"),
        // Line 3 is `2023-06-08,338"33.61`: the field starts at 12, the quote is byte 15.
        Case(
            file: "quote-in-unquoted-field.csv", location: "3:15",
            message: "quote character inside an unquoted field; a field with quotes must be quoted whole, with each quote doubled"),
        // Line 3 is `2023-06-08,"33833.61"x`: quotes at 12 and 21, the x at 22.
        Case(file: "text-after-closing-quote.csv", location: "3:22", message: "unexpected \"x\" after the closing quote of a quoted field"),
        // Line 3 has 3 of the header's 5 fields; Close is the 5th. The row starts at 3:1.
        Case(file: "ragged-too-few-fields.csv", location: "3:1", message: "row has 3 fields, too few to reach column \"Close\" (field 5 of 5)"),
        // Line 3 is `2023-06-08,33,833.61`: the third field, "833.61", starts at byte 15.
        Case(
            file: "ragged-too-many-fields.csv", location: "3:15",
            message: "row has 3 fields but the header has 2 (an unquoted comma inside a number?)"),
        // Encodings and bytes
        Case(file: "nul-bytes.csv", location: "1:1", message: "NUL byte: this is not a text file (or it is UTF-16 without a byte-order mark)"),
        // FF FE opens the file.
        Case(
            file: "utf16.csv", location: "1:1",
            message: "the file is UTF-16 text (little-endian); MarketLink reads UTF-8: re-save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8.csv)"),
        // Line 3 is `2023-06-08,33833.61 ` (20 bytes) then the lone byte 0x80.
        Case(
            file: "invalid-utf8.csv", location: "3:21",
            message: "invalid UTF-8 (byte 0x80); re-save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8.csv)"),
        // Two files joined: the second one's BOM starts line 3.
        Case(
            file: "bom-in-middle.csv", location: "3:1",
            message: "byte-order mark (U+FEFF) in the middle of the file: were two files joined? remove it"),
        // Header and columns
        Case(
            file: "no-header.csv", location: "1:1",
            message: "no header row found: expected a date column (Date, DATE, observation_date, 日期, 时间, ...) beside a close or value column in the first lines"),
        Case(
            file: "no-close-column.csv", location: "1:1",
            message: "no close column: expected Close, Close/Last, Price, PX_LAST, 收盘 or a value column (columns: Date, Open, Volume)"),
        // Closes: the close field starts at byte 12 of line 3 (`2023-06-08,` is 11 bytes).
        Case(file: "infinity-close.csv", location: "3:12", message: "cannot read \"Infinity\" as a number in column \"Close\""),
        // 1e999 is beyond the largest Double (about 1.8e308).
        Case(file: "overflow-close.csv", location: "3:12", message: "cannot read \"1e999\" as a number in column \"Close\""),
        Case(
            file: "negative-close.csv", location: "3:12",
            message: "close \"-33833.61\" in column \"Close\" is not positive: an index level must be above 0 (percent changes divide by it)"),
        Case(
            file: "zero-close.csv", location: "3:12",
            message: "close \"0.00\" in column \"Close\" is not positive: an index level must be above 0 (percent changes divide by it)"),
        // Dates: the date is the first field of its line.
        Case(file: "february-30.csv", location: "3:1", message: "\"2023-02-30\" is not a real date (February 2023 has 28 days)"),
        Case(file: "year-zero.csv", location: "2:1", message: "\"0000-06-08\" is not a real date (years run from 0001 to 9999)"),
        Case(file: "unreadable-date.csv", location: "3:1", message: "cannot read \"yesterday\" as a date in column \"Date\""),
        Case(file: "missing-date.csv", location: "3:1", message: "row has no date in column \"Date\""),
        // 01/02/2023 and 02/03/2023 are real dates read either way, and neither reading has rows
        // 1–7 days apart (MDY: Jan 2 → Feb 3, 32 days; DMY: Feb 1 → Mar 2, 29 days).
        Case(
            file: "ambiguous-day-month.csv", location: "2:1",
            message: "date \"01/02/2023\" in column \"Date\" could be MDY or DMY: the file cannot tell; name the order with --date-format (e.g. --date-format MDY)",
            libraryMessage: "date \"01/02/2023\" in column \"Date\" could be MDY or DMY: the file cannot tell; name the day/month order (e.g. MDY)"),
        // Order: lines 2–5 hold 06-07, 06-09, 06-08, 06-12; 06-08 (line 4) comes after 06-09 (line 3).
        Case(
            file: "out-of-order.csv", location: "4:1",
            message: "date 2023-06-08 is out of order: line 3 has 2023-06-09; dates must run one way (oldest or newest first)"),
        // Panels: DJIA has 2023-06-08 on lines 4 and 6 (SPX rows in between).
        Case(file: "panel-duplicate-date.csv", location: "6:1", message: "duplicate date 2023-06-08 for DJIA (also on line 4)"),
        Case(
            file: "panel-out-of-order.csv", location: "4:1",
            message: "date 2023-06-08 for SPX is out of order: line 3 has 2023-06-09; dates must run one way (oldest or newest first)"),
        // Line 3 is `2023-06-08,,33833.61`: the empty symbol field is at byte 12.
        Case(file: "panel-missing-symbol.csv", location: "3:12", message: "row has no symbol in column \"Symbol\""),
    ]

    @Test(arguments: cases)
    func inspectPrintsOneLocatedErrorAndExitsOne(_ item: Case) throws {
        let path = "fixtures/bad/\(item.file)"
        let outcome = try CLIRunner.run(["inspect", path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "\(path):\(item.location): error: \(item.message)\n")
    }

    @Test(arguments: cases)
    func theLibraryThrowsTheSameDataError(_ item: Case) throws {
        let path = "fixtures/bad/\(item.file)"
        let bytes = try #require(FileManager.default.contents(atPath: CLIRunner.fixture(path)))
        do {
            let loaded = try PriceFile.load(bytes: [UInt8](bytes), file: path)
            Issue.record("\(item.file) loaded \(loaded.series.count) series without an error")
        } catch {
            #expect(error.kind == .data)
            #expect(error.description == "\(path):\(item.location): error: \(item.libraryMessage ?? item.message)")
        }
    }

    /// The other commands that read prices fail the same way (here `changes`, with good events).
    @Test func changesReportsThePriceFileError() throws {
        let outcome = try CLIRunner.run(["changes", "--events", "fixtures/events-2023.csv", "fixtures/bad/zero-close.csv"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(
            outcome.stderr
                == "fixtures/bad/zero-close.csv:3:12: error: close \"0.00\" in column \"Close\" is not positive: an index level must be above 0 (percent changes divide by it)\n"
        )
    }

    // MARK: Missing values are dropped, with a reason

    /// `NaN` is one of the missing-value markers (DESIGN §1): its row is not a session and not an
    /// error; `inspect` lists it among the dropped rows with its line and reason.
    @Test func nanCloseIsDroppedWithItsReason() throws {
        let path = "fixtures/bad/nan-close.csv"
        let outcome = try CLIRunner.run(["inspect", path])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout.contains("sessions 2 sessions, 2023-06-07 to 2023-06-09"))
        #expect(outcome.stdout.contains("dropped    1 row\n    line 3: 2023-06-08: no close (\"NaN\" in column \"Close\")\n"))

        let bytes = try #require(FileManager.default.contents(atPath: CLIRunner.fixture(path)))
        let loaded = try PriceFile.load(bytes: [UInt8](bytes), file: path)
        let series = try #require(loaded.series.first)
        #expect(series.dayOrdinals.map { Day(ordinal: $0).iso } == ["2023-06-07", "2023-06-09"])
        #expect(series.closes == [33665.02, 33876.78])
        #expect(loaded.dropped == [DroppedRow(line: 3, series: nil, reason: "2023-06-08: no close (\"NaN\" in column \"Close\")")])
    }

    /// The ambiguous file loads once the order is named, and the dates follow it.
    @Test func ambiguousDatesLoadWithDateFormat() throws {
        let path = "fixtures/bad/ambiguous-day-month.csv"
        let bytes = try #require(FileManager.default.contents(atPath: CLIRunner.fixture(path)))
        for (order, expected) in [(DateOrder.monthDayYear, ["2023-01-02", "2023-02-03"]), (.dayMonthYear, ["2023-02-01", "2023-03-02"])] {
            let loaded = try PriceFile.load(bytes: [UInt8](bytes), file: path, options: PriceLoadOptions(dateOrder: order))
            #expect(try #require(loaded.series.first).dayOrdinals.map { Day(ordinal: $0).iso } == expected)
        }
        let outcome = try CLIRunner.run(["inspect", "--date-format", "DMY", path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("2023-02-01 to 2023-03-02"))
    }
}
