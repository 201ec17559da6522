import Foundation
import Testing

@testable import MarketLink

/// A price file is read in blocks of whole rows (4 MiB by default) on two threads. These tests
/// read with blocks of a few bytes, so that block ends fall everywhere — inside quoted fields,
/// between the `\r` and `\n` of a CRLF, inside multi-byte characters, inside the header — and
/// check that every result is the one the file gives read in one block, and that errors in a
/// later block are located exactly.
@Suite struct BlockReadingTests {
    /// Block sizes that put a boundary after every byte (1), at odd places (3, 7) and a few rows in (64).
    static let blockSizes = [1, 3, 7, 64]

    /// Everything a load shows: the inspect report as text and JSON, each series' days, closes
    /// and decimals, or the error as printed.
    static func outcome(
        _ bytes: [UInt8], file: String = "t.csv", options: PriceLoadOptions = .init(), blockSize: Int? = nil, rowLimit: Int? = nil, threads: Int = 2
    ) -> String {
        var reader = PriceFileReader(file: file, options: options)
        if let blockSize { reader.blockSize = blockSize }
        if let rowLimit { reader.rowLimit = rowLimit }
        reader.threads = threads
        do {
            let loaded = try PriceFile.load(bytes: bytes, file: file, options: options, reader: reader)
            return describe(loaded)
        } catch {
            return "error: \(error)"
        }
    }

    static func describe(_ loaded: PriceFile) -> String {
        var text = loaded.reportText() + loaded.reportJSON().serialized()
        for series in loaded.series {
            text += "\n\(series.name) \(series.decimals) \(series.displayDecimals) \(series.dayOrdinals) \(series.closes)"
        }
        return text
    }

    /// Every load of `bytes` in small blocks, on one thread and on two, gives what one block gives.
    static func expectSameInEveryBlockSize(
        _ bytes: [UInt8], file: String = "t.csv", options: PriceLoadOptions = .init(), sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let whole = outcome(bytes, file: file, options: options, threads: 1)
        for size in blockSizes {
            for threads in [1, 2] {
                let piecewise = outcome(bytes, file: file, options: options, blockSize: size, threads: threads)
                #expect(piecewise == whole, "blocks of \(size) bytes, \(threads) threads", sourceLocation: sourceLocation)
            }
        }
    }

    /// Loads `text` in every block size and expects the same printed error each time.
    static func expectError(_ text: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        #expect(outcome(bytes, threads: 1) == "error: \(expected)", sourceLocation: sourceLocation)
        for size in blockSizes {
            #expect(outcome(bytes, blockSize: size) == "error: \(expected)", "blocks of \(size) bytes", sourceLocation: sourceLocation)
        }
    }

    // MARK: Every fixture

