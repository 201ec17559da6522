// MARK: - Date order

/// The order of day, month and year in a numeric date such as `06/08/2023`.
public enum DateOrder: String, Sendable, CaseIterable {
    case yearMonthDay = "YMD"
    case monthDayYear = "MDY"
    case dayMonthYear = "DMY"

    public var pattern: String {
        switch self {
        case .yearMonthDay: return "year-month-day"
        case .monthDayYear: return "month/day/year"
        case .dayMonthYear: return "day/month/year"
        }
    }
}
