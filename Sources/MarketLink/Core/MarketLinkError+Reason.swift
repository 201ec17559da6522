// MARK: - Reasons

extension MarketLinkError {
    /// What went wrong, with the values a caller needs to act on it. `message` says it in words
    /// that name no command-line flag; `kind` says whether the data or the request is at fault.
    ///
    /// Cases that a program's own settings can fix (a time zone for a local time, a day/month
    /// order, a benchmark, ...) carry what it takes to say so; a program maps them to its own
    /// names (`mlink` names its flags). Rare one-off problems are `invalidData` or `invalidRequest`
    /// with their message.
    public enum Reason: Sendable, Hashable {
        // MARK: Request: events to add or edit

        /// A date-only event was given a local time of day but no time zone to place it in.
        case timeWithoutZone
        /// A time zone given for an event is neither an IANA name nor an offset; `suggestion` is
        /// the IANA name it matches but for case, if any.
        case unknownTimeZone(String, suggestion: String?)
        /// A value given for a new or edited event cannot be read: the column it is for, and why
        /// (`"2023-02-30" is not a real date (February 2023 has 28 days)`).
        case invalidEventValue(EventColumn, problem: String)
        /// An edit sets values the events file has no column for; the columns, in order.
        case columnsMissingForEdit([EventColumn])
        /// After an edit, the edited event would not load (a value not changed by the edit no
        /// longer fits the changed ones): its id, and why.
        case editWouldBreakEvent(id: String, problem: String)
        /// No event has this id in the events file `file`; `rowNumbered` is the number of events
        /// when the file has no `id` column, so that ids are row numbers.
        case noSuchEvent(id: String, file: String, rowNumbered: Int?)

        // MARK: Request: the event study

        /// The estimation window does not end before the event window starts.
        case estimationNotBeforeWindow(estimation: EventWindow, window: EventWindow)
        /// The minimum number of estimation returns asked for is below 1.
        case minimumEstimationBelowOne(Int)
        /// The minimum number of estimation returns asked for is more than the estimation window
        /// holds.
        case minimumEstimationAboveWindow(minimum: Int, estimation: EventWindow)
        /// Buy-and-hold abnormal returns were asked for with log returns (they compound simple returns).
        case buyAndHoldWithLogReturns
        /// The model needs a benchmark series and none was given.
        case modelNeedsBenchmark(NormalReturnModel)
        /// A benchmark was given for a model that does not use one.
        case modelIgnoresBenchmark(NormalReturnModel)
        /// The benchmark file holds other than one series: its path and the names of its series.
        case benchmarkNotOneSeries(file: String, series: [String])

        // MARK: Request: windows, ranges, claims

        /// Text that is no window `A:B`.
        case unreadableWindow(String)
        /// A window whose start is after its end: the text, and the two offsets.
        case backwardsWindow(String, start: Int, end: Int)
        /// A window reaching further than `limit` sessions from the event.
        case windowTooWide(String, limit: Int)
        /// A date range whose first day is after its last.
        case backwardsRange(from: Day, to: Day)
        /// A claim that cannot be read: why, with the words at fault quoted.
        case unreadableClaim(String)
        /// A claim with no level and no dated day: a date near it is needed to find its session.
        case claimNeedsDate
        /// A claim whose days count from the day it was written ("this week", "yesterday", "last
        /// Friday"), checked with no publication date: the days as written.
        case claimNeedsPublicationDate(days: String)
        /// A claim that names another index than the series it is checked against: the index it
        /// names, its name as written, the series, and the index the series holds.
        case claimAboutAnotherIndex(claimed: String, written: String, series: String, holds: String)

        // MARK: Request: series

        /// Two series have the same name: the name, and the files holding them.
        case duplicateSeriesName(String, firstFile: String, secondFile: String)
        /// A market was assigned to a series name that no loaded series has: the name, and the names there are.
        case unknownSeriesForMarket(String, known: [String])
        /// A name for the one series of a file that holds several: the name, and the file's series.
        case nameForSeveralSeries(String, series: [String])

        // MARK: Data that a setting can fix

