import Foundation

// MARK: - Bounded reading

/// One input file, opened and checked before anything is allocated for its contents: every file
/// MarketLink reads (price files, events files, and the events file an edit reads under its lock)
/// comes through here.
///
/// - The file is `fstat`ed first. A folder is refused; a regular file larger than `limit` is
///   refused from its stated size, without reading a byte (a sparse 30 GB file costs nothing).
/// - Anything else — a FIFO, a pipe, a character device such as `/dev/zero` — is read in chunks,
///   and refused as soon as more than `limit` bytes have come.
/// - The first bytes (up to 64 KiB) are checked as text before the rest is read: gzip, bzip2, xz,
///   zstd, zip, xlsx, ods, xls and PDF files, UTF-16 and UTF-32 text, NUL bytes and invalid UTF-8
///   are refused there (`TextEncodingCheck`), so `/dev/zero` and `/dev/urandom` stop after one
///   chunk with a message, not after gigabytes.
///
/// Contents come whole (`readAll()`) or piecewise (`read(into:)`, `forEachChunk`), so a reader
/// that consumes its input as it comes can use the same checks without holding the whole file.
/// Every error carries the file's path as its location. What is read is counted in the current
/// `WorkProgress`, if any (its bytes and line breaks).
final class InputFile {
    /// What kind of file the path names, from `fstat`.
    enum Kind: Equatable, Sendable {
        case regular, fifo, characterDevice, blockDevice, socket, other

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFIFO: self = .fifo
            case S_IFCHR: self = .characterDevice
            case S_IFBLK: self = .blockDevice
            case S_IFSOCK: self = .socket
            default: self = .other
            }
        }

        var name: String {
            switch self {
            case .regular: "file"
            case .fifo: "pipe"
            case .characterDevice: "character device"
            case .blockDevice: "block device"
            case .socket: "socket"
            case .other: "special file"
            }
        }
    }

    /// The most bytes read from one input, unless told otherwise: 4 GiB less one byte, the most the
    /// CSV tokenizer's 32-bit offsets address. The largest real price files are a few hundred MB
    /// (the reference panel of 500 symbols × 20 years is 121 MB).
    static let defaultLimit = Int(UInt32.max) - 1

    /// How much of the start of an input is checked before the rest is read.
    static let checkedPrefix = ContentSignature.prefixLength

    /// The path, as given (used in messages).
    let path: String
    let kind: Kind
    /// The size the file system states, for regular files (what `readAll` allocates).
    let statedSize: Int?
    let limit: Int
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let checksText: Bool
    /// Bytes handed out so far.
    private(set) var bytesRead = 0
    private var prefixChecked = false

    /// Opens `path` for reading and checks its kind and stated size. `text: false` skips the check
    /// of the first bytes as UTF-8 text.
    convenience init(path: String, limit: Int = InputFile.defaultLimit, text: Bool = true) throws(MarketLinkError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw MarketLinkError(.noSuchFile, at: SourceLocation(file: path)) }
            throw MarketLinkError(.cannotOpen(Descriptor.reason(code)), at: SourceLocation(file: path))
        }
        do throws(MarketLinkError) {
            try self.init(descriptor: descriptor, owned: true, path: path, limit: limit, text: text)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Reads from an open descriptor (an events file open under its lock); with `owned: false` the
    /// caller closes it. Reading starts at the descriptor's current offset.
    init(descriptor: Int32, owned: Bool, path: String, limit: Int = InputFile.defaultLimit, text: Bool = true) throws(MarketLinkError) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw MarketLinkError(.cannotRead("file", reason: Descriptor.reason(errno)), at: SourceLocation(file: path))
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw MarketLinkError(.isDirectory, at: SourceLocation(file: path)) }
        let kind = Kind(mode: info.st_mode)
        let size = kind == .regular ? max(Int(info.st_size), 0) : nil
        if let size, size > min(limit, Int.max / 2) {
            throw MarketLinkError(.fileTooLarge(size: size, limit: limit), at: SourceLocation(file: path))
        }
        self.path = path
        self.kind = kind
        self.statedSize = size
        self.limit = min(limit, Int.max / 2)
        self.descriptor = descriptor
        self.ownsDescriptor = owned
        self.checksText = text
        WorkProgress.current?.beginReading(path, size: size)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads the whole input at `path`: the one call behind `PriceFile.load(path:)` and `EventLog.load(path:lock:)`.
    /// With `sharedLock`, a regular file is read under a shared `flock` (`FileLock.lockShared`), so
    /// that an edit holding the exclusive lock is never seen half-way.
    static func readAll(_ path: String, limit: Int = InputFile.defaultLimit, sharedLock: LockWaiting? = nil) throws(MarketLinkError) -> [UInt8] {
        let input = try InputFile(path: path, limit: limit)
        if let sharedLock, input.kind == .regular { try FileLock.lockShared(input.descriptor, path: path, waiting: sharedLock) }
        return try input.readAll()
    }

    // MARK: Piecewise

    /// Reads the next bytes into `buffer`: how many (0 at the end). The first call fills as much of
    /// `buffer` as it can, up to 64 KiB, and checks it before returning it. Throws once more than
    /// `limit` bytes have come.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(MarketLinkError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        // One byte past the limit is enough to know the input is over it.
        let room = min(buffer.count, limit - bytesRead + 1)
        // Pipes hand out small pieces: gather the whole prefix before checking it.
        let wanted = prefixChecked ? 1 : min(room, Self.checkedPrefix)
        var filled = 0
        var ended = false
        while filled < wanted {
            switch Descriptor.read(descriptor, into: base + filled, count: room - filled) {
            case .success(let n):
                filled += n
                ended = n == 0
            case .failure(let error):
                throw MarketLinkError(.cannotRead(kind.name, reason: error.reason), at: SourceLocation(file: path))
            }
            if ended { break }
        }
        bytesRead += filled
        WorkProgress.current?.read(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: filled))
        if bytesRead > limit { throw tooLarge() }
        if !prefixChecked {
            prefixChecked = true
            if checksText {
                let part = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: filled)
                try TextEncodingCheck.validate(part, file: path, complete: ended)
            }
        }
        return filled
    }

    /// Hands the input to `body` in chunks of up to `chunkSize` bytes, in order, reusing one buffer.
    func forEachChunk(size chunkSize: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>) throws(MarketLinkError) -> Void) throws(MarketLinkError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunkSize, 1), alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try read(into: buffer)
            if count == 0 { return }
            guard let base = buffer.baseAddress else { return }
            try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }

    // MARK: Whole

    /// The rest of the input as one array. A regular file is read into one allocation of its
    /// stated size (plus one byte, to see that it did not grow); anything else into a buffer that
    /// doubles as it fills, up to the limit.
    func readAll() throws(MarketLinkError) -> [UInt8] {
        var capacity = min((statedSize ?? Self.checkedPrefix) + 1, limit + 1)
        var bytes: [UInt8] = []
        var failure: MarketLinkError?
        while failure == nil {
            var filled = bytes.count
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                previous.withUnsafeBufferPointer { old in
                    if let source = old.baseAddress { base.update(from: source, count: old.count) }
                }
                do throws(MarketLinkError) {
                    while filled < capacity {
                        let n = try read(into: UnsafeMutableRawBufferPointer(start: base + filled, count: capacity - filled))
                        if n == 0 { break }
                        filled += n
                    }
                } catch {
                    failure = error
                }
                count = filled
            }
            // Short of the capacity: the end of the input.
            if filled < capacity { break }
            // Full: the file grew, or a pipe has more. `read` throws once past the limit.
            capacity = min(capacity * 2, limit + 1)
        }
        if let failure { throw failure }
        return bytes
    }

    // MARK: Messages

    private func tooLarge() -> MarketLinkError {
        if let statedSize, statedSize <= limit {
            return MarketLinkError(.inputGrew(limit: limit), at: SourceLocation(file: path))
        }
        return MarketLinkError(.endlessInput(source: kind.name, limit: limit), at: SourceLocation(file: path))
    }

    /// A byte count for people: "30.0 GiB (32212254720 bytes)", "512 bytes".
    static func describe(_ bytes: Int) -> String {
        let units: [(String, Int)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        guard let (unit, size) = units.first(where: { bytes >= $0.1 }) else { return "\(bytes) bytes" }
        let tenths = (Double(bytes) * 10 / Double(size)).rounded() / 10
        return "\(tenths) \(unit) (\(bytes) bytes)"
    }
}
