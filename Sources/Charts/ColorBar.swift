import Units

/// A vertical colour bar explaining a colour map: gradient, nice ticks formatted through
/// `Units`, and a rotated title carrying the unit.
struct ColorBar {
    var map: ColorMap
    var range: ClosedRange<Double>
    var title: String
    var dimension: Dimension

    static let barWidth: Double = 12

    /// Width needed for bar, tick labels and title.
    func width(_ context: ChartContext, height: Double) -> Double {
        let ticks = self.ticks(context, height: height)
        let widest = ticks.labels.map { context.measure($0, Theme.tickLabel).width }.max() ?? 0
        return ColorBar.barWidth + 6 + widest + 8 + context.measure("Ag", Theme.axisTitle).height
    }

    private func ticks(_ context: ChartContext, height: Double) -> AxisTicks {
        let spec = AxisSpec(title: title, dimension: dimension, includesZero: false, domain: range)
        return AxisTicks.resolve(spec, extent: range, length: height, vertical: true, formatter: context.formatter) {
            context.measure($0, Theme.tickLabel).height
        }
    }

    func draw(_ context: ChartContext, in rect: Rect) {
        let canvas = context.canvas
        let bar = Rect(x: rect.minX, y: rect.minY, width: ColorBar.barWidth, height: rect.height)
        let steps = max(2, Int(bar.height / 2))  // layout height, bounded by Canvas's size cap
        for step in 0..<steps {
            let fraction = Double(step) / Double(steps - 1)
            let y = bar.maxY - fraction * bar.height
            canvas.fill(
                Rect(
                    x: bar.minX, y: y - bar.height / Double(steps) - 0.5, width: bar.width,
                    height: bar.height / Double(steps) + 1),
                map.color(at: fraction))
        }
        canvas.stroke(bar, Theme.axisColor, width: 0.8)
        let ticks = self.ticks(context, height: rect.height)
        var widest = 0.0
        for (value, label) in zip(ticks.values, ticks.labels) {
            let y = bar.maxY - ticks.scale.fraction(value) * bar.height
            canvas.line(from: Point(x: bar.maxX, y: y), to: Point(x: bar.maxX + 3, y: y), Theme.axisColor)
            let box = context.label(label, Theme.tickLabel, at: Point(x: bar.maxX + 6, y: y), .left, .middle)
            widest = max(widest, box.width)
        }
        let unitTitle = ticks.unit.map { dimension.title(title, unit: $0) } ?? title
        let titleHeight = context.measure("Ag", Theme.axisTitle).height
        let fitted = canvas.fitting(unitTitle, Theme.axisTitle, maxWidth: rect.height) ?? ""
        context.rotatedLabel(
            fitted, Theme.axisTitle, center: Point(x: bar.maxX + 6 + widest + 6 + titleHeight / 2, y: bar.midY))
    }
}
