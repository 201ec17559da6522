import Foundation
import Testing

@testable import MarketLink

// `StudyReturns` prepares a series in one pass: each session's R and R_m (the benchmark's session
// found by a merge of the two calendars), its use, and the running sums and counts, written in
// place. Here every session and every prefix is recomputed the plain way — the benchmark's closes
// looked up by date, the sessions `clean` covers from each event's window, the sums added one
// session at a time — and must be exactly the same, on the random panels of the fast-path tests
// (every model, simple and log returns, with and without `clean`, benchmark gaps).
@Suite struct StudyReturnsTests {
    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    @Test(arguments: EventStudyFastPathTests.seeds)
    func sessionsAndPrefixesAreTheDirectOnes(seed: UInt64) throws {
        let scenario = try EventStudyFastPathTests.scenario(seed: seed)
        let study = try EventStudy(events: scenario.events, series: scenario.series, benchmark: scenario.benchmark, design: scenario.design)
        let design = study.design
        let benchmark = design.model.needsBenchmark ? study.benchmark : nil
        for s in study.series.indices {
            let series = study.series[s]
            let prepared = study.returns(series: s)
            #expect(prepared.sessions.count == series.count)
            #expect(prepared.prefixes.count == series.count + 1)
            var covered = Set<Int>()
            if design.clean {
                for e in study.events.indices {
                    guard let t0 = study.sessions.at(event: e, series: s).index else { continue }
                    covered.formUnion(design.window.coveredSessions(around: t0).filter { $0 >= 0 && $0 < series.count })
                }
            }
            var moments = WindowMoments()
            var counts = (clean: Int32(0), benchmark: Int32(0), nonFinite: Int32(0))
            var largest = (returns: 0.0, market: 0.0)
            for i in 0..<series.count {
                let r = i > 0 ? design.returns.value(from: series.closes[i - 1], to: series.closes[i]) : .nan
                var m = 0.0
                var hasDay = true
                var paired = true
                if let benchmark {
                    hasDay = benchmark.close(on: series.day(at: i)) != nil
                    if i > 0, let from = benchmark.close(on: series.day(at: i - 1)), let to = benchmark.close(on: series.day(at: i)) {
                        m = design.returns.value(from: from, to: to)
                    } else {
                        m = .nan
                        paired = false
                    }
                }
                let use: StudyReturns.Use = covered.contains(i) ? .clean : (paired ? .kept : .benchmark)
                switch use {
                case .clean: counts.clean += 1
                case .benchmark: counts.benchmark += 1
                case .kept where r.isFinite && m.isFinite:
                    largest = (max(largest.returns, abs(r)), max(largest.market, abs(m)))
                    switch design.model {
                    case .marketModel: moments.add(x: m, y: r)
                    case .market: moments.add(y: r - m)
                    case .raw, .mean: moments.add(y: r)
                    }
                case .kept: counts.nonFinite += 1
                }
                let session = prepared.sessions[i]
                #expect(Self.same(session.r, r) && Self.same(session.m, m), "seed \(seed) series \(s) session \(i)")
                #expect(session.benchmarkHasDay == hasDay && session.use == use, "seed \(seed) series \(s) session \(i)")
                let prefix = prepared.prefixes[i + 1]
                #expect(prefix.moments == moments, "seed \(seed) series \(s) session \(i)")
                #expect(prefix.clean == counts.clean && prefix.benchmark == counts.benchmark && prefix.nonFinite == counts.nonFinite)
            }
            #expect(prepared.largestReturn == largest.returns && prepared.largestMarket == largest.market)
        }
    }
}
