// MARK: - Date ticks

/// Tick marks for a calendar axis: the finest calendar unit whose closest ticks are far enough
/// apart for their labels, at a given scale in pixels per day.
///
/// Units, finest first, with the closest spacing of their ticks and the pixels that spacing
/// must cover (the widest label at 11 px, estimated as in `ChartText.width`, plus a gap):
///
/// | unit | ticks on | closest | needs |
/// |---|---|---|---|
/// | weekday | Monday–Friday | 1 day | 24 px (`28`) |
/// | weeks(n), n = 1, 2 | Mondays, every n-th week counted from Monday 1970-01-05 | 7n days | 52 px (`Sep 28`) |
/// | months(n), n = 1, 2, 3, 6 | the 1st, months counted from January | 28n days | 34 px (`Sep`) |
/// | years(n), n = 1, 2, 5, 10, … | 1 January, years divisible by n | 365n days | 40 px (`2023`) |
///
/// When the weekday unit is chosen but gives fewer than two ticks (a range of a weekend or a
/// single day), every calendar day is a tick.
///
/// Labels have a main line and, where it changes, a context line below: weekdays `7` over
/// `Jun 2023` (at the first tick and each new month); weeks `Jun 5` over `2023` (first tick,
/// new year); months `Jun` over `2023`; years `2023` alone.
struct DateTicks: Equatable, Sendable {
    struct Tick: Equatable, Sendable {
        var day: Day
        var label: String
        /// The month or year the label belongs to, shown only where it changes.
        var context: String?
    }

    enum Unit: Equatable, Sendable {
        case day
        case weekday
        case weeks(Int)
        case months(Int)
        case years(Int)

        /// Closest spacing of two ticks, in days.
        var closestDays: Double {
            switch self {
            case .day, .weekday: return 1
            case .weeks(let n): return Double(7 * n)
            case .months(let n): return Double(28 * n)
            case .years(let n): return Double(365 * n)
            }
        }

        /// Pixels the closest spacing must cover.
        var neededPixels: Double {
            switch self {
            case .day, .weekday: return 24
            case .weeks: return 52
            case .months: return 34
            case .years: return 40
            }
        }
    }

    var unit: Unit
    var ticks: [Tick]

    init(from first: Day, to second: Day, pixelsPerDay: Double) {
        let from = min(first, second)
        let to = max(first, second)
        var unit =
            DateTicks.candidates.first { $0.closestDays * pixelsPerDay >= $0.neededPixels }
            ?? DateTicks.candidates[DateTicks.candidates.count - 1]
        var days = DateTicks.days(of: unit, from: from, to: to)
        if unit == .weekday, days.count < 2 {
            unit = .day
            days = DateTicks.days(of: .day, from: from, to: to)
        }
        self.unit = unit
        self.ticks = DateTicks.label(days, unit: unit)
    }

    // MARK: - Units

    static let candidates: [Unit] = {
        var units: [Unit] = [.weekday, .weeks(1), .weeks(2), .months(1), .months(2), .months(3), .months(6)]
        var scale = 1
        while scale <= 1_000 {
            units += [.years(scale), .years(2 * scale), .years(5 * scale)]
            scale *= 10
        }
        return units
    }()

    /// The tick days of `unit` in `from...to`.
    static func days(of unit: Unit, from: Day, to: Day) -> [Day] {
        var days: [Day] = []
        func add(_ day: Day) {
            if day >= from, day <= to { days.append(day) }
        }
        switch unit {
        case .day, .weekday:
            for ordinal in Int(from.ordinal)...Int(to.ordinal) {
                let day = Day(ordinal: Int32(ordinal))
                if unit == .day || !day.isWeekend { add(day) }
            }
        case .weeks(let count):
            // Monday 1970-01-05 has ordinal 4; week k starts on ordinal 4 + 7k.
            let firstWeek = ceilDivide(Int(from.ordinal) - 4, 7)
            var week = firstWeek + ((count - firstWeek % count) % count)
            while 4 + 7 * week <= Int(to.ordinal) {
                add(Day(ordinal: Int32(4 + 7 * week)))
                week += count
            }
        case .months(let count):
            var (year, month, _) = from.components
            let (lastYear, lastMonth, _) = to.components
            while year < lastYear || (year == lastYear && month <= lastMonth) {
                if (month - 1) % count == 0, let day = Day(year: year, month: month, day: 1) { add(day) }
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
        case .years(let count):
            var year = from.year
            year += (count - year % count) % count
            while year <= to.year, let day = Day(year: year, month: 1, day: 1) {
                add(day)
                year += count
            }
        }
        return days
    }

    /// ⌈a / b⌉ for b > 0.
    private static func ceilDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? (a + b - 1) / b : -((-a) / b)
    }

    // MARK: - Labels

    static func shortMonth(_ month: Int) -> String { String(Day.monthNames[month - 1].prefix(3)) }

    static func label(_ days: [Day], unit: Unit) -> [Tick] {
        var ticks: [Tick] = []
        var previousContext: String?
        for day in days {
            let (year, month, dayOfMonth) = day.components
            let label: String
            let context: String?
            switch unit {
            case .day, .weekday:
                label = "\(dayOfMonth)"
                context = "\(shortMonth(month)) \(year)"
            case .weeks:
                label = "\(shortMonth(month)) \(dayOfMonth)"
                context = "\(year)"
            case .months:
                label = shortMonth(month)
                context = "\(year)"
            case .years:
                label = "\(year)"
                context = nil
            }
            ticks.append(Tick(day: day, label: label, context: context == previousContext ? nil : context))
            previousContext = context
        }
        return ticks
    }
}
