import Foundation

// MARK: - Merging rows into events

/// Merges the rows an import keeps into events as they come: one event per day, unordered pair
/// of sides and group. Storage is compact and grows with the events, not the rows: sides, groups
/// and source names are interned once; each event is a fixed-size record; the first row's source
/// text sits in one byte arena; a kept row costs 8 bytes (its line and its event).
struct EventMerger {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// What one event holds while rows still come.
    struct Draft {
        var day: Int32
        var group: Int32
        var first: Int32
        var second: Int32
        var count: Int32 = 0
        var scoreSum: Int64 = 0
        var sources: Int64 = 0
        var fatalities: Int64 = 0
        var sourceStart: Int32
        var sourceLength: Int32
    }

    struct Key: Hashable {
        var day: Int32
        var low: Int32
        var high: Int32
        var group: Int32
    }

    let dataset: EventDataset
    let file: String
    private(set) var symbols = SymbolTable()
    private var index: [Key: Int32] = [:]
    private var drafts: [Draft] = []
    private var rowEvent: [Int32] = []
    private var rowLine: [Int32] = []
    /// (event << 32 | name symbol) pairs, for the distinct source names of ICEWS and ACLED.
    private var names: Set<UInt64> = []
    private var sourceArena: [UInt8] = []

    init(dataset: EventDataset, file: String) {
        self.dataset = dataset
        self.file = file
    }

    /// The number of events so far.
    var eventCount: Int { drafts.count }

    /// Interns text (an ACLED event type, a side) and returns its symbol.
    mutating func symbol(_ bytes: Bytes) -> Int32 { symbols.intern(bytes) }

    /// Adds one kept row. `group` is the CAMEO root number (1 … 20) or an interned event type;
    /// `score` is in millionths (nil for ACLED); `names` are the row's source names (ICEWS's
    /// publisher, ACLED's `;`-separated sources).
    mutating func add(
        day: Day, side1: Bytes, side2: Bytes, group: Int32, line: Int, score: Int64?, sources: Int, names rowNames: [Bytes] = [],
        fatalities: Int = 0, source: Bytes
    ) throws(MarketLinkError) {
        let a = symbols.intern(side1)
        let b = symbols.intern(side2)
        let key = Key(day: day.ordinal, low: min(a, b), high: max(a, b), group: group)
        let event: Int32
        if let found = index[key] {
            event = found
        } else {
            event = Int32(drafts.count)
            index[key] = event
            let start = Int32(truncatingIfNeeded: sourceArena.count)
            sourceArena.append(contentsOf: source)
            drafts.append(
                Draft(day: day.ordinal, group: group, first: a, second: b, sourceStart: start, sourceLength: Int32(source.count)))
        }
        let e = Int(event)
        drafts[e].count += 1
        if let score {
            let (sum, overflow) = drafts[e].scoreSum.addingReportingOverflow(score)
            guard !overflow else {
                throw MarketLinkError("the scores of this row's event add up past what can be held exactly", at: SourceLocation(file: file, line: line))
            }
            drafts[e].scoreSum = sum
        }
        drafts[e].sources += Int64(sources)
        drafts[e].fatalities += Int64(fatalities)
        for name in rowNames { names.insert(UInt64(UInt32(bitPattern: event)) << 32 | UInt64(UInt32(bitPattern: symbols.intern(name)))) }
        rowEvent.append(event)
        rowLine.append(Int32(truncatingIfNeeded: line))
    }

    // MARK: Events

    /// The events, by date and then by the file position of their first row.
    func events() -> [ImportedEvent] {
        var lines = [[Int]](repeating: [], count: drafts.count)
        for (k, event) in rowEvent.enumerated() { lines[Int(event)].append(Int(rowLine[k])) }
        var distinct = [Int](repeating: 0, count: drafts.count)
        for pair in names { distinct[Int(pair >> 32)] += 1 }
        let order = drafts.indices.sorted { (drafts[$0].day, $0) < (drafts[$1].day, $1) }
        var events: [ImportedEvent] = []
        events.reserveCapacity(order.count)
        for e in order { events.append(event(e, lines: lines[e], distinct: distinct[e])) }
        return events
    }

