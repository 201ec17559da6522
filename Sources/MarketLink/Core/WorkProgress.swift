import Foundation

// MARK: - Work in progress

/// How far a long job has come: the input being read (its bytes and rows so far, its size) or
/// the computation under way (how many of its events or series are done, of how many), and an
/// estimate of the time left. A display (mlink's progress line on a terminal) reads `snapshot()`
/// from another thread whenever it redraws; the library bumps the counts as it works.
///
/// The library finds the progress to bump through `WorkProgress.reporting(to:_:)`, which makes
/// one progress the current one while a job runs (a task-local value). Without it nothing is
/// counted, and the only cost is one check per block of input read and per batch of events
/// computed: the counts go up per block (a read of up to a few MiB: its bytes and line breaks)
/// and per batch, never per row.
///
/// Rows read are the line breaks of the input read so far (one per row for price and events
/// files; a line break inside a quoted field counts too), so they include the header line.
/// Every input file read through `InputFile` counts: price files, events files, datasets to
/// import, articles.
public final class WorkProgress: @unchecked Sendable {
    /// What is being done.
    public enum Stage: Sendable, Equatable {
        /// Nothing yet.
        case idle
        /// Reading the input file at this path (as given).
        case reading(String)
        /// Computing something named in a few words ("changes", "event study").
        case computing(String)
    }

    /// The state of the work at one moment, as a display shows it.
    public struct Snapshot: Sendable, Equatable {
        /// What is being done.
        public var stage: Stage
        /// Bytes of the current input read so far (0 while computing).
        public var bytesRead: Int
        /// The size of the current input when it states one (a regular file); `nil` for a pipe.
        public var bytesTotal: Int?
        /// Line breaks of the current input read so far: its rows, header included.
        public var rowsRead: Int
        /// Units of the current computation done so far.
        public var done: Int
        /// Units the current computation has in all (0 while reading).
        public var total: Int
        /// What the computation counts: "events", "series".
        public var unit: String
        /// Seconds since the current stage began.
        public var elapsed: Double
        /// Seconds since its count last went up (since it began, before the first count).
        public var sinceCount: Double

        /// The part of the current stage done, 0…1: bytes read of the stated size, or units done
        /// of the total; `nil` when that cannot be known (a pipe, nothing to count).
        public var fraction: Double? {
            switch stage {
            case .idle:
                return nil
            case .reading:
                guard let bytesTotal, bytesTotal > 0 else { return nil }
                return min(1, Double(bytesRead) / Double(bytesTotal))
            case .computing:
                guard total > 0 else { return nil }
                return min(1, Double(done) / Double(total))
            }
        }

        /// Seconds left in the current stage, assuming the rest goes as fast as what is done
        /// went: t × (1 − f) / f for the fraction f done at the time t (from the stage's start)
        /// of the last count, less the seconds since then, so that the estimate counts down
        /// between counts (work done in batches moves in steps). When that is used up (the work
        /// slowed down), elapsed × (1 − f) / f instead. `nil` before anything is done or when the
        /// fraction cannot be known; 0 once all is done.
        public var secondsLeft: Double? {
            guard let fraction, fraction > 0 else { return nil }
            let atCount = max(0, elapsed - sinceCount)
            let countdown = atCount * (1 - fraction) / fraction - sinceCount
            return countdown > 0 ? countdown : max(0, elapsed * (1 - fraction) / fraction)
        }
    }

    private let lock = NSLock()
    private let clock: @Sendable () -> Double
    private var stage = Stage.idle
    private var stageStart: Double
    private var lastCount: Double
    private var bytesRead = 0
    private var bytesTotal: Int?
    private var rowsRead = 0
    private var done = 0
    private var total = 0
    private var unit = ""

    /// A progress at `.idle`. `clock` gives the time in seconds (any origin; by default the
    /// system's monotonic clock), read when a stage begins, at each count and at each `snapshot()`.
    public init(clock: @escaping @Sendable () -> Double = WorkProgress.monotonicSeconds) {
        self.clock = clock
        self.stageStart = clock()
        self.lastCount = stageStart
    }

    /// The system's monotonic clock, in seconds since an arbitrary origin.
    public static let monotonicSeconds: @Sendable () -> Double = {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// The state now.
    public func snapshot() -> Snapshot {
        let now = clock()
        lock.lock()
        defer { lock.unlock() }
        return Snapshot(
            stage: stage, bytesRead: bytesRead, bytesTotal: bytesTotal, rowsRead: rowsRead, done: done, total: total, unit: unit,
            elapsed: max(0, now - stageStart), sinceCount: max(0, now - lastCount))
    }

    // MARK: Bumps

    /// Starts reading the input at `path`, of `size` bytes when it states one.
    func beginReading(_ path: String, size: Int?) {
        let now = clock()
        lock.lock()
        stage = .reading(path)
        stageStart = now
        lastCount = now
        bytesRead = 0
        bytesTotal = size
        rowsRead = 0
        done = 0
        total = 0
        unit = ""
        lock.unlock()
    }

    /// Counts a block of the current input just read: its bytes and its line breaks.
    func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        let lines = Self.lineBreaks(in: bytes)
        let now = clock()
        lock.lock()
        lastCount = now
        bytesRead += bytes.count
        rowsRead += lines
        lock.unlock()
    }

    /// The line feeds in `bytes`, found with `memchr` (the C library's vectorised search): a
    /// few instructions per row rather than per byte.
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let end = base + bytes.count
        var at = base
        var count = 0
        while at < end, let found = memchr(at, 10, end - at) {
            count += 1
            at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    /// Starts computing `what`, `total` units (`unit`: "events") in all.
    func beginComputing(_ what: String, total: Int, unit: String) {
        let now = clock()
        lock.lock()
        stage = .computing(what)
        stageStart = now
        lastCount = now
        bytesRead = 0
        bytesTotal = nil
        rowsRead = 0
        done = 0
        self.total = max(0, total)
        self.unit = unit
        lock.unlock()
    }

    /// Counts `count` more units of the current computation done.
    func advance(by count: Int) {
        let now = clock()
        lock.lock()
        lastCount = now
        done += count
        lock.unlock()
    }

    // MARK: The current progress

    /// The progress the library bumps now: the one `reporting(to:_:)` made current for this
    /// task or thread, or `nil`.
    @TaskLocal static var current: WorkProgress?

    /// Runs `body` with `progress` as the current progress, so that what the library reads and
    /// computes meanwhile is counted in it; the one current before comes back afterwards. It is
    /// current in this task (or on this thread, outside a task) only, so jobs run side by side
    /// in other tasks or threads count in their own progress, or in none. The library reads it
    /// on the thread that called it and counts there the work of the threads it starts. `nil`
    /// counts nothing.
    public static func reporting<T>(to progress: WorkProgress?, _ body: () throws -> T) rethrows -> T {
        try $current.withValue(progress) { try body() }
    }
}
