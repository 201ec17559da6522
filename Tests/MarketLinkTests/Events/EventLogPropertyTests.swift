import Testing

@testable import MarketLink

/// Properties over generated events files (a fixed-seed generator, so a failure reproduces): any
/// file that loads survives add-then-remove byte for byte, removing any row leaves every other
/// event, and bytes that do not load give a located error rather than a crash.
@Suite struct EventLogPropertyTests {
    /// SplitMix64 (Steele, Lea & Flood 2014): deterministic and good enough to pick shapes.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let headers = [
        ["id", "date", "title", "tags"], ["Date", "Title"], ["title", "note", "DATE", "score", "id"],
        ["id", "date", "time", "timezone", "title", "source"],
    ]
    static let cells: [EventColumn?: [String]] = [
        .id: ["1", "2", "17", "", "a-1"],
        .date: ["2023-06-06", "2023-06-07T10:00+08:00", "2024-02-29", " 2023-06-08 ", "\"2023-06-09\""],
        .title: ["Blinken visits", "\"a, b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "  padded  ", "北京"],
        .tags: ["", "a;b", "\"x;y\""],
        .score: ["", "0.5", "-1"],
        .time: ["", "17:00"],
        .timezone: ["", "America/New_York"],
        .source: ["", "CNN"],
        nil: ["", "kept", "\"q,q\""],
    ]

    @Test func generatedFilesSurviveEdits() throws {
        var random = Generator(state: 20_230_608)
        var loaded = 0
        for _ in 0..<3000 {
            let header = random.pick(Self.headers)
            let end = random.pick(["\n", "\r\n", "\r"])
            var text = random.pick(["", "\u{FEFF}"]) + header.joined(separator: ",") + end
            var emptyID = false
            for _ in 0..<Int(random.next() % 5) {
                let row = header.map { name in random.pick(Self.cells[EventColumn(header: name)] ?? ["x"]) }
                if let index = header.firstIndex(of: "id"), row[index].isEmpty { emptyID = true }
                text += row.joined(separator: ",") + random.pick([end, end, end + end])
            }
            if random.next() % 3 == 0, text.hasSuffix(end) { text.removeLast() }
            let bytes = Array(text.utf8)
            let log: EventLog
            do throws(MarketLinkError) {
                log = try EventLog(bytes: bytes, file: "g.csv")
            } catch {
                #expect(error.location?.line ?? 0 > 0, "\(error)")
                continue
            }
            loaded += 1
            let draft = EventDraft(date: "2023-06-19", title: random.pick(["t", "a, b", "q \"x\""]))
            let added = try log.adding(draft)
            #expect(try added.log.removing(id: added.event.id).log.contents == bytes, "\(text.debugDescription)")
            // An empty id cell stands for the row number, which shifts when an earlier row goes (and
            // may then clash, which `removing` refuses); with every id written, removal keeps the others.
            guard log.hasIDColumn, !emptyID else { continue }
            for event in log.events {
                let removed = try log.removing(id: event.id)
                #expect(removed.log.events.map(\.id) == log.events.map(\.id).filter { $0 != event.id })
                #expect(removed.log.events.map(\.title) == log.events.filter { $0.id != event.id }.map(\.title))
            }
        }
        #expect(loaded > 500)
    }

    /// Random bytes and truncations of a real file: an error with a place, or a log; never a trap.
    @Test func arbitraryBytesNeverTrap() throws {
        var random = Generator(state: 7)
        let seed = Array("id,date,time,timezone,title,tags,score\r\n1,2023-06-08T10:00+08:00,,,\"a, \"\"b\"\"\",x;y,0.5\r\n2,2023-03-12,02:30,America/New_York,c,,\r\n".utf8)
        let alphabet = Array(",;\t\"\r\n :-+TZ0123456789abc".utf8)
        for _ in 0..<5000 {
            var bytes = Array(seed.prefix(Int(random.next() % UInt64(seed.count + 1))))
            for _ in 0..<Int(random.next() % 4) where !bytes.isEmpty {
                bytes[Int(random.next() % UInt64(bytes.count))] = random.pick(alphabet)
            }
            do throws(MarketLinkError) {
                let log = try EventLog(bytes: bytes, file: "r.csv")
                if let event = log.events.last { _ = try? log.removing(id: event.id) }
            } catch {
                #expect(error.location != nil)
            }
        }
    }
}
