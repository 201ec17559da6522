// MARK: - Messages

extension MarketLinkError.Reason {
    /// What went wrong, in one lowercase line that quotes the offending text and names no
    /// command-line flag (a program adds its own names for the settings that fix it).
    public var message: String {
        switch self {
        // MARK: Request: events
        case .timeWithoutZone:
            return "a local time needs a time zone (\(EventFieldReader.zoneHint))"
        case .unknownTimeZone(let name, let suggestion):
            return Self.unknownZoneText(name, suggestion: suggestion)
        case .invalidEventValue(let column, let problem):
            return "\(column.rawValue): \(problem)"
        case .columnsMissingForEdit(let missing):
            let names = missing.map { "\"\($0.rawValue)\"" }
            let noun = missing.count == 1 ? "column" : "columns"
            var text =
                "the events file has no \(names.joined(separator: " or ")) \(noun), so \(Self.valueNames(missing)) cannot be recorded; add the \(noun) to its header line first"
            if missing.contains(.time) || missing.contains(.timezone) {
                text += ", or give the date as an ISO 8601 instant such as 2023-06-07T17:00-04:00"
            }
            return text
        case .editWouldBreakEvent(let id, let problem):
            return "after this edit, event \(quoted(id)) would not load: \(problem)"
        case .noSuchEvent(let id, let file, let rowNumbered):
            var text = "no event with id \(quoted(id)) in \(quoted(file))"
            if let count = rowNumbered { text += " (the file has no \"id\" column: an event's id is its row number, 1 to \(count))" }
            return text

        // MARK: Request: the event study
        case .estimationNotBeforeWindow(let estimation, let window):
            return
                "the estimation window \(estimation) must end before the event window \(window) starts (its end \(estimation.end) must be below \(window.start)), e.g. \(estimation.start):\(window.baseOffset)"
        case .minimumEstimationBelowOne(let minimum):
            return "the minimum number of estimation returns must be at least 1, not \(minimum)"
        case .minimumEstimationAboveWindow(let minimum, let estimation):
            return
                "a minimum of \(minimum) estimation returns is more than the estimation window \(estimation) holds (\(estimation.sessionCount)): lengthen the window or lower the minimum"
        case .buyAndHoldWithLogReturns:
            return "buy-and-hold abnormal returns compound simple returns: use simple returns, or leave buy-and-hold returns out"
        case .modelNeedsBenchmark(let model):
            return "the \(model.rawValue) model needs a benchmark series (e.g. an S&P 500 file)"
        case .modelIgnoresBenchmark(let model):
            return "the \(model.rawValue) model does not use a benchmark: leave the benchmark out, or choose the market or market-model model"
        case .benchmarkNotOneSeries(let file, let series):
            let names = series.prefix(6).joined(separator: ", ")
            return "a benchmark is one series, but \(quoted(file)) holds \(series.count)"
                + (series.isEmpty ? "" : " (\(names)\(series.count > 6 ? ", …" : ""))")

        // MARK: Request: windows, ranges, claims
        case .unreadableWindow(let text):
            return "cannot read \(quoted(text)) as a window: expected A:B in sessions around the event, e.g. -1:1 or 0:5"
        case .backwardsWindow(let text, let start, let end):
            return "window \(quoted(text)) runs backwards: its start \(start) is after its end \(end) (did you mean \(end):\(start)?)"
        case .windowTooWide(let text, let limit):
            return "window \(quoted(text)) is larger than any price history (at most \(limit) sessions either side)"
        case .backwardsRange(let from, let to):
            return "the range runs backwards: \(from.iso) is after \(to.iso)"
        case .unreadableClaim(let why):
            return why
        case .claimNeedsPublicationDate(let days):
            return "the claim's days (\(quoted(days))) count from the day it was written; give that date"
        case .claimAboutAnotherIndex(let claimed, let written, let series, let holds):
            return
                "the claim is about the \(claimed) (\(quoted(written))), but \(quoted(series)) holds the \(holds); check it against a price file of the \(claimed)"
        case .conflictingPublicationDates(let first, let firstDate, let second, let secondDate):
            return "the article gives two publication dates: \(first) says \(firstDate.iso), but \(second) says \(secondDate.iso); say which is right"
        case .claimNeedsDate:
            return "the claim gives no level (\"to 33,833.61\") and no dated day (\"on June 8, 2023\") to find its session by; give a date near it"

        // MARK: Request: series
        case .duplicateSeriesName(let name, let first, let second):
            return "two series are named \(quoted(name)) (in \(first) and \(second))"
        case .unknownSeriesForMarket(let name, let known):
            return "a market is assigned to \(quoted(name)), but no series has that name (\(known.joined(separator: ", ")))"
        case .nameForSeveralSeries(let name, let series):
            return "the name \(quoted(name)) is for one series, but the file has \(series.count) (\(Self.firstNames(series)))"

        // MARK: Data that a setting can fix
        case .adjustedCloseMissing(let columns):
            return "an adjusted close was asked for, but the header has none (columns: \(Self.columnList(columns)))"
        case .ambiguousDateOrder(let date, let column, let possible):
            let names = possible.map(\.rawValue).joined(separator: " or ")
            let example = possible.first.map { " (e.g. \($0.rawValue))" } ?? ""
            return "date \(quoted(date)) in column \"\(shown(column))\" could be \(names): the file cannot tell; name the day/month order\(example)"
        case .dateNotInGivenOrder(let date, let column, let order):
            return "date \(quoted(date)) in column \"\(shown(column))\" is not a valid date as \(order.pattern), the day/month order asked for"

        // MARK: Data: text and CSV
        case .notText(let signature):
            return signature.message
        case .nulByte:
            return "NUL byte: this is not a text file (or it is UTF-16 without a byte-order mark)"
        case .notUTF8(let byte, let gbk):
            let text = "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))"
            if gbk {
                return text
                    + "; the file looks like GBK/GB18030 (a Chinese Windows encoding): re-save it as UTF-8, e.g. iconv -f GB18030 -t UTF-8 FILE > FILE.utf8.csv"
            }
            return text + "; re-save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8.csv)"
        case .byteOrderMarkInside:
            return "byte-order mark (U+FEFF) in the middle of the file: were two files joined? remove it"
        case .malformedCSV(.unterminatedQuote):
            return "unterminated quoted field (the quote opened here is never closed)"
        case .malformedCSV(.textAfterClosingQuote(let byte)):
            return "unexpected \(quoted(bytes: [byte])) after the closing quote of a quoted field"
        case .malformedCSV(.quoteInUnquotedField):
            return "quote character inside an unquoted field; a field with quotes must be quoted whole, with each quote doubled"
        case .rowTooLong(let limit):
            return
                "no line end within \(InputFile.describe(limit)) from the start of this row (outside quotes); MarketLink reads rows of up to \(InputFile.describe(limit)): is a quote left open?"
        case .emptyFile(.priceFile):
            return "the file is empty: expected a header row and price rows"
        case .emptyFile(.eventsFile):
            return "the file is empty: an events file needs a header line naming at least \"date\" and \"title\""
        case .noHeader(.priceFile):
            return
                "no header row found: expected a date column (Date, DATE, observation_date, 日期, 时间, ...) beside a close or value column in the first lines"
        case .noHeader(.eventsFile):
            return "the file has no header line: an events file needs one naming at least \"date\" and \"title\""
        case .tooManyFields(let count, let header, let role):
            let hint = role == .priceFile ? "an unquoted comma inside a number?" : "a comma in a title? put the title in double quotes"
            return "row has \(count) fields but the header has \(header) (\(hint))"
        case .tooFewFields(let count, let column, let field, let of):
            return "row has \(count) field\(count == 1 ? "" : "s"), too few to reach column \"\(shown(column))\" (field \(field) of \(of))"

        // MARK: Data: price files
        case .noDateColumn:
            return "no date column in the header"
        case .noCloseColumn(let columns):
            return "no close column: expected Close, Close/Last, Price, PX_LAST, 收盘 or a value column (columns: \(Self.columnList(columns)))"
        case .symbolWithoutClose(let columns):
            return "the file has a symbol column but no close column (columns: \(Self.columnList(columns)))"
        case .noPriceRows(let line):
            return "the header on line \(line) is followed by no price rows"
        case .unreadableDate(let text, let column):
            return "cannot read \(quoted(text)) as a date in column \"\(shown(column))\""
        case .missingDate(let column):
            return "row has no date in column \"\(shown(column))\""
        case .notARealDate(let text, let why):
            return "\(quoted(text)) is not a real date (\(why))"
        case .dateFitsNoOrder(let date, let column):
            return "date \(quoted(date)) in column \"\(shown(column))\" is not a valid date in any day/month order the rest of the column allows"
        case .missingSymbol(let column):
            return "row has no symbol in column \"\(shown(column))\""
        case .unreadableNumber(let text, let column):
            return "cannot read \(quoted(text)) as a number in column \"\(shown(column))\""
        case .closeNotPositive(let text, let column):
            return
                "close \(quoted(text)) in column \"\(shown(column))\" is not positive: an index level must be above 0 (percent changes divide by it)"
        case .closeTooSmall(let text, let column):
            return "close \(quoted(text)) in column \"\(shown(column))\" is too small: a percent change against it cannot be finite"
        case .mixedDecimalMarks(let column, let first, let firstLine, let disagreeing):
            let firstMark = first.contains(",") && !first.contains(".") ? "a decimal comma" : "a decimal point"
            let otherMark = firstMark == "a decimal comma" ? "a decimal point" : "a decimal comma"
            return
                "column \"\(shown(column))\" mixes decimal marks: \(quoted(first)) (line \(firstLine)) has \(firstMark), \(quoted(disagreeing)) \(otherMark)"
        case .dateYearOutOfRange(let text, let reading):
            return "\(quoted(text)) is \(reading): years run from 0001 to 9999"
        case .epochNotMidnight(let text, let instant, let column):
            return
                "\(quoted(text)) in column \"\(shown(column))\" is the instant \(instant), not a date: epoch stamps in a daily file must fall at 00:00:00 UTC"
        case .duplicateDate(let day, let series, let firstLine):
            return "duplicate date \(day.iso)\(Self.forSeries(series)) (also on line \(firstLine))"
        case .dateOutOfOrder(let day, let series, let firstLine, let firstLineDay):
            return
                "date \(day.iso)\(Self.forSeries(series)) is out of order: line \(firstLine) has \(firstLineDay.iso); dates must run one way (oldest or newest first)"
        case .intradayZoneUnknown(let series):
            return
                "the bar times of \(quoted(series)) have no offset and its market is unknown: name the time zone they are in (e.g. America/New_York), or the series' market"
        case .barTimeNotIncreasing(let text, let firstLine, let duplicate):
            return duplicate
                ? "duplicate bar time \(quoted(text)) (also on line \(firstLine))"
                : "bar time \(quoted(text)) is out of order (line \(firstLine) is later); bar times must run one way (oldest or newest first)"

        // MARK: Data: events files
        case .missingEventColumns(let missing, let found):
            return
                "the header has no \(missing.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")) column (found \(found.prefix(12).map { quoted($0, limit: 30) }.joined(separator: ", "))); the first line of an events file names its columns, with at least \"date\" and \"title\""
        case .duplicateEventColumn(let column, let first, let second):
            return "the column \"\(column.rawValue)\" appears twice in the header (fields \(first) and \(second))"
        case .invalidEventCell(_, let problem):
            return problem
        case .duplicateEventID(let id, let firstLine):
            return "duplicate id \(quoted(id)): the event on line \(firstLine) has it too; ids must be unique"
        case .duplicateRowNumberID(let id, let firstLine, let hasIDColumn):
            let why = hasIDColumn ? " (its \"id\" cell is empty)" : ""
            return
                "this event's id is its row number, \(id)\(why), but the event on line \(firstLine) has id \"\(id)\" too; fill in a unique id"

