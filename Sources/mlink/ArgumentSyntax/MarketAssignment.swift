import MarketLink

// MARK: - --market S=M

/// A `--market` value: `SERIES=MARKET`, or `MARKET` alone (or `*=MARKET`) for every series, where
/// MARKET is a market id of the built-in table (`NYSE`, `SSE`, any case) or `ZONE@HH:MM`
/// (`Asia/Tokyo@15:00`, `+08:00@15:00`) for any other.
struct MarketAssignment: Sendable, Equatable {
    /// The series it names; `nil` for every series.
    var series: String?
    var market: Market

    init(_ text: String, option: String) throws(UsageError) {
        var spec = text
        series = nil
        if let equals = text.firstIndex(of: "=") {
            let name = String(text[..<equals])
            guard !name.isEmpty else {
                throw UsageError(message: "\(option) takes SERIES=MARKET (e.g. DJIA=NYSE or DJIA=America/New_York@16:00), not \(quoted(text))")
            }
            series = name == "*" ? nil : name
            spec = String(text[text.index(after: equals)...])
        }
        if let known = MarketTable.market(id: spec) {
            market = known
            return
        }
        let parts = spec.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, Market.timeZone(named: parts[0]) != nil else {
            throw UsageError(
                message:
                    "\(option) \(quoted(spec)): not a known market (\(MarketTable.markets.map(\.id).joined(separator: ", "))) nor ZONE@HH:MM with an IANA zone or an offset")
        }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard clock.count == 2, let hour = clock[0], let minute = clock[1], (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw UsageError(message: "\(option) \(quoted(spec)): the close time must be HH:MM")
        }
        market = Market(id: parts[0], name: parts[0], timeZone: parts[0], hour: hour, minute: minute)
    }
}
