// MARK: - One series' returns, ready for every event

/// One series' returns as an event study uses them, with prefix sums that give any estimation
/// window's sums in O(1), so that the work per event is O(event window), never O(estimation
/// window) (DESIGN §5). Built once per series in O(sessions + events).
///
/// For session i of the series (`EventStudy` says what the windows mean):
/// - `sessions[i].r` is R_i, from close i − 1 to close i (`ReturnKind`); none at i = 0;
/// - with a benchmark, `sessions[i].m` is R_m,i, the benchmark's return between the dates of
///   sessions i − 1 and i, when the benchmark has a close on both (*paired*); without one, 0;
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

    /// Session i's returns and what it is to an estimation window.
    struct Session {
        /// R_i; NaN at i = 0.
        var r: Double
        /// R_m,i where the session is paired, else NaN; 0 everywhere without a benchmark.
        var m: Double
        /// Whether the benchmark has a close on the date of session i (always without one).
        var benchmarkHasDay: Bool
        var use: Use
    }

    /// The sums over the kept sessions before i, and the sessions before i left out for `clean`,
    /// for the benchmark, and kept with a non-finite y or x.
    struct Prefix {
        var moments = WindowMoments()
        var clean: Int32 = 0
        var benchmark: Int32 = 0
        var nonFinite: Int32 = 0
    }

    let model: NormalReturnModel
    let hasBenchmark: Bool
    /// The number of sessions.
    let count: Int
    /// Every session, in order (`count` entries).
    private(set) var sessions: [Session]
    /// The sums and counts before session i (count + 1 entries).
    private(set) var prefixes: [Prefix]
    /// The largest |R_i| and |R_m,i| over the kept sessions with finite values: upper bounds of
    /// any window's largest, for the tests of "zero" that compare with it.
    private(set) var largestReturn = 0.0
    private(set) var largestMarket = 0.0

    /// Prepares `series` for `design`, paired with `benchmark` when the model uses one; `eventSessions`
    /// are the t0 indexes of the events that have one in this series (for `clean`).
    ///
    /// One pass over the sessions: R_i, the benchmark's session on the same date (a merge of the
    /// two calendars), the session's use and the running sums and counts, written in place into
    /// the two arrays (no per-session array append, uniqueness check or second pass).
    init(series: Series, benchmark: Series?, design: EventStudyDesign, eventSessions: [Int]) {
        let count = series.count
        let kind = design.returns
        self.model = design.model
        self.count = count
        let benchmark = design.model.needsBenchmark ? benchmark : nil
        self.hasBenchmark = benchmark != nil

        // How many events' event windows cover each session, as a difference array.
        let clean = design.clean && count > 0
        var starts = [Int32](repeating: 0, count: clean ? count + 1 : 0)
        if clean {
            for t0 in eventSessions {
                let sessions = design.window.coveredSessions(around: t0)
                let low = max(sessions.lowerBound, 0)
                let high = min(sessions.upperBound, count - 1)
                if low <= high {
                    starts[low] += 1
                    starts[high + 1] -= 1
                }
            }
        }

        let closes = series.closes
        let days = series.dayOrdinals
        let benchmarkDays = benchmark?.dayOrdinals ?? []
        let benchmarkCloses = benchmark?.closes ?? []
        let withBenchmark = benchmark != nil
        let regression = design.model == .marketModel
        let adjusted = design.model == .market
        var largestReturn = 0.0
        var largestMarket = 0.0
        var prefixes: [Prefix] = []
        self.sessions = [Session](unsafeUninitializedCapacity: count) { sessionsOut, sessionsInitialized in
            prefixes = [Prefix](unsafeUninitializedCapacity: count + 1) { prefixesOut, prefixesInitialized in
                var running = Prefix()
                prefixesOut.initializeElement(at: 0, to: running)
                var b = 0
                var previous = -1
                var covering: Int32 = 0
                for i in 0..<count {
                    let r = i > 0 ? kind.value(from: closes[i - 1], to: closes[i]) : .nan
                    var m = withBenchmark ? Double.nan : 0
                    var hasDay = true
                    var paired = !withBenchmark
                    if withBenchmark {
                        // The benchmark's session on this session's date, if any.
                        let day = days[i]
                        while b < benchmarkDays.count, benchmarkDays[b] < day { b += 1 }
                        let session = b < benchmarkDays.count && benchmarkDays[b] == day ? b : -1
                        hasDay = session >= 0
                        if i > 0, previous >= 0, session >= 0 {
                            m = kind.value(from: benchmarkCloses[previous], to: benchmarkCloses[session])
                            paired = true
                        }
                        previous = session
                    }
                    var use = Use.kept
                    if clean {
                        covering += starts[i]
                        if covering > 0 { use = .clean }
                    }
                    if use == .kept, !paired { use = .benchmark }
                    sessionsOut.initializeElement(at: i, to: Session(r: r, m: m, benchmarkHasDay: hasDay, use: use))

                    switch use {
                    case .clean: running.clean += 1
                    case .benchmark: running.benchmark += 1
                    case .kept:
                        if r.isFinite, m.isFinite {
                            largestReturn = max(largestReturn, abs(r))
                            largestMarket = max(largestMarket, abs(m))
                            if regression {
                                running.moments.add(x: m, y: r)
                            } else {
                                running.moments.add(y: adjusted ? r - m : r)
                            }
                        } else {
                            running.nonFinite += 1
                        }
                    }
                    prefixesOut.initializeElement(at: i + 1, to: running)
                }
                prefixesInitialized = count + 1
            }
            sessionsInitialized = count
        }
        self.prefixes = prefixes
        self.largestReturn = largestReturn
        self.largestMarket = largestMarket
    }

    // MARK: - Windows

    /// Sessions `range` left out for `clean`, left out for the benchmark, and kept with a
    /// non-finite value.
    func leftOut(_ range: ClosedRange<Int>) -> (clean: Int, benchmark: Int, nonFinite: Int) {
        let low = range.lowerBound
        let high = range.upperBound + 1
        let later = prefixes[high]
        let earlier = prefixes[low]
        return (Int(later.clean - earlier.clean), Int(later.benchmark - earlier.benchmark), Int(later.nonFinite - earlier.nonFinite))
    }

    /// The sums over the kept sessions of `range`.
    func moments(_ range: ClosedRange<Int>) -> WindowMoments {
        prefixes[range.upperBound + 1].moments - prefixes[range.lowerBound].moments
    }

    /// The largest |R_i| and |R_m,i| over the kept sessions of `range`, in O(window): needed only
    /// when a test of "zero" against the series-wide bound does not already pass.
    func largest(_ range: ClosedRange<Int>) -> (returns: Double, market: Double) {
        var largestReturn = 0.0
        var largestMarket = 0.0
        for i in range where sessions[i].use == .kept {
            largestReturn = max(largestReturn, abs(sessions[i].r))
            largestMarket = max(largestMarket, abs(sessions[i].m))
        }
        return (largestReturn, largestMarket)
    }

    /// AR_t = R_t − α − β·R_m,t for the kept sessions of `range`, in order: the estimation-window
    /// abnormal returns of the rank and sign tests (O(window), only for the tests across events).
    func abnormalReturns(_ range: ClosedRange<Int>, alpha: Double, beta: Double) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(range.count)
        for i in range where sessions[i].use == .kept { values.append(sessions[i].r - alpha - beta * sessions[i].m) }
        return values
    }
}
