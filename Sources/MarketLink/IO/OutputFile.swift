import Foundation

// MARK: - Writing

/// The one way MarketLink writes: reports to `-o FILE`, edited events files, standard output.
/// What happens depends on what the path names when it is opened:
///
/// - **A regular file, or nothing yet**: the bytes go to a temporary file `.NAME.PID.RANDOM.tmp`
///   in the same folder, which `commit()` renames over the target, so a reader sees the old file or
///   the whole new one, never half. A replaced file keeps its owner, group and mode (`fchown` and
///   `fchmod` on the temporary file before a byte is written). A symbolic link is followed: its
///   target is replaced and the link stays. With `durable: true` (events files: the user's own
///   data) the file is `fsync`ed before the rename and the folder after it, so the edit survives a
///   power cut; derived reports skip that.
/// - **A character device or a FIFO** (`/dev/null`, a terminal, `mkfifo`): opened and written
///   through, never replaced by a rename.
/// - **`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`** (or a link to one): written
///   straight to that descriptor, whatever it is (a pipe, a terminal, or a file the shell opened).
/// - **A folder, a block device (a disk), a socket**: refused.
///
/// Every write is checked. A write into a pipe whose reader has gone (`| head`) is an error of
/// kind `.outputClosed`, which a command-line tool answers by stopping quietly; any other failure
/// (`ENOSPC` from a full disk or `/dev/full`, `EIO`, ...) is a `.data` error with the path, and a
/// temporary file is removed, so the target keeps its old content.
public final class OutputFile {
    /// The path as given, or `-` for standard output.
    public let path: String

    private enum Mode {
        /// Written to `temporary` beside `target`, renamed over it by `commit()`.
        case replace(target: String, temporary: String, folder: String)
        /// Written straight into the open descriptor.
        case through
    }

    private enum State { case open, committed, closed }

    private let mode: Mode
    private var descriptor: Int32
    private let ownsDescriptor: Bool
    private let durable: Bool
    private let buffered: Bool
    /// The location of write errors (nil for standard output, which has no path to show).
    private let location: SourceLocation?
    private let name: String
    private var buffer: [UInt8] = []
    private var state = State.open
    /// Called with the temporary file's path after its bytes are written (and synced when
    /// durable), just before the rename. `EventLogFile` passes its observer's hook here.
    var beforeRename: ((String) -> Void)?

    /// Bytes collected before a write: reports are written in pieces of about this size.
    static let bufferSize = 1 << 20

    /// Opens `path` for writing, refusing it when it is one of `inputs` (the same file, by device
    /// and inode, whatever the spelling or link). Nothing is visible at `path` before `commit()`,
    /// except for devices, FIFOs and descriptors, which get the bytes as they are written.
    public convenience init(path: String, refusing inputs: [String] = [], durable: Bool = false) throws(MarketLinkError) {
        try self.init(path: path, shownAs: path, refusing: inputs, durable: durable)
    }

