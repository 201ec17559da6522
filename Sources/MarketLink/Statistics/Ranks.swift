// MARK: - Ranks

/// Ranks 1…n of the values in their given order, ties sharing the average of the ranks they span
/// (values 5, 3, 5, 1 rank 3.5, 2, 3.5, 1), the convention of Spearman's ρ and of the
/// Corrado (1989) rank test. Values must not be NaN.
func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
        var end = start + 1
        while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
        // Positions start..<end hold equal values; their ranks are start+1 … end.
        let shared = Double(start + 1 + end) / 2
        for position in start..<end { ranks[order[position]] = shared }
        start = end
    }
    return ranks
}
