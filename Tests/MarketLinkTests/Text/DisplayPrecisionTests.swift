import Testing

@testable import MarketLink

// Hand derivations (float32 has 24 significant bits; between 2^15 and 2^16 adjacent floats are
// 2^-8 = 0.00390625 apart, between 2^11 and 2^12 2^-12, between 2^5 and 2^6 2^-18):
//   33833.61 · 256 = 8661404.16 → 8661404 / 256 = 33833.609375     (Yahoo writes 33833.609375)
//   33573.28 · 256 = 8594759.68 → 8594760 / 256 = 33573.28125      (Yahoo writes 33573.281250)
//   33833.6  · 256 = 8661401.6  → 8661402 / 256 = 33833.6015625 ≠ 33833.609375, so one decimal
//                                 does not stand for the same float: two decimals are needed
//   3204.64 · 4096 = 13126205.44 → 13126205 / 4096 = 3204.639892578125 (yfinance writes it in
//                                 full, Yahoo %.6f as 3204.639893)
//   37.63 · 262144 = 9864478.72 → 9864479 / 262144 = 37.630001068115234 (Yahoo: -37.630001)
//   33833.612345 · 256 = 8661404.76 → 33833.61328125, written with 6 decimals 33833.613281, not
//                                 33833.612345: real six-decimal data, not a float
//   32272.79 · 256 = 8261834.24 → 32272.7890625, exactly halfway at six decimals: Python's %.6f
//                                 rounds half to even, 32272.789062 (the DJIA of 2022-06-09)
//   32910.90 · 256 = 8425190.4  → 32910.8984375 → 32910.898438 (half to even rounds 7 up)
//   0.1 + 0.2 = 0.30000000000000004, one unit in the last place above 0.3
// A move is the difference of the values the closes stand for: 33833.61 − 33573.28 = 260.33.

@Suite struct DisplayPrecisionTests {
    /// The Dow on 2023-06-06 and 2023-06-08 as Yahoo writes it (see above).
    func twoDowCloses() throws -> Series {
        let days = try ["2023-06-06", "2023-06-08"].map { try #require(Day(iso: $0)) }
        return try #require(Series(name: "DJIA", days: days, closes: [33573.28125, 33833.609375]))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var closes: [Double]
        var written: Int
        var decimals: Int
        var storage: DisplayPrecision.Storage
        /// (close, as shown)
        var shown: [(Double, String)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "Yahoo float32 with six decimals", closes: [33833.609375, 33573.28125], written: 6, decimals: 2,
            storage: .float32, shown: [(33833.609375, "33,833.61"), (33573.28125, "33,573.28")]),
        Case(
            name: "Yahoo SSE", closes: [3204.639893, 3230.070068, 3195.340088], written: 6, decimals: 2, storage: .float32,
            shown: [(3204.639893, "3,204.64"), (3195.340088, "3,195.34")]),
        Case(
            name: "Yahoo ties written half to even", closes: [32272.789062, 32910.898438], written: 6, decimals: 2,
            storage: .float32, shown: [(32272.789062, "32,272.79"), (32910.898438, "32,910.90")]),
        Case(
            name: "yfinance full float digits", closes: [3204.639892578125, 33833.609375], written: 10, decimals: 2,
            storage: .float32, shown: [(3204.639892578125, "3,204.64"), (33833.609375, "33,833.61")]),
        Case(
            name: "negative float32 close", closes: [-37.630001, 18.27], written: 6, decimals: 2, storage: .float32,
            shown: [(-37.630001, "-37.63")]),
        Case(
            name: "float32 padding zeros carry nothing", closes: [1.5, 2.25], written: 6, decimals: 2, storage: .float32,
            shown: [(1.5, "1.50"), (2.25, "2.25")]),
        Case(
            name: "large whole float32 values", closes: [12_345_678, 9_876_543], written: 6, decimals: 0, storage: .float32,
            shown: [(12_345_678, "12,345,678")]),
        Case(
            name: "each close stands for its own shortest decimal", closes: [33833.609375, 0.125], written: 6, decimals: 3,
            storage: .float32, shown: [(33833.609375, "33,833.610"), (0.125, "0.125")]),
        Case(
            name: "double noise", closes: [33833.61000000001, 33573.28], written: 10, decimals: 2, storage: .float64,
            shown: [(33833.61000000001, "33,833.61"), (33573.28, "33,573.28")]),
        Case(
            name: "0.1 + 0.2", closes: [0.1 + 0.2, 0.5], written: 10, decimals: 1, storage: .float64, shown: [(0.1 + 0.2, "0.3")]),
        Case(
            name: "two decimals as written, zeros kept", closes: [100.5, 101], written: 2, decimals: 2, storage: .decimal,
            shown: [(100.5, "100.50"), (101, "101.00")]),
        Case(
            name: "real six-decimal data", closes: [33833.612345, 1.085432], written: 6, decimals: 6, storage: .decimal,
            shown: [(33833.612345, "33,833.612345")]),
        Case(
            name: "four decimals as written", closes: [3263.7566, 3260.4], written: 4, decimals: 4, storage: .decimal,
            shown: [(3260.4, "3,260.4000")]),
        Case(
            name: "zero decimals", closes: [33833, 33573], written: 0, decimals: 0, storage: .decimal, shown: [(33833, "33,833")]),
        Case(name: "no closes", closes: [], written: 2, decimals: 2, storage: .decimal, shown: []),
    ]

    @Test(arguments: cases)
    func decides(_ item: Case) {
        let precision = DisplayPrecision(closes: item.closes, writtenDecimals: item.written)
        #expect(precision.decimals == item.decimals)
        #expect(precision.storage == item.storage)
        for (close, text) in item.shown {
            #expect(precision.text(close) == text, "\(close)")
        }
    }

    @Test func movesAreDifferencesOfTheValuesTheClosesStandFor() {
        let yahoo = DisplayPrecision(closes: [33833.609375, 33573.28125], writtenDecimals: 6)
        #expect(yahoo.points(from: 33573.28125, to: 33833.609375) == 260.33)
        #expect(yahoo.pointsText(from: 33573.28125, to: 33833.609375) == "+260.33")
        #expect(yahoo.pointsText(from: 33833.609375, to: 33573.28125) == "-260.33")
        #expect(yahoo.pointsText(from: 33573.28125, to: 33833.609375, signed: false) == "260.33")
        // 3204.639893 → 3204.64 and 3195.340088 → 3195.34: a fall of 9.30, not 9.299805.
        let sse = DisplayPrecision(closes: [3204.639893, 3195.340088], writtenDecimals: 6)
        #expect(sse.pointsText(from: 3204.639893, to: 3195.340088) == "-9.30")
        #expect(sse.pointsText(from: 3204.639893, to: 3204.639893) == "0.00")
    }

    @Test func seriesDecideOnceWhenTheirDecimalsAreSet() throws {
        var series = try twoDowCloses()
        #expect(series.displayDecimals == 2)
        series.decimals = 6
        #expect(series.display.storage == .float32)
        #expect(series.display.text(series.close(at: 1)) == "33,833.61")
        #expect(series.slice(from: nil, to: nil).display == series.display)
    }

    @Test func tablesShowTheFloatAsTheCloseItStandsFor() throws {
        var series = try twoDowCloses()
        series.decimals = 6
        let move = try #require(Move(series: series, baseSession: 0, endSession: 1))
        #expect(MoveSentence.text(for: move, in: series).hasPrefix("The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 "))
    }
}