        /// An adjusted close was asked for, but the header has none: the header's columns.
        case adjustedCloseMissing(columns: [String])
        /// The dates of a column fit more than one day/month order and the file cannot tell which:
        /// the first date, its column, and the orders that fit.
        case ambiguousDateOrder(date: String, column: String, possible: [DateOrder])
        /// A date is no calendar day in the day/month order the caller named.
        case dateNotInGivenOrder(date: String, column: String, order: DateOrder)

        // MARK: Data: text and CSV

        /// The file is not text, or not UTF-8 text: what its first bytes say it is.
        case notText(ContentSignature)
        /// A NUL byte: not a text file, or UTF-16 without a byte-order mark.
        case nulByte
        /// Bytes that are not UTF-8: the first one, and whether they look like GBK/GB18030.
        case notUTF8(byte: UInt8, looksLikeGB18030: Bool)
        /// A byte-order mark after the start of the file (two files joined).
        case byteOrderMarkInside
        /// CSV that does not follow the quoting rules.
        case malformedCSV(MalformedCSV)
        /// No line end outside quotes within `limit` bytes from the start of a row: a row this long
        /// is read no further (an unterminated quote, or bytes that are no CSV).
        case rowTooLong(limit: Int)
        /// The file holds no bytes.
        case emptyFile(InputRole)
        /// No row near the start of the file is a header.
        case noHeader(InputRole)
        /// A row with more fields than the header: how many, and the header's count.
        case tooManyFields(Int, header: Int, in: InputRole)
        /// A row too short to reach a column it needs: its field count, the column's name, and
        /// the column's 1-based field number among the header's `of`.
        case tooFewFields(Int, column: String, field: Int, of: Int)

        // MARK: Data: price files

        /// The header has no column for dates.
        case noDateColumn
        /// The header has no close or value column: its columns.
        case noCloseColumn(columns: [String])
        /// The header has a symbol column (a panel) but no close column: its columns.
        case symbolWithoutClose(columns: [String])
        /// The header, on line `headerLine`, is followed by no rows.
        case noPriceRows(headerLine: Int)
        /// A date cell that is no date form MarketLink reads: the text and its column.
        case unreadableDate(String, column: String)
        /// A row with an empty date cell in `column`.
        case missingDate(column: String)
        /// A date written in a known form that is no calendar day: the text, and why.
        case notARealDate(String, why: String)
        /// A date that is no calendar day in any day/month order the rest of the column allows.
        case dateFitsNoOrder(date: String, column: String)
        /// A panel row with an empty symbol cell in `column`.
        case missingSymbol(column: String)
        /// A value that is no number: the text and its column.
        case unreadableNumber(String, column: String)
        /// A close at or below 0: the text and its column.
        case closeNotPositive(String, column: String)
        /// A close so near 0 that a percent change against it cannot be a finite number
        /// (100 · the largest close / it overflows a double): the text and its column.
        case closeTooSmall(String, column: String)
        /// A value column whose values use both `,` and `.` as the decimal mark: the column, the
        /// first value that settled the mark, its line, and the value that disagrees.
        case mixedDecimalMarks(column: String, first: String, firstLine: Int, disagreeing: String)
        /// A numeric date (an Excel serial or an epoch stamp) outside the years 0001–9999: the text
        /// and what it would be (`10000-01-01T00:00:00Z`, `10000-01-01 as an Excel serial`).
        case dateYearOutOfRange(String, reading: String)
        /// An epoch stamp that is not at 00:00:00 UTC in a daily file: the text and the instant.
        case epochNotMidnight(String, instant: String, column: String)
        /// A date that appears twice (in `series`, for a file of several): the later line is the
        /// error's place, `firstLine` the earlier one.
        case duplicateDate(Day, series: String?, firstLine: Int)
        /// A date out of order: it is `day`, and line `firstLine` before it has `firstLineDay`,
        /// which does not run the same way as the rest.
        case dateOutOfOrder(Day, series: String?, firstLine: Int, firstLineDay: Day)
        /// Intraday bars whose times are wall-clock times with no offset, in a series whose market
        /// is unknown and with no zone given: the series' name.
        case intradayZoneUnknown(series: String)
        /// An intraday bar time that is not after the one before it (`duplicate`: the same time),
        /// as written, and the line of the earlier bar.
        case barTimeNotIncreasing(String, firstLine: Int, duplicate: Bool)

        // MARK: Data: events files

