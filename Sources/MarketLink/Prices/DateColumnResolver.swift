// MARK: - Column resolution

/// Decides the day/month order of a date column from all of its values.
///
/// An order is possible when it gives a valid date for every row. Among possible orders, the one
/// under which consecutive rows lie closest in time (1 to 7 calendar days apart, as daily data
/// does) wins when it wins clearly; otherwise the column is ambiguous and the caller must name the
/// order (`PriceLoadOptions.dateOrder`).
struct DateColumnResolver {
    struct Decision: Sendable, Equatable {
        var order: DateOrder?
        /// Why this order, in words for `inspect`.
        var reason: String
    }

    static func decide(_ dates: [RawDate], lineOf: (Int) -> Int, override: DateOrder?) -> Result<Decision, MarketLinkErrorDetail> {
        var tally = Tally()
        for raw in dates { tally.add(raw) }
        return decide(tally, lineOf: lineOf, override: override)
    }

    /// The same decision from a column's tally (what a reader keeps instead of the dates, when
    /// it reads a file in pieces): indexes in the failures are rows of the whole column.
    static func decide(_ tally: Tally, lineOf: (Int) -> Int, override: DateOrder?) -> Result<Decision, MarketLinkErrorDetail> {
        guard tally.ambiguous else { return .success(Decision(order: nil, reason: "unambiguous")) }
        let allowsYMD = !tally.twoWays
        let candidates: [DateOrder] = allowsYMD ? [.monthDayYear, .dayMonthYear, .yearMonthDay] : [.monthDayYear, .dayMonthYear]
        if let override {
            if let bad = tally.lane(override).firstFailure {
                return .failure(MarketLinkErrorDetail(index: bad, problem: .notInGivenOrder(override)))
            }
            return .success(Decision(order: override, reason: "the order asked for"))
        }
        var possible: [DateOrder] = []
        var firstFailure: [DateOrder: Int] = [:]
        for order in candidates {
            if let bad = tally.lane(order).firstFailure {
                firstFailure[order] = bad
            } else {
                possible.append(order)
            }
        }
        if possible.isEmpty {
            let index = firstFailure.values.max() ?? 0
            return .failure(MarketLinkErrorDetail(index: index, problem: .fitsNoOrder))
        }
        if possible.count == 1, let order = possible.first {
            let ruledOut = candidates.filter { $0 != order }.compactMap { other -> String? in
                guard let bad = firstFailure[other] else { return nil }
                return "\(other.rawValue) fails on line \(lineOf(bad))"
            }
            return .success(Decision(order: order, reason: "the only order valid for every row (\(ruledOut.joined(separator: "; ")))"))
        }
        // Several orders give valid dates: compare how daily-like each reading is.
        var scores: [(DateOrder, Int)] = possible.map { ($0, tally.lane($0).near) }
        scores.sort { $0.1 > $1.1 }
        let best = scores[0]
        let runnerUp = scores[1]
        // Win clearly: more near pairs, and at least twice as many as the next reading.
        if best.1 > runnerUp.1, best.1 >= 2 * runnerUp.1 + 1 {
            let detail = scores.map { "\($0.0.rawValue): \($0.1)" }.joined(separator: ", ")
            return .success(Decision(order: best.0, reason: "rows 1–7 days apart under each order — \(detail)"))
        }
        return .failure(MarketLinkErrorDetail(index: 0, problem: .ambiguous(possible)))
    }
}

// MARK: - Tally

extension DateColumnResolver {
    /// What the decision needs to know of a date column, gathered row by row in one pass and
    /// joined piece by piece (a file read in blocks on several threads), so that the column
    /// itself need not be kept: whether any date is ambiguous, and for each order the first row
    /// it fails on and how many consecutive valid dates lie 1 to 7 days apart.
    struct Tally: Sendable, Equatable {
        /// One order's reading of the column.
        struct Lane: Sendable, Equatable {
            /// The first row whose date is no day under the order.
            var firstFailure: Int?
            /// Consecutive valid days (skipping invalid rows) 1 to 7 calendar days apart.
            var near = 0
            /// The first and last valid day, to join a tally with the next one.
            var first: Int32?
            var last: Int32?

