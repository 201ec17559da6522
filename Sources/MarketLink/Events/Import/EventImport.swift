import Foundation

// MARK: - Importing events from a dataset

/// `mlink events import`: events from GDELT, ICEWS or ACLED files, in one pass over the dataset
/// file and one locked write of the events file (DESIGN §9; the rules are in
/// `docs/EVENTS-IMPORT.md` and `fixtures/events/README.md`).
///
/// 1. `read` streams the dataset file through `InputFile` in 1 MiB chunks: each row is split on
///    tab bytes (or read as CSV, for ACLED), filtered, checked for an implausible date (GDELT) and,
///    when kept, merged into its event (one per day × unordered pair of sides × CAMEO root code or
///    ACLED event type). Memory grows with the events made, not with the file.
/// 2. `append` adds the events to an events file under its lock (`EventLogFile.transform`),
///    leaving out those whose key (`dataset|date|side|side|group`, kept in an `import_key`
///    column) the file already holds: importing a file twice adds nothing the second time.
public enum EventImport {
    /// The import columns, after `date` and `title`: `tags`, `score` (not for ACLED), `source`,
    /// `count`, `sources`, `fatalities` (ACLED only) and `import_key`.
    public static func columns(for dataset: EventDataset) -> [String] {
        ["tags"] + (dataset == .acled ? [] : ["score"]) + ["source", "count", "sources"] + (dataset == .acled ? ["fatalities"] : []) + [keyColumn]
    }

    /// The header of an events file an import creates: `id,date,title` and the import columns.
    public static func newFileColumns(for dataset: EventDataset) -> [String] {
        ["id", "date", "title"] + columns(for: dataset)
    }

    /// The column that holds each imported event's key.
    public static let keyColumn = "import_key"

    // MARK: Reading

    /// Reads the dataset file at `path` and makes its events. Throws a usage error for a filter
    /// `filter.check(for:)` refuses (callers that name options check first), and a located data
    /// error for a file that is not in the dataset's layout or has a row it cannot read.
    public static func read(path: String, dataset: EventDataset, filter: EventImportFilter = .init()) throws(MarketLinkError) -> EventImportResult {
        try read(path: path, dataset: dataset, filter: filter, chunkSize: 1 << 20)
    }

    /// `read` in chunks of `chunkSize` bytes (tests cut records at every byte with tiny chunks).
    static func read(path: String, dataset: EventDataset, filter: EventImportFilter, chunkSize: Int) throws(MarketLinkError) -> EventImportResult {
        do throws(EventImportFilter.Problem) {
            try filter.check(for: dataset)
        } catch {
            throw MarketLinkError.usage(error.description)
        }
        let rows = DatasetRowFilter(filter, dataset: dataset)
        let input = try InputFile(path: path)
        var stream = RecordStream(quoteAware: dataset == .acled, file: path, chunkSize: chunkSize)
        var merger = EventMerger(dataset: dataset, file: path)
        var counts: EventImportResult.Counts
        var layout: String
        var implausible: [Int] = []
        var checksDateAdded = false
        switch dataset {
        case .gdelt:
            var reader = GDELTReader(file: path, filter: rows)
            defer { reader.deallocate() }
            try stream.run(input) { record, line throws(MarketLinkError) in try reader.take(record, line: line, into: &merger) }
            guard let found = reader.layout else { throw emptyFile(path, dataset: dataset) }
            counts = reader.counts
            layout = found.description
            implausible = reader.implausibleLines
            checksDateAdded = found.checksDateAdded
        case .icews:
            var reader = ICEWSReader(file: path, filter: rows)
            defer { reader.deallocate() }
            try stream.run(input) { record, line throws(MarketLinkError) in try reader.take(record, line: line, into: &merger) }
            guard reader.columns != nil else { throw emptyFile(path, dataset: dataset) }
            counts = reader.counts
            layout = reader.layout
        case .acled:
            var reader = ACLEDReader(file: path, filter: rows)
            try stream.run(input) { record, line throws(MarketLinkError) in try reader.take(record, line: line, into: &merger) }
            guard reader.columns != nil else { throw emptyFile(path, dataset: dataset) }
            counts = reader.counts
            layout = reader.layout
        }
        counts.events = merger.eventCount
        counts.merged = counts.kept - counts.events
        return EventImportResult(
            file: path, dataset: dataset, layout: layout, checksDateAdded: checksDateAdded, counts: counts, implausibleLines: implausible,
            events: merger.events())
    }

    private static func emptyFile(_ path: String, dataset: EventDataset) -> MarketLinkError {
        let what = dataset == .gdelt ? "no rows" : "no header row"
        return MarketLinkError("the file has \(what): it holds no \(dataset.displayName) events", at: SourceLocation(file: path, line: 1, column: 1))
    }

    // MARK: Writing

    /// What `append` did.
    public struct Outcome: Sendable {
        /// The events file (the path as given).
        public var file: String
        /// The ids of the events added, in file order (`EventLog.load` gives the events themselves).
        public var addedIDs: [String]
        /// Events left out because the file already held their key.
        public var alreadyPresent: Int
        /// Columns added to the end of the header (see `EventLog.appending(_:columns:)`).
        public var addedColumns: [String]
        /// Whether the events file was created.
        public var created: Bool
    }

    /// Appends `result`'s events to the events file at `path` (created, with
    /// `newFileColumns(for:)`, when it does not exist), in one locked update, leaving out those
    /// whose key it already holds. Every existing row keeps its bytes; a header that lacks import
    /// columns gets them at its end.
    public static func append(
        _ result: EventImportResult, to path: String, options: EventLogFile.Options = .init()
    ) throws(MarketLinkError) -> Outcome {
        let existed = access(path, F_OK) == 0
        return try EventLogFile.transform(path: path, newFileColumns: newFileColumns(for: result.dataset), options: options) {
            log throws(MarketLinkError) in
            let present = Set(log.cells(ofColumn: keyColumn) ?? [])
            let fresh = result.events.filter { !present.contains($0.key) }
            let appended = try log.appending(count: fresh.count, columns: columns(for: result.dataset)) { k, name in
                cell(of: fresh[k], column: name)
            }
            let outcome = Outcome(
                file: path, addedIDs: appended.added.map(\.id), alreadyPresent: result.events.count - fresh.count, addedColumns: appended.addedColumns,
                created: !existed && !fresh.isEmpty)
            return (appended.log, outcome)
        }
    }

    /// The cell of an imported event's row in column `name` (lower case); nil for any other column.
    static func cell(of event: ImportedEvent, column name: String) -> String? {
        switch name {
        case "date": event.date.iso
        case "title": event.title
        case "tags": event.tags.joined(separator: ";")
        case "score": event.scoreText
        case "source": event.source
        case "count": String(event.count)
        case "sources": String(event.sources)
        case "fatalities": event.fatalities.map(String.init)
        case keyColumn: event.key
        default: nil
        }
    }
}