    static let fixtures: [String] = {
        let root = CLIRunner.fixture("fixtures")
        let found = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(".csv") }.sorted()
    }()

    @Test(arguments: fixtures)
    func aFixtureReadsTheSameInAnyBlockSize(_ path: String) throws {
        let bytes = try ReadingSteps.bytes(ofFixture: "fixtures/" + path)
        Self.expectSameInEveryBlockSize(bytes, file: path)
        // Numeric dates read with each order given, where the file leaves it open.
        if Self.outcome(bytes, file: path).contains("--date-format") {
            for order in DateOrder.allCases { Self.expectSameInEveryBlockSize(bytes, file: path, options: PriceLoadOptions(dateOrder: order)) }
        }
    }

    @Test func aFileOnDiskReadsTheSameInSmallBlocks() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for fixture in ["fixtures/layouts/yahoo-web-table.csv", "fixtures/layouts/panel.csv", "fixtures/bad/duplicate-date.csv", "fixtures/layouts/investing-chinese.csv"] {
            let bytes = try ReadingSteps.bytes(ofFixture: fixture)
            let path = folder.appendingPathComponent("p.csv").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let whole = Self.outcome(bytes, file: path, threads: 1)
            for size in Self.blockSizes {
                var reader = PriceFileReader(file: path, options: .init())
                reader.blockSize = size
                let fromDisk: String
                do { fromDisk = Self.describe(try reader.read(path: path)) } catch { fromDisk = "error: \(error)" }
                #expect(fromDisk == whole, "\(fixture) in blocks of \(size) bytes")
            }
        }
    }

    // MARK: Boundaries in awkward places

    @Test func quotedFieldsWithCommasAndLineBreaksStraddleBlocks() throws {
        // A web-table copy: every field quoted, thousands separators, and a note with a line
        // break inside its quotes (line 3 goes on to line 4).
        let text = "Date,Close,Note\n\"2023-06-01\",\"1,234.50\",\"calm\"\n\"2023-06-02\",\"1,240.25\",\"a\nb\"\n\"2023-06-05\",\"1,238.00\",\"\"\"quoted\"\"\"\n"
        Self.expectSameInEveryBlockSize(Array(text.utf8))
        var reader = PriceFileReader(file: "t.csv", options: .init())
        reader.blockSize = 5
        let loaded = try PriceFile.load(bytes: Array(text.utf8), file: "t.csv", options: .init(), reader: reader)
        let series = try #require(loaded.series.first)
        #expect(series.closes == [1234.50, 1240.25, 1238.00])
        #expect(series.dayOrdinals == [try day("2023-06-01"), try day("2023-06-02"), try day("2023-06-05")].map(\.ordinal))
    }

    @Test func anErrorAfterAQuotedLineBreakCountsThatLine() {
        // Line 3 holds a quoted line break, so the row after it is on line 5; "2023-06-03," is 11 bytes.
        Self.expectError(
            "Date,Close,Note\n2023-06-01,10,x\n2023-06-02,11,\"a\nb\"\n2023-06-03,abc,y\n",
            "t.csv:5:12: error: cannot read \"abc\" as a number in column \"Close\"")
    }

    @Test func crlfSplitBetweenItsTwoBytesIsOneLineEnd() {
        let text = "Date,Close\r\n2023-06-01,1\r\n2023-06-02,2\r\n\r\n2023-06-05,3\r\n"
        Self.expectSameInEveryBlockSize(Array(text.utf8))
        // Line 4 is blank; the bad row is line 5.
        Self.expectError("Date,Close\r\n2023-06-01,1\r\n2023-06-02,2\r\n\r\n2023-06-05,x\r\n", "t.csv:5:12: error: cannot read \"x\" as a number in column \"Close\"")
    }

    @Test func lonelyCarriageReturnsEndLinesToo() {
        Self.expectError("Date,Close\r2023-06-01,1\r2023-06-02,y\r", "t.csv:3:12: error: cannot read \"y\" as a number in column \"Close\"")
    }

    @Test func multiByteCharactersStraddleBlocks() throws {
        // Investing.com's Chinese site: 日期 (6 bytes), 收盘 (6 bytes), dates like 2022年6月1日.
        let text = "\u{FEFF}日期,收盘,开盘\n2022年6月2日,\"3,195.46\",\"3,186.27\"\n2022年6月1日,\"3,182.16\",\"3,186.27\"\n2022年5月31日,-,\"3,160.94\"\n"
        Self.expectSameInEveryBlockSize(Array(text.utf8))
        var reader = PriceFileReader(file: "t.csv", options: .init())
        reader.blockSize = 2
        let loaded = try PriceFile.load(bytes: Array(text.utf8), file: "t.csv", options: .init(), reader: reader)
        #expect(loaded.newestFirst)
        #expect(try #require(loaded.series.first).closes == [3182.16, 3195.46])
        #expect(loaded.dropped.map(\.line) == [4])
    }

    @Test func aLongHeaderWithoutAByteOrderMarkStraddlesBlocks() throws {
        let text = "Date,Open,High,Low,Close,Adj Close,Volume\n2023-06-07,3,4,2,3.5,3.5,100\n2023-06-08,3,4,2,3.75,3.75,100"
        Self.expectSameInEveryBlockSize(Array(text.utf8))
        var reader = PriceFileReader(file: "^GSPC.csv", options: .init())
        reader.blockSize = 3
        let loaded = try PriceFile.load(bytes: Array(text.utf8), file: "^GSPC.csv", options: .init(), reader: reader)
        #expect(loaded.layout == .yahooDownload)
        #expect(try #require(loaded.series.first).closes == [3.5, 3.75])
    }

    @Test func invalidTextInALaterBlockIsLocatedInTheFile() {
        var bytes = Array("Date,Close\n2023-06-01,1\n2023-06-02,2\n2023-06-05,".utf8)
        bytes += [0xFF] + Array("\n".utf8)
        let message = "t.csv:4:12: error: invalid UTF-8 (byte 0xFF); re-save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8.csv)"
        for size in [nil] + Self.blockSizes {
            #expect(Self.outcome(bytes, blockSize: size) == "error: \(message)", "blocks of \(size ?? 0) bytes")
        }
    }

    @Test func invalidTextLaterWinsOverAnEarlierBadRow() {
        // Whole, the file is refused as text before any row is read; so it is in blocks.
        var bytes = Array("Date,Close\n2023-06-01,x\n2023-06-02,2\n".utf8)
        bytes += [0xC3, 0x28] + Array("\n".utf8)
        let message = "t.csv:4:1: error: invalid UTF-8 (byte 0xC3); re-save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8.csv)"
        for size in [nil] + Self.blockSizes {
            #expect(Self.outcome(bytes, blockSize: size) == "error: \(message)", "blocks of \(size ?? 0) bytes")
        }
        // And over a header that is no header.
        var noHeader = Array("just,words\nmore,words\n".utf8)
        noHeader += [0xFF] + Array("\n".utf8)
        for size in [nil] + Self.blockSizes {
            #expect(Self.outcome(noHeader, blockSize: size).hasPrefix("error: t.csv:3:1: error: invalid UTF-8 (byte 0xFF)"), "blocks of \(size ?? 0) bytes")
        }
    }

    @Test func aByteOrderMarkStartingALaterBlockIsInTheMiddleOfTheFile() {
        let bytes = Array("Date,Close\n2023-06-01,1\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("2023-06-02,2\n".utf8)
        let message = "t.csv:3:1: error: byte-order mark (U+FEFF) in the middle of the file: were two files joined? remove it"
        for size in [nil] + Self.blockSizes {
            #expect(Self.outcome(bytes, blockSize: size) == "error: \(message)", "blocks of \(size ?? 0) bytes")
        }
    }

    // MARK: Errors in later blocks

    @Test func anErrorOnTheFirstRowOfALaterBlockHasItsLineAndColumn() {
        // Before, the second half of a file read on two threads counted lines from 0, and an
        // error on its first row printed no line or column.
        Self.expectError("Date,Close\n2023-06-01,1\n2023-06-02,2\n2023-06-05,-3\n", "t.csv:4:12: error: close \"-3\" in column \"Close\" is not positive: an index level must be above 0 (percent changes divide by it)")
        Self.expectError("Date,Close\n2023-06-01,1\n\n\n2023-06-02,\"2\n", "t.csv:5:12: error: unterminated quoted field (the quote opened here is never closed)")
        Self.expectError("Date,Close\n2023-06-01,1\n2023-06-02,2,3\n", "t.csv:3:14: error: row has 3 fields but the header has 2 (an unquoted comma inside a number?)")
        Self.expectError("Date,Close\n2023-06-01,1\n2023-06-02,1\"2\n", "t.csv:3:13: error: quote character inside an unquoted field; a field with quotes must be quoted whole, with each quote doubled")
    }

    @Test func theFirstErrorInTheFileIsTheOneReported() {
        // Rows 3 and 5 are both bad: whatever the blocks, row 3's error is the one.
        Self.expectError("Date,Close\n2023-06-01,1\n2023-06-02,a\n2023-06-05,2\n2023-06-06,b\n", "t.csv:3:12: error: cannot read \"a\" as a number in column \"Close\"")
    }

    @Test func duplicatesAndStepsBackAcrossBlocksNameBothLines() {
        Self.expectError("Date,Close\n2023-06-01,1\n2023-06-02,2\n2023-06-02,3\n", "t.csv:4:1: error: duplicate date 2023-06-02 (also on line 3)")
        Self.expectError("Date,Close\n2023-06-03,1\n2023-06-01,2\n2023-06-02,3\n", "t.csv:4:1: error: date 2023-06-02 is out of order: line 3 has 2023-06-01; dates must run one way (oldest or newest first)")
        // Newest first: the step back nearest the end of the file is the one reported, as when
        // the series is reversed and read from its oldest row.
        Self.expectError(
            "Date,Close\n2023-06-09,1\n2023-06-10,2\n2023-06-08,3\n2023-06-07,3\n2023-06-07,3\n2023-06-01,4\n",
            "t.csv:6:1: error: duplicate date 2023-06-07 (also on line 5)")
        Self.expectError(
            "Date,Symbol,Close\n2023-06-01,A,1\n2023-06-01,B,1\n2023-06-02,B,1\n2023-06-01,A,2\n",
            "t.csv:5:1: error: duplicate date 2023-06-01 for A (also on line 2)")
    }

    @Test func dayMonthOrderIsDecidedFromRowsInEveryBlock() {
        // 1/2 ... 1/12 read either way; only the last row (13/01) rules month-first out.
        var text = "Date,Close\n"
        for day in 1...12 { text += "\(day)/01/2023,\(day)\n" }
        text += "13/01/2023,13\n"
        let whole = Self.outcome(Array(text.utf8), threads: 1)
        #expect(whole.contains("day/month/year: the only order valid for every row (MDY fails on line 14)"))
        Self.expectSameInEveryBlockSize(Array(text.utf8))
        // Not a real day under the only order left: located where it is.
        Self.expectError("Date,Close\n2023-06-01,1\n2023-02-30,2\n", "t.csv:3:1: error: \"2023-02-30\" is not a real date (February 2023 has 28 days)")
    }

    @Test func blocksWithNoDataRowBeforeTheFirstRow() throws {
        // Before, a file over 8 MiB whose first half held no data row failed on an index out of
        // range. Here the first blocks hold blank and empty rows only.
        var text = "Date,Close\n"
        for _ in 0..<50 { text += ",\n" }
        text += "2023-06-01,1\n"
        Self.expectSameInEveryBlockSize(Array(text.utf8))
        var reader = PriceFileReader(file: "t.csv", options: .init())
        reader.blockSize = 7
        let loaded = try PriceFile.load(bytes: Array(text.utf8), file: "t.csv", options: .init(), reader: reader)
        #expect(loaded.series.first?.closes == [1])
        #expect(loaded.dropped.count == 50)
        #expect(loaded.dropped.last?.line == 51)
        #expect(loaded.dateReading == "dates like \"2023-06-01\"")
    }

    @Test func nineMegabytesOfBlankLinesBeforeTheFirstRow() throws {
        // The case as it was found, with the default block size: 9 MiB of line ends after the header.
        let bytes = Array("Date,Close\n".utf8) + [UInt8](repeating: 10, count: 9 << 20) + Array("2023-06-01,1\n2023-06-02,x\n".utf8)
        let line = 2 + (9 << 20)
        #expect(Self.outcome(bytes) == "error: t.csv:\(line + 1):12: error: cannot read \"x\" as a number in column \"Close\"")
    }

    // MARK: Rows longer than a block, and than any row may be

    /// Loads `bytes` from a file on disk with the given block size and row limit.
    static func outcomeFromDisk(_ bytes: [UInt8], blockSize: Int, rowLimit: Int, threads: Int) throws -> String {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var reader = PriceFileReader(file: "t.csv", options: .init())
        reader.blockSize = blockSize
        reader.rowLimit = rowLimit
        reader.threads = threads
        do { return describe(try reader.read(path: path)) } catch { return "error: \(error)" }
    }

    @Test func aRowLongerThanTheLimitIsRefusedOnItsLine() throws {
        // Line 4 opens a quote that is never closed: from there no line end is outside quotes,
        // so no block of whole rows can end. With a limit of 64 bytes the reader stops after
        // looking at 64 to 127 bytes past line 4's start, on memory and on disk alike.
        var text = "Date,Close\n2023-06-01,1\n2023-06-02,2\n2023-06-05,\"3\n"
        for day in 6...28 { text += "2023-06-\(day),\(day)\n" }
        let message = "error: t.csv:4:1: error: no line end within 64 bytes from the start of this row (outside quotes); MarketLink reads rows of up to 64 bytes: is a quote left open?"
        for size in [1, 2, 3, 5, 7, 11, 16, 64] {
            for threads in [1, 2] {
                #expect(Self.outcome(Array(text.utf8), blockSize: size, rowLimit: 64, threads: threads) == message, "memory, blocks of \(size)")
                // On disk too, on its line, whatever the block size.
                let fromDisk = try Self.outcomeFromDisk(Array(text.utf8), blockSize: size, rowLimit: 64, threads: threads)
                #expect(fromDisk == message, "disk, blocks of \(size), \(threads) threads")
            }
        }
        // Without the limit in reach, the tokenizer finds the open quote itself.
        #expect(Self.outcome(Array(text.utf8), blockSize: 7) == "error: t.csv:4:12: error: unterminated quoted field (the quote opened here is never closed)")
    }

    @Test func aHeaderLongerThanTheLimitIsRefusedOnLineOne() throws {
        let text = "Date," + (1...40).map { "S\($0)" }.joined(separator: ",") + "\n2023-06-01," + (1...40).map { "\($0)" }.joined(separator: ",") + "\n"
        let message = "error: t.csv:1:1: error: no line end within 64 bytes from the start of this row (outside quotes); MarketLink reads rows of up to 64 bytes: is a quote left open?"
        for size in [1, 7, 64] {
            #expect(Self.outcome(Array(text.utf8), blockSize: size, rowLimit: 64) == message)
            #expect(try Self.outcomeFromDisk(Array(text.utf8), blockSize: size, rowLimit: 64, threads: 2) == message)
        }
        // A limit above the longest row (the header, 155 bytes): it loads as in one block.
        let whole = Self.outcome(Array(text.utf8), threads: 1)
        #expect(whole.hasPrefix("error") == false)
        for size in [1, 7, 64] { #expect(Self.outcome(Array(text.utf8), blockSize: size, rowLimit: 256) == whole) }
    }

    @Test func emptyLinesAfterTheHeaderLongerThanTheLimitStillLoad() throws {
        // The header steps want a row after the header; 300 empty lines hold none, but they
        // are rows ended in reach, and the first block stops growing at the limit.
        let text = "Date,Close\n" + String(repeating: "\n", count: 300) + "2023-06-01,1\n2023-06-02,2\n"
        let whole = Self.outcome(Array(text.utf8), threads: 1)
        #expect(whole.hasSuffix("[1.0, 2.0]"))
        for size in [1, 7, 64] {
            #expect(Self.outcome(Array(text.utf8), blockSize: size, rowLimit: 64) == whole, "blocks of \(size)")
            #expect(try Self.outcomeFromDisk(Array(text.utf8), blockSize: size, rowLimit: 64, threads: 2) == whole, "disk, blocks of \(size)")
        }
    }

    @Test func noInputMakesTheReaderLoopOrDisagree() {
        // 400 short inputs drawn (seeded, so the same each run) from the bytes that move block
        // ends: quotes, delimiters, CR and LF, digits and a header's letters. Each must end, and
        // read in blocks of 1, 3, 7 and 64 bytes on one and two threads just as in one block.
        var generator = SeededGenerator(seed: 12)
        let alphabet = Array("Date,Close;\"\"\r\n\n\n0123456789-/ .x".utf8)
        let prefixes = ["", "Date,Close\n", "Date,Close\r\n2023-06-01,1\r\n", "Date;Close\n2023-06-01;1,5\n"]
        for k in 0..<400 {
            var bytes = Array(prefixes[k % prefixes.count].utf8)
            let length = Int(generator.next() % 60)
            for _ in 0..<length { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let whole = Self.outcome(bytes, threads: 1)
            for size in Self.blockSizes {
                #expect(Self.outcome(bytes, blockSize: size) == whole, "input \(k) \(String(decoding: bytes, as: UTF8.self).debugDescription), blocks of \(size)")
            }
        }
    }

    // MARK: Wide files

    // MARK: What main decides from the whole file, read in blocks

    @Test func rowsThatAreNotSessionsAtTheEdgesAreDroppedInAnyBlockSize() throws {
        // A partial row for today (its date cell a time) on top, a statistics footer below.
        let text = "Date,Close\n16:00,4.5\n2023-06-01,1\n2023-06-02,2\n\"Highest: 3\",\n"
        Self.expectSameInEveryBlockSize(Array(text.utf8))
        let loaded = try PriceFile.load(bytes: Array(text.utf8), file: "t.csv")
        #expect(loaded.dropped.map(\.line) == [2, 5])
        #expect(loaded.series.first?.closes == [1, 2])
    }

    @Test func aRowThatIsNotASessionBetweenSessionsIsRefusedInAnyBlockSize() {
        // Line 3 is no session, between two; line 4's close is also bad, but line 3 comes first.
        let text = "Date,Close\n2023-06-01,1\nfooter,\n2023-06-02,abc\n"
        Self.expectSameInEveryBlockSize(Array(text.utf8))
        #expect(Self.outcome(Array(text.utf8), threads: 1).hasPrefix("error: t.csv:3:1: error: "))
    }

    @Test func theDecimalMarkIsDecidedByTheWholeColumnInAnyBlockSize() throws {
        // `1.234` decides nothing; line 4 (`1234,56`) makes `,` the decimal mark, so line 2 is 1234.
        let text = "Date;Close\n2023-06-01;1.234\n2023-06-02;1.240\n2023-06-05;1234,56\n"
        Self.expectSameInEveryBlockSize(Array(text.utf8))
        let loaded = try PriceFile.load(bytes: Array(text.utf8), file: "t.csv")
        #expect(loaded.series.first?.closes == [1234, 1240, 1234.56])
        // A later value that decides the other way refuses the file there, in any block size.
        let mixed = "Date;Close\n2023-06-01;19299,18\n2023-06-02;abc\n2023-06-05;19404.31\n"
        Self.expectSameInEveryBlockSize(Array(mixed.utf8))
        #expect(Self.outcome(Array(mixed.utf8), threads: 1).hasPrefix("error: t.csv:4:12: error: "))
    }

    @Test func aHeaderOfMoreThanAHundredThousandColumnsIsAHeader() throws {
        // Before, a header row of over 100,000 cells was passed over as too long for a header.
        let columns = 100_001
        var text = "Date," + (1...columns).map { "S\($0)" }.joined(separator: ",") + "\n"
        text += "2023-06-01," + (1...columns).map { "\($0)" }.joined(separator: ",") + "\n"
        text += "2023-06-02," + (1...columns).map { "\($0 + 1)" }.joined(separator: ",") + "\n"
        var reader = PriceFileReader(file: "t.csv", options: .init())
        reader.blockSize = 1 << 16
        let loaded = try PriceFile.load(bytes: Array(text.utf8), file: "t.csv", options: .init(), reader: reader)
        #expect(loaded.layout == .wide)
        #expect(loaded.series.count == columns)
        #expect(loaded.series.last?.name == "S100001")
        #expect(loaded.series.last?.closes == [100_001, 100_002])
    }

    @Test func aWideFileReadsTheSameWhenEachChunkFillsTheBuildersOfTheOneBefore() throws {
        // A file without a symbol column: each chunk after the first fills the builders of the
        // chunk taken before it, emptied (`RowChunk.parse(reusing:)`); with this many columns at
        // most two chunks are in flight (`RowPipeline.manyColumns`). Blocks of about two rows.
        let columns = 1_100
        let rows = 40
        #expect(columns >= RowPipeline.manyColumns)
        // Column c has no close on row c % rows; the first column's close on row 30 is `low`.
        func close(_ c: Int, _ r: Int, low: String) -> String? {
            if r == c % rows { return nil }
            if c == 0, r == 30 { return low }
            return String(format: "%d.%02d", c + 1, r)
        }
        let first = try #require(Day(iso: "2023-01-02"))
        func file(low: String) -> [UInt8] {
            var text = "Date," + (1...columns).map { "S\($0)" }.joined(separator: ",") + "\n"
            for r in 0..<rows {
                text += first.adding(days: r).iso + "," + (0..<columns).map { close($0, r, low: low) ?? "" }.joined(separator: ",") + "\n"
            }
            return Array(text.utf8)
        }
        let bytes = file(low: "0.01")
        let whole = Self.outcome(bytes, threads: 1)
        #expect(!whole.hasPrefix("error"))
        let rowLength = bytes.count / (rows + 1)
        for size in [2 * rowLength, 5 * rowLength] {
            #expect(Self.outcome(bytes, blockSize: size, threads: 2) == whole, "blocks of \(size) bytes")
            #expect(Self.outcome(bytes, blockSize: size, threads: 1) == whole, "blocks of \(size) bytes, one thread")
        }
        var reader = PriceFileReader(file: "t.csv", options: .init())
        reader.blockSize = 2 * rowLength
        let loaded = try PriceFile.load(bytes: bytes, file: "t.csv", options: .init(), reader: reader)
        #expect(loaded.series.count == columns)
        #expect(loaded.dropped.count == columns)
        for c in [0, 1, 39, 40, 41, 777, columns - 1] {
            let series = loaded.series[c]
            let kept = (0..<rows).filter { close(c, $0, low: "0.01") != nil }
            #expect(series.name == "S\(c + 1)")
            #expect(series.dayOrdinals == kept.map { first.adding(days: $0).ordinal })
            #expect(series.closes == kept.map { Double(close(c, $0, low: "0.01") ?? "") ?? .nan })
        }
        #expect(loaded.series[0].closes[29] == 0.01)
        // A close at or below 0 (kept by the chunk that read it, merged in file order) is refused
        // on its line and column, in any block size.
        let refused = file(low: "-1.5")
        let message = "error: t.csv:32:12: error: close \"-1.5\" in column \"S1\" is not positive: an index level must be above 0 (percent changes divide by it)"
        #expect(Self.outcome(refused, threads: 1) == message)
        for size in [2 * rowLength, 5 * rowLength] { #expect(Self.outcome(refused, blockSize: size, threads: 2) == message) }
    }

    @Test func aWideFileReadColumnByColumnIsTheFileReadRowByRow() throws {
        // With this many value columns and no quote in a block, a block's closes are kept row
        // by row and added to the builders a column at a time (`PendingCells`); a quote anywhere
        // in the block sends it down the path that adds each close as its row is read. The two
        // must agree on everything, errors included. The quoted cell is the last of the last
        // row, so no other cell moves; its value is no extreme.
        let columns = 1_030
        let rows = 6
        #expect(columns >= RowPipeline.manyColumns)
        func file(lineEnd: String, quoted: Bool, cell: (Int, Int) -> String) -> [UInt8] {
            var text = "Date," + (1...columns).map { "S\($0)" }.joined(separator: ",") + lineEnd
            for r in 0..<rows {
                let cells = (0..<columns).map { c in
                    quoted && r == rows - 1 && c == columns - 1 ? "\"\(cell(c, r))\"" : cell(c, r)
                }
                text += "2024-03-0\(r + 4)," + cells.joined(separator: ",") + lineEnd
            }
            return Array(text.utf8)
        }
        // Closes with 1 to 4 decimals, some missing, one tiny (the smallest) in the last column.
        func plain(_ c: Int, _ r: Int) -> String {
            if (c + r) % 97 == 0 { return "" }
            if c == columns - 1, r == 2 { return "0.0001" }
            return String(format: "%.\(1 + (c + r) % 4)f", 50 + Double(c) * 0.37 + Double(r))
        }
        for lineEnd in ["\n", "\r\n"] {
            let columnWise = Self.outcome(file(lineEnd: lineEnd, quoted: false, cell: plain), threads: 1)
            let rowWise = Self.outcome(file(lineEnd: lineEnd, quoted: true, cell: plain), threads: 1)
            #expect(!columnWise.hasPrefix("error"))
            #expect(columnWise == rowWise)
            // Errors: a close at or below 0 in the last column (its text ends at the line end),
            // and an unreadable cell on row 3 before a second one on row 5 in an earlier column:
            // the first in the file is the one reported, on both paths.
            let notPositive: (Int, Int) -> String = { c, r in c == columns - 1 && r == 1 ? "-2.5" : plain(c, r) }
            let refused = Self.outcome(file(lineEnd: lineEnd, quoted: false, cell: notPositive), threads: 1)
            #expect(refused.contains("close \"-2.5\" in column \"S\(columns)\" is not positive"))
            #expect(refused == Self.outcome(file(lineEnd: lineEnd, quoted: true, cell: notPositive), threads: 1))
            let unreadable: (Int, Int) -> String = { c, r in
                if c == 500, r == 2 { return "12.5x" }
                if c == 7, r == 4 { return "n/a?" }
                return plain(c, r)
            }
            let broken = Self.outcome(file(lineEnd: lineEnd, quoted: false, cell: unreadable), threads: 1)
            #expect(broken.hasPrefix("error: t.csv:4:"))
            #expect(broken.contains("\"12.5x\""))
            #expect(broken == Self.outcome(file(lineEnd: lineEnd, quoted: true, cell: unreadable), threads: 1))
        }
    }
}
