// MARK: - Placement

/// Where a window falls in one series around one event: the event session t0, the base and end
/// sessions that are in the data, and the status that says whether the move can be measured
/// (`EventWindow.placement(around:sessionCount:)` makes it).
///
/// Sessions are indexes into the series; each is `nil` where the session is not in the data (or
/// the event has no session). `status` is `ok` exactly when both the base and the end are there.
public struct WindowPlacement: Sendable, Hashable {
    /// `ok`, or why the window's move cannot be measured.
    public let status: ChangeStatus
    /// t0's index, when the event has a session in the series.
    public let eventSession: Int?
    /// The base session's index (t0+a−1 for a session window), when it is in the data.
    public let baseSession: Int?
    /// The end session's index (t0+b), when it is in the data.
    public let endSession: Int?

    init(status: ChangeStatus, eventSession: Int?, baseSession: Int?, endSession: Int?) {
        self.status = status
        self.eventSession = eventSession
        self.baseSession = baseSession
        self.endSession = endSession
    }

    /// The placement of an event with no session in the series (`beforeData`, `afterData`,
    /// `noSession`, `noMarket`).
    init(outside status: ChangeStatus) {
        self.init(status: status, eventSession: nil, baseSession: nil, endSession: nil)
    }

    /// The sessions whose moves the window adds up (base + 1 … end, that is t0+a … t0+b), when
    /// the whole window is in the data; `nil` otherwise.
    public var coveredSessions: ClosedRange<Int>? {
        guard status == .ok, let baseSession, let endSession, baseSession < endSession else { return nil }
        return (baseSession + 1)...endSession
    }
}
