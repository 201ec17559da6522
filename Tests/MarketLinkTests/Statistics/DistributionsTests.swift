import Testing
@testable import MarketLink

// Expected values: scipy 1.17 (scipy.stats.t, scipy.stats.norm, scipy.special.betainc), printed by
// Derivations/derive_expected.py into Derivations/expected.txt.

@Suite struct DistributionsTests {
    struct TCase: CustomTestStringConvertible, Sendable {
        var t: Double
        var df: Double
        var cdf: Double
        var p: Double
        var testDescription: String { "t = \(t), df = \(df)" }
    }

    static let tCases: [TCase] = [
        // The textbook 5% critical value for df = 10 is 2.228 (two-sided p ≈ 0.05).
        TCase(t: 2.228, df: 10, cdf: 0.97499411409144432, p: 0.05001177181711132),
        TCase(t: 2.2281388519862744, df: 10, cdf: 0.975, p: 0.05),
        // df = 1 is the Cauchy distribution: cdf = 1/2 + atan(t)/π, so cdf(1) = 3/4 by hand.
        TCase(t: 1.0, df: 1, cdf: 0.75, p: 0.5),
        TCase(t: -3.5, df: 1, cdf: 0.088585532782904763, p: 0.17717106556580953),
        TCase(t: 0.5, df: 2.5, cdf: 0.67115104006514259, p: 0.65769791986971482),
        TCase(t: -2.0, df: 2.5, cdf: 0.078695747878982952, p: 0.1573914957579659),
        TCase(t: 1.96, df: 300, cdf: 0.97453937383773093, p: 0.050921252324538195),
        TCase(t: 8.0, df: 300, cdf: 0.99999999999998634, p: 2.7350153901538407e-14),
        TCase(t: 50.0, df: 5, cdf: 0.99999996976121186, p: 6.047757626601225e-08),
        TCase(t: 1000.0, df: 1, cdf: 0.99968169021991948, p: 0.00063661956016111785),
        TCase(t: 0.001, df: 7, cdf: 0.50038499137750059, p: 0.99923001724499882),
        TCase(t: 40.0, df: 30, cdf: 1, p: 1.3726045194406417e-27),
        TCase(t: 3.0, df: 1e6, cdf: 0.99865006872928908, p: 0.0026998625414218001),
        TCase(t: -1.5, df: 0.3, cdf: 0.30616383341438919, p: 0.61232766682877837),
    ]

    @Test(arguments: tCases)
    func studentT(_ c: TCase) {
        expectClose(StudentT.cdf(c.t, degreesOfFreedom: c.df), c.cdf)
        // The two-sided p keeps its relative accuracy deep in the tail (1e-27 for t = 40).
        expectClose(StudentT.twoSidedP(c.t, degreesOfFreedom: c.df), c.p)
        expectClose(StudentT.twoSidedP(-c.t, degreesOfFreedom: c.df), c.p)
    }

    /// Two-sided p at 40 digits with mpmath (Derivations/expected.txt): huge ν, where a plain-double
    /// continued fraction loses log10(ν) digits, a p of 1e-196, and a point where scipy is off.
    @Test(arguments: [
        (2.0, 1e8, 0.045500266595906752883),
        (3.0, 1e12, 0.0026997960633266667795),
        (38.0, 1000, 2.9187578422600381901e-196),
        (1e-6, 1, 0.99999936338022763263),
    ])
    func studentTAgainstHighPrecision(t: Double, df: Double, p: Double) {
        expectClose(StudentT.twoSidedP(t, degreesOfFreedom: df), p, relative: 1e-13)
    }

    @Test(arguments: [
        (0.975, 10.0, 2.2281388519862739),
        (0.975, 1, 12.706204736174694),
        (0.995, 2.5, 7.163728138948783),
        (0.025, 300, -1.9679030112610869),
        (1e-8, 4, -131.59473694062356),
        (0.6, 7, 0.26316686135202288),
    ])
    func studentTQuantile(probability: Double, df: Double, expected: Double) {
        expectClose(StudentT.quantile(probability, degreesOfFreedom: df), expected)
    }

