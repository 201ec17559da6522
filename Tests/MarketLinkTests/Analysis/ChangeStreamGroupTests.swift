import Foundation
import Testing

@testable import MarketLink

/// The streamed change report when t0 is found a group of batches at a time and the CSV file is
/// written piece by piece by the threads that formatted it: the same rows and bytes as the whole
/// table, whatever the group and batch sizes.
@Suite struct ChangeStreamGroupTests {
    /// Three synthetic series (a panel written by this test): AAA on every weekday of January and
    /// February 2023, BBB from 2023-01-16 with every Wednesday missing, CCC on Mondays only; the
    /// closes are 100 + day of year + a tenth per series, so every move is nonzero.
    static func panel() throws -> [Series] {
        var text = "Date,Symbol,Close\n"
        let start = try #require(Day(year: 2023, month: 1, day: 2))
        for offset in 0..<60 {
            let day = start.adding(days: offset)
            let weekday = offset % 7  // 2023-01-02 is a Monday: 0 Monday … 4 Friday
            guard weekday < 5 else { continue }
            text += "\(day.iso),AAA,\(100 + offset).5\n"
            if offset >= 14, weekday != 2 { text += "\(day.iso),BBB,\(200 + offset).25\n" }
            if weekday == 0 { text += "\(day.iso),CCC,\(300 + offset).75\n" }
        }
        return try PriceFile.load(bytes: Array(text.utf8), file: "panel.csv").series
    }

    /// Events before, inside and after the data, on weekends and on days one series lacks.
    static func events() throws -> [Event] {
        var text = "id,date,title,tags\n"
        let dates = [
            "2022-12-20", "2023-01-02", "2023-01-04", "2023-01-07", "2023-01-11", "2023-01-16", "2023-01-18", "2023-01-25",
            "2023-02-01", "2023-02-06", "2023-02-10", "2023-02-24", "2023-03-01", "2023-03-15",
        ]
        for (k, date) in dates.enumerated() { text += "\(k + 1),\(date),\"Event \(k + 1), with a comma\",tag\(k % 3)\n" }
        return try EventLog(bytes: Array(text.utf8), file: "events.csv").events
    }

    static let windows = [EventWindow(uncheckedStart: -1, end: 1), EventWindow(uncheckedStart: 0, end: 0), EventWindow(uncheckedStart: -3, end: 5)]

    @Test func groupsAreConsecutiveBatchesWithinThePairs() {
        let batches = [0..<3, 3..<6, 6..<7, 7..<10, 12..<13]
        // 2 series: 6 + 6 pairs fit 12, the third batch would make 14.
        #expect(ChangeTable.sessionGroup(batches, from: 0, seriesCount: 2, pairs: 12) == 0..<2)
        #expect(ChangeTable.sessionGroup(batches, from: 2, seriesCount: 2, pairs: 12) == 2..<4)
        // A batch that does not start where the one before ends begins a group of its own.
        #expect(ChangeTable.sessionGroup(batches, from: 2, seriesCount: 2, pairs: 1_000) == 2..<4)
        #expect(ChangeTable.sessionGroup(batches, from: 4, seriesCount: 2, pairs: 1_000) == 4..<5)
        // A batch larger than the pairs is a group by itself.
        #expect(ChangeTable.sessionGroup(batches, from: 0, seriesCount: 5, pairs: 4) == 0..<1)
    }

    @Test(arguments: [1, 3, 7, 1_000])
    func batchesInGroupsGiveTheWholeTablesEntries(pairsPerGroup: Int) throws {
        let series = try Self.panel()
        let events = try Self.events()
        #expect(series.count == 3)
        let whole = ChangeTable(events: events, series: series, windows: Self.windows)
        var streamed: [ChangeTable.Entry] = []
        try ChangeTable.streamBatches(
            events: events, series: series, windows: Self.windows, rule: .next,
            batches: ChangeTable.batches(events.indices, eventsPerBatch: 2), pairsPerGroup: pairsPerGroup,
            format: { _, entries in entries }, sink: { streamed += $0 })
        #expect(streamed == whole.entries)
        // The table holds every status the fixture is built for.
        let statuses = Set(whole.entries.map(\.status))
        #expect(statuses.isSuperset(of: [.ok, .beforeData, .afterData, .noBase]))
    }

    @Test(arguments: [(1, 1), (20, 5), (40, 1_000), (2_000, 1 << 20)])
    func theFileWrittenInTurnsIsTheWholeTablesCSV(batchRows: Int, pairsPerGroup: Int) throws {
        let series = try Self.panel()
        let events = try Self.events()
        let whole = ChangeTable(events: events, series: series, windows: Self.windows)
        for sentences in [false, true] {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlink-turns-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("changes.csv").path
            let output = try OutputFile(path: path)
            try ChangeTable.writeCSV(
                events: events, series: series, windows: Self.windows, rule: .next, sentences: sentences, to: output, batchRows: batchRows,
                pairsPerGroup: pairsPerGroup)
            try output.commit()
            let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(written == whole.csv(sentences: sentences))
        }
    }

    @Test func aFullDiskStopsTheWritingWithTheDevicesError() throws {
        // /dev/full takes no byte: the first piece fails, later ones are not written, and the
        // error says why.
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
        let series = try Self.panel()
        let events = try Self.events()
        let output = try OutputFile(path: "/dev/full")
        #expect(throws: MarketLinkError.self) {
            try ChangeTable.writeCSV(
                events: events, series: series, windows: Self.windows, rule: .next, sentences: false, to: output, batchRows: 3,
                pairsPerGroup: 6)
            try output.commit()
        }
    }
}
