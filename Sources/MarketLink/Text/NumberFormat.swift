import Foundation

// MARK: - Number formatting

/// The one number formatter: every number MarketLink writes — in a terminal table, Markdown, the
/// HTML report, an SVG chart, a sentence, CSV or JSON — is written here, without
/// `String(describing:)`, `String(format:)` or a locale, so the same value is the same bytes on
/// every machine.
///
/// Fixed point: the binary value times 10^decimals (an exact power of ten), rounded half away
/// from zero, written with ASCII digits; `,` between groups of three integer digits when asked,
/// `.` before the decimals. A value whose decimal text has at most `decimals` decimals and 15
/// significant digits (every price as read, and the difference of two such prices) prints as
/// exactly that text. Which decimals a close or a move is shown with is `DisplayPrecision`'s
/// decision, made once per series; this type only writes.
///
/// Signs: a negative value gets a minus unless it rounds to zero (never `-0`); with `plus`, a
/// positive value gets `+`, and a value that rounds to zero keeps the sign of the value
/// (`+0.00`, `-0.00`), so that a rise too small to show still reads as a rise. Non-finite values
/// are `nan`, `inf`, `-inf`; a value too large for 64-bit integer digits (|value| · 10^decimals
/// ≥ 9·10^18) falls back to Swift's shortest round-trip text (`1e+20`), also locale-free.
public enum NumberFormat {
    /// The character a negative number starts with.
    public enum Minus: Sendable, Equatable {
        /// `-` (U+002D): files, terminals and anything a reader may copy into a spreadsheet.
        case hyphen
        /// `−` (U+2212 MINUS SIGN): chart labels, where it is set as wide as `+`.
        case typographic
    }

    // MARK: - Powers of ten

