import Foundation

// MARK: - Locked, atomic updates

/// Changes an events file on disk so that no edit is lost and no reader ever sees half a file.
///
/// 1. Open the file and take an exclusive `flock` on it, waiting at most `Options.lock.giveUpAfter`
///    (30 s) and telling the caller (`Options.onWaitingForLock`) once the wait passes
///    `Options.lock.noticeAfter` (0.2 s). Writers replace the file by rename, so a writer that
///    waited may hold the lock of a file that is no longer there: after locking, the open file must
///    still be the one at the path (same device and inode), or we start again.
/// 2. Read the file through the locked descriptor (`InputFile`, with the same bounds and checks as
///    any input), so the edit applies to the latest contents (two processes adding at once each
///    see the other's row and assign distinct ids).
/// 3. Write the new contents with `OutputFile(durable: true)`: a temporary file in the same folder
///    with the file's owner, group and mode, `fsync`ed, renamed over the file, and the folder
///    `fsync`ed. A process killed at any point leaves either the old file or the new one; at worst
///    a `.NAME.PID.RANDOM.tmp` file remains. (An events file that is a device or FIFO is written
///    through instead, never replaced.)
/// 4. Close the descriptor, which releases the lock.
///
/// A symbolic link is followed: its target is replaced, the link stays. Hard links to the file
/// are not kept (the rename gives the path a new file). The library prints nothing: what a
/// person should see while waiting is the caller's to show.
public enum EventLogFile {
    /// How `update` waits for the lock, and what it tells its caller while it works.
    public struct Options {
        /// When to say that the lock is held, and when to give up (0.2 s and 30 s by default).
        public var lock: LockWaiting
        /// Called once, with the path, when another process has held the lock for `lock.noticeAfter`
        /// (`mlink` prints "waiting for the lock on FILE ..." on standard error).
        public var onWaitingForLock: ((_ path: String) -> Void)?
        /// Called with the temporary file's path when the new contents are written and synced, just
        /// before the rename. Tests stop the process here to show that a writer killed mid-write
        /// leaves the file intact.
        var beforeReplacing: ((_ temporary: String) -> Void)?

        /// Options with the standard wait (notice after 0.2 s, give up after 30 s) and no observer.
        public init(lock: LockWaiting = .standard, onWaitingForLock: ((_ path: String) -> Void)? = nil) {
            self.lock = lock
            self.onWaitingForLock = onWaitingForLock
        }
    }

    /// The header of an events file `update` creates: `id,date,title,tags,score,source`, with `time`
    /// and `timezone` after `date` when `timed`.
    public static func defaultColumns(timed: Bool) -> [String] {
        timed ? ["id", "date", "time", "timezone", "title", "tags", "score", "source"] : ["id", "date", "title", "tags", "score", "source"]
    }

    /// Loads the file at `path` under an exclusive lock, applies `change`, and writes the result
    /// atomically when it differs. With `newFileColumns`, a missing or empty file is started with
    /// that header line (LF line endings); without it, a missing file is an error.
    @discardableResult
    public static func update(
        path: String, newFileColumns: [String]? = nil, options: Options = Options(),
        _ change: (EventLog) throws(MarketLinkError) -> EventLogEdit
    ) throws(MarketLinkError) -> EventLogEdit {
        try transform(path: path, newFileColumns: newFileColumns, options: options) { log throws(MarketLinkError) in
            let edit = try change(log)
            return (edit.log, edit)
        }
    }

    /// Adds `drafts` to the events file at `path` in one locked, atomic update, leaving out exact
    /// duplicates when `skippingDuplicates` (`EventLog.adding(_:skippingDuplicates:)`); a missing
    /// file is started with `newFileColumns`. Nothing is written when every draft is a duplicate.
    @discardableResult
    public static func add(
        _ drafts: [EventDraft], to path: String, skippingDuplicates: Bool = true, newFileColumns: [String]? = nil, options: Options = Options()
    ) throws(MarketLinkError) -> EventLogBatchEdit {
        try transform(path: path, newFileColumns: newFileColumns, options: options) { log throws(MarketLinkError) in
            let edit = try log.adding(drafts, skippingDuplicates: skippingDuplicates)
            return (edit.log, edit)
        }
    }

    /// `update` for a change that returns more than one edit (an import's many rows): `change`
    /// gives the new log and what to hand back. A file `transform` created and left empty (the
    /// change added nothing) is removed again.
    public static func transform<Outcome>(
        path: String, newFileColumns: [String]? = nil, options: Options = Options(),
        _ change: (EventLog) throws(MarketLinkError) -> (EventLog, Outcome)
    ) throws(MarketLinkError) -> Outcome {
        let target = OutputFile.resolvedPath(path)
        for _ in 0..<1000 {
            var created = false
            var descriptor = open(target, O_RDONLY | O_CLOEXEC)
            if descriptor < 0, errno == ENOENT, newFileColumns != nil {
                descriptor = open(target, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                if descriptor < 0, errno == EEXIST { continue }
                created = descriptor >= 0
            }
            guard descriptor >= 0 else {
                let code = errno
                if code == ENOENT { throw MarketLinkError(.noSuchFile, at: SourceLocation(file: path)) }
                throw MarketLinkError(.cannotOpen(Descriptor.reason(code)), at: SourceLocation(file: path))
            }
            defer { close(descriptor) }
            try FileLock.lockExclusive(descriptor, path: path, waiting: options.lock) { options.onWaitingForLock?(path) }
            var opened = stat()
            var current = stat()
            guard fstat(descriptor, &opened) == 0 else {
                throw MarketLinkError(.cannotRead("file", reason: Descriptor.reason(errno)), at: SourceLocation(file: path))
            }
            if opened.st_mode & S_IFMT == S_IFDIR { throw MarketLinkError(.isDirectory, at: SourceLocation(file: path)) }
            // Replaced while we waited for the lock: lock the new file instead.
            guard stat(target, &current) == 0, current.st_dev == opened.st_dev, current.st_ino == opened.st_ino else { continue }

            do throws(MarketLinkError) {
                let bytes = try InputFile(descriptor: descriptor, owned: false, path: path).readAll()
                var start = bytes
                if bytes.isEmpty, let newFileColumns {
                    start = Array((newFileColumns.joined(separator: ",") + "\n").utf8)
                }
                let log = try EventLog(bytes: start, file: path)
                let (changed, outcome) = try change(log)
                if created, changed.contents == start {
                    if stat(target, &current) == 0, current.st_size == 0, current.st_ino == opened.st_ino { unlink(target) }
                } else if changed.contents != bytes {
                    let output = try OutputFile(path: target, shownAs: path, durable: true)
                    output.beforeRename = options.beforeReplacing
                    try output.write(changed.contents)
                    try output.commit()
                }
                return outcome
            } catch {
                // Leave no empty file behind when the first add to a new file fails.
                if created, stat(target, &current) == 0, current.st_size == 0, current.st_ino == opened.st_ino { unlink(target) }
                throw error
            }
        }
        throw MarketLinkError(.cannotLock("it keeps being replaced by another process"), at: SourceLocation(file: path))
    }
}
