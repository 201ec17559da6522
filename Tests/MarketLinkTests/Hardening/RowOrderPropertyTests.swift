import Foundation
import Testing

@testable import MarketLink

/// A price file read newest-first gives the same series as the same rows read oldest-first
/// (DESIGN §1: "sort newest-first files"). Generated files (fixed seed) in several layouts, each
/// written in both orders: both load; the series have the same names, dates, closes and decimals,
/// and those are the generated ones; the same rows are dropped for the same reasons; only
/// `newestFirst` differs.
@Suite struct RowOrderPropertyTests {
    enum Layout: CaseIterable {
        case isoPlain, investing, yahooWeb, semicolonDecimalComma, panel, nasdaq
    }

    struct Row {
        var day: Day
        var symbol: String
        /// Close in cents; nil for a row with a missing-value marker.
        var cents: Int?
    }

    // MARK: Writing

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func dateText(_ day: Day, _ layout: Layout) -> String {
        let (y, m, d) = day.components
        switch layout {
        case .isoPlain, .panel: return day.iso
        case .investing, .nasdaq: return "\(twoDigits(m))/\(twoDigits(d))/\(y)"
        case .yahooWeb: return "\(String(Day.monthNames[m - 1].prefix(3))) \(twoDigits(d)), \(y)"
        case .semicolonDecimalComma: return "\(twoDigits(d)).\(twoDigits(m)).\(y)"
        }
    }

    static func number(_ cents: Int, grouping: Bool, decimalComma: Bool = false) -> String {
        var whole = String(cents / 100)
        if grouping {
            var grouped = ""
            for (k, character) in whole.reversed().enumerated() {
                if k > 0, k % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            whole = String(grouped.reversed())
        }
        return whole + (decimalComma ? "," : ".") + twoDigits(cents % 100)
    }

    static func line(_ row: Row, _ layout: Layout, marker: String) -> String {
        let date = dateText(row.day, layout)
        switch layout {
        case .isoPlain:
            return "\(date),\(row.cents.map { number($0, grouping: false) } ?? marker)"
        case .investing:
            let close = row.cents.map { "\"\(number($0, grouping: true))\"" } ?? "\"\(marker)\""
            return "\"\(date)\",\(close),\"1,000.00\",\"43.58B\",\"-0.23%\""
        case .yahooWeb:
            let close = row.cents.map { "\"\(number($0, grouping: true))\"" } ?? marker
            return "\"\(date)\",\"1.00\",\(close),\(close),\"1,234\""
        case .semicolonDecimalComma:
            return "\(date);\(row.cents.map { number($0, grouping: false, decimalComma: true) } ?? marker)"
        case .panel:
            return "\(date),\(row.symbol),\(row.cents.map { number($0, grouping: false) } ?? marker)"
        case .nasdaq:
            return "\(date), \(row.cents.map { "$" + number($0, grouping: false) } ?? marker), N/A, 1.0"
        }
    }

    static func header(_ layout: Layout) -> String {
        switch layout {
        case .isoPlain: return "Date,Close"
        case .investing: return "\"Date\",\"Price\",\"Open\",\"Vol.\",\"Change %\""
        case .yahooWeb: return "Date,Open,Close*,Adj Close**,Volume"
        case .semicolonDecimalComma: return "Date;Close"
        case .panel: return "Date,Symbol,Close"
        case .nasdaq: return "Date, Close/Last, Volume, Open"
        }
    }

    // MARK: Property

    @Test(arguments: Layout.allCases)
    func newestFirstEqualsOldestFirst(_ layout: Layout) throws {
        var random = SeededGenerator(seed: 33_833_61 &+ UInt64(Layout.allCases.firstIndex(of: layout) ?? 0))
        for _ in 0..<400 {
            let symbols = layout == .panel ? ["AAA", "BBB"] : [""]
            var rows: [Row] = []
            for symbol in symbols {
                var day = try #require(Day(iso: "1995-01-02")).adding(days: random.int(0...10_000))
                for _ in 0..<random.int(40...80) {
                    rows.append(Row(day: day, symbol: symbol, cents: random.chance(0.08) ? nil : random.int(100...9_999_999)))
                    day = day.adding(days: random.int(1...4))
                }
            }
            // At least two closes per series, so that the order shows.
            for symbol in symbols where rows.filter({ $0.symbol == symbol && $0.cents != nil }).count < 2 {
                for k in rows.indices where rows[k].symbol == symbol { rows[k].cents = 12_345 }
            }
            let marker = random.pick(layout == .semicolonDecimalComma ? ["", "-", "null", "NaN", "N/A"] : ["", ".", "null", "NaN", "N/A", "#N/A"])
            let end = random.pick(["\n", "\r\n"])
            let bom = random.chance(0.3) ? "\u{FEFF}" : ""
            func file(_ ordered: [Row]) -> [UInt8] {
                Array((bom + Self.header(layout) + end + ordered.map { Self.line($0, layout, marker: marker) }.joined(separator: end) + end).utf8)
            }
            // Panel rows: by symbol then date, as exports sort them; reversed is newest first.
            let oldest = try PriceFile.load(bytes: file(rows), file: "prices.csv")
            let newest = try PriceFile.load(bytes: file(rows.reversed()), file: "prices.csv")

            #expect(!oldest.newestFirst)
            #expect(newest.newestFirst)
            #expect(oldest.layout == newest.layout)
            // A panel's series come in order of first appearance, which the reversal changes.
            let byName = { (file: PriceFile) in file.series.sorted { $0.name < $1.name } }
            #expect(byName(oldest) == byName(newest))
            for (k, series) in oldest.series.enumerated() {
                let expected = rows.filter { $0.symbol == symbols[k] && $0.cents != nil }
                #expect(series.dayOrdinals == expected.map(\.day.ordinal))
                #expect(series.closes == expected.map { Double($0.cents ?? 0) / 100 })
                #expect(series.decimals == 2)
            }
            #expect(oldest.dropped.count == rows.filter { $0.cents == nil }.count)
            #expect(oldest.dropped.map(\.reason).sorted() == newest.dropped.map(\.reason).sorted())
            if byName(oldest) != byName(newest) { break }
        }
    }
}
