import Testing
@testable import MarketLink

@Suite struct DescriptiveTests {
    @Test func textbookSample() throws {
        // By hand: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32, so the population
        // variance is 32/8 = 4 and the sample variance 32/7.
        let values: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        #expect(Descriptive.mean(values) == 5)
        #expect(Descriptive.populationVariance(values) == 4)
        expectClose(Descriptive.sampleVariance(values), 32.0 / 7, relative: 1e-15)
        expectClose(Descriptive.sampleStandardDeviation(values), (32.0 / 7).squareRoot(), relative: 1e-15)
    }

    @Test func largeOffsetKeepsDigits() {
        // By hand: mean 1e9 + 10, deviations −6, −3, 3, 6, sum of squares 90, sample variance 30.
        // (Σx² − n·x̄² would lose every digit here.)
        let values: [Double] = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]
        #expect(Descriptive.sampleVariance(values) == 30)
    }

    @Test func emptyAndSingleValues() {
        #expect(Descriptive.mean([Double]()) == nil)
        #expect(Descriptive.sampleVariance([Double]()) == nil)
        #expect(Descriptive.populationVariance([Double]()) == nil)
        #expect(Descriptive.mean([3.5]) == 3.5)
        #expect(Descriptive.sampleVariance([3.5]) == nil)
        #expect(Descriptive.sampleStandardDeviation([3.5]) == nil)
        #expect(Descriptive.populationVariance([3.5]) == 0)
    }

    @Test func nonFiniteInputIsNotHidden() throws {
        let variance = try #require(Descriptive.sampleVariance([1, .nan, 3]))
        #expect(variance.isNaN)
    }

    @Test func averageRanksShareTies() {
        // By hand: sorted 1, 3, 5, 5 → ranks 1, 2, 3.5, 3.5.
        #expect(averageRanks([5, 3, 5, 1]) == [3.5, 2, 3.5, 1])
        // scipy.stats.rankdata of data set D's x (Derivations/expected.txt).
        #expect(averageRanks([0.8, -0.3, 1.2, 0.8, -1.1, 0.4, 2.0, -0.3]) == [5.5, 2.5, 7, 5.5, 1, 4, 8, 2.5])
        #expect(averageRanks([]) == [])
    }
}
