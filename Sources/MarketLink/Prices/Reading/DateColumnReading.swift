// MARK: - Date column

/// How the date column of a price file reads, and its dates as day ordinals.
///
/// Each field was read on its own into a `RawDate` (`DateReader`). When some are plain numbers
/// that leave the day/month order open (`06/08/2023`, `22-01-19`), the whole column decides it
/// (`DateColumnResolver`), or the order the caller gives does. Then every row's date must be a
/// real calendar day under that order.
struct DateColumnReading {
    /// The order chosen and why; `nil` order when every date was unambiguous.
    var decision: DateColumnResolver.Decision
    /// How the column was read, for `inspect`: the form of the first date (with it as a sample)
    /// and, for numeric dates, the order and why.
    var description: String
    /// Whether the first date is written in a form that fixes its own order (`2023-06-08`,
    /// `Aug 08, 2023`, `20230608`): what tells a Yahoo download from a re-save in Excel.
    var firstDateResolved: Bool
    /// Whether the first date is written `yyyy-MM-dd` (with or without a time after it).
    var firstDateISO: Bool

    /// Decides the column's order from the raw dates of `chunks`. `column` is the date column's
    /// header, for messages; `override` is the order the caller named, if any.
    init(
        chunks: [RowChunk], rows: RowNumbering, source: PriceFileBytes, column: String, override: DateOrder?
    ) throws(MarketLinkError) {
        let firstRaw = RawDate(packed: chunks[0].dates[0])
        var decision = DateColumnResolver.Decision(order: nil, reason: "unambiguous")
        let ambiguous = chunks.contains { chunk in chunk.dates.contains { UInt8($0 & 0xFF) != RawDate.Form.resolved.rawValue } }
        if ambiguous {
            let raws = chunks.flatMap { $0.dates.map(RawDate.init(packed:)) }
            switch DateColumnResolver.decide(raws, lineOf: { source.line(ofOffset: rows.dateOffset(ofRow: $0)) }, override: override) {
            case .success(let value):
                decision = value
            case .failure(let detail):
                let offset = rows.dateOffset(ofRow: detail.index)
                throw MarketLinkError(detail.reason(date: source.dateText(at: offset), column: column), at: source.locate(offset: offset))
            }
        }
        self.decision = decision
        self.firstDateResolved = firstRaw.form == .resolved
        let sample = source.dateText(at: rows.dateOffset(ofRow: 0))
        let sampleBytes = Array(sample.utf8)
        self.firstDateISO =
            sampleBytes.count >= 10 && sampleBytes[4] == UInt8(ascii: "-") && sampleBytes[7] == UInt8(ascii: "-")
            && sampleBytes[0..<4].allSatisfy { $0 >= 48 && $0 <= 57 }
        var description = DateColumnReading.describe(firstRaw, sample: sample)
        if let order = decision.order { description += ", \(order.pattern): \(decision.reason)" }
        self.description = description
    }

    /// "dates like "2023-06-08"" or "numeric dates like "06/08/2023"".
    static func describe(_ raw: RawDate?, sample: String) -> String {
        guard let raw else { return "" }
        switch raw.form {
        case .resolved:
            var bytes = Array(sample.utf8)
            let form = bytes.withUnsafeMutableBufferPointer { NumericDate.decode(cell: UnsafeBufferPointer($0))?.form }
            if let form { return "dates like \(quoted(sample)), \(form.rawValue)" }
            return "dates like \(quoted(sample))"
        case .twoWays, .threeWays: return "numeric dates like \(quoted(sample))"
        }
    }

    /// Every row's date as a day ordinal, in file-row order, under `order`. Frees each chunk's raw
    /// dates once converted (a panel's dates are the larger part of what the chunks hold).
    /// Throws at the first row whose numbers are no calendar day (`2023-02-30`).
    static func ordinals(
        of chunks: inout [RowChunk], order: DateOrder?, rows: RowNumbering, source: PriceFileBytes
    ) throws(MarketLinkError) -> [Int32] {
        var ordinals = [Int32](repeating: 0, count: rows.count)
        for k in chunks.indices {
            let base = rows.first[k]
            for (r, packed) in chunks[k].dates.enumerated() {
                guard let day = RawDate(packed: packed).day(order: order) else {
                    let offset = rows.dateOffset(ofRow: base + r)
                    let why = RawDate(packed: packed).parts(order: order).map { EventFieldReader.whyNotReal($0.year, $0.month, $0.day) }
                    throw MarketLinkError(
                        .notARealDate(source.dateText(at: offset), why: why ?? "no such day in the calendar"), at: source.locate(offset: offset))
                }
                ordinals[base + r] = day.ordinal
            }
            chunks[k].dates = []
        }
        return ordinals
    }
}
