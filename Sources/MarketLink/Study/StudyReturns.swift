// MARK: - One series' returns, ready for every event

/// One series' returns as an event study uses them, with prefix sums that give any estimation
/// window's sums in O(1), so that the work per event is O(event window), never O(estimation
/// window) (DESIGN §5). Built once per series in O(sessions + events).
///
/// For session i of the series (`EventStudy` says what the windows mean):
/// - `returns[i]` is R_i, from close i − 1 to close i (`ReturnKind`); none at i = 0;
/// - with a benchmark, `market[i]` is R_m,i, the benchmark's return between the dates of sessions
///   i − 1 and i, when the benchmark has a close on both (`paired[i]`); without one, 0;
/// - session i is *kept* for estimation unless `clean` covers it (it lies in some event's event
///   window: an event's own window never meets its estimation window, so "another event's" is
///   the same set) or it is not paired with the benchmark. The kept set is the same for every
///   event of the series, which is what makes one set of prefix sums exact for all of them: no
///   correction for left-out sessions is needed.
///
/// Prefix sums over the kept sessions (`WindowMoments`, double-double) of the model's y and, for
/// the market model, of x = R_m: y = R for `raw`, `mean` and `marketModel`, y = R − R_m for
/// `market` (the market-adjusted abnormal return, rounded as the direct computation rounds it).
/// Non-finite values add nothing to the sums and are counted instead: an estimation window that
/// holds one gets `non-finite-return` whatever the sums say. Prefix counts give the sessions left
/// out for `clean` and for the benchmark in any window.
struct StudyReturns {
    /// What session i is to an estimation window.
    enum Use: UInt8 {
        case kept
        /// Inside an event's event window, with `clean`.
        case clean
        /// Without a benchmark return paired with it.
        case benchmark
    }

    let model: NormalReturnModel
    let hasBenchmark: Bool
    /// The number of sessions.
    let count: Int
    /// R_i; NaN at i = 0.
    private(set) var returns: [Double]
    /// R_m,i where `paired[i]`, else NaN; 0 everywhere without a benchmark.
    private(set) var market: [Double]
    /// Whether the benchmark has a close on the date of session i (all true without one).
    private(set) var benchmarkHasDay: [Bool]
    /// What session i is to an estimation window.
    private(set) var use: [Use]
    /// Sums over the kept sessions before i (count + 1 entries).
    private(set) var moments: [WindowMoments]
    /// Sessions before i left out for `clean`, for the benchmark, and kept with a non-finite
    /// y or x (count + 1 entries each).
    private(set) var cleanPrefix: [Int32]
    private(set) var benchmarkPrefix: [Int32]
    private(set) var nonFinitePrefix: [Int32]
    /// The largest |R_i| and |R_m,i| over the kept sessions with finite values: upper bounds of
    /// any window's largest, for the tests of "zero" that compare with it.
    private(set) var largestReturn = 0.0
    private(set) var largestMarket = 0.0

