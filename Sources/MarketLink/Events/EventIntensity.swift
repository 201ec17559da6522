// MARK: - Event intensity

/// A daily series made from an events file (`mlink events intensity`): on every calendar day from
/// the first event's date to the last (or over a range given), how many events there were and the
/// sum of their scores —
/// a series `correlate`, `chart` and `changes` load like any price file (DESIGN §9).
///
/// Columns (a wide file: a date column and one series per other column):
/// - `count`: the events dated that day (by `Event.date`, the date as written; a timed event
///   counts on its written local date); `score_sum`: the sum of their scores (events without a
///   score add nothing), written with as many decimals as the scores carry;
/// - `by: .tag` adds one `<tag>_count` column per tag (tags compared ignoring case, in the order
///   of their first appearance, named as first written): the day's events with that tag;
/// - `by: .score` adds `positive_count` and `negative_count`: the day's events with a score above
///   and below zero (GDELT's Goldstein and ICEWS's intensity are positive for cooperation).
///
/// Days without events are rows of zeros, so a move is a change in the day's tally. Every value
/// column's name ends in `count` or `sum`, which is how the price reader knows a tally: it reads
/// zero and negative values there, where an index level must be above 0 (`Series.isTally`).
/// No events and no range: no rows.
public struct EventIntensity: Sendable, Equatable {
    /// What the extra columns split the events by.
    public enum Split: String, Sendable, CaseIterable {
        /// `tag`: one count column per tag; `score`: the counts of events scored above and below zero.
        case tag, score
    }

    /// The value columns' names, after `date`.
    public let columns: [String]
    /// Every calendar day from the first event date to the last.
    public let days: [Day]
    /// `values[c][d]`: column `c` on day `d`.
    public let values: [[Double]]
    /// Decimals `score_sum` is written with: the most any score needs (at most 10).
    public let scoreDecimals: Int

    /// The series of `events`, from `from` (default: the first event's date) to `to` (default: the
    /// last's); events dated outside the range are left out.
    public init(events all: [Event], by split: Split? = nil, from: Day? = nil, to: Day? = nil) {
        let events = all.filter { event in from.map { event.date >= $0 } ?? true && to.map { event.date <= $0 } ?? true }
        guard let first = from ?? events.map(\.date).min(), let last = to ?? events.map(\.date).max(), first <= last else {
            self.init(columns: Self.baseColumns(split, tags: []), days: [], values: [], scoreDecimals: 0)
            return
        }
        var tags: [String] = []
        var tagIndex: [String: Int] = [:]
        if split == .tag {
            for event in events {
                for tag in event.tags where tagIndex[tag.lowercased()] == nil {
                    tagIndex[tag.lowercased()] = tags.count
                    tags.append(tag)
                }
            }
        }
        let columns = Self.baseColumns(split, tags: tags)
        let dayCount = first.distance(to: last) + 1
        var values = [[Double]](repeating: [Double](repeating: 0, count: dayCount), count: columns.count)
        var decimals = 0
        for event in events {
            let d = first.distance(to: event.date)
            values[0][d] += 1
            if let score = event.score, score.isFinite {
                values[1][d] += score
                decimals = max(decimals, Self.decimals(of: score))
                if split == .score {
                    if score > 0 { values[2][d] += 1 }
                    if score < 0 { values[3][d] += 1 }
                }
            }
            if split == .tag {
                for tag in Set(event.tags.map { $0.lowercased() }) {
                    if let k = tagIndex[tag] { values[2 + k][d] += 1 }
                }
            }
        }
        self.init(columns: columns, days: (0..<dayCount).map { first.adding(days: $0) }, values: values, scoreDecimals: decimals)
    }

    init(columns: [String], days: [Day], values: [[Double]], scoreDecimals: Int) {
        self.columns = columns
        self.days = days
        self.values = values
        self.scoreDecimals = scoreDecimals
    }

    private static func baseColumns(_ split: Split?, tags: [String]) -> [String] {
        var columns = ["count", "score_sum"]
        switch split {
        case .tag?: columns += tags.map { $0 + "_count" }
        case .score?: columns += ["positive_count", "negative_count"]
        case nil: break
        }
        return columns
    }

    /// The fewest decimals (up to 10) that write `value` as the number it stands for.
    static func decimals(of value: Double) -> Int {
        var scale = 1.0
        for d in 0...10 {
            let scaled = value * scale
            if abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled)) { return d }
            scale *= 10
        }
        return 10
    }

    /// The CSV: `date,count,score_sum[,...]`, one row per day, LF line endings. A text header cell
    /// (a tag) that a spreadsheet would run as a formula gets a leading `'`.
    public func csv() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity((days.count + 1) * (12 + columns.count * 4))
        buffer += Array("date".utf8)
        for name in columns {
            buffer.append(44)
            CSVWriter.appendText(name, to: &buffer)
        }
        buffer.append(10)
        for (d, day) in days.enumerated() {
            day.appendISO(to: &buffer)
            for c in columns.indices {
                buffer.append(44)
                NumberFormat.append(values[c][d], decimals: c == 1 ? scoreDecimals : 0, trimZeros: true, to: &buffer)
            }
            buffer.append(10)
        }
        return buffer
    }
}
