import MarketLink

// MARK: - --date-format

extension DateOrder {
    /// A `--date-format` value: `YMD`, `MDY`, `DMY` (any case) or the strftime forms `%Y-%m-%d`,
    /// `%m/%d/%Y`, `%d/%m/%Y` (any separators, `%y` for two-digit years).
    init?(argument: String) {
        let upper = argument.uppercased()
        if let order = DateOrder(rawValue: upper) {
            self = order
            return
        }
        switch upper.filter({ "YMD".contains($0) }) {
        case "YMD": self = .yearMonthDay
        case "MDY": self = .monthDayYear
        case "DMY": self = .dayMonthYear
        default: return nil
        }
    }
}
