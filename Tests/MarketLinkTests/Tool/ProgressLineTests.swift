import Foundation
import Testing

@testable import MarketLink
@testable import mlink

/// What the progress line says for a state of the work, and the bytes that draw it in place.
/// Each expected line is written out by hand; estimates from the formula of
/// `WorkProgress.Snapshot.secondsLeft`, rounded up to whole seconds.
@Suite struct ProgressLineTests {
    static func reading(
        _ path: String, bytes: Int, of size: Int?, rows: Int, elapsed: Double, sinceCount: Double = 0
    ) -> WorkProgress.Snapshot {
        WorkProgress.Snapshot(
            stage: .reading(path), bytesRead: bytes, bytesTotal: size, rowsRead: rows, done: 0, total: 0, unit: "", elapsed: elapsed,
            sinceCount: sinceCount)
    }

    static func computing(_ what: String, done: Int, of total: Int, unit: String, elapsed: Double) -> WorkProgress.Snapshot {
        WorkProgress.Snapshot(
            stage: .computing(what), bytesRead: 0, bytesTotal: nil, rowsRead: 0, done: done, total: total, unit: unit, elapsed: elapsed,
            sinceCount: 0)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var snapshot: WorkProgress.Snapshot
        var width = 80
        var line: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // 45% in 2 s: 2 × 0.55 / 0.45 = 2.44 s left, shown as 3 s.
        Case(
            name: "reading, with an estimate", snapshot: reading("panel.csv", bytes: 450, of: 1_000, rows: 1_234_567, elapsed: 2),
            line: "reading panel.csv: 1,234,567 rows, 45% · about 3 s left"),
        // 420 of 1,000 in 4.2 s: 4.2 × 0.58 / 0.42 = 5.8 s left, shown as 6 s.
        Case(
            name: "computing, with an estimate", snapshot: computing("changes", done: 420, of: 1_000, unit: "events", elapsed: 4.2),
            line: "changes: 420 of 1,000 events, 42% · about 6 s left"),
        // 3 of 4 in 180 s: 180 × 0.25 / 0.75 = 60 s left.
        Case(
            name: "minutes", snapshot: computing("event study", done: 3, of: 4, unit: "series", elapsed: 180),
            line: "event study: 3 of 4 series, 75% · about 1 min 0 s left"),
        Case(
            name: "no estimate in the first second", snapshot: reading("panel.csv", bytes: 450, of: 1_000, rows: 10, elapsed: 0.5),
            line: "reading panel.csv: 10 rows, 45%"),
        Case(
            name: "no estimate below 1% done", snapshot: computing("changes", done: 5, of: 1_000, unit: "events", elapsed: 3),
            line: "changes: 5 of 1,000 events, 0%"),
        Case(name: "one row", snapshot: reading("-", bytes: 3, of: nil, rows: 1, elapsed: 0.2), line: "reading -: 1 row"),
        Case(
            name: "a pipe: the time so far instead", snapshot: reading("-", bytes: 3_000, of: nil, rows: 30, elapsed: 65),
            line: "reading -: 30 rows · 1 min 5 s"),
        Case(
            name: "control characters in a path are shown, not sent",
            snapshot: reading("a\u{1B}[31mb.csv", bytes: 1, of: 2, rows: 0, elapsed: 0), line: "reading a␛[31mb.csv: 0 rows, 50%"),
        // Room for 31 columns; the counts take 21 (": 1,234,567 rows, 45%"), so the subject gets 10.
        Case(
            name: "a long path gives way to the counts",
            snapshot: reading("averyveryverylongname.csv", bytes: 450, of: 1_000, rows: 1_234_567, elapsed: 0), width: 32,
            line: "reading a…: 1,234,567 rows, 45%"),
        // Room for 29 columns; the counts take 9 (": 12 rows"), the subject 20: "reading " (8) and five
        // characters of two columns each (18), then "…" (19), as the sixth would make 20 with no room for "…".
        Case(
            name: "wide characters count two columns",
            snapshot: reading("株価データ株価データ.csv", bytes: 5, of: nil, rows: 12, elapsed: 0), width: 30,
            line: "reading 株価データ…: 12 rows"),
        Case(name: "nothing under way", snapshot: WorkProgress(clock: { 0 }).snapshot(), line: ""),
    ]

    @Test(arguments: cases) func line(_ sample: Case) {
        #expect(ProgressLine.text(sample.snapshot, width: sample.width) == sample.line)
    }

    @Test(arguments: [8, 12, 20, 40]) func neverWiderThanTheTerminalLessOneColumn(_ width: Int) {
        let snapshot = Self.reading("/data/vendor/exports/panel-2004-2023.csv", bytes: 450, of: 1_000, rows: 2_307_267, elapsed: 2)
        #expect(DisplayWidth.columns(ProgressLine.text(snapshot, width: width)) <= width - 1)
    }

    @Test func drawnInPlaceAndCleared() {
        // Back to the start of the line, the text, and the rest of the line erased.
        #expect(ProgressLine.draw("changes: 1 of 2 events, 50%") == "\rchanges: 1 of 2 events, 50%\u{1B}[K")
        #expect(ProgressLine.clear == "\r\u{1B}[K")
    }

    @Test func durations() {
        #expect(ProgressLine.duration(0.2) == "1 s")
        #expect(ProgressLine.duration(59) == "59 s")
        #expect(ProgressLine.duration(125) == "2 min 5 s")
        #expect(ProgressLine.duration(3_725) == "1 h 2 min")
    }
}
