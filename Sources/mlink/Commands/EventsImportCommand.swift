import Foundation
import MarketLink

/// `mlink events import gdelt|icews|acled FILE EVENTS [filters]`: events from an event dataset,
/// appended to an events file (`EventImport`).
enum EventsImportCommand {
    static let dataset = PositionalSpec(
        name: "gdelt|icews|acled", kind: .choice(EventDataset.allCases.map(\.rawValue)), count: .one,
        help: "the dataset FILE comes from", missing: "name the dataset (gdelt, icews or acled), the dataset file and the events file")
    static let file = PositionalSpec(
        name: "FILE", kind: .inputFile(extensions: ["csv", "tsv", "tab", "txt"]), count: .one,
        help: "the dataset file: GDELT 1.0 or 2.0 events (.CSV or .tsv, tab-separated), ICEWS (.tab), ACLED (.csv)",
        missing: "name the dataset file and the events file")
    static let events = PositionalSpec(
        name: "EVENTS", kind: .inputFile(extensions: ["csv"]), count: .one, help: "the events file to add to (created when missing)",
        missing: "name the events file to add to")

    static let actor = OptionSpec.value(
        "--actor", "CC", .text, repeatable: true,
        help: "rows with country CC (ISO 3166-1 alpha-3: USA, CHN) on either side; twice, the rows between the two countries, in either order (GDELT, ICEWS)")
    static let country = OptionSpec.value(
        "--country", "CC", .text, help: "rows of events that took place in country CC (ISO alpha-3; GDELT ActionGeo, ICEWS Country, ACLED iso)")
    static let rootCode = OptionSpec.value(
        "--root-code", "C", .text, help: "rows whose CAMEO event code starts with C: a root (04) or a fuller code (042) (GDELT, ICEWS)")
    static let quad = OptionSpec.value(
        "--quad", "Q", .choice(["1", "2", "3", "4"]),
        help: "rows of CAMEO quad class 1, 2, 3 or 4: verbal cooperation, material cooperation, verbal conflict, material conflict (GDELT, ICEWS)")
    static let minMentions = OptionSpec.value("--min-mentions", "N", .integer, help: "GDELT rows with at least N NumMentions, row by row before merging")
    static let from = OptionSpec.value("--from", "D", .date, help: "rows of events dated on or after D (YYYY-MM-DD)")
    static let to = OptionSpec.value("--to", "D", .date, help: "rows of events dated on or before D (YYYY-MM-DD)")

    static let spec = CommandSpec(
        path: ["events", "import"],
        summary: "add events from a GDELT, ICEWS or ACLED file, merged by day, actor pair and event type",
        positionals: [dataset, file, events],
        groups: [OptionGroup(title: "filters (every one given must hold)", options: [actor, country, rootCode, quad, minMentions, from, to]), ProgressOptions.group],
        about: """
            Reads FILE once, in chunks, and adds its events to EVENTS in one locked, atomic write.
            GDELT 1.0 (57 or 58 fields) and 2.0 (61 fields) files are recognised from their field
            count, with or without a header row; ICEWS and ACLED files by their header.

            Rows of one day, one pair of sides (either order) and one CAMEO root code (ACLED: event
            type) become one event, titled from the first row: "United States – China: Consult
            (3 reports)". Its score is the mean GoldsteinScale (GDELT) or Intensity (ICEWS); its
            source the first row's SOURCEURL (GDELT), Publisher (ICEWS) or source (ACLED). The count
            of rows, the number of sources (ACLED: also fatalities) and the event's key go to columns
            of their own. GDELT rows dated more than 365 days before they were added are left out
            and counted as implausible (not in the 57-field backfile, whose DATEADDED is the date
            the backfile was built).

            An event whose key (dataset|date|side|side|group, in the import_key column) EVENTS
            already holds is not added again: importing the same file twice adds nothing. Every
            existing row keeps its bytes. A header without the import columns (tags, score, source,
            count, sources, fatalities, import_key) gets the missing ones at its end; a new file
            gets id,date,title and them.
            """,
        examples: [
            "mlink events import gdelt 20230606.export.CSV events.csv --actor USA --actor CHN --root-code 04",
            "mlink events import acled acled.csv events.csv --country CHN --from 2023-06-01",
        ],
        notes: """
            Prints rows read, matched, implausible, kept, events and merged, then how many events
            are new and how many were already present. --actor, --root-code and --quad are not for
            ACLED (its actors are named groups and its rows have no CAMEO code); --min-mentions is
            for GDELT only. Rules and sources: docs/EVENTS-IMPORT.md.
            Exit codes: 0 success (also when nothing is new), 1 a file cannot be read
            (file:line:column: error: ...), 64 bad usage.
            """,
        positionalsFirst: true,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let actors = arguments.values(actor).map { $0.trimmingCharacters(in: .whitespaces) }
        let countryCode = try arguments.value(country)?.trimmingCharacters(in: .whitespaces)
        let code = try arguments.value(rootCode)?.trimmingCharacters(in: .whitespaces)
        let quadClass = try arguments.choice(quad).flatMap { Int($0) }
        let mentions = try integer(try arguments.value(minMentions), option: minMentions.name)
        let first = try EventsCommand.day(try arguments.value(from), option: from.name)
        let last = try EventsCommand.day(try arguments.value(to), option: to.name)
        let positionals = try arguments.positionals()
        guard positionals.count == 3 else { throw UsageError(message: dataset.missing) }
        guard let chosen = EventDataset(rawValue: positionals[0].lowercased()) else {
            throw UsageError(message: "the dataset is gdelt, icews or acled, not \(quoted(positionals[0]))")
        }
        let (source, target) = (positionals[1], positionals[2])
        let filter = EventImportFilter(
            actors: actors, country: countryCode, rootCode: code, quadClass: quadClass, minimumMentions: mentions, from: first, to: last)
        do throws(EventImportFilter.Problem) {
            try filter.check(for: chosen)
        } catch {
            throw UsageError(message: message(for: error))
        }
        do throws(MarketLinkError) {
            try OutputFile.refuseInput(target, inputs: [source])
        } catch {
            throw UsageError(message: "the events file \(quoted(target)) is the dataset file itself; name another events file", showsUsage: false)
        }
        let result = try EventImport.read(path: source, dataset: chosen, filter: filter)
        let outcome = try EventImport.append(result, to: target, options: Terminal.eventLogOptions)
        Terminal.write(EventImport.report(result, outcome))
        return 0
    }

    /// A filter problem in the words of the option that caused it.
    static func message(for problem: EventImportFilter.Problem) -> String {
        let option: String
        switch problem.filter {
        case .actors: option = actor.name
        case .country: option = country.name
        case .rootCode: option = rootCode.name
        case .quadClass: option = quad.name
        case .minimumMentions: option = minMentions.name
        case .dates: option = "--to"
        }
        switch problem {
        case .notInDataset(let dataset, _): return "\(option) is not for \(dataset.rawValue) files: \(problem)"
        case .tooManyActors(let count): return "\(option) is given \(count) times; give it once (either side) or twice (the pair)"
        case .datesReversed(let from, let to): return "--to \(to.iso) is before --from \(from.iso)"
        default: return "\(option): \(problem)"
        }
    }

    static func integer(_ text: String?, option: String) throws(UsageError) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
            throw UsageError(message: "\(option) takes a whole number of 0 or more, not \(quoted(text))")
        }
        return value
    }
}
