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
        CSVWriter.appendHeader(csvHeader(sentences: sentences, minutes: windows.contains(where: \.isMinuteWindow)), to: &header)
        try sink(header)
        // About 4 MB of CSV per batch.
        let rowsPerEvent = max(series.count * windows.count, 1)
        let formatter = ChangeCSVFormatter(events: events, series: series, windows: windows, sentences: sentences)
        try streamBatches(
            events: events, series: series, windows: windows, rule: rule, batches: batches(events.indices, eventsPerBatch: 24_000 / rowsPerEvent),
            format: { _, entries in
                formatter.bytes(entries[...])
            }, sink: sink)
    }

    /// `range` cut into consecutive batches of `eventsPerBatch` events (at least one).
    static func batches(_ range: Range<Int>, eventsPerBatch: Int) -> [Range<Int>] {
        let size = max(1, eventsPerBatch)
        var batches: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(range.upperBound, start + size)
            batches.append(start..<end)
            start = end
        }
        return batches
    }

    /// The pipeline of every streamed output: for each batch of events (in `batches`), t0 found
    /// and the windows placed on a worker thread (`OrderedWork`: both cores, a few batches
    /// ahead), the entries turned into output by `format` there too, and each output handed to
    /// `sink` on the calling thread strictly in batch order, so that writing overlaps the work and
    /// memory holds a few batches, never the table. The events of each batch handed to `sink`
    /// count as done in the current `WorkProgress`.
    static func streamBatches<Output: Sendable>(
        events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule, batches: [Range<Int>],
        format: @escaping @Sendable (Range<Int>, [Entry]) -> Output, sink: (Output) throws -> Void
    ) throws {
        let counts = series.map(\.count)
        let progress = WorkProgress.current
        progress?.beginComputing("changes", total: batches.reduce(0) { $0 + $1.count }, unit: "events")
        try OrderedWork.run(
            count: batches.count,
            work: { index in
                // t0 of this batch's events, found once, then every window placed around it.
                let range = batches[index]
                let sessions = EventSessions.find(events: events, range: range, series: series, rule: rule)
                let entries = ChangeTable.entries(sessions: sessions, events: events, series: series, counts: counts, windows: windows, eventRange: range)
                return format(range, entries)
            },
            consume: { index, output in
                try sink(output)
                progress?.advance(by: batches[index].count)
            })
    }
}
