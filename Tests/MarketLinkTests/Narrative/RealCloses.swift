@testable import MarketLink

/// Real daily closes for building test series in code, copied from
/// `fixtures/source/closes-2022-2023.txt` (Dow Jones Industrial Average as published by S&P Dow
/// Jones Indices; SSE Composite as published by the Shanghai Stock Exchange). Holidays have no
/// row: 2023-01-02 (New Year observed), 2023-05-29 (Memorial Day). The rows from 2023-01-09 to
/// 2023-05-19 are left out, so 2023-01-06 and 2023-05-22 are consecutive sessions here.
enum RealCloses {
    static let djia = """
        2022-12-27 33241.56
        2022-12-28 32875.71
        2022-12-29 33220.80
        2022-12-30 33147.25
        2023-01-03 33136.37
        2023-01-04 33269.77
        2023-01-05 32930.08
        2023-01-06 33630.61
        2023-05-22 33286.58
        2023-05-23 33055.51
        2023-05-24 32799.92
        2023-05-25 32764.65
        2023-05-26 33093.34
        2023-05-30 33042.78
        2023-05-31 32908.27
        2023-06-01 33061.57
        2023-06-02 33762.76
        2023-06-05 33562.86
        2023-06-06 33573.28
        2023-06-07 33665.02
        2023-06-08 33833.61
        2023-06-09 33876.78
        2023-06-12 34066.33
        2023-06-13 34212.12
        2023-06-14 33979.33
        2023-06-15 34408.06
        2023-06-16 34299.12
        """

    static let sse = """
        2023-06-05 3232.44
        2023-06-06 3195.34
        2023-06-07 3197.76
        2023-06-08 3213.59
        2023-06-09 3231.41
        2023-06-12 3228.83
        """

    /// Rows `YYYY-MM-DD close`.
    static func rows(_ table: String) -> [(day: Day, close: Double)] {
        table.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let day = Day(iso: String(parts[0])), let close = Double(parts[1]) else { return nil }
            return (day, close)
        }
    }

    static func series(_ name: String, _ table: String) -> Series? {
        let rows = rows(table)
        return Series(name: name, days: rows.map(\.day), closes: rows.map(\.close))
    }

    /// The session index of an ISO date in `series` (for building moves by date).
    static func session(_ iso: String, in series: Series) -> Int? {
        Day(iso: iso).flatMap { series.session(on: $0) }
    }

    /// The table as a FRED-layout CSV (`DATE,NAME`, `.` on the given holidays), as FRED's
    /// download has it.
    static func fredCSV(_ name: String, _ table: String, holidays: [String] = []) -> String {
        var lines = rows(table).map { "\($0.day.iso),\(NumberFormat.string($0.close, decimals: 2))" }
        lines += holidays.map { "\($0),." }
        lines.sort()
        return "DATE,\(name)\n" + lines.joined(separator: "\n") + "\n"
    }
}
