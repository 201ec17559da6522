import Foundation
import Testing

@testable import MarketLink

// `reportText` makes the lines of a file with thousands of series and dropped rows in parts on
// the worker threads (`PriceFile.linesInParts`); the report must be the one made series by series
// on one thread (as a worker thread makes it), in the file's order, every line as written here.
@Suite struct WideReportTests {
    static let columns = 6_100

    /// A wide file: `Date`, then `columns` value columns, some of them known indexes, one with a
    /// quote and one with an escape character in its name; every third column skips a row.
    static func wideFile() throws -> PriceFile {
        var names = (1...columns).map { String(format: "S%05d", $0) }
        names[10] = "DJIA"
        names[1_500] = "^HSI"
        names[2_001] = "O'Brien"
        names[2_100] = "Esc\u{1B}[31m"
        var text = "Date," + names.joined(separator: ",") + "\n"
        let dates = ["2024-01-02", "2024-01-03", "2024-01-08", "2024-01-09"]
        for (row, date) in dates.enumerated() {
            text += date
            for k in 0..<columns { text += (k % 3 == 2 && row == 1) ? "," : ",\(100 + k).\(row)5" }
            text += "\n"
        }
        return try PriceFile.load(bytes: Array(text.utf8), file: "wide.csv")
    }

    static let vocabulary = ToolVocabulary { term in
        if case .market(let series) = term { return series.map { "--market '\($0)=NYSE'" } ?? "--market" }
        return nil
    }

    @Test func theReportInPartsIsTheReportMadeSeriesBySeries() throws {
        let file = try Self.wideFile()
        #expect(file.series.count == Self.columns)
        #expect(file.series.count >= PriceFile.linesInParts)
        #expect(file.dropped.count == Self.columns / 3)
        #expect(file.dropped.count >= PriceFile.linesInParts)
        for vocabulary in [ToolVocabulary.none, Self.vocabulary] {
            let inParts = file.reportText(vocabulary: vocabulary)
            // On a worker thread the report is made in one piece.
            let inOnePiece = OrderedWork.map(count: 1) { _ in file.reportText(vocabulary: vocabulary) }
            #expect(inOnePiece == [inParts])
        }
    }

    @Test func everySeriesHasItsLinesInTheFilesOrder() throws {
        let file = try Self.wideFile()
        let lines = file.reportText(vocabulary: Self.vocabulary).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "  series     \(Self.columns)"))
        // Each series: its name, its index (DJIA and ^HSI only), market, sessions and gap.
        var k = start + 1
        for (n, series) in file.series.enumerated() {
            #expect(lines[k] == "    " + TerminalText.escaped(series.name))
            k += 1
            if let index = series.index {
                #expect(lines[k] == "      index    \(index.displayName.dropFirst(4))")
                k += 1
                #expect(lines[k].hasPrefix("      market   \(try #require(series.market))"))
            } else {
                #expect(lines[k] == "      market   unknown (name it with --market '\(TerminalText.escaped(series.name))=NYSE')")
            }
            k += 1
            let skips = n % 3 == 2
            #expect(lines[k] == "      sessions \(skips ? 3 : 4) sessions, 2024-01-02 to 2024-01-09")
            k += 1
            #expect(lines[k] == (skips ? "      gap      largest 6 calendar days (2024-01-02 to 2024-01-08)" : "      gap      largest 5 calendar days (2024-01-03 to 2024-01-08)"))
            k += 1
        }
        // Every third column has no close on line 3, in the columns' order.
        #expect(lines[k] == "  dropped    \(Self.columns / 3) rows")
        k += 1
        for column in stride(from: 2, to: Self.columns, by: 3) {
            let name = TerminalText.escaped(file.series[column].name)
            #expect(lines[k] == "    line 3: \(name): 2024-01-03: no close (empty in column \"\(name)\")")
            k += 1
        }
        #expect(lines[k] == "")
        #expect(lines.count == k + 1)
        #expect(file.series[10].index != nil)
        #expect(file.series[1_500].index != nil)
        #expect(lines.contains("    Esc\u{241B}[31m"))
    }
}
