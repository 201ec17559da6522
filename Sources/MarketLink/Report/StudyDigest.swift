// MARK: - Study digest

/// What a study report shows of every result of an `EventStudy`, gathered in one pass over the
/// study's stored rows (`EventStudyResults.storedRow`) without making any `EventStudyResult`:
/// how many results were measured (status `ok`), how many had each other status and where the
/// first of each is, and, when asked, every finite CAR (for their distribution), each event's
/// running mean and spread of CARs across the series, and the largest CARs.
///
/// Memory is one `Double` per measured CAR (when the distribution is asked for) and a few numbers
/// per event, whatever the number of results. Events are split across the cores; the parts are
/// merged in event order, and each event's series are read in series order, so every number is
/// the same bits as a pass over `study.results` in order.
struct StudyDigest: Sendable {
    /// What to gather beyond the counts.
    struct Options: Sendable {
        /// Gather every finite CAR, in percent (`cars`).
        var cars = false
        /// Gather each event's CARs across the series (`acrossEvents`).
        var acrossEvents = false
        /// The largest CARs to keep (0: none).
        var largest = 0
    }

    /// One event's finite CARs of status `ok` across the series, in series order: Welford's running
    /// mean and sum of squared deviations, and how many were positive.
    struct Across: Sendable {
        var count = 0
        var mean = 0.0
        var squares = 0.0
        var positive = 0
    }

    /// Results (events × series).
    private(set) var resultCount: Int
    /// Results with status `ok`.
    private(set) var measured = 0
    /// Per status code (at its raw value) of the results not `ok`: how many, and the position of
    /// the first (results order), or −1.
    private(set) var codeCounts = [Int](repeating: 0, count: 256)
    private(set) var codeFirsts = [Int](repeating: -1, count: 256)
    /// Every finite CAR of status `ok`, times 100, in ascending order (empty unless asked for).
    private(set) var cars: [Double] = []
    /// Per event, its CARs across the series (empty unless asked for).
    private(set) var acrossEvents: [Across] = []
    /// The largest finite CARs of status `ok` by absolute value (position: event and series; order:
    /// the result's position), at most `Options.largest`.
    private(set) var largest: TopMoves

    /// The digest of `study`'s results.
    init(study: EventStudy, options: Options) {
        let results = study.results
        let seriesCount = results.seriesCount
        let eventCount = study.events.count
        resultCount = results.count
        largest = TopMoves(capacity: options.largest)
        guard seriesCount > 0, eventCount > 0 else { return }
        // Contiguous ranges of events, a few per core, so the parts merge in event order.
        let parts = min(eventCount, 4 * OrderedWork.defaultAhead)
        var merged = self
        var cars: [[Double]] = []
        OrderedWork.run(count: parts) { part -> StudyDigest in
            let events = (eventCount * part / parts)..<(eventCount * (part + 1) / parts)
            return StudyDigest(results: results, events: events, seriesCount: seriesCount, options: options)
        } consume: { _, piece in
            merged.add(piece)
            if options.cars { cars.append(piece.cars) }
        }
        self = merged
        if options.cars { self.cars = cars.flatMap { $0 }.sorted() }
    }

    /// The digest of the results of `events` (a range of event indexes) in every series; its
    /// `acrossEvents` and `cars` are those events' only, in order, `cars` not yet sorted.
    private init(results: EventStudyResults, events: Range<Int>, seriesCount: Int, options: Options) {
        resultCount = events.count * seriesCount
        largest = TopMoves(capacity: options.largest)
        if options.acrossEvents { acrossEvents = [Across](repeating: Across(), count: events.count) }
        for e in events {
            var across = Across()
            for s in 0..<seriesCount {
                let row = results.storedRow(event: e, series: s)
                let position = e * seriesCount + s
                guard row.isOK else {
                    let code = Int(row.code.rawValue)
                    codeCounts[code] += 1
                    if codeFirsts[code] < 0 { codeFirsts[code] = position }
                    continue
                }
                measured += 1
                let car = row.car
                guard car.isFinite else { continue }
                if options.cars { cars.append(100 * car) }
                if options.acrossEvents {
                    across.count += 1
                    let delta = car - across.mean
                    across.mean += delta / Double(across.count)
                    across.squares += delta * (car - across.mean)
                    if car > 0 { across.positive += 1 }
                }
                if options.largest > 0 {
                    largest.insert(
                        ChangeDigest.RankedMove(position: ChangeDigest.Position(event: e, series: s, window: 0), percent: car, order: position))
                }
            }
            if options.acrossEvents { acrossEvents[e - events.lowerBound] = across }
        }
    }

    /// Adds the digest of the events that follow this one's.
    private mutating func add(_ other: StudyDigest) {
        measured += other.measured
        for code in codeCounts.indices where other.codeCounts[code] > 0 {
            codeCounts[code] += other.codeCounts[code]
            if codeFirsts[code] < 0 { codeFirsts[code] = other.codeFirsts[code] }
        }
        acrossEvents += other.acrossEvents
        for move in other.largest.moves { largest.insert(move) }
    }

    /// Results whose status is not `ok`.
    var unmeasured: Int { resultCount - measured }

    /// The statuses of the results not `ok`, in the order of their first result: each status's
    /// name, meaning (from its first result) and how many results have it.
    func statuses(of results: EventStudyResults) -> [(name: String, meaning: String, count: Int)] {
        let firsts = codeFirsts.indices.filter { codeFirsts[$0] >= 0 }.sorted { codeFirsts[$0] < codeFirsts[$1] }
        var statuses: [(name: String, meaning: String, count: Int)] = []
        for code in firsts {
            let status = results[codeFirsts[code]].status
            if let index = statuses.firstIndex(where: { $0.name == status.name }) {
                statuses[index].count += codeCounts[code]
            } else {
                statuses.append((status.name, status.meaning, codeCounts[code]))
            }
        }
        return statuses
    }

    /// The first `limit` results (positions, in order) whose status is not `ok`.
    func firstUnmeasured(_ limit: Int, of results: EventStudyResults) -> [Int] {
        guard limit > 0, unmeasured > 0 else { return [] }
        let seriesCount = results.seriesCount
        var positions: [Int] = []
        for position in results.indices {
            if !results.storedRow(event: position / seriesCount, series: position % seriesCount).isOK {
                positions.append(position)
                if positions.count == limit { break }
            }
        }
        return positions
    }
}
