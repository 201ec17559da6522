import Foundation
import Testing

// Every output a person reads, through the CLI on committed fixtures.
//
// `fixtures/djia-yahoo.csv` is the real Dow written as Yahoo writes it: float32 with six decimals.
// Its 2023-06-06 close 33,573.28 is written 33573.281250 and its 2023-06-08 close 33,833.61 is
// written 33833.609375 (the float32 derivations are in `DisplayPrecisionTests`). Event 11 of
// `fixtures/events-2023.csv` is on Wednesday 2023-06-07; over window 0:1 its base is Tuesday's
// close and its end Thursday's, so every output must read, by hand from the real closes:
//   base 33,573.28, end 33,833.61, points 33,833.61 − 33,573.28 = +260.33,
//   percent 100 · (33,833.61 / 33,573.28 − 1) = +0.7754… → +0.78% (DESIGN §2's own example),
// and never the float's own digits (33,833.6094, +260.3281, 33833.609375).

@Suite struct YahooNoiseOutputTests {
    static let inputs = ["--events", "fixtures/events-2023.csv", "DJIA=fixtures/djia-yahoo.csv", "--window", "0:1"]
    static let sentence =
        "The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on Wednesday and Thursday (June 7–8, 2023)."
    static let noise = ["33,833.6094", "33833.6094", "260.3281", "33,573.2812", "33833.609375", "33,833.609375"]