        /// The header has no `date` or no `title` column: the missing ones, and the cells found.
        case missingEventColumns([EventColumn], found: [String])
        /// A column appears twice in the header, at these 1-based fields.
        case duplicateEventColumn(EventColumn, first: Int, second: Int)
        /// A cell of an events file cannot be read: its column, and why.
        case invalidEventCell(EventColumn, problem: String)
        /// An id written twice: the id, and the line of its first event.
        case duplicateEventID(String, firstLine: Int)
        /// An event whose id is its row number (no id written), taken already by the event on
        /// `firstLine`; `hasIDColumn` says whether the file has an `id` column at all.
        case duplicateRowNumberID(String, firstLine: Int, hasIDColumn: Bool)

        // MARK: Data: measuring

        /// A series has no session dated in a range: the series, the range, and the nearest
        /// sessions on either side (both nil when the series has none).
        case noSessionInRange(series: String, from: Day, to: Day, lastBefore: Day?, firstAfter: Day?)
        /// A range starts at a series' first session, so there is no base close before it.
        case noBaseSession(series: String, first: Day)

        // MARK: Files

        /// No file at the path.
        case noSuchFile
        /// The path names a folder where a file is needed.
        case isDirectory
        /// The file cannot be opened: the system's reason.
        case cannotOpen(String)
        /// The input cannot be read: what it is (`file`, `pipe`, ...) and the system's reason.
        case cannotRead(String, reason: String)
        /// The file is larger than MarketLink reads: its size and the limit, in bytes.
        case fileTooLarge(size: Int, limit: Int)
        /// The file grew past the limit (in bytes) while it was read.
        case inputGrew(limit: Int)
        /// More than the limit (in bytes) came from a pipe or device (`source` names which).
        case endlessInput(source: String, limit: Int)
        /// The file cannot be locked for an edit: the system's reason.
        case cannotLock(String)
        /// Another process held the lock on the file for longer than the wait allowed.
        case lockTimedOut(waited: Duration)
        /// An output cannot be written: the whole message, which says where and why.
        case cannotWrite(String)
        /// The output would overwrite an input file: its path.
        case outputIsInput(String)
        /// The reader of an output closed it before the end: the whole message.
        case outputClosed(String)

        // MARK: Data: articles

        /// An article that states two different publication dates: what each was read from (the
        /// byline, the dateline, the page's metadata, ...) and the date it gives. The error's
        /// place is the second.
        case conflictingPublicationDates(first: String, firstDate: Day, second: String, secondDate: Day)

        // MARK: One-off problems

        /// A problem of the data with no case of its own: its message.
        case invalidData(String)
        /// A problem of the request with no case of its own: its message.
        case invalidRequest(String)
    }

    /// Which input a file-level problem is in, for the message to say what the file needs.
    public enum InputRole: Sendable, Hashable {
        /// A price file.
        case priceFile
        /// An events file.
        case eventsFile
    }

    /// How a CSV field breaks the quoting rules.
    public enum MalformedCSV: Sendable, Hashable {
        /// A quoted field whose quote is never closed (the error's place is where it opened).
        case unterminatedQuote
        /// A byte other than a delimiter or line end after a closing quote.
        case textAfterClosingQuote(UInt8)
        /// A quote inside a field that does not start with one.
        case quoteInUnquotedField
    }
}

// MARK: - Kind

extension MarketLinkError.Reason {
    /// Whether the data, the request or neither is at fault.
    public var kind: MarketLinkError.Kind {
        switch self {
        case .timeWithoutZone, .unknownTimeZone, .invalidEventValue, .columnsMissingForEdit, .editWouldBreakEvent, .noSuchEvent,
            .estimationNotBeforeWindow, .minimumEstimationBelowOne, .minimumEstimationAboveWindow, .buyAndHoldWithLogReturns,
            .modelNeedsBenchmark, .modelIgnoresBenchmark, .benchmarkNotOneSeries, .unreadableWindow, .backwardsWindow, .windowTooWide,
            .backwardsRange, .unreadableClaim, .claimNeedsDate, .claimNeedsPublicationDate, .claimAboutAnotherIndex, .duplicateSeriesName, .unknownSeriesForMarket, .nameForSeveralSeries,
            .invalidRequest:
            return .usage
        case .outputClosed:
            return .outputClosed
        default:
            return .data
        }
    }
}
