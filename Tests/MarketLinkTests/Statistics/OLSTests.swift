import Testing
@testable import MarketLink

@Suite struct OLSTests {
    @Test func handWorkedFit() throws {
        // By hand: x̄ = 3, ȳ = 4, S_xx = 10, S_xy = 6, so β = 0.6 and α = 4 − 0.6·3 = 2.2.
        // Residuals −0.8, 0.6, 1.0, −0.6, −0.2: SSR = 2.4, σ̂² = 2.4/3 = 0.8.
        let fit = try #require(OLS(x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5]))
        expectClose(fit.beta, 0.6, relative: 1e-14)
        expectClose(fit.alpha, 2.2, relative: 1e-14)
        expectClose(fit.ssr, 2.4, relative: 1e-13)
        expectClose(fit.residualVariance, 0.8, relative: 1e-13)
        #expect(fit.count == 5)
        #expect(fit.degreesOfFreedom == 3)
        #expect(fit.meanX == 3)
        #expect(fit.meanY == 4)
        #expect(fit.sxx == 10)
        expectClose(fit.residual(x: 3, y: 5), 1.0, relative: 1e-14)
    }

    @Test func marketModelDataSet() throws {
        // Data set A of Derivations/derive_expected.py; scipy.stats.linregress.
        let fit = try #require(OLS(x: EventData.benchmarkEstimation, y: EventData.estimation))
        expectClose(fit.alpha, 0.00017572463768115987)
        expectClose(fit.beta, 1.1553442028985506)
        expectClose(fit.ssr, 3.9443387681159421e-05)
        expectClose(fit.residualVariance, 4.9304234601449276e-06)
    }

    @Test func degenerateInputs() {
        #expect(OLS(x: [1, 2], y: [1, 2]) == nil)  // n < 3
        #expect(OLS(x: [1, 2, 3], y: [1, 2]) == nil)  // lengths differ
        #expect(OLS(x: [0.01, 0.01, 0.01], y: [1, 2, 3]) == nil)  // S_xx = 0
        // Ten times 0.1 sums to 0.9999999999999999, so x̄ is off by an ulp and S_xx ≈ 1.9e-33, not 0.
        #expect(OLS(x: [Double](repeating: 0.1, count: 10), y: (1...10).map(Double.init)) == nil)
        #expect(OLS(x: [1, .nan, 3], y: [1, 2, 3]) == nil)
    }
}
