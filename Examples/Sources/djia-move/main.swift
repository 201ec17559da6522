// djia-move: how the Dow moved around the Xie Feng speech (event 11 of the bundled events),
// measured with MarketLink's public API only.
//
//   swift run --package-path Examples djia-move [REPOSITORY]     REPOSITORY defaults to "."
//
// It loads fixtures/djia.csv and fixtures/events-2023.csv, measures the 0:1 window (the event day
// and the next) and prints one line of numbers, the newsroom sentence, and a fact check of the
// claim the README checks. Exit 1 with MarketLink's message if a file cannot be read.
import Foundation
import MarketLink

let root = CommandLine.arguments.dropFirst().first ?? "."

do {
    let djia = try PriceFile.load(path: "\(root)/fixtures/djia.csv").series[0]
    let log = try EventLog.load(path: "\(root)/fixtures/events-2023.csv")
    guard let speech = log.event(id: "11") else {
        print("djia-move: error: no event 11 in \(log.file)")
        exit(1)
    }

    let table = ChangeTable(events: [speech], series: [djia], windows: [try EventWindow(parsing: "0:1")])
    for row in table.rows {
        guard row.status == .ok, let base = row.base, let end = row.end, let points = row.points, let percent = row.percent else {
            print("\(row.series) \(row.window): \(row.status)")
            continue
        }
        // Full precision here: CI compares these digits with the fixture's closes, worked out apart.
        print("\(row.series) \(row.window) \(base.day) \(base.close) \(end.day) \(end.close) points \(String(format: "%.2f", points)) percent \(String(format: "%.2f", percent))")
        print(table.sentence(row) ?? "")
    }

    let claim = "increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday"
    let check = try FactCheck(claim: try Claim(reading: claim), series: djia)
    print("check: \(check.summary)")
} catch {
    print("djia-move: \(error)")
    exit(1)
}
