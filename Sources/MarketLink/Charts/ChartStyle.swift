// MARK: - Chart style

/// Fonts, colours, dash patterns and point shapes shared by every chart, and the text-width
/// estimate that lays labels out without a font engine.
enum ChartStyle {
    static let fontFamily = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"

    static let titleSize = 16.0
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

    // MARK: - Text

    /// An estimate of the width of `text` set in `size`-pixel sans-serif, in pixels.
    ///
    /// Advance widths per class of character, in ems, chosen on the wide side of DejaVu Sans
    /// and Helvetica so that labels laid out with them do not touch: narrow punctuation and
    /// `i j l t f I` 0.32, space 0.32, digits 0.64, other lowercase 0.6, `m w` 0.9, uppercase
    /// 0.72, `M W` 0.95, East Asian wide characters 1.0, anything else 0.65.
    static func textWidth(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += advance(scalar) }
        return ems * size
    }

    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case " ", ".", ",", ":", ";", "'", "|", "!", "i", "j", "l", "t", "f", "I", "(", ")", "[", "]":
            return 0.32
        case "0"..."9": return 0.64
        case "m", "w": return 0.9
        case "M", "W": return 0.95
        case "a"..."z": return 0.6
        case "A"..."Z": return 0.72
        default:
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F: return 0  // combining marks, zero-width
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
                return 1.0
            default: return 0.65
            }
        }
    }

    /// `text` on one line: tabs and line breaks become spaces, runs of spaces one space, and the
    /// ends are trimmed.
    static func singleLine(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// `text` cut at a character boundary and ended with `…` so that it fits `width` pixels;
    /// unchanged when it already fits. May return just `…`.
    static func truncated(_ text: String, toWidth width: Double, size: Double) -> String {
        guard textWidth(text, size: size) > width else { return text }
        let ellipsis = "\u{2026}"
        var kept = ""
        var used = textWidth(ellipsis, size: size)
        for character in text {
            let characterWidth = textWidth(String(character), size: size)
            if used + characterWidth > width { break }
            kept.append(character)
            used += characterWidth
        }
        while let last = kept.last, last == " " { kept.removeLast() }
        return kept + ellipsis
    }
}
