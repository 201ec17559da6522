// MARK: - Display precision

/// How many decimals a series' closes and moves are shown with, and which value a close as
/// written stands for — decided once per series from all its closes (`Series.display`), and
/// used by every output a person reads: terminal tables, Markdown, the HTML report, SVG charts
/// and sentences. CSV and JSON keep the closes as read.
///
/// Vendors write prices with digits the data does not carry. Yahoo stores single-precision
/// floats and writes each with six decimals: `33833.609375` is float32(33833.61) exactly,
/// `3204.639893` is float32(3204.64) printed `%.6f`; yfinance widens the same float to a double
/// and writes it in full (`3204.639892578125`). Arithmetic in a spreadsheet or a script leaves
/// double-precision noise instead (`33833.61000000001`). A close shown as `33,833.6094`, or a
/// move as `+260.3281`, reports noise as if it were data.
///
/// The rule, with d the most decimals any close is written with (`Series.decimals`, at most 10):
///
/// 1. **Single-precision storage** (only when d ≥ 6, as Yahoo and yfinance write): if every
///    close x, taken to the nearest float32 f and written back with d decimals, gives the text
///    x was written with (|x − f| ≤ ½·10^−d, a tie rounded either way), the closes are floats. Each then stands for the shortest decimal that
///    rounds to the same float32 (k(x) decimals: 33833.609375 → 33833.61, k = 2), and the
///    series is shown with the largest k over its closes (usually 2). Trailing zeros of `%.6f`
///    (`3204.500000`) carry nothing either.
/// 2. **Double-precision noise**: otherwise each close stands for the shortest decimal, of at
///    most d decimals, within 4 units in the last place of x (33833.61000000001 → 33833.61;
///    about 15.4 significant digits, so text with real digits is never taken for noise). When
///    some close differs from the decimal it stands for — noise was seen — the series is shown
///    with the largest such decimal count.
/// 3. **As written**: otherwise every close is shown with d decimals, trailing zeros included
///    (`100.50` stays `100.50`: a writer that pads to cents means cents).
///
/// A move is the difference of the values two closes stand for, shown with the same decimals
/// (`33833.609375 − 33573.28125` is shown `+260.33`, not `+260.3281`). An empty series is
/// shown as written (2 decimals unless told otherwise).
public struct DisplayPrecision: Sendable, Hashable {
    /// How the closes were stored before they were written, as far as their text tells.
    public enum Storage: Sendable, Hashable {
        /// Decimal text with the digits the data carries.
        case decimal
        /// Single-precision floats written with more digits than they carry (rule 1).
        case float32
        /// Decimals with double-precision noise in the last digits (rule 2).
        case float64
    }

    /// Decimals shown for closes and moves.
    public let decimals: Int
    /// How the closes were stored, which says what each stands for (`value(_:)`).
    public let storage: Storage

    /// Closes as written with `decimals` decimals (0…17), no noise to see through.
    public init(decimals: Int) {
        self.decimals = max(0, min(decimals, 17))
        self.storage = .decimal
    }

    init(decimals: Int, storage: Storage) {
        self.decimals = max(0, min(decimals, 17))
        self.storage = storage
    }

    /// Two decimals, as written: for moves that come with no series.
    public static let cents = DisplayPrecision(decimals: 2)

    /// The precision `closes` carry when the most decimals any of them is written with is
    /// `writtenDecimals` (see the rule above). Linear in the closes; a series written with its
    /// own digits is usually decided within its first few closes.
    public init(closes: [Double], writtenDecimals: Int) {
        let written = max(0, min(writtenDecimals, 10))
        if written >= 6, let shown = DisplayPrecision.float32Decimals(closes, written: written) {
            self.init(decimals: shown, storage: .float32)
            return
        }
        if let shown = DisplayPrecision.float64Decimals(closes, written: written) {
            self.init(decimals: shown, storage: .float64)
            return
        }
        self.init(decimals: written)
    }

    // MARK: - Values

    /// The value a close as written stands for: the close itself for decimal text, the shortest
    /// decimal of the same float32 or within the noise otherwise (`33833.609375` → 33833.61).
    public func value(_ close: Double) -> Double {
        guard close.isFinite else { return close }
        switch storage {
        case .decimal:
            return close
        case .float32:
            let single = Float(close)
            let widened = Double(single)
            for places in 0...decimals {
                let candidate = NumberFormat.rounded(widened, decimals: places)
                if Float(candidate) == single { return candidate }
            }
            return close
        case .float64:
            for places in 0...decimals {
                let candidate = NumberFormat.rounded(close, decimals: places)
                if DisplayPrecision.isNoise(candidate, of: close) { return candidate }
            }
            return close
        }
    }

    /// The move from `base` to `end` as the values they stand for: end − base, rounded to the
    /// decimals shown.
    public func points(from base: Double, to end: Double) -> Double {
        NumberFormat.rounded(value(end) - value(base), decimals: decimals)
    }

    // MARK: - Text

    /// A close as people read it: `33,833.61` (thousands grouped unless `grouping` is false).
    public func text(_ close: Double, grouping: Bool = true, minus: NumberFormat.Minus = .hyphen) -> String {
        NumberFormat.string(value(close), decimals: decimals, grouping: grouping, minus: minus)
    }

    /// A move in points: `+260.33`, `-1,020.15`; `signed: false` gives the magnitude alone
    /// (`260.33`), as a sentence writes it after "rose" or "fell".
    public func pointsText(from base: Double, to end: Double, signed: Bool = true) -> String {
        let move = points(from: base, to: end)
        return NumberFormat.string(signed ? move : abs(move), decimals: decimals, grouping: true, plus: signed)
    }

    // MARK: - The rule

    /// Rule 1: the decimals shown when every close is a float32 written with `written`
    /// decimals, or `nil` when one is not.
    static func float32Decimals(_ closes: [Double], written: Int) -> Int? {
        var shown = 0
        for close in closes {
            guard close.isFinite else { return nil }
            let single = Float(close)
            let widened = Double(single)
            // The text as written is the float with `written` decimals, rounded either way at a
            // tie (Python's `%.6f` rounds half to even, 33426.0078125 → 33426.007812).
            guard abs(close - widened) <= 0.5 / NumberFormat.power(written) + 2 * close.ulp else { return nil }
            var places = 0
            while places < written, Float(NumberFormat.rounded(widened, decimals: places)) != single { places += 1 }
            shown = max(shown, places)
        }
        return closes.isEmpty ? nil : shown
    }

    /// Rule 2: the decimals shown when noise was seen, or `nil` when every close is its own
    /// shortest decimal (or one needs all `written` decimals, so there is nothing to drop).
    static func float64Decimals(_ closes: [Double], written: Int) -> Int? {
        var shown = 0
        var noisy = false
        for close in closes where close.isFinite {
            var places = 0
            var candidate = NumberFormat.rounded(close, decimals: 0)
            while places < written, !isNoise(candidate, of: close) {
                places += 1
                candidate = NumberFormat.rounded(close, decimals: places)
            }
            if places >= written { return nil }
            shown = max(shown, places)
            if candidate != close { noisy = true }
        }
        return noisy ? shown : nil
    }

    /// True when `close` is within 4 units in its last place of `candidate`.
    @inline(__always)
    static func isNoise(_ candidate: Double, of close: Double) -> Bool {
        abs(candidate - close) <= 4 * close.ulp
    }
}
