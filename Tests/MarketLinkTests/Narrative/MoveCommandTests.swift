import Foundation
import Testing
@testable import MarketLink

/// `mlink move` end to end on `fixtures/djia.csv` (FRED layout `DATE,DJIA`, `.` on holidays).
@Suite struct MoveCommandTests {
    static let djia = CLI.fixture("fixtures/djia.csv")

    @Test func wednesdayAndThursday() throws {
        let result = try CLI.run(["move", Self.djia, "--from", "2023-06-07", "--to", "2023-06-08"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines.first
                == "The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on Wednesday and Thursday (June 7–8, 2023)."
        )
        // ln(33833.61 / 33573.28) = 0.0077241746... → +0.007724
        #expect(
            Array(lines.dropFirst()) == [
                "",
                "  series      DJIA",
                "  base        2023-06-06  33,573.28",
                "  end         2023-06-08  33,833.61",
                "  sessions    2 (2023-06-07 to 2023-06-08)",
                "  points      +260.33",
                "  percent     +0.78%",
                "  log return  +0.007724",
                "",
            ])
    }

    /// The other forms on the fixture; numbers as in MoveSentenceTests (same closes).
    @Test(arguments: [
        ("2023-06-08", "2023-06-08", "on Thursday (June 8, 2023)."),
        ("2023-06-06", "2023-06-08", "from Tuesday to Thursday (June 6–8, 2023)."),
        ("2023-06-01", "2023-06-14", "over the 10 sessions from June 1 to June 14, 2023."),
        ("2023-05-27", "2023-06-02", "from Tuesday to Friday (May 30–June 2, 2023)."),  // Memorial Day weekend first
        ("2022-12-29", "2023-01-03", "over the 3 sessions from December 29, 2022 to January 3, 2023."),
    ])
    func forms(from: String, to: String, ending: String) throws {
        let result = try CLI.run(["move", Self.djia, "--from", from, "--to", to])
        #expect(result.status == 0)
        let first = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasSuffix(ending), "\(first)")
    }

    @Test func shanghaiFixture() throws {
        // Investing.com (Chinese site) layout, newest first; 3197.76 → 3231.41.
        let result = try CLI.run(["move", CLI.fixture("fixtures/sse.csv"), "--from", "2023-06-08", "--to", "2023-06-09"])
        #expect(result.status == 0)
        #expect(
            result.stdout.hasPrefix(
                "The Shanghai Composite rose 33.65 points, or 1.05%, to 3,231.41 on Thursday and Friday (June 8–9, 2023).\n"))
    }

    @Test func json() throws {
        let result = try CLI.run(["move", Self.djia, "--from", "2023-06-07", "--to", "2023-06-08", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["base_date"] as? String == "2023-06-06")
        #expect(object["end_close"] as? Double == 33833.61)
        #expect(object["points"] as? Double == 260.33)
        #expect(object["sessions"] as? Double == 2)
        #expect((object["sentence"] as? String)?.hasSuffix("(June 7–8, 2023).") == true)
    }

    /// (arguments after the file, exit status, text stderr must contain).
    @Test(arguments: [
        (["--from", "2023-06-10", "--to", "2023-06-11"], Int32(1), "has no session dated from 2023-06-10 to 2023-06-11"),
        (["--from", "2022-05-01", "--to", "2022-06-02"], 1, "no session before 2022-06-01, its first"),
        (["--from", "2023-07-03", "--to", "2023-07-07"], 1, "has no session dated from 2023-07-03 to 2023-07-07 (the last before is 2023-06-30)"),
        (["--from", "2023-06-10"], 64, "--to DATE is required"),
        (["--from", "2023-06-09", "--to", "2023-06-08"], 64, "--from 2023-06-09 is after --to 2023-06-08"),
        (["--from", "June 8", "--to", "2023-06-08"], 64, "--from takes a date as YYYY-MM-DD"),
        (["--from", "2023-06-07", "--to", "2023-06-08", "--format", "csv"], 64, "--format takes table or json"),
    ])
    func errors(arguments: [String], status: Int32, message: String) throws {
        let result = try CLI.run(["move", Self.djia] + arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout == "")
    }

    @Test func temporaryFileInFREDLayout() throws {
        // The same move from a file written here, in case the fixture ever changes.
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try CLI.write(
            RealCloses.fredCSV("DJIA", RealCloses.djia, holidays: ["2023-01-02", "2023-05-29"]), named: "djia.csv", in: directory)
        let result = try CLI.run(["move", path, "--from", "2023-06-07", "--to", "2023-06-08"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on Wednesday and Thursday"))
    }
}
