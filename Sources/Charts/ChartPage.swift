/// One PNG: a white canvas, a chart filling it and a source line along the bottom edge
/// ("commit abc1234 · 2026-11-28 · host xyz · mode real") that says where the numbers came from.
public struct ChartPage {
    public var width: Int
    public var height: Int
    public var scale: Double
    public var sourceLine: String?

    public init(width: Int = 960, height: Int = 540, scale: Double = 1, sourceLine: String? = nil) {
        self.width = width; self.height = height; self.scale = scale; self.sourceLine = sourceLine
    }

    /// Draws `chart` and returns the context (canvas plus the placed labels).
    public func render(_ chart: any Chart) throws(ChartError) -> ChartContext {
        let context = ChartContext(canvas: try Canvas(width: width, height: height, scale: scale))
        var frame = context.canvas.bounds
        if let sourceLine, !sourceLine.isEmpty {
            let canvas = context.canvas
            let height = canvas.measure(sourceLine, Theme.source).height
            let baselineBox = Rect(
                x: Theme.margin, y: frame.maxY - Theme.margin / 2 - height,
                width: frame.width - 2 * Theme.margin, height: height)
            let text = canvas.fitting(sourceLine, Theme.source, maxWidth: baselineBox.width) ?? ""
            canvas.line(
                from: Point(x: Theme.margin, y: baselineBox.minY - 4),
                to: Point(x: frame.maxX - Theme.margin, y: baselineBox.minY - 4), Theme.gridColor)
            context.label(text, Theme.source, at: Point(x: baselineBox.minX, y: baselineBox.minY), .left, .top)
            frame = frame.inset(bottom: height + Theme.margin / 2 + 6)
        }
        chart.draw(in: context, frame: frame)
        return context
    }

    /// Renders `chart` as PNG bytes.
    public func png(_ chart: any Chart) throws(ChartError) -> [UInt8] {
        try render(chart).canvas.pngBytes()
    }

    /// Renders `chart` and writes it to `path` as PNG.
    public func write(_ chart: any Chart, to path: String) throws(ChartError) {
        try render(chart).canvas.writePNG(to: path)
    }
}
