/// One row of a horizontal bar chart, e.g. one metric's change against the baseline.
public struct BarRow: Hashable, Sendable {
    public var label: String
    public var value: Double
    /// Confidence interval drawn as a whisker, when known.
    public var interval: ClosedRange<Double>?
    /// The colour category (a verdict such as "pass", "warn", "fail").
    public var category: String

    public init(label: String, value: Double, interval: ClosedRange<Double>? = nil, category: String) {
        self.label = label; self.value = value; self.interval = interval; self.category = category
    }
}

/// A named colour for bar categories; `Palette.verdict(_:)` gives the verdict colours.
public struct BarCategory: Hashable, Sendable {
    public var name: String
    public var color: Color
    public init(name: String, color: Color) { self.name = name; self.color = color }
}

/// Horizontal bars with CI whiskers, a shaded noise band, vertical reference lines (a WARN
/// limit, a quarantine rate) and colour per category, for the baseline delta and flake rates. Rows are sorted worst first and only as many as stay readable are drawn;
/// a note says how many more there are.
public struct HorizontalBarChart: Chart {
    public enum Order: Hashable, Sendable {
        /// Largest value first (worst first when higher is worse).
        case descending
        case ascending
        /// Largest absolute value first.
        case magnitude
        /// As given.
        case given
    }

    public var title: String
    public var subtitle: String?
    public var axis: AxisSpec
    public var rows: [BarRow]
    public var categories: [BarCategory]
    /// The band inside which changes are noise (e.g. −5 %...+5 %).
    public var noiseBand: ClosedRange<Double>?
    /// Limits drawn across every row at an x value (their orientation is taken as vertical).
    public var referenceLines: [ThresholdLine]
    public var order: Order
    /// At most this many rows; fewer when the frame is too short for readable rows.
    public var maxRows: Int
    /// What a row is called in the "showing worst N of M" note.
    public var rowNoun: String
    /// Print "+" before positive values (changes); off for quantities that are never negative (rates).
    public var signedValues: Bool
    public var noDataReason: String

    public init(
        title: String, subtitle: String? = nil, axis: AxisSpec, rows: [BarRow], categories: [BarCategory],
        noiseBand: ClosedRange<Double>? = nil, referenceLines: [ThresholdLine] = [], order: Order = .descending,
        maxRows: Int = 30, rowNoun: String = "rows", signedValues: Bool = true,
        noDataReason: String = "no rows to compare"
    ) {
        self.title = title; self.subtitle = subtitle; self.axis = axis; self.rows = rows; self.categories = categories
        self.noiseBand = noiseBand
        self.referenceLines = referenceLines.map {
            ThresholdLine(.vertical, at: $0.value, label: $0.label, color: $0.color)
        }
        self.order = order; self.maxRows = maxRows; self.rowNoun = rowNoun; self.signedValues = signedValues
        self.noDataReason = noDataReason
    }

    static let minimumRowHeight: Double = 15
    static let noiseColor = Color(hex: 0x7F7F7F, alpha: 0.16)

    func sortedRows() -> [BarRow] {
        switch order {
        case .descending: return rows.sorted { $0.value > $1.value }
        case .ascending: return rows.sorted { $0.value < $1.value }
        case .magnitude: return rows.sorted { abs($0.value) > abs($1.value) }
        case .given: return rows
        }
    }

