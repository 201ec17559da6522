import Foundation

// MARK: - Records, streamed

/// Splits an input into records as it is read, one chunk at a time (`InputFile.forEachChunk`), so
/// that a 1 GB event file costs one chunk of memory and the longest record, not its size.
///
/// A record is a line (tab-separated layouts: GDELT, ICEWS) or, with `quoteAware`, a CSV record,
/// whose quoted cells may hold line feeds (ACLED). Records end at LF; a CR before the LF is dropped;
/// a byte-order mark opening the input is skipped; empty records are skipped (their lines counted).
/// Each record reaches `body` with the physical line (from 1) it starts on. A record longer than
/// `maximumRecordBytes` is an error: no event dataset has one, and an input without line feeds
/// (a binary file past the checked prefix) would otherwise be held whole.
struct RecordStream {
    /// 16 MiB: GDELT's records are a few hundred bytes, ACLED's a few thousand.
    static let maximumRecordBytes = 16 << 20

    let quoteAware: Bool
    let file: String
    /// The size of the chunks read (1 MiB; tests use tiny ones to cut records at every byte).
    let chunkSize: Int
    private var carry: [UInt8] = []
    private var line = 1
    /// Line feeds inside quotes in the record being read.
    private var innerLines = 0
    private var inQuotes = false
    private var atStart = true

    init(quoteAware: Bool, file: String, chunkSize: Int = 1 << 20) {
        self.quoteAware = quoteAware
        self.file = file
        self.chunkSize = max(chunkSize, 1)
    }

    typealias Body = (_ record: UnsafeBufferPointer<UInt8>, _ line: Int) throws(MarketLinkError) -> Void

    /// Reads `input` to its end, handing every record to `body`.
    mutating func run(_ input: InputFile, _ body: Body) throws(MarketLinkError) {
        try input.forEachChunk(size: chunkSize) { chunk throws(MarketLinkError) in try self.feed(chunk, body) }
        if !carry.isEmpty || inQuotes {
            let record = carry
            carry = []
            try record.withUnsafeBufferPointer { buffer throws(MarketLinkError) in try emit(buffer, body) }
        }
    }

    private mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ body: Body) throws(MarketLinkError) {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        if atStart {
            atStart = false
            if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { start = 3 }
        }
        var cursor = start
        let count = chunk.count
        while cursor < count {
            var end = -1
            if quoteAware {
                var k = cursor
                while k < count {
                    let byte = chunk[k]
                    if byte == 34 {
                        inQuotes.toggle()
                    } else if byte == 10 {
                        if !inQuotes {
                            end = k
                            break
                        }
                        innerLines += 1
                    }
                    k += 1
                }
            } else if let found = memchr(base + cursor, 10, count - cursor) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            guard end >= 0 else { break }
            if carry.isEmpty {
                try emit(UnsafeBufferPointer(rebasing: chunk[start..<end]), body)
            } else {
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<end]))
                let record = carry
                carry.removeAll(keepingCapacity: true)
                try record.withUnsafeBufferPointer { buffer throws(MarketLinkError) in try emit(buffer, body) }
            }
            start = end + 1
            cursor = start
        }
        if start < count {
            carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<count]))
            if carry.count > Self.maximumRecordBytes {
                throw MarketLinkError(
                    "a record longer than \(InputFile.describe(Self.maximumRecordBytes)) starts on this line: this is not an event dataset's file (no line breaks?)",
                    at: SourceLocation(file: file, line: line))
            }
        }
    }

    private mutating func emit(_ raw: UnsafeBufferPointer<UInt8>, _ body: Body) throws(MarketLinkError) {
        var record = raw
        if let last = record.last, last == 13 { record = UnsafeBufferPointer(rebasing: record.dropLast()) }
        let first = line
        line += 1 + innerLines
        innerLines = 0
        if quoteAware, inQuotes {
            throw MarketLinkError("a quoted cell opened on this line is never closed", at: SourceLocation(file: file, line: first))
        }
        if record.isEmpty { return }
        try body(record, first)
    }
}
