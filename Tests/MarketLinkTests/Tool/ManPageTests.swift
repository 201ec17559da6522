import Foundation
import Testing

@testable import mlink

/// `mlink man`: the manual page mlink(1). It reads without a warning in groff, mandoc and man,
/// and, rendered, holds every section a manual page has, every command with every option it
/// declares, the exit statuses, the environment and every command's examples. A tool that is
/// not installed skips its lint and says so (.ci/run installs them).
@Suite struct ManPageTests {
    /// The page, written by the real binary to a file.
    static func page() throws -> (roff: String, file: URL) {
        let folder = try CLI.temporaryDirectory()
        let file = folder.appendingPathComponent("mlink.1")
        let outcome = try CLI.run(["man", "-o", file.path])
        let roff = try String(contentsOf: file, encoding: .utf8)
        // Nothing on standard error but the line that says the file is there.
        #expect(outcome.status == 0 && outcome.stderr == "wrote \(CLI.grouped(roff.utf8.count)) bytes to \(file.path)\n", "\(outcome.stderr)")
        return (roff, file)
    }

    // MARK: Lint

    @Test(.enabled(if: Program.installed("groff"), "groff is not installed (.ci/run installs it with apt-get)"))
    func groffWarnsOfNothing() throws {
        let (_, file) = try Self.page()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        for device in ["ascii", "utf8", "ps"] {
            let outcome = try Program.run("groff", ["-ww", "-man", "-z", "-T", device, file.path])
            #expect(outcome.status == 0 && outcome.stderr.isEmpty, "groff -T \(device): \(outcome.stderr)")
        }
    }

