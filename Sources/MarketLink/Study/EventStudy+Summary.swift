// MARK: - Summaries

extension EventStudy {
    /// Per series (in order), the summary of all events, then with `.tag` one per tag in
    /// alphabetical order (tags compared without regard to case).
    public func summaries(groupBy grouping: StudyGrouping = .all) -> [EventStudySummary] {
        var groups: [(label: String?, events: [Int])] = [(nil, Array(events.indices))]
        if grouping == .tag {
            var members: [String: (label: String, events: [Int])] = [:]
            for (e, event) in events.enumerated() {
                var seen: Set<String> = []
                for tag in event.tags {
                    let key = tag.lowercased()
                    guard !key.isEmpty, seen.insert(key).inserted else { continue }
                    members[key, default: (tag, [])].events.append(e)
                }
            }
            for key in members.keys.sorted() {
                if let member = members[key] { groups.append((member.label, member.events)) }
            }
        }
        var summaries: [EventStudySummary] = []
        for s in series.indices {
            for group in groups {
                summaries.append(summary(series: s, group: group.label, events: group.events))
            }
        }
        return summaries
    }

    /// The summary of the given events (indexes) in series `s`: the tests over those with status
    /// `ok` (with `design.mergeSharedSessions`, the first of each shared event session only), and
    /// how they cluster.
    public func summary(series s: Int, group: String?, events members: [Int]) -> EventStudySummary {
        var measured: [(event: Int, session: Int, day: Day, contribution: CrossSectionEvent)] = []
        for e in members {
            let item = result(event: e, series: s)
            if item.status.isOK, let abnormal = item.abnormal, let contribution = CrossSectionEvent(abnormal),
                let session = item.eventSession, let day = item.eventDay
            {
                measured.append((e, session, day, contribution))
            }
        }
        let clustering = StudyClustering(events: measured.map { ($0.event, $0.session, $0.day) }, window: design.window)
        var merged: [EventStudySummary.Merge] = []
        if design.mergeSharedSessions {
            var representatives: [Int: Int] = [:]
            measured = measured.filter { item in
                if let first = representatives[item.session] {
                    merged.append(EventStudySummary.Merge(event: item.event, representative: first, day: item.day))
                    return false
                }
                representatives[item.session] = item.event
                return true
            }
        }
        let contributions = measured.map(\.contribution)
        return EventStudySummary(
            series: s, group: group, eventCount: members.count, measuredEvents: measured.map(\.event), clustering: clustering,
            merged: merged, tests: CrossSectionTests(events: contributions), path: EventStudy.caarPath(contributions, window: design.window))
    }

    /// CAAR(τ) with its cross-sectional band; empty for no events.
    static func caarPath(_ events: [CrossSectionEvent], window: EventWindow) -> [CAARPoint] {
        guard !events.isEmpty else { return [] }
        let k = window.sessionCount
        guard events.allSatisfy({ $0.abnormalReturns.count == k }) else { return [] }
        var partial = [Double](repeating: 0, count: events.count)
        var points: [CAARPoint] = []
        let quantile = events.count >= 2 ? StudentT.quantile(0.975, degreesOfFreedom: Double(events.count - 1)) : .nan
        for (session, offset) in window.sessionOffsets.enumerated() {
            for i in events.indices { partial[i] += events[i].abnormalReturns[session] }
            let caar = Descriptive.mean(partial) ?? 0
            var point = CAARPoint(offset: offset, caar: caar, standardError: nil, lower: nil, upper: nil)
            if events.count >= 2, let s = Descriptive.sampleStandardDeviation(partial) {
                let se = s / Double(events.count).squareRoot()
                point.standardError = se
                point.lower = caar - quantile * se
                point.upper = caar + quantile * se
            }
            points.append(point)
        }
        return points
    }
}
