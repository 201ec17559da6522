import Foundation
import Testing
@testable import MarketLink

/// Whole-document comparisons against the reviewed SVG files in `Golden/`. To regenerate them
/// after an intended change, run
///
///     MARKETLINK_UPDATE_GOLDEN=1 swift test --filter ChartGoldenTests
///
/// then look at the new files (see `Golden/README.md`) before committing them.
@Suite struct ChartGoldenTests {
    enum Golden: String, CaseIterable, Sendable {
        case lineChart = "line-chart.svg"
        case bandChart = "band-chart.svg"

        func render() -> String {
            switch self {
            case .lineChart: return ChartFixtures.rebasedChart.svg(width: 720, height: 400)
            case .bandChart: return ChartFixtures.caarChart.svg(width: 720, height: 380)
            }
        }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: Golden.allCases)
    func matchesGoldenFile(_ golden: Golden) throws {
        let url = ChartGoldenTests.directory.appendingPathComponent(golden.rawValue)
        let rendered = golden.render()
        if ProcessInfo.processInfo.environment["MARKETLINK_UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard rendered != expected else { return }
        let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(renderedLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(renderedLines.count, expectedLines.count)
        Issue.record(
            """
            \(golden.rawValue) differs from the golden file at line \(line + 1):
              golden:   \(line < expectedLines.count ? String(expectedLines[line]) : "<end>")
              rendered: \(line < renderedLines.count ? String(renderedLines[line]) : "<end>")
            """)
    }
}