    func expectNoNoise(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for digits in Self.noise { #expect(!text.contains(digits), "\(digits)", sourceLocation: sourceLocation) }
    }

    @Test func table() throws {
        let run = try CLI.run(["changes"] + Self.inputs + ["--format", "table"])
        #expect(run.status == 0, "\(run.stderr)")
        let row = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("11 ") })
        let cells = row.split(separator: " ").map(String.init)
        #expect(Array(cells.suffix(6)) == ["2023-06-06", "33,573.28", "2023-06-08", "33,833.61", "+260.33", "+0.78"])
        expectNoNoise(run.stdout)
    }

    @Test func markdown() throws {
        let run = try CLI.run(["changes"] + Self.inputs + ["--format", "md"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("| 0:1 | 2023-06-06 | 33,573.28 | 2023-06-08 | 33,833.61 | +260.33 | +0.78 |"))
        expectNoNoise(run.stdout)
    }

    @Test func sentences() throws {
        let run = try CLI.run(["changes"] + Self.inputs + ["--sentences", "--format", "table"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("[11 DJIA 0:1] " + Self.sentence))
        expectNoNoise(run.stdout)
    }

    @Test func move() throws {
        let run = try CLI.run(["move", "DJIA=fixtures/djia-yahoo.csv", "--from", "2023-06-07", "--to", "2023-06-08"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix(Self.sentence + "\n"))
        #expect(run.stdout.contains("  base        2023-06-06  33,573.28\n  end         2023-06-08  33,833.61\n"))
        #expect(run.stdout.contains("  points      +260.33\n  percent     +0.78%\n"))
        expectNoNoise(run.stdout)
    }

    /// 258 claimed against 260.33: off by 2.33 (DESIGN §2's fact-check example).
    @Test func check() throws {
        let run = try CLI.run([
            "check", "DJIA=fixtures/djia-yahoo.csv", "--claim", "increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("from the close of 2023-06-06 (33,573.28) to the close of 2023-06-08 (33,833.61)"))
        #expect(run.stdout.contains("measured  " + Self.sentence))
        #expect(run.stdout.contains("off by 2.33"))
        expectNoNoise(run.stdout)
    }

    @Test func htmlReport() throws {
        let run = try CLI.run(["report"] + Self.inputs)
        #expect(run.status == 0, "\(run.stderr)")
        let html = run.stdout
        #expect(html.contains("<code>0:1</code> " + Self.sentence))
        // The change table's row for event 11: closes and points as the values they stand for.
        #expect(html.contains("<td class=\"num\" data-label=\"base close\">33,573.28</td>"))
        #expect(html.contains("<td class=\"num\" data-label=\"end close\">33,833.61</td>"))
        #expect(html.contains("<td class=\"num\" data-label=\"points\">+260.33</td>"))
        expectNoNoise(html)
    }

    /// Not rebased, the chart's tooltips give the closes themselves.
    @Test func svgChart() throws {
        let run = try CLI.run(["chart", "--events", "fixtures/events-2023.csv", "DJIA=fixtures/djia-yahoo.csv", "--event", "11"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("<title>DJIA, Thu 2023-06-08: 33,833.61</title>"))
        #expect(run.stdout.contains("<title>DJIA, Tue 2023-06-06: 33,573.28</title>"))
        expectNoNoise(run.stdout)
    }

    /// Rebased, each tooltip gives the close it was rebased from in brackets.
    @Test func rebasedSVGChart() throws {
        let run = try CLI.run(["chart", "--events", "fixtures/events-2023.csv", "DJIA=fixtures/djia-yahoo.csv", "--event", "11", "--rebase"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("(33,833.61)</title>"))
        expectNoNoise(run.stdout)
    }

    /// CSV keeps the closes as read (six decimals), as DESIGN §3 says files do.
    @Test func csvKeepsFullPrecision() throws {
        let run = try CLI.run(["changes"] + Self.inputs + ["--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(",DJIA,0:1,2023-06-06,33573.28125,2023-06-08,33833.609375,260.328125,"))
    }
}

// Hostile text in inputs, through every command that prints it.

@Suite struct HostileTextOutputTests {
    /// An OSC sequence that retitles the terminal, SGR colours, a C1 CSI that clears the screen.
    static let escapes = "\u{1B}]0;owned\u{7}\u{1B}[31mRed alert\u{1B}[0m \u{9B}2J"
    static let markup = "<img src=x onerror=alert(1)> [x](javascript:alert(1))"

    /// A folder with an events file whose event on 2023-06-07 carries `title`.
    static func eventsFile(title: String) throws -> (folder: URL, path: String) {
        let folder = try CLI.temporaryDirectory()
        let quoted = "\"" + title.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let path = try CLI.write(
            "id,date,title,tags,source\n1,2023-06-07,\(quoted),diplomacy,Reuters\n2,2023-06-08,Plain title,diplomacy,Reuters\n",
            named: "events.csv", in: folder)
        return (folder, path)
    }

    /// No C0 control but the line feed, no DEL and no C1 control; the escape shown as `␛`.
    func expectShownSafely(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        #expect(raw.isEmpty, "raw controls: \(raw.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        #expect(text.contains("␛"), sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ["changes", "--window", "0:1"], ["changes", "--window", "0:1", "--sentences"],
        ["study", "--estimation", "-120:-6"], ["report"], ["chart", "--event", "1"],
    ])
    func titleInEventCommands(_ command: [String]) throws {
        let (folder, events) = try Self.eventsFile(title: Self.escapes)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The terminal table (a pipe gets CSV by default); the report and chart are markup.
        let format = command[0] == "report" || command[0] == "chart" ? [] : ["--format", "table"]
        let run = try CLI.run([command[0], "--events", events, "fixtures/djia.csv"] + command.dropFirst() + format)
        #expect(run.status == 0, "\(run.stderr)")
        if command[0] == "report" || command[0] == "chart" {
            // HTML and SVG: the escape replaced by U+FFFD, never raw.
            #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{9B}"))
        } else {
            expectShownSafely(run.stdout)
            #expect(run.stdout.contains("␛]0;owned␇␛[31mRed"))
        }
    }

    @Test func titleInEventsList() throws {
        let (folder, events) = try Self.eventsFile(title: Self.escapes)
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["table", "md"] {
            let run = try CLI.run(["events", "list", events, "--format", format])
            #expect(run.status == 0, "\(run.stderr)")
            expectShownSafely(run.stdout)
        }
    }

    /// A series name and a column header from the file, in the commands that print them.
    @Test func namesAndHeaders() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let djia = try String(contentsOfFile: CLI.fixture("fixtures/djia.csv"), encoding: .utf8)
        let hostile = try CLI.write(
            djia.replacingOccurrences(of: "DATE,DJIA", with: "DATE,\u{1B}]0;x\u{7}DJIA"), named: "hostile.csv", in: folder)
        let name = "\u{1B}[31mDow\u{9B}2J"
        let runs = [
            ["inspect", hostile],
            ["inspect", name + "=fixtures/djia.csv"],
            ["move", name + "=fixtures/djia.csv", "--from", "2023-06-07", "--to", "2023-06-08"],
            ["check", name + "=fixtures/djia.csv", "--claim", "rose 260.33 points to 33,833.61 on Wednesday and Thursday"],
            ["correlate", "--events", "fixtures/events-2023.csv", name + "=fixtures/djia.csv", "fixtures/sse.csv", "--format", "table"],
            ["changes", "--events", "fixtures/events-2023.csv", name + "=fixtures/djia.csv", "--format", "table"],
        ]
        for arguments in runs {
            let run = try CLI.run(arguments)
            #expect(run.status == 0, "\(arguments[0]): \(run.stderr)")
            expectShownSafely(run.stdout)
        }
    }

    /// In `--format md`, HTML and links from a title are text: every `<`, `>`, `[` and `]` of the
    /// output carries its backslash, so no element, autolink, link or image can start.
    @Test(arguments: [
        ["changes", "--window", "0:1", "--format", "md"], ["study", "--estimation", "-120:-6", "--format", "md"],
    ])
    func markupInMarkdown(_ command: [String]) throws {
        let (folder, events) = try Self.eventsFile(title: Self.markup)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run([command[0], "--events", events, "fixtures/djia.csv"] + command.dropFirst())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1))"))
        expectInert(run.stdout)
    }

    @Test func markupInEventsListMarkdown() throws {
        let (folder, events) = try Self.eventsFile(title: Self.markup)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["events", "list", events, "--format", "md"])
        #expect(run.stdout.contains("| \\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1)) |"))
        expectInert(run.stdout)
    }

    func expectInert(_ markdown: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var backslashes = 0
        for scalar in markdown.unicodeScalars {
            if scalar == "<" || scalar == ">" || scalar == "[" || scalar == "]" {
                #expect(backslashes % 2 == 1, "unescaped \(scalar)", sourceLocation: sourceLocation)
            }
            backslashes = scalar == "\\" ? backslashes + 1 : 0
        }
    }
}
