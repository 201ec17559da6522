// MARK: - Band chart

/// A chart of one value per event-time session with a shaded band around it: the cumulative
/// average abnormal return (CAAR) of an event study, say, with its 95% confidence band, over
/// sessions −k … k relative to the event session 0.
///
/// The x axis counts sessions (integer offsets, labelled `−5`, `0`, `+5`); the y axis always
/// includes 0, drawn as a darker reference line; session 0, when in range, is marked "Event
/// session". `svg(width:height:)` draws the chart as a standalone SVG 1.1 document; the same
/// chart always gives the same bytes.
public struct BandChart: Sendable, Equatable {
    /// The value and band at one session offset. Sessions may come in any order (they are
    /// drawn in offset order); a non-finite value or bound leaves a gap in the line or band.
    public struct Session: Sendable, Equatable {
        public var offset: Int
        public var value: Double
        public var lower: Double
        public var upper: Double

        public init(offset: Int, value: Double, lower: Double, upper: Double) {
            self.offset = offset
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }

    public var title: String
    public var subtitle: String?
    /// The y-axis label, e.g. `CAAR (%)`.
    public var yLabel: String
    /// The x-axis label.
    public var xLabel: String
    /// The legend name of the line, e.g. `CAAR`.
    public var valueName: String
    /// The legend name of the band, e.g. `95% confidence band`.
    public var bandName: String
    public var sessions: [Session]

    public init(
        title: String, subtitle: String? = nil, yLabel: String = "CAAR (%)",
        xLabel: String = "Sessions relative to the event session (0)", valueName: String = "CAAR",
        bandName: String = "95% confidence band", sessions: [Session]
    ) {
        self.title = title
        self.subtitle = subtitle
        self.yLabel = yLabel
        self.xLabel = xLabel
        self.valueName = valueName
        self.bandName = bandName
        self.sessions = sessions
    }
}
