import Units

/// One axis of a cartesian plot, before layout.
enum AxisRequest {
    /// A numeric axis over the data `extent` (thresholds and bands included by the caller).
    case numeric(AxisSpec, extent: ClosedRange<Double>)
    /// Evenly spaced categories, first at the start of the axis (left, or top for y).
    case categories([String], title: String)
}

/// An axis after layout: where its ticks go (fractions of the axis) and what they say.
struct ResolvedAxis {
    var scale: Scale?
    var fractions: [Double]
    var labels: [String]
    var title: String
    var categoryCount: Int

    /// The fraction of the axis where `value` sits (numeric) or category `value` is centred.
    func fraction(_ value: Double) -> Double {
        if let scale { return scale.fraction(value) }
        return (value + 0.5) / Double(max(1, categoryCount))
    }
}

/// Maps data coordinates into the plot rectangle.
struct PlotTransform {
    var plot: Rect
    var x: ResolvedAxis
    var y: ResolvedAxis

    func point(_ xValue: Double, _ yValue: Double) -> Point {
        Point(x: px(xValue), y: py(yValue))
    }
    func px(_ value: Double) -> Double { plot.minX + x.fraction(value) * plot.width }
    /// y fractions grow upwards for numeric axes; categories run top to bottom.
    func py(_ value: Double) -> Double {
        y.scale == nil ? plot.minY + y.fraction(value) * plot.height : plot.maxY - y.fraction(value) * plot.height
    }
    func canShow(x xValue: Double, y yValue: Double) -> Bool {
        (x.scale?.canShow(xValue) ?? true) && (y.scale?.canShow(yValue) ?? true)
    }
}

/// Lays out a plot area from the measured tick labels and axis titles, then draws grid, axes,
/// ticks and titles. Margins are computed, never guessed, so labels are neither clipped nor
/// overlapping.
struct CartesianFrame {
    var x: AxisRequest
    var y: AxisRequest
    var showsXTickLabels = true
    /// Extra room to the right of the plot (direct labels, threshold labels).
    var rightInset: Double = 0
    /// Widest a category label on the y axis may be before it is shortened with "…".
    var maxCategoryLabelWidth: Double = 220
    /// A fixed left margin (stacked panels align their plots with it).
    var forcedLeftMargin: Double?
    /// A fixed right margin, with the same purpose.
    var forcedRightMargin: Double?

    func layout(_ context: ChartContext, in area: Rect) -> PlotTransform {
        let tickHeight = context.measure("0", Theme.tickLabel).height
        let titleHeight = context.measure("Ag", Theme.axisTitle).height
        let xTitle = title(of: x)
        let bottom =
            (showsXTickLabels ? tickHeight + 6 : 4) + (xTitle.isEmpty || !showsXTickLabels ? 0 : titleHeight + 6)
        let top = tickHeight / 2 + 2
        let plotHeight = max(10, area.height - top - bottom)
        let yAxis = resolve(y, context, length: plotHeight, vertical: true)
        let leftMargin = forcedLeftMargin ?? self.leftMargin(context, yAxis: yAxis)
        var right = forcedRightMargin ?? 10 + rightInset
        var plotWidth = max(10, area.width - leftMargin - right)
        var xAxis = resolve(x, context, length: plotWidth, vertical: false)
        if forcedRightMargin == nil, let last = xAxis.labels.last, xAxis.scale != nil, xAxis.fractions.last ?? 0 > 0.98
        {
            let overhang = context.measure(last, Theme.tickLabel).width / 2 + 2
            if overhang > right {
                right = overhang
                plotWidth = max(10, area.width - leftMargin - right)
                xAxis = resolve(x, context, length: plotWidth, vertical: false)
            }
        }
        let plot = Rect(x: area.minX + leftMargin, y: area.minY + top, width: plotWidth, height: plotHeight)
        return PlotTransform(plot: plot, x: xAxis, y: yAxis)
    }

    /// The left margin for `yAxis`: rotated title, gap, widest tick label, gap.
    func leftMargin(_ context: ChartContext, yAxis: ResolvedAxis) -> Double {
        let titleHeight = context.measure("Ag", Theme.axisTitle).height
        let widest = yAxis.labels.map { context.measure($0, Theme.tickLabel).width }.max() ?? 0
        return (yAxis.title.isEmpty ? 0 : titleHeight + 8) + widest + 7
    }

