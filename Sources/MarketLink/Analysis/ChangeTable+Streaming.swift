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

    /// Writes the change report as CSV to `output`: the bytes `streamCSV` hands over, in order,
    /// without holding every row in memory.
    ///
    /// Batches of about 2,000 rows (whole events; a few hundred KB, within a core's L2 cache) are
    /// formatted on every core and each is written by the thread that formatted it, in turn
    /// (`TurnWriter`), so that its bytes are copied into the file from that core's cache rather
    /// than handed to another thread. The first write error stops every later write and is
    /// thrown; `output` is then neither committed nor aborted by this call (its owner decides).
    /// The events of each batch written count as done in the current `WorkProgress`.
    public static func writeCSV(
        events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule = .next, sentences: Bool = false,
        to output: OutputFile
    ) throws(MarketLinkError) {
        try writeCSV(
            events: events, series: series, windows: windows, rule: rule, sentences: sentences, to: output, batchRows: 2_000,
            pairsPerGroup: pairsPerSessionGroup)
    }

    /// `writeCSV(to:)` in batches of about `batchRows` rows (whole events, at least one), t0
    /// found for at most `pairsPerGroup` event × series pairs at once (at least a batch's).
    static func writeCSV(
        events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule, sentences: Bool, to output: OutputFile,
        batchRows: Int, pairsPerGroup: Int
    ) throws(MarketLinkError) {
        var header: [UInt8] = []
        CSVWriter.appendHeader(csvHeader(sentences: sentences, minutes: windows.contains(where: \.isMinuteWindow)), to: &header)
        try output.write(header)
        let rowsPerEvent = max(series.count * windows.count, 1)
        let batches = batches(events.indices, eventsPerBatch: batchRows / rowsPerEvent)
        guard !batches.isEmpty else { return }
        let formatter = ChangeCSVFormatter(events: events, series: series, windows: windows, sentences: sentences)
        let target = SendableOutput(output: output)
        let progress = WorkProgress.current
        progress?.beginComputing("changes", total: events.count, unit: "events")
        try forEachSessionGroup(events: events, series: series, windows: windows, rule: rule, batches: batches, pairs: pairsPerGroup) {
            group, entries throws(MarketLinkError) in
            try TurnWriter.run(
                count: group.count, capacity: batches[group.lowerBound].count * rowsPerEvent * (sentences ? 260 : 120),
                format: { index, buffer in formatter.write(entries(group.lowerBound + index)[...], into: &buffer) },
                write: { index, buffer throws(MarketLinkError) in
                    try target.output.writePiece(buffer)
                    progress?.advance(by: batches[group.lowerBound + index].count)
                })
        }
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
        pairsPerGroup: Int = pairsPerSessionGroup, format: @escaping @Sendable (Range<Int>, [Entry]) -> Output,
        sink: (Output) throws -> Void
    ) throws {
        let progress = WorkProgress.current
        progress?.beginComputing("changes", total: batches.reduce(0) { $0 + $1.count }, unit: "events")
        try forEachSessionGroup(events: events, series: series, windows: windows, rule: rule, batches: batches, pairs: pairsPerGroup) {
            group, entries in
            try OrderedWork.run(
                count: group.count,
                work: { index in format(batches[group.lowerBound + index], entries(group.lowerBound + index)) },
                consume: { index, output in
                    try sink(output)
                    progress?.advance(by: batches[group.lowerBound + index].count)
                })
        }
    }

    /// Calls `body` for each group of consecutive batches whose t0 are found together
    /// (`sessionGroup`), in order, with the group (indexes into `batches`) and a function giving
    /// the entries of any batch of it (by its index into `batches`), which worker threads may call.
    ///
    /// t0 of a group is found at once, series by series on both cores: a batch of a wide panel
    /// holds few events (one, for 5,000 series), and finding t0 batch by batch searched every
    /// series' dates from cold memory once per event.
    static func forEachSessionGroup<Failure: Error>(
        events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule, batches: [Range<Int>], pairs: Int,
        _ body: (Range<Int>, @escaping @Sendable (Int) -> [Entry]) throws(Failure) -> Void
    ) throws(Failure) {
        let counts = series.map(\.count)
        let width = series.count
        var first = 0
        while first < batches.count {
            let group = sessionGroup(batches, from: first, seriesCount: width, pairs: pairs)
            let span = batches[group.lowerBound].lowerBound..<batches[group.upperBound - 1].upperBound
            let sessions = EventSessions.find(events: events, range: span, series: series, rule: rule, parallel: true)
            try body(group) { batch in
                let range = batches[batch]
                let offset = (range.lowerBound - span.lowerBound) * width
                return ChangeTable.entries(
                    sessions: sessions[offset..<offset + range.count * width], events: events, series: series, counts: counts,
                    windows: windows, eventRange: range)
            }
            first = group.upperBound
        }
    }

    /// The event × series pairs whose t0 a streamed report finds at once (16 MB of `EventSession`).
    static let pairsPerSessionGroup = 1 << 20

    /// The batches from `first` whose t0 are found together: consecutive batches, each starting
    /// where the one before ends, with at most `pairs` event × series pairs in all (always at
    /// least the batch at `first`).
    static func sessionGroup(_ batches: [Range<Int>], from first: Int, seriesCount: Int, pairs: Int) -> Range<Int> {
        var end = first + 1
        var events = batches[first].count
        while end < batches.count, batches[end].lowerBound == batches[end - 1].upperBound,
            (events + batches[end].count) * max(seriesCount, 1) <= pairs
        {
            events += batches[end].count
            end += 1
        }
        return first..<end
    }
}