    /// Draft `e` as an event.
    private func event(_ e: Int, lines: [Int], distinct: Int) -> ImportedEvent {
        let draft = drafts[e]
        let first = symbols.text(draft.first)
        let second = symbols.text(draft.second)
        let date = Day(ordinal: draft.day)
        let groupText: String
        let groupName: String
        if dataset == .acled {
            groupText = symbols.text(draft.group)
            groupName = groupText
        } else {
            groupText = draft.group < 10 ? "0\(draft.group)" : "\(draft.group)"
            groupName = CAMEORootCode.name(groupText) ?? groupText
        }
        let labels = [first, second].filter { !$0.isEmpty }.map(label)
        var title = (labels.isEmpty ? "" : labels.joined(separator: " – ") + ": ") + groupName
        let count = Int(draft.count)
        if count > 1 { title += " (\(count) \(dataset.mergedRowsNoun))" }
        let pair = first.utf8.lexicographicallyPrecedes(second.utf8) ? [first, second] : [second, first]
        let key = ([dataset.rawValue, date.iso] + pair + [groupText]).joined(separator: "|")
        let start = Int(draft.sourceStart)
        let source = String(decoding: sourceArena[start..<(start + Int(draft.sourceLength))], as: UTF8.self)
        let score = dataset == .acled ? nil : Double(draft.scoreSum) / 1_000_000 / Double(count)
        return ImportedEvent(
            date: date, title: title, count: count, sources: dataset == .gdelt ? Int(draft.sources) : distinct, score: score,
            scoreText: dataset == .acled ? "" : Self.meanText(draft.scoreSum, count: count), source: source,
            tags: [dataset.rawValue, dataset == .acled ? Self.slug(groupText) : "cameo-" + groupText], key: key,
            actors: [first, second], rootCode: dataset == .acled ? nil : groupText, eventType: dataset == .acled ? groupText : nil,
            fatalities: dataset == .acled ? Int(draft.fatalities) : nil, lines: lines)
    }

    /// How a side reads in a title: a GDELT country code as its country's name (a code the table
    /// lacks, such as CAMEO's regional `AFR`, as written); ICEWS and ACLED sides as written.
    private func label(_ side: String) -> String {
        guard dataset == .gdelt else { return side }
        return CountryTable.country(iso3: side)?.name ?? side
    }

    /// The mean of `count` values summing to `sum` millionths, rounded half away from zero to 4
    /// decimals, exactly (integer arithmetic); trailing zeros and a bare point dropped; no "-0".
    static func meanText(_ sum: Int64, count: Int) -> String {
        let magnitude = sum.magnitude
        let divisor = UInt64(max(count, 1)) * 100
        // q = round(|sum| / (100 · count)) in ten-thousandths, a half rounded up: remainder r with 2r ≥ divisor.
        let remainder = magnitude % divisor
        let q = magnitude / divisor + (remainder >= divisor - remainder ? 1 : 0)
        var text = String(q / 10_000)
        let fraction = q % 10_000
        if fraction > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 4 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return sum < 0 && q > 0 ? "-" + text : text
    }

    /// `Strategic developments` → `strategic-developments`: letters and digits lower-cased, every
    /// other run of characters one `-`.
    static func slug(_ text: String) -> String {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: "-")
    }
}

// MARK: - Symbols

/// Byte strings interned as small integers; the text of each is kept once. Strings of up to 7
/// bytes (GDELT's country codes, CAMEO codes) are found without allocating.
struct SymbolTable {
    private var short: [UInt64: Int32] = [:]
    private var long: [[UInt8]: Int32] = [:]
    private var texts: [String] = []

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if bytes.count <= 7 {
            var packed = UInt64(bytes.count) << 56
            for (k, byte) in bytes.enumerated() { packed |= UInt64(byte) << (8 * UInt64(k)) }
            if let found = short[packed] { return found }
            let symbol = Int32(texts.count)
            short[packed] = symbol
            texts.append(String(decoding: bytes, as: UTF8.self))
            return symbol
        }
        let key = Array(bytes)
        if let found = long[key] { return found }
        let symbol = Int32(texts.count)
        long[key] = symbol
        texts.append(String(decoding: bytes, as: UTF8.self))
        return symbol
    }

    func text(_ symbol: Int32) -> String { texts[Int(symbol)] }
}