    /// 10^0 … 10^22: every power of ten a `Double` holds exactly (5^22 < 2^53).
    private static let exactPowers: [Double] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
        1e21, 1e22,
    ]

    /// 10^exponent, exact, for `exponent` in 0…22 (clamped to that range).
    @inline(__always)
    static func power(_ exponent: Int) -> Double {
        exactPowers[min(max(exponent, 0), 22)]
    }

    /// `value` rounded half away from zero to `decimals` places (0…22), as a `Double`;
    /// non-finite values, and values too large to scale, pass through.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        let scale = power(decimals)
        let scaled = value * scale
        guard abs(scaled) < 9e15 else { return value }
        return scaled.rounded(.toNearestOrAwayFromZero) / scale
    }

    // MARK: - Writing

    /// Appends `value` with exactly `decimals` decimals (0…17): `-260.33`, `33833.61`.
    /// `grouping` inserts `,` every three integer digits; `plus` writes `+` before positive values;
    /// `trimZeros` drops trailing zeros after the decimal mark (and the mark when nothing is left);
    /// `minus` is the character negative values start with.
    public static func append(
        _ value: Double, decimals: Int, grouping: Bool = false, plus: Bool = false, trimZeros: Bool = false,
        minus: Minus = .hyphen, to buffer: inout [UInt8]
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxBytes) { scratch in
            guard let base = scratch.baseAddress else { return }
            let count = write(value, decimals: decimals, grouping: grouping, plus: plus, trimZeros: trimZeros, minus: minus, to: base)
            buffer.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        }
    }

    /// The most bytes `write` and `writeSignificant` write for one number: 19 integer digits, 6
    /// group marks, the decimal mark, 17 decimals and a 3-byte minus (46), or Swift's shortest
    /// text of a large value (at most 24).
    static let maxBytes = 48

    /// Writes `value` as `append` does, with the same options, at `out`, which must have room for
    /// `maxBytes` bytes; returns the number of bytes written. For writers that fill a buffer of
    /// known size without an array append per number.
    @inline(__always)
    static func write(
        _ value: Double, decimals: Int, grouping: Bool = false, plus: Bool = false, trimZeros: Bool = false,
        minus: Minus = .hyphen, to out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        guard value.isFinite else {
            return copy(value.isNaN ? Array("nan".utf8) : (value < 0 ? Array("-inf".utf8) : Array("inf".utf8)), to: out)
        }
        let requested = max(0, min(decimals, 17))
        let product = abs(value) * power(requested)
        guard product < 9.0e18 else {
            // Too large for integer digits: Swift's shortest round-trip text, also locale-free.
            return copy(Array(String(value).utf8), to: out)
        }
        // Rounded half away from zero without a call into the C library: 0 ≤ product < 9e18, so
        // its truncation is exact in a UInt64 and, below 2⁵³ (above it product is a whole
        // number), product − truncation is exact: the same as `rounded(.toNearestOrAwayFromZero)`.
        // (`Int64` first: one conversion instruction, where `UInt64` branches on 2⁶³.)
        var integer = UInt64(Int64(product))
        if product - Double(integer) >= 0.5 { integer += 1 }
        let isZero = integer == 0
        var places = requested
        if trimZeros {
            while places > 0, integer % 10 == 0 {
                integer /= 10
                places -= 1
            }
        }
        if !grouping, !plus, minus == .hyphen {
            return writePlain(integer, places: places, negative: value < 0 && !isZero, to: out)
        }
        // Digits go right to left into a small stack buffer, then to `out` in one copy.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxBytes) { scratch in
            var at = maxBytes
            @inline(__always) func put(_ byte: UInt8) {
                at -= 1
                scratch[at] = byte
            }
            // Two digits per 64-bit division where no separator can fall between them (the
            // same digits as one at a time: d₀ = n mod 10, d₁ = ⌊n/10⌋ mod 10 = (n mod 100) div 10).
            @inline(__always) func putPair() {
                let pair = UInt32(truncatingIfNeeded: integer % 100)
                integer /= 100
                put(UInt8(truncatingIfNeeded: 48 &+ pair % 10))
                put(UInt8(truncatingIfNeeded: 48 &+ pair / 10))
            }
            var fraction = 0
            while fraction + 2 <= places {
                putPair()
                fraction += 2
            }
            if fraction < places {
                put(UInt8(truncatingIfNeeded: 48 &+ integer % 10))
                integer /= 10
            }
            if places > 0 { put(UInt8(ascii: ".")) }
            if grouping {
                var count = 0
                repeat {
                    if count > 0, count % 3 == 0 { put(UInt8(ascii: ",")) }
                    put(UInt8(truncatingIfNeeded: 48 &+ integer % 10))
                    integer /= 10
                    count += 1
                } while integer > 0
            } else {
                while integer >= 100 { putPair() }
                if integer >= 10 {
                    putPair()
                } else {
                    put(UInt8(truncatingIfNeeded: 48 &+ integer))
                }
            }
            // The sign follows the value, so a rise too small to show still reads "+0.00".
            if value < 0, !isZero || plus {
                switch minus {
                case .hyphen: put(UInt8(ascii: "-"))
                case .typographic:
                    // U+2212 in UTF-8, written backwards like the digits.
                    put(0x92)
                    put(0x88)
                    put(0xE2)
                }
            } else if plus, value > 0 {
                put(UInt8(ascii: "+"))
            }
            guard let base = scratch.baseAddress else { return 0 }
            out.update(from: base + at, count: maxBytes - at)
            return maxBytes - at
        }
    }

    /// Writes the whole number `value` as `write(Double(value), decimals: 0, to: out)` does (room for
    /// `maxBytes` bytes at `out`); returns the number of bytes written. 0…999 (an event study's
    /// counts) directly from the digit pairs, anything else by `write`.
    @inline(__always)
    static func writeInteger(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard value >= 0, value < 1_000 else { return write(Double(value), decimals: 0, to: out) }
        let pairs = UnsafeRawPointer(digitPairs.utf8Start)
        // The last two digits as a pair, the hundreds before them; the length skips leading zeros.
        let count = value < 10 ? 1 : (value < 100 ? 2 : 3)
        let raw = UnsafeMutableRawPointer(out)
        let hundreds = value / 100
        let rest = value - 100 * hundreds
        let pair = pairs.loadUnaligned(fromByteOffset: 2 &* rest, as: UInt16.self)
        switch count {
        case 1: out.pointee = UInt8(truncatingIfNeeded: 48 &+ value)
        case 2: raw.storeBytes(of: pair, as: UInt16.self)
        default:
            out.pointee = UInt8(truncatingIfNeeded: 48 &+ hundreds)
            raw.storeBytes(of: pair, toByteOffset: 1, as: UInt16.self)
        }
        return count
    }

    /// The digit pairs 00 … 99, two ASCII bytes each.
    private static let digitPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// 10^0 … 10^19 as integers.
    private static let integerPowers: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ]

    /// The number of decimal digits of `value` (1 for 0).
    @inline(__always)
    static func decimalDigits(_ value: UInt64) -> Int {
        let bits = 64 - (value | 1).leadingZeroBitCount
        // ⌊bits · log10(2)⌋ (1233/4096 ≈ 0.30103), at most one below the digit count.
        let guess = (bits &* 1233) >> 12
        // `value | 1`: 0 has one digit; for every other value the same comparison (10^k ≥ 10 is even).
        return guess &+ (value | 1 >= integerPowers[guess] ? 1 : 0)
    }

    /// `write` without grouping, plus or the typographic minus: `integer` (the rounded value times
    /// 10^places) as `-ddd.ddd`, written straight into `out` (its length is known from the digit
    /// count): all its digits, zero-padded to at least places + 1, one byte to the right, in
    /// groups of eight and four from a table of digit pairs (short dependency chains), then the
    /// whole part moved left by one for the decimal mark. The same bytes as the general path.
    @inline(__always)
    private static func writePlain(_ integer: UInt64, places: Int, negative: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = max(decimalDigits(integer), places + 1)  // with the zeros before a fraction
        let sign = negative ? 1 : 0
        let start = sign + (places > 0 ? 1 : 0)
        writeDigits(integer, count: digits, end: out + start + digits)
        if places > 0 {
            let whole = digits - places
            for k in 0..<whole { out[sign + k] = out[sign + k + 1] }
            out[sign + whole] = UInt8(ascii: ".")
        }
        if negative { out[0] = UInt8(ascii: "-") }
        return start + digits
    }

    /// Writes the last `count` (1…19) decimal digits of `value`, zero-padded, ending before `end`.
    @inline(__always)
    private static func writeDigits(_ value: UInt64, count: Int, end: UnsafeMutablePointer<UInt8>) {
        var rest = value
        var left = count
        var at = end
        while left > 8 {
            let low = UInt32(truncatingIfNeeded: rest % 100_000_000)
            rest /= 100_000_000
            at -= 8
            writeEight(low, at: at)
            left -= 8
        }
        var small = UInt32(truncatingIfNeeded: rest)
        let pairs = UnsafeRawPointer(digitPairs.utf8Start)
        while left >= 2 {
            let pair = Int(small % 100)
            small /= 100
            at -= 2
            UnsafeMutableRawPointer(at).storeBytes(of: pairs.loadUnaligned(fromByteOffset: 2 &* pair, as: UInt16.self), as: UInt16.self)
            left -= 2
        }
        if left == 1 { (at - 1).pointee = UInt8(truncatingIfNeeded: 48 &+ small % 10) }
    }

    /// Writes `value` (below 10^8) as exactly eight digits at `at` (`eightDigits`, one store).
    @inline(__always)
    private static func writeEight(_ value: UInt32, at: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(at).storeBytes(of: eightDigits(value).littleEndian, as: UInt64.self)
    }

    /// Copies `bytes` (at most `maxBytes`) to `out`; returns their count.
    private static func copy(_ bytes: [UInt8], to out: UnsafeMutablePointer<UInt8>) -> Int {
        let count = min(bytes.count, maxBytes)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { out.update(from: base, count: count) }
        }
        return count
    }

    /// `value` with `decimals` decimals as a `String` (see `append`).
    public static func string(
        _ value: Double, decimals: Int, grouping: Bool = false, plus: Bool = false, trimZeros: Bool = false,
        minus: Minus = .hyphen
    ) -> String {
        var buffer: [UInt8] = []
        append(value, decimals: decimals, grouping: grouping, plus: plus, trimZeros: trimZeros, minus: minus, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends `value` with `digits` significant digits (1…15), trailing zeros trimmed, so that
    /// its relative error is at most half a unit in the last digit at every magnitude:
    /// - fixed point while that needs at most 17 decimals (magnitudes from 10^(digits − 18) up):
    ///   0.00676418364757847 → `0.00676418364758`, 123456.789012345 → `123456.789012` for 12 digits;
    /// - below that, exponent notation with the mantissa's trailing zeros trimmed and the exponent
    ///   without padding: 1.1076e-42 → `1.1076e-42`, 3.2e-7 → `3.2e-7` (a p-value or a tiny
    ///   return, which 17 fixed decimals would cut to a few digits or to `0`).
    /// Non-finite values are written as `append` writes them; 0 is `0`.
    public static func appendSignificant(_ value: Double, digits: Int, to buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxBytes) { scratch in
            guard let base = scratch.baseAddress else { return }
            let count = writeSignificant(value, digits: digits, to: base)
            buffer.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        }
    }

    /// Writes `value` as `appendSignificant` does at `out`, which must have room for `maxBytes`
    /// bytes; returns the number of bytes written.
    @inline(__always)
    static func writeSignificant(_ value: Double, digits: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = max(1, min(digits, 15))
        return writeSignificant(value, digits: digits, fixed: FixedSignificand(value, digits: digits), to: out)
    }

    /// Writes `value` as `writeSignificant` does, with `fixed` worked out beforehand
    /// (`FixedSignificand(value, digits: digits)`): a row of numbers computes all of theirs first,
    /// in a loop of independent steps, and then writes them, instead of waiting on each number's
    /// long chain of dependent steps in turn.
    @inline(__always)
    static func writeSignificant(_ value: Double, digits: Int, fixed: FixedSignificand, to out: UnsafeMutablePointer<UInt8>) -> Int {
        fixed.integer > 0 ? fixed.write(negative: value < 0, to: out) : writeSignificantGeneral(value, digits: digits, to: out)
    }

    /// `writeSignificant` by the general path alone: the exponent found by the loops below, then
    /// `write` or exponent notation. Every value `writeSignificantFixed` leaves alone comes here;
    /// tests compare the two on the values it takes.
    static func writeSignificantGeneral(_ value: Double, digits: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = max(1, min(digits, 15))
        let magnitude = abs(value)
        var exponent = 0  // floor(log10(magnitude)), found by comparison
        if magnitude >= 1 {
            while exponent < 17, magnitude >= power(exponent + 1) { exponent += 1 }
        } else if magnitude > 0 {
            var scaled = magnitude
            while exponent > -17, scaled < 1 {
                scaled *= 10
                exponent -= 1
            }
        }
        guard digits - 1 - exponent > 17, magnitude.isFinite else {
            return write(value, decimals: max(0, digits - 1 - exponent), trimZeros: true, to: out)
        }
        var text: [UInt8] = []
        appendExponent(value, digits: digits, to: &text)
        return copy(text, to: out)
    }

    /// `writeSignificant` for the values nearly every CSV cell holds, 1e-6 ≤ |value| < 1e15, with
    /// `digits` (1…15) already clamped: `FixedSignificand(value, digits:).write(negative:to:)`;
    /// returns 0 (no bytes written that count) for any other value, which
    /// `writeSignificantGeneral` takes. The same bytes as that path with few branches, because
    /// that path's loops and digit counts depend on the value, and a column of mixed magnitudes
    /// mispredicts them on every other number:
    /// - the exponent is the one the general path's loops find: ⌊log10 m⌋ from the binary
    ///   exponent's estimate ⌊e₂·log10 2⌋ (1233/4096, exact for these e₂) and one comparison with
    ///   the next power of ten. Below 1 the loop multiplies by 10 and rounds at each step, which
    ///   can only matter within a few ulps of a power of ten, so values within 1e-13 of one are
    ///   left to it;
    /// - `write`'s rounding, to the same integer (below 10^16 here), whose 16 digits are made in
    ///   two words without a table (`eightDigits`);
    /// - the whole part (at least one digit), the decimal mark and the decimals without their
    ///   trailing zeros are those words shifted by whole bytes and stored as words, their lengths
    ///   from the zero bytes at either end. Bytes past the returned length are scratch (`out` has
    ///   room for `maxBytes`).
    @inline(__always)
    static func writeSignificantFixed(_ value: Double, digits: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let fixed = FixedSignificand(value, digits: digits)
        return fixed.integer > 0 ? fixed.write(negative: value < 0, to: out) : 0
    }

    /// A value's digits for `writeSignificantFixed`: the rounded integer and its decimal places,
    /// or `integer` 0 where the general path writes the value.
    struct FixedSignificand {
        /// |value| · 10^places, rounded as `write` rounds it (1 ≤ integer < 10^16), or 0.
        private(set) var integer: UInt64
        private(set) var places: Int

        /// The digits of `value` with `digits` (1…15) significant digits, or `integer` 0 when
        /// the value is outside 1e-6 ≤ |value| < 1e15 (nan included), within 1e-13 of a power of
        /// ten, or needs exponent notation.
        @inline(__always)
        init(_ value: Double, digits: Int) {
            integer = 0
            places = 0
            let magnitude = abs(value)
            guard magnitude >= 1e-6, magnitude < 1e15 else { return }
            // ⌊log10 m⌋ is guess or guess + 1 (guess = ⌊e₂·log10 2⌋ for the binary exponent e₂).
            let binary = Int(truncatingIfNeeded: magnitude.bitPattern >> 52) &- 1023
            let guess = (binary &* 1233) >> 12
            let next = NumberFormat.nearPowers[guess &+ 9]  // 10^(guess + 1)
            // The general path's loop below 1 rounds each product m·10, (m·10)·10, …: within 1e-13
            // of a power of ten (where that rounding could decide) it is left to that loop.
            guard abs(magnitude - next) > 1e-13 * next else { return }
            let exponent = guess &+ (magnitude >= next ? 1 : 0)
            let decimals = digits &- 1 &- exponent
            guard decimals <= 17 else { return }
            let places = max(0, decimals)
            let product = magnitude * NumberFormat.power(places)
            guard product < 1e16 else { return }
            var integer = UInt64(Int64(product))
            integer &+= product - Double(integer) >= 0.5 ? 1 : 0
            self.integer = integer
            self.places = places
        }

        /// Writes the number (`integer` above 0) at `out`, which has room for `maxBytes` bytes;
        /// returns the number of bytes written.
        @inline(__always)
        func write(negative: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
            // The 16 digits (zero-padded) in two words, the first digit in the low byte of the first,
            // so that the whole part and the decimals are the pair shifted right by whole bytes
            // (stored little-endian, low byte first, on any machine).
            let first = NumberFormat.eightDigits(UInt32(truncatingIfNeeded: integer / 100_000_000))
            let second = NumberFormat.eightDigits(UInt32(truncatingIfNeeded: integer % 100_000_000))
            let zeros: UInt64 = 0x3030_3030_3030_3030
            let firstBits = first ^ zeros  // zero bytes where the digit is 0
            let secondBits = second ^ zeros
            let leadingZeros = firstBits != 0 ? firstBits.trailingZeroBitCount >> 3 : 8 &+ secondBits.trailingZeroBitCount >> 3
            let trailingZeros = secondBits != 0 ? secondBits.leadingZeroBitCount >> 3 : 8 &+ firstBits.leadingZeroBitCount >> 3
            let kept = places &- min(trailingZeros, places)
            let whole = max(16 &- leadingZeros &- places, 1)
            let sign = negative ? 1 : 0
            let raw = UnsafeMutableRawPointer(out)
            raw.storeBytes(of: UInt8(ascii: "-"), as: UInt8.self)
            // The whole part; from 16 decimals up (integer < 10^16 ≤ 10^places) it is `0`.
            let wholeStart = 16 &- places &- whole
            let wholeText = wholeStart >= 0 ? NumberFormat.digitBytes(from: wholeStart, first, second) : (zeros, zeros)
            raw.storeBytes(of: wholeText.0.littleEndian, toByteOffset: sign, as: UInt64.self)
            raw.storeBytes(of: wholeText.1.littleEndian, toByteOffset: sign &+ 8, as: UInt64.self)
            let mark = sign &+ whole
            raw.storeBytes(of: UInt8(ascii: "."), toByteOffset: mark, as: UInt8.self)
            // The decimals (none with 0 places: they are written, then not counted); with 17 of
            // them, a `0` and then all 16 digits.
            let fractionStart = 16 &- places
            let fraction = fractionStart >= 0 ? NumberFormat.digitBytes(from: fractionStart, first, second) : (first &<< 8 | 0x30, second &<< 8 | first &>> 56)
            raw.storeBytes(of: fraction.0.littleEndian, toByteOffset: mark &+ 1, as: UInt64.self)
            raw.storeBytes(of: fraction.1.littleEndian, toByteOffset: mark &+ 9, as: UInt64.self)
            raw.storeBytes(of: UInt8(truncatingIfNeeded: second &>> 56), toByteOffset: mark &+ 17, as: UInt8.self)
            return mark &+ (kept > 0 ? 1 &+ kept : 0)
        }
    }

    /// The 16 bytes of `first` (bytes 0–7) and `second` (8–15) from byte `offset` (0…16) on, as
    /// two words, the bytes past the end 0 (at 16, garbage that is never counted).
    @inline(__always)
    private static func digitBytes(from offset: Int, _ first: UInt64, _ second: UInt64) -> (UInt64, UInt64) {
        let bits = UInt64(truncatingIfNeeded: offset &* 8) & 63
        guard offset < 8 else { return (second &>> bits, 0) }
        return ((first &>> bits) | ((second &<< 1) &<< (63 &- bits)), second &>> bits)
    }

    /// 10^−8 … 10^17, each the `Double` nearest it (exact from 10^0 up): `nearPowers[k + 8]` is 10^k.
    private static let nearPowers: [Double] = [
        1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
    ]

    /// `value` (below 10^8) as eight ASCII digits in one word, the first digit in its low byte
    /// (so that stored little-endian they read left to right), by splitting in lanes: into two
    /// groups of four (32-bit lanes), each into two pairs (16-bit lanes), each pair into two
    /// digits (bytes). A lane's quotient by 100 is (x · 5243) >> 19 for x < 10^4, by 10
    /// (x · 103) >> 10 for x < 100, and no lane's product reaches the next lane.
    @inline(__always)
    static func eightDigits(_ value: UInt32) -> UInt64 {
        let value = UInt64(value)
        let thousands = value / 10_000
        let fours = thousands | (value &- thousands &* 10_000) << 32
        let hundreds = ((fours &* 5243) >> 19) & 0x0000_007F_0000_007F
        let pairs = hundreds | (fours &- hundreds &* 100) << 16
        let tens = ((pairs &* 103) >> 10) & 0x000F_000F_000F_000F
        let digits = tens | (pairs &- tens &* 10) << 8
        return digits | 0x3030_3030_3030_3030
    }

    /// `value` (finite, not zero) as `d.ddde-N` with `digits` significant digits (1…15), the
    /// mantissa's trailing zeros trimmed.
    private static func appendExponent(_ value: Double, digits: Int, to buffer: inout [UInt8]) {
        let magnitude = abs(value)
        var exponent = Int(log10(magnitude).rounded(.down))
        // magnitude · 10^−exponent, by exact powers of ten (each step rounds once: a few ulps in
        // all, far below the last digit kept).
        var mantissa = magnitude
        var remaining = -exponent
        while remaining > 22 {
            mantissa *= power(22)
            remaining -= 22
        }
        while remaining < -22 {
            mantissa /= power(22)
            remaining += 22
        }
        mantissa = remaining >= 0 ? mantissa * power(remaining) : mantissa / power(-remaining)
        if mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        } else if mantissa < 1 {
            mantissa *= 10
            exponent -= 1
        }
        var integer = (mantissa * power(digits - 1)).rounded(.toNearestOrAwayFromZero)
        if integer >= power(digits) {  // 9.9999… rounded up to 10
            integer /= 10
            exponent += 1
        }
        let signed = value < 0 ? -integer : integer
        append(signed / power(digits - 1), decimals: digits - 1, trimZeros: true, to: &buffer)
        buffer.append(UInt8(ascii: "e"))
        if exponent < 0 { buffer.append(UInt8(ascii: "-")) }
        buffer.append(contentsOf: Array(String(exponent.magnitude).utf8))
    }

    /// The shortest decimal text that reads back as the same `Double` (for JSON and full-precision CSV).
    public static func shortest(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    // MARK: - Charts

    /// An SVG coordinate or length: at most two decimals, trailing zeros dropped, ASCII `-`,
    /// never `-0`. `12.5`, `100`, `-3.25`.
    static func coordinate(_ value: Double) -> String {
        string(value, decimals: 2, trimZeros: true)
    }

    /// A chart tick or tooltip label: exactly `decimals` decimals, thousands separated, with the
    /// typographic minus U+2212. `30,500`, `100.5`, `−0.25`.
    static func label(_ value: Double, decimals: Int) -> String {
        string(value, decimals: decimals, grouping: true, minus: .typographic)
    }
}
