import MarketLink

// MARK: - Study options

/// The event-study options `study` and `report` share: model, benchmark, estimation window and
/// its minimum, returns, clean estimation, merging shared sessions in the tests.
struct StudyOptions {
    static let model = OptionSpec.value(
        "--model", "MODEL", .choice(NormalReturnModel.allCases.map(\.rawValue)),
        help: "the normal return: raw (AR = R), mean (constant mean), market (R − the benchmark's return) or market-model"
            + " (OLS on the benchmark); default mean, or market-model with --benchmark")
    static let benchmark = OptionSpec.value(
        "--benchmark", "SERIES", .series,
        help: "the benchmark series (a path or NAME=path, one series), matched on common dates: a return is used only where"
            + " the benchmark has closes on both of its dates, and what is left out is counted")
    static let estimation = OptionSpec.value(
        "--estimation", "A:B", .window,
        help: "the estimation window, which must end before the event window starts (default \(EventWindow.estimationDefault))")
    static let minimumEstimation = OptionSpec.value(
        "--min-estimation", "N", .integer,
        help: "fewest estimation returns an event may use (default 120, or the whole estimation window when it is shorter)")
    static let returns = OptionSpec.value(
        "--returns", "KIND", .choice(ReturnKind.allCases.map(\.rawValue)), help: "simple (the default) or log returns")
    static let clean = OptionSpec.flag("--clean", help: "leave out estimation sessions inside another event's window")
    static let mergeSharedSessions = OptionSpec.flag(
        "--merge-shared-sessions",
        help: "in the tests across events, count events that share an event session once: the first of them in the events file"
            + " stands for the session, the others are listed as merged")
    static let group = OptionGroup(
        title: "event-study options", options: [model, benchmark, estimation, minimumEstimation, returns, clean, mergeSharedSessions])

    var model: NormalReturnModel?
    var benchmark: String?
    var estimation: EventWindow
    var minimum: Int?
    var returns: ReturnKind
    var clean: Bool
    var mergeSharedSessions: Bool

    init(_ arguments: inout Arguments) throws {
        model = try arguments.choice(Self.model).flatMap(NormalReturnModel.init(rawValue:))
        benchmark = try arguments.value(Self.benchmark)
        let estimationText = try arguments.value(Self.estimation)
        estimation = try estimationText.map { text throws(MarketLinkError) in try EventWindow(parsing: text) } ?? EventWindow.estimationDefault
        minimum = try (try arguments.value(Self.minimumEstimation)).map { text throws(UsageError) -> Int in
            guard let value = Int(text), value >= 1 else {
                throw UsageError(message: "--min-estimation takes a whole number of at least 1, not \(quoted(text))")
            }
            return value
        }
        returns = try arguments.choice(Self.returns).flatMap(ReturnKind.init(rawValue:)) ?? .simple
        clean = arguments.flag(Self.clean)
        mergeSharedSessions = arguments.flag(Self.mergeSharedSessions)
    }

    func design(window: EventWindow, buyAndHold: Bool, rule: AlignmentRule) throws -> EventStudyDesign {
        let design = EventStudyDesign(
            window: window, estimation: estimation, minimumEstimationReturns: minimum,
            model: model ?? EventStudyDesign.defaultModel(hasBenchmark: benchmark != nil), returns: returns, clean: clean,
            buyAndHold: buyAndHold, rule: rule, mergeSharedSessions: mergeSharedSessions)
        try design.validate(hasBenchmark: benchmark != nil)
        return design
    }
}
