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
        /// The session offset τ relative to t0 (the x position).
        public var offset: Int
        /// The line's value at τ (in the y-axis unit, e.g. percent).
        public var value: Double
        /// The band's lower edge at τ.
        public var lower: Double
        /// The band's upper edge at τ.
        public var upper: Double

        /// A session's value and band.
        public init(offset: Int, value: Double, lower: Double, upper: Double) {
            self.offset = offset
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }

    /// The chart's title (escaped when drawn).
    public var title: String
    /// A second, smaller heading line; `nil` for none.
    public var subtitle: String?
    /// The y-axis label, e.g. `CAAR (%)`.
    public var yLabel: String
    /// The x-axis label.
    public var xLabel: String
    /// The legend name of the line, e.g. `CAAR`.
    public var valueName: String
    /// The legend name of the band, e.g. `95% confidence band`.
    public var bandName: String
    /// The sessions drawn; none gives an empty plot that says so.
    public var sessions: [Session]

    /// A band chart; the labels default to those of a CAAR chart.
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
