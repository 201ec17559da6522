import Dispatch
import Foundation

// MARK: - Ordered work

/// Numbered jobs run on worker threads and handed back in order: the pipeline behind every
/// output that is computed in parts on both cores and written as one stream (the change report's
/// CSV, the event study's series and its CSV).
///
/// Jobs 0…count−1 run on a concurrent queue, as many at a time as there are cores plus one, and
/// never more than that many ahead of the one being consumed (so memory holds a few results,
/// not all of them). The calling thread consumes each result strictly in index order as it
/// becomes ready, so writing overlaps computing.
enum OrderedWork {
    /// The jobs started ahead of the one being consumed: the cores, plus one so that a core is
    /// never idle while the caller consumes.
    static var defaultAhead: Int { max(2, ProcessInfo.processInfo.activeProcessorCount + 1) }

    /// Runs `work(0)`…`work(count − 1)` on worker threads and calls `consume(index, result)` on
    /// the calling thread in index order. When `consume` throws, the jobs already started finish
    /// first, then the error is rethrown and no further job starts. No jobs for `count` ≤ 0.
    static func run<Value: Sendable>(
        count: Int, ahead: Int = OrderedWork.defaultAhead, work: @escaping @Sendable (Int) -> Value,
        consume: (Int, Value) throws -> Void
    ) rethrows {
        guard count > 0 else { return }
        let slots = OrderedSlots<Value>(count: count)
        let queue = DispatchQueue(label: "marketlink.ordered-work", attributes: .concurrent)
        var submitted = 0
        func submit() {
            let index = submitted
            submitted += 1
            queue.async { slots.deliver(OrderedWork.asWorker { work(index) }, at: index) }
        }
        while submitted < min(max(1, ahead), count) { submit() }
        defer {
            // On an error from `consume`, let the jobs already started finish before returning.
            for index in 0..<submitted { _ = slots.take(index) }
        }
        for index in 0..<count {
            guard let value = slots.take(index) else { continue }
            try consume(index, value)
            if submitted < count { submit() }
        }
    }

    /// `work(0)`…`work(count − 1)` on worker threads, as an array in index order.
    static func map<Value: Sendable>(count: Int, work: @escaping @Sendable (Int) -> Value) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(max(count, 0))
        run(count: count, work: work) { _, value in values.append(value) }
        return values
    }

    private static let workerKey = "marketlink.ordered-work.worker"

    /// Whether the calling thread is running a job of `run`.
    static var isWorker: Bool { Thread.current.threadDictionary[workerKey] != nil }

    /// `body()`, with the calling thread marked as a worker while it runs.
    private static func asWorker<Value>(_ body: () -> Value) -> Value {
        let dictionary = Thread.current.threadDictionary
        let outer = dictionary[workerKey]
        dictionary[workerKey] = true
        defer { dictionary[workerKey] = outer }
        return body()
    }

    /// `0..<count` in `parts` ranges of nearly equal size, in order, none empty (fewer than
    /// `parts` when `count` is smaller; none for `count` ≤ 0).
    static func ranges(count: Int, parts: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let parts = min(max(1, parts), count)
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    }

    /// `body` of `0..<count` cut into `parts` ranges (`ranges(count:parts:)`), each on a worker
    /// thread, the results in range order. With fewer than `minimum` indices, or on a thread
    /// that is itself one of these workers (a worker never waits for other workers, so the pool
    /// cannot fill with waiting threads), `body(0..<count)` alone, on the calling thread.
    static func inParts<Value: Sendable>(
        count: Int, minimum: Int, parts: Int = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount),
        _ body: @escaping @Sendable (Range<Int>) -> Value
    ) -> [Value] {
        guard count >= max(minimum, 2), parts > 1, !isWorker else { return [body(0..<max(0, count))] }
        let ranges = ranges(count: count, parts: parts)
        // Every part started at once: all results are kept anyway, and no core waits for the
        // caller to take an earlier part before the next one starts.
        var values: [Value] = []
        values.reserveCapacity(ranges.count)
        run(count: ranges.count, ahead: ranges.count, work: { body(ranges[$0]) }) { _, value in values.append(value) }
        return values
    }

    /// `items.map(transform)`, in order, in parts on worker threads when there are at least
    /// `minimum` items (`inParts`).
    static func map<Item: Sendable, Value: Sendable>(
        _ items: [Item], minimum: Int, transform: @escaping @Sendable (Item) -> Value
    ) -> [Value] {
        inParts(count: items.count, minimum: minimum) { items[$0].map(transform) }.flatMap { $0 }
    }
}

