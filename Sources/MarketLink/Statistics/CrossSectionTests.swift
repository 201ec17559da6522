// MARK: - Tests across events

/// The average CAR across N events and the standard tests of whether it differs from zero.
///
/// Every test is two-sided and carries its own n (events used). Formulas, with SCAR_i the
/// standardized CAR of event i (`CrossSectionEvent.standardizedCAR`) and ν_i its degrees of
/// freedom:
///
/// - **CAAR** = (1/N)·Σ CAR_i.
/// - **Cross-sectional t** (Brown & Warner 1985; MacKinlay 1997, §"Inferences with clustering"):
///   t = CAAR / (s/√N), s the sample standard deviation (N − 1 denominator) of the CAR_i;
///   Student's t, N − 1 df. (MacKinlay writes the variance with 1/N²; this is the usual
///   one-sample t test with 1/(N(N − 1)).)
/// - **Patell Z** (Patell 1976), in its standardized-CAR form (Campbell, Lo & MacKinlay 1997,
///   §4.4.3, J₂): Z = Σ SCAR_i / √(Σ ν_i/(ν_i − 2)), standard normal. ν_i/(ν_i − 2) is the
///   variance of a t variable with ν_i df: (L_i − 2)/(L_i − 4) for the market model,
///   (L_i − 1)/(L_i − 3) for the others. Events with ν_i ≤ 2 have no finite variance and are
///   left out (n says how many were used).
/// - **BMP t** (Boehmer, Musumeci & Poulsen 1991): t = mean(SCAR) / (s_SCAR/√N), s_SCAR the sample
///   standard deviation of the SCAR_i; Student's t, N − 1 df.
/// - **Corrado rank** (Corrado 1989), multi-day form of Cowan (1992) on standardized ranks
///   (Campbell & Wasley 1993; Kolari & Pynnönen 2011 for the N_t/N weights): each event's
///   estimation and event abnormal returns together (T_i = L_i + k values) are ranked, ties
///   averaged, and scaled U_it = K_it/(T_i + 1), which has mean ½. Event series are aligned in
///   event time: event-window sessions by position, estimation sessions counted back from the
///   last one. For each aligned session t with N_t events, Ū_t = (1/N_t)·Σ_i (U_it − ½);
///   S_U² = (1/D)·Σ_t (N_t/N)·Ū_t² over the D sessions with data;
///   Z = Σ_{τ ∈ event window} Ū_τ / (√k·S_U), standard normal. With k = 1 and equal T_i this
///   is Corrado's (1989) single-day statistic exactly (his K − (T+1)/2 scaled by 1/(T+1) on
///   both sides). Needs every event to have the same k.
/// - **Generalized sign** (Cowan 1992): w = number of events with CAR_i > 0;
///   p̂ = (1/N)·Σ_i (1/L_i)·#{t : AR_it > 0} over each estimation window;
///   Z = (w − N·p̂) / √(N·p̂·(1 − p̂)), standard normal.
/// - **Adjusted Patell Z and adjusted BMP t** (Kolari & Pynnönen 2010), for events whose
///   abnormal returns are cross-correlated (events that cluster in calendar time): with r̄ the
///   average cross-correlation of the events' estimation-window abnormal returns in event time
///   (`averageCrossCorrelation`), Z_adj = Z·√(1/(1 + (N − 1)·r̄)), standard normal, and
///   t_adj = t·√((1 − r̄)/(1 + (N − 1)·r̄)), Student's t with N − 1 df. With r̄ = 0 both equal
///   the unadjusted tests. Patell divides by the variance the SCARs would have if independent,
///   which the correlation inflates by 1 + (N − 1)·r̄; BMP divides by the sample variance, whose
///   expectation the correlation shrinks by 1 − r̄ (docs/STATISTICS.md).
public struct CrossSectionTests: Sendable, Equatable {
    /// N, the number of events.
    public var n: Int
    /// CAAR = (1/N)·Σ CAR_i.
    public var caar: Double
    /// AAR_τ = (1/N)·Σ_i AR_iτ for each event-window session; `nil` unless every event has the
    /// same number of event-window returns.
    public var averageAbnormalReturns: [Double]?
    /// `nil` for N < 2 or when every CAR is the same.
    public var crossSectionalT: SignificanceTest?
    /// `nil` when no event has ν_i > 2.
    public var patellZ: SignificanceTest?
    /// `nil` for N < 2 or when every SCAR is the same.
    public var bmpT: SignificanceTest?
    /// `nil` when the events' event windows differ in length, or S_U = 0.
    public var corradoRank: SignificanceTest?
    /// `nil` when p̂ is 0 or 1 (no estimation AR, or every one, is positive).
    public var generalizedSign: SignificanceTest?
    /// r̄, the average of the Pearson correlations r_ij of every pair of events' estimation-window
    /// abnormal returns, paired in event time over the last m = min L_i estimation returns of
    /// each (`crossCorrelation(_:)`): 1 for two events on the same session, near 0 for events far
    /// apart. `nil` for fewer than two events.
    public var averageCrossCorrelation: Double?
    /// Patell Z allowing for cross-correlation (Kolari & Pynnönen 2010); `nil` when Patell Z is,
    /// or when 1 + (N − 1)·r̄ = 0.
    public var adjustedPatellZ: SignificanceTest?
    /// BMP t allowing for cross-correlation (Kolari & Pynnönen 2010); `nil` when BMP t or r̄ is,
    /// or when 1 + (N − 1)·r̄ = 0.
    public var adjustedBMPT: SignificanceTest?

