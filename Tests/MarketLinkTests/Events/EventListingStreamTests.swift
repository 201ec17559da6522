import Foundation
import Testing

@testable import MarketLink

/// `EventListing.writeCSV` / `writeTable` read plain rows from the file's bytes; they must write
/// exactly what `csv(_:extraColumns:)` and `table(_:)` write from the events, row by row.
@Suite struct EventListingStreamTests {
    /// Plain rows beside every kind the byte path hands to `Event`: padded and quoted ids, a
    /// row-number id, doubled quotes, a formula-like title, non-ASCII and no-break-space edges, a
    /// month date, a timed row, a short row, a score, tags with case and blanks, and dates out of order.
    static let awkward = #"""
        id,date,title,tags,score,source,note,note,time,timezone
        3,2023-06-07,"Plain, with ""quotes""", Diplomacy ; thaw ;;,0.5, Reuters ,a,b,,
        , 2023-06-01 ,  =SUM(A1)  ,SANCTIONS,-1,,,,,
        007,2023-06-01,Café au lait,café;Trade,,"src, quoted",x,,,
        10,2022-12,Month event,diplomacy,+1e-1,,,,,
        11,2023-06-02,Timed,trade,,,,,09:30,America/New_York
        12,2023-06-02,中文标题,,,,,,,
          "14"  ,2023-06-03,"  padded  ",  ,  ,  ,  ,,,
        15,2023-06-03,Short row
        16,2023-06-03,\#u{A0}nbsp title\#u{A0},k,,,,,,

        """#

    static let plain = "id,date,title,tags\n1,2023-06-01,First,trade\n2,2023-06-02,\"Second, \"\"quoted\"\"\",sanctions;trade\n"

    /// The streamed text, and the number of events the writer says it wrote.
    static func streamed(_ write: (EventLog, EventFilter, ([UInt8]) throws -> Void) throws -> Int, _ log: EventLog, _ filter: EventFilter)
        rethrows -> (text: String, rows: Int)
    {
        var out: [UInt8] = []
        let rows = try write(log, filter) { out += $0 }
        return (String(decoding: out, as: UTF8.self), rows)
    }

    @Test(arguments: [
        ("awkward rows", awkward, EventFilter()),
        ("awkward rows, by tag", awkward, EventFilter(tags: ["trade", "DIPLOMACY"])),
        ("awkward rows, by date", awkward, EventFilter(from: Day(year: 2023, month: 6, day: 2), to: Day(year: 2023, month: 6, day: 3))),
        ("plain rows", plain, EventFilter()),
        ("plain rows, none kept", plain, EventFilter(tags: ["summit"])),
    ])
    func streamedListingEqualsTheEventListing(name: String, text: String, filter: EventFilter) throws {
        let log = try EventLog(bytes: Array(text.utf8), file: "events.csv")
        let events = log.events(matching: filter)
        let csv = try Self.streamed(EventListing.writeCSV, log, filter)
        let table = try Self.streamed(EventListing.writeTable, log, filter)
        #expect(csv.text == EventListing.csv(events, extraColumns: log.extraColumns), "\(name)")
        #expect(table.text == EventListing.table(events), "\(name)")
        #expect(csv.rows == events.count && table.rows == events.count, "\(name)")
    }

    @Test func plainRowsAreReadWithoutTheEventBuilder() throws {
        let log = try EventLog(bytes: Array(Self.awkward.utf8), file: "events.csv")
        // Rows 1, 2, 3, 7, 8 are plain; the month (4), the timed row (5) and the titles with a
        // non-ASCII edge (6, 9: Unicode white space is the string's to trim) are not.
        #expect(log.table.rows.map(\.plain) == [true, true, true, false, false, false, true, true, false])
        #expect(log.events.map(\.id) == ["3", "2", "007", "10", "11", "12", "14", "15", "16"])
    }

    @Test func nextIDCountsDigitIDsWithLeadingZeros() throws {
        let log = try EventLog(bytes: Array("id,date,title\n0042,2023-01-01,a\n7,2023-01-02,b\nx9,2023-01-03,c\n".utf8), file: "events.csv")
        #expect(log.nextID() == "43")
        #expect(log.event(id: "0042")?.title == "a")
        #expect(log.event(id: "42") == nil)
    }
}