/// Results delivered by worker threads, taken in order: one slot and one semaphore per job.
final class OrderedSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private var taken: [Bool]
    private let ready: [DispatchSemaphore]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
        taken = Array(repeating: false, count: count)
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    func deliver(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
        ready[index].signal()
    }

    /// Blocks until job `index` has delivered, then takes its result (`nil` on a second call).
    func take(_ index: Int) -> Value? {
        lock.lock()
        if taken[index] {
            lock.unlock()
            return nil
        }
        lock.unlock()
        ready[index].wait()
        lock.lock()
        defer { lock.unlock() }
        taken[index] = true
        let value = slots[index]
        slots[index] = nil
        return value
    }
}

// MARK: - Formatted and written in turn

/// Pieces of output formatted on every core and written in order, each by the thread that
/// formatted it, while its bytes are still in that core's cache: the pipeline behind the event
/// study's CSV file. Piece i waits for its turn (piece i − 1 written) only after it is formatted,
/// so one thread writes while the others format, and no thread hands a buffer across cores.
///
/// The pieces are handed out in index order (`runPieces`): the lowest piece not yet written is
/// always running, and never waits on a later one, so the turns cannot deadlock (on one core
/// the pieces simply run one after another).
/// Formatting buffers are reused (a few, whatever the number of pieces). The first error from
/// `write` stops every later write (and formatting not yet begun), and is rethrown once every
/// piece has finished.
final class TurnWriter: @unchecked Sendable {
    private let turns: [DispatchSemaphore]
    private let lock = NSLock()
    private var spare: [[UInt8]] = []
    private var failure: MarketLinkError?
    private let capacity: Int

    private init(count: Int, capacity: Int) {
        turns = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        self.capacity = capacity
    }

    /// Formats piece 0…count − 1 with `format(index, &buffer)` (an empty buffer with room for
    /// about `capacity` bytes) on worker threads and the calling thread, and calls
    /// `write(index, buffer)` for each in index order, on the thread that formatted it.
    static func run(
        count: Int, capacity: Int, format: @Sendable (Int, inout [UInt8]) -> Void,
        write: @Sendable (Int, [UInt8]) throws(MarketLinkError) -> Void
    ) throws(MarketLinkError) {
        guard count > 0 else { return }
        let writer = TurnWriter(count: count, capacity: capacity)
        writer.runPieces(count: count) { index in
            var buffer = writer.takeBuffer()
            if !writer.hasFailed { format(index, &buffer) }
            // Piece 0's turn is now; piece i's comes when piece i − 1 is written.
            if index > 0 { writer.turns[index].wait() }
            if !writer.hasFailed {
                do throws(MarketLinkError) {
                    try write(index, buffer)
                } catch {
                    writer.fail(error)
                }
            }
            if index + 1 < count { writer.turns[index + 1].signal() }
            writer.giveBack(buffer)
        }
        if let failure = writer.failure { throw failure }
    }

    /// The next piece to hand out (under `lock`).
    private var next = 0

    /// Runs `body(0)` … `body(count − 1)` on the calling thread and one dispatch worker per other
    /// core, each taking the lowest piece not yet taken until none is left, and returns when all
    /// have run. Pieces are taken in ascending order, so the lowest piece not yet written is
    /// always held by a thread that is running it; if the workers start late (or never), the
    /// calling thread runs the pieces alone, in order.
    private func runPieces(count: Int, _ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            let pieces = PieceLoop(writer: self, count: count, body: body)
            let helpers = max(0, min(count, ProcessInfo.processInfo.activeProcessorCount) - 1)
            let group = DispatchGroup()
            for _ in 0..<helpers {
                DispatchQueue.global(qos: .userInitiated).async(group: group) { pieces.run() }
            }
            pieces.run()
            group.wait()
        }
    }

    /// The index of the next piece to run, or nil when every piece has been taken.
    fileprivate func takePiece(count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    private var hasFailed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failure != nil
    }

    private func fail(_ error: MarketLinkError) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }

    private func takeBuffer() -> [UInt8] {
        lock.lock()
        let buffer = spare.popLast()
        lock.unlock()
        if let buffer { return buffer }
        var fresh: [UInt8] = []
        fresh.reserveCapacity(capacity)
        return fresh
    }

    private func giveBack(_ buffer: [UInt8]) {
        var buffer = buffer
        buffer.removeAll(keepingCapacity: true)
        lock.lock()
        spare.append(buffer)
        lock.unlock()
    }
}

/// The loop each thread of `TurnWriter.runPieces` runs. `body` escapes only for the duration of
/// `runPieces`, which waits for every thread that runs it.
private struct PieceLoop: @unchecked Sendable {
    let writer: TurnWriter
    let count: Int
    let body: (Int) -> Void

    func run() {
        while let index = writer.takePiece(count: count) { body(index) }
    }
}
