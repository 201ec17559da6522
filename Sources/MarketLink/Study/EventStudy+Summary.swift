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
        // Each series on a worker thread: its measured events' contributions (with their
        // estimation-window abnormal returns, recomputed once per series), then every group's tests.
        let groupList = groups
        let perSeries = OrderedWork.map(count: series.count) { s in
            let contributions = crossSectionEvents(series: s, events: events.indices)
            return groupList.map { summary(series: s, group: $0.label, events: $0.events, contributions: contributions) }
        }
        return perSeries.flatMap { $0 }
    }

    /// The summary of the given events (indexes) in series `s`: the tests over those with status
    /// `ok` (with `design.mergeSharedSessions`, the first of each shared event session only), and
    /// how they cluster.
    public func summary(series s: Int, group: String?, events members: [Int]) -> EventStudySummary {
        summary(series: s, group: group, events: members, contributions: crossSectionEvents(series: s, events: members))
    }

    /// The summary of the given events in series `s`, from `contributions[e]`, the contribution of
    /// event e when its status is `ok`.
    func summary(series s: Int, group: String?, events members: [Int], contributions: [CrossSectionEvent?]) -> EventStudySummary {
        var measured: [(event: Int, session: Int, day: Day, contribution: CrossSectionEvent)] = []
        for e in members {
            let session = Int(store.row(event: e, series: s).eventSession)
            if let contribution = contributions[e], session >= 0 {
                measured.append((e, session, series[s].day(at: session), contribution))
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

    /// What each of `members` with status `ok` in series `s` gives the tests across events (the
    /// others `nil`), indexed by event: CAR, SE, df, the abnormal returns, and the estimation
    /// window's abnormal returns, recomputed from the series' prepared returns (O(sessions) once,
    /// then O(estimation window) per event: the rank and sign tests need every one of them).
    func crossSectionEvents(series s: Int, events members: some Sequence<Int>) -> [CrossSectionEvent?] {
        var contributions = [CrossSectionEvent?](repeating: nil, count: events.count)
        let stored = store
        guard (0..<stored.eventCount).contains(where: { stored.row(event: $0, series: s).code == .ok }) else { return contributions }
        let returns = returns(series: s)
        let k = design.window.sessionCount
        for e in members {
            let row = stored.row(event: e, series: s)
            guard row.code == .ok else { continue }
            let offset = stored.valuesStart(event: e, series: s)
            contributions[e] = CrossSectionEvent(
                car: row.car, standardError: row.standardError,
                degreesOfFreedom: Int(row.count) - design.model.estimatedParameters,
                abnormalReturns: Array(stored.values[offset..<(offset + k)]),
                estimationAbnormalReturns: estimationAbnormalReturns(event: e, series: s, returns: returns))
        }
        return contributions
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
