import Foundation
import MarketLink
import Testing

// Every price layout of DESIGN.md §1 loads with no options, as the layout it is, with the right
// series, sessions, closes and dropped rows.
//
// Where the expectations come from (none is read off MarketLink's output):
// - Closes: copied from `fixtures/source/closes-2022-2023.txt`, the real daily closes the fixtures
//   are generated from (S&P Dow Jones Indices, Shanghai Stock Exchange, Hang Seng Indexes).
// - Session counts, first and last dates: the non-`-` cells of the market's column of that table
//   within the fixture's date range, counted with awk, e.g. for the DJIA (column 2) in May 2023:
//     awk 'NR>1 && $1>="2023-05-01" && $1<="2023-05-31" && $2!="-"' closes-2022-2023.txt | wc -l
//   (the commands for every row are in `fixtures/README.md`, "Deriving the test expectations").
// - Dropped lines: the 1-based physical lines (header and preamble counted) holding a missing
//   close, found with `grep -n` on the fixture (e.g. `grep -n ',\.$' fixtures/djia.csv`) and, for
//   `djia.csv`, also by counting weekdays from 2022-06-01: line = 1 + the weekday's ordinal.
// - Tolerance: Yahoo (download, Excel re-save) and yfinance carry the close as a single-precision
//   float (`4101.229980` for 4101.23). Below 65,536 adjacent floats are 2^-8 apart, so the stored
//   value is within 0.002 of the real close; half a cent tells a right close from a wrong one.
//   Every other layout writes the close's own digits, so the loaded double must match to 1e-9.

// MARK: - Expectations

struct ExpectedClose: Sendable {
    var day: String
    var value: Double
}

struct ExpectedSeries: Sendable {
    var name: String
    var count: Int
    var first: String
    var last: String
    /// Sessions and their real closes.
    var closes: [ExpectedClose]
    /// Days inside the range on which this market had no session: no close may appear there.
    var absent: [String] = []
}

struct LayoutFixture: Sendable, CustomTestStringConvertible {
    /// Relative to the package root.
    var path: String
    /// `PriceLayout.rawValue`.
    var layout: String
    var series: [ExpectedSeries]
    var droppedLines: [Int] = []
    var tolerance: Double = 1e-9

    var testDescription: String { path }

    static let halfCent = 0.005
}

private func close(_ day: String, _ value: Double) -> ExpectedClose { ExpectedClose(day: day, value: value) }

extension LayoutFixture {
    static let all: [LayoutFixture] = main + samples

    // MARK: Main fixtures (2022-06-01 to 2023-06-30)

    static let main: [LayoutFixture] = [
        LayoutFixture(
            path: "fixtures/djia.csv", layout: "FRED (old)",
            series: [
                ExpectedSeries(
                    name: "DJIA", count: 272, first: "2022-06-01", last: "2023-06-30",
                    closes: [close("2022-06-16", 29927.07), close("2023-01-03", 33136.37), close("2023-06-08", 33833.61)],
                    absent: ["2022-06-20", "2023-01-02"])
            ],
            // The 11 weekdays without an NYSE session, 2023-01-02 included (155).
            droppedLines: [15, 25, 70, 128, 150, 155, 165, 190, 224, 260, 275]),
        LayoutFixture(
            path: "fixtures/sp500.csv", layout: "Yahoo download",
            series: [
                ExpectedSeries(
                    name: "sp500", count: 272, first: "2022-06-01", last: "2023-06-30",
                    closes: [close("2022-09-30", 3585.62), close("2023-06-08", 4293.93), close("2023-06-30", 4450.38)],
                    absent: ["2023-06-19"])
            ],
            tolerance: halfCent),
        LayoutFixture(
            path: "fixtures/djia-yahoo.csv", layout: "Yahoo download",
            series: [
                ExpectedSeries(
                    name: "djia-yahoo", count: 272, first: "2022-06-01", last: "2023-06-30",
                    closes: [close("2022-06-16", 29927.07), close("2023-01-03", 33136.37), close("2023-06-08", 33833.61)],
                    absent: ["2022-06-20", "2023-01-02"])
            ],
            tolerance: halfCent),
        LayoutFixture(
            path: "fixtures/sse.csv", layout: "Investing.com (Chinese)",
            series: [
                ExpectedSeries(
                    name: "sse", count: 264, first: "2022-06-01", last: "2023-06-30",
                    closes: [close("2022-10-10", 2974.14), close("2023-01-03", 3116.51), close("2023-06-09", 3231.41)],
                    absent: ["2022-10-03", "2023-01-23"])
            ]),
        LayoutFixture(
            path: "fixtures/hsi.csv", layout: "WSJ",
            series: [
                ExpectedSeries(
                    name: "hsi", count: 267, first: "2022-06-01", last: "2023-06-30",
                    closes: [close("2022-10-31", 14687.02), close("2023-01-18", 21678.00), close("2023-06-09", 19389.95)],
                    absent: ["2022-10-04", "2023-01-23"])
            ]),
    ]

