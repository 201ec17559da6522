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
        guard !events.isEmpty else { return }
        // About 4 MB of CSV per batch.
        let rowsPerEvent = max(series.count * windows.count, 1)
        let batchEvents = max(1, min(events.count, 24_000 / rowsPerEvent))
        var batches: [Range<Int>] = []
        var start = 0
        while start < events.count {
            let end = min(events.count, start + batchEvents)
            batches.append(start..<end)
            start = end
        }
        let formatter = ChangeCSVFormatter(events: events, series: series, windows: windows, sentences: sentences)
        let counts = series.map(\.count)
        let results = OrderedBatches(count: batches.count)
        let queue = DispatchQueue(label: "marketlink.csv", attributes: .concurrent)
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
                var buffer: [UInt8] = []
                buffer.reserveCapacity(entries.count * 200)
                formatter.append(entries[...], to: &buffer)
                results.deliver(buffer, at: index)
            }
        }
        while submitted < min(inFlight, batches.count) { submit() }
        defer {
            // On an error from `sink`, let the batches already started finish before returning.
            for index in 0..<submitted { _ = results.wait(index) }
        }
        for index in batches.indices {
            let buffer = results.wait(index)
            try sink(buffer)
            if submitted < batches.count { submit() }
        }
    }
}

/// Finished batches, handed over in order: one slot and one semaphore per batch.
final class OrderedBatches: @unchecked Sendable {
    private var slots: [[UInt8]?]
    private let ready: [DispatchSemaphore]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    func deliver(_ bytes: [UInt8], at index: Int) {
        lock.lock()
        slots[index] = bytes
        lock.unlock()
        ready[index].signal()
    }

    /// Blocks until batch `index` is delivered, then takes it (an empty array on a second call).
    func wait(_ index: Int) -> [UInt8] {
        lock.lock()
        if let bytes = slots[index] {
            slots[index] = []
            lock.unlock()
            return bytes
        }
        lock.unlock()
        ready[index].wait()
        lock.lock()
        defer { lock.unlock() }
        let bytes = slots[index] ?? []
        slots[index] = []
        return bytes
    }
}
