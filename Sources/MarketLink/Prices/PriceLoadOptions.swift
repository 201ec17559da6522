// MARK: - Load options

/// How to read a price file. Every field has a default that needs no flags.
public struct PriceLoadOptions: Sendable, Equatable {
    /// The series name (`NAME=path` on the command line); only for files with one series.
    public var name: String?
    /// Day/month order, when the file itself cannot tell.
    public var dateOrder: DateOrder?
    /// Take `Adj Close` rather than `Close` where a file has both.
    public var adjustedClose: Bool

    /// Options with the given name, date order and close column; the defaults read every layout.
    public init(name: String? = nil, dateOrder: DateOrder? = nil, adjustedClose: Bool = false) {
        self.name = name
        self.dateOrder = dateOrder
        self.adjustedClose = adjustedClose
    }
}
