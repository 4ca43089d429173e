import Foundation

/// The marks of a line chart (series and overlays) over one plot: extents for the axes, drawing
/// in z-order, legend entries and direct labels. Shared by `LineChart` and `PanelChart`.
struct SeriesLayer {
    var series: [LineSeries]
    var thresholds: [ThresholdLine] = []
    var spans: [ShadedSpan] = []
    var annotations: [Annotation] = []
    var anomalies: [AnomalyMark] = []
    var changePoints: [ChangePointMark] = []
    /// Index of the first series in the palette (panels continue each other's styles).
    var styleOffset = 0

    /// The series' own style when it has one, else the palette's by position.
    func style(_ index: Int) -> SeriesStyle { series[index].style ?? Palette.style(index + styleOffset) }

    func xExtent(_ scale: Scale) -> ClosedRange<Double>? {
        var values = series.flatMap { $0.points.map(\.x) + $0.band.map(\.x) + $0.errorBars.map(\.x) }
        values += spans.flatMap { [$0.from, $0.to] } + changePoints.map(\.x)
        values += thresholds.filter { $0.orientation == .vertical }.map(\.value)
        return SeriesLayer.extent(values.filter(scale.canShow))
    }

    func yExtent(xScale: Scale, yScale: Scale) -> ClosedRange<Double>? {
        var values: [Double] = []
        for line in series {
            values += line.points.filter { xScale.canShow($0.x) }.map(\.y)
            values += line.band.flatMap { [$0.lower, $0.upper] } + line.errorBars.flatMap { [$0.lower, $0.upper] }
        }
        values += thresholds.filter { $0.orientation == .horizontal }.map(\.value)
        values += anomalies.map(\.y) + annotations.map(\.y)
        return SeriesLayer.extent(values.filter(yScale.canShow))
    }

    static func extent(_ values: [Double]) -> ClosedRange<Double>? {
        guard let low = values.min(), let high = values.max() else { return nil }
        return low...high
    }

    /// Direct labels for a few series, otherwise a legend on the right (below past 12).
    func resolvedPlacement(_ requested: LegendPlacement) -> LegendPlacement {
        guard requested == .automatic else { return requested }
        if series.count <= 4, series.allSatisfy({ !$0.points.isEmpty }) { return .direct }
        return series.count > 12 ? .below : .right
    }

    func legendEntries(includeSeries: Bool) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        if includeSeries {
            entries += series.enumerated().map { index, line in
                LegendEntry(name: line.name, swatch: .line(style(index), showsMarker: line.showsMarkers))
            }
        }
        if !anomalies.isEmpty {
            entries.append(LegendEntry(name: "anomaly", swatch: .ring(OverlayDrawing.anomalyColor)))
        }
        if !changePoints.isEmpty {
            let style = SeriesStyle(color: OverlayDrawing.changePointColor, dash: [3, 3], marker: .circle)
            entries.append(LegendEntry(name: "change point", swatch: .line(style, showsMarker: false)))
        }
        return entries
    }

    /// Measured in the bold face the labels are drawn in, so no name is cut short.
    func directLabelWidth(_ context: ChartContext) -> Double {
        let bold = TextStyle(size: Theme.legend.size, bold: true, color: Theme.textColor)
        return (series.map { context.measure($0.name, bold).width }.max() ?? 0) + 12
    }

    /// Z-order: spans, bands, lines, whiskers, markers, thresholds, change points, anomalies.
    func draw(_ context: ChartContext, _ t: PlotTransform) {
        let canvas = context.canvas
        canvas.clipped(to: t.plot.inset(by: -1)) {
            OverlayDrawing.spans(spans, context, t)
            for (index, line) in series.enumerated() {
                let band = line.band.filter { t.canShow(x: $0.x, y: $0.lower) && t.canShow(x: $0.x, y: $0.upper) }
                Marks.band(
                    lower: band.map { t.point($0.x, $0.lower) }, upper: band.map { t.point($0.x, $0.upper) },
                    canvas, color: style(index).color)
            }
            for (index, line) in series.enumerated() {
                let points = line.points.map { t.canShow(x: $0.x, y: $0.y) ? t.point($0.x, $0.y) : nil }
                if line.isStep {
                    Marks.stepLine(points, canvas, style: style(index))
                } else {
                    Marks.line(points, canvas, style: style(index))
                }
                for bar in line.errorBars where t.canShow(x: bar.x, y: bar.lower) && t.canShow(x: bar.x, y: bar.upper) {
                    Marks.whisker(
                        from: t.point(bar.x, bar.lower), to: t.point(bar.x, bar.upper), canvas,
                        color: style(index).color)
                }
                if line.showsMarkers {
                    for point in points.compactMap({ $0 }) {
                        Marks.marker(style(index).marker, canvas, at: point, size: 7, color: style(index).color)
                    }
                }
            }
            OverlayDrawing.thresholds(thresholds, context, t)
            OverlayDrawing.changePoints(changePoints, context, t)
            OverlayDrawing.anomalies(anomalies, context, t)
        }
    }

    /// Labels that must not collide with axis labels, so they are placed after the axes.
    func drawLabels(_ context: ChartContext, _ t: PlotTransform, direct: Bool, area: Rect) {
        OverlayDrawing.spanLabels(spans, context, t)
        OverlayDrawing.annotations(annotations, context, t)
        if direct { drawDirectLabels(context, t, area: area) }
    }

    /// Each series' name beside its last drawable point, nudged apart vertically so names never
    /// overlap, in the series colour.
    private func drawDirectLabels(_ context: ChartContext, _ t: PlotTransform, area: Rect) {
        let height = context.measure("Ag", Theme.legend).height
        var items: [(index: Int, y: Double)] = series.indices.compactMap { index in
            guard let last = series[index].points.last(where: { t.canShow(x: $0.x, y: $0.y) }) else { return nil }
            return (index, t.py(last.y))
        }
        items.sort { $0.y < $1.y }
        // Push down to remove overlaps, then back up from the bottom edge.
        for i in items.indices.dropFirst() where items[i].y < items[i - 1].y + height {
            items[i].y = items[i - 1].y + height
        }
        if let last = items.last, last.y + height / 2 > area.maxY {
            items[items.count - 1].y = area.maxY - height / 2
            for i in items.indices.dropLast().reversed() where items[i].y > items[i + 1].y - height {
                items[i].y = items[i + 1].y - height
            }
        }
        for item in items {
            let color = style(item.index).color
            let text = TextStyle(size: Theme.legend.size, bold: true, color: color.mixed(with: .black, 0.15))
            let x = t.plot.maxX + 6
            let maxWidth = area.maxX - x
            guard let name = context.canvas.fitting(series[item.index].name, text, maxWidth: maxWidth) else { continue }
            context.optionalLabel(name, text, at: Point(x: x, y: item.y), within: area.inset(by: -1), .left, .middle)
        }
    }
}
