import Foundation
import Testing

@testable import MarketLink

// `DoubleDouble.product` takes a·b's low part from Dekker's split product where both factors lie
// in [2⁻⁴⁴⁰, 2⁴⁴⁰), and from a fused multiply-add elsewhere. The low part is meant to be the one
// exact value a·b − p either way, so every pair must have the bits of p = a·b and
// fma(−p, a, b) (`addingProduct`, correctly rounded by IEEE 754, here exact), which the
// prefix sums of the event study had before.
@Suite struct SplitProductTests {
    /// The reference pair: the product and its error from one fused multiply-add.
    static func fused(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    /// A double with a random sign, a binary exponent in `exponents` and a significand that is
    /// random, or has only a few bits (whole numbers, halves: products whose low part is 0).
    static func value(_ random: inout SeededGenerator, exponents: ClosedRange<Int>) -> Double {
        let significand: Double
        switch random.int(0...9) {
        case 0: significand = Double(random.int(1...255)) / 128  // a few bits
        case 1: significand = 2 - 0x1p-52 * Double(random.int(0...3))  // all bits set
        default: significand = 1 + Double(random.next() >> 12) * 0x1p-52
        }
        let magnitude = Double(sign: .plus, exponent: random.int(exponents), significand: significand)
        return random.chance(0.5) ? -magnitude : magnitude
    }

    @Test func splitProductIsTheFusedProductBitForBit() {
        var random = SeededGenerator(seed: 0x5EED_0D0B)
        var split = 0
        for _ in 0..<200_000 {
            // Mostly the event study's magnitudes (returns ~2⁻⁷, their squares), also the whole
            // split range up to its edges.
            let range = random.chance(0.7) ? -30...4 : -441...440
            let (a, b) = (Self.value(&random, exponents: range), Self.value(&random, exponents: range))
            if DoubleDouble.isSplittable(a), DoubleDouble.isSplittable(b) { split += 1 }
            let product = DoubleDouble.product(a, b)
            let reference = Self.fused(a, b)
            #expect(Self.same(product.hi, reference.hi) && Self.same(product.lo, reference.lo), "\(a) × \(b): \(product) vs \(reference)")
        }
        #expect(split > 150_000)
    }

    @Test func productIsExactOnShortSignificands() {
        // Factors with at most 26 significant bits: a·b has at most 52 and is a Double, so the
        // low part must be exactly 0 (+0), and with 27 bits each the low part is what is left of
        // the exact integer product after rounding, computed here in integers.
        var random = SeededGenerator(seed: 0x5EED_0D0C)
        for _ in 0..<20_000 {
            let m = UInt64(random.int(1 << 26...(1 << 27) - 1))
            let n = UInt64(random.int(1 << 26...(1 << 27) - 1))
            let (ea, eb) = (random.int(-200...200), random.int(-200...200))
            let a = Double(sign: .plus, exponent: ea - 26, significand: Double(m))
            let b = Double(sign: .plus, exponent: eb - 26, significand: Double(n))
            let product = DoubleDouble.product(a, b)
            // m·n < 2⁵⁴: exact in UInt64; p is its rounding to 53 bits, lo the rest, both scaled by 2^(ea + eb − 52).
            let exact = m * n
            let rounded = UInt64(Double(exact))
            let rest = Int64(bitPattern: exact &- rounded)
            let scale = Double(sign: .plus, exponent: ea + eb - 52, significand: 1)
            #expect(product.hi == Double(rounded) * scale)
            #expect(product.lo == Double(rest) * scale)
            #expect(product.lo.bitPattern == (Double(rest) * scale).bitPattern, "\(a) × \(b)")
            let short = DoubleDouble.product(Double(m >> 1) * scale, Double(n >> 1))
            #expect(short.lo.bitPattern == 0.0.bitPattern)
        }
    }

    @Test func outsideTheSplitRangeTheFusedProductIsUsed() {
        let edges: [Double] = [
            0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .leastNormalMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude,
            0x1p-441, 0x1.fffffffffffffp-441, 0x1p-440, -0x1p-440, 0x1.fffffffffffffp439, 0x1p440, -0x1p440, 0x1p500, 1e-300, 1e300, 3, -0.1,
        ]
        #expect(DoubleDouble.isSplittable(0x1p-440) && DoubleDouble.isSplittable(-0x1.fffffffffffffp439))
        #expect(!DoubleDouble.isSplittable(0x1.fffffffffffffp-441) && !DoubleDouble.isSplittable(0x1p440))
        #expect(![0, -0.0, .infinity, .nan, .leastNonzeroMagnitude].contains { DoubleDouble.isSplittable($0) })
        for a in edges {
            for b in edges {
                let product = DoubleDouble.product(a, b)
                let reference = Self.fused(a, b)
                #expect(Self.same(product.hi, reference.hi) && Self.same(product.lo, reference.lo), "\(a) × \(b)")
            }
        }
    }
}
