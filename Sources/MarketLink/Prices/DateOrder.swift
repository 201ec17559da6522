// MARK: - Date order

/// The order of day, month and year in a numeric date such as `06/08/2023`.
public enum DateOrder: String, Sendable, CaseIterable {
    case yearMonthDay = "YMD"
    case monthDayYear = "MDY"
    case dayMonthYear = "DMY"

    /// Accepts `YMD`, `MDY`, `DMY` (any case) or the strftime forms `%Y-%m-%d`, `%m/%d/%Y`,
    /// `%d/%m/%Y` (with any separators, `%y` for two-digit years).
    public init?(userText: String) {
        let upper = userText.uppercased()
        if let order = DateOrder(rawValue: upper) {
            self = order
            return
        }
        let letters = upper.filter { "YMD".contains($0) }
        switch letters {
        case "YMD": self = .yearMonthDay
        case "MDY": self = .monthDayYear
        case "DMY": self = .dayMonthYear
        default: return nil
        }
    }

    public var pattern: String {
        switch self {
        case .yearMonthDay: return "year-month-day"
        case .monthDayYear: return "month/day/year"
        case .dayMonthYear: return "day/month/year"
        }
    }
}
