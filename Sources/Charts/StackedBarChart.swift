/// One bar of a stacked bar chart: a category and one value per phase (base units).
public struct StackedBar: Hashable, Sendable {
    public var label: String
    public var segments: [Double]
    public init(label: String, segments: [Double]) { self.label = label; self.segments = segments }
}

/// Vertical bars split into phases (e.g. per-phase latency: verify, store, match, forward),
/// with the total above each bar and a phase legend on the right.
public struct StackedBarChart: Chart {
    public var title: String
    public var subtitle: String?
    public var categoryTitle: String
    public var valueAxis: AxisSpec
    public var phases: [String]
    public var bars: [StackedBar]
    public var noDataReason: String

    public init(
        title: String, subtitle: String? = nil, categoryTitle: String, valueAxis: AxisSpec, phases: [String],
        bars: [StackedBar], noDataReason: String = "no phase timings"
    ) {
        self.title = title; self.subtitle = subtitle; self.categoryTitle = categoryTitle; self.valueAxis = valueAxis
        self.phases = phases; self.bars = bars; self.noDataReason = noDataReason
    }

    public func draw(in context: ChartContext, frame: Rect) {
        let totals = bars.map { $0.segments.filter { $0.isFinite && $0 > 0 }.reduce(0, +) }
        guard !bars.isEmpty, !phases.isEmpty, totals.contains(where: { $0 > 0 }) else {
            EmptyState(title: title, reason: noDataReason).draw(in: context, frame: frame)
            return
        }
        let body = ChartHeader(title: title, subtitle: subtitle).draw(in: context, frame: frame)
        let colors = phases.indices.map { Palette.style($0).color }
        // Legend lists phases top-down in the order they appear stacked (last phase on top).
        let legend = Legend(
            entries: phases.indices.reversed().map { LegendEntry(name: phases[$0], swatch: .box(colors[$0])) })
        let (area, legendRect) = legend.reserve(
            context, in: body.inset(left: Theme.margin, bottom: Theme.margin, right: Theme.margin),
            placement: .right)
        var spec = valueAxis
        spec.scale = .linear
        spec.includesZero = true
        // Headroom for the total label above the tallest bar.
        let top = (totals.max() ?? 1) * 1.08
        let frameSpec = CartesianFrame(
            x: .categories(bars.map(\.label), title: categoryTitle), y: .numeric(spec, extent: 0...top))
        let t = frameSpec.layout(context, in: area)
        frameSpec.drawGrid(context, t)
        let band = t.plot.width / Double(bars.count)
        let width = min(140, band * 0.55)
        for (index, bar) in bars.enumerated() {
            var base = 0.0
            let center = t.px(Double(index))
            for (phase, value) in bar.segments.enumerated() where phase < phases.count && value.isFinite && value > 0 {
                let y0 = t.py(base), y1 = t.py(base + value)
                context.canvas.fill(Rect(x: center - width / 2, y: y1, width: width, height: y0 - y1), colors[phase])
                // A white hairline between segments keeps adjacent phases apart in greyscale.
                context.canvas.line(
                    from: Point(x: center - width / 2, y: y1), to: Point(x: center + width / 2, y: y1), .white, width: 1
                )
                // The phase named inside its segment when it fits, so segments read without colour.
                let segment = Rect(x: center - width / 2 + 2, y: y1 + 1, width: width - 4, height: y0 - y1 - 2)
                context.optionalLabel(
                    phases[phase], TextStyle(size: 9, color: colors[phase].contrastingText),
                    at: Point(x: center, y: (y0 + y1) / 2), within: segment, .center, .middle)
                base += value
            }
        }
        frameSpec.drawAxes(context, t, area: area)
        for (index, total) in totals.enumerated() where total > 0 {
            context.optionalLabel(
                context.formatter.format(total, valueAxis.dimension), Theme.annotation,
                at: Point(x: t.px(Double(index)), y: t.py(total) - 3), within: t.plot, .center, .bottom)
        }
        if let legendRect { legend.draw(context, in: legendRect, placement: .right) }
    }
}
