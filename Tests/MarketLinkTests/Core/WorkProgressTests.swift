import Foundation
import Testing

@testable import MarketLink

/// `WorkProgress`: the counts the library bumps, and the estimate of the time left, on a clock
/// the test sets. Every expected number is worked out by hand from the formula in the comments.
@Suite struct WorkProgressTests {
    /// A clock the test moves by hand.
    final class ManualClock: @unchecked Sendable {
        private let lock = NSLock()
        private var now = 0.0

        func set(_ seconds: Double) {
            lock.lock()
            now = seconds
            lock.unlock()
        }

        var read: @Sendable () -> Double {
            { [self] in
                lock.lock()
                defer { lock.unlock() }
                return now
            }
        }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func idleKnowsNothing() {
        let progress = WorkProgress(clock: ManualClock().read)
        let snapshot = progress.snapshot()
        #expect(snapshot.stage == .idle)
        #expect(snapshot.fraction == nil)
        #expect(snapshot.secondsLeft == nil)
    }

    @Test func readingCountsBytesAndRowsAndEstimatesFromTheSize() {
        let clock = ManualClock()
        let progress = WorkProgress(clock: clock.read)
        clock.set(10)
        progress.beginReading("panel.csv", size: 1_000)
        clock.set(12)
        // 250 bytes, 3 line breaks.
        let block = Self.bytes("a\nb\nc\n") + [UInt8](repeating: 65, count: 244)
        block.withUnsafeBufferPointer { progress.read($0) }
        var snapshot = progress.snapshot()
        #expect(snapshot.stage == .reading("panel.csv"))
        #expect(snapshot.bytesRead == 250)
        #expect(snapshot.bytesTotal == 1_000)
        #expect(snapshot.rowsRead == 3)
        #expect(snapshot.elapsed == 2)
        #expect(snapshot.fraction == 0.25)
        // A quarter in 2 s: the other three quarters take 2 × 0.75 / 0.25 = 6 s.
        #expect(snapshot.secondsLeft == 6)

        // One second later, nothing new: the estimate counts down, 6 − 1 = 5.
        clock.set(13)
        snapshot = progress.snapshot()
        #expect(snapshot.sinceCount == 1)
        #expect(snapshot.secondsLeft == 5)

        // Seven seconds after the count, past its 6 s: from the whole time, 9 × 0.75 / 0.25 = 27.
        clock.set(19)
        #expect(progress.snapshot().secondsLeft == 27)
    }

    @Test(arguments: [
        ("", 0), ("no line break", 0), ("\n", 1), ("a\nb", 1), ("a\r\nb\r\n", 2), ("\n\n\n", 3), ("é\n日本\n", 2),
    ]) func lineBreaksAreCountedWherePresent(_ text: String, _ expected: Int) {
        let count = Array(text.utf8).withUnsafeBufferPointer { WorkProgress.lineBreaks(in: $0) }
        #expect(count == expected)
    }

    @Test func aPipeHasNoSizeSoNoFractionOrEstimate() {
        let clock = ManualClock()
        let progress = WorkProgress(clock: clock.read)
        progress.beginReading("-", size: nil)
        clock.set(5)
        Self.bytes("x\ny\n").withUnsafeBufferPointer { progress.read($0) }
        let snapshot = progress.snapshot()
        #expect(snapshot.rowsRead == 2)
        #expect(snapshot.bytesRead == 4)
        #expect(snapshot.fraction == nil)
        #expect(snapshot.secondsLeft == nil)
    }

    @Test func computingCountsUnitsOfTheTotal() {
        let clock = ManualClock()
        let progress = WorkProgress(clock: clock.read)
        progress.beginReading("panel.csv", size: 10)
        Self.bytes("0123456789").withUnsafeBufferPointer { progress.read($0) }
        clock.set(20)
        progress.beginComputing("changes", total: 8, unit: "events")
        var snapshot = progress.snapshot()
        // A new stage starts from nothing: no bytes, no rows, no time.
        #expect(snapshot.stage == .computing("changes"))
        #expect(snapshot.bytesRead == 0 && snapshot.rowsRead == 0 && snapshot.bytesTotal == nil)
        #expect(snapshot.elapsed == 0)
        #expect(snapshot.fraction == 0)
        #expect(snapshot.secondsLeft == nil)

        clock.set(21)
        progress.advance(by: 2)
        snapshot = progress.snapshot()
        #expect(snapshot.done == 2 && snapshot.total == 8 && snapshot.unit == "events")
        // 2 of 8 in 1 s: 6 more take 3 s.
        #expect(snapshot.secondsLeft == 3)

        clock.set(25)
        progress.advance(by: 6)
        snapshot = progress.snapshot()
        #expect(snapshot.fraction == 1)
        #expect(snapshot.secondsLeft == 0)
    }

    @Test func nothingToComputeHasNoFraction() {
        let progress = WorkProgress(clock: ManualClock().read)
        progress.beginComputing("changes", total: 0, unit: "events")
        #expect(progress.snapshot().fraction == nil)
        #expect(progress.snapshot().secondsLeft == nil)
    }

    // MARK: What the library counts

    @Test func nothingIsCurrentUnlessAskedFor() {
        #expect(WorkProgress.current == nil)
        let progress = WorkProgress()
        WorkProgress.reporting(to: progress) {
            #expect(WorkProgress.current === progress)
            WorkProgress.reporting(to: nil) { #expect(WorkProgress.current == nil) }
            #expect(WorkProgress.current === progress)
        }
        #expect(WorkProgress.current == nil)
    }

    @Test func everyInputFileReadCountsItsBytesAndLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("work-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("events.csv").path
        // 3 lines, 37 bytes.
        let text = "id,date,title\n1,2023-06-07,Visit\n2,x\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let progress = WorkProgress()
        let bytes = try WorkProgress.reporting(to: progress) { try InputFile.readAll(path) }
        #expect(bytes.count == 37)
        let snapshot = progress.snapshot()
        #expect(snapshot.stage == .reading(path))
        #expect(snapshot.bytesTotal == 37)
        #expect(snapshot.bytesRead == 37)
        #expect(snapshot.rowsRead == 3)
        #expect(snapshot.fraction == 1)
    }

    @Test func theChangeTableCountsEveryEventItComputes() throws {
        // 10 weekdays of closes, and 5 events: every event is done once the table is out.
        var prices = "Date,Close\n"
        for day in [2, 3, 4, 5, 6, 9, 10, 11, 12, 13] { prices += "2023-01-\(day < 10 ? "0" : "")\(day),\(100 + day).5\n" }
        let file = try PriceFile.load(bytes: Array(prices.utf8), file: "index.csv")
        let events = try EventLog(
            bytes: Array("id,date,title\n1,2023-01-03,a\n2,2023-01-04,b\n3,2023-01-05,c\n4,2023-01-06,d\n5,2023-01-09,e\n".utf8),
            file: "events.csv"
        ).events
        let progress = WorkProgress()
        var csv: [UInt8] = []
        try WorkProgress.reporting(to: progress) {
            try ChangeTable.streamCSV(events: events, series: file.series, windows: [EventWindow(uncheckedStart: 0, end: 1)]) { csv += $0 }
        }
        let snapshot = progress.snapshot()
        #expect(snapshot.stage == .computing("changes"))
        #expect(snapshot.done == 5 && snapshot.total == 5 && snapshot.unit == "events")
        // The header and one row per event.
        #expect(csv.filter { $0 == 10 }.count == 6)
    }
}