    // MARK: One sample per layout

    static let samples: [LayoutFixture] = [
        LayoutFixture(
            path: "fixtures/layouts/yahoo-download.csv", layout: "Yahoo download",
            series: [
                ExpectedSeries(
                    name: "yahoo-download", count: 20, first: "2023-06-01", last: "2023-06-30",
                    closes: [close("2023-06-09", 3231.41), close("2023-06-15", 3252.98), close("2023-06-21", 3197.90)],
                    absent: ["2023-06-22"])
            ],
            droppedLines: [17], tolerance: halfCent),
        LayoutFixture(
            path: "fixtures/layouts/yahoo-web-table.csv", layout: "Yahoo web table",
            series: [
                ExpectedSeries(
                    name: "yahoo-web-table", count: 19, first: "2023-05-15", last: "2023-06-09",
                    closes: [close("2023-05-24", 32799.92), close("2023-05-31", 32908.27), close("2023-06-08", 33833.61)],
                    absent: ["2023-05-29"])
            ]),
        LayoutFixture(
            path: "fixtures/layouts/yahoo-excel-us.csv", layout: "Yahoo re-saved in Excel",
            series: [
                ExpectedSeries(
                    name: "yahoo-excel-us", count: 20, first: "2023-01-03", last: "2023-01-31",
                    closes: [close("2023-01-03", 3824.14), close("2023-01-18", 3928.86), close("2023-01-31", 4076.60)],
                    absent: ["2023-01-16"])
            ],
            tolerance: halfCent),
        LayoutFixture(
            path: "fixtures/layouts/yahoo-excel-ddmmyy.csv", layout: "Yahoo re-saved in Excel",
            series: [
                ExpectedSeries(
                    name: "yahoo-excel-ddmmyy", count: 27, first: "2022-12-12", last: "2023-01-20",
                    closes: [close("2022-12-28", 19898.91), close("2023-01-18", 21678.00), close("2023-01-20", 22044.65)],
                    absent: ["2022-12-27"])
            ],
            tolerance: halfCent),
        LayoutFixture(
            path: "fixtures/layouts/yfinance.csv", layout: "yfinance",
            series: [
                ExpectedSeries(
                    name: "^DJI", count: 23, first: "2023-03-01", last: "2023-03-31",
                    closes: [close("2023-03-01", 32661.84), close("2023-03-15", 31874.57), close("2023-03-31", 33274.15)])
            ],
            tolerance: halfCent),
        LayoutFixture(
            path: "fixtures/layouts/stooq.csv", layout: "Stooq",
            series: [
                ExpectedSeries(
                    name: "stooq", count: 26, first: "2022-06-01", last: "2022-07-08",
                    // 2022-06-01 is one of the rows without a Volume field.
                    closes: [close("2022-06-01", 4101.23), close("2022-06-16", 3666.77), close("2022-06-30", 3785.38)],
                    absent: ["2022-06-20", "2022-07-04"])
            ]),
        LayoutFixture(
            path: "fixtures/layouts/fred-old.csv", layout: "FRED (old)",
            series: [
                ExpectedSeries(
                    name: "DJIA", count: 33, first: "2022-11-14", last: "2022-12-30",
                    closes: [close("2022-11-15", 33592.92), close("2022-12-01", 34395.01), close("2022-12-30", 33147.25)],
                    absent: ["2022-11-24", "2022-12-26"])
            ],
            droppedLines: [10, 32]),
        LayoutFixture(
            path: "fixtures/layouts/fred-current.csv", layout: "FRED",
            series: [
                ExpectedSeries(
                    name: "DJIA", count: 37, first: "2023-01-03", last: "2023-02-24",
                    closes: [close("2023-01-03", 33136.37), close("2023-02-15", 34128.05)],
                    absent: ["2023-01-02", "2023-01-16", "2023-02-20"]),
                ExpectedSeries(
                    name: "SP500", count: 37, first: "2023-01-03", last: "2023-02-24",
                    closes: [close("2023-01-31", 4076.60), close("2023-02-24", 3970.04)],
                    absent: ["2023-01-02", "2023-01-16", "2023-02-20"]),
            ],
            droppedLines: [2, 12, 37]),
        LayoutFixture(
            path: "fixtures/layouts/investing.csv", layout: "Investing.com",
            series: [
                ExpectedSeries(
                    name: "investing", count: 20, first: "2023-05-04", last: "2023-05-31",
                    closes: [close("2023-05-10", 3319.15), close("2023-05-24", 3204.75), close("2023-05-31", 3204.56)])
            ]),
        LayoutFixture(
            path: "fixtures/layouts/investing-chinese.csv", layout: "Investing.com (Chinese)",
            series: [
                ExpectedSeries(
                    name: "investing-chinese", count: 19, first: "2023-04-03", last: "2023-04-28",
                    closes: [close("2023-04-06", 3312.63), close("2023-04-13", 3318.36), close("2023-04-20", 3367.03)],
                    absent: ["2023-04-05"])
            ]),
        LayoutFixture(
            path: "fixtures/layouts/nasdaq.csv", layout: "Nasdaq.com",
            series: [
                ExpectedSeries(
                    name: "nasdaq", count: 23, first: "2023-05-30", last: "2023-06-30",
                    closes: [close("2023-05-31", 4179.83), close("2023-06-08", 4293.93), close("2023-06-20", 4388.71)],
                    absent: ["2023-06-19"])
            ],
            droppedLines: [11]),
        LayoutFixture(
            path: "fixtures/layouts/wsj.csv", layout: "WSJ",
            series: [
                ExpectedSeries(
                    name: "wsj", count: 21, first: "2022-09-01", last: "2022-09-30",
                    closes: [close("2022-09-13", 31104.97), close("2022-09-15", 30961.82), close("2022-09-30", 28725.51)],
                    absent: ["2022-09-05"])
            ]),
        LayoutFixture(
            path: "fixtures/layouts/marketwatch.csv", layout: "MarketWatch",
            series: [
                ExpectedSeries(
                    name: "marketwatch", count: 24, first: "2023-05-29", last: "2023-06-30",
                    closes: [close("2023-06-07", 19252.00), close("2023-06-16", 20040.37), close("2023-06-21", 19218.35)],
                    absent: ["2023-06-22"])
            ]),
        LayoutFixture(
            path: "fixtures/layouts/google-sheets.csv", layout: "Google Sheets",
            series: [
                ExpectedSeries(
                    name: "INDEXDJX:.DJI", count: 22, first: "2023-05-01", last: "2023-05-31",
                    closes: [close("2023-05-10", 33531.33), close("2023-05-24", 32799.92), close("2023-05-31", 32908.27)],
                    absent: ["2023-05-29"])
            ],
            droppedLines: [23]),
        LayoutFixture(
            path: "fixtures/layouts/eastmoney.csv", layout: "Eastmoney",
            series: [
                ExpectedSeries(
                    name: "eastmoney", count: 21, first: "2022-09-01", last: "2022-09-30",
                    closes: [close("2022-09-13", 3263.80), close("2022-09-15", 3199.92), close("2022-09-30", 3024.39)],
                    absent: ["2022-09-12"])
            ]),
        LayoutFixture(
            path: "fixtures/layouts/akshare.csv", layout: "akshare/Sina",
            series: [
                ExpectedSeries(
                    name: "akshare", count: 22, first: "2022-11-01", last: "2022-11-30",
                    closes: [close("2022-11-01", 2969.20), close("2022-11-15", 3134.08), close("2022-11-30", 3151.34)])
            ]),
        LayoutFixture(
            path: "fixtures/layouts/baostock.csv", layout: "baostock",
            series: [
                ExpectedSeries(
                    name: "baostock", count: 20, first: "2023-02-01", last: "2023-02-28",
                    closes: [close("2023-02-01", 3284.92), close("2023-02-15", 3280.49), close("2023-02-24", 3267.16)])
            ]),
        LayoutFixture(
            path: "fixtures/layouts/bloomberg.csv", layout: "Bloomberg",
            series: [
                ExpectedSeries(
                    name: "SPX", count: 21, first: "2023-06-01", last: "2023-06-30",
                    closes: [close("2023-06-08", 4293.93), close("2023-06-20", 4388.71), close("2023-06-30", 4450.38)],
                    absent: ["2023-06-19"])
            ],
            droppedLines: [18]),
        LayoutFixture(
            path: "fixtures/layouts/panel.csv", layout: "panel",
            series: [
                ExpectedSeries(
                    name: "DJIA", count: 9, first: "2023-04-03", last: "2023-04-14",
                    closes: [close("2023-04-06", 33485.29), close("2023-04-13", 34029.69)],
                    absent: ["2023-04-07"]),
                ExpectedSeries(
                    name: "HSI", count: 7, first: "2023-04-03", last: "2023-04-14",
                    closes: [close("2023-04-11", 20485.24), close("2023-04-14", 20438.81)],
                    absent: ["2023-04-05", "2023-04-07", "2023-04-10"]),
                ExpectedSeries(
                    name: "SPX", count: 9, first: "2023-04-03", last: "2023-04-14",
                    closes: [close("2023-04-11", 4108.94), close("2023-04-14", 4137.64)],
                    absent: ["2023-04-07"]),
            ],
            droppedLines: [14]),
        LayoutFixture(
            path: "fixtures/layouts/panel-chinese.csv", layout: "panel",
            series: [
                ExpectedSeries(
                    name: "hkHSI", count: 12, first: "2023-01-16", last: "2023-02-03",
                    closes: [close("2023-01-17", 21577.64), close("2023-02-03", 21660.47)],
                    absent: ["2023-01-23"]),
                ExpectedSeries(
                    name: "sh000001", count: 10, first: "2023-01-16", last: "2023-02-03",
                    closes: [close("2023-01-17", 3224.24), close("2023-02-03", 3263.41)],
                    absent: ["2023-01-27"]),
            ]),
        LayoutFixture(
            path: "fixtures/layouts/wide.csv", layout: "wide",
            series: [
                ExpectedSeries(
                    name: "DJIA", count: 29, first: "2022-12-19", last: "2023-01-31",
                    closes: [close("2022-12-28", 32875.71), close("2023-01-13", 34302.61)],
                    absent: ["2023-01-16"]),
                ExpectedSeries(
                    name: "SPX", count: 29, first: "2022-12-19", last: "2023-01-31",
                    closes: [close("2023-01-30", 4017.77), close("2023-01-31", 4076.60)],
                    absent: ["2023-01-16"]),
                ExpectedSeries(
                    name: "HSI", count: 26, first: "2022-12-19", last: "2023-01-31",
                    closes: [close("2023-01-16", 21746.72), close("2023-01-18", 21678.00)],
                    absent: ["2022-12-27", "2023-01-24"]),
            ],
            droppedLines: [7, 20, 25, 26, 27]),
        LayoutFixture(
            path: "fixtures/layouts/semicolon-decimal-comma.csv", layout: "date and close",
            series: [
                ExpectedSeries(
                    name: "semicolon-decimal-comma", count: 12, first: "2023-06-01", last: "2023-06-16",
                    closes: [close("2023-06-08", 33833.61), close("2023-06-15", 34408.06), close("2023-06-16", 34299.12)])
            ]),
        LayoutFixture(
            path: "fixtures/layouts/tab.tsv", layout: "date and close",
            series: [
                ExpectedSeries(
                    name: "tab", count: 20, first: "2022-10-03", last: "2022-10-31",
                    closes: [close("2022-10-10", 17216.66), close("2022-10-17", 16612.90), close("2022-10-31", 14687.02)],
                    absent: ["2022-10-04"])
            ]),
    ]
}

