// MARK: - Date column

/// How the date column of a price file reads.
///
/// Each field was read on its own into a `RawDate` (`DateReader`) and counted into the
/// column's tally as the rows came (`DateColumnResolver.Tally`). When some are plain numbers
/// that leave the day/month order open (`06/08/2023`, `22-01-19`), the whole column decides it
/// (`DateColumnResolver`), or the order the caller gives does. Then every row's date must be a
/// real calendar day under that order (`checkReal`).
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

    /// Decides the column's order from what `assembly` gathered (it has at least one row).
    /// `column` is the date column's header, for messages; `override` is the order the caller
    /// named, if any.
    init(_ assembly: SeriesAssembly, column: String, override: DateOrder?) throws(MarketLinkError) {
        guard let first = assembly.first else { throw MarketLinkError("internal: a date column with no rows", at: SourceLocation(file: assembly.file)) }
        let failures = assembly.failures
        func sample(_ index: Int) -> RowChunk.DateSample { index == 0 ? first : failures[index] ?? first }
        switch DateColumnResolver.decide(assembly.dates, lineOf: { sample($0).mark.line }, override: override) {
        case .success(let value):
            decision = value
        case .failure(let detail):
            let row = sample(detail.index)
            throw MarketLinkError(detail.reason(date: row.text, column: column), at: row.mark.location(file: assembly.file))
        }
        firstDateResolved = first.raw.form == .resolved
        let sampleBytes = Array(first.text.utf8)
        firstDateISO =
            sampleBytes.count >= 10 && sampleBytes[4] == UInt8(ascii: "-") && sampleBytes[7] == UInt8(ascii: "-")
            && sampleBytes[0..<4].allSatisfy { $0 >= 48 && $0 <= 57 }
        var description = DateColumnReading.describe(first.raw, sample: first.text)
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

    /// Throws at the first row whose numbers are no calendar day (`2023-02-30`) under the
    /// decided order. Under an order the column decided, every row is a day already (that is
    /// how it was chosen); so this is about files whose dates are all unambiguous.
    func checkReal(_ assembly: SeriesAssembly) throws(MarketLinkError) {
        guard decision.order == nil, let bad = assembly.dates.lane(.monthDayYear).firstFailure, let row = assembly.failures[bad] else { return }
        let why = row.raw.parts(order: nil).map { EventFieldReader.whyNotReal($0.year, $0.month, $0.day) }
        throw MarketLinkError(.notARealDate(row.text, why: why ?? "no such day in the calendar"), at: row.mark.location(file: assembly.file))
    }
}
