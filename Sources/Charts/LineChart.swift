/// One x/y observation.
public struct DataPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A band around a series at one x (e.g. a 95 % confidence interval).
public struct BandPoint: Hashable, Sendable {
    public var x: Double
    public var lower: Double
    public var upper: Double
    public init(x: Double, lower: Double, upper: Double) { self.x = x; self.lower = lower; self.upper = upper }
}

/// A named series of a line chart. Values are in the axes' base units.
public struct LineSeries: Hashable, Sendable {
    public var name: String
    public var points: [DataPoint]
    /// Filled band drawn behind the line, in the series colour.
    public var band: [BandPoint]
    /// Vertical error whiskers at given x positions.
    public var errorBars: [BandPoint]
    public var showsMarkers: Bool
    /// Hold each value until the next x (counters, queue depth).
    public var isStep: Bool
    /// A fixed look, for series that belong together (a metric and its baseline share a colour,
    /// the baseline dashed); `nil` takes the next palette style by position.
    public var style: SeriesStyle?

    public init(
        name: String, points: [DataPoint], band: [BandPoint] = [], errorBars: [BandPoint] = [],
        showsMarkers: Bool = false, isStep: Bool = false, style: SeriesStyle? = nil
    ) {
        self.name = name; self.points = points; self.band = band; self.errorBars = errorBars
        self.showsMarkers = showsMarkers; self.isStep = isStep; self.style = style
    }
}

/// Multi-series x/y chart on linear, log or percentile axes, with confidence bands, thresholds,
/// shaded spans, annotations, anomaly rings and change-point lines. Used for latency spectra,
/// latency by mesh size, throughput timelines, resources and trends.
public struct LineChart: Chart {
    public var title: String
    public var subtitle: String?
    public var xAxis: AxisSpec
    public var yAxis: AxisSpec
    public var series: [LineSeries]
    public var thresholds: [ThresholdLine]
    public var spans: [ShadedSpan]
    public var annotations: [Annotation]
    public var anomalies: [AnomalyMark]
    public var changePoints: [ChangePointMark]
    public var legend: LegendPlacement
    /// Shown as "no data: <reason>" when no series has a point.
    public var noDataReason: String

    public init(
        title: String, subtitle: String? = nil, xAxis: AxisSpec, yAxis: AxisSpec, series: [LineSeries],
        thresholds: [ThresholdLine] = [], spans: [ShadedSpan] = [], annotations: [Annotation] = [],
        anomalies: [AnomalyMark] = [], changePoints: [ChangePointMark] = [],
        legend: LegendPlacement = .automatic, noDataReason: String = "no series to plot"
    ) {
        self.title = title; self.subtitle = subtitle; self.xAxis = xAxis; self.yAxis = yAxis; self.series = series
        self.thresholds = thresholds; self.spans = spans; self.annotations = annotations; self.anomalies = anomalies
        self.changePoints = changePoints; self.legend = legend; self.noDataReason = noDataReason
    }

    public func draw(in context: ChartContext, frame: Rect) {
        let xScale = Scale(kind: xAxis.scale, lower: 0, upper: 1)
        let yScale = Scale(kind: yAxis.scale, lower: 0, upper: 1)
        let drawable = series.filter { $0.points.contains { xScale.canShow($0.x) && yScale.canShow($0.y) } }
        guard !drawable.isEmpty else {
            EmptyState(title: title, reason: noDataReason).draw(in: context, frame: frame)
            return
        }
        let body = ChartHeader(title: title, subtitle: subtitle).draw(in: context, frame: frame)
        let layer = SeriesLayer(
            series: series, thresholds: thresholds, spans: spans, annotations: annotations,
            anomalies: anomalies, changePoints: changePoints)
        let xExtent = layer.xExtent(xScale) ?? 0...1
        let yExtent = layer.yExtent(xScale: xScale, yScale: yScale) ?? 0...1
        var frameSpec = CartesianFrame(x: .numeric(xAxis, extent: xExtent), y: .numeric(yAxis, extent: yExtent))

        let placement = layer.resolvedPlacement(legend)
        var legendBox = Legend(entries: layer.legendEntries(includeSeries: placement != .direct))
        let legendPlacement: LegendPlacement = placement == .direct ? .below : placement
        if placement == .hidden { legendBox.entries = [] }
        let (area, legendRect) = legendBox.reserve(
            context, in: body.inset(left: Theme.margin, bottom: Theme.margin, right: Theme.margin),
            placement: legendPlacement)
        if placement == .direct { frameSpec.rightInset = layer.directLabelWidth(context) }
        let transform = frameSpec.layout(context, in: area)

        frameSpec.drawGrid(context, transform)
        layer.draw(context, transform)
        frameSpec.drawAxes(context, transform, area: area)
        layer.drawLabels(context, transform, direct: placement == .direct, area: area)
        if let legendRect { legendBox.draw(context, in: legendRect, placement: legendPlacement) }
    }
}
