import Foundation

// MARK: - Locked, atomic updates

/// Changes an events file on disk so that no edit is lost and no reader ever sees half a file.
///
/// 1. Open the file, read it and apply the change (the reading and checking happen before locking).
/// 2. Take an exclusive `flock` on it, waiting at most `Options.lock.giveUpAfter`
///    (30 s) and telling the caller (`Options.onWaitingForLock`) once the wait passes
///    `Options.lock.noticeAfter` (0.2 s). Writers replace the file by rename, so a writer that
///    waited may hold the lock of a file that is no longer there: after locking, the open file must
///    still be the one at the path (same device and inode), or we start again.
/// 3. Check that the file is still the one read (device, inode, size, modification and change
///    times); if not, read it again through the locked descriptor (`InputFile`, with the same bounds
///    and checks as any input) and apply the change again, so the edit applies to the latest contents
///    (two processes adding at once each see the other's row and assign distinct ids).
/// 4. Write the new contents with `OutputFile(durable: true)`: a temporary file in the same folder
///    with the file's owner, group and mode, `fsync`ed, renamed over the file, and the folder
///    `fsync`ed. A process killed at any point leaves either the old file or the new one; at worst
///    a `.NAME.PID.RANDOM.tmp` file remains. (An events file that is a device or FIFO is written
///    through instead, never replaced.)
///    `add` appends the new row to the file instead, when that is all that changes.
/// 5. Close the descriptor, which releases the lock.
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
        /// Called with the path under the lock, just before new rows are appended in place (`add`).
        var beforeAppending: ((_ path: String) -> Void)?
        /// Called with the path when the file has been read and changed, before the lock is taken.
        /// Tests write to the file here to show that a change made meanwhile is not lost.
        var afterReading: ((_ path: String) -> Void)?

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
    /// The rows are appended in place when the file is unchanged since it was read (see `add(_:to:)`).
    @discardableResult
    public static func add(
        _ drafts: [EventDraft], to path: String, skippingDuplicates: Bool = true, newFileColumns: [String]? = nil, options: Options = Options()
    ) throws(MarketLinkError) -> EventLogBatchEdit {
        try transform(path: path, newFileColumns: newFileColumns, options: options, appendingInPlace: true) { log throws(MarketLinkError) in
            let edit = try log.adding(drafts, skippingDuplicates: skippingDuplicates)
            return (edit.log, edit)
        }
    }

    /// Adds one event for `draft` (`EventLog.adding(_:)`) to the events file at `path`, as `update`
    /// would, but appends its row in place when that is all the change is: the file is read, parsed
    /// and the row checked before the lock is taken; under the lock, when the file is still the one
    /// read (same device, inode, size and modification and change times), only the new bytes are
    /// written at its end, with one checked write and an `fsync` (a failed write is cut off again).
    /// Otherwise — the file changed meanwhile, is new or empty, or is not a regular file — the change
    /// is made again under the lock and written whole, as `update` does.
    ///
    /// An appended file keeps its inode, so hard links to it see the new row too.
    @discardableResult
    public static func add(
        _ draft: EventDraft, to path: String, newFileColumns: [String]? = nil, options: Options = Options()
    ) throws(MarketLinkError) -> EventLogEdit {
        try transform(path: path, newFileColumns: newFileColumns, options: options, appendingInPlace: true) { log throws(MarketLinkError) in
            let edit = try log.adding(draft)
            return (edit.log, edit)
        }
    }

    /// `update` for a change that returns more than one edit (an import's many rows): `change`
    /// gives the new log and what to hand back. A file `transform` created and left empty (the
    /// change added nothing) is removed again.
    ///
    /// The file is read and `change` applied before the lock is taken; under the lock, the result is
    /// written only when the file is still the one read (same device, inode, size, modification and
    /// change times), else `change` is applied again to the file as it now is. The lock is held only
    /// for that check and the write.
    public static func transform<Outcome>(
        path: String, newFileColumns: [String]? = nil, options: Options = Options(),
        _ change: (EventLog) throws(MarketLinkError) -> (EventLog, Outcome)
    ) throws(MarketLinkError) -> Outcome {
        try transform(path: path, newFileColumns: newFileColumns, options: options, appendingInPlace: false, change)
    }

    /// `transform`; with `appendingInPlace`, a result that is the file's bytes followed by more is
    /// written by appending those bytes to the file instead of replacing it.
    static func transform<Outcome>(
        path: String, newFileColumns: [String]?, options: Options, appendingInPlace: Bool,
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

            // Read and change the file before locking it. Any failure here (the file changing under
            // the read, say) only means the work is done again under the lock, where errors count.
            var early: (snapshot: FileSnapshot, bytes: [UInt8], log: EventLog, outcome: Outcome)?
            if !created, let before = FileSnapshot(descriptor), before.isRegular, before.size > 0 {
                do throws(MarketLinkError) {
                    let bytes = try InputFile(descriptor: descriptor, owned: false, path: path).readAll()
                    if FileSnapshot(descriptor) == before, bytes.count == before.size {
                        let (changed, outcome) = try change(try EventLog(bytes: bytes, file: path))
                        early = (before, bytes, changed, outcome)
                    }
                } catch {
                    early = nil
                }
                options.afterReading?(path)
            }

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
                let bytes: [UInt8]
                let changed: EventLog
                let outcome: Outcome
                var start: [UInt8]
                if let early, FileSnapshot(descriptor) == early.snapshot {
                    (bytes, changed, outcome) = (early.bytes, early.log, early.outcome)
                    start = bytes
                } else {
                    // Changed since it was read (or never read): start again from its current bytes.
                    if !created, opened.st_mode & S_IFMT == S_IFREG { _ = lseek(descriptor, 0, SEEK_SET) }
                    bytes = try InputFile(descriptor: descriptor, owned: false, path: path).readAll()
                    start = bytes
                    if bytes.isEmpty, let newFileColumns {
                        start = Array((newFileColumns.joined(separator: ",") + "\n").utf8)
                    }
                    (changed, outcome) = try change(try EventLog(bytes: start, file: path))
                }
                if created, changed.contents == start {
                    if stat(target, &current) == 0, current.st_size == 0, current.st_ino == opened.st_ino { unlink(target) }
                } else if changed.contents != bytes {
                    if appendingInPlace, !bytes.isEmpty, opened.st_mode & S_IFMT == S_IFREG,
                        try append(changed.contents, after: bytes, to: target, shownAs: path, lockedFile: opened, options: options)
                    {
                        return outcome
                    }
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

    // MARK: Appending in place

    /// Writes the bytes of `contents` after `old` at the end of the locked file, when `contents`
    /// starts with `old` and the file at `target` is that file (`lockedFile`) with `old`'s size.
    /// False, with nothing written, when it is not so or the file cannot be opened for writing (the
    /// caller then replaces the file). A write or sync that fails cuts the file back to its old size
    /// and throws.
    static func append(
        _ contents: [UInt8], after old: [UInt8], to target: String, shownAs path: String, lockedFile: stat, options: Options
    ) throws(MarketLinkError) -> Bool {
        guard contents.count > old.count else { return false }
        let isPrefix = contents.withUnsafeBufferPointer { new in
            old.withUnsafeBufferPointer { old in
                guard let a = new.baseAddress, let b = old.baseAddress else { return old.isEmpty }
                return memcmp(a, b, old.count) == 0
            }
        }
        guard isPrefix else { return false }
        let writer = open(target, O_WRONLY | O_CLOEXEC)
        guard writer >= 0 else { return false }
        defer { close(writer) }
        var info = stat()
        guard fstat(writer, &info) == 0, info.st_dev == lockedFile.st_dev, info.st_ino == lockedFile.st_ino, Int(info.st_size) == old.count
        else { return false }
        options.beforeAppending?(path)
        var failure: Int32 = 0
        contents.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            var offset = old.count
            while offset < all.count {
                let written = pwrite(writer, base + offset, all.count - offset, off_t(offset))
                if written < 0, errno == EINTR { continue }
                if written <= 0 {
                    failure = written < 0 ? errno : ENOSPC
                    return
                }
                offset += written
            }
            if fsync(writer) != 0 { failure = errno }
        }
        if failure != 0 {
            _ = ftruncate(writer, off_t(old.count))
            throw MarketLinkError(.cannotWrite("cannot write to \(path): \(Descriptor.reason(failure))"), at: SourceLocation(file: path))
        }
        return true
    }
}

// MARK: - File snapshot

/// What says that a file is still the one read: device, inode, size, and modification and change
/// times to the nanosecond (any write or rename changes one of them).
struct FileSnapshot: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modified: [Int]
    var isRegular: Bool

    /// The snapshot of an open file, or nil when `fstat` fails.
    init?(_ descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modified = [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)]
        isRegular = info.st_mode & S_IFMT == S_IFREG
    }
}
