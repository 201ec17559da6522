import Foundation
import Testing

@testable import MarketLink

/// Exports are safe to open (DESIGN §3):
/// - CSV: every text cell that came from an events file or a series name and starts with `=`,
///   `+`, `-`, `@`, tab or CR gets a leading `'`, so a spreadsheet shows it instead of running it;
///   numbers (negative ones included) are written as numbers, never prefixed.
/// - HTML and SVG: event text is escaped, so it reads as text and never as markup.
/// (Outputs never replacing inputs: `BadRequestTests`.)
@Suite struct SafeExportTests {
    static let starters = ["=", "+", "-", "@", "\t", "\r"]

    /// An events file whose ids, titles, tags and an unknown `note` column start with each formula
    /// character. Known cells are trimmed of spaces and tabs when read (so "\tcmd" is read as
    /// "cmd"); the unknown column is kept verbatim, so the tab case reaches `events list` there.
    static func hostileEvents(in folder: URL) throws -> String {
        var text = "id,date,title,tags,note\n"
        let payloads = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2-3", "@SUM(A1:A9)", "\tcmd", "\rcmd"]
        for (k, payload) in payloads.enumerated() {
            let cell = "\"" + payload.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let id = k == 0 ? "=1" : k == 1 ? "+2" : k == 2 ? "-3" : k == 3 ? "@4" : "\(k + 1)"
            text += "\(id),2023-06-0\(k + 1),\(cell),\(cell),\(cell)\n"
        }
        return try CLI.write(text, named: "events.csv", in: folder)
    }

    static func rows(_ text: String) throws -> [[String]] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: 44, file: "out.csv")
            var fields: [CSVField] = []
            var out: [[String]] = []
            while try tokenizer.nextRow(into: &fields) { out.append(fields.map { tokenizer.text($0) }) }
            return out
        }
    }

    static func startsWithFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        return starters.contains(String(first))
    }

    @Test func changeReportNeutralisesTextAndLeavesNumbers() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try Self.hostileEvents(in: folder)
        let outcome = try CLIRunner.run(["changes", "--events", events, "@evil=fixtures/djia.csv", "--window", "-1:1", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let table = try Self.rows(outcome.stdout)
        let header = try #require(table.first)
        let body = Array(table.dropFirst())
        #expect(body.count == 6)
        let log = try EventLog.load(path: events)
        for (row, event) in zip(body, log.events) {
            let cell = { (name: String) in row[header.firstIndex(of: name) ?? 0] }
            for (column, original) in [("event_id", event.id), ("event_title", event.title), ("tags", event.tags.joined(separator: ";")), ("series", "@evil")] {
                let expected = Self.startsWithFormula(original) ? "'" + original : original
                #expect(cell(column) == expected, "\(column): \(original.debugDescription)")
            }
            // 2023-06-01 ... 06-06 are inside the data: every number is there and unprefixed.
            #expect(cell("status") == "ok")
            for column in ["base_close", "end_close", "points", "percent"] {
                let text = cell(column)
                guard case .value = NumberReader.read(text) else {
                    Issue.record("\(column) \(text.debugDescription) is not a number")
                    continue
                }
                #expect(!text.hasPrefix("'"))
            }
        }
        // Some moves fell: negative numbers stay negative numbers.
        #expect(body.contains { $0[header.firstIndex(of: "points") ?? 0].hasPrefix("-") })
        // The titles came through: "+1+2" as "'+1+2".
        #expect(body.contains { $0[header.firstIndex(of: "event_title") ?? 0] == "'+1+2" })
    }

    @Test func eventsListNeutralisesEveryTextColumn() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try Self.hostileEvents(in: folder)
        let outcome = try CLIRunner.run(["events", "list", events, "--format", "csv"])
        #expect(outcome.status == 0)
        let table = try Self.rows(outcome.stdout)
        #expect(table.first == ["id", "date", "time", "timezone", "instant_utc", "weekday", "title", "tags", "score", "source", "note"])
        let body = table.dropFirst()
        #expect(body.count == 6)
        for row in body {
            for (k, cell) in row.enumerated() where k != 8 {  // score is a number
                #expect(!Self.startsWithFormula(cell), "column \(k): \(cell.debugDescription)")
            }
        }
        // The unknown column keeps its text verbatim after the `'`: tab and CR included.
        #expect(body.map { $0[10] } == ["'=HYPERLINK(\"http://x\",\"y\")", "'+1+2", "'-2-3", "'@SUM(A1:A9)", "'\tcmd", "'\rcmd"])
    }

    // MARK: HTML and SVG

    static let markup = ["<", ">", "&", "\"", "'", "<script>", "</text>", "]]>", "&amp;", "&#x3C;", "\u{0}", "\u{7}", "\u{85}", "\u{FFFE}", "a", "中", "📈", " ", "\n"]

    /// Over generated text (fixed seed): the escaped form holds no markup character, every `&`
    /// starts one of the five references, and an XML parser reads the original text back (with the
    /// characters XML cannot hold replaced by U+FFFD) from both element content and an attribute.
    @Test func escapedTextParsesBackAsText() throws {
        var random = SeededGenerator(seed: 39)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<random.int(0...8) { text += random.pick(Self.markup) }
            let escaped = MarkupText.escaped(text)
            #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
            var rest = Substring(escaped)
            while let amp = rest.firstIndex(of: "&") {
                let tail = rest[amp...]
                #expect(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { tail.hasPrefix($0) }, "\(escaped)")
                rest = rest[rest.index(after: amp)...]
            }
            let parsed = ParsedXML("<a b=\"\(escaped)\">\(escaped)</a>")
            #expect(parsed.isWellFormed, "\(text.debugDescription)")
            let expected = String(
                String.UnicodeScalarView(
                    text.unicodeScalars.map { scalar in
                        switch scalar.value {
                        case 0x09, 0x0A, 0x0D: return scalar
                        case 0x00..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return "\u{FFFD}"
                        default: return scalar
                        }
                    }))
            #expect(parsed.all("a").first?.text == expected, "\(text.debugDescription)")
        }
    }

    /// A chart of a series named, and an event titled, with markup: the SVG is well-formed, has
    /// no element the text tried to open, and shows the text as written.
    @Test func chartTextIsEscaped() throws {
        let days = try ["2023-06-06", "2023-06-07", "2023-06-08"].map { try #require(Day(iso: $0)) }
        let hostile = "<script>alert(\"x\")</script> & 'quotes'"
        let chart = LineChart(
            title: hostile, subtitle: "</svg><svg onload=\"x\">", yLabel: "a<b",
            lines: [LineChart.Line(name: hostile, points: days.enumerated().map { LineChart.Point(day: $1, value: 100 + Double($0)) })],
            markers: [LineChart.Marker(day: days[1], label: "\"><image href=x>")])
        let svg = chart.svg()
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(parsed.all("script").isEmpty && parsed.all("image").isEmpty)
        #expect(parsed.all("svg").count == 1)
        let texts = parsed.elements.map(\.text)
        #expect(texts.contains(hostile))
        #expect(texts.contains { $0.contains("</svg><svg onload=\"x\">") })
    }
}
