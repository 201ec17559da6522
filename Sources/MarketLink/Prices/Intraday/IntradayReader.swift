import Foundation

// MARK: - Intraday files

/// Reads a price file of intraday bars (DESIGN §8): minute or hourly bars, whose stamps carry
/// times (`2023-06-08 09:31:00-04:00`, `Date,Time` columns, epoch seconds or milliseconds,
/// MetaTrader's `<DATE>\t<TIME>`, or no header at all: `2023-06-08 09:31:00,O,H,L,C`).
///
/// A file is intraday when its first rows have times and two of them fall on one written date;
/// a daily file with times (`2000-01-03 00:00:00`, `5/11/2018 16:00:00`) has one row a date and
/// is left to the daily reader, which stays as fast as it was (only the first rows are looked at
/// here). The series it gives is the daily view — the close of the last bar of each session —
/// with the bars beside it (`Series.intraday`), so every daily command works on it unchanged.
///
/// Instants: an offset in the data gives them, epoch stamps are UTC, and a time without a zone
/// is wall-clock time in the zone the caller gives, else in the series' market's zone (else an
/// error). The local zone, for session dates and for showing times, is the market's, else the
/// given one, else the data's offset (else UTC). Bar length L is the most frequent gap between
/// consecutive stamps (ties: the smaller); stamps are starts unless the caller says they are ends.
enum IntradayReader {
    /// How many data rows decide whether a file is intraday.
    static let probedRows = 64

    /// The columns of an intraday file, found from its first rows.
    struct Columns {
        var header: DetectedHeader
        var dateIndex: Int
        var timeIndex: Int?
        var closeIndex: Int
        /// No header row: the first row is data.
        var headerless: Bool
        var isMetaTrader: Bool
        /// Where the data rows begin, and the line there.
        var dataStart: Int
        var dataLine: Int
    }

    /// The file read as intraday bars, or `nil` when it is not an intraday file (the daily reader
    /// then reads it, and reports whatever is wrong with it).
    static func readIfIntraday(_ bytes: UnsafeBufferPointer<UInt8>, file: String, options: PriceLoadOptions) throws(MarketLinkError) -> PriceFile? {
        guard bytes.count > 0, bytes.count < Int(UInt32.max), let columns = detect(bytes, file: file, options: options) else { return nil }
        try TextEncodingCheck.validate(bytes, file: file)
        return try read(bytes, file: file, options: options, columns: columns)
    }

    // MARK: Detection

    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, file: String, options: PriceLoadOptions) -> Columns? {
        let delimiter = CSVDialect.sniffDelimiter(bytes)
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, file: file)
        let start = tokenizer.position
        var fields: [CSVField] = []
        guard (try? tokenizer.nextRow(into: &fields)) == true, let first = fields.first else { return nil }
        var columns: Columns
        // MetaTrader's `<DATE>` cells, tested cell by cell up to the first that is not one (the
        // first cell of a wide file's header), before the cells are read as text.
        func isBracketed(_ field: CSVField) -> Bool {
            let cell = tokenizer.text(field).trimmingWhitespace
            return cell.hasPrefix("<") && cell.hasSuffix(">") && cell.count > 2
        }
        if IntradayStampReader.read(tokenizer.slice(first), time: nil, order: options.dateOrder) != nil, fields.count >= 2,
            fields.dropFirst().allSatisfy({ if case .value = NumberReader.read(tokenizer.slice($0)) { true } else { false } })
        {
            // No header: time, then open, high, low, close (and volume), or time and one value.
            let names = ["time", "open", "high", "low", "close", "volume"]
            let header = fields.indices.map { $0 < names.count ? names[$0] : "column \($0 + 1)" }
            columns = Columns(
                header: DetectedHeader(cells: header, rawCells: header, line: 0, preamble: Preamble(), isYFinance: false),
                dateIndex: 0, timeIndex: nil, closeIndex: fields.count >= 5 ? 4 : fields.count - 1, headerless: true,
                isMetaTrader: false, dataStart: start, dataLine: 1)
        } else if fields.count >= 2, fields.allSatisfy(isBracketed) {
            let cells = fields.map { tokenizer.text($0).trimmingWhitespace }
            let stripped = cells.map { String($0.dropFirst().dropLast()) }
            guard let found = try? PriceColumns(header: stripped, adjustedClose: options.adjustedClose, file: file, headerLine: 1),
                !found.isWide, found.symbolIndex == nil, let close = found.valueIndexes.first
            else { return nil }
            columns = Columns(
                header: DetectedHeader(cells: stripped, rawCells: cells, line: 1, preamble: Preamble(), isYFinance: false),
                dateIndex: found.dateIndex, timeIndex: timeColumn(stripped, dateIndex: found.dateIndex), closeIndex: close, headerless: false,
                isMetaTrader: true, dataStart: tokenizer.position, dataLine: tokenizer.line)
        } else {
            var headerTokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, file: file)
            guard let header = try? HeaderDetection.detect(&headerTokenizer, file: file),
                let found = try? PriceColumns(header: header.cells, adjustedClose: options.adjustedClose, file: file, headerLine: header.line),
                !found.isWide, found.symbolIndex == nil, let close = found.valueIndexes.first
            else { return nil }
            columns = Columns(
                header: header, dateIndex: found.dateIndex, timeIndex: timeColumn(header.cells, dateIndex: found.dateIndex), closeIndex: close,
                headerless: false, isMetaTrader: false, dataStart: headerTokenizer.position, dataLine: headerTokenizer.line)
        }
        return hasIntradayRows(bytes, delimiter: delimiter, file: file, columns: columns, order: options.dateOrder) ? columns : nil
    }

    /// A `Time` column beside the date column, if the header has one.
    static func timeColumn(_ header: [String], dateIndex: Int) -> Int? {
        header.indices.first { $0 != dateIndex && ["time", "时间", "hour"].contains(ColumnRole.normalize(header[$0])) }
    }

    /// Whether the first data rows all carry times and two consecutive ones share a written date.
    static func hasIntradayRows(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, file: String, columns: Columns, order: DateOrder?) -> Bool {
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, file: file, start: columns.dataStart, line: columns.dataLine)
        var fields: [CSVField] = []
        var previous: Int64?
        var sharesDay = false
        var looked = 0
        while looked < probedRows, (try? tokenizer.nextRow(into: &fields)) == true {
            guard let stamp = stamp(fields, tokenizer: tokenizer, columns: columns, order: order) else { return false }
            if previous == stamp.writtenDay { sharesDay = true }
            previous = stamp.writtenDay
            looked += 1
        }
        return sharesDay
    }

    static func stamp(_ fields: [CSVField], tokenizer: CSVTokenizer, columns: Columns, order: DateOrder?) -> IntradayStamp? {
        guard columns.dateIndex < fields.count else { return nil }
        var time: UnsafeBufferPointer<UInt8>?
        if let timeIndex = columns.timeIndex {
            guard timeIndex < fields.count else { return nil }
            time = tokenizer.slice(fields[timeIndex])
        }
        return IntradayStampReader.read(tokenizer.slice(fields[columns.dateIndex]), time: time, order: order)
    }
}
