import Foundation
import MarketLink

// MARK: - Errors in mlink's words

/// The one place where mlink says which of its flags fixes a library error. The library's
/// messages say what is wrong in terms of meaning ("a local time needs a time zone"); for each
/// reason a flag can fix, this gives mlink's message naming the flag ("--time needs --timezone").
/// Every other reason keeps the library's message. Flag names come from the option definitions,
/// so a renamed option renames its hint.
enum ErrorHints {
    /// What mlink prints for `error`: `file:line:column: error: message`, or `error: message`.
    static func description(_ error: MarketLinkError) -> String {
        let text = message(error.reason)
        if let location = error.location { return "\(location): error: \(text)" }
        return "error: \(text)"
    }

    /// The message for `reason` as mlink says it: the library's, or one naming the flag that fixes it.
    static func message(_ reason: MarketLinkError.Reason) -> String {
        switch reason {
        // Events to add or edit.
        case .timeWithoutZone:
            return "\(EventFieldOptions.time.name) needs \(EventFieldOptions.timeZone.name) (an IANA name such as America/New_York, or an offset such as +08:00)"
        case .unknownTimeZone:
            return "\(EventFieldOptions.timeZone.name): \(reason.message)"
        case .invalidEventValue(let column, let problem):
            return "\(flag(column)): \(problem)"
        case .columnsMissingForEdit(let missing):
            let names = missing.map { "\"\($0.rawValue)\"" }
            let noun = missing.count == 1 ? "column" : "columns"
            var text =
                "the events file has no \(names.joined(separator: " or ")) \(noun), so \(missing.map(flag).joined(separator: " and ")) cannot be recorded; add the \(noun) to its header line first"
            if missing.contains(.time) || missing.contains(.timezone) {
                text += ", or give \(flag(.date)) as an ISO 8601 instant such as 2023-06-07T17:00-04:00"
            }
            return text

        // The event study.
        case .estimationNotBeforeWindow(let estimation, let window):
            return
                "the estimation window \(estimation) must end before the event window \(window) starts (its end \(estimation.end) must be below \(window.start)), e.g. \(StudyOptions.estimation.name) \(estimation.start):\(window.baseOffset)"
        case .minimumEstimationBelowOne(let minimum):
            return "\(StudyOptions.minimumEstimation.name) must be at least 1, not \(minimum)"
        case .minimumEstimationAboveWindow(let minimum, let estimation):
            return
                "\(StudyOptions.minimumEstimation.name) \(minimum) asks for more returns than the estimation window \(estimation) holds (\(estimation.sessionCount)): lengthen the window or lower the minimum"
        case .buyAndHoldWithLogReturns:
            let bhar = StudyCommand.bhar.name
            return "\(bhar) compounds simple returns: drop \(StudyOptions.returns.name) log or \(bhar)"
        case .modelNeedsBenchmark(let model):
            return
                "\(StudyOptions.model.name) \(model.rawValue) needs a benchmark series: add \(StudyOptions.benchmark.name) SERIES (e.g. an S&P 500 file)"
        case .modelIgnoresBenchmark(let model):
            let option = StudyOptions.model.name
            return
                "\(option) \(model.rawValue) does not use a benchmark: drop \(StudyOptions.benchmark.name), or choose \(option) market or market-model"

        // Claims and series.
        case .claimNeedsDate:
            return
                "the claim gives no level (\"to 33,833.61\") and no dated day (\"on June 8, 2023\") to find its session by; add \(CheckCommand.near.name) DATE"
        case .claimNeedsPublicationDate:
            return reason.message + " with \(CheckCommand.published.name) DATE"
        case .conflictingPublicationDates(let first, let firstDate, let second, let secondDate):
            return
                "the article gives two publication dates: \(first) says \(firstDate.iso), but \(second) says \(secondDate.iso); give the right one with \(ArticleCommand.published.name) DATE"
        case .duplicateSeriesName:
            return reason.message + "; name one with NAME=path"
        case .unknownSeriesForMarket(let name, let known):
            return "\(PriceFileOptions.market.name) names \(MessageText.quoted(name)), but no series has that name (\(known.joined(separator: ", ")))"
        case .nameForSeveralSeries(let name, let series):
            let names = series.prefix(5).joined(separator: ", ") + (series.count > 5 ? ", ..." : "")
            return "\(name)= names one series, but the file has \(series.count) (\(names)); drop the name"

        // Data that a flag can fix.
        case .adjustedCloseMissing(let columns):
            return
                "\(PriceFileOptions.adjusted.name) asks for an adjusted close, but the header has none (columns: \(MessageText.shown(columns.joined(separator: ", "), limit: 200)))"
        case .ambiguousDateOrder(let date, let column, let possible):
            let option = PriceFileOptions.dateFormat.name
            let names = possible.map(\.rawValue).joined(separator: " or ")
            let example = possible.first.map { " (e.g. \(option) \($0.rawValue))" } ?? ""
            return "date \(MessageText.quoted(date)) in column \"\(MessageText.shown(column))\" could be \(names): the file cannot tell; name the order with \(option)\(example)"
        case .dateNotInGivenOrder(let date, let column, let order):
            return
                "date \(MessageText.quoted(date)) in column \"\(MessageText.shown(column))\" is not a valid date as \(order.pattern) (\(PriceFileOptions.dateFormat.name) \(order.rawValue))"

        case .intradayZoneUnknown(let series):
            return
                "the bar times of \(MessageText.quoted(series)) have no offset and its market is unknown: name their zone with \(PriceFileOptions.timeZone.name) (e.g. \(PriceFileOptions.timeZone.name) America/New_York) or the market with \(PriceFileOptions.market.name)"

        default:
            return reason.message
        }
    }

