import Foundation

@testable import MarketLink

// Fuzz target: ClaimReader.read — claims typed on the command line, e.g. pasted from a story.
//
// Invariants, for any text:
// - either a Claim or a usage error of one bounded line (see `checkError`);
// - a claim keeps its text, has a verb, and has at least one part to check; its numbers are
//   finite and not negative; a change (points or percent) comes with a direction;
// - checking the claim against a small real series gives a report or a located error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: input, as: UTF8.self)
    let claim: Claim
    do {
        claim = try ClaimReader.read(text)
    } catch {
        checkError(error, file: "", bytes: input, expectedKind: .usage)
        return 0
    }
    require(claim.text == text, "claim text changed")
    require(!claim.verb.isEmpty, "claim without a verb")
    let numbers = [claim.points, claim.percent, claim.level, claim.baseLevel].compactMap { $0 }
    require(!numbers.isEmpty || claim.days != nil, "claim with nothing to check")
    for number in numbers { require(number.value.isFinite && number.value >= 0, "number \(number.value)") }
    if claim.points != nil || claim.percent != nil { require(claim.direction != nil, "a change without a direction") }

    do {
        let check = try FactCheck(claim: claim, series: djia, near: Day(iso: "2023-06-08"))
        _ = check.summary
        _ = check.sentence
        _ = check.reportText()
    } catch {
        require(error.message.utf8.count <= 1_000, "message of \(error.message.utf8.count) bytes")
    }
    return 0
}

/// DJIA closes, 2023-06-01 ... 2023-06-09 (S&P Dow Jones Indices), as in `fixtures/djia.csv`.
let djia: Series = {
    let days = ["2023-06-01", "2023-06-02", "2023-06-05", "2023-06-06", "2023-06-07", "2023-06-08", "2023-06-09"]
    let closes = [33_061.57, 33_762.76, 33_562.86, 33_573.28, 33_665.02, 33_833.61, 33_876.78]
    guard let series = Series(name: "DJIA", days: days.compactMap { Day(iso: $0) }, closes: closes) else {
        fputs("the fixed DJIA series does not build\n", stderr)
        abort()
    }
    return series
}()
