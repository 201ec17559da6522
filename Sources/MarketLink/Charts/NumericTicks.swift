import Foundation

// MARK: - Numeric ticks

/// Tick values for a numeric axis: every multiple of a "nice" step between two bounds.
///
/// The step is the smallest of 1, 2 or 5 × 10^k for which the multiples of the step that
/// enclose `[low, high]` — from ⌊low/step⌋·step to ⌈high/step⌉·step — make at most
/// `maxIntervals` intervals (the "loose labelling" of Heckbert, "Nice numbers for graph
/// labels", Graphics Gems, 1990, with the step chosen by count rather than by rounding).
/// The axis runs from the first tick to the last, so it starts and ends on a label.
///
/// Example: 30,364.83 … 34,589.77 with at most 10 intervals gives step 500 and ticks
/// 30,000, 30,500, …, 35,000 (step 200 would need ⌈172.9⌉ − ⌊151.8⌋ = 22 intervals).
///
/// Edge cases: bounds in the wrong order are swapped; equal bounds v are widened to
/// v ± 1% of |v| (± 1 when v = 0); non-finite bounds give the axis 0 … 1; ranges so far from 0
/// or so wide that the multiples do not fit in 15 digits fall back to the two bounds as ticks.
struct NumericTicks: Equatable, Sendable {
    /// The axis domain: the first and last tick.
    var lower: Double
    var upper: Double
    /// Distance between ticks.
    var step: Double
    /// Tick values, ascending, from `lower` to `upper`.
    var values: [Double]
    /// Decimals a label needs to show the step exactly (0 for steps of 1 and above).
    var decimals: Int

    init(covering first: Double, _ second: Double, maxIntervals: Int) {
        var low = min(first, second)
        var high = max(first, second)
        if !low.isFinite || !high.isFinite {
            low = 0
            high = 1
        }
        if low == high {
            let spread = low == 0 ? 1 : abs(low) / 100
            low -= spread
            high += spread
        }
        let intervals = max(1, maxIntervals)
        let rawStep = (high - low) / Double(intervals)
        guard rawStep.isFinite, rawStep > 0 else {
            self.init(fallbackFrom: low, to: high)
            return
        }
        let exponent = Int((log10(rawStep)).rounded(.down))
        for power in exponent...(exponent + 2) {
            for mantissa in [1, 2, 5] {
                guard let ticks = NumericTicks(low: low, high: high, mantissa: mantissa, exponent: power),
                    ticks.values.count - 1 <= intervals
                else { continue }
                self = ticks
                return
            }
        }
        self.init(fallbackFrom: low, to: high)
    }

    /// The ticks for step mantissa × 10^exponent, or `nil` when the step or the multiples do not
    /// have an exact enough representation.
    private init?(low: Double, high: Double, mantissa: Int, exponent: Int) {
        guard abs(exponent) <= 22 else { return nil }
        let power = NumberFormat.power(abs(exponent))
        let step = exponent >= 0 ? Double(mantissa) * power : Double(mantissa) / power
        // A small tolerance keeps 0.3 / 0.1 = 2.9999999999999996 from adding a tick below 0.3.
        let first = (low / step + 1e-9).rounded(.down)
        var last = (high / step - 1e-9).rounded(.up)
        guard abs(first) < 1e14, abs(last) < 1e14 else { return nil }
        if last <= first { last = first + 1 }
        let multiples = Int64(first)...Int64(last)
        guard multiples.count <= 1_000 else { return nil }
        let values = multiples.map { k -> Double in
            let units = Double(k * Int64(mantissa))
            return exponent >= 0 ? units * power : units / power
        }
        self.lower = values[0]
        self.upper = values[values.count - 1]
        self.step = step
        self.values = values
        self.decimals = max(0, -exponent)
    }

    private init(fallbackFrom low: Double, to high: Double) {
        lower = low
        upper = high
        step = high - low
        values = [low, high]
        decimals = 2
    }

    /// `value` as a tick label: thousands separated, with the decimals of the step.
    func label(_ value: Double) -> String {
        NumberFormat.label(value, decimals: decimals)
    }
}
