import Foundation
import Testing

@testable import MarketLink

/// `fixtures/events/expected-imports.json`, written by `fixtures/events/derive_imports.py` from
/// the fixture files and the rules of `fixtures/events/README.md` (it shares nothing with the
/// Swift code), read into one case per fixture file and filter combination.
struct ExpectedImport: Sendable, CustomTestStringConvertible {
    struct Event: Sendable {
        var date: String
        var title: String
        var count: Int
        var key: String
        var actors: [String]
        var lines: [Int]
        var rootCode: String?
        var tags: String
        var score: Double?
        var scoreText: String
        var sources: Int
        var source: String
        var fatalities: Int?
    }

    var file: String
    var dataset: EventDataset
    var fields: Int
    var header: Bool
    var layout: String
    var arguments: [String]
    /// For a refused case: the reason the derivation gives.
    var refusal: String?
    var counts: [String: Int]
    var implausibleLines: [Int]
    var events: [Event]

    var path: String { CLI.fixture("fixtures/events/" + file) }
    var testDescription: String { file + " " + (arguments.isEmpty ? "(no filter)" : arguments.joined(separator: " ")) }

    /// The filter the arguments stand for (parsed here, not by mlink: the test's own reading of
    /// `--actor`, `--country`, `--root-code`, `--quad`, `--min-mentions`, `--from`, `--to`).
    var filter: EventImportFilter {
        var filter = EventImportFilter()
        var k = 0
        while k + 1 < arguments.count {
            let value = arguments[k + 1]
            switch arguments[k] {
            case "--actor": filter.actors.append(value)
            case "--country": filter.country = value
            case "--root-code": filter.rootCode = value
            case "--quad": filter.quadClass = Int(value)
            case "--min-mentions": filter.minimumMentions = Int(value)
            case "--from": filter.from = Day(iso: value)
            case "--to": filter.to = Day(iso: value)
            default: break
            }
            k += 2
        }
        return filter
    }

    static let all: [ExpectedImport] = {
        let url = CLI.packageRoot.appendingPathComponent("fixtures/events/expected-imports.json")
        guard let data = try? Data(contentsOf: url), let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let fixtures = root["fixtures"] as? [String: Any]
        else { return [] }
        var cases: [ExpectedImport] = []
        for name in fixtures.keys.sorted() {
            guard let fixture = fixtures[name] as? [String: Any], let datasetName = fixture["dataset"] as? String,
                let dataset = EventDataset(rawValue: datasetName), let list = fixture["cases"] as? [[String: Any]]
            else { continue }
            for item in list {
                let events = (item["events"] as? [[String: Any]] ?? []).map { e in
                    Event(
                        date: e["date"] as? String ?? "", title: e["title"] as? String ?? "", count: e["count"] as? Int ?? -1,
                        key: e["key"] as? String ?? "", actors: e["actors"] as? [String] ?? [], lines: e["lines"] as? [Int] ?? [],
                        rootCode: e["root_code"] as? String, tags: e["tags"] as? String ?? "", score: e["score"] as? Double,
                        scoreText: e["score_text"] as? String ?? "", sources: e["sources"] as? Int ?? -1, source: e["source"] as? String ?? "",
                        fatalities: e["fatalities"] as? Int)
                }
                cases.append(
                    ExpectedImport(
                        file: name, dataset: dataset, fields: fixture["fields"] as? Int ?? 0, header: fixture["header"] as? Bool ?? false,
                        layout: fixture["layout"] as? String ?? "", arguments: item["args"] as? [String] ?? [], refusal: item["reason"] as? String,
                        counts: item["counts"] as? [String: Int] ?? [:], implausibleLines: item["implausible_lines"] as? [Int] ?? [],
                        events: events))
            }
        }
        return cases
    }()

    static var imports: [ExpectedImport] { all.filter { $0.refusal == nil } }
    static var refusals: [ExpectedImport] { all.filter { $0.refusal != nil } }
}
