import Foundation
import Testing

@testable import MarketLink

// `mlink` reads the first 4 MiB of a price file to tell whether it is intraday, and hands those
// bytes to the block reader as its first block instead of reading them again
// (`CSVBlockReader.init(file:…readAhead:…)`). Read ahead by at most a block, a reader must hand
// out the blocks a reader from the file's start hands out: the same offsets, bytes and ends.
@Suite struct ReadAheadTests {
    /// (offset, bytes, isLast) of every block, each block recycled once copied, as the row
    /// pipeline recycles them.
    static func blocks(_ reader: CSVBlockReader) throws -> [String] {
        var seen: [String] = []
        while let block = try reader.next() {
            seen.append("\(block.offset) \(block.isLast) \(Array(block.bytes))")
            reader.recycle(block)
        }
        return seen
    }

    @Test func blocksAfterAReadAheadAreTheBlocksFromTheStart() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SeededGenerator(seed: 0xA11EAD)
        for round in 0..<40 {
            // Rows of 1–30 bytes, LF, CRLF or CR ends, sometimes no end on the last.
            var bytes: [UInt8] = []
            for _ in 0..<random.int(0...60) {
                for _ in 0..<random.int(1...30) { bytes.append(UInt8(ascii: "a") + UInt8(random.int(0...25))) }
                bytes += [[10], [13, 10], [13]][random.int(0...2)]
            }
            if random.chance(0.3) { bytes += Array("tail".utf8) }
            let path = folder.appendingPathComponent("r\(round).csv").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let blockSize = [16, 64, 100, 1_000][round % 4]
            let expected = try Self.blocks(CSVBlockReader(file: InputFile(path: path), name: "r.csv", blockSize: blockSize))
            for ahead in Set([0, 1, blockSize / 2, blockSize, bytes.count].filter { $0 <= blockSize }) {
                let input = try InputFile(path: path)
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(ahead, 1), alignment: 16)
                var filled = 0
                var ended = false
                while filled < ahead {
                    let n = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<ahead]))
                    if n == 0 {
                        ended = true
                        break
                    }
                    filled += n
                }
                if filled == bytes.count, ahead > bytes.count { ended = true }
                let reader = CSVBlockReader(
                    file: input, name: "r.csv", blockSize: blockSize, readAhead: buffer, filled: filled, ended: ended)
                #expect(try Self.blocks(reader) == expected, "round \(round): \(ahead) of \(bytes.count) bytes read ahead, blocks of \(blockSize)")
            }
        }
    }

    /// A panel longer than the 4 MiB read ahead, from disk (the first block is the read-ahead
    /// buffer, the rest read after it), loads as the same bytes in memory load.
    @Test func aPanelLongerThanTheReadAheadLoadsAsInMemory() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "Date,Symbol,Close\n"
        var day: Day
        for symbol in ["AAA", "BBBB", "CC"] {
            day = try #require(Day(year: 2001, month: 1, day: 1))
            for k in 0..<70_000 {
                var iso: [UInt8] = []
                day.appendISO(to: &iso)
                text += "\(String(decoding: iso, as: UTF8.self)),\(symbol),\(100 + k % 977).\(k % 100)\n"
                day = Day(ordinal: day.ordinal + 1)
            }
        }
        let bytes = Array(text.utf8)
        #expect(bytes.count > PriceFileReader.intradayProbe)
        let path = folder.appendingPathComponent("panel.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let loaded = try PriceFileReader(file: path, options: .init()).read(path: path)
        #expect(loaded.series.map(\.name) == ["AAA", "BBBB", "CC"])
        #expect(loaded.series.map(\.closes.count) == [70_000, 70_000, 70_000])
        #expect(BlockReadingTests.describe(loaded) == BlockReadingTests.outcome(bytes, file: path))
    }
}
