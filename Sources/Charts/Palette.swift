/// Okabe & Ito's colour-blind safe palette ("Color Universal Design", 2008), paired with dash
/// patterns and marker shapes so series stay distinguishable in greyscale and past 8 series.
public enum Palette {
    public static let orange = Color(hex: 0xE69F00)
    public static let skyBlue = Color(hex: 0x56B4E9)
    public static let bluishGreen = Color(hex: 0x009E73)
    public static let yellow = Color(hex: 0xF0E442)
    public static let blue = Color(hex: 0x0072B2)
    public static let vermillion = Color(hex: 0xD55E00)
    public static let reddishPurple = Color(hex: 0xCC79A7)
    public static let black = Color(hex: 0x000000)

    /// Series order: strongest contrast on white first; yellow (weak on white) last.
    public static let series: [Color] = [blue, orange, bluishGreen, vermillion, reddishPurple, skyBlue, black, yellow]

    /// Dash patterns in points; an empty pattern is a solid line.
    public static let dashes: [[Double]] = [[], [7, 3], [2, 2.5], [8, 3, 2, 3], [12, 4]]

    /// The style of the `index`-th series. Colour, dash and marker cycle with different periods
    /// (8, 5, 7), so the first 280 series differ in at least one of them.
    public static func style(_ index: Int) -> SeriesStyle {
        let i = max(0, index)
        return SeriesStyle(
            color: series[i % series.count], dash: dashes[i % dashes.count],
            marker: MarkerShape.allCases[i % MarkerShape.allCases.count])
    }

    /// The dash of a series drawn as the reference for another one (a baseline beside its
    /// metric, in the metric's colour): longer gaps than any series dash, so it reads as "the
    /// same thing, then".
    public static let referenceDash: [Double] = [6, 5]

    /// Verdict colours used by bar charts and tables alike.
    public static func verdict(_ name: String) -> Color {
        switch name.lowercased() {
        case "pass", "ok", "improved", "improvement": return bluishGreen
        case "warn", "warning": return orange
        case "fail", "failure", "regression", "regressed": return vermillion
        default: return neutral
        }
    }

    /// For categories without meaning (unchanged, unknown).
    public static let neutral = Color(hex: 0x8C8C8C)
}

/// How one data series looks.
public struct SeriesStyle: Hashable, Sendable {
    public var color: Color
    public var dash: [Double]
    public var marker: MarkerShape
    public init(color: Color, dash: [Double], marker: MarkerShape) {
        self.color = color; self.dash = dash; self.marker = marker
    }
}

/// Filled marker shapes for series; anomalies use an open ring that no series uses.
public enum MarkerShape: CaseIterable, Hashable, Sendable {
    case circle, square, triangleUp, diamond, triangleDown, cross, plus
}
