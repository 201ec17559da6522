import Foundation
import Testing

@testable import MarketLink

/// `mlink article` end to end on the fixtures: the issue's case, every output format, the events
/// file, exit codes. Expected numbers are those of fixtures/articles/expected.json (derived by
/// fixtures/articles/derive_expected.py from the price fixtures).
@Suite struct ArticleCommandTests {
    static let politics = "fixtures/articles/us-china-politics.txt"
    static let all = ["DJIA=fixtures/djia.csv", "SPX=fixtures/sp500.csv", "SHCOMP=fixtures/sse.csv", "^HSI=fixtures/hsi.csv"]

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(["article"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    // MARK: - The issue's case

    /// The politics piece with the DJIA and SSE files as a user passes them (no NAME=): both claims
    /// against the right index, with the issue's numbers, and the dated events.
    @Test func thePoliticsArticleWithTheDowAndShanghaiFiles() throws {
        let report = try Self.json([Self.politics, "fixtures/djia.csv", "fixtures/sse.csv"])
        let published = try #require(report["published"] as? [String: Any])
        #expect(published["date"] as? String == "2023-06-09")
        #expect(published["found_by"] as? String == "byline")
        let claims = try #require(report["claims"] as? [[String: Any]])
        #expect(claims.count == 2)
        let dow = claims[0]
        #expect(dow["index"] as? String == "Dow Jones Industrial Average")
        #expect(dow["series"] as? String == "DJIA")
        let dowVerdicts = try #require(dow["verdicts"] as? [String: String])
        #expect(dowVerdicts["level"] == "exact (2023-06-08)")
        #expect(dowVerdicts["percent"] == "holds (0.78% → 0.8%)")
        #expect(dowVerdicts["points"] == "off by 2.33")
        let dowActual = try #require(dow["actual"] as? [String: Double])
        #expect(abs((dowActual["points"] ?? 0) - 260.33) < 1e-6)
        #expect((dow["sessions"] as? [String: Any])?["base"] as? String == "2023-06-06")
        let shanghai = claims[1]
        #expect(shanghai["index"] as? String == "SSE Composite")
        #expect(shanghai["series"] as? String == "sse")
        let shanghaiVerdicts = try #require(shanghai["verdicts"] as? [String: String])
        #expect(shanghaiVerdicts["level"] == "exact (2023-06-09)")
        #expect(shanghaiVerdicts["percent"] == "holds (1.05% → 1%)")
        #expect(shanghaiVerdicts["points"] == "off by 2.65")

        let events = try #require(report["events"] as? [[String: Any]])
        func date(startingWith prefix: String) -> String? {
            events.first { ($0["sentence"] as? String)?.hasPrefix(prefix) == true }.flatMap { "\($0["date"] ?? "") \($0["precision"] ?? "")" }
        }
        #expect(date(startingWith: "On Tuesday") == "2023-06-06 day")
        #expect(date(startingWith: "On May 8") == "2023-05-08 day")
        #expect(date(startingWith: "Last December") == "2022-12 month")
        #expect(events.count == 12)
    }

    @Test func theTableSaysEachVerdict() throws {
        let result = try CLI.run(["article", Self.politics, "fixtures/djia.csv", "fixtures/sse.csv", "--format", "table"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("published 2023-06-09 (Friday), from the byline “By Lin Wei and Sarah Hoffman | Friday, June 9, 2023”"))
        #expect(lines.contains("points off by 2.33"))
        #expect(lines.contains("points off by 2.65"))
        #expect(lines.contains("overall: does not hold: points off by 2.33"))
        #expect(lines.contains("2022-12 month China and Saudi Arabia signed a comprehensive strategic partnership agreement during Xi…"))
        #expect(lines.contains("coverage: every sentence that names an index and a number was read as a claim"))
    }

    // MARK: - Formats

    @Test func jsonKeysAreSnakeCase() throws {
        let data = try CLI.run(["article", "fixtures/articles/xinhua-wrap.txt"] + Self.all + ["--format", "json"]).stdout
        var keys = Set<String>()
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, inner) in object {
                    keys.insert(key)
                    collect(inner)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(try JSONSerialization.jsonObject(with: Data(data.utf8)))
        #expect(!keys.isEmpty)
        #expect(keys.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber } }, "\(keys.sorted())")
    }

    @Test func csvNeutralisesAFormulaTitle() throws {
        let result = try CLI.run(["article", "fixtures/articles/market-page.html"] + Self.all + ["--format", "csv"])
        #expect(result.status == 0)
        let expected = try ArticleFixtures.article("market-page.html")
        let marker = try #require((expected["events"] as? [[String: Any]])?.compactMap { $0["csv_title_starts_with"] as? String }.first)
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("record,offset,end,index,series,text") == true)
        let event = try #require(rows.first { $0.contains("HYPERLINK") && $0.hasPrefix("event,") })
        // The title cell is quoted (it holds commas and quotes): "'=HYPERLINK(""https:...
        #expect(event.contains(",\"" + marker.replacingOccurrences(of: "\"", with: "\"\"")))
        #expect(!rows.contains { $0.contains(",=HYPERLINK") || $0.contains(",\"=HYPERLINK") })
        #expect(rows.filter { $0.hasPrefix("claim,") }.count == 4)
        #expect(rows.filter { $0.hasPrefix("coverage,") }.count == 1)
    }

    @Test func markdownAndHTMLByTheOutputsExtension() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, start) in [("r.md", "# Claims and events in"), ("r.html", "<!DOCTYPE html>")] {
            let path = folder.appendingPathComponent(name).path
            let result = try CLI.run(["article", "fixtures/articles/market-page.html"] + Self.all + ["-o", path])
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix(start))
            // The page's hostile text is shown as text in both.
            #expect(!text.contains("<img src=x onerror"))
        }
    }

    // MARK: - Events file

    @Test func eventsOutTwiceAddsTheDraftsOnce() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = folder.appendingPathComponent("events.csv").path
        let line = ["article", Self.politics] + Self.all + ["--events-out", events, "--format", "json", "-o", folder.appendingPathComponent("r.json").path]
        let first = try CLI.run(line)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("added 12 events"))
        let once = try String(contentsOfFile: events, encoding: .utf8)
        let second = try CLI.run(line)
        #expect(second.status == 0)
        #expect(second.stderr.contains("added 0 events, 12 already there"))
        #expect(try String(contentsOfFile: events, encoding: .utf8) == once)
        let log = try EventLog.load(path: events)
        #expect(log.events.count == 12)
        #expect(log.columns == ["id", "date", "title", "tags", "score", "source", "sentence"])
        let december = try #require(log.events.first { $0.title.hasPrefix("China and Saudi Arabia") })
        #expect(december.precision == .month)
        #expect(december.dateText == "2022-12")
        #expect(log.events.allSatisfy { $0.source == Self.politics })
        // Another article adds its own events after these, with the next ids.
        let other = try CLI.run(["article", "fixtures/articles/decoy.txt", "--events-out", events, "--source", "Decoy Times", "--format", "json"])
        #expect(other.status == 0)
        let grown = try EventLog.load(path: events)
        #expect(grown.events.count == 14)
        #expect(grown.events.suffix(2).map(\.id) == ["13", "14"])
        #expect(grown.events.suffix(2).allSatisfy { $0.source == "Decoy Times" })
        #expect(try String(contentsOfFile: events, encoding: .utf8).hasPrefix(once))
    }

    /// Month events are listed as months and get a status, not a session, in changes.
    @Test func monthEventsGetAStatusNotASession() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try CLI.write("id,date,title\n1,2022-12,China and Saudi Arabia sign a pact\n2,2023-06-06,Sanctions\n", named: "e.csv", in: folder)
        let list = try CLI.run(["events", "list", events, "--format", "csv"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("1,2022-12,,,,,China and Saudi Arabia sign a pact"))
        let changes = try CLI.run(["changes", "--events", events, "DJIA=fixtures/djia.csv", "--format", "csv"])
        #expect(changes.status == 0, "\(changes.stderr)")
        let rows = changes.stdout.split(separator: "\n").filter { $0.hasPrefix("1,") }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.hasPrefix("1,2022-12,") && $0.contains(",month-only") })
    }

    // MARK: - Errors and exit codes

    /// (arguments, exit status, what stderr must say).
    @Test(arguments: [
        (["fixtures/articles/none.txt"], Int32(1), "fixtures/articles/none.txt: error: no such file"),
        (["fixtures/bad/gbk.csv"], 1, "invalid UTF-8"),
        ([politics, "--published", "June 9"], 64, "--published takes a date as YYYY-MM-DD"),
        ([politics, "--frobnicate"], 64, "unknown option --frobnicate"),
        ([], 64, "name the article FILE"),
        ([politics, "fixtures/djia.csv", "-o", "fixtures/djia.csv"], 1, "error"),
    ])
    func errors(arguments: [String], status: Int32, message: String) throws {
        let result = try CLI.run(["article"] + arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func twoPublicationDatesIsBadData() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let story = try CLI.write("By A | June 8, 2023\n\nBEIJING, June 9 (Xinhua) -- The Dow rose 1%.\n", named: "s.txt", in: folder)
        let result = try CLI.run(["article", story])
        #expect(result.status == 1)
        #expect(result.stderr.contains("s.txt:1:1: error: the article gives two publication dates"), "\(result.stderr)")
        #expect(result.stderr.contains("give the right one with --published DATE"), "\(result.stderr)")
        let settled = try CLI.run(["article", story, "--published", "2023-06-09", "--format", "table"])
        #expect(settled.status == 0)
        #expect(settled.stdout.contains("the given date 2023-06-09 was used"))
    }

    /// Exit 0 whether or not the claims hold.
    @Test func claimsThatDoNotHoldStillExitZero() throws {
        let result = try CLI.run(["article", "fixtures/articles/ap-style-wrap.md"] + Self.all + ["--format", "table"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("4 claims: 2 hold, 2 do not hold, 0 not checked"))
    }

    // MARK: - check and events add share the reader

    @Test func checkRefusesAClaimAboutAnotherIndex() throws {
        let result = try CLI.run([
            "check", "fixtures/djia.csv", "--claim", "The Shanghai Composite index has also surged by 31 points, or 1%, to 3,231.41 on Thursday and Friday",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("the claim is about the SSE Composite (\"Shanghai Composite index\"), but \"DJIA\" holds the Dow Jones Industrial Average"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func checkReadsDaysAgainstAPublicationDate() throws {
        let result = try CLI.run([
            "check", "SHCOMP=fixtures/sse.csv", "--published", "2023-06-09", "--format", "json",
            "--claim", "The Shanghai Composite rose 1.34 points, or 0.04%, this week",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let move = try #require(object["move"] as? [String: Any])
        // Chinese wrap: "本周" is June 5–9, five sessions, base 2023-06-02 (expected.json).
        #expect(move["base_date"] as? String == "2023-06-02")
        #expect(move["sessions"] as? Double == 5)
        // Points and percent hold; with no level, the days placed the move and are not checked.
        #expect(object["summary"] as? String == "holds as far as it could be checked (not checked: days)")
        let relative = try CLI.run(["check", "SHCOMP=fixtures/sse.csv", "--claim", "rose 0.04% this week"])
        #expect(relative.status == 64)
        #expect(relative.stderr.contains("--published DATE"))
    }

    @Test func eventsAddTakesADatePhrase() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = folder.appendingPathComponent("e.csv").path
        let dated = try CLI.run(["events", "add", events, "--date", "June 8, 2023", "--title", "A"])
        #expect(dated.status == 0, "\(dated.stderr)")
        #expect(dated.stderr.contains("read --date \"June 8, 2023\" as 2023-06-08"))
        let month = try CLI.run(["events", "add", events, "--date", "2022-12", "--title", "B"])
        #expect(month.status == 0, "\(month.stderr)")
        let before = Self.localToday()
        let yesterday = try CLI.run(["events", "add", events, "--date", "yesterday", "--title", "C"])
        let after = Self.localToday()
        #expect(yesterday.status == 0, "\(yesterday.stderr)")
        let log = try EventLog.load(path: events)
        #expect(log.events.map(\.dateText).prefix(2) == ["2023-06-08", "2022-12"])
        #expect([before.adding(days: -1).iso, after.adding(days: -1).iso].contains(log.events.last?.dateText ?? ""))
        let week = try CLI.run(["events", "add", events, "--date", "this week", "--title", "D"])
        #expect(week.status == 64)
        #expect(week.stderr.contains("names a week"))
    }

    static func localToday() -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}
