// MARK: - Double-double arithmetic

/// An unevaluated sum hi + lo of two `Double`s, |lo| ≤ ulp(hi)/2: about 32 significant digits.
///
/// Used only where a computation cancels many digits: the incomplete-beta continued fraction for
/// Student's t with large ν (a = ν/2 huge and x ≈ 1), where plain doubles lose about log10(ν)
/// digits, and the event study's prefix sums (`WindowMoments`), whose differences and centred
/// sums (Σy² − (Σy)²/n) cancel the digits the sums share. The error-free transformations are
/// Knuth's two-sum and the fused multiply-add two-product (Dekker 1971; Shewchuk 1997).
struct DoubleDouble: Sendable, Equatable {
    var hi: Double
    var lo: Double

    init(_ value: Double) {
        hi = value
        lo = 0
    }

    private init(hi: Double, lo: Double) {
        self.hi = hi
        self.lo = lo
    }

    /// hi + lo rounded to a `Double`.
    var value: Double { hi + lo }

    /// a + b exactly, as a normalized pair.
    @inline(__always)
    static func sum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bb = s - a
        return DoubleDouble(hi: s, lo: (a - (s - bb)) + (b - bb))
    }

    /// a·b exactly, as a normalized pair: p = a·b rounded, and the low part a·b − p, which is
    /// a `Double` exactly. Where both factors' magnitudes lie in [2⁻⁴⁴⁰, 2⁴⁴⁰) it comes from
    /// Dekker's split product (each factor cut into two 26-bit halves, whose four products and
    /// their sum with −p are exact: nothing overflows, and the lowest bit, at least 2⁻⁹⁸⁴, is far
    /// above the subnormals); elsewhere (0, subnormal, huge, non-finite) from one fused
    /// multiply-add. Both give that one exact value (a zero as +0), so the pair is the same bit
    /// for bit either way. The split is there for speed: built for the baseline x86-64, which has
    /// no FMA instruction, `addingProduct` is a call into the C library, around which every live
    /// floating-point register is saved and reloaded (the event study's prefix sums and fits).
    @inline(__always)
    static func product(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        guard isSplittable(a), isSplittable(b) else { return DoubleDouble(hi: p, lo: (-p).addingProduct(a, b)) }
        let (aHigh, aLow) = split(a)
        let (bHigh, bLow) = split(b)
        return DoubleDouble(hi: p, lo: (((aHigh * bHigh - p) + aHigh * bLow) + aLow * bHigh) + aLow * bLow)
    }

    /// Whether |value| lies in [2⁻⁴⁴⁰, 2⁴⁴⁰) (its biased exponent in 583…1462), where `product`
    /// splits it.
    @inline(__always)
    static func isSplittable(_ value: Double) -> Bool {
        (value.bitPattern >> 52 & 0x7FF) &- 583 < 880
    }

    /// Veltkamp's split of `value` (|value| < 2⁹⁹⁵) into high + low, each with at most 26
    /// significant bits, exactly.
    @inline(__always)
    static func split(_ value: Double) -> (high: Double, low: Double) {
        let scaled = 134_217_729 * value  // 2²⁷ + 1
        let high = scaled - (scaled - value)
        return (high, value - high)
    }

    /// Renormalizes s + e with |e| small against s.
    @inline(__always)
    private static func quick(_ s: Double, _ e: Double) -> DoubleDouble {
        let hi = s + e
        return DoubleDouble(hi: hi, lo: e - (hi - s))
    }

    /// x + y for a plain `Double` y: one two-sum, then the low parts (Bailey's dd + d).
    @inline(__always)
    static func + (x: DoubleDouble, y: Double) -> DoubleDouble {
        let s = sum(x.hi, y)
        return quick(s.hi, s.lo + x.lo)
    }

    @inline(__always)
    static func + (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let s = sum(x.hi, y.hi)
        let t = sum(x.lo, y.lo)
        let first = quick(s.hi, s.lo + t.hi)
        return quick(first.hi, first.lo + t.lo)
    }

    @inline(__always)
    static prefix func - (x: DoubleDouble) -> DoubleDouble {
        DoubleDouble(hi: -x.hi, lo: -x.lo)
    }

    @inline(__always)
    static func - (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble { x + (-y) }

    @inline(__always)
    static func * (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let p = product(x.hi, y.hi)
        return quick(p.hi, p.lo + (x.hi * y.lo + x.lo * y.hi))
    }

    /// x·y for a plain `Double` y.
    @inline(__always)
    static func * (x: DoubleDouble, y: Double) -> DoubleDouble {
        let p = product(x.hi, y)
        return quick(p.hi, p.lo + x.lo * y)
    }

    /// x / y to about 2⁻¹⁰⁴ relative (~31 digits): the quotient of the high parts and one
    /// correction from the exact remainder, the first two of the three steps of `/`. The third
    /// step moves the result by under 2⁻¹⁰⁴ of it, so a result read as a `Double` (or carried
    /// into sums of a few terms that are then read as one) is the same but within a hair of a
    /// rounding tie; about half the cost of `/`, whose three divisions depend on each other.
    @inline(__always)
    static func quotient(_ x: DoubleDouble, _ y: DoubleDouble) -> DoubleDouble {
        let first = x.hi / y.hi
        let remainder = x - y * DoubleDouble(first)
        return quick(first, remainder.hi / y.hi)
    }

    static func / (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let first = x.hi / y.hi
        let remainder = x - y * DoubleDouble(first)
        let second = remainder.hi / y.hi
        let rest = remainder - y * DoubleDouble(second)
        return quick(first, second) + DoubleDouble(rest.hi / y.hi)
    }
}
