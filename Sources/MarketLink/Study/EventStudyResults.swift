// MARK: - Results, read on demand

/// The results of an `EventStudy`, one per event and series, in event order and then series
/// order (index e · series count + s), as a random-access collection. The study stores each
/// result compactly; reading one makes its `EventStudyResult` (with its dates, returns and
/// abnormal returns) from that storage and the series, in O(event window). Empty for no events or
/// no series.
public struct EventStudyResults: RandomAccessCollection, Sendable {
    let series: [Series]
    let eventCount: Int
    let design: EventStudyDesign
    /// Every row, event-major.
    let store: StudyStore

    public var startIndex: Int { 0 }
    public var endIndex: Int { eventCount * series.count }

    public subscript(position: Int) -> EventStudyResult {
        result(event: position / series.count, series: position % series.count)
    }

    /// The result of event `event` in series `s` (indexes in range).
    func result(event: Int, series s: Int) -> EventStudyResult {
        let row = store.row(event: event, series: s)
        let item = series[s]
        var result = EventStudyResult(
            event: event, series: s, status: .ok, eventSession: nil, eventDay: nil, eventDays: [], eventReturns: [],
            estimationFirstDay: nil, estimationLastDay: nil, droppedForBenchmark: 0, droppedForClean: 0, abnormal: nil)
        result.status = row.status(design: design, series: item)
        guard row.eventSession >= 0 else { return result }
        let t0 = Int(row.eventSession)
        result.eventSession = t0
        result.eventDay = item.day(at: t0)
        guard row.code.hasEventWindow else { return result }
        let sessions = design.window.coveredSessions(around: t0)
        result.eventDays = sessions.map(item.day(at:))
        guard row.code.hasEstimationWindow else { return result }
        let estimation = design.estimation.coveredSessions(around: t0)
        result.estimationFirstDay = item.day(at: estimation.lowerBound)
        result.estimationLastDay = item.day(at: estimation.upperBound)
        guard row.code.isComputed else { return result }
        result.droppedForBenchmark = Int(row.droppedForBenchmark)
        result.droppedForClean = Int(row.droppedForClean)
        let kind = design.returns
        result.eventReturns = sessions.map { kind.value(from: item.close(at: $0 - 1), to: item.close(at: $0)) }
        let k = sessions.count
        let length = Int(row.count)
        var abnormal = EventAbnormalReturns(
            model: design.model, status: row.engineStatus(design: design), estimationCount: length, eventCount: k, fit: nil,
            inference: nil)
        if row.code.hasAbnormalReturns {
            let values = store.values
            let offset = store.valuesStart(event: event, series: s)
            abnormal.fit = EventAbnormalReturns.Fit(
                alpha: row.alpha, beta: row.beta, estimationAbnormalReturns: [], abnormalReturns: Array(values[offset..<(offset + k)]),
                car: row.car, bhar: design.buyAndHold ? row.bhar : nil)
            if row.code == .ok {
                abnormal.inference = EventAbnormalReturns.Inference(
                    sigma: row.sigma, degreesOfFreedom: length - design.model.estimatedParameters, carVariance: row.carVariance,
                    standardError: row.standardError, t: row.t, pValue: row.pValue, sigmaUnits: row.sigmaUnits(k: k),
                    cumulativeStandardErrors: Array(values[(offset + k)..<(offset + 2 * k)]))
            }
        }
        result.abnormal = abnormal
        return result
    }
}