    public func draw(in context: ChartContext, frame: Rect) {
        let finite = rows.filter { $0.value.isFinite }
        guard !finite.isEmpty else {
            EmptyState(title: title, reason: noDataReason).draw(in: context, frame: frame)
            return
        }
        // Rows that fit: estimate the plot height from the frame before the header note exists.
        let tickHeight = context.measure("0", Theme.tickLabel).height
        let overhead = 150.0 + tickHeight
        // Frame sizes are layout, bounded by Canvas's 16,384-point cap: never data.
        let fitting = max(1, Int((frame.height - overhead) / HorizontalBarChart.minimumRowHeight))
        let shownCount = min(finite.count, maxRows, fitting)
        let shown = Array(sortedRows().filter { $0.value.isFinite }.prefix(shownCount))
        let formatter = context.formatter
        let note =
            shownCount < finite.count
            ? "showing worst \(shownCount) of \(formatter.count(finite.count)) \(rowNoun) · \(formatter.count(finite.count - shownCount)) more not shown"
            : nil
        let body = ChartHeader(title: title, subtitle: subtitle, notes: note.map { [$0] } ?? []).draw(
            in: context, frame: frame)

        let present = categories.filter { category in shown.contains { $0.category == category.name } }
        var entries = present.map { LegendEntry(name: $0.name, swatch: .box($0.color)) }
        if let noiseBand {
            let range =
                axis.dimension == .percent
                ? "\(formatter.signedPercent(noiseBand.lowerBound)) to \(formatter.signedPercent(noiseBand.upperBound))"
                : "\(formatter.format(noiseBand.lowerBound, axis.dimension)) to \(formatter.format(noiseBand.upperBound, axis.dimension))"
            entries.append(LegendEntry(name: "noise band (\(range))", swatch: .box(HorizontalBarChart.noiseColor)))
        }
        let legend = Legend(entries: entries)
        var (area, legendRect) = legend.reserve(
            context, in: body.inset(left: Theme.margin, bottom: Theme.margin, right: Theme.margin),
            placement: .below)
        // Two rows above the plot for the reference lines' labels, so they never cover a bar.
        let stripHeight = referenceLines.isEmpty ? 0 : 2 * Theme.annotation.size * 1.6 + 6
        area = area.inset(top: stripHeight)
        var values = shown.flatMap { [$0.value] + ($0.interval.map { [$0.lowerBound, $0.upperBound] } ?? []) }
        if let noiseBand { values += [noiseBand.lowerBound, noiseBand.upperBound] }
        values += referenceLines.map(\.value)
        let extent = SeriesLayer.extent(values.filter(\.isFinite)) ?? 0...1
        let valueWidth = context.measure("+000 %", Theme.annotation).width + 8
        var frameSpec = CartesianFrame(x: .numeric(axis, extent: extent), y: .categories(shown.map(\.label), title: ""))
        frameSpec.maxCategoryLabelWidth = min(260, area.width * 0.35)
        frameSpec.rightInset = valueWidth
        let t = frameSpec.layout(context, in: area)
        let canvas = context.canvas

        if let noiseBand {
            let left = max(t.plot.minX, t.px(noiseBand.lowerBound)),
                right = min(t.plot.maxX, t.px(noiseBand.upperBound))
            canvas.fill(
                Rect(x: left, y: t.plot.minY, width: max(0, right - left), height: t.plot.height),
                HorizontalBarChart.noiseColor)
        }
        frameSpec.drawGrid(context, t)
        let band = t.plot.height / Double(shown.count)
        let barHeight = min(22, band * 0.7)
        let zero = t.px(max(t.x.scale?.lower ?? 0, min(0, t.x.scale?.upper ?? 0)))
        for (index, row) in shown.enumerated() {
            let color = categories.first { $0.name == row.category }?.color ?? Palette.neutral
            let center = t.py(Double(index))
            let end = t.px(row.value)
            canvas.fill(
                Rect(x: min(zero, end), y: center - barHeight / 2, width: abs(end - zero), height: barHeight), color)
            if let interval = row.interval {
                Marks.whisker(
                    from: Point(x: t.px(interval.lowerBound), y: center),
                    to: Point(x: t.px(interval.upperBound), y: center),
                    canvas, color: Color(hex: 0x222222), capWidth: min(8, barHeight * 0.8))
            }
        }
        canvas.line(from: Point(x: zero, y: t.plot.minY), to: Point(x: zero, y: t.plot.maxY), Theme.axisColor, width: 1)
        OverlayDrawing.thresholds(
            referenceLines, context, t,
            labelStrip: Rect(x: t.plot.minX, y: t.plot.minY - stripHeight, width: t.plot.width, height: stripHeight))
        frameSpec.drawAxes(context, t, area: area)
        drawValueLabels(shown, context, t, zero: zero, area: area)
        if let legendRect { legend.draw(context, in: legendRect, placement: .below) }
    }

    /// The value beside each bar, outside its whisker on the side away from zero; when that side
    /// has no room (a long bar to the plot's edge), on the other side of zero past the whisker's
    /// near end, so a label never sits on a bar or a whisker. Labels stay inside the plot, where
    /// nothing else is written, or in the margin reserved right of it.
    private func drawValueLabels(
        _ shown: [BarRow], _ context: ChartContext, _ t: PlotTransform, zero: Double, area: Rect
    ) {
        let style = Theme.annotation
        let bounds = Rect(
            x: t.plot.minX - 1, y: t.plot.minY - 1, width: area.maxX - t.plot.minX + 1, height: t.plot.height + 2)
        for (index, row) in shown.enumerated() {
            let text =
                axis.dimension == .percent && signedValues
                ? context.formatter.signedPercent(row.value)
                : context.formatter.format(row.value, axis.dimension)
            let ends =
                [t.px(row.value), zero] + (row.interval.map { [t.px($0.lowerBound), t.px($0.upperBound)] } ?? [])
            let left = ends.min()!, right = ends.max()!
            let y = t.py(Double(index))
            let outward: [(Double, HorizontalAlignment)] = [(right + 5, .left), (left - 5, .right)]
            let candidates = row.value < 0 ? outward.reversed() : outward
            for (x, alignment) in candidates {
                if context.optionalLabel(
                    text, style, at: Point(x: x, y: y), within: bounds, alignment, .middle, backed: true) != nil
                {
                    break
                }
            }
        }
    }
}
