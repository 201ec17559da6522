import Foundation
import Testing
@testable import MarketLink

/// Each malformed file gives one located error and exit code 1. Locations were counted by hand
/// from the bytes of each file (see the comment of each case).
@Suite struct BadPriceFileTests {
    typealias Case = LocatedErrorCase

    static let cases: [Case] = [
        // Line 3 is `2023-06-08,"33833.61` and the file ends inside the quote opened at column 12.
        Case(file: "unterminated-quote.csv", location: "3:12", message: "unterminated quoted field"),
        // `2023-06-08,1,1,1,abc,...`: "abc" starts at column 18, under the Close header.
        Case(file: "text-in-close.csv", location: "3:18", message: "cannot read \"abc\" as a number in column \"Close\""),
        // 2023-06-08 is on lines 3 and 4.
        Case(file: "duplicate-date.csv", location: "4:1", message: "duplicate date 2023-06-08 for DJIA (also on line 3)"),
        Case(file: "empty.csv", location: "1:1", message: "the file is empty"),
        Case(file: "header-only.csv", location: "1:1", message: "the header on line 1 is followed by no price rows"),
        // The GBK bytes of 日 (C8 D5) start the file.
        Case(file: "gbk.csv", location: "1:1", message: "invalid UTF-8 (byte 0xC8); the file looks like GBK/GB18030"),
        // `2023-06-08,33833.61,caf` is 23 bytes; the Latin-1 é (E9) is byte 24.
        Case(file: "latin1.csv", location: "2:24", message: "invalid UTF-8 (byte 0xE9); re-save the file as UTF-8"),
    ]

    @Test(arguments: cases)
    func libraryReportsTheLocatedError(_ item: Case) throws {
        let path = "fixtures/bad/\(item.file)"
        let bytes = try #require(FileManager.default.contents(atPath: CLIRunner.fixture(path)))
        do {
            _ = try PriceFile.load(bytes: [UInt8](bytes), file: path)
            Issue.record("\(item.file) loaded without an error")
        } catch {
            #expect(error.kind == .data)
            #expect("\(error)".hasPrefix("\(path):\(item.location): error: \(item.message)"), "\(error)")
        }
    }

    @Test(arguments: cases)
    func inspectPrintsOneErrorAndExitsOne(_ item: Case) throws {
        let path = "fixtures/bad/\(item.file)"
        let outcome = try CLIRunner.run(["inspect", path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(outcome.stderr.hasPrefix("\(path):\(item.location): error: \(item.message)"), "\(outcome.stderr)")
    }

    @Test func missingFileAndUsageErrors() throws {
        let missing = try CLIRunner.run(["inspect", "fixtures/no-such-file.csv"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "fixtures/no-such-file.csv: error: no such file\n")
        let noArguments = try CLIRunner.run(["inspect"])
        #expect(noArguments.status == 64)
        #expect(noArguments.stderr.contains("name at least one price file"))
        let badOption = try CLIRunner.run(["inspect", "--frobnicate", "fixtures/djia.csv"])
        #expect(badOption.status == 64)
        #expect(badOption.stderr.contains("unknown option --frobnicate"))
    }
}
