import Foundation

// MARK: - Blocks of whole rows

/// Hands out a CSV input in blocks of whole rows, so that a reader holds a few blocks at a time
/// and never the whole input.
///
/// Each block starts where the one before it ended and ends just after a line break that ends
/// a row: one outside quotes (the count of `"` before it is even, which is how RFC 4180 quoting
/// nests — a doubled quote counts twice), and never between the `\r` and `\n` of a CRLF. The
/// partial row after that break is carried over to the start of the next block, so a quoted
/// field with line breaks, a CRLF, a multi-byte UTF-8 character or a long header may straddle
/// any read and still arrive whole. A block holds at least one whole row unless it is the last.
///
/// Where quotes are wrong (a quote inside an unquoted field), the count may say "inside quotes"
/// for the rest of the input; the tokenizer reports the first wrong quote itself, at its place,
/// before any cut after it matters.
///
/// The input is a file (through `InputFile`, so its kind, size and first bytes are checked as
/// for every input) read into a few reused buffers of `blockSize` bytes (more when one row is
/// longer), or bytes already in memory, handed out in place.
///
/// A block grows (doubling) until it holds a whole row, but never past `rowLimit` bytes without
/// one: then `rowTooLong` is thrown, located on line 1 of the rows not yet handed out (the
/// caller, who counts lines, moves it to the file's line). So no input makes a block grow
/// without bound or the reader loop: each step either ends a row or doubles what it looks at.
final class CSVBlockReader {
    /// One block: whole rows (or the rest of the input, in the last block).
    struct Block {
        /// The block's bytes.
        let bytes: UnsafeBufferPointer<UInt8>
        /// Byte offset of `bytes[0]` in the input.
        let offset: Int
        /// Whether the block ends the input.
        let isLast: Bool
        /// Whether the block holds a `"` (if not, a line break always ends a row in it).
        let hasQuotes: Bool
        /// The buffer the bytes live in, for `recycle` (nil for bytes in memory).
        fileprivate let storage: UnsafeMutableRawBufferPointer?
    }

    /// The longest row read unless told otherwise: 64 MiB, the constant part of the memory a
    /// load may use (a row of a wide file with a million value columns is about 10 MB).
    static let defaultRowLimit = 64 << 20

    /// The block size used unless told otherwise: 4 MiB, small enough that a few blocks in flight
    /// cost little memory, large enough that handing one to a thread costs nothing in comparison.
    static let defaultBlockSize = 4 << 20

    private enum Source {
        case file(InputFile)
        case memory(UnsafeBufferPointer<UInt8>)
    }

    private let source: Source
    let blockSize: Int
    /// Bytes looked at past the rows already handed out without finding a line end, at most.
    let rowLimit: Int
    /// The input's name, for locations.
    let name: String

    // File source: the buffer of the block handed out last, how far it is filled, and where
    // that block ended (the carried-over bytes are `cut..<filled`).
    private var buffer: UnsafeMutableRawBufferPointer?
    private var filled = 0
    private var cut = 0
    private var ended = false
    /// Whether the block handed out last was recycled before its carry was taken.
    private var bufferRecycled = false
    private var pool: [UnsafeMutableRawBufferPointer] = []
    /// Offset in the input of the start of `buffer` (file) or of the next block (memory).
    private var start = 0
    /// Memory source: where the block handed out last began, for `extend`.
    private var lastStart = 0
    private var handedOutLast = false
    /// File source: the first block's bytes are in `buffer` already (`init(file:…readAhead:…)`).
    private var primed = false

    init(file: InputFile, name: String, blockSize: Int = CSVBlockReader.defaultBlockSize, rowLimit: Int = CSVBlockReader.defaultRowLimit) {
        self.source = .file(file)
        self.name = name
        self.blockSize = max(blockSize, 1)
        self.rowLimit = max(rowLimit, 1)
    }

    /// A reader of `file` whose first `filled` bytes were already read into `buffer` (which the
    /// reader now owns and frees); `ended` when they are the whole input. With `filled` at most
    /// `blockSize` the blocks are the ones a reader from the file's start hands out.
    convenience init(
        file: InputFile, name: String, blockSize: Int = CSVBlockReader.defaultBlockSize, rowLimit: Int = CSVBlockReader.defaultRowLimit,
        readAhead buffer: UnsafeMutableRawBufferPointer, filled: Int, ended: Bool
    ) {
        self.init(file: file, name: name, blockSize: blockSize, rowLimit: rowLimit)
        self.buffer = buffer
        self.filled = min(max(filled, 0), buffer.count)
        self.ended = ended
        primed = true
    }

