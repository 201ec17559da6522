import Dispatch
import Foundation

// MARK: - Parallel reading

extension RowChunk {
    /// Reads the data rows, in two halves on two threads when the file is large and has no quotes
    /// after the header (so that a line break always ends a row). Results are identical to one pass.
    static func parseAll(
        bytes: UnsafeBufferPointer<UInt8>, start: Int, line: Int, layout: RowLayout
    ) throws(MarketLinkError) -> [RowChunk] {
        let end = bytes.count
        let quotesPossible = bytes.baseAddress.map { memchr($0 + start, 34, end - start) != nil } ?? false
        let parts = !quotesPossible && end - start > 8 << 20 ? 2 : 1
        guard parts > 1 else {
            return [try parse(bytes: bytes, range: start..<end, line: line, layout: layout, quotesPossible: quotesPossible)]
        }
        // Split at the line break nearest the middle.
        var middle = start + (end - start) / 2
        while middle < end, bytes[middle] != 10 { middle += 1 }
        if middle < end { middle += 1 }
        let ranges = [start..<middle, middle..<end]
        let results = ChunkResults(count: 2)
        let shared = SharedBytes(bytes: bytes)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            do throws(MarketLinkError) {
                // The second half counts lines from 0; they are shifted once the first half is done.
                let chunk = try parse(bytes: shared.bytes, range: ranges[k], line: k == 0 ? line : 0, layout: layout, quotesPossible: false)
                results.store(.success(chunk), at: k)
            } catch {
                results.store(.failure(error), at: k)
            }
        }
        let first = try results.take(0).get()
        let secondStart = line + first.linesConsumed
        switch results.take(1) {
        case .success(var second):
            second.dropped = second.dropped.map { DroppedRow(line: $0.line + secondStart, series: $0.series, reason: $0.reason) }
            return [first, second]
        case .failure(var error):
            if let location = error.location, location.line > 0 {
                error.location = SourceLocation(file: location.file, line: location.line + secondStart, column: location.column)
            }
            throw error
        }
    }
}

/// The input bytes, shared read-only between the two reading threads.
struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}

/// One result slot per thread; each thread writes only its own slot, read after all have joined.
final class ChunkResults: @unchecked Sendable {
    private var slots: [Result<RowChunk, MarketLinkError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<RowChunk, MarketLinkError>, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func take(_ index: Int) -> Result<RowChunk, MarketLinkError> {
        lock.lock()
        defer { lock.unlock() }
        return slots[index] ?? .failure(MarketLinkError("internal: a reading thread produced nothing"))
    }
}
