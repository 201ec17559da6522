// MARK: - Date order

/// The order of day, month and year in a numeric date such as `06/08/2023`.
public enum DateOrder: String, Sendable, CaseIterable {
    /// Year first: `2023-06-08`, `2023/6/8`.
    case yearMonthDay = "YMD"
    /// Month first, US style: `06/08/2023` is June 8.
    case monthDayYear = "MDY"
    /// Day first: `08/06/2023` is June 8.
    case dayMonthYear = "DMY"

    /// The order in words (`month/day/year`), for messages and `inspect`.
    public var pattern: String {
        switch self {
        case .yearMonthDay: return "year-month-day"
        case .monthDayYear: return "month/day/year"
        case .dayMonthYear: return "day/month/year"
        }
    }
}
