// MARK: - Chart style

/// Fonts, colours, dash patterns and point shapes shared by every chart. How wide chart text is
/// set is `ChartText`'s.
enum ChartStyle {
    static let fontFamily = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"

    static let titleSize = 16.0
    /// The line under the title (an event's title under `Event 11 · DJIA, SSE`).
    static let subjectSize = 13.0
    static let subtitleSize = 12.0
    static let labelSize = 11.0
    static let legendSize = 12.0

    static let background = "#ffffff"
    static let titleColour = "#1a1a1a"
    static let textColour = "#404040"
    static let mutedColour = "#666666"
    static let gridColour = "#e3e3e3"
    static let axisColour = "#8c8c8c"
    static let referenceColour = "#737373"
    static let markerColour = "#5c5c5c"

    // MARK: - Series styles

    enum Shape: Equatable, Sendable {
        case circle, square, triangle, diamond, invertedTriangle, cross
    }

    /// How one line is drawn. Successive lines differ in three ways at once, so that they stay
    /// apart in greyscale and for readers who do not tell the hues apart: lightness (greyscale
    /// 0.299R + 0.587G + 0.114B, ITU-R BT.601, of 54, 143, 96, 160, 78, 122 out of 255 —
    /// neighbours at least 44 apart), dash pattern, and point shape.
    struct LineStyle: Equatable, Sendable {
        var colour: String
        /// SVG `stroke-dasharray`, or `nil` for a solid line.
        var dashes: String?
        var shape: Shape
    }

    static let lineStyles: [LineStyle] = [
        LineStyle(colour: "#1f3a5f", dashes: nil, shape: .circle),  // navy, grey 54
        LineStyle(colour: "#e07b24", dashes: "7 4", shape: .square),  // orange, grey 143
        LineStyle(colour: "#a23b72", dashes: "2 3", shape: .triangle),  // plum, grey 96
        LineStyle(colour: "#d4a017", dashes: "10 3 2 3", shape: .diamond),  // gold, grey 160
        LineStyle(colour: "#0f6b5c", dashes: "4 2", shape: .invertedTriangle),  // teal, grey 78
        LineStyle(colour: "#7a7a7a", dashes: "12 4", shape: .cross),  // grey, grey 122
    ]

    /// The style of line `index`; styles repeat after six lines.
    static func lineStyle(_ index: Int) -> LineStyle {
        lineStyles[((index % lineStyles.count) + lineStyles.count) % lineStyles.count]
    }

    /// The shaded band of a band chart and its edges (greyscale 214 and 162).
    static let bandFill = "#cbd8e6"
    static let bandEdge = "#8fa6bf"
    /// The shading of hours a time axis compresses (a break, the night): the market was closed.
    static let gapFill = "#f0f0f0"
}
