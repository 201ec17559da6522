// MARK: - Streaming CSV

extension ChangeTable {
    /// Computes the change report and hands it to `sink` as CSV bytes, batch by batch, in the same
    /// order and with the same bytes as `ChangeTable(...).csv()`, without holding every row in memory.
    ///
    /// A pipeline (`OrderedWork`): batches of events are computed and formatted on worker threads,
    /// a few batches ahead, while the calling thread hands finished batches to `sink` strictly in
    /// order, so writing overlaps formatting. With `sentences`, each row ends with its sentence,
    /// as `csv(sentences: true)` writes it.
    public static func streamCSV(
        events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule = .next, sentences: Bool = false,
        sink: ([UInt8]) throws -> Void
    ) throws {
        var header: [UInt8] = []
        CSVWriter.appendHeader(csvHeader(sentences: sentences), to: &header)
        try sink(header)
        guard !events.isEmpty else { return }
        // About 4 MB of CSV per batch.
        let rowsPerEvent = max(series.count * windows.count, 1)
        let batchEvents = max(1, min(events.count, 24_000 / rowsPerEvent))
        let batches = stride(from: 0, to: events.count, by: batchEvents).map { $0..<min(events.count, $0 + batchEvents) }
        let formatter = ChangeCSVFormatter(events: events, series: series, windows: windows, sentences: sentences)
        let counts = series.map(\.count)
        try OrderedWork.run(
            count: batches.count,
            work: { index in
                // t0 of this batch's events, found once, then every window placed around it.
                let range = batches[index]
                let sessions = EventSessions.find(events: events, range: range, series: series, rule: rule)
                let entries = ChangeTable.entries(sessions: sessions, counts: counts, windows: windows, eventRange: range)
                var buffer: [UInt8] = []
                buffer.reserveCapacity(entries.count * 200)
                formatter.append(entries[...], to: &buffer)
                return buffer
            },
            consume: { _, buffer in try sink(buffer) })
    }
}
