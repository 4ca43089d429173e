/// Five-number summary of one group, in base units.
public struct BoxStats: Hashable, Sendable {
    public var lowerWhisker: Double
    public var q1: Double
    public var median: Double
    public var q3: Double
    public var upperWhisker: Double
    public var outliers: [Double]

    public init(
        lowerWhisker: Double, q1: Double, median: Double, q3: Double, upperWhisker: Double, outliers: [Double] = []
    ) {
        self.lowerWhisker = lowerWhisker; self.q1 = q1; self.median = median; self.q3 = q3
        self.upperWhisker = upperWhisker; self.outliers = outliers
    }
}

/// One category of a box chart. `position` is its numeric value (e.g. hop count) for the fit.
public struct BoxGroup: Hashable, Sendable {
    public var label: String
    public var position: Double
    public var stats: BoxStats
    public init(label: String, position: Double, stats: BoxStats) {
        self.label = label; self.position = position; self.stats = stats
    }
}

/// A fitted straight line y = intercept + slope · position, e.g. latency per hop.
public struct FittedLine: Hashable, Sendable {
    public var intercept: Double
    public var slope: Double
    public var label: String
    public init(intercept: Double, slope: Double, label: String) {
        self.intercept = intercept; self.slope = slope; self.label = label
    }
}

/// Box plots per category (median, IQR box, whiskers, outliers) with an optional fitted line,
/// e.g. latency per hop count with its linear fit.
public struct BoxChart: Chart {
    public var title: String
    public var subtitle: String?
    public var categoryTitle: String
    public var valueAxis: AxisSpec
    public var groups: [BoxGroup]
    public var fit: FittedLine?
    public var noDataReason: String

    public init(
        title: String, subtitle: String? = nil, categoryTitle: String, valueAxis: AxisSpec, groups: [BoxGroup],
        fit: FittedLine? = nil, noDataReason: String = "no groups"
    ) {
        self.title = title; self.subtitle = subtitle; self.categoryTitle = categoryTitle; self.valueAxis = valueAxis
        self.groups = groups; self.fit = fit; self.noDataReason = noDataReason
    }

    public func draw(in context: ChartContext, frame: Rect) {
        guard !groups.isEmpty else {
            EmptyState(title: title, reason: noDataReason).draw(in: context, frame: frame)
            return
        }
        let body = ChartHeader(title: title, subtitle: subtitle).draw(in: context, frame: frame)
        let boxColor = Palette.blue
        var entries = [LegendEntry(name: "median, IQR box, whiskers", swatch: .box(boxColor.withAlpha(0.35)))]
        if groups.contains(where: { !$0.stats.outliers.isEmpty }) {
            entries.append(LegendEntry(name: "outlier", swatch: .openCircle(Theme.secondaryTextColor)))
        }
        let fitStyle = SeriesStyle(color: Palette.vermillion, dash: [7, 3], marker: .circle)
        if let fit { entries.append(LegendEntry(name: fit.label, swatch: .line(fitStyle, showsMarker: false))) }
        let legend = Legend(entries: entries)
        let (area, legendRect) = legend.reserve(
            context, in: body.inset(left: Theme.margin, bottom: Theme.margin, right: Theme.margin),
            placement: .below)
        var values = groups.flatMap { [$0.stats.lowerWhisker, $0.stats.upperWhisker] + $0.stats.outliers }
        if let fit { values += groups.map { fit.intercept + fit.slope * $0.position } }
        let scale = Scale(kind: valueAxis.scale, lower: 1, upper: 2)
        let extent = SeriesLayer.extent(values.filter(scale.canShow)) ?? 0...1
        let frameSpec = CartesianFrame(
            x: .categories(groups.map(\.label), title: categoryTitle), y: .numeric(valueAxis, extent: extent))
        let t = frameSpec.layout(context, in: area)
        frameSpec.drawGrid(context, t)
        let canvas = context.canvas
        let width = min(50, t.plot.width / Double(groups.count) * 0.5)
        canvas.clipped(to: t.plot) {
            for (index, group) in groups.enumerated() {
                let s = group.stats, x = t.px(Double(index))
                guard [s.lowerWhisker, s.q1, s.median, s.q3, s.upperWhisker].allSatisfy({ t.canShow(x: 0, y: $0) })
                else { continue }
                Marks.whisker(
                    from: Point(x: x, y: t.py(s.q1)), to: Point(x: x, y: t.py(s.lowerWhisker)), canvas, color: boxColor,
                    capWidth: width * 0.5)
                Marks.whisker(
                    from: Point(x: x, y: t.py(s.q3)), to: Point(x: x, y: t.py(s.upperWhisker)), canvas, color: boxColor,
                    capWidth: width * 0.5)
                let box = Rect(x: x - width / 2, y: t.py(s.q3), width: width, height: t.py(s.q1) - t.py(s.q3))
                canvas.fill(box, boxColor.withAlpha(0.35))
                canvas.stroke(box, boxColor, width: 1.2)
                canvas.line(
                    from: Point(x: box.minX, y: t.py(s.median)), to: Point(x: box.maxX, y: t.py(s.median)),
                    Theme.textColor, width: 2.2)
                for outlier in s.outliers where t.canShow(x: 0, y: outlier) {
                    canvas.circle(
                        center: Point(x: x, y: t.py(outlier)), radius: 2.6, fill: nil, stroke: Theme.secondaryTextColor,
                        strokeWidth: 1)
                }
            }
            if let fit {
                let points = groups.indices.map { t.point(Double($0), fit.intercept + fit.slope * groups[$0].position) }
                Marks.line(points, canvas, style: fitStyle, width: 1.8)
            }
        }
        frameSpec.drawAxes(context, t, area: area)
        if let legendRect { legend.draw(context, in: legendRect, placement: .below) }
    }
}