    /// Prepares `series` for `design`, paired with `benchmark` when the model uses one; `eventSessions`
    /// are the t0 indexes of the events that have one in this series (for `clean`).
    init(series: Series, benchmark: Series?, design: EventStudyDesign, eventSessions: [Int]) {
        let count = series.count
        let kind = design.returns
        self.model = design.model
        self.count = count
        let benchmark = design.model.needsBenchmark ? benchmark : nil
        self.hasBenchmark = benchmark != nil
        let closes = series.closes
        var returns = [Double](repeating: .nan, count: count)
        for i in 1..<max(count, 1) { returns[i] = kind.value(from: closes[i - 1], to: closes[i]) }

        // The benchmark's session on each of the series' dates, by one merge of the two calendars.
        var market = [Double](repeating: benchmark == nil ? 0 : .nan, count: count)
        var paired = [Bool](repeating: benchmark == nil, count: count)
        var hasDay = [Bool](repeating: true, count: count)
        if let benchmark {
            let days = series.dayOrdinals
            let benchmarkDays = benchmark.dayOrdinals
            let benchmarkCloses = benchmark.closes
            var b = 0
            var previous = -1
            for i in 0..<count {
                while b < benchmarkDays.count, benchmarkDays[b] < days[i] { b += 1 }
                let session = b < benchmarkDays.count && benchmarkDays[b] == days[i] ? b : -1
                hasDay[i] = session >= 0
                if i > 0, previous >= 0, session >= 0 {
                    market[i] = kind.value(from: benchmarkCloses[previous], to: benchmarkCloses[session])
                    paired[i] = true
                }
                previous = session
            }
        }

        // How many events' event windows cover each session, as a difference array.
        var use = [Use](repeating: .kept, count: count)
        if design.clean, count > 0 {
            var starts = [Int32](repeating: 0, count: count + 1)
            for t0 in eventSessions {
                let sessions = design.window.coveredSessions(around: t0)
                let low = max(sessions.lowerBound, 0)
                let high = min(sessions.upperBound, count - 1)
                if low <= high {
                    starts[low] += 1
                    starts[high + 1] -= 1
                }
            }
            var covering: Int32 = 0
            for i in 0..<count {
                covering += starts[i]
                if covering > 0 { use[i] = .clean }
            }
        }
        for i in 0..<count where use[i] == .kept && !paired[i] { use[i] = .benchmark }

        // Prefix sums and counts.
        var moments = [WindowMoments]()
        moments.reserveCapacity(count + 1)
        var cleanPrefix = [Int32](repeating: 0, count: count + 1)
        var benchmarkPrefix = [Int32](repeating: 0, count: count + 1)
        var nonFinitePrefix = [Int32](repeating: 0, count: count + 1)
        var running = WindowMoments()
        var largestReturn = 0.0
        var largestMarket = 0.0
        moments.append(running)
        let regression = design.model == .marketModel
        let adjusted = design.model == .market
        for i in 0..<count {
            cleanPrefix[i + 1] = cleanPrefix[i] + (use[i] == .clean ? 1 : 0)
            benchmarkPrefix[i + 1] = benchmarkPrefix[i] + (use[i] == .benchmark ? 1 : 0)
            var nonFinite: Int32 = 0
            if use[i] == .kept {
                let r = returns[i]
                let m = market[i]
                if r.isFinite, m.isFinite {
                    largestReturn = max(largestReturn, abs(r))
                    largestMarket = max(largestMarket, abs(m))
                    if regression {
                        running.add(x: m, y: r)
                    } else {
                        running.add(y: adjusted ? r - m : r)
                    }
                } else {
                    nonFinite = 1
                }
            }
            nonFinitePrefix[i + 1] = nonFinitePrefix[i] + nonFinite
            moments.append(running)
        }
        self.returns = returns
        self.market = market
        self.benchmarkHasDay = hasDay
        self.use = use
        self.moments = moments
        self.cleanPrefix = cleanPrefix
        self.benchmarkPrefix = benchmarkPrefix
        self.nonFinitePrefix = nonFinitePrefix
        self.largestReturn = largestReturn
        self.largestMarket = largestMarket
    }

    // MARK: - Windows

    /// Sessions `range` left out for `clean`, left out for the benchmark, and kept with a
    /// non-finite value.
    func leftOut(_ range: ClosedRange<Int>) -> (clean: Int, benchmark: Int, nonFinite: Int) {
        let low = range.lowerBound
        let high = range.upperBound + 1
        return (
            Int(cleanPrefix[high] - cleanPrefix[low]), Int(benchmarkPrefix[high] - benchmarkPrefix[low]),
            Int(nonFinitePrefix[high] - nonFinitePrefix[low])
        )
    }

    /// The sums over the kept sessions of `range`.
    func moments(_ range: ClosedRange<Int>) -> WindowMoments {
        moments[range.upperBound + 1] - moments[range.lowerBound]
    }

    /// The largest |R_i| and |R_m,i| over the kept sessions of `range`, in O(window): needed only
    /// when a test of "zero" against the series-wide bound does not already pass.
    func largest(_ range: ClosedRange<Int>) -> (returns: Double, market: Double) {
        var largestReturn = 0.0
        var largestMarket = 0.0
        for i in range where use[i] == .kept {
            largestReturn = max(largestReturn, abs(returns[i]))
            largestMarket = max(largestMarket, abs(market[i]))
        }
        return (largestReturn, largestMarket)
    }

    /// AR_t = R_t − α − β·R_m,t for the kept sessions of `range`, in order: the estimation-window
    /// abnormal returns of the rank and sign tests (O(window), only for the tests across events).
    func abnormalReturns(_ range: ClosedRange<Int>, alpha: Double, beta: Double) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(range.count)
        for i in range where use[i] == .kept { values.append(returns[i] - alpha - beta * market[i]) }
        return values
    }
}
