import Dispatch
import Foundation

// MARK: - Streaming CSV

extension ChangeTable {
    /// Computes the change report and hands it to `sink` as CSV bytes, batch by batch, in the same
    /// order and with the same bytes as `ChangeTable(...).csv()`, without holding every row in
    /// memory. Batches are formatted on two threads at a time; `sink` is called in order on the
    /// calling thread.
    public static func streamCSV(
        events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule = .next,
        sink: ([UInt8]) throws -> Void
    ) throws {
        var header: [UInt8] = []
        CSVWriter.appendHeader(csvColumns, to: &header)
        try sink(header)
        guard !events.isEmpty else { return }
        // About 4 MB of CSV per batch.
        let rowsPerEvent = max(series.count * windows.count, 1)
        let batchEvents = max(1, min(events.count, 40_000 / rowsPerEvent))
        var batches: [Range<Int>] = []
        var start = 0
        while start < events.count {
            let end = min(events.count, start + batchEvents)
            batches.append(start..<end)
            start = end
        }
        let formatter = ChangeCSVFormatter(events: events, series: series, windows: windows)
        let workers = ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 1
        // One output buffer per worker, reused batch after batch: fresh multi-megabyte buffers would
        // cost a page fault per 4 KiB each time.
        let outputs = BatchOutputs(count: workers)
        var next = 0
        while next < batches.count {
            let group = Array(batches[next..<min(batches.count, next + workers)])
            DispatchQueue.concurrentPerform(iterations: group.count) { k in
                let rows = ChangeTable.compute(events: events, series: series, windows: windows, rule: rule, eventRange: group[k])
                var buffer = outputs.take(k)
                buffer.removeAll(keepingCapacity: true)
                buffer.reserveCapacity(rows.count * 200)
                formatter.append(rows[...], to: &buffer)
                outputs.store(buffer, at: k)
            }
            for k in group.indices {
                let buffer = outputs.take(k)
                try sink(buffer)
                outputs.store(buffer, at: k)
            }
            next += group.count
        }
    }
}

/// One output slot per formatting thread.
final class BatchOutputs: @unchecked Sendable {
    private var slots: [[UInt8]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ bytes: [UInt8], at index: Int) {
        lock.lock()
        slots[index] = bytes
        lock.unlock()
    }

    func take(_ index: Int) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        let bytes = slots[index]
        slots[index] = []
        return bytes
    }
}
