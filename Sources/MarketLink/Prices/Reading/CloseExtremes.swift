// MARK: - Close extremes

/// What the closes of one series must be checked for once the series is known, gathered while
/// its rows are read: the first close at or below 0, the smallest nonzero and the largest close
/// in size, each with its text and place (so a message can point at it once the file is read;
/// a block's are located before its bytes go, `SeriesAssembly` merges them in file order).
///
/// - An index level is above 0 (`MarketTable` knows the series as an index): a close at or below 0
///   refuses the file. Any other series (a futures contract, a spread, a rate) may go to zero or
///   below — WTI crude settled at −37.63 on 2020-04-20 — and loads; a percent change against a
///   base at or below 0 then has no value (`Move.percentIsDefined`).
/// - For every series, a close c ≠ 0 so small that a percent against it cannot be finite —
///   100 · max|close| / |c| overflows a double — refuses the file (`4.9e-324`, `2.5e-308`).
struct CloseExtremes {
    /// Where a close is written: its place (the opening quote, when quoted) and, while its block
    /// is read, its field's bytes (inside the quotes); once the block is done (`locate`), its
    /// text, so that nothing of the block is needed later.
    struct Place {
        var start: Int
        var end: Int
        var offset: Int
        var mark: RowMark
        /// The close as written, without surrounding spaces (set by `locate`).
        var text = ""

        init(_ field: CSVField, mark: RowMark) {
            (start, end) = (field.start, field.end)
            offset = field.isQuoted ? field.start - 1 : field.start
            self.mark = mark
        }

        /// The text, read while the block's bytes are at hand.
        mutating func locate(_ tokenizer: CSVTokenizer) {
            text = String(decoding: UnsafeBufferPointer(rebasing: tokenizer.bytes[start..<end]), as: UTF8.self).trimmingWhitespace
        }
    }

    /// The first close at or below 0 in file order.
    var firstNotPositive: Place?
    /// The smallest nonzero |close|, and where.
    var smallest: (size: Double, place: Place)?
    /// The largest |close|.
    var largest = 0.0

    /// Takes one close, written in `field`; `mark` is where the field is (line and column). Both
    /// are asked for only when the close is kept, which for most closes it is not.
    @inline(__always)
    mutating func add(_ close: Double, field: @autoclosure () -> CSVField, mark: () -> RowMark) {
        let size = abs(close)
        if size > largest { largest = size }
        if close <= 0, firstNotPositive == nil { firstNotPositive = Place(field(), mark: mark()) }
        if size > 0, size < (smallest?.size ?? .infinity) { smallest = (size, Place(field(), mark: mark())) }
    }

    /// Reads the kept places' texts from the block (see `Place.locate`).
    mutating func locate(_ tokenizer: CSVTokenizer) {
        firstNotPositive?.locate(tokenizer)
        smallest?.place.locate(tokenizer)
    }

    /// The places moved down by `lines` (from a block's numbering to the file's).
    func shifted(by lines: Int) -> CloseExtremes {
        var moved = self
        moved.firstNotPositive?.mark = firstNotPositive?.mark.shifted(by: lines) ?? RowMark(line: 0, position: 0)
        moved.smallest?.place.mark = smallest?.place.mark.shifted(by: lines) ?? RowMark(line: 0, position: 0)
        return moved
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
    /// rule applies, `column` names the close column in messages, `file` the file.
    func check(isIndex: Bool, column: String, file: String) throws(MarketLinkError) {
        if isIndex, let bad = firstNotPositive {
            throw MarketLinkError(.closeNotPositive(bad.text, column: column), at: bad.mark.location(file: file))
        }
        if let small = smallest, !(100 * largest / small.size).isFinite {
            throw MarketLinkError(.closeTooSmall(small.place.text, column: column), at: small.place.mark.location(file: file))
        }
    }
}
