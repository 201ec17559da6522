import Foundation
import Testing

@testable import MarketLink

// The event study takes its Student-t p-values through `StudentT.PValues`, which keeps √ν and
// ln B(ν/2, ½) per whole ν and runs two continued fractions side by side in the lanes of a SIMD2.
// Both are meant to change nothing: every value must have the bits `StudentT.twoSidedP` (itself
// checked against published values in `DistributionsTests`) gives one statistic at a time.
@Suite struct PairedPValueTests {
    /// The same bits (NaN equal to NaN).
    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    @Test func twoFractionsSideBySideAreEachFractionAlone() {
        var random = SeededGenerator(seed: 0x5EED_0007)
        for _ in 0..<20_000 {
            // Arguments over the range the plain-double fraction serves (a, b ≤ 500), with x on
            // either side of the switch point, so the lanes converge after different numbers of terms.
            func argument() -> (a: Double, b: Double, x: Double) {
                let a = random.chance(0.5) ? 0.5 : Double(random.int(1...1_000)) / 2
                let b = random.chance(0.5) ? 0.5 : Double(random.int(1...1_000)) / 2
                let x = Double(random.next() >> 11) / 0x1p53 * (a + 1) / (a + b + 2)
                return (a, b, random.chance(0.1) ? x * 1e-6 : x)
            }
            let (first, second) = (argument(), argument())
            let pair = IncompleteBeta.continuedFractions(
                a: SIMD2(first.a, second.a), b: SIMD2(first.b, second.b), x: SIMD2(first.x, second.x))
            let alone = (
                IncompleteBeta.continuedFraction(a: first.a, b: first.b, x: first.x),
                IncompleteBeta.continuedFraction(a: second.a, b: second.b, x: second.x)
            )
            #expect(Self.same(pair[0], alone.0), "\(first): \(pair[0]) vs \(alone.0)")
            #expect(Self.same(pair[1], alone.1), "\(second): \(pair[1]) vs \(alone.1)")
        }
    }

    /// t and ν as an event study meets them (ν = L − 2 around 238, |t| mostly under 4), and the
    /// edges: t = 0, ±∞, NaN, huge and tiny |t|; ν fractional, beyond the cache, past the
    /// plain-double limit (the double-double fraction), ∞, 0, negative and NaN.
    static func statistic(_ random: inout SeededGenerator) -> (t: Double, nu: Double) {
        let t: Double
        switch random.int(0...19) {
        case 0: t = random.pick([0, -0.0, .infinity, -.infinity, .nan, 1e200, -1e-200, 1e-9])
        case 1...3: t = (Double(random.next() >> 11) / 0x1p53 - 0.5) * 80
        default: t = (Double(random.next() >> 11) / 0x1p53 - 0.5) * 8
        }
        let nu: Double
        switch random.int(0...19) {
        case 0: nu = random.pick([0.5, 2.5, 236.5, 0, -3, .nan, .infinity, 4_097, 10_000, 2_500])
        case 1...3: nu = Double(random.int(1...4_096))
        default: nu = Double(random.int(230...238))
        }
        return (t, nu)
    }

    @Test func cachedConstantsGiveTheSameValues() {
        var random = SeededGenerator(seed: 0x5EED_0008)
        var pValues = StudentT.PValues()
        for _ in 0..<20_000 {
            let (t, nu) = Self.statistic(&random)
            let expected = StudentT.twoSidedP(t, degreesOfFreedom: nu)
            let cached = pValues.twoSidedP(t, degreesOfFreedom: nu)
            #expect(Self.same(cached, expected), "t \(t) ν \(nu): \(cached) vs \(expected)")
        }
    }

    @Test func pairsGiveTheValuesOfEachAlone() {
        var random = SeededGenerator(seed: 0x5EED_0009)
        var pValues = StudentT.PValues()
        for _ in 0..<20_000 {
            let (first, second) = (Self.statistic(&random), Self.statistic(&random))
            let pair = pValues.twoSidedP((first.t, second.t), degreesOfFreedom: (first.nu, second.nu))
            let expected = (StudentT.twoSidedP(first.t, degreesOfFreedom: first.nu), StudentT.twoSidedP(second.t, degreesOfFreedom: second.nu))
            #expect(Self.same(pair.0, expected.0), "t \(first.t) ν \(first.nu): \(pair.0) vs \(expected.0)")
            #expect(Self.same(pair.1, expected.1), "t \(second.t) ν \(second.nu): \(pair.1) vs \(expected.1)")
        }
    }

    /// A few values worked out independently (`2 * scipy.stats.t.sf(abs(t), nu)`, scipy 1.17).
    @Test(arguments: [
        (2.0, 238.0, 0.046636757436656115), (-1.0, 238.0, 0.3183261228871938), (0.25, 30.0, 0.8042914090805752),
    ])
    func pairedValuesMatchPublishedOnes(t: Double, nu: Double, expected: Double) {
        var pValues = StudentT.PValues()
        let pair = pValues.twoSidedP((t, 1.5), degreesOfFreedom: (nu, 238))
        #expect(abs(pair.0 - expected) <= 1e-13 * expected, "\(pair.0)")
    }
}
