import Foundation
@testable import MarketLink
@testable import mlink

/// The bundled fixtures loaded through the library, as `mlink` loads them: `fixtures/djia.csv`
/// (FRED layout, Dow Jones Industrial Average closes) and `fixtures/sse.csv` named `SSE`
/// (Investing.com's Chinese layout, SSE Composite closes), with `fixtures/events-2023.csv`.
enum ReportFixtures {
    static let eventsPath = "fixtures/events-2023.csv"
    static let arguments = ["fixtures/djia.csv", "SSE=fixtures/sse.csv"]
    static let hostile = "<script>alert(1)</script> & \"quotes\""
    static let hostileEscaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"

    static func events() throws -> [Event] {
        try EventLog.load(path: CLIRunner.fixture(eventsPath)).events
    }

    static func collection() throws -> SeriesCollection {
        try SeriesCollection(files: [(nil, CLIRunner.fixture("fixtures/djia.csv")), ("SSE", CLIRunner.fixture("fixtures/sse.csv"))])
    }

    static func event(_ id: String) throws -> Event {
        guard let event = try events().first(where: { $0.id == id }) else { throw Missing(what: "event \(id)") }
        return event
    }

    static func day(_ iso: String) -> Day { Day(iso: iso) ?? Day(ordinal: 0) }

    struct Missing: Error { var what: String }

    /// The same fixtures' change report as `mlink report` makes it, with paths as the user
    /// typed them.
    static func report(
        windows: [EventWindow] = EventWindow.changesDefault, events: [Event]? = nil, vocabulary: ToolVocabulary = .mlink
    ) throws -> ChangeReport {
        let collection = try collection()
        let table = ChangeTable(events: try events ?? Self.events(), series: collection.series, windows: windows)
        return ChangeReport(
            table: table, eventsFile: eventsPath, priceFiles: collection.files, generator: "MarketLink test", vocabulary: vocabulary)
    }
}