    @Test func studentTEdgesAndInvalidArguments() {
        #expect(StudentT.twoSidedP(0, degreesOfFreedom: 5) == 1)
        #expect(StudentT.twoSidedP(.infinity, degreesOfFreedom: 5) == 0)
        #expect(StudentT.cdf(-.infinity, degreesOfFreedom: 5) == 0)
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: 5) == 1)
        #expect(StudentT.twoSidedP(2, degreesOfFreedom: 0).isNaN)
        #expect(StudentT.twoSidedP(2, degreesOfFreedom: -3).isNaN)
        #expect(StudentT.twoSidedP(.nan, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.quantile(1.5, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.quantile(0, degreesOfFreedom: 3) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 3) == .infinity)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 3) == 0)
        // ν = ∞ is the standard normal.
        expectClose(StudentT.twoSidedP(1.959963984540054, degreesOfFreedom: .infinity), 0.05)
    }

    @Test(arguments: [
        (1.959963984540054, 0.97499999999999998, 0.05),
        (-1.0, 0.15865525393145707, 0.31731050786291415),
        (-8.0, 6.2209605742717405e-16, 1.2441921148543481e-15),
        (5.0, 0.99999971334842808, 5.7330314375838655e-07),
        (0.0, 0.5, 1),
    ])
    func standardNormal(z: Double, cdf: Double, p: Double) {
        expectClose(StandardNormal.cdf(z), cdf, relative: 1e-13)
        expectClose(StandardNormal.twoSidedP(z), p, relative: 1e-13)
    }

    @Test func standardNormalQuantile() {
        expectClose(StandardNormal.quantile(0.975), 1.959963984540054)
        expectClose(StandardNormal.quantile(1e-10), -6.3613409024040557)
    }

    @Test(arguments: [
        (0.3, 2.0, 3.0, 0.34829999999999994),
        (0.9, 0.5, 7.5, 0.99999999328971034),
        (0.5, 150, 0.5, 4.5457624242668888e-47),
        (0.999, 30, 40, 1),
        (1e-5, 0.5, 0.5, 0.0020131718394753874),
    ])
    func incompleteBeta(x: Double, a: Double, b: Double, expected: Double) {
        expectClose(regularizedIncompleteBeta(x, a: a, b: b), expected)
    }

    @Test func incompleteBetaClosedForms() {
        // By hand: I_x(1, 1) = x and I_x(a, 1) = x^a; I_0 = 0, I_1 = 1.
        expectClose(regularizedIncompleteBeta(0.37, a: 1, b: 1), 0.37, relative: 1e-14)
        expectClose(regularizedIncompleteBeta(0.5, a: 3, b: 1), 0.125, relative: 1e-14)
        #expect(regularizedIncompleteBeta(0, a: 2, b: 3) == 0)
        #expect(regularizedIncompleteBeta(1, a: 2, b: 3) == 1)
        #expect(regularizedIncompleteBeta(1.2, a: 2, b: 3).isNaN)
    }
}

/// The plain-double continued fraction (a, b ≤ `IncompleteBeta.plainDoubleLimit`) against the
/// double-double one, which the high-precision cases above check: Student's t tails over the
/// degrees of freedom an event study meets (estimation windows of 30 to 1,000 returns) and
/// |t| from 0.01 to 40, on the branch of the fraction each takes.
@Suite struct PlainDoubleIncompleteBetaTests {
    @Test(arguments: [3.0, 28, 118, 236.5, 500])
    func plainDoublesEqualDoubleDoubleToATenthOfAPicoUnit(a: Double) {
        for t in [0.01, 0.3, 1, 1.7, 2.5, 4, 8, 15, 40] {
            let nu = 2 * a
            let x = DoubleDouble(nu) / (DoubleDouble(nu) + DoubleDouble.product(t, t))
            let y = DoubleDouble.product(t, t) / (DoubleDouble(nu) + DoubleDouble.product(t, t))
            // The branch `IncompleteBeta` takes: the fraction in x, or by symmetry in 1 − x.
            let (first, second, argument) = x.hi < (a + 1) / (a + 2.5) ? (a, 0.5, x) : (0.5, a, y)
            let plain = IncompleteBeta.continuedFraction(a: first, b: second, x: argument.hi)
            let accurate = IncompleteBeta.continuedFraction(a: first, b: second, x: argument)
            #expect(abs(plain - accurate) <= 1e-13 * abs(accurate), "a \(first) b \(second) t \(t): \(plain) vs \(accurate)")
        }
    }

    /// The plain fraction runs the Wallis recurrences and the double-double one the Lentz
    /// iteration: two evaluations that share only the fraction's terms. On random arguments
    /// over the plain range (a, b from ½ to 500, x from 0 up to the switch point, sometimes
    /// tiny) they agree to the plain fraction's 1e-13.
    @Test func wallisRecurrencesEqualTheDoubleDoubleLentzIteration() {
        var random = SeededGenerator(seed: 0x5EED_0010)
        for _ in 0..<20_000 {
            let a = random.chance(0.5) ? 0.5 : Double(random.int(1...1_000)) / 2
            let b = random.chance(0.5) ? 0.5 : Double(random.int(1...1_000)) / 2
            let unit = Double(random.next() >> 11) / 0x1p53
            let x = unit * (a + 1) / (a + b + 2) * (random.chance(0.1) ? 1e-9 : 1)
            let plain = IncompleteBeta.continuedFraction(a: a, b: b, x: x)
            let accurate = IncompleteBeta.continuedFraction(a: a, b: b, x: DoubleDouble(x))
            #expect(abs(plain - accurate) <= 1e-13 * abs(accurate), "a \(a) b \(b) x \(x): \(plain) vs \(accurate)")
        }
        // x = 0: the fraction is 1 at once.
        #expect(IncompleteBeta.continuedFraction(a: 3, b: 0.5, x: 0) == 1)
    }
}
