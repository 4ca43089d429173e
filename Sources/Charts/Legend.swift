/// A legend entry: a swatch in the series' style and its name.
public struct LegendEntry: Hashable, Sendable {
    public enum Swatch: Hashable, Sendable {
        case line(SeriesStyle, showsMarker: Bool)
        case box(Color)
        case marker(MarkerShape, Color)
        case ring(Color)
        /// A small open circle (box-plot outliers).
        case openCircle(Color)
    }
    public var name: String
    public var swatch: Swatch
    public init(name: String, swatch: Swatch) { self.name = name; self.swatch = swatch }
}

/// Where a legend goes. Legends always sit outside the data area.
public enum LegendPlacement: Hashable, Sendable {
    /// Direct labels at the line ends for up to 4 series, otherwise a legend on the right.
    case automatic
    case right
    case below
    /// Each series labelled at its last point, right of the plot.
    case direct
    case hidden
}

/// Reserves room for a legend beside or below the plot and draws it there.
struct Legend {
    var entries: [LegendEntry]
    static let swatchWidth: Double = 26
    static let rowGap: Double = 5

    /// Right of the plot when every name fits in the 30 % of `area` a right legend may take, or
    /// when there are too many entries for rows below; otherwise below, where long names
    /// ("scenario · metric") are shown whole instead of cut off.
    func preferredSide(_ context: ChartContext, in area: Rect, maxRowsBelow: Int = 3) -> LegendPlacement {
        let widest = entries.map { context.measure($0.name, Theme.legend).width }.max() ?? 0
        if Legend.swatchWidth + 6 + widest + Theme.margin <= area.width * 0.3 { return .right }
        return layoutRows(context, width: area.width - 2 * Theme.margin).count <= maxRowsBelow ? .below : .right
    }

    /// Splits `area` into the part left for the plot and the legend's own rectangle.
    func reserve(_ context: ChartContext, in area: Rect, placement: LegendPlacement) -> (rest: Rect, legend: Rect?) {
        guard !entries.isEmpty else { return (area, nil) }
        let rowHeight = context.measure("Ag", Theme.legend).height + Legend.rowGap
        switch placement {
        case .right:
            let widest = entries.map { context.measure($0.name, Theme.legend).width }.max() ?? 0
            let width = min(area.width * 0.3, Legend.swatchWidth + 6 + widest + Theme.margin)
            let legend = Rect(x: area.maxX - width, y: area.minY, width: width, height: area.height)
            return (area.inset(right: width + Theme.gap), legend)
        case .below:
            let rows = layoutRows(context, width: area.width - 2 * Theme.margin)
            let height = Double(rows.count) * rowHeight + Theme.gap
            let legend = Rect(
                x: area.minX + Theme.margin, y: area.maxY - height, width: area.width - 2 * Theme.margin, height: height
            )
            return (area.inset(bottom: height + Theme.gap), legend)
        case .automatic, .direct, .hidden:
            return (area, nil)
        }
    }

    /// Entries per row when flowing left to right within `width`.
    private func layoutRows(_ context: ChartContext, width: Double) -> [[(LegendEntry, Double)]] {
        var rows: [[(LegendEntry, Double)]] = [[]]
        var used = 0.0
        for entry in entries {
            let entryWidth = Legend.swatchWidth + 6 + context.measure(entry.name, Theme.legend).width + 18
            if used + entryWidth > width, !(rows.last?.isEmpty ?? true) {
                rows.append([]); used = 0
            }
            rows[rows.count - 1].append((entry, entryWidth))
            used += entryWidth
        }
        return rows
    }

    func draw(_ context: ChartContext, in rect: Rect, placement: LegendPlacement) {
        let rowHeight = context.measure("Ag", Theme.legend).height + Legend.rowGap
        switch placement {
        case .right:
            var y = rect.minY + 4
            for entry in entries where y + rowHeight <= rect.maxY {
                drawEntry(context, entry, at: Point(x: rect.minX, y: y), maxWidth: rect.width - Legend.swatchWidth - 6)
                y += rowHeight
            }
        case .below:
            var y = rect.minY + Theme.gap / 2
            for row in layoutRows(context, width: rect.width) {
                var x = rect.minX
                for (entry, width) in row {
                    drawEntry(context, entry, at: Point(x: x, y: y), maxWidth: rect.maxX - x - Legend.swatchWidth - 6)
                    x += width
                }
                y += rowHeight
            }
        default:
            break
        }
    }

    private func drawEntry(_ context: ChartContext, _ entry: LegendEntry, at origin: Point, maxWidth: Double) {
        let height = context.measure("Ag", Theme.legend).height
        let center = Point(x: origin.x + Legend.swatchWidth / 2, y: origin.y + height / 2)
        Legend.drawSwatch(entry.swatch, context.canvas, center: center)
        guard let text = context.canvas.fitting(entry.name, Theme.legend, maxWidth: maxWidth) else { return }
        context.label(text, Theme.legend, at: Point(x: origin.x + Legend.swatchWidth + 6, y: origin.y), .left, .top)
    }

    static func drawSwatch(_ swatch: LegendEntry.Swatch, _ canvas: Canvas, center: Point) {
        let half = swatchWidth / 2 - 1
        switch swatch {
        case let .line(style, showsMarker):
            canvas.line(
                from: Point(x: center.x - half, y: center.y), to: Point(x: center.x + half, y: center.y),
                style.color, width: 2, dash: style.dash)
            if showsMarker { Marks.marker(style.marker, canvas, at: center, size: 7, color: style.color) }
        case let .box(color):
            canvas.fill(Rect(x: center.x - 7, y: center.y - 5, width: 14, height: 10), color)
        case let .marker(shape, color):
            Marks.marker(shape, canvas, at: center, size: 8, color: color)
        case let .ring(color):
            Marks.anomalyRing(canvas, at: center, color: color)
        case let .openCircle(color):
            canvas.circle(center: center, radius: 2.6, fill: nil, stroke: color, strokeWidth: 1)
        }
    }
}
