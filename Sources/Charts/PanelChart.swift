/// One panel of a `PanelChart`: its own y axis, series and thresholds.
public struct ChartPanel: Hashable, Sendable {
    public var yAxis: AxisSpec
    public var series: [LineSeries]
    public var thresholds: [ThresholdLine]
    public init(yAxis: AxisSpec, series: [LineSeries], thresholds: [ThresholdLine] = []) {
        self.yAxis = yAxis; self.series = series; self.thresholds = thresholds
    }
}

/// Panels stacked vertically over one shared x axis (e.g. throughput above queue depth), with
/// aligned plot edges, x tick labels only under the last panel and one legend on the right.
public struct PanelChart: Chart {
    public var title: String
    public var subtitle: String?
    public var xAxis: AxisSpec
    public var panels: [ChartPanel]
    /// Spans and change points apply to every panel (the same x).
    public var spans: [ShadedSpan]
    public var changePoints: [ChangePointMark]
    public var noDataReason: String

    public init(
        title: String, subtitle: String? = nil, xAxis: AxisSpec, panels: [ChartPanel], spans: [ShadedSpan] = [],
        changePoints: [ChangePointMark] = [], noDataReason: String = "no series to plot"
    ) {
        self.title = title; self.subtitle = subtitle; self.xAxis = xAxis; self.panels = panels; self.spans = spans
        self.changePoints = changePoints; self.noDataReason = noDataReason
    }

    public func draw(in context: ChartContext, frame: Rect) {
        guard panels.contains(where: { $0.series.contains { !$0.points.isEmpty } }) else {
            EmptyState(title: title, reason: noDataReason).draw(in: context, frame: frame)
            return
        }
        let body = ChartHeader(title: title, subtitle: subtitle).draw(in: context, frame: frame)
        var offset = 0
        let layers = panels.map { panel -> SeriesLayer in
            defer { offset += panel.series.count }
            return SeriesLayer(
                series: panel.series, thresholds: panel.thresholds, spans: spans, changePoints: changePoints,
                styleOffset: offset)
        }
        let legend = Legend(
            entries: layers.flatMap { $0.legendEntries(includeSeries: true) }.reduce(into: []) { unique, entry in
                if !unique.contains(entry) { unique.append(entry) }
            })
        let legendArea = body.inset(left: Theme.margin, bottom: Theme.margin, right: Theme.margin)
        let side = legend.preferredSide(context, in: legendArea)
        let (area, legendRect) = legend.reserve(
            context, in: legendArea,
            placement: side)
        let xScale = Scale(kind: xAxis.scale, lower: 0, upper: 1)
        let xExtent =
            SeriesLayer.extent(layers.compactMap { $0.xExtent(xScale) }.flatMap { [$0.lowerBound, $0.upperBound] })
            ?? 0...1
        // The last panel also holds the x tick labels and title, so it gets that much more height.
        let tickAndTitle =
            context.measure("0", Theme.tickLabel).height + context.measure("Ag", Theme.axisTitle).height + 12
        let gap = Theme.gap * 1.5
        let panelHeight = (area.height - tickAndTitle - gap * Double(panels.count - 1)) / Double(panels.count)
        let cells = panels.indices.map { index in
            Rect(
                x: area.minX, y: area.minY + Double(index) * (panelHeight + gap), width: area.width,
                height: panelHeight + (index == panels.count - 1 ? tickAndTitle : 0))
        }
        var frames = panels.indices.map { index -> CartesianFrame in
            let yScale = Scale(kind: panels[index].yAxis.scale, lower: 1, upper: 2)
            let yExtent = layers[index].yExtent(xScale: xScale, yScale: yScale) ?? 0...1
            var spec = CartesianFrame(
                x: .numeric(xAxis, extent: xExtent), y: .numeric(panels[index].yAxis, extent: yExtent))
            spec.showsXTickLabels = index == panels.count - 1
            return spec
        }
        // Align the plots: the widest left margin and the last panel's right margin for all.
        let left =
            frames.indices.map { index in
                frames[index].leftMargin(context, yAxis: frames[index].layout(context, in: cells[index]).y)
            }.max() ?? 0
        for index in frames.indices { frames[index].forcedLeftMargin = left }
        let lastPlot = frames[frames.count - 1].layout(context, in: cells[cells.count - 1]).plot
        for index in frames.indices { frames[index].forcedRightMargin = area.maxX - lastPlot.maxX }

        for index in panels.indices {
            let t = frames[index].layout(context, in: cells[index])
            frames[index].drawGrid(context, t)
            layers[index].draw(context, t)
            frames[index].drawAxes(context, t, area: cells[index])
            layers[index].drawLabels(context, t, direct: false, area: cells[index])
        }
        if let legendRect { legend.draw(context, in: legendRect, placement: side) }
    }
}
