import Foundation
import Testing
@testable import MarketLink

/// `mlink move` end to end, on a FRED-layout file (`DATE,DJIA`, `.` on holidays) written from
/// RealCloses into a temporary directory.
@Suite struct MoveCommandTests {
    static func djiaFile(in directory: URL) throws -> String {
        try CLI.write(RealCloses.fredCSV("DJIA", RealCloses.djia, holidays: ["2023-01-02", "2023-05-29"]), named: "djia.csv", in: directory)
    }

    @Test func wednesdayAndThursday() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["move", try Self.djiaFile(in: directory), "--from", "2023-06-07", "--to", "2023-06-08"])
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

    @Test func json() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["move", try Self.djiaFile(in: directory), "--from", "2023-06-07", "--to", "2023-06-08", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["baseDate"] as? String == "2023-06-06")
        #expect(object["endClose"] as? Double == 33833.61)
        #expect(object["points"] as? Double == 260.33)
        #expect(object["sessions"] as? Double == 2)
        #expect((object["sentence"] as? String)?.hasSuffix("(June 7–8, 2023).") == true)
    }

    /// (arguments after the file, exit status, text stderr must contain).
    @Test(arguments: [
        (["--from", "2023-06-10", "--to", "2023-06-11"], Int32(1), "has no session dated from 2023-06-10 to 2023-06-11"),
        (["--from", "2022-12-01", "--to", "2022-12-28"], 1, "no session before 2022-12-27, its first"),
        (["--from", "2023-06-10"], 64, "--to DATE is required"),
        (["--from", "2023-06-09", "--to", "2023-06-08"], 64, "--from 2023-06-09 is after --to 2023-06-08"),
        (["--from", "June 8", "--to", "2023-06-08"], 64, "--from takes a date as YYYY-MM-DD"),
        (["--from", "2023-06-07", "--to", "2023-06-08", "--format", "csv"], 64, "--format takes table or json"),
    ])
    func errors(arguments: [String], status: Int32, message: String) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["move", try Self.djiaFile(in: directory)] + arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout == "")
    }
}
