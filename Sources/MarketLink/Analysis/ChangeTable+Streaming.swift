import Dispatch
import Foundation

// MARK: - Streaming CSV

extension ChangeTable {
    /// Computes the change report and hands it to `sink` as CSV bytes, batch by batch, in the same
    /// order and with the same bytes as `ChangeTable(...).csv()`, without holding every row in memory.
    ///
    /// A pipeline: batches of events are computed and formatted on worker threads (as many as there
    /// are cores, at most `inFlight` batches ahead), while the calling thread hands finished batches
    /// to `sink` strictly in order, so writing overlaps formatting. With `sentences`, each row
    /// ends with its sentence, as `csv(sentences: true)` writes it.
    public static func streamCSV(
        events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule = .next, sentences: Bool = false,
        sink: ([UInt8]) throws -> Void
    ) throws {
        var header: [UInt8] = []
        CSVWriter.appendHeader(csvHeader(sentences: sentences), to: &header)
        try sink(header)
        // About 4 MB of CSV per batch.
        let rowsPerEvent = max(series.count * windows.count, 1)
        let formatter = ChangeCSVFormatter(events: events, series: series, windows: windows, sentences: sentences)
        try streamBatches(
            events: events, series: series, windows: windows, rule: rule, batches: batches(events.indices, eventsPerBatch: 24_000 / rowsPerEvent),
            format: { _, entries in
                var buffer: [UInt8] = []
                buffer.reserveCapacity(entries.count * 200)
                formatter.append(entries[...], to: &buffer)
                return buffer
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
    /// and the windows placed on a worker thread (as many as there are cores, at most a few
    /// batches ahead), the entries turned into output by `format` there too, and each output
    /// handed to `sink` on the calling thread strictly in batch order, so that writing overlaps
    /// the work and memory holds a few batches, never the table.
    static func streamBatches<Output: Sendable>(
        events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule, batches: [Range<Int>],
        format: @escaping @Sendable (Range<Int>, [Entry]) -> Output, sink: (Output) throws -> Void
    ) throws {
        guard !batches.isEmpty else { return }
        let counts = series.map(\.count)
        let results = OrderedBatches<Output>(count: batches.count)
        let queue = DispatchQueue(label: "marketlink.changes", attributes: .concurrent)
        let inFlight = max(2, ProcessInfo.processInfo.activeProcessorCount + 1)
        var submitted = 0
        func submit() {
            let index = submitted
            let range = batches[index]
            submitted += 1
            queue.async {
                // t0 of this batch's events, found once, then every window placed around it.
                let sessions = EventSessions.find(events: events, range: range, series: series, rule: rule)
                let entries = ChangeTable.entries(sessions: sessions, counts: counts, windows: windows, eventRange: range)
                results.deliver(format(range, entries), at: index)
            }
        }
        while submitted < min(inFlight, batches.count) { submit() }
        defer {
            // On an error from `sink`, let the batches already started finish before returning.
            for index in 0..<submitted { _ = results.wait(index) }
        }
        for index in batches.indices {
            if let output = results.wait(index) { try sink(output) }
            if submitted < batches.count { submit() }
        }
    }
}

/// Finished batches, handed over in order: one slot and one semaphore per batch.
final class OrderedBatches<Output: Sendable>: @unchecked Sendable {
    private var slots: [Output?]
    private let ready: [DispatchSemaphore]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    func deliver(_ output: Output, at index: Int) {
        lock.lock()
        slots[index] = output
        lock.unlock()
        ready[index].signal()
    }

    /// Blocks until batch `index` is delivered, then takes it (`nil` on a second call).
    func wait(_ index: Int) -> Output? {
        lock.lock()
        if let output = slots[index] {
            slots[index] = nil
            taken.insert(index)
            lock.unlock()
            return output
        }
        if taken.contains(index) {
            lock.unlock()
            return nil
        }
        lock.unlock()
        ready[index].wait()
        lock.lock()
        defer { lock.unlock() }
        let output = slots[index]
        slots[index] = nil
        taken.insert(index)
        return output
    }

    private var taken: Set<Int> = []
}