    init(
        bytes: UnsafeBufferPointer<UInt8>, name: String, blockSize: Int = CSVBlockReader.defaultBlockSize,
        rowLimit: Int = CSVBlockReader.defaultRowLimit
    ) {
        self.source = .memory(bytes)
        self.name = name
        self.blockSize = max(blockSize, 1)
        self.rowLimit = max(rowLimit, 1)
    }

    /// A reader of the same input from its start, in the same blocks (for a second pass over
    /// it); `nil` for an input that cannot be read again (a pipe).
    func restarted() throws(MarketLinkError) -> CSVBlockReader? {
        switch source {
        case .memory(let bytes):
            return CSVBlockReader(bytes: bytes, name: name, blockSize: blockSize, rowLimit: rowLimit)
        case .file(let file):
            guard file.kind == .regular else { return nil }
            return CSVBlockReader(file: try InputFile(path: file.path, limit: file.limit), name: name, blockSize: blockSize, rowLimit: rowLimit)
        }
    }

    deinit {
        if let buffer { buffer.deallocate() }
        for free in pool { free.deallocate() }
    }

    /// The size the input states, when it is a regular file or bytes in memory (for estimates).
    var statedSize: Int? {
        switch source {
        case .file(let file): file.statedSize
        case .memory(let bytes): bytes.count
        }
    }

    // MARK: Handing out blocks

    /// The next block, or `nil` after the last. The block's bytes stay valid until it is
    /// recycled (file source) or as long as the memory (memory source). Throws `rowTooLong`
    /// (on line 1 of the block it would have been) when no row ends within `rowLimit` bytes.
    func next() throws(MarketLinkError) -> Block? {
        guard !handedOutLast else { return nil }
        switch source {
        case .memory(let bytes):
            lastStart = start
            return try memoryBlock(bytes, from: start, window: blockSize, beyond: 0)
        case .file(let file):
            if primed {
                // The block a fresh reader reads first: the input's first `blockSize` bytes.
                primed = false
                return try fileBlock(file, wanted: blockSize, beyond: 0)
            }
            try takeFreshBuffer(minimum: filled - cut + blockSize)
            return try fileBlock(file, wanted: filled + blockSize, beyond: 0)
        }
    }

    /// The block handed out last, made longer: at least one more block's worth of rows (the
    /// header search asks for this when the rows it needs go past the end). The block passed in
    /// must not be used afterwards. Throws `rowTooLong` (on line 1 of what follows the block)
    /// when no row ends within `rowLimit` bytes after it.
    func extend(_ block: Block) throws(MarketLinkError) -> Block {
        switch source {
        case .memory(let bytes):
            handedOutLast = false
            let length = block.bytes.count
            return try memoryBlock(bytes, from: lastStart, window: length + max(blockSize, length), beyond: length)
        case .file(let file):
            handedOutLast = false
            return try fileBlock(file, wanted: filled + max(blockSize, filled), beyond: block.bytes.count)
        }
    }

    /// Gives a block's buffer back for reuse, once nothing reads its bytes any more.
    func recycle(_ block: Block) {
        guard let storage = block.storage else { return }
        if let buffer, storage.baseAddress == buffer.baseAddress {
            bufferRecycled = true  // its carry is still to be taken
        } else {
            pool.append(storage)
        }
    }

    // MARK: Memory

    /// The block of the rows from `first`, looking `window` bytes ahead at first and further
    /// until it holds a row ending after `beyond` bytes (or the input ends), but not past
    /// `rowLimit` bytes after `beyond`.
    private func memoryBlock(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, window: Int, beyond: Int) throws(MarketLinkError) -> Block {
        var length = min(window, bytes.count - first)
        while true {
            let atEnd = first + length == bytes.count
            let slice = UnsafeBufferPointer(rebasing: bytes[first..<first + length])
            let (end, quotes) = CSVBlockReader.rowsEnd(slice, atEnd: atEnd)
            if end > beyond || atEnd {
                start = first + end
                handedOutLast = atEnd
                return Block(
                    bytes: UnsafeBufferPointer(rebasing: bytes[first..<first + end]), offset: first, isLast: atEnd, hasQuotes: quotes,
                    storage: nil)
            }
            if length - beyond >= rowLimit { throw tooLong() }
            length = min(length * 2, bytes.count - first)
        }
    }

    // MARK: File

