import Testing
@testable import MarketLink

/// Data set D of Derivations/derive_expected.py: n = 8, ties in x (0.8, −0.3) and in y (0.2).
private let x = [0.8, -0.3, 1.2, 0.8, -1.1, 0.4, 2.0, -0.3]
private let y = [0.5, 0.1, 0.9, 0.2, -0.7, 0.2, 1.1, -0.4]

@Suite struct CorrelationTests {
    @Test func pearson() throws {
        // scipy.stats.pearsonr: r and p (its p is the same t test, from the exact null distribution).
        let r = try #require(Correlation.pearson(x, y))
        #expect(r.method == .pearson)
        expectClose(r.coefficient, 0.95094639999546882)
        expectClose(r.test.statistic, 7.5296285505020553)
        expectClose(r.test.pValue, 0.0002843388926935066, relative: 1e-9)
        #expect(r.test.degreesOfFreedom == 6)
        #expect(r.n == 8)
    }

    @Test func spearmanWithTies() throws {
        // scipy.stats.spearmanr (average ranks, t approximation with n − 2 df).
        let rho = try #require(Correlation.spearman(x, y))
        #expect(rho.method == .spearman)
        expectClose(rho.coefficient, 0.97577549650058693)
        expectClose(rho.test.statistic, 10.925197417128148)
        expectClose(rho.test.pValue, 3.4896398846122151e-05, relative: 1e-9)
        #expect(rho.n == 8)
    }

    @Test func perfectAndDegenerateCases() throws {
        // By hand: y = 2x + 1 exactly gives r = 1, t = ∞, p = 0; a monotone but curved relation
        // gives ρ = 1 and r < 1.
        let perfect = try #require(Correlation.pearson([1, 2, 3, 4], [3, 5, 7, 9]))
        #expect(perfect.coefficient == 1)
        #expect(perfect.test.statistic == .infinity)
        #expect(perfect.test.pValue == 0)
        let curved = try #require(Correlation.spearman([1, 2, 3, 4], [1, 8, 27, 64]))
        #expect(curved.coefficient == 1)
        #expect(try #require(Correlation.pearson([1, 2, 3, 4], [1, 8, 27, 64])).coefficient < 1)

        #expect(Correlation.pearson([1, 2], [1, 2]) == nil)  // n < 3
        #expect(Correlation.pearson([1, 2, 3], [1, 2]) == nil)  // lengths differ
        #expect(Correlation.pearson([1, 1, 1], [1, 2, 3]) == nil)  // no variance
        #expect(Correlation.spearman([1, 2, 3], [5, 5, 5]) == nil)
        #expect(Correlation.pearson([1, .nan, 3], [1, 2, 3]) == nil)
    }
}
