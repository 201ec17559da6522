import Foundation

// MARK: - Locked, atomic updates

/// Changes an events file on disk so that no edit is lost and no reader ever sees half a file.
///
/// 1. Open the file and take an exclusive `flock` on it. Writers replace the file by rename, so a
///    writer that waited may hold the lock of a file that is no longer there: after locking, the
///    open file must still be the one at the path (same device and inode), or we start again.
/// 2. Read the file through the locked descriptor, so the edit applies to the latest contents
///    (two processes adding at once each see the other's row and assign distinct ids).
/// 3. Write the new contents to a temporary file in the same directory with the same permissions,
///    `fsync` it, rename it over the file, and `fsync` the directory. A process killed at any point
///    leaves either the old file or the new one; at worst a `.NAME.PID.RANDOM.tmp` file remains.
/// 4. Close the descriptor, which releases the lock.
///
/// A symbolic link is followed: its target is replaced, the link stays. Hard links to the file
/// are not kept (the rename gives the path a new file).
public enum EventLogFile {
    /// When set to a number of seconds, writers sleep that long after writing the temporary file and
    /// before renaming it, and say so on standard error. Only the tests set it, to kill a writer
    /// mid-write; nothing else reads it.
    public static let pauseBeforeRenameVariable = "MLINK_TEST_PAUSE_BEFORE_RENAME"

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
        path: String, newFileColumns: [String]? = nil, _ change: (EventLog) throws(MarketLinkError) -> EventLogEdit
    ) throws(MarketLinkError) -> EventLogEdit {
        let target = resolvedPath(path)
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
                if code == ENOENT { throw MarketLinkError("no such file", at: SourceLocation(file: path)) }
                throw MarketLinkError("cannot open the file: \(String(cString: strerror(code)))", at: SourceLocation(file: path), kind: .usage)
            }
            defer { close(descriptor) }
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    throw MarketLinkError("cannot lock the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: path), kind: .usage)
                }
            }
            var opened = stat()
            var current = stat()
            guard fstat(descriptor, &opened) == 0 else {
                throw MarketLinkError("cannot read the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
            }
            if opened.st_mode & S_IFMT == S_IFDIR { throw MarketLinkError("is a directory, not a file", at: SourceLocation(file: path)) }
            // Replaced while we waited for the lock: lock the new file instead.
            guard stat(target, &current) == 0, current.st_dev == opened.st_dev, current.st_ino == opened.st_ino else { continue }

            do throws(MarketLinkError) {
                let bytes = try readAll(descriptor, path: path)
                var start = bytes
                if bytes.isEmpty, let newFileColumns {
                    start = Array((newFileColumns.joined(separator: ",") + "\n").utf8)
                }
                let log = try EventLog(bytes: start, file: path)
                let edit = try change(log)
                if edit.log.contents != bytes {
                    try replace(target, with: edit.log.contents, mode: opened.st_mode & 0o7777, path: path)
                }
                return edit
            } catch {
                // Leave no empty file behind when the first add to a new file fails.
                if created, stat(target, &current) == 0, current.st_size == 0, current.st_ino == opened.st_ino { unlink(target) }
                throw error
            }
        }
        throw MarketLinkError("cannot lock the file: it keeps being replaced by another process", at: SourceLocation(file: path), kind: .usage)
    }

    // MARK: Helpers

    /// The path with symbolic links resolved when it exists (so the link's target is replaced).
    static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func readAll(_ descriptor: Int32, path: String) throws(MarketLinkError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw MarketLinkError("cannot read the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }

    /// Writes `bytes` to a temporary file beside `target`, flushes it, and renames it over `target`.
    static func replace(_ target: String, with bytes: [UInt8], mode: mode_t, path: String) throws(MarketLinkError) {
        let directory = (target as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        let name = (target as NSString).lastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw MarketLinkError(
                "cannot write into \(quoted(folder)): \(String(cString: strerror(errno)))", at: SourceLocation(file: path), kind: .usage)
        }
        var failure: Int32 = 0
        if fchmod(descriptor, mode) != 0 { failure = errno }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while failure == 0, offset < raw.count, let base = raw.baseAddress {
                let written = write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0 { pauseForTests(temporary) }
        if failure == 0, rename(temporary, target) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw MarketLinkError("cannot write: \(String(cString: strerror(failure)))", at: SourceLocation(file: path), kind: .usage)
        }
        // Make the rename itself durable.
        let folderDescriptor = open(folder, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    static func pauseForTests(_ temporary: String) {
        guard let text = ProcessInfo.processInfo.environment[pauseBeforeRenameVariable], let seconds = Double(text), seconds > 0,
            seconds <= 3600
        else { return }
        let note = "mlink: \(pauseBeforeRenameVariable): wrote \(temporary); pausing \(text) s before the rename\n"
        FileHandle.standardError.write(Data(note.utf8))
        Thread.sleep(forTimeInterval: seconds)
    }
}
