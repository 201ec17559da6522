import Testing
@testable import MarketLink

@Suite struct ChartNumberFormatTests {
    @Test(arguments: [
        (12.5, "12.5"), (100, "100"), (-3.256, "-3.26"), (0.004, "0"), (-0.004, "0"), (-0.0, "0"),
        (1234.5678, "1234.57"), (0.1, "0.1"), (799.999, "800"), (-12.3, "-12.3"),
    ])
    func coordinates(value: Double, expected: String) {
        #expect(ChartNumberFormat.coordinate(value) == expected)
    }

    @Test(arguments: [
        (30500.0, 0, "30,500"), (100.5, 1, "100.5"), (-0.25, 2, "\u{2212}0.25"), (0.5, 2, "0.50"),
        (-1_234_567.891, 2, "\u{2212}1,234,567.89"), (999, 0, "999"), (1000, 0, "1,000"), (-0.004, 2, "0.00"),
        (33833.61, 2, "33,833.61"), (100.775408, 2, "100.78"), (0, 0, "0"),
    ])
    func labels(value: Double, decimals: Int, expected: String) {
        #expect(ChartNumberFormat.label(value, decimals: decimals) == expected)
    }

    @Test func valuesBeyondFifteenDigitsAndNonFiniteUseSwiftDescription() {
        #expect(ChartNumberFormat.label(1e20, decimals: 0) == "1e+20")
        #expect(ChartNumberFormat.coordinate(.nan) == "nan")
        #expect(ChartNumberFormat.coordinate(-.infinity) == "-inf")
    }
}
