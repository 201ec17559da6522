import Foundation
import Testing

@testable import MarketLink

/// Through the command line, each problem that a flag fixes still names the flag: the library
/// says what is wrong, and mlink (`ErrorHints`, `ToolVocabulary.mlink`) says which flag fixes it.
/// Each expected line is the message a user of mlink reads, written out by hand.
@Suite struct FlagHintCommandTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var status: Int32
        var stderr: String
        var testDescription: String { name }
    }

    static let events = "fixtures/events-2023.csv"
    static let zones = "an IANA name such as America/New_York, or an offset such as +08:00"

    /// Problems that need no file of their own.
    static let cases: [Case] = [
        Case(
            name: "estimation window not before the event window",
            arguments: ["study", "--events", events, "fixtures/djia.csv", "--estimation", "-5:0"], status: 64,
            stderr:
                "mlink study: error: the estimation window -5:0 must end before the event window -1:1 starts (its end 0 must be below -1), e.g. --estimation -5:-2\n"
        ),
        Case(
            name: "minimum above the estimation window",
            arguments: ["study", "--events", events, "fixtures/djia.csv", "--estimation", "-30:-2", "--min-estimation", "40"], status: 64,
            stderr:
                "mlink study: error: --min-estimation 40 asks for more returns than the estimation window -30:-2 holds (29): lengthen the window or lower the minimum\n"
        ),
        Case(
            name: "BHAR with log returns", arguments: ["study", "--events", events, "fixtures/djia.csv", "--bhar", "--returns", "log"], status: 64,
            stderr: "mlink study: error: --bhar compounds simple returns: drop --returns log or --bhar\n"),
        Case(
            name: "model needs a benchmark", arguments: ["study", "--events", events, "fixtures/djia.csv", "--model", "market-model"],
            status: 64, stderr: "mlink study: error: --model market-model needs a benchmark series: add --benchmark SERIES (e.g. an S&P 500 file)\n"),
        Case(
            name: "model ignores the benchmark",
            arguments: ["study", "--events", events, "fixtures/djia.csv", "--benchmark", "fixtures/sp500.csv", "--model", "mean"], status: 64,
            stderr: "mlink study: error: --model mean does not use a benchmark: drop --benchmark, or choose --model market or market-model\n"),
        Case(
            name: "claim without a date", arguments: ["check", "fixtures/djia.csv", "--claim", "rose 1% on Thursday"], status: 64,
            stderr:
                "mlink check: error: the claim gives no level (\"to 33,833.61\") and no dated day (\"on June 8, 2023\") to find its session by; add --near DATE\n"
        ),
        Case(
            name: "duplicate series name", arguments: ["changes", "--events", events, "fixtures/djia.csv", "DJIA=fixtures/sp500.csv"], status: 64,
            stderr: "mlink changes: error: two series are named \"DJIA\" (in fixtures/djia.csv and fixtures/sp500.csv); name one with NAME=path\n"),
        Case(
            name: "market for no series", arguments: ["changes", "--events", events, "fixtures/djia.csv", "--market", "FOO=NYSE"], status: 64,
            stderr: "mlink changes: error: --market names \"FOO\", but no series has that name (DJIA)\n"),
        Case(
            name: "adjusted close missing", arguments: ["inspect", "--adjusted", "fixtures/djia.csv"], status: 1,
            stderr: "fixtures/djia.csv:1:1: error: --adjusted asks for an adjusted close, but the header has none (columns: DATE, DJIA)\n"),
        Case(
            name: "ambiguous day/month order", arguments: ["inspect", "fixtures/bad/ambiguous-day-month.csv"], status: 1,
            stderr:
                "fixtures/bad/ambiguous-day-month.csv:2:1: error: date \"01/02/2023\" in column \"Date\" could be MDY or DMY: the file cannot tell; name the order with --date-format (e.g. --date-format MDY)\n"
        ),
    ]

    @Test(arguments: cases)
    func theFlagThatFixesItIsNamed(_ item: Case) throws {
        let outcome = try CLI.run(item.arguments)
        #expect(outcome.status == item.status)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == item.stderr)
    }

    /// Problems of events to add or edit, each against a small events file of its own.
    @Test func eventValuesNameTheirFlags() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try CLI.write("id,date,title\n1,2023-06-06,a\n", named: "plain.csv", in: folder)
        let timed = try CLI.write("id,date,time,timezone,title\n1,2023-06-06,,,a\n", named: "timed.csv", in: folder)
        let runs: [([String], String)] = [
            (
                ["events", "add", timed, "--date", "2023-06-07", "--title", "x", "--time", "17:00"],
                "mlink events add: error: --time needs --timezone (\(Self.zones))\n"
            ),
            (
                ["events", "add", timed, "--date", "2023-06-07", "--title", "x", "--time", "17:00", "--timezone", "Beijing"],
                "mlink events add: error: --timezone: unknown time zone \"Beijing\"; use \(Self.zones)\n"
            ),
            (
                ["events", "edit", timed, "1", "--date", "2023-04-31"],
                "mlink events edit: error: --date: \"2023-04-31\" is not a real date (April 2023 has 30 days)\n"
            ),
            (
                ["events", "edit", plain, "1", "--tag", "x"],
                "mlink events edit: error: the events file has no \"tags\" column, so --tag cannot be recorded; add the column to its header line first\n"
            ),
            (
                ["events", "add", plain, "--date", "2023-06-07", "--title", "x", "--time", "17:00", "--timezone", "Asia/Shanghai"],
                "mlink events add: error: the events file has no \"time\" or \"timezone\" columns, so --time and --timezone cannot be recorded; add the columns to its header line first, or give --date as an ISO 8601 instant such as 2023-06-07T17:00-04:00\n"
            ),
        ]
        for (arguments, stderr) in runs {
            let outcome = try CLI.run(arguments)
            #expect(outcome.status == 64, "\(arguments)")
            #expect(outcome.stderr == stderr)
        }
        // Nothing was written.
        #expect(try String(contentsOfFile: plain, encoding: .utf8) == "id,date,title\n1,2023-06-06,a\n")
        #expect(try String(contentsOfFile: timed, encoding: .utf8) == "id,date,time,timezone,title\n1,2023-06-06,,,a\n")
    }

    /// A date that is no day in the order named: `12/31/2023` has no month 31 as DMY.
    @Test func aDateOutsideTheNamedOrderNamesTheFlag() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try CLI.write("Date,Close\n01/02/2023,1\n12/31/2023,2\n", named: "d.csv", in: folder)
        let outcome = try CLI.run(["inspect", "--date-format", "DMY", path])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr == "\(path):3:1: error: date \"12/31/2023\" in column \"Date\" is not a valid date as day/month/year (--date-format DMY)\n")
    }

    // MARK: - Explanations

    /// `inspect` points to `--adjusted` and `--market`; the library alone only says what is there.
    @Test func inspectNamesTheFlagsBesideItsNotes() throws {
        let outcome = try CLI.run(["inspect", "fixtures/djia-yahoo.csv"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("  note       \"Close\" taken as the close; \"Adj Close\" holds an adjusted close, also available with --adjusted\n"))
        #expect(outcome.stdout.contains("      market   unknown (name it with --market 'djia-yahoo=NYSE', or 'djia-yahoo=ZONE@HH:MM' for another market)\n"))
        let file = try PriceFile.load(path: CLI.fixture("fixtures/djia-yahoo.csv"))
        #expect(file.unusedAdjustedClose == "Adj Close")
        let plain = file.reportText()
        #expect(plain.contains("  note       \"Close\" taken as the close; \"Adj Close\" holds an adjusted close, also available\n"))
        #expect(plain.contains("      market   unknown\n"))
        #expect(!plain.contains("--"))
    }

    /// `changes --align exact`: the legend names the flag; the library's status says the rule.
    @Test func theNoSessionLegendNamesTheAlignment() throws {
        let outcome = try CLI.run(["changes", "--events", Self.events, "fixtures/djia.csv", "--align", "exact", "--window", "0:0", "--format", "table"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasSuffix("  no-session: the event date must be a session (--align exact) and the market had no session on it\n"))
        #expect(ChangeStatus.noSession.explanation == "the event date must be a session (exact alignment) and the market had no session on it")
        #expect(ChangeStatus.noMarket.explanation == "a timed event needs the series' market (zone and close time), and the series has none")
        #expect(
            ChangeStatus.noMarket.explanation(vocabulary: .init { $0 == .market(series: nil) ? "MARKET" : nil })
                == "a timed event needs the series' market (zone and close time): name it with MARKET")
    }

    /// `study --clean` says so in mlink's words; the library's method line says what it did.
    @Test func studyNamesCleanEstimation() throws {
        let outcome = try CLI.run(["study", "--events", Self.events, "fixtures/djia.csv", "--estimation", "-120:-6", "--clean", "--format", "table"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("leaving out sessions inside other events' windows (--clean)"))
        #expect(!outcome.stdout.contains("(a clean estimation)"))
    }

    /// `check` names `--near` where the library says "a date near the claim".
    @Test func checkNamesNear() throws {
        let outcome = try CLI.run(["check", "fixtures/djia.csv", "--claim", "rose 1% to 33,800"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("took 2023-06-08, the latest; give --near DATE to choose another\n"))
    }
}