    /// Runs every test on the events; `nil` for no events.
    public init?(events: [CrossSectionEvent]) {
        guard !events.isEmpty, let caar = Descriptive.mean(events.map(\.car)) else { return nil }
        n = events.count
        self.caar = caar
        let k = events[0].abnormalReturns.count
        let sameWindow = events.allSatisfy { $0.abnormalReturns.count == k }
        averageAbnormalReturns =
            sameWindow
            ? (0..<k).map { session in
                events.reduce(0) { $0 + $1.abnormalReturns[session] } / Double(events.count)
            }
            : nil
        crossSectionalT = CrossSectionTests.studentT(of: events.map(\.car))
        patellZ = CrossSectionTests.patell(events)
        bmpT = CrossSectionTests.studentT(of: events.map(\.standardizedCAR))
        corradoRank = sameWindow ? CrossSectionTests.corrado(events, k: k) : nil
        generalizedSign = CrossSectionTests.generalizedSign(events)
        let correlation = CrossSectionTests.crossCorrelation(events)
        averageCrossCorrelation = correlation?.average
        adjustedPatellZ = CrossSectionTests.adjustedPatell(events, patell: patellZ)
        adjustedBMPT = CrossSectionTests.adjustedBMP(correlation, bmp: bmpT)
    }

    // MARK: - Tests

    /// mean / (s/√N) with N − 1 df; `nil` for N < 2 or s = 0.
    static func studentT(of values: [Double]) -> SignificanceTest? {
        guard values.count >= 2, let mean = Descriptive.mean(values),
            let s = Descriptive.sampleStandardDeviation(values), s > 0
        else { return nil }
        let t = mean / (s / Double(values.count).squareRoot())
        return SignificanceTest(t: t, degreesOfFreedom: values.count - 1, n: values.count)
    }

    /// Σ SCAR_i / √(Σ ν_i/(ν_i − 2)) over the events with ν_i > 2.
    static func patell(_ events: [CrossSectionEvent]) -> SignificanceTest? {
        let used = events.filter { $0.degreesOfFreedom > 2 }
        guard !used.isEmpty else { return nil }
        var sum = 0.0
        var variance = 0.0
        for event in used {
            let nu = Double(event.degreesOfFreedom)
            sum += event.standardizedCAR
            variance += nu / (nu - 2)
        }
        return SignificanceTest(z: sum / variance.squareRoot(), n: used.count)
    }

    /// Cowan's (1992) multi-day form of Corrado's (1989) rank test on standardized ranks.
    static func corrado(_ events: [CrossSectionEvent], k: Int) -> SignificanceTest? {
        let longest = events.reduce(0) { max($0, $1.estimationAbnormalReturns.count) }
        let days = longest + k
        var deviationSums = [Double](repeating: 0, count: days)
        var counts = [Int](repeating: 0, count: days)
        for event in events {
            let length = event.estimationAbnormalReturns.count
            let ranks = averageRanks(event.estimationAbnormalReturns + event.abnormalReturns)
            let scale = 1 / Double(ranks.count + 1)
            let first = longest - length  // aligned position of the first estimation session
            for (position, rank) in ranks.enumerated() {
                deviationSums[first + position] += rank * scale - 0.5
                counts[first + position] += 1
            }
        }
        let total = Double(events.count)
        var sumOfSquares = 0.0
        var daysWithData = 0
        var eventSum = 0.0
        for day in 0..<days where counts[day] > 0 {
            let present = Double(counts[day])
            let mean = deviationSums[day] / present
            sumOfSquares += present / total * mean * mean
            daysWithData += 1
            if day >= longest { eventSum += mean }
        }
        let s = (sumOfSquares / Double(daysWithData)).squareRoot()
        guard s > 0 else { return nil }
        let z = eventSum / (Double(k).squareRoot() * s)
        return SignificanceTest(z: z, n: events.count)
    }

    /// (w − N·p̂) / √(N·p̂·(1 − p̂)).
    static func generalizedSign(_ events: [CrossSectionEvent]) -> SignificanceTest? {
        let total = Double(events.count)
        let positive = Double(events.count { $0.car > 0 })
        var fraction = 0.0
        for event in events {
            let series = event.estimationAbnormalReturns
            fraction += Double(series.count { $0 > 0 }) / Double(series.count)
        }
        let expected = fraction / total
        guard expected > 0, expected < 1 else { return nil }
        let z = (positive - total * expected) / (total * expected * (1 - expected)).squareRoot()
        return SignificanceTest(z: z, n: events.count)
    }
}
