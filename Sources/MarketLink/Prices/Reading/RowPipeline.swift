import Dispatch
import Foundation

// MARK: - Reading blocks on two threads

/// Reads the data rows of a price file block by block: while the calling thread reads the next
/// block and takes finished ones into the `SeriesAssembly` in file order, the blocks in between
/// are checked as UTF-8 and parsed into `RowChunk`s on other threads (two at a time by default),
/// each on its own bytes. Only a few blocks are alive at once, so memory is the series' storage
/// and a constant, whatever the size of the file.
///
/// The result is the one a single pass over the whole file gives, error for error:
/// - blocks are taken in order, and the first error met in that order is the one thrown;
/// - an encoding error anywhere comes before any other (the file is checked as text before it
///   is read as CSV): after the first other error, the rest of the input is still checked as
///   text, block by block, and an encoding problem there is thrown instead;
/// - every line a block reports (errors, dropped rows, the places its series keep) counts from
///   the block's first line and is moved to the file's numbering when the block is taken.
enum RowPipeline {
    /// What one block gave.
    enum Outcome {
        /// Its rows; the chunk's lines count from the block's start line.
        case parsed(RowChunk)
        /// Not valid UTF-8: located from the block's first line (as line 1).
        case notText(MarketLinkError)
        /// A CSV or data error, located as the chunk counts lines; how many line breaks the
        /// block holds; and its rows that are not sessions up to the error (`EdgeRows`).
        case failed(MarketLinkError, lineBreaks: Int, edges: EdgeRows)
        /// Only checked as text (after an error), and how many line breaks it holds.
        case checked(lineBreaks: Int)
        case pending
    }

    /// From how many value columns (with no symbol column) a chunk is large whatever its rows.
    static let manyColumns = 1024

    /// One block's work, done on some thread and read once `done` is signalled.
    final class Job: @unchecked Sendable {
        let block: CSVBlockReader.Block
        /// The rows to read in the block.
        let range: Range<Int>
        /// The line number the chunk starts counting at: the file's line for the first block
        /// (whose start is the file's), 1 for the others.
        let startLine: Int
        /// Whether the chunk's lines count from the block (1) rather than the file.
        var relative: Bool { startLine == 1 && block.offset > 0 }
        /// Whether the block is checked as UTF-8 (the first was, before its header was read).
        let checksText: Bool
        /// Whether its rows are read (not once an earlier block failed).
        let parses: Bool
        let layout: RowLayout
        /// The builders of a chunk already taken, to fill again (`RowChunk.parse`).
        private var recycled: [RowChunk.Builder]?
        private(set) var outcome = Outcome.pending
        let done = DispatchSemaphore(value: 0)

        init(
            block: CSVBlockReader.Block, range: Range<Int>, startLine: Int, checksText: Bool, parses: Bool, layout: RowLayout,
            reusing recycled: [RowChunk.Builder]? = nil
        ) {
            self.block = block
            self.range = range
            self.startLine = startLine
            self.checksText = checksText
            self.parses = parses
            self.layout = layout
            self.recycled = recycled
        }

        /// The outcome, given up by the job (so that a chunk's builders have one owner, to be
        /// emptied and reused without a copy).
        func takeOutcome() -> Outcome {
            let taken = outcome
            outcome = .pending
            return taken
        }

        func run() {
            defer { done.signal() }
            let bytes = block.bytes
            if checksText {
                do throws(MarketLinkError) {
                    try TextEncodingCheck.validate(bytes, file: layout.file, complete: true, startsFile: block.offset == 0)
                } catch {
                    outcome = .notText(error)
                    return
                }
            }
            guard parses else {
                outcome = .checked(lineBreaks: RowPipeline.lineBreaks(in: UnsafeBufferPointer(rebasing: bytes[range])))
                return
            }
            var edges = EdgeRows()
            do throws(MarketLinkError) {
                let chunk = try RowChunk.parse(
                    bytes: bytes, range: range, line: startLine, layout: layout, quotesPossible: block.hasQuotes, edges: &edges, reusing: &recycled)
                outcome = .parsed(chunk)
            } catch {
                outcome = .failed(error, lineBreaks: RowPipeline.lineBreaks(in: UnsafeBufferPointer(rebasing: bytes[range])), edges: edges)
            }
        }
    }

