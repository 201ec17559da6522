import Foundation
import Testing

@testable import MarketLink

/// The study's CSV written to a file by `EventStudy.writeCSV(to:)` (batches formatted and written
/// in turn on worker threads) against `csv()`, and the pieces under it: `TurnWriter`'s order and
/// errors, `DoubleDouble.quotient`, and `NumberFormat.write`'s rounding.
@Suite struct StudyCSVWriterTests {
    /// Every scenario's CSV file is `csv()` byte for byte, in batches of one event up to all of them.
    @Test(arguments: [UInt64(1), 2, 5])
    func writtenFileIsTheCSV(seed: UInt64) throws {
        let scenario = try EventStudyFastPathTests.scenario(seed: seed)
        let study = try EventStudy(events: scenario.events, series: scenario.series, benchmark: scenario.benchmark, design: scenario.design)
        let expected = study.csv()
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = study.events.count * study.series.count
        for batchRows in [1, 7, max(1, rows / 3), 1_000, rows + 1] {
            let path = folder.appendingPathComponent("study-\(batchRows).csv").path
            let output = try OutputFile(path: path)
            try study.writeCSV(to: output, batchRows: batchRows)
            try output.commit()
            let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(written == expected, "\(scenario), batches of \(batchRows) rows")
        }
    }

    /// Pieces are written in index order, each once, whatever order they finish formatting in.
    @Test func turnsWriteInOrder() throws {
        let log = Log()
        try TurnWriter.run(
            count: 300, capacity: 16,
            format: { index, buffer in
                // Uneven work, so later pieces often finish formatting first.
                var spin = 0
                for k in 0..<((index * 7_919) % 5_000) { spin &+= k }
                buffer.append(contentsOf: [UInt8(truncatingIfNeeded: index), UInt8(truncatingIfNeeded: spin & 0)])
            },
            write: { index, buffer in log.add(index, buffer) })
        let entries = log.entries
        #expect(entries.map(\.index) == Array(0..<300))
        #expect(entries.allSatisfy { $0.bytes == [UInt8(truncatingIfNeeded: $0.index), 0] })
    }

    /// The first failing write is rethrown, and no later piece is written.
    @Test func aFailedWriteStopsTheLaterOnes() {
        let log = Log()
        #expect(throws: MarketLinkError.self) {
            try TurnWriter.run(
                count: 50, capacity: 4, format: { index, buffer in buffer.append(UInt8(index)) },
                write: { index, buffer throws(MarketLinkError) in
                    if index == 20 { throw MarketLinkError(.cannotWrite("cannot write: test")) }
                    log.add(index, buffer)
                })
        }
        #expect(log.entries.map(\.index) == Array(0..<20))
    }

    /// No pieces, no calls.
    @Test func noPieces() throws {
        let log = Log()
        try TurnWriter.run(count: 0, capacity: 1, format: { _, _ in }, write: { index, buffer in log.add(index, buffer) })
        #expect(log.entries.isEmpty)
    }

    /// The quotient and one correction is within 2⁻¹⁰⁰ of the full division, and reads as the
    /// same `Double`, on seeded random double-double numerators and denominators.
    @Test func quotientIsTheFullDivisionAsADouble() {
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<20_000 {
            let x = DoubleDouble.sum(generator.signed() * generator.scale(), generator.signed() * 1e-3)
            let y = DoubleDouble.sum(generator.signed() * generator.scale(), generator.signed() * 1e-5)
            guard y.hi != 0 else { continue }
            let full = x / y
            let quick = DoubleDouble.quotient(x, y)
            #expect(quick.value == full.value, "\(x) / \(y)")
            #expect(abs((quick - full).value) <= 0x1p-100 * abs(full.value))
        }
        let n = DoubleDouble(240)
        for k in 1...2_000 {
            let x = DoubleDouble.sum(Double(k) * 0.0137, 1e-19 * Double(k))
            #expect(DoubleDouble.quotient(x, n).value == (x / n).value)
        }
    }

    /// Rounding half away from zero by truncation gives what `rounded(.toNearestOrAwayFromZero)`
    /// gives, at ties, just below them, and up to where values are whole numbers.
    @Test func writeRoundsHalfAwayFromZero() {
        var values: [Double] = [0, 0.5, 1.5, 2.5, 0.49999999999999994, 0.5000000000000001, 1e15 + 0.5, 0x1p52 - 0.5, 0x1p52 + 1, 0x1p53, 8.99e18]
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<5_000 { values.append(generator.unit() * 1e6) }
        for k in 0..<2_000 { values.append(Double(k) + 0.5) }
        for value in values {
            for sign in [1.0, -1.0] {
                let signed = sign * value
                let expected = UInt64(abs(signed).rounded(.toNearestOrAwayFromZero))
                var text = String(expected)
                if signed < 0, expected != 0 { text = "-" + text }
                #expect(NumberFormat.string(signed, decimals: 0) == text, "\(signed)")
            }
        }
    }

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [(index: Int, bytes: [UInt8])] = []
        func add(_ index: Int, _ bytes: [UInt8]) {
            lock.lock()
            stored.append((index, bytes))
            lock.unlock()
        }
        var entries: [(index: Int, bytes: [UInt8])] {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
    }
}

/// Draws for the quotient and rounding cases, from the tests' one SplitMix64 (`SeededGenerator`).
extension SeededGenerator {
    /// In [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
    mutating func signed() -> Double { 2 * unit() - 1 }
    /// 10^k for k in −6…6.
    mutating func scale() -> Double { pow(10, Double(Int(next() % 13) - 6)) }
}