        // MARK: Data: measuring
        case .noSessionInRange(let series, let from, let to, let lastBefore, let firstAfter):
            var around: [String] = []
            if let lastBefore { around.append("the last before is \(lastBefore.iso)") }
            if let firstAfter { around.append("the first after is \(firstAfter.iso)") }
            if around.isEmpty { around.append("the series has no sessions") }
            return "\(quoted(series)) has no session dated from \(from.iso) to \(to.iso) (\(around.joined(separator: ", ")))"
        case .noBaseSession(let series, let first):
            return
                "\(quoted(series)) has no session before \(first.iso), its first, so there is no base close to measure the move from; start the range later"

        // MARK: Files
        case .noSuchFile:
            return "no such file"
        case .isDirectory:
            return "is a directory, not a file"
        case .cannotOpen(let reason):
            return "cannot open the file: \(reason)"
        case .cannotRead(let what, let reason):
            return "cannot read the \(what): \(reason)"
        case .fileTooLarge(let size, let limit):
            return
                "the file is \(InputFile.describe(size)); MarketLink reads files of up to \(InputFile.describe(limit)): split it (by symbol or by years) and load the parts"
        case .inputGrew(let limit):
            return "the file grew past \(InputFile.describe(limit)) while it was read; MarketLink reads files of up to \(InputFile.describe(limit))"
        case .endlessInput(let source, let limit):
            return
                "more than \(InputFile.describe(limit)) came from this \(source) (is it endless?); MarketLink reads inputs of up to \(InputFile.describe(limit))"
        case .cannotLock(let reason):
            return "cannot lock the file: \(reason)"
        case .lockTimedOut(let waited):
            return
                "gave up after waiting \(FileLock.seconds(waited)) for the lock on the file: another process (another mlink edit, or a program holding flock on it) still holds it; try again when it has finished"
        case .cannotWrite(let message), .outputClosed(let message):
            return message
        case .outputIsInput(let input):
            return "refusing to write over the input file \(quoted(input, limit: 1024)); choose another output path"

