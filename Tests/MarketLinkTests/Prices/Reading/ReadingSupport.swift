import Foundation
import Testing

@testable import MarketLink

/// Runs the price reader's steps one at a time on a fixture or on inline text, so that each
/// step's decision can be checked on its own.
enum ReadingSteps {
    /// The bytes of a file under the package root.
    static func bytes(ofFixture path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [UInt8] {
        let data = try #require(FileManager.default.contents(atPath: CLIRunner.fixture(path)), sourceLocation: sourceLocation)
        return [UInt8](data)
    }

    /// What header detection found, and the line of the first row after it (`nil` at the end).
    static func header(_ bytes: [UInt8], file: String = "t.csv") throws(MarketLinkError) -> (header: DetectedHeader, nextLine: Int?) {
        try bytes.withUnsafeBufferPointer { buffer throws(MarketLinkError) in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: CSVDialect.sniffDelimiter(buffer), file: file)
            let header = try HeaderDetection.detect(&tokenizer, file: file)
            var fields: [CSVField] = []
            let more = try tokenizer.nextRow(into: &fields)
            return (header, more ? tokenizer.rowLine : nil)
        }
    }

    static func header(_ text: String, file: String = "t.csv") throws(MarketLinkError) -> (header: DetectedHeader, nextLine: Int?) {
        try header(Array(text.utf8), file: file)
    }

    /// Everything the steps before date reading produce, handed to `body` while the bytes live.
    struct Rows {
        var header: DetectedHeader
        var columns: PriceColumns
        /// The chunks, taken in order.
        var assembly: SeriesAssembly
    }

    /// Reads the rows of `bytes` as `PriceFile.load` does, in chunks split before the data lines
    /// listed in `splitBefore` (physical line numbers), each after the first counting its lines
    /// from 1 as a block does, and hands them to `body`.
    static func withRows<T>(
        _ bytes: [UInt8], file: String = "t.csv", splitBefore: [Int] = [], _ body: (inout Rows) throws(MarketLinkError) -> T
    ) throws(MarketLinkError) -> T {
        try bytes.withUnsafeBufferPointer { buffer throws(MarketLinkError) in
            let delimiter = CSVDialect.sniffDelimiter(buffer)
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: delimiter, file: file)
            let header = try HeaderDetection.detect(&tokenizer, file: file)
            let columns = try PriceColumns(header: header.cells, adjustedClose: false, file: file, headerLine: header.line)
            let decimalComma = try DecimalMark.isComma(rowsFrom: tokenizer, valueIndexes: columns.valueIndexes)
            let layout = RowLayout(
                header: header.cells, dateIndex: columns.dateIndex, symbolIndex: columns.symbolIndex,
                valueIndexes: columns.valueIndexes, decimalComma: decimalComma, isWide: columns.isWide, file: file,
                delimiter: delimiter)
            // Chunk boundaries at the starts of the requested lines.
            var starts = [tokenizer.position]
            var lines = [tokenizer.line]
            var line = 1
            for (offset, byte) in buffer.enumerated() where byte == 10 {
                line += 1
                if splitBefore.contains(line) {
                    starts.append(offset + 1)
                    lines.append(line)
                }
            }
            var assembly = SeriesAssembly(layout: layout, namesSeries: columns.namesSeries)
            for k in starts.indices {
                let end = k + 1 < starts.count ? starts[k + 1] : buffer.count
                let quotes = buffer[starts[k]..<end].contains(34)
                var edges = EdgeRows()
                var chunk = try RowChunk.parse(
                    bytes: buffer, range: starts[k]..<end, line: k == 0 ? lines[k] : 1, layout: layout, quotesPossible: quotes, edges: &edges)
                try assembly.take(&chunk, lineShift: k == 0 ? 0 : lines[k] - 1)
            }
            var rows = Rows(header: header, columns: columns, assembly: assembly)
            return try body(&rows)
        }
    }
}

/// Expects `body` to throw a `MarketLinkError` whose printed form (`file:line:column: error:
/// message`) starts with `prefix`.
func expectError(_ prefix: String, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("no error; expected \(prefix)", sourceLocation: sourceLocation)
    } catch let error as MarketLinkError {
        #expect("\(error)".hasPrefix(prefix), "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(error) is no MarketLinkError", sourceLocation: sourceLocation)
    }
}

/// The day of an ISO date written in a test.
func day(_ iso: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Day {
    try #require(Day(iso: iso), sourceLocation: sourceLocation)
}