    @Test(.enabled(if: Program.installed("mandoc"), "mandoc is not installed (.ci/run installs it with apt-get)"))
    func mandocLintIsClean() throws {
        let (_, file) = try Self.page()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let outcome = try Program.run("mandoc", ["-T", "lint", file.path])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty && outcome.stderr.isEmpty, "\(outcome.stdout)\(outcome.stderr)")
    }

    /// `man -l` with groff's warnings on, at the widths of a phone-sized and a wide terminal.
    @Test(.enabled(if: Program.installed("man"), "man is not installed (.ci/run installs man-db with apt-get)"))
    func manRendersWithoutAWarning() throws {
        let (_, file) = try Self.page()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        for width in ["60", "80", "132"] {
            let outcome = try Program.run("man", ["--warnings", "-l", file.path], environment: ["MANWIDTH": width, "MANPAGER": "cat"])
            #expect(outcome.status == 0 && outcome.stderr.isEmpty, "width \(width): \(outcome.stderr)")
            #expect(outcome.stdout.contains("MLINK(1)"))
        }
    }

    // MARK: What it says

    /// The page as a reader sees it, at 200 columns so that no line of interest is broken.
    static func rendered() throws -> String {
        let (_, file) = try page()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let outcome = try Program.run("man", ["-l", file.path], environment: ["MANWIDTH": "200", "MANPAGER": "cat"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout
    }

    /// The text of a section: from its heading (at the left margin) to the next one.
    static func section(_ title: String, of text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: title) else { return "" }
        let end = lines[(start + 1)...].firstIndex { !$0.isEmpty && !$0.hasPrefix(" ") } ?? lines.count
        return lines[start..<end].joined(separator: "\n")
    }

    @Test(.enabled(if: Program.installed("man"), "man is not installed (.ci/run installs man-db with apt-get)"))
    func itHasTheSectionsOfAManualPage() throws {
        let text = try Self.rendered()
        let headings = text.components(separatedBy: "\n").filter { !$0.isEmpty && $0.first?.isUppercase == true && $0 == $0.uppercased() }
        #expect(
            headings.filter { !$0.hasPrefix("MLINK(1)") && !$0.hasPrefix("MARKETLINK") }
                == ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO"])
        #expect(Self.section("NAME", of: text).contains("mlink - how did markets move around events?"))
        let exit = Self.section("EXIT STATUS", of: text)
        for status in ["0", "1", "64", "70"] { #expect(exit.contains("\n       \(status) "), "exit status \(status)") }
        let environment = Self.section("ENVIRONMENT", of: text)
        for name in ["NO_COLOR", "TERM"] { #expect(environment.contains(name)) }
        let files = Self.section("FILES", of: text)
        for kind in ["events files", "price files"] { #expect(files.contains(kind)) }
    }

    /// Each command has its subsection, and in it every option it declares, as it is typed.
    @Test(.enabled(if: Program.installed("man"), "man is not installed (.ci/run installs man-db with apt-get)"))
    func everyCommandHasItsOptions() throws {
        let commands = Self.section("COMMANDS", of: try Self.rendered())
        let parts = commands.components(separatedBy: "\n   mlink ")
        for command in MLink.commands {
            let part = try #require(parts.first { $0.hasPrefix(command.name + "\n") }, "no subsection for mlink \(command.name)")
            #expect(part.contains("mlink \(command.name) "), "the usage of \(command.name)")
            for option in command.options {
                let label = (option.short.map { $0 + ", " } ?? "") + option.name + (option.valueName.map { " " + $0 } ?? "")
                #expect(part.contains("\n       " + label + "\n") || part.contains("\n       " + label + " "), "\(command.name): \(label)")
            }
            for positional in command.positionals { #expect(part.contains(positional.name)) }
        }
    }

    @Test(.enabled(if: Program.installed("man"), "man is not installed (.ci/run installs man-db with apt-get)"))
    func everyExampleIsShown() throws {
        // A command shown over several lines ends each but the last in " \"; read it as one.
        let examples = Self.section("EXAMPLES", of: try Self.rendered()).replacingOccurrences(of: " \\\n               ", with: " ")
        for command in MLink.commands {
            for example in command.examples { #expect(examples.contains("           " + example), "\(example)") }
        }
    }

    @Test func theSameDeclarationsGiveTheSameBytes() throws {
        let first = try CLI.run(["man", "-o", "-"])
        let second = try CLI.run(["man"])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix(".\\\" mlink(1), generated by `mlink man`"))
    }

    // MARK: Escaping

    @Test func roffEscapesWhatItWouldReadAsItsOwn() {
        #expect(Roff.escape(#"--window -1:1"#) == #"\-\-window \-1:1"#)
        #expect(Roff.escape(#"C:\path"#) == #"C:\epath"#)
        #expect(Roff.escape(#"say "hi""#) == #"say \(dqhi\(dq"#)
        #expect(Roff.escape("a\u{7}b\u{1B}[1m") == "ab[1m")
        #expect(Roff.escape("t0+A−1") == #"t0+A\-1"#)
        #expect(Roff.escape("June 7–8 — …") == #"June 7\(en8 \(em .\|.\|."#)
        #expect(Roff.escape("上证") == #"\[u4E0A]\[u8BC1]"#)
        #expect(Roff.escape("é😀") == #"\[u00E9]\[u1F600]"#)
        #expect(Roff.line(".SH not a heading") == #"\&.SH not a heading"#)
        #expect(Roff.line("'br not a request") == #"\&'br not a request"#)
        #expect(Roff.line("a.b 'c'") == "a.b 'c'")
    }

    @Test func aParagraphKeepsItsLinesShortAndSafe() {
        let lines = Roff.paragraph("first line\nand a word that is long: " + String(repeating: "column_name,", count: 12) + "end. .dot 'quote")
        for line in lines { #expect(line.utf8.count <= 80, "\(line)") }
        #expect(lines.contains(#"column_name,\:\c"#))
        #expect(!lines.contains { $0.hasPrefix(".") || $0.hasPrefix("'") })
        #expect(lines.joined(separator: " ").contains("first line and a word"))
    }

    @Test func aLongCommandGoesOnOverLinesAShellReadsAsOne() {
        let lines = Roff.verbatim("mlink study --events events.csv DJIA=djia.csv --benchmark SP500=sp500.csv --estimation -120:-6")
        #expect(
            lines == [
                #"mlink study \-\-events events.csv DJIA=djia.csv \e"#,
                #"    \-\-benchmark SP500=sp500.csv \-\-estimation \-120:\-6"#,
            ])
        #expect(Roff.verbatim(#"mlink check x.csv --claim "rose 2 points on a day that is long to say" -o y.json"#).count == 2)
        #expect(Roff.verbatim("The Dow rose 1 point, a sentence of output that is not a command and stays one line") .count == 1)
    }
}
