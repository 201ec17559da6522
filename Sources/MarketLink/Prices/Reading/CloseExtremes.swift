// MARK: - Close extremes

/// What the closes of one series must be checked for once the series is known, gathered while
/// its rows are read: the first close at or below 0, the smallest nonzero and the largest close
/// in size, each with the byte offset of its field (so a message can point at it later).
///
/// - An index level is above 0 (`MarketTable` knows the series as an index): a close at or below 0
///   refuses the file. Any other series (a futures contract, a spread, a rate) may go to zero or
///   below — WTI crude settled at −37.63 on 2020-04-20 — and loads; a percent change against a
///   base at or below 0 then has no value (`Move.percentIsDefined`).
/// - For every series, a close c ≠ 0 so small that a percent against it cannot be finite —
///   100 · max|close| / |c| overflows a double — refuses the file (`4.9e-324`, `2.5e-308`).
struct CloseExtremes {
    /// Where a close is written: its field's bytes (inside the quotes) and where messages point
    /// (the opening quote, when quoted).
    struct Place {
        var start: Int
        var end: Int
        var offset: Int

        init(_ field: CSVField) {
            (start, end) = (field.start, field.end)
            offset = field.isQuoted ? field.start - 1 : field.start
        }

        /// The close as written, without surrounding spaces.
        func text(in source: PriceFileBytes) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: source.bytes[start..<end]), as: UTF8.self).trimmingWhitespace
        }
    }

    /// The first close at or below 0 in file order.
    var firstNotPositive: Place?
    /// The smallest nonzero |close|, and where.
    var smallest: (size: Double, place: Place)?
    /// The largest |close|.
    var largest = 0.0

    /// Takes one close, written in `field`.
    @inline(__always)
    mutating func add(_ close: Double, field: CSVField) {
        let size = abs(close)
        if size > largest { largest = size }
        if close <= 0, firstNotPositive == nil { firstNotPositive = Place(field) }
        if size > 0, size < (smallest?.size ?? .infinity) { smallest = (size, Place(field)) }
    }

    /// The extremes of two stretches of one series, `self` before `other` in the file.
    func merged(with other: CloseExtremes) -> CloseExtremes {
        var result = self
        if result.firstNotPositive == nil { result.firstNotPositive = other.firstNotPositive }
        if let small = other.smallest, small.size < (result.smallest?.size ?? .infinity) { result.smallest = small }
        result.largest = max(largest, other.largest)
        return result
    }

    /// Throws when the series' closes break a rule above; `isIndex` says whether the positive
    /// rule applies, `column` names the close column in messages.
    func check(isIndex: Bool, column: String, source: PriceFileBytes) throws(MarketLinkError) {
        if isIndex, let bad = firstNotPositive {
            throw MarketLinkError(.closeNotPositive(bad.text(in: source), column: column), at: source.locate(offset: bad.offset))
        }
        if let small = smallest, !(100 * largest / small.size).isFinite {
            throw MarketLinkError(.closeTooSmall(small.place.text(in: source), column: column), at: source.locate(offset: small.place.offset))
        }
    }

    /// Every series' extremes in `chunks`, by the name it was read under, merged in file order.
    static func byName(_ chunks: [RowChunk]) -> [String: CloseExtremes] {
        var result: [String: CloseExtremes] = [:]
        for chunk in chunks {
            for builder in chunk.builders {
                result[builder.name] = result[builder.name].map { $0.merged(with: builder.extremes) } ?? builder.extremes
            }
        }
        return result
    }
}
