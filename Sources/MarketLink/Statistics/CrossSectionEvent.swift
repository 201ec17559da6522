// MARK: - One event's contribution to the cross-section

/// What the tests across events need from one event: its CAR with standard error and degrees of
/// freedom, and its abnormal returns in the event and estimation windows.
///
/// Build it from an `EventAbnormalReturns` whose status is `ok`, or directly. Either way it is
/// validated, so the cross-sectional tests never divide by zero or meet a NaN.
public struct CrossSectionEvent: Sendable, Equatable {
    /// CAR_i over the event window.
    public let car: Double
    /// SE(CAR_i), from the exact variance of the normal-return model.
    public let standardError: Double
    /// ν_i, the degrees of freedom of σ̂²_i: L_i − 2 (market model) or L_i − 1.
    public let degreesOfFreedom: Int
    /// AR_iτ over the k event-window sessions, in order.
    public let abnormalReturns: [Double]
    /// AR_it over the L_i estimation-window sessions, in order.
    public let estimationAbnormalReturns: [Double]

    /// `nil` unless every number is finite, `standardError > 0`, `degreesOfFreedom ≥ 1` and both
    /// return series are non-empty.
    public init?(
        car: Double,
        standardError: Double,
        degreesOfFreedom: Int,
        abnormalReturns: [Double],
        estimationAbnormalReturns: [Double]
    ) {
        guard car.isFinite, standardError.isFinite, standardError > 0, degreesOfFreedom >= 1,
            !abnormalReturns.isEmpty, !estimationAbnormalReturns.isEmpty,
            abnormalReturns.allSatisfy(\.isFinite), estimationAbnormalReturns.allSatisfy(\.isFinite)
        else { return nil }
        self.car = car
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.abnormalReturns = abnormalReturns
        self.estimationAbnormalReturns = estimationAbnormalReturns
    }

    /// The event's contribution, or `nil` when its status is not `ok`.
    public init?(_ result: EventAbnormalReturns) {
        guard result.status == .ok, let fit = result.fit, let inference = result.inference else {
            return nil
        }
        self.init(
            car: fit.car,
            standardError: inference.standardError,
            degreesOfFreedom: inference.degreesOfFreedom,
            abnormalReturns: fit.abnormalReturns,
            estimationAbnormalReturns: fit.estimationAbnormalReturns)
    }

    /// SCAR_i = CAR_i / SE(CAR_i), the standardized CAR. Under the null hypothesis and normal
    /// returns it is Student's t with ν_i degrees of freedom, so its variance is ν_i/(ν_i − 2).
    public var standardizedCAR: Double { car / standardError }
}
