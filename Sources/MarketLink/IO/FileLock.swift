import Foundation

// MARK: - Waiting for a lock, within bounds

/// How long to wait for an exclusive `flock` that another process holds, and when to say so.
public struct LockWaiting: Sendable, Equatable {
    /// After this long without the lock, the caller is told once (`EventLogFile.Options.onWaitingForLock`).
    public var noticeAfter: Duration
    /// After this long, the wait ends with an error.
    public var giveUpAfter: Duration

    /// A wait that tells the caller after `noticeAfter` and gives up after `giveUpAfter`.
    public init(noticeAfter: Duration = .milliseconds(200), giveUpAfter: Duration = .seconds(30)) {
        self.noticeAfter = noticeAfter
        self.giveUpAfter = giveUpAfter
    }

    /// Notice after 0.2 s, give up after 30 s: an edit of an events file takes milliseconds, so a
    /// lock held for 30 s belongs to something stuck, not to a busy `mlink`.
    public static let standard = LockWaiting()
}

enum FileLock {
    /// Takes an exclusive `flock` on `descriptor`, polling (with `LOCK_NB`, sleeping 1 ms at first
    /// and at most 20 ms between tries) so that the wait can be reported and bounded: `notice` is
    /// called once when `waiting.noticeAfter` has passed, and the wait fails after `waiting.giveUpAfter`.
    static func lockExclusive(_ descriptor: Int32, path: String, waiting: LockWaiting, notice: (() -> Void)?) throws(MarketLinkError) {
        try lock(descriptor, LOCK_EX, path: path, waiting: waiting, notice: notice)
    }

    /// Takes a shared `flock` on `descriptor` for a reader, waiting as `lockExclusive` does while a
    /// writer holds the exclusive lock. Where the file system has no locks (`flock` fails for any
    /// other reason than another holder), the file is read unlocked, as it always was.
    static func lockShared(_ descriptor: Int32, path: String, waiting: LockWaiting) throws(MarketLinkError) {
        do throws(MarketLinkError) {
            try lock(descriptor, LOCK_SH, path: path, waiting: waiting, notice: nil)
        } catch {
            if case .lockTimedOut = error.reason { throw error }
        }
    }

    private static func lock(_ descriptor: Int32, _ operation: Int32, path: String, waiting: LockWaiting, notice: (() -> Void)?) throws(MarketLinkError) {
        let clock = ContinuousClock()
        let start = clock.now
        var noticed = false
        var pause: UInt32 = 1000
        while flock(descriptor, operation | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK || code == EAGAIN else {
                throw MarketLinkError(.cannotLock(Descriptor.reason(code)), at: SourceLocation(file: path))
            }
            let waited = clock.now - start
            if waited >= waiting.giveUpAfter {
                throw MarketLinkError(.lockTimedOut(waited: waiting.giveUpAfter), at: SourceLocation(file: path))
            }
            if !noticed, waited >= waiting.noticeAfter {
                noticed = true
                notice?()
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// "30 s", "0.3 s".
    static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        let value = Double(whole) + Double(attoseconds) / 1e18
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) s" : "\(rounded) s"
    }
}