    /// `shownAs` is the path messages show (`EventLogFile` writes the resolved path of the file the
    /// user named, and reports errors under the name the user gave).
    init(path: String, shownAs label: String, refusing inputs: [String] = [], durable: Bool = false) throws(MarketLinkError) {
        try Self.refuseInput(path, inputs: inputs)
        self.path = path
        self.durable = durable
        self.location = SourceLocation(file: label)
        self.name = label
        self.buffered = true
        if let alias = Self.descriptorAlias(path) {
            guard fcntl(alias, F_GETFD) >= 0 else {
                throw MarketLinkError(.cannotWrite("cannot write: descriptor \(alias) is not open"), at: SourceLocation(file: label))
            }
            mode = .through
            descriptor = alias
            ownsDescriptor = false
            return
        }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                let target = Self.resolvedPath(path)
                let folder = Self.folder(of: target)
                let temporary = Self.temporaryPath(for: target, in: folder)
                descriptor = try Self.createTemporary(temporary, replacing: info, path: label, folder: folder)
                mode = .replace(target: target, temporary: temporary, folder: folder)
            case S_IFCHR, S_IFIFO:
                // Blocks until a FIFO has a reader, as a shell's `>` does.
                descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
                guard descriptor >= 0 else {
                    throw MarketLinkError(.cannotWrite("cannot open for writing: \(Descriptor.reason(errno))"), at: SourceLocation(file: label))
                }
                mode = .through
            case S_IFDIR:
                throw MarketLinkError(.cannotWrite("cannot write: this is a folder; name a file in it"), at: SourceLocation(file: label))
            case S_IFBLK:
                throw MarketLinkError(.cannotWrite("cannot write: this is a block device (a disk or partition); name a file"), at: SourceLocation(file: label))
            default:
                throw MarketLinkError(.cannotWrite("cannot write: this is a socket or other special file; name a file"), at: SourceLocation(file: label))
            }
        } else {
            let code = errno
            guard code == ENOENT || code == ENOTDIR else {
                throw MarketLinkError(.cannotWrite("cannot write: \(Descriptor.reason(code))"), at: SourceLocation(file: label))
            }
            let folder = Self.folder(of: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                let what = FileManager.default.fileExists(atPath: folder) ? "is a file, not a folder" : "does not exist"
                throw MarketLinkError(.cannotWrite("cannot write: the folder \(quoted(folder, limit: 1024)) \(what)"), at: SourceLocation(file: label))
            }
            let temporary = Self.temporaryPath(for: path, in: folder)
            descriptor = try Self.createTemporary(temporary, replacing: nil, path: label, folder: folder)
            mode = .replace(target: path, temporary: temporary, folder: folder)
        }
        ownsDescriptor = true
    }

    /// Writes straight into an open descriptor, unbuffered, and never closes it; `name` is what
    /// messages call it.
    public init(descriptor: Int32, name: String) {
        self.path = "-"
        self.mode = .through
        self.descriptor = descriptor
        self.ownsDescriptor = false
        self.durable = false
        self.buffered = false
        self.location = nil
        self.name = name
    }

    /// Standard output, every write checked.
    public static func standardOutput() -> OutputFile {
        OutputFile(descriptor: 1, name: "standard output")
    }

    deinit {
        abort()
    }

    // MARK: Writing

    /// Appends bytes (collected into pieces of about 1 MB for files; straight through for a descriptor).
    public func write(_ bytes: [UInt8]) throws(MarketLinkError) {
        guard state == .open else { throw MarketLinkError(.cannotWrite("cannot write: the output is already closed"), at: location) }
        if buffered, buffer.count + bytes.count < Self.bufferSize {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        try writeOut(bytes)
    }

    /// Appends `bytes` in a write of their own, after what is buffered, however few they are:
    /// for a caller that already hands over pieces of a good size (some hundreds of KB), so that
    /// they are not first copied into the buffer. The same bytes end up in the output as with
    /// `write(_:)`.
    public func writePiece(_ bytes: [UInt8]) throws(MarketLinkError) {
        guard state == .open else { throw MarketLinkError(.cannotWrite("cannot write: the output is already closed"), at: location) }
        try flush()
        guard !bytes.isEmpty else { return }
        try writeOut(bytes)
    }

    /// Appends text as UTF-8.
    public func write(_ text: String) throws(MarketLinkError) {
        try write(Array(text.utf8))
    }

    /// Puts the output in place: flushes, syncs when durable, and renames the temporary file over
    /// the target (for devices, FIFOs and descriptors: flushes and closes).
    public func commit() throws(MarketLinkError) {
        guard state == .open else { throw MarketLinkError(.cannotWrite("cannot write: the output is already closed"), at: location) }
        try flush()
        switch mode {
        case .through:
            state = .committed
            if ownsDescriptor {
                let closed = close(descriptor)
                descriptor = -1
                if closed != 0 { throw failure(errno) }
            }
        case .replace(let target, let temporary, let folder):
            var code: Int32 = 0
            if durable, fsync(descriptor) != 0 { code = errno }
            if close(descriptor) != 0, code == 0 { code = errno }
            descriptor = -1
            if code == 0 {
                beforeRename?(temporary)
                if rename(temporary, target) != 0 { code = errno }
            }
            guard code == 0 else {
                unlink(temporary)
                state = .closed
                throw failure(code)
            }
            state = .committed
            if durable {
                // Make the rename itself durable.
                let folderDescriptor = open(folder, O_RDONLY | O_CLOEXEC)
                if folderDescriptor >= 0 {
                    fsync(folderDescriptor)
                    close(folderDescriptor)
                }
            }
        }
    }

    /// Gives up: removes the temporary file (the target keeps its old content) or closes the device.
    /// Does nothing after `commit()`.
    public func abort() {
        guard state == .open else { return }
        state = .closed
        buffer = []
        if ownsDescriptor, descriptor >= 0 { close(descriptor) }
        descriptor = -1
        if case .replace(_, let temporary, _) = mode { unlink(temporary) }
    }

    /// Writes `bytes` to `path` and commits: the whole of a report in one call.
    public static func write(_ bytes: [UInt8], to path: String, refusing inputs: [String] = [], durable: Bool = false) throws(MarketLinkError) {
        let output = try OutputFile(path: path, refusing: inputs, durable: durable)
        try output.write(bytes)
        try output.commit()
    }

    /// Writes `text` as UTF-8 to `path` and commits.
    public static func write(_ text: String, to path: String, refusing inputs: [String] = [], durable: Bool = false) throws(MarketLinkError) {
        try write(Array(text.utf8), to: path, refusing: inputs, durable: durable)
    }

    private func flush() throws(MarketLinkError) {
        guard !buffer.isEmpty else { return }
        try writeOut(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: [UInt8]) throws(MarketLinkError) {
        let code = Descriptor.writeAll(descriptor, bytes)
        guard code != 0 else { return }
        abort()
        throw failure(code)
    }

    private func failure(_ code: Int32) -> MarketLinkError {
        if code == EPIPE {
            return MarketLinkError(.outputClosed("the reader of \(location == nil ? name : "the pipe") closed it before the end"), at: location)
        }
        if location == nil { return MarketLinkError(.cannotWrite("cannot write to \(name): \(Descriptor.reason(code))")) }
        return MarketLinkError(.cannotWrite("cannot write: \(Descriptor.reason(code))"), at: location)
    }

    // MARK: Inputs

    /// Throws when `path` names the same file as one of `inputs`.
    public static func refuseInput(_ path: String, inputs: [String]) throws(MarketLinkError) {
        for input in inputs where sameFile(path, input) {
            throw MarketLinkError(.outputIsInput(input), at: SourceLocation(file: path))
        }
    }

    /// The same file by device and inode when both exist, else by resolved path.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var statA = stat()
        var statB = stat()
        if stat(a, &statA) == 0, stat(b, &statB) == 0 {
            return statA.st_dev == statB.st_dev && statA.st_ino == statB.st_ino
        }
        let resolvedA = URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
        let resolvedB = URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
        return resolvedA == resolvedB
    }

    // MARK: Paths

    /// The path with symbolic links resolved when it exists (so a link's target is replaced and the link stays).
    static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func folder(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    private static func temporaryPath(for target: String, in folder: String) -> String {
        let name = (target as NSString).lastPathComponent
        return (folder as NSString).appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    }

    /// Creates the temporary file. For a new file the mode is 0666 less the umask, as for any
    /// new file; a replaced file's owner, group and mode are given to it before any byte is
    /// written (owner first: `fchown` clears set-id bits that `fchmod` then restores). Someone
    /// who may not give a file away (not root, not the owner) keeps what they can: the group if
    /// they belong to it, and the mode.
    private static func createTemporary(_ temporary: String, replacing existing: stat?, path: String, folder: String) throws(MarketLinkError) -> Int32 {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, existing == nil ? 0o666 : 0o600)
        guard descriptor >= 0 else {
            throw MarketLinkError(.cannotWrite("cannot write into \(quoted(folder, limit: 1024)): \(Descriptor.reason(errno))"), at: SourceLocation(file: path))
        }
        guard let existing else { return descriptor }
        if fchown(descriptor, existing.st_uid, existing.st_gid) != 0 {
            _ = fchown(descriptor, uid_t.max, existing.st_gid)
        }
        if fchmod(descriptor, existing.st_mode & 0o7777) != 0 {
            let code = errno
            close(descriptor)
            unlink(temporary)
            throw MarketLinkError(.cannotWrite("cannot keep the file's permissions: \(Descriptor.reason(code))"), at: SourceLocation(file: path))
        }
        return descriptor
    }

    /// The descriptor a path stands for: 1 for `/dev/stdout`, N for `/dev/fd/N` or
    /// `/proc/self/fd/N`, following symbolic links that lead there; nil for any other path.
    static func descriptorAlias(_ path: String) -> Int32? {
        var current = path
        for _ in 0..<40 {
            switch current {
            case "/dev/stdout": return 1
            case "/dev/stderr": return 2
            default: break
            }
            for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where current.hasPrefix(prefix) {
                if let number = Int32(current.dropFirst(prefix.count)), number >= 0 { return number }
            }
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &target, target.count - 1)
            guard length > 0 else { return nil }
            let text = String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = text.hasPrefix("/") ? text : (folder(of: current) as NSString).appendingPathComponent(text)
        }
        return nil
    }
}
