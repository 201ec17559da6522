import Foundation
import Testing
@testable import MarketLink

/// `mlink check` end to end on `fixtures/djia.csv` (FRED layout) and `fixtures/sse.csv`
/// (Investing.com, Chinese site).
@Suite struct CheckCommandTests {
    static let djia = CLI.fixture("fixtures/djia.csv")
    static let sse = CLI.fixture("fixtures/sse.csv")

    @Test func dowClaim() throws {
        let result = try CLI.run([
            "check", Self.djia,
            "--claim", "increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday",
        ])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows.contains("level 33,833.61 33,833.61 (2023-06-08) exact (2023-06-08)"))
        #expect(rows.contains("percent 0.8% 0.78% holds (0.78% → 0.8%)"))
        #expect(rows.contains("points 258 260.33 off by 2.33"))
        #expect(rows.contains("direction increased rose holds"))
        #expect(rows.contains("overall does not hold: points off by 2.33"))
        #expect(
            rows.contains(
                "measured The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on Wednesday and Thursday (June 7–8, 2023)."))
    }

    @Test func shanghaiClaim() throws {
        let result = try CLI.run([
            "check", Self.sse,
            "--claim", "surged by 31 points, or 1%, to 3,231.41 on Thursday and Friday",
        ])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows.contains("level 3,231.41 3,231.41 (2023-06-09) exact (2023-06-09)"))
        #expect(rows.contains("percent 1% 1.05% holds (1.05% → 1%)"))
        #expect(rows.contains("points 31 33.65 off by 2.65"))
    }

    @Test func json() throws {
        let result = try CLI.run([
            "check", Self.djia, "--format", "json", "--near", "2023-06-08",
            "--claim", "increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday",
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["holds"] as? Bool == false)
        let findings = try #require(object["findings"] as? [[String: Any]])
        let statuses = findings.map { "\($0["part"] as? String ?? ""): \($0["status"] as? String ?? "")" }
        #expect(statuses == ["level: exact", "direction: holds", "points: off", "percent: holds", "days: holds"])
        let points = try #require(findings.first { $0["part"] as? String == "points" })
        #expect(points["difference"] as? Double == 2.33)
    }

    @Test func aClaimThatHoldsStillExitsZero() throws {
        let result = try CLI.run([
            "check", Self.djia,
            "--claim", "The Dow rose 260.33 points, or 0.78%, to 33,833.61 on Wednesday and Thursday (June 7–8, 2023).",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("overall   holds\n"))
    }

    /// (arguments after the file, exit status, text stderr must contain).
    @Test(arguments: [
        (["--claim", "rose by a lot"], Int32(64), "error: cannot read \"by a lot\" as points or percent"),
        (["--claim", "rose 1% on Thursday"], 64, "add --near DATE"),
        (["--near", "2023-06-08"], 64, "--claim TEXT is required"),
        (["--claim", "rose 1% to 33,800", "--near", "June 8"], 64, "--near takes a date as YYYY-MM-DD"),
    ])
    func errors(arguments: [String], status: Int32, message: String) throws {
        let result = try CLI.run(["check", Self.djia] + arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func badDataIsExitOne() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try CLI.write("DATE,DJIA\n2023-06-07,33665.02\n2023-06-07,33833.61\n", named: "dup.csv", in: directory)
        let result = try CLI.run(["check", path, "--claim", "rose 1% to 33,833.61"])
        #expect(result.status == 1)
    }
}
