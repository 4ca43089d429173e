/// Sizes and colours shared by every chart, so a set of PNGs looks like one family.
public enum Theme {
    public static let textColor = Color(hex: 0x222222)
    public static let secondaryTextColor = Color(hex: 0x5A5A5A)
    public static let gridColor = Color(hex: 0xE6E6E6)
    public static let axisColor = Color(hex: 0x8A8A8A)
    public static let noteColor = Color(hex: 0x444444)

    public static let title = TextStyle(size: 15, bold: true)
    public static let subtitle = TextStyle(size: 11, color: secondaryTextColor)
    public static let axisTitle = TextStyle(size: 11, color: textColor)
    public static let tickLabel = TextStyle(size: 10, color: secondaryTextColor)
    public static let legend = TextStyle(size: 10, color: textColor)
    public static let annotation = TextStyle(size: 9, color: noteColor)
    public static let source = TextStyle(size: 9, color: Color(hex: 0x6E6E6E))
    public static let emptyMessage = TextStyle(size: 13, color: secondaryTextColor)

    /// Space between unrelated blocks (title and plot, plot and legend), in points.
    public static let gap: Double = 8
    /// Outer margin inside every chart frame.
    public static let margin: Double = 12
}
