import Foundation
import Testing

@testable import MarketLink

/// The parts that long outputs are made in (`OrderedWork.ranges`, `OrderedWork.map(_:minimum:)`)
/// and the outputs made in parts: each must equal what one pass in order gives, written out
/// here by hand from the format's rules, not by the code under test.
@Suite struct OrderedWorkTests {
    @Test func rangesCoverEveryIndexOnceInOrder() {
        #expect(OrderedWork.ranges(count: 10, parts: 4) == [0..<2, 2..<5, 5..<7, 7..<10])
        #expect(OrderedWork.ranges(count: 3, parts: 8) == [0..<1, 1..<2, 2..<3])
        #expect(OrderedWork.ranges(count: 0, parts: 4).isEmpty)
        #expect(OrderedWork.ranges(count: 5, parts: 0) == [0..<5])
    }

    @Test func mapInPartsKeepsTheOrder() {
        let items = Array(0..<10_000)
        #expect(OrderedWork.map(items, minimum: 100) { $0 * 3 } == items.map { $0 * 3 })
        #expect(OrderedWork.map([Int](), minimum: 0) { $0 }.isEmpty)
    }

    /// Inside a job, `isWorker` holds and a nested map runs on that thread (no job waits for
    /// other jobs); outside, it does not hold.
    @Test func aWorkerDoesNotWaitForOtherWorkers() {
        #expect(!OrderedWork.isWorker)
        let inside = OrderedWork.map(count: 4) { part -> (Bool, [Int]) in
            (OrderedWork.isWorker, OrderedWork.map(Array(0..<1_000), minimum: 10) { $0 + part })
        }
        #expect(inside.map(\.0) == [true, true, true, true])
        #expect(inside.map(\.1) == (0..<4).map { part in (0..<1_000).map { $0 + part } })
        #expect(!OrderedWork.isWorker)
    }

    /// An array long enough to be written in parts, inside an object and beside a short one:
    /// pretty (two spaces a level) and compact, as JSON's grammar and the indentation rule give them.
    @Test func aLongJSONArrayIsWrittenAsOnePassWritesIt() {
        let count = JSONValue.itemsWrittenInParts * 3 + 7
        let value = JSONValue.object([
            ("short", .array([.number(1), .string("a\"b")])),
            ("long", .array((0..<count).map { .object([("k", .number(Double($0))), ("s", .string("x\($0)"))]) })),
        ])
        let items = (0..<count).map { "    {\n      \"k\": \($0),\n      \"s\": \"x\($0)\"\n    }" }
        let pretty = "{\n  \"short\": [\n    1,\n    \"a\\\"b\"\n  ],\n  \"long\": [\n" + items.joined(separator: ",\n") + "\n  ]\n}\n"
        #expect(value.serialized() == pretty)
        let compact = "{\"short\":[1,\"a\\\"b\"],\"long\":[" + (0..<count).map { "{\"k\":\($0),\"s\":\"x\($0)\"}" }.joined(separator: ",") + "]}"
        #expect(value.serialized(pretty: false) == compact)
    }

    /// A table long enough to be measured and written in parts: names left-aligned and padded to
    /// the widest ("name-1234" when there are 1,234+ rows), numbers right-aligned, no trailing spaces.
    @Test func aLongTableIsWrittenAsOnePassWritesIt() {
        let count = TextTable.rowsInParts * 2 + 5
        var table = TextTable(headers: ["name", "n"], alignments: [.left, .right])
        for k in 0..<count { table.append(["name-\(k)", String(k * 7)]) }
        let nameWidth = "name-\(count - 1)".count
        let numberWidth = String((count - 1) * 7).count
        func padded(_ text: String, _ width: Int, right: Bool) -> String {
            let pad = String(repeating: " ", count: width - text.count)
            return right ? pad + text : text + pad
        }
        var expected = padded("name", nameWidth, right: false) + "  " + padded("n", numberWidth, right: true) + "\n"
        expected += String(repeating: "─", count: nameWidth) + "  " + String(repeating: "─", count: numberWidth) + "\n"
        for k in 0..<count { expected += padded("name-\(k)", nameWidth, right: false) + "  " + padded(String(k * 7), numberWidth, right: true) + "\n" }
        #expect(table.render() == expected)
        #expect(table.renderRows(widths: table.columnWidths()) == expected.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n"))
    }
}
