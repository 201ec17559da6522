import Foundation

// MARK: - Return kind

/// How a session's return is measured from two closes: the return of session t is from the close
/// of session t − 1 to the close of session t.
///
/// - `simple`: R = P_t / P_{t−1} − 1 (the default; what a percent move is, divided by 100);
/// - `log`: R = ln(P_t / P_{t−1}), which adds up over sessions: the sum of a window's log returns
///   is the log return of the whole window.
///
/// A zero close gives an infinite or NaN return; the event-study engine reports that as
/// `non-finite-return` rather than using it.
public enum ReturnKind: String, Sendable, Equatable, CaseIterable {
    /// R = P_t / P_{t−1} − 1.
    case simple
    /// R = ln(P_t / P_{t−1}).
    case log

    /// The return from close `base` to close `end`.
    @inline(__always)
    public func value(from base: Double, to end: Double) -> Double {
        switch self {
        case .simple: end / base - 1
        case .log: Foundation.log(end / base)
        }
    }
}
