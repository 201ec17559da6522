import Foundation
import Testing
@testable import MarketLink

/// The study report's one pass over the stored rows (`StudyDigest`) against a plain pass over
/// `study.results`, each result made whole, on the fixtures' study (15 events × 2 series, split
/// into several parts across the cores).
@Suite struct StudyDigestTests {
    typealias F = ReportFixtures

    /// −120:−6 measures every event; −250:−11 runs off the data for most.
    @Test(arguments: [(-120, -6), (-250, -11)])
    func theDigestIsWhatAPassOverTheResultsGives(estimation: (Int, Int)) throws {
        let design = EventStudyDesign(estimation: EventWindow(uncheckedStart: estimation.0, end: estimation.1))
        let study = try EventStudy(events: try F.events(), series: try F.collection().series, design: design)
        let results = Array(study.results)
        let digest = StudyDigest(study: study, options: StudyDigest.Options(cars: true, acrossEvents: true, largest: 4))

        #expect(digest.resultCount == results.count)
        let ok = results.filter(\.status.isOK)
        #expect(digest.measured == ok.count)
        #expect(digest.unmeasured == results.count - ok.count)

        // Statuses of the others: names in the order of their first result, with counts.
        var names: [String] = []
        var counts: [String: Int] = [:]
        for result in results where !result.status.isOK {
            if counts[result.status.name] == nil { names.append(result.status.name) }
            counts[result.status.name, default: 0] += 1
        }
        let statuses = digest.statuses(of: study.results)
        #expect(statuses.map(\.name) == names)
        #expect(statuses.map(\.count) == names.map { counts[$0] ?? 0 })
        // −120:−6 measures every result here; −250:−11 leaves most unmeasured.
        #expect(names.isEmpty == (estimation.0 == -120))

        let positions = results.indices.filter { !results[$0].status.isOK }
        #expect(digest.firstUnmeasured(3, of: study.results) == Array(positions.prefix(3)))

        // Every finite CAR in percent, ascending; the 4 largest |CAR| (ties in results order).
        let cars = ok.compactMap { $0.fit?.car }.filter(\.isFinite)
        #expect(digest.cars == cars.map { 100 * $0 }.sorted())
        let byMagnitude = results.indices.filter { results[$0].status.isOK && (results[$0].fit?.car.isFinite ?? false) }
            .sorted { a, b in
                let x = abs(results[a].fit?.car ?? 0)
                let y = abs(results[b].fit?.car ?? 0)
                return x != y ? x > y : a < b
            }
        #expect(digest.largest.ranked().map(\.order) == Array(byMagnitude.prefix(4)))

        // Per event: its measured CARs' count, mean, sum of squared deviations and positives.
        #expect(digest.acrossEvents.count == study.events.count)
        for (e, across) in digest.acrossEvents.enumerated() {
            let values = ok.filter { $0.event == e }.compactMap { $0.fit?.car }.filter(\.isFinite)
            #expect(across.count == values.count)
            #expect(across.positive == values.filter { $0 > 0 }.count)
            guard !values.isEmpty else { continue }
            let mean = values.reduce(0, +) / Double(values.count)
            let squares = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
            #expect(abs(across.mean - mean) <= 1e-12 * max(1, abs(mean)))
            #expect(abs(across.squares - squares) <= 1e-12 * max(1e-6, squares))
        }
    }
}