    /// Moves the carried-over bytes of the block handed out last to the start of a buffer of
    /// at least `minimum` bytes, which becomes the current one.
    private func takeFreshBuffer(minimum: Int) throws(MarketLinkError) {
        let carry = filled - cut
        var fresh: UnsafeMutableRawBufferPointer
        if let index = pool.lastIndex(where: { $0.count >= minimum }) {
            fresh = pool.remove(at: index)
        } else {
            // Rounded up to an eighth of a block, so that buffers with carries of different
            // lengths (a wide file's rows are long) are one size and each fits the next block:
            // otherwise a buffer too small for a longer carry stays in the pool beside a new one.
            let step = max(blockSize / 8, 1)
            fresh = UnsafeMutableRawBufferPointer.allocate(byteCount: (max(minimum, blockSize) + step - 1) / step * step, alignment: 16)
            LargeBuffer.adviseHugePages(fresh)
        }
        if let buffer, let from = buffer.baseAddress, let to = fresh.baseAddress, carry > 0 {
            to.copyMemory(from: from + cut, byteCount: carry)
        }
        // The block handed out last is recycled by its reader once done with it, unless it was already.
        if let buffer, bufferRecycled { pool.append(buffer) }
        bufferRecycled = false
        start += cut
        buffer = fresh
        filled = carry
        cut = 0
    }

    /// Reads until the current buffer holds `wanted` bytes (or the input ends), then cuts it after
    /// its last whole row; reads on while no row ends after `beyond` bytes.
    private func fileBlock(_ file: InputFile, wanted: Int, beyond: Int) throws(MarketLinkError) -> Block {
        var target = wanted
        while true {
            while !ended, filled < target {
                try ensureCapacity(target)
                guard let base = buffer?.baseAddress else { break }
                let n = try file.read(into: UnsafeMutableRawBufferPointer(start: base + filled, count: target - filled))
                if n == 0 { ended = true } else { filled += n }
            }
            guard let base = buffer?.baseAddress else {
                handedOutLast = true
                return Block(bytes: UnsafeBufferPointer(start: nil, count: 0), offset: start, isLast: true, hasQuotes: false, storage: nil)
            }
            let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: filled)
            let (end, quotes) = CSVBlockReader.rowsEnd(bytes, atEnd: ended)
            if end > beyond || ended {
                cut = end
                handedOutLast = ended
                return Block(
                    bytes: UnsafeBufferPointer(rebasing: bytes[0..<end]), offset: start, isLast: ended, hasQuotes: quotes, storage: buffer)
            }
            if filled - beyond >= rowLimit { throw tooLong() }
            target = filled + max(blockSize, filled)
        }
    }

    /// No row ends within `rowLimit` bytes: located on the first line of the rows to come.
    private func tooLong() -> MarketLinkError {
        MarketLinkError(.rowTooLong(limit: rowLimit), at: SourceLocation(file: name, line: 1, column: 1))
    }

    /// Grows the current buffer (keeping what it holds) to at least `capacity` bytes.
    private func ensureCapacity(_ capacity: Int) throws(MarketLinkError) {
        guard let old = buffer, old.count < capacity else { return }
        let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: max(capacity, old.count * 2), alignment: 16)
        if let from = old.baseAddress, let to = grown.baseAddress, filled > 0 { to.copyMemory(from: from, byteCount: filled) }
        // The old buffer belongs to no block in flight: only the block handed out last lives in
        // it, and it is extended only before anything else sees it.
        old.deallocate()
        buffer = grown
    }

    // MARK: Row ends

    /// Where the whole rows of `bytes` end: just after the last line break outside quotes that
    /// is surely a whole line end (a `\r` as the last byte may be the first half of a CRLF), or
    /// 0 when there is none; the whole length when `atEnd`. Also whether `bytes` holds a quote.
    static func rowsEnd(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> (end: Int, hasQuotes: Bool) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (0, false) }
        let count = bytes.count
        // Parity of the quotes in the block: the quote state at its end.
        var parity = 0
        var hasQuotes = false
        var scan = UnsafeRawPointer(base)
        let limit = UnsafeRawPointer(base + count)
        while scan < limit, let found = memchr(scan, 34, limit - scan) {
            parity ^= 1
            hasQuotes = true
            scan = UnsafeRawPointer(found) + 1
        }
        if atEnd { return (count, hasQuotes) }
        // Walk back to the last line break with an even number of quotes before it.
        var i = count - 1
        while i >= 0 {
            let byte = bytes[i]
            if byte == 34 {
                parity ^= 1
            } else if parity == 0, byte == 10 || byte == 13 {
                // A `\r` just before a `\n` is passed over: the `\n` was seen first.
                if byte == 10 || i + 1 < count { return (i + 1, hasQuotes) }
            }
            i -= 1
        }
        return (0, hasQuotes)
    }
}
