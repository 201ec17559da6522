// MARK: - Grouping

/// How events are grouped for the tests across events.
public enum StudyGrouping: String, Sendable, Equatable, CaseIterable {
    /// All events together.
    case all
    /// All events, then one group per tag; an event with several tags counts in each of its groups.
    case tag
}

// MARK: - Summary of one group in one series

/// The tests across the events of one group in one series (`CrossSectionTests`), and the CAAR
/// path for a band chart.
///
/// Only events whose status is `ok` enter the tests (a `zero-variance` event has no standard
/// error to standardize by); `eventCount` counts every event of the group, `tests.n` those used.
public struct EventStudySummary: Sendable, Equatable {
    /// Index into `EventStudy.series`.
    public var series: Int
    /// `nil` for all events; otherwise the tag, as first written in the events file.
    public var group: String?
    /// Events in the group, measured or not.
    public var eventCount: Int
    /// Indexes (into `EventStudy.events`) of the events whose status is `ok`, which the tests use.
    public var measuredEvents: [Int]
    /// CAAR and the tests; `nil` when no event of the group has status `ok`.
    public var tests: CrossSectionTests?
    /// CAAR(τ) over the event window, one point per session.
    public var path: [CAARPoint]

    /// `all events` or `tag "diplomacy"`, for text.
    public var groupLabel: String { group ?? "all events" }
}

/// The cumulative average abnormal return through one session of the event window, with a
/// cross-sectional 95% band.
///
/// With CAR_i(τ) = Σ_{s ≤ τ} AR_is the partial CAR of event i through session offset τ, over the
/// N events used: CAAR(τ) = (1/N)·Σ_i CAR_i(τ); SE(τ) = s_τ/√N with s_τ the sample standard
/// deviation (N − 1 denominator) of the CAR_i(τ); the band is CAAR(τ) ± t₀.₉₇₅,N−1 · SE(τ). At the
/// last session this is the cross-sectional t test of `CrossSectionTests`, so the band excludes 0
/// exactly when that test rejects at 5%. SE and the band are `nil` for N < 2.
public struct CAARPoint: Sendable, Equatable {
    /// τ, relative to t0.
    public var offset: Int
    public var caar: Double
    public var standardError: Double?
    public var lower: Double?
    public var upper: Double?
}

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

    /// The summary of the given events (indexes) in series `s`.
    public func summary(series s: Int, group: String?, events members: [Int]) -> EventStudySummary {
        var used: [Int] = []
        var contributions: [CrossSectionEvent] = []
        for e in members {
            let item = result(event: e, series: s)
            if item.status.isOK, let abnormal = item.abnormal, let contribution = CrossSectionEvent(abnormal) {
                used.append(e)
                contributions.append(contribution)
            }
        }
        return EventStudySummary(
            series: s, group: group, eventCount: members.count, measuredEvents: used,
            tests: CrossSectionTests(events: contributions), path: EventStudy.caarPath(contributions, window: design.window))
    }

    /// CAAR(τ) with its cross-sectional band; empty for no events.
    static func caarPath(_ events: [CrossSectionEvent], window: EventWindow) -> [CAARPoint] {
        guard !events.isEmpty else { return [] }
        let k = window.sessionCount
        guard events.allSatisfy({ $0.abnormalReturns.count == k }) else { return [] }
        var partial = [Double](repeating: 0, count: events.count)
        var points: [CAARPoint] = []
        let quantile = events.count >= 2 ? StudentT.quantile(0.975, degreesOfFreedom: Double(events.count - 1)) : .nan
        for session in 0..<k {
            for i in events.indices { partial[i] += events[i].abnormalReturns[session] }
            let caar = Descriptive.mean(partial) ?? 0
            var point = CAARPoint(offset: window.start + session, caar: caar, standardError: nil, lower: nil, upper: nil)
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
