// MARK: - CSV export

extension ChangeTable {
    /// The CSV columns, in DESIGN §3 order; `event_session` and `log_return` follow.
    public static let csvColumns = [
        "event_id", "event_date", "event_title", "tags", "series", "window", "base_date", "base_close", "end_date",
        "end_close", "points", "percent", "status", "event_session", "log_return",
    ]

    /// Decimals written for percent and log return: enough for 1e-9 agreement with any other tool.
    static let percentDecimals = 10
    static let logDecimals = 12

    /// The change report as CSV bytes (UTF-8, LF line ends, header first).
    ///
    /// Closes and points are written to the precision of the series as read (`Series.decimals`), so
    /// a move between two 2-decimal closes is exact (`260.33`, not `260.33000000000175`).
    public func csv() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(rows.count * 120 + 256)
        CSVWriter.appendHeader(ChangeTable.csvColumns, to: &buffer)
        appendCSVRows(rows[...], to: &buffer)
        return buffer
    }

    /// Appends rows (any slice of `rows`) without the header.
    public func appendCSVRows(_ slice: ArraySlice<ChangeRow>, to buffer: inout [UInt8]) {
        // Escape each event's and series' text once, not once per row.
        var eventPrefix: [Int: [UInt8]] = [:]
        let seriesCells: [[UInt8]] = series.map { item in
            var cell: [UInt8] = []
            CSVWriter.appendText(item.name, to: &cell)
            return cell
        }
        let windowCells: [[UInt8]] = windows.map { Array($0.description.utf8) }
        for row in slice {
            let prefix: [UInt8]
            if let cached = eventPrefix[row.event] {
                prefix = cached
            } else {
                let event = events[row.event]
                var cell: [UInt8] = []
                CSVWriter.appendText(event.id, to: &cell)
                cell.append(44)
                event.date.appendISO(to: &cell)
                cell.append(44)
                CSVWriter.appendText(event.title, to: &cell)
                cell.append(44)
                CSVWriter.appendText(event.tags.joined(separator: ";"), to: &cell)
                cell.append(44)
                eventPrefix[row.event] = cell
                prefix = cell
            }
            buffer.append(contentsOf: prefix)
            buffer.append(contentsOf: seriesCells[row.series])
            buffer.append(44)
            buffer.append(contentsOf: windowCells[row.window])
            buffer.append(44)
            let item = series[row.series]
            let decimals = item.decimals
            if row.baseSession >= 0 {
                item.day(at: Int(row.baseSession)).appendISO(to: &buffer)
                buffer.append(44)
                CSVWriter.appendNumber(item.close(at: Int(row.baseSession)), decimals: decimals, to: &buffer)
            } else {
                buffer.append(44)
            }
            buffer.append(44)
            if row.endSession >= 0 {
                item.day(at: Int(row.endSession)).appendISO(to: &buffer)
                buffer.append(44)
                CSVWriter.appendNumber(item.close(at: Int(row.endSession)), decimals: decimals, to: &buffer)
            } else {
                buffer.append(44)
            }
            buffer.append(44)
            if row.status == .ok {
                let base = item.close(at: Int(row.baseSession))
                let end = item.close(at: Int(row.endSession))
                CSVWriter.appendNumber(end - base, decimals: decimals, to: &buffer)
                buffer.append(44)
                CSVWriter.appendNumber(100 * (end / base - 1), decimals: ChangeTable.percentDecimals, to: &buffer)
                buffer.append(44)
                buffer.append(contentsOf: Array("ok".utf8))
            } else {
                buffer.append(44)
                buffer.append(44)
                buffer.append(contentsOf: Array(row.status.rawValue.utf8))
            }
            buffer.append(44)
            if row.eventSession >= 0 { item.day(at: Int(row.eventSession)).appendISO(to: &buffer) }
            buffer.append(44)
            if let value = logReturn(row) { CSVWriter.appendNumber(value, decimals: ChangeTable.logDecimals, to: &buffer) }
            buffer.append(10)
        }
    }
}
