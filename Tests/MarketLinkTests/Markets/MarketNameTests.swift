import Foundation
import Testing

@testable import MarketLink

// Issue 13 item 4: the names files and tickers really carry map to their index; on main each of
// these was unknown (no market, so no timed events).
@Suite struct MarketNameTests {
    @Test(arguments: [
        ("^SPX", "S&P 500"), (".SPX", "S&P 500"), ("SPX.INDX", "S&P 500"), ("S&P 500 Historical Data", "S&P 500"),
        ("S&P 500 Historical Data (1)", "S&P 500"), ("^DJIA", "Dow Jones Industrial Average"),
        ("Dow Jones Industrial Average Historical Data", "Dow Jones Industrial Average"), ("^SHCOMP", "SSE Composite"),
        ("000001.SH", "SSE Composite"), ("^HSI", "Hang Seng"), ("Hang Seng Historical Data", "Hang Seng"),
        ("Nikkei 225 Historical Data", "Nikkei 225"),
    ])
    func namesMapToTheirIndex(name: String, index: String) {
        #expect(MarketTable.index(named: name)?.name == index, "\(name)")
    }

    /// A bare `000001` is Ping An Bank, a stock; other names stay unknown rather than guessed.
    @Test(arguments: ["000001", "000001 Historical Data", "^000001", "prices", "Historical Data", "SPXX"])
    func namesThatStayUnknown(name: String) {
        #expect(MarketTable.index(named: name) == nil, "\(name)")
    }

    /// `--market NYSE` (a market for no series in particular) gives every series of a panel the market.
    @Test func oneMarketForEverySeriesOfAPanel() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let panel = try CLI.write("Date,Symbol,Close\n2023-06-07,AAA,10\n2023-06-07,BBB,20\n2023-06-08,AAA,11\n", named: "p.csv", in: folder)
        let loaded = try SeriesCollection(files: [(nil, panel)], markets: [(nil, MarketTable.nyse)])
        #expect(loaded.series.map(\.name) == ["AAA", "BBB"])
        #expect(loaded.series.map(\.market) == [MarketTable.nyse, MarketTable.nyse])
    }

    /// The hint for a series with no market is a line to paste: the name quoted for the shell.
    @Test func theHintQuotesTheNameForTheShell() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try CLI.write("Date,Close\n2023-06-07,10\n2023-06-08,11\n", named: "Bob's index.csv", in: folder)
        let outcome = try CLI.run(["inspect", path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(#"market   unknown (name it with --market 'Bob'\''s index=NYSE', or 'Bob'\''s index=ZONE@HH:MM' for another market)"#))
    }
}