// MARK: - Tests

@Suite struct LayoutFixtureTests {
    /// The package root: this file is `Tests/MarketLinkTests/LayoutFixtureTests.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: LayoutFixture.all)
    func loadsAsItsLayout(_ fixture: LayoutFixture) throws {
        let path = Self.packageRoot.appendingPathComponent(fixture.path).path
        let file = try PriceFile.load(path: path)

        #expect(file.layout.rawValue == fixture.layout)
        #expect(file.series.map(\.name).sorted() == fixture.series.map(\.name).sorted())

        for expected in fixture.series {
            let series = try #require(
                file.series.first { $0.name == expected.name }, "no series named \(expected.name)")
            #expect(series.count == expected.count, "sessions of \(expected.name)")
            #expect(series.firstDay == Day(iso: expected.first), "first day of \(expected.name)")
            #expect(series.lastDay == Day(iso: expected.last), "last day of \(expected.name)")
            for close in expected.closes {
                let day = try #require(Day(iso: close.day))
                let value = try #require(series.close(on: day), "\(expected.name) has no close on \(close.day)")
                #expect(
                    abs(value - close.value) <= fixture.tolerance,
                    "\(expected.name) on \(close.day): \(value), expected \(close.value)")
            }
            for iso in expected.absent {
                let day = try #require(Day(iso: iso))
                #expect(series.close(on: day) == nil, "\(expected.name) has a close on \(iso), a day without a session")
            }
        }

        #expect(Set(file.dropped.map(\.line)) == Set(fixture.droppedLines), "dropped lines")
        for row in file.dropped {
            #expect(!row.reason.trimmingCharacters(in: .whitespaces).isEmpty, "no reason for dropped line \(row.line)")
        }
    }
}