            @inline(__always)
            mutating func add(_ day: Int32, row: Int) {
                guard day != DateCode.invalid else {
                    if firstFailure == nil { firstFailure = row }
                    return
                }
                if let last {
                    let gap = abs(Int(day) - Int(last))
                    if gap >= 1, gap <= 7 { near += 1 }
                } else {
                    first = day
                }
                last = day
            }

            /// This lane followed by `next`, whose rows are numbered from `offset`.
            mutating func append(_ next: Lane, offset: Int) {
                if firstFailure == nil, let failure = next.firstFailure { firstFailure = failure + offset }
                near += next.near
                if let last, let nextFirst = next.first {
                    let gap = abs(Int(nextFirst) - Int(last))
                    if gap >= 1, gap <= 7 { near += 1 }
                }
                if first == nil { first = next.first }
                if let nextLast = next.last { last = nextLast }
            }
        }

        /// The orders, in the order of `lanes`.
        static let orders: [DateOrder] = [.monthDayYear, .dayMonthYear, .yearMonthDay]

        /// Rows counted.
        private(set) var rows = 0
        /// Whether some date is ambiguous (`06/08/2023`), and whether some has a four-digit year
        /// last (which rules out year first).
        private(set) var ambiguous = false
        private(set) var twoWays = false
        /// While every date is unambiguous, every order reads the same days: only the first lane
        /// is kept (`lane(_:)` answers for all).
        private var lanes: [Lane] = [Lane()]

        init() {}

        /// The reading under `order`.
        func lane(_ order: DateOrder) -> Lane {
            guard lanes.count == 3, let index = Tally.orders.firstIndex(of: order) else { return lanes[0] }
            return lanes[index]
        }

        /// Adds the next row's date.
        mutating func add(_ raw: RawDate) {
            if raw.form == .resolved {
                add(resolved: raw.day(order: nil)?.ordinal ?? DateCode.invalid)
            } else {
                let days = DateCode.days(of: raw)
                add(ambiguous: raw.form, days: days)
            }
        }

        /// Adds the next row, whose date is unambiguous: `day` (`DateCode.invalid` when it is no day).
        @inline(__always)
        mutating func add(resolved day: Int32) {
            let row = rows
            rows += 1
            if lanes.count == 1 {
                lanes[0].add(day, row: row)
            } else {
                for k in 0..<3 { lanes[k].add(day, row: row) }
            }
        }

        /// Adds the next row, whose date is ambiguous: its day under each order of `orders`.
        mutating func add(ambiguous form: RawDate.Form, days: (Int32, Int32, Int32)) {
            let row = rows
            rows += 1
            ambiguous = true
            if form == .twoWays { twoWays = true }
            split()
            lanes[0].add(days.0, row: row)
            lanes[1].add(days.1, row: row)
            lanes[2].add(days.2, row: row)
        }

        /// This tally followed by `next` (the rows after these).
        mutating func append(_ next: Tally) {
            var next = next
            if next.lanes.count == 3 || lanes.count == 3 {
                split()
                next.split()
            }
            for k in lanes.indices { lanes[k].append(next.lanes[k], offset: rows) }
            rows += next.rows
            ambiguous = ambiguous || next.ambiguous
            twoWays = twoWays || next.twoWays
        }

        private mutating func split() {
            if lanes.count == 1 { lanes = [lanes[0], lanes[0], lanes[0]] }
        }
    }
}

// MARK: - Failure detail

/// Why the dates of a column cannot be read, about one row, before its text and place are known.
struct MarketLinkErrorDetail: Error, Sendable, Equatable {
    /// What is wrong with the day/month order.
    enum Problem: Sendable, Equatable {
        /// The date is no calendar day in the order the caller named.
        case notInGivenOrder(DateOrder)
        /// The date is no calendar day in any order the rest of the column allows.
        case fitsNoOrder
        /// Several orders fit every date and the file cannot tell which (these, in order of preference).
        case ambiguous([DateOrder])
    }

    /// The row, 0-based among the column's dates.
    var index: Int
    /// What is wrong.
    var problem: Problem

    /// The error for the row once its date text and column name are known.
    func reason(date: String, column: String) -> MarketLinkError.Reason {
        switch problem {
        case .notInGivenOrder(let order): .dateNotInGivenOrder(date: date, column: column, order: order)
        case .fitsNoOrder: .dateFitsNoOrder(date: date, column: column)
        case .ambiguous(let possible): .ambiguousDateOrder(date: date, column: column, possible: possible)
        }
    }
}
