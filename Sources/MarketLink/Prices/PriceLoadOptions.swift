// MARK: - Load options

/// How to read a price file. Every field has a default that needs no flags.
public struct PriceLoadOptions: Sendable, Equatable {
    /// The series name (`NAME=path` on the command line); only for files with one series.
    public var name: String?
    /// Day/month order, when the file itself cannot tell.
    public var dateOrder: DateOrder?
    /// Take `Adj Close` rather than `Close` where a file has both.
    public var adjustedClose: Bool

    /// Intraday bars: the zone wall-clock bar times are in (an IANA name or an offset), when the
    /// file has no offsets; it wins over the market's zone for reading them.
    public var timeZone: String?
    /// Intraday bars: whether each stamp names the bar's start (the default) or its end.
    public var barLabel: BarLabel
    /// The market of the file's series, when the caller knows it: for intraday bars it gives the
    /// zone of wall-clock times and of sessions. `nil`: the market the series' name has.
    public var market: Market?

    /// Options for reading a price file; the defaults read every daily layout with no settings.
    public init(
        name: String? = nil, dateOrder: DateOrder? = nil, adjustedClose: Bool = false, timeZone: String? = nil,
        barLabel: BarLabel = .start, market: Market? = nil
    ) {
        self.name = name
        self.dateOrder = dateOrder
        self.adjustedClose = adjustedClose
        self.timeZone = timeZone
        self.barLabel = barLabel
        self.market = market
    }
}