    /// The `events add|edit` flag that sets `column`.
    static func flag(_ column: EventColumn) -> String {
        switch column {
        case .id: "the id"
        case .date: EventFieldOptions.date(required: false).name
        case .title: EventFieldOptions.title(required: false).name
        case .time: EventFieldOptions.time.name
        case .timezone: EventFieldOptions.timeZone.name
        case .tags: EventFieldOptions.tag.name
        case .score: EventFieldOptions.score.name
        case .source: EventFieldOptions.source.name
        }
    }

}

// MARK: - Settings in mlink's words

extension ToolVocabulary {
    /// `text` in single quotes for a POSIX shell, a quote inside written `'\''`.
    static func shellQuoted(_ text: String) -> String {
        // Most names hold no quote: no Foundation search for them (inspect names 60,000 series of a wide file).
        guard text.utf8.contains(UInt8(ascii: "'")) else { return "'" + text + "'" }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// mlink's flags and commands for the settings the library's explanations point to.
    static let mlink = ToolVocabulary { term in
        switch term {
        case .market(let series):
            let option = PriceFileOptions.market.name
            // A line to paste: the name quoted for the shell (`S&P 500 Historical Data` has spaces and `&`).
            return series.map { "\(option) \(Self.shellQuoted("\($0)=NYSE")), or \(Self.shellQuoted("\($0)=ZONE@HH:MM")) for another market" } ?? option
        case .alignment(let rule): return "\(WindowOptions.align.name) \(rule.rawValue)"
        case .cleanEstimation: return StudyOptions.clean.name
        case .mergeSharedSessions: return StudyOptions.mergeSharedSessions.name
        case .estimationWindow: return "\(StudyOptions.estimation.name) A:B"
        case .minimumEstimation(let value): return "\(StudyOptions.minimumEstimation.name) \(value.map(String.init) ?? "N")"
        case .model: return StudyOptions.model.name
        case .benchmark: return StudyOptions.benchmark.name
        case .adjustedClose: return PriceFileOptions.adjusted.name
        case .nearDate: return "\(CheckCommand.near.name) DATE"
        case .publicationDate: return "\(ArticleCommand.published.name) DATE"
        case .studySettings: return "mlink \(StudyCommand.spec.name) --help"
        case .chartCommand: return "mlink \(ChartCommand.spec.name)"
        case .changesCommand: return "mlink \(ChangesCommand.spec.name)"
        case .studyCommand: return "mlink \(StudyCommand.spec.name)"
        }
    }
}
