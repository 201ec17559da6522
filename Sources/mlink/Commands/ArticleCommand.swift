import Foundation
import MarketLink

/// `mlink article FILE [SERIES...]`: every market claim of a news article checked against the
/// data, its dated events drafted (and added to an events file with --events-out), and what was
/// not read listed. The work is `ArticleCheck`'s; this wires options to it.
enum ArticleCommand {
    static let file = PositionalSpec(
        name: "FILE", kind: .inputFile(extensions: ["txt", "md", "html", "htm"]), count: .one,
        help: "the article: plain text, Markdown (.md) or HTML (.html), in UTF-8", missing: "name the article FILE")
    static let published = OptionSpec.value(
        "--published", "DATE", .date,
        help: "the publication date (YYYY-MM-DD) that \"on Friday\" and \"last December\" count from; by default the dateline,"
            + " the page's metadata, a dated byline, or the one session the claimed levels match")
    static let eventsOut = OptionSpec.value(
        "--events-out", "EVENTS", .outputFile(extensions: ["csv"]),
        help: "add the dated events to this events file (created if missing), leaving out those already in it")
    static let source = OptionSpec.value("--source", "S", .text, help: "what the events name as their source (default: FILE)")
    static let output = OutputOptions.Spec.formats([.table, .csv, .json, .md, .html])

    static let spec = CommandSpec(
        path: ["article"],
        summary: "check every market claim in a news article and draft its dated events",
        positionals: [file, PriceFileOptions.series(.zeroOrMore)],
        groups: [OptionGroup(title: "options", options: [published, eventsOut, source]), output.group, PriceFileOptions.group],
        about: """
            Reads a news article (plain text, Markdown or HTML: tags, scripts, styles and navigation
            dropped, entities decoded) and finds every market claim in it, several per sentence where
            there are ("The Dow rose 428.73 points, or 1.3%, to 34,408.06 on Thursday, the S&P 500
            gained ..."), in English or Chinese wire phrasing. Each claim is attributed to an index by
            name ("the Dow", "the benchmark S&P 500", "Shanghai Composite Index", "Hang Seng") and
            checked, by the rules of mlink check, against the loaded SERIES of that index — never
            another's; a claim whose index has no series is listed as not checked. Each claim is also
            checked for internal consistency: its points against its percent against its level.

            Days ("on Wednesday and Thursday", "last Friday", "this week") count from the
            publication date: --published, else the dateline, the page's metadata, a dated byline, or
            the one session whose close every claimed level matches; the report says which. Two
            readings that disagree are an error (exit 1) unless --published settles it.

            Every sentence that reports a past action on a day or in a month ("On May 8, ...", "Last
            December, ...") becomes an event draft; --events-out adds the drafts to an events file
            through the same lossless editor as mlink events add, leaving out drafts already there
            (the same date, title and source), so running it twice adds them once. A month stays a
            month (2022-12): it is not aligned to a session until it is given a day.

            Sentences that name an index and a number but were not read as a claim are listed as
            coverage, so that nothing is skipped silently.
            """,
        examples: [
            "mlink article story.txt DJIA=djia.csv SHCOMP=sse.csv",
            "mlink article page.html DJIA=djia.csv --format html -o checked.html",
            "mlink article story.txt DJIA=djia.csv --published 2023-06-09 --events-out events.csv",
        ],
        notes: """
            The table lists each claim with a verdict per part (level, points, percent, direction,
            weekday, consistency), then the event drafts, then the coverage. JSON gives each claim's
            character span in the file, index, series, resolved days, claimed and actual values and
            verdicts; CSV one row per claim, event and coverage sentence (column record); HTML the
            article with each claim highlighted by its outcome and explained on hover, focus or tap.
            Exit codes: 0 whether or not the claims hold, 1 bad data (file:line:column: error: ...),
            64 bad usage.
            """,
        positionalsFirst: true,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let out = try OutputOptions(&arguments, output, command: "article")
        let publishedDay = try (try arguments.value(published)).map { text throws(UsageError) in try MoveCommand.isoDay(text, option: published.name) }
        let eventsPath = try arguments.value(eventsOut)
        let sourceName = try arguments.value(source)
        let prices = try PriceFileOptions(&arguments)
        let positionals = try arguments.positionals()
        guard let path = positionals.first else { throw UsageError(message: file.missing) }
        let collection = try prices.load(Array(positionals.dropFirst()))
        let inputs = [path] + collection.paths
        try out.refuseInputs(inputs + (eventsPath.map { [$0] } ?? []))
        if let eventsPath { try OutputFile.refuseInput(eventsPath, inputs: inputs) }

        let article = try Article.load(path: path)
        let check = try ArticleCheck(article: article, series: collection.series, published: publishedDay, source: sourceName, vocabulary: .mlink)

        if let eventsPath {
            let drafts = check.eventDrafts
            let edit = try EventLogFile.add(
                drafts, to: eventsPath, newFileColumns: ArticleCheck.eventsFileColumns, options: Terminal.eventLogOptions)
            let undated = check.events.count - drafts.count
            var line = "\(eventsPath): added \(edit.added.count) event\(edit.added.count == 1 ? "" : "s")"
            if !edit.skipped.isEmpty { line += ", \(edit.skipped.count) already there" }
            if undated > 0 { line += ", \(undated) without a date (give --published DATE)" }
            Terminal.error("mlink article: " + line + "\n")
        }

        var json: JSONValue?
        switch out.format {
        case .table: try out.write(check.reportText(color: out.color), inputs: inputs)
        case .json:
            json = check.reportJSON()
            try out.write(json?.serializedUTF8() ?? [], inputs: inputs)
        case .csv: try out.write(check.reportCSV(), inputs: inputs)
        case .md: try out.write(check.markdownReport(), inputs: inputs)
        case .html: try out.write(check.reportHTML(), inputs: inputs)
        }
        // The report is written and committed: end here, without taking apart the article, its
        // check and the JSON tree piece by piece (for a 1 MB article, hundreds of thousands of
        // tokens, strings and arrays), which the process's exit frees at once.
        withExtendedLifetime((article, check, json)) { exit(0) }
    }
}