    /// Reads every data row from `first` (the block holding the header, whose rows start at
    /// `start`, on line `line`) and the blocks after it, into `assembly`. With `failure`, an
    /// error already met before the rows: the rest is only checked as text, and that error (or
    /// an encoding error found) is thrown. `threads` at most work at once (1: all on this thread).
    static func run(
        _ blocks: CSVBlockReader, first: CSVBlockReader.Block, start: Int, line: Int, layout: RowLayout, into assembly: inout SeriesAssembly,
        threads: Int, failure earlier: MarketLinkError? = nil, estimate: ((_ rows: Int, _ bytes: Int) -> Int?)? = nil
    ) throws(MarketLinkError) {
        var failure = earlier
        var inFlight: [Job] = []
        var pendingFirst: CSVBlockReader.Block? = first
        var exhausted = false
        // The file's line number at the start of the next block to be taken.
        var lineBase = line
        // Blocks in flight: one more than the threads, so that a parsed chunk waits while the
        // threads parse on; but a chunk of a file with many value columns and no symbol column
        // holds a builder per column whatever its rows (a wide file's 60,000 columns make about
        // 30 MB a chunk), so there no parsed chunk waits beside those being parsed.
        let depth = max(threads, 1) + (layout.symbolIndex == nil && layout.valueIndexes.count >= manyColumns ? 0 : 1)
        let queue = DispatchQueue.global(qos: .userInitiated)
        var taken = 0
        // The builders of the chunk taken last, for the next job (a file without a symbol column).
        var spare: [RowChunk.Builder]?
        // A row too long to read, met while blocks before it were still in flight: thrown once
        // they are taken (an error in them comes first), on the line where they end.
        var tooLong: MarketLinkError?
        while true {
            while inFlight.count < depth, !exhausted {
                let job: Job
                if let block = pendingFirst {
                    pendingFirst = nil
                    job = Job(block: block, range: start..<block.bytes.count, startLine: line, checksText: false, parses: failure == nil, layout: layout)
                } else {
                    let next: CSVBlockReader.Block?
                    do throws(MarketLinkError) {
                        next = try blocks.next()
                    } catch {
                        tooLong = error
                        exhausted = true
                        break
                    }
                    guard let block = next else {
                        exhausted = true
                        break
                    }
                    job = Job(
                        block: block, range: 0..<block.bytes.count, startLine: 1, checksText: true, parses: failure == nil, layout: layout,
                        reusing: spare)
                    spare = nil
                }
                if job.block.isLast { exhausted = true }
                inFlight.append(job)
                if threads > 1, !(exhausted && inFlight.count == 1) {
                    queue.async { job.run() }
                } else {
                    job.run()
                }
            }
            guard !inFlight.isEmpty else { break }
            let job = inFlight.removeFirst()
            job.done.wait()
            let shift = job.relative ? lineBase - 1 : 0
            switch job.takeOutcome() {
            case .parsed(var chunk):
                lineBase += chunk.linesConsumed
                if failure == nil {
                    if taken == 0, let estimate, let rows = estimate(chunk.rowCount, job.range.count) { assembly.reserve(rows: rows) }
                    do throws(MarketLinkError) {
                        let builders = try assembly.take(&chunk, lineShift: shift)
                        if layout.symbolIndex == nil { spare = builders }
                    } catch {
                        failure = error
                    }
                }
            case .notText(let error):
                throw shifted(error, by: lineBase - 1)
            case .failed(let error, let lineBreaks, let edges):
                if failure == nil {
                    // A row that is not a session before this error, between two sessions, comes first.
                    do throws(MarketLinkError) {
                        try assembly.takeEdges(of: edges, lineShift: shift)
                        failure = shifted(error, by: shift)
                    } catch {
                        failure = error
                    }
                }
                lineBase += lineBreaks
            case .checked(let lineBreaks):
                lineBase += lineBreaks
            case .pending:
                break
            }
            taken += 1
            blocks.recycle(job.block)
        }
        if let failure { throw failure }
        if let tooLong { throw shifted(tooLong, by: lineBase - 1) }
    }

    /// An error moved down by `lines` lines (an error at no line stays where it is).
    static func shifted(_ error: MarketLinkError, by lines: Int) -> MarketLinkError {
        guard lines != 0, let location = error.location, location.line > 0 else { return error }
        var moved = error
        moved.location = SourceLocation(file: location.file, line: location.line + lines, column: location.column)
        return moved
    }

    /// Line ends as lines are counted (LF, CRLF, CR).
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var k = 0
        let n = bytes.count
        while k < n {
            let byte = bytes[k]
            if byte == 10 || (byte == 13 && !(k + 1 < n && bytes[k + 1] == 10)) { count += 1 }
            k += 1
        }
        return count
    }
}