    func resolve(_ request: AxisRequest, _ context: ChartContext, length: Double, vertical: Bool) -> ResolvedAxis {
        switch request {
        case let .numeric(spec, extent):
            let ticks = AxisTicks.resolve(
                spec, extent: extent, length: length, vertical: vertical,
                formatter: context.formatter
            ) { label in
                let size = context.measure(label, Theme.tickLabel)
                return vertical ? size.height : size.width
            }
            let title = ticks.unit.map { spec.dimension.title(spec.title, unit: $0) } ?? spec.title
            return ResolvedAxis(
                scale: ticks.scale, fractions: ticks.values.map(ticks.scale.fraction),
                labels: ticks.labels, title: title, categoryCount: 0)
        case let .categories(names, title):
            let count = max(1, names.count)
            let fractions = names.indices.map { (Double($0) + 0.5) / Double(count) }
            var labels = names
            if vertical {
                labels = names.map {
                    context.canvas.fitting($0, Theme.tickLabel, maxWidth: maxCategoryLabelWidth) ?? ""
                }
            } else {
                // Show every k-th category name when they would collide.
                let band = length / Double(count)
                let widest = names.map { context.measure($0, Theme.tickLabel).width }.max() ?? 0
                // Label widths grow with input names: a stride past the count shows only the first.
                let stride = ((widest + 6) / max(band, 1)).rounded(.up)
                let keep = stride < Double(count) ? max(1, Int(stride)) : count
                labels = names.enumerated().map { $0.offset % keep == 0 ? $0.element : "" }
            }
            return ResolvedAxis(
                scale: nil, fractions: fractions, labels: labels, title: title, categoryCount: names.count)
        }
    }

    private func title(of request: AxisRequest) -> String {
        switch request {
        case let .numeric(spec, _): return spec.title
        case let .categories(_, title): return title
        }
    }

    /// Grid lines behind the data.
    func drawGrid(_ context: ChartContext, _ transform: PlotTransform) {
        let plot = transform.plot
        let canvas = context.canvas
        if transform.y.scale != nil {
            for fraction in transform.y.fractions {
                let y = plot.maxY - fraction * plot.height
                canvas.line(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y), Theme.gridColor)
            }
        }
        if transform.x.scale != nil {
            for fraction in transform.x.fractions {
                let x = plot.minX + fraction * plot.width
                canvas.line(from: Point(x: x, y: plot.minY), to: Point(x: x, y: plot.maxY), Theme.gridColor)
            }
        }
    }

    /// Axis lines, tick marks, tick labels and axis titles (drawn after the data).
    func drawAxes(_ context: ChartContext, _ transform: PlotTransform, area: Rect) {
        let plot = transform.plot
        let canvas = context.canvas
        canvas.line(from: Point(x: plot.minX, y: plot.maxY), to: Point(x: plot.maxX, y: plot.maxY), Theme.axisColor)
        canvas.line(from: Point(x: plot.minX, y: plot.minY), to: Point(x: plot.minX, y: plot.maxY), Theme.axisColor)
        var labelBottom = plot.maxY
        for (fraction, label) in zip(transform.x.fractions, transform.x.labels) {
            let x = plot.minX + fraction * plot.width
            canvas.line(from: Point(x: x, y: plot.maxY), to: Point(x: x, y: plot.maxY + 4), Theme.axisColor)
            if showsXTickLabels, !label.isEmpty {
                let box = context.label(label, Theme.tickLabel, at: Point(x: x, y: plot.maxY + 6), .center, .top)
                labelBottom = max(labelBottom, box.maxY)
            }
        }
        let yLabelX = plot.minX - 7
        for (index, label) in transform.y.labels.enumerated() {
            let fraction = transform.y.fractions[index]
            let y = transform.y.scale == nil ? plot.minY + fraction * plot.height : plot.maxY - fraction * plot.height
            canvas.line(from: Point(x: plot.minX - 4, y: y), to: Point(x: plot.minX, y: y), Theme.axisColor)
            if !label.isEmpty { context.label(label, Theme.tickLabel, at: Point(x: yLabelX, y: y), .right, .middle) }
        }
        if showsXTickLabels, !transform.x.title.isEmpty {
            let fitted = canvas.fitting(transform.x.title, Theme.axisTitle, maxWidth: plot.width) ?? ""
            context.label(fitted, Theme.axisTitle, at: Point(x: plot.midX, y: labelBottom + 5), .center, .top)
        }
        if !transform.y.title.isEmpty {
            let titleHeight = context.measure("Ag", Theme.axisTitle).height
            let fitted = canvas.fitting(transform.y.title, Theme.axisTitle, maxWidth: plot.height) ?? ""
            let leftEdge = plot.minX - (forcedLeftMargin ?? leftMargin(context, yAxis: transform.y))
            context.rotatedLabel(
                fitted, Theme.axisTitle, center: Point(x: max(area.minX, leftEdge) + titleHeight / 2, y: plot.midY))
        }
    }
}
