import Dispatch
import Foundation
import MarketLink

// MARK: - Progress on a terminal

/// The progress line of one run of a long command: what the library counts in a `WorkProgress`
/// while the command runs, drawn on standard error (`ProgressLine`) when that is a terminal.
///
/// - Nothing is drawn before `delay` (1 s) has passed, so a quick run shows nothing; then the
///   line is redrawn at most every 100 ms, in place, and only when its text changed.
/// - Standard error only, never standard output. Once standard output goes to a terminal (a
///   table printed as it is computed), the line is cleared for good: the output is the progress.
/// - A message on standard error (a note, a warning, an error, the "wrote" line) clears the line
///   first, under the same lock as the redraw (`Terminal.error`), so no message is drawn over.
/// - The line is cleared when the command ends, whichever way: success, error, or a closed pipe.
/// - Nothing at all when standard error is not a terminal, when `TERM` is `dumb`, or with `--quiet`.
///
/// `MLINK_PROGRESS_DELAY_MS` and `MLINK_PROGRESS_INTERVAL_MS` (not documented for users: for
/// tests, so that a run of a few tenths of a second shows its progress) set the delay and the
/// time between redraws in milliseconds.
final class ProgressDisplay: @unchecked Sendable {
    /// How long a run goes before the line appears, unless the environment says otherwise.
    static let defaultDelay = 1.0
    /// The time between redraws, in seconds.
    static let interval = 0.1

    private let progress: WorkProgress
    private let lock = NSLock()
    private let timer: DispatchSourceTimer
    /// The text on the terminal now; empty when nothing is.
    private var shown = ""
    private var stopped = false

    private init(progress: WorkProgress, delay: Double, interval: Double) {
        self.progress = progress
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "mlink.progress"))
        timer.setEventHandler { [weak self] in self?.redraw() }
        timer.schedule(deadline: .now() + delay, repeating: interval, leeway: .milliseconds(2))
        timer.resume()
    }

    // MARK: The run

    /// The state of this run: whether it is quiet, and its display.
    private static let state = RunState()

    /// The display of the run under way, if one is drawing.
    static var current: ProgressDisplay? { state.read().display }

    /// Whether `--quiet` was given: no progress and no "wrote" line.
    static var isQuiet: Bool { state.read().quiet }

    /// Runs `body` (a command) with progress counted and drawn as above, or only counted nowhere
    /// when `quiet` or standard error is no terminal; the line is cleared when `body` returns or throws.
    static func run<T>(quiet: Bool, _ body: () throws -> T) rethrows -> T {
        let environment = ProcessInfo.processInfo.environment
        let draws = !quiet && isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
        guard draws else {
            state.set(quiet: quiet, display: nil)
            defer { state.set(quiet: false, display: nil) }
            return try body()
        }
        func seconds(_ name: String) -> Double? { environment[name].flatMap(Double.init).map { max($0, 1) / 1000 } }
        let progress = WorkProgress()
        let display = ProgressDisplay(
            progress: progress, delay: seconds("MLINK_PROGRESS_DELAY_MS") ?? defaultDelay, interval: seconds("MLINK_PROGRESS_INTERVAL_MS") ?? interval)
        state.set(quiet: false, display: display)
        defer {
            display.stop()
            state.set(quiet: false, display: nil)
        }
        return try WorkProgress.reporting(to: progress) { try body() }
    }

    // MARK: Drawing

    private func redraw() {
        let text = ProgressLine.text(progress.snapshot(), width: Terminal.columns(of: STDERR_FILENO))
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, text != shown else { return }
        shown = text
        Self.write(text.isEmpty ? ProgressLine.clear : ProgressLine.draw(text))
    }

    /// Runs `body` (a write to standard error) with the line cleared first; it is drawn again
    /// at the next redraw.
    func clearing(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if !shown.isEmpty {
            Self.write(ProgressLine.clear)
            shown = ""
        }
        body()
    }

    /// Clears the line and draws no more.
    func stop() {
        timer.cancel()
        lock.lock()
        defer { lock.unlock() }
        if !shown.isEmpty { Self.write(ProgressLine.clear) }
        shown = ""
        stopped = true
    }

    /// Writes to standard error, ignoring a failure (there is nowhere to report it).
    private static func write(_ text: String) {
        try? OutputFile(descriptor: STDERR_FILENO, name: "standard error").write(Array(text.utf8))
    }

    /// The quiet flag and display of the run, behind a lock (the timer's thread reads them).
    private final class RunState: @unchecked Sendable {
        private let lock = NSLock()
        private var quiet = false
        private var display: ProgressDisplay?

        func read() -> (quiet: Bool, display: ProgressDisplay?) {
            lock.lock()
            defer { lock.unlock() }
            return (quiet, display)
        }

        func set(quiet: Bool, display: ProgressDisplay?) {
            lock.lock()
            self.quiet = quiet
            self.display = display
            lock.unlock()
        }
    }
}