        // MARK: One-off
        case .invalidData(let message), .invalidRequest(let message):
            return message
        }
    }

    // MARK: Parts

    /// `unknown time zone "Beijing"; use an IANA name ...`, with the name it matches but for case.
    static func unknownZoneText(_ name: String, suggestion: String?) -> String {
        var text = "unknown time zone \(quoted(name)); use \(EventFieldReader.zoneHint)"
        if let suggestion { text += " (did you mean \(quoted(suggestion))?)" }
        return text
    }

    /// "the time and the time zone": what the columns of an event hold, for a message.
    static func valueNames(_ columns: [EventColumn]) -> String {
        columns.map { column in
            switch column {
            case .id: "the id"
            case .date: "the date"
            case .title: "the title"
            case .time: "the time"
            case .timezone: "the time zone"
            case .tags: "the tags"
            case .score: "the score"
            case .source: "the source"
            }
        }.joined(separator: " and ")
    }

    /// Up to five series names, then "...".
    static func firstNames(_ names: [String]) -> String {
        names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", ..." : "")
    }

    /// A header's cells for a message, shortened.
    static func columnList(_ columns: [String]) -> String {
        shown(columns.joined(separator: ", "), limit: 200)
    }

    /// ` for NAME` when a file holds several series, else nothing.
    static func forSeries(_ series: String?) -> String {
        series.map { " for \(shown($0))" } ?? ""
    }
}
