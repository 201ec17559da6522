// MARK: - Status

/// What could be computed for one event and series, and if not everything, why.
///
/// | status | abnormal returns, CAR | SE, t, p, σ units |
/// |---|---|---|
/// | `ok` | yes | yes |
/// | `zeroVariance` | yes | no (σ̂ = 0 leaves nothing to divide by) |
/// | every other status | no | no |
///
/// `name` is the stable identifier printed in CSV and JSON; `explanation` is the sentence shown
/// to the user.
public enum AbnormalReturnStatus: Sendable, Equatable {
    /// The two stretches of returns an event study uses.
    public enum Window: String, Sendable, Equatable {
        /// The estimation window, where the normal-return model is fitted.
        case estimation
        /// The event window, where abnormal returns are measured.
        case event
    }

    /// Everything was computed.
    case ok
    /// The event window holds no returns.
    case emptyEventWindow
    /// The model needs a benchmark series and none was given.
    case missingBenchmark
    /// Benchmark and series returns are not paired one to one in a window: the caller must
    /// match them on common sessions first.
    case benchmarkLengthMismatch(window: Window, returns: Int, benchmark: Int)
    /// A return (of the series or the benchmark) is NaN or infinite, e.g. from a zero close.
    case nonFiniteReturn(window: Window)
    /// Fewer estimation-window returns than required. `minimum` is the larger of the user's
    /// minimum and what the model needs for one degree of freedom (2, or 3 for the market model).
    case tooFewEstimationReturns(count: Int, minimum: Int)
    /// The benchmark's estimation-window returns are constant (S_mm = 0), so the market model's
    /// β cannot be estimated.
    case degenerateBenchmark
    /// σ̂ = 0: the estimation-window abnormal returns do not vary (a constant stretch of closes,
    /// or a series identical to its benchmark). The CAR is reported; its standard error is not.
    case zeroVariance

    /// A stable kebab-case identifier: `ok`, `empty-event-window`, `missing-benchmark`,
    /// `benchmark-length-mismatch`, `non-finite-return`, `too-few-estimation-returns`,
    /// `degenerate-benchmark`, `zero-variance`.
    public var name: String {
        switch self {
        case .ok: "ok"
        case .emptyEventWindow: "empty-event-window"
        case .missingBenchmark: "missing-benchmark"
        case .benchmarkLengthMismatch: "benchmark-length-mismatch"
        case .nonFiniteReturn: "non-finite-return"
        case .tooFewEstimationReturns: "too-few-estimation-returns"
        case .degenerateBenchmark: "degenerate-benchmark"
        case .zeroVariance: "zero-variance"
        }
    }

    /// One lowercase sentence for the user, with the numbers involved.
    public var explanation: String {
        switch self {
        case .ok:
            "computed"
        case .emptyEventWindow:
            "the event window holds no returns"
        case .missingBenchmark:
            "the market model and market-adjusted returns need a benchmark series"
        case .benchmarkLengthMismatch(let window, let returns, let benchmark):
            "the \(window.rawValue) window has \(returns) returns but \(benchmark) benchmark returns; "
                + "series and benchmark must be matched on common sessions"
        case .nonFiniteReturn(let window):
            "a return in the \(window.rawValue) window is not a finite number (is a close zero or negative?)"
        case .tooFewEstimationReturns(let count, let minimum):
            "the estimation window has \(count) returns, fewer than the \(minimum) required"
        case .degenerateBenchmark:
            "the benchmark does not move in the estimation window, so β cannot be estimated"
        case .zeroVariance:
            "the abnormal returns do not vary in the estimation window (σ = 0), "
                + "so the move cannot be measured against normal variation"
        }
    }

    /// Whether the abnormal returns and the CAR were computed.
    public var hasAbnormalReturns: Bool { self == .ok || self == .zeroVariance }
}
