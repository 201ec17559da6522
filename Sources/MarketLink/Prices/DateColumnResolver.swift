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
        let ambiguous = dates.contains { $0.form != .resolved }
        guard ambiguous else { return .success(Decision(order: nil, reason: "unambiguous")) }
        let allowsYMD = !dates.contains { $0.form == .twoWays }
        let candidates: [DateOrder] = allowsYMD ? [.monthDayYear, .dayMonthYear, .yearMonthDay] : [.monthDayYear, .dayMonthYear]
        if let override {
            if let bad = dates.indices.first(where: { dates[$0].day(order: override) == nil }) {
                return .failure(MarketLinkErrorDetail(index: bad, problem: .notInGivenOrder(override)))
            }
            return .success(Decision(order: override, reason: "the order asked for"))
        }
        var possible: [DateOrder] = []
        var firstFailure: [DateOrder: Int] = [:]
        for order in candidates {
            if let bad = dates.indices.first(where: { dates[$0].day(order: order) == nil }) {
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
        var scores: [(DateOrder, Int)] = []
        for order in possible {
            var near = 0
            var previous: Day?
            for raw in dates {
                guard let day = raw.day(order: order) else { continue }
                if let previous {
                    let gap = abs(previous.distance(to: day))
                    if gap >= 1, gap <= 7 { near += 1 }
                }
                previous = day
            }
            scores.append((order, near))
        }
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
