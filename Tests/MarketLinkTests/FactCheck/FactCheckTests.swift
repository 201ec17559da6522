import Testing
@testable import MarketLink

// Expected numbers come from the closes alone (RealCloses), computed with Python's decimal module:
//   DJIA 06-06 33573.28 → 06-08 33833.61: points 260.33, percent 0.775408 (0.78; 0.8 at 1 decimal)
//        258 claimed → off by 260.33 − 258 = 2.33
//   SSE  06-07 3197.76 → 06-09 3231.41:    points 33.65,  percent 1.052299 (1.05; 1 at 0 decimals)
//        31 claimed → off by 33.65 − 31 = 2.65
//   DJIA 06-07 33665.02 → 06-08 33833.61:  points 168.59, percent 0.500787
//   DJIA 06-01 33061.57 → 06-02 33762.76:  points 701.19, percent 2.120861
//   DJIA 05-25 32764.65 → 05-30 33042.78:  points 278.13, percent 0.848872 (Friday and Tuesday)
//   DJIA 06-13 34212.12 → 06-14 33979.33:  points −232.79, percent −0.680431
// Closes between 33,750 and 33,850 (which "33,800" rounds from): 06-02 33762.76 and 06-08 33833.61.
@Suite struct FactCheckTests {
    static func dow() throws -> Series { try #require(RealCloses.series("DJIA", RealCloses.djia)) }
    static func shanghai() throws -> Series { try #require(RealCloses.series("SSE", RealCloses.sse)) }

    static func check(_ text: String, _ series: Series, near: String? = nil) throws -> FactCheck {
        try FactCheck(claim: try ClaimReader.read(text), series: series, near: near.flatMap { Day(iso: $0) })
    }

    static func finding(_ part: FactCheck.Finding.Part, in check: FactCheck) throws -> FactCheck.Finding {
        try #require(check.findings.first { $0.part == part })
    }

    // MARK: - The examples

    @Test func dowWednesdayAndThursday() throws {
        let check = try Self.check("increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday", try Self.dow())
        let move = try #require(check.move)
        #expect(move.baseDay.iso == "2023-06-06")
        #expect(move.endDay.iso == "2023-06-08")
        let level = try Self.finding(.level, in: check)
        #expect(level.status == .exact)
        #expect(level.verdict == "exact (2023-06-08)")
        let percent = try Self.finding(.percent, in: check)
        #expect(percent.status == .holds)
        #expect(percent.actual == "0.78%")
        #expect(percent.verdict == "holds (0.78% → 0.8%)")
        let points = try Self.finding(.points, in: check)
        #expect(points.status == .off)
        #expect(points.actual == "260.33")
        #expect(abs((points.difference ?? 0) - 2.33) < 1e-9)
        #expect(points.verdict == "off by 2.33")
        #expect(try Self.finding(.direction, in: check).status == .holds)
        #expect(try Self.finding(.days, in: check).status == .holds)
        #expect(!check.holds)
        #expect(check.summary == "does not hold: points off by 2.33")
        #expect(check.findings.map(\.part) == [.level, .direction, .points, .percent, .days])
    }

    @Test func shanghaiThursdayAndFriday() throws {
        let check = try Self.check("surged by 31 points, or 1%, to 3,231.41 on Thursday and Friday", try Self.shanghai())
        let move = try #require(check.move)
        #expect(move.baseDay.iso == "2023-06-07")
        #expect(move.baseClose == 3197.76)
        let level = try Self.finding(.level, in: check)
        #expect(level.status == .exact)
        #expect(level.verdict == "exact (2023-06-09)")
        let percent = try Self.finding(.percent, in: check)
        #expect(percent.status == .holds)
        #expect(percent.verdict == "holds (1.05% → 1%)")
        let points = try Self.finding(.points, in: check)
        #expect(points.status == .off)
        #expect(abs((points.difference ?? 0) - 2.65) < 1e-9)
        #expect(points.verdict == "off by 2.65")
        #expect(check.summary == "does not hold: points off by 2.65")
    }

    // MARK: - Wrong parts

    @Test func wrongDirection() throws {
        let check = try Self.check("fell 260.33 points, or 0.78%, to 33,833.61 on Wednesday and Thursday", try Self.dow())
        let direction = try Self.finding(.direction, in: check)
        #expect(direction.status == .off)
        #expect(direction.claimed == "fell")
        #expect(direction.actual == "rose")
        #expect(direction.verdict == "off: it rose")
        #expect(try Self.finding(.points, in: check).status == .exact)
        #expect(try Self.finding(.percent, in: check).status == .exact)
        #expect(check.summary == "does not hold: direction off: it rose")
    }

    @Test func wrongWeekdays() throws {
        // Friday's close with Wednesday and Thursday named: the two sessions ending at the level
        // are Thursday and Friday.
        let check = try Self.check("surged by 31 points, or 1%, to 3,231.41 on Wednesday and Thursday", try Self.shanghai())
        let days = try Self.finding(.days, in: check)
        #expect(days.status == .off)
        #expect(days.actual == "on Thursday and Friday (June 8–9, 2023)")
        #expect(days.verdict == "off: the 2 sessions ending at 2023-06-09 are Thursday and Friday, not Wednesday and Thursday")
    }

    @Test func wrongDate() throws {
        let check = try Self.check("rose 168.59 points to 33,833.61 on June 7", try Self.dow())
        let days = try Self.finding(.days, in: check)
        #expect(days.status == .off)
        #expect(days.verdict == "off: the session is dated 2023-06-08, not 2023-06-07")
    }

    @Test func unchangedClaimOnAMove() throws {
        let check = try Self.check("was unchanged at 33,833.61 on Thursday", try Self.dow())
        #expect(try Self.finding(.direction, in: check).verdict == "off: it rose")
    }

    // MARK: - Precision and qualifiers

    @Test func qualifiers() throws {
        let check = try Self.check("rose more than 250 points, or nearly 1%, to about 33,800 on Wednesday and Thursday", try Self.dow(), near: "2023-06-08")
        #expect(try Self.finding(.points, in: check).verdict == "holds (260.33 is more than 250)")
        #expect(try Self.finding(.percent, in: check).verdict == "holds (0.78% → 1%)")
        #expect(try Self.finding(.level, in: check).verdict == "holds (33,833.61 → 33,800 on 2023-06-08)")
        #expect(check.holds)
        #expect(check.summary == "holds")
    }

    @Test func offByInPercentagePoints() throws {
        let check = try Self.check("rose 1.2% to 33,833.61 on Wednesday and Thursday", try Self.dow())
        let percent = try Self.finding(.percent, in: check)
        // 0.775408 − 1.2 = −0.424592 → 0.42
        #expect(percent.verdict == "off by 0.42 percentage points")
    }

    // MARK: - Finding the session

    @Test func roundLevelPrefersTheClaimedWeekday() throws {
        let thursday = try Self.check("rose about 170 points to 33,800 on Thursday", try Self.dow())
        #expect(thursday.move?.endDay.iso == "2023-06-08")
        #expect(try Self.finding(.points, in: thursday).verdict == "holds (168.59 → 170)")
        let friday = try Self.check("rose 701 points to 33,800 on Friday", try Self.dow())
        #expect(friday.move?.endDay.iso == "2023-06-02")
        #expect(try Self.finding(.points, in: friday).status == .holds)
        #expect(friday.notes.first?.hasPrefix("2 sessions closed at 33,800 at that precision (2023-06-02, 2023-06-08); took 2023-06-02") == true)
    }

    /// (near, session taken): 06-02 and 06-08 both close at 33,800 to the nearest 100; 06-05 is
    /// three days from each, and a tie goes to the later.
    @Test(arguments: [("2023-06-01", "2023-06-02"), ("2023-06-10", "2023-06-08"), ("2023-06-04", "2023-06-02"), ("2023-06-05", "2023-06-08")])
    func roundLevelNearestToNear(near: String, expected: String) throws {
        let check = try Self.check("rose 1% to 33,800", try Self.dow(), near: near)
        #expect(check.move?.endDay.iso == expected)
    }

    @Test func roundLevelWithoutNearTakesTheLatestAndSaysSo() throws {
        let check = try Self.check("rose 1% to 33,800", try Self.dow())
        #expect(check.move?.endDay.iso == "2023-06-08")
        // The library says what would choose another; a caller's vocabulary names its setting.
        #expect(check.notes.contains { $0.hasSuffix("took 2023-06-08, the latest; a date near the claim chooses another") })
        let named = try FactCheck(
            claim: try ClaimReader.read("rose 1% to 33,800"), series: try Self.dow(), vocabulary: ToolVocabulary { $0 == .nearDate ? "NEAR" : nil })
        #expect(named.notes.contains { $0.hasSuffix("took 2023-06-08, the latest; give NEAR to choose another") })
    }

    @Test func weekdayRangeCountsTheCalendar() throws {
        // Friday May 26 and Tuesday May 30 (Memorial Day between): two sessions.
        let check = try Self.check("rose 278.13 points from Friday to Tuesday to 33,042.78", try Self.dow())
        let move = try #require(check.move)
        #expect(move.baseDay.iso == "2023-05-25")
        #expect(move.sessionCount == 2)
        #expect(try Self.finding(.points, in: check).status == .exact)
        #expect(try Self.finding(.days, in: check).status == .holds)
    }

    @Test func noLevelButADate() throws {
        let check = try Self.check("rose 0.5% on June 8, 2023", try Self.dow())
        #expect(check.move?.endDay.iso == "2023-06-08")
        #expect(try Self.finding(.percent, in: check).verdict == "holds (0.50% → 0.5%)")
    }

    @Test func noLevelButAWeekdayNearADate() throws {
        let check = try Self.check("fell 0.68% on Wednesday", try Self.dow(), near: "2023-06-16")
        #expect(check.move?.endDay.iso == "2023-06-14")
        #expect(try Self.finding(.percent, in: check).status == .exact)
    }

    @Test func noWayToFindTheSessionIsAUsageError() throws {
        let error = try #require(throws: MarketLinkError.self) { try Self.check("rose 1% on Thursday", try Self.dow()) }
        #expect(error.kind == .usage)
        #expect(error.reason == .claimNeedsDate)
    }

    @Test func levelNoSessionClosedAt() throws {
        let check = try Self.check("rose 1% to 35,123.45", try Self.dow())
        #expect(check.move == nil)
        let level = try Self.finding(.level, in: check)
        #expect(level.status == .off)
        #expect(level.verdict == "off: no session closed at 35,123.45; the nearest close is 34,408.06 on 2023-06-15")
        #expect(try Self.finding(.percent, in: check).status == .unchecked)
        #expect(!check.holds)
    }

    @Test func levelNoSessionClosedAtButNear() throws {
        // 33,950 is to the nearest 10: no close in the table lies in 33,945–33,955.
        let check = try Self.check("rose 0.5% to 33,950 on Thursday", try Self.dow(), near: "2023-06-08")
        #expect(check.move?.endDay.iso == "2023-06-08")
        let level = try Self.finding(.level, in: check)
        #expect(level.status == .off)
        // 33,833.61 − 33,950 = −116.39
        #expect(level.verdict == "off by 116.39 on 2023-06-08")
        #expect(try Self.finding(.percent, in: check).status == .holds)
    }

    @Test func noBaseSession() throws {
        // 2022-12-27 is the first session in the table: a one-session move needs the close before it.
        let check = try Self.check("rose 1% to 33,241.56 on Tuesday", try Self.dow())
        #expect(check.move == nil)
        #expect(try Self.finding(.level, in: check).status == .exact)
        #expect(try Self.finding(.percent, in: check).status == .unchecked)
        #expect(check.notes.contains("the session of 2022-12-27 needs the close of the session before it, and the data starts at 2022-12-27"))
        #expect(check.summary == "holds as far as it could be checked (not checked: direction, percent, days)")
    }

    // MARK: - MarketLink's own sentences

    /// Every sentence MoveSentence writes for moves of 1 to 12 sessions reads back as a claim
    /// that holds in every part and measures the same move.
    @Test func readsAndConfirmsItsOwnSentences() throws {
        let series = try Self.dow()
        var failures: [String] = []
        var checked = 0
        for base in 0..<(series.count - 1) {
            for end in (base + 1)..<min(series.count, base + 13) {
                guard let move = Move(series: series, baseSession: base, endSession: end) else { continue }
                let sentence = MoveSentence.text(for: move, in: series)
                let check = try FactCheck(claim: try ClaimReader.read(sentence), series: series)
                checked += 1
                if !check.holds || check.move != move { failures.append(sentence + " → " + check.summary) }
            }
        }
        #expect(checked > 200)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// The same over a year of the DJIA and SSE fixtures, whose holidays (Thanksgiving,
    /// Christmas, the Spring Festival and Golden Week closures) give every sentence form.
    @Test(arguments: ["fixtures/djia.csv", "fixtures/sse.csv"])
    func readsAndConfirmsItsOwnSentencesOnAFixture(path: String) throws {
        let file = try PriceFile.load(path: CLI.fixture(path))
        let series = try #require(file.series.first)
        var failures: [String] = []
        var forms = Set<String>()
        for base in 0..<(series.count - 1) {
            for end in (base + 1)..<min(series.count, base + 8) {
                guard let move = Move(series: series, baseSession: base, endSession: end) else { continue }
                let sentence = MoveSentence.text(for: move, in: series)
                let check = try FactCheck(claim: try ClaimReader.read(sentence), series: series)
                if !check.holds || check.move != move { failures.append(sentence + " → " + check.summary) }
                let span = MoveSentence.span(first: move.firstDay, last: move.endDay, sessions: move.sessionCount)
                forms.insert(String(span.prefix(4)))
            }
        }
        #expect(forms == ["on M", "on T", "on W", "on F", "from", "over"])
        #expect(failures.isEmpty, "\(failures.count) failures, e.g. \(failures.prefix(3))")
    }
}
