import Foundation
import Testing

@testable import MarketLink

/// `NAME=path` names the one series of a file, whatever gave it its default name. Found while
/// testing output refusals: FRED's `DATE,DJIA` (a value column named for its series) and a panel
/// with one symbol were refused with "DOW= names one series, but the file has 1 (DJIA)".
@Suite struct NamedSeriesTests {
    @Test func nameAppliesToAOneColumnFredFile() throws {
        let loaded = try PriceFile.load(path: CLIRunner.fixture("fixtures/djia.csv"), options: PriceLoadOptions(name: "DOW"))
        #expect(loaded.series.map(\.name) == ["DOW"])
        #expect(loaded.notes.first == "series name \"DOW\" from the name given with the file")
    }

    @Test func nameAppliesToAOneSymbolPanel() throws {
        let text = "Date,Symbol,Close\n2023-06-07,^DJI,33665.02\n2023-06-08,^DJI,33833.61\n"
        let loaded = try PriceFile.load(bytes: Array(text.utf8), file: "p.csv", options: PriceLoadOptions(name: "Dow"))
        #expect(loaded.series.map(\.name) == ["Dow"])
        #expect(loaded.series.first?.closes == [33665.02, 33833.61])
    }

    @Test func nameIsRefusedForSeveralSeries() throws {
        let text = "Date,Symbol,Close\n2023-06-07,A,1\n2023-06-07,B,2\n"
        do {
            _ = try PriceFile.load(bytes: Array(text.utf8), file: "p.csv", options: PriceLoadOptions(name: "X"))
            Issue.record("loaded")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.reason == .nameForSeveralSeries("X", series: ["A", "B"]))
            #expect(error.message == "the name \"X\" is for one series, but the file has 2 (A, B)")
        }
        // mlink names the argument syntax that gave the name.
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try CLIRunner.run(["inspect", "X=" + (try CLIRunner.write(text, named: "p.csv", in: folder))])
        #expect(refused.status == 64)
        #expect(refused.stderr == "mlink inspect: error: X= names one series, but the file has 2 (A, B); drop the name\n")
        let outcome = try CLIRunner.run(["changes", "--events", "fixtures/events-2023.csv", "DOW=fixtures/djia.csv", "--window", "0:0", "--format", "csv"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(",DOW,0:0,"))
    }
}
