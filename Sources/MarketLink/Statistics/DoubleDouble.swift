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

    /// a·b exactly, as a normalized pair (the low part from one fused multiply-add).
    @inline(__always)
    static func product(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        return DoubleDouble(hi: p, lo: (-p).addingProduct(a, b))
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
