/// A labelled reference line across the plot, e.g. an SLA limit.
public struct ThresholdLine: Hashable, Sendable {
    public enum Orientation: Hashable, Sendable {
        /// At a y value, across the plot.
        case horizontal
        /// At an x value, from bottom to top.
        case vertical
    }
    public var orientation: Orientation
    public var value: Double
    public var label: String
    public var color: Color

    /// Near-black, so a limit never reads as one of the (coloured) series.
    public static let defaultColor = Color(hex: 0x303030)

    public init(_ orientation: Orientation, at value: Double, label: String, color: Color = ThresholdLine.defaultColor)
    {
        self.orientation = orientation; self.value = value; self.label = label; self.color = color
    }
}

/// A shaded x range, e.g. the window of a burst.
public struct ShadedSpan: Hashable, Sendable {
    public var from: Double
    public var to: Double
    public var label: String
    public init(from: Double, to: Double, label: String) { self.from = from; self.to = to; self.label = label }
}

/// A note pointing at a data position.
public struct Annotation: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var text: String
    public init(x: Double, y: Double, text: String) { self.x = x; self.y = y; self.text = text }
}

/// A point flagged as anomalous (drawn as an open ring, a shape no series uses).
public struct AnomalyMark: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A detected change point (vertical dashed line) with a short label.
public struct ChangePointMark: Hashable, Sendable {
    public var x: Double
    public var label: String
    public init(x: Double, label: String = "change") { self.x = x; self.label = label }
}

/// Draws overlays in a plot; labels are optional and skipped when they would collide.
enum OverlayDrawing {
    static let anomalyColor = Palette.vermillion
    static let changePointColor = Color(hex: 0x333333)

    static func spans(_ spans: [ShadedSpan], _ context: ChartContext, _ t: PlotTransform) {
        for span in spans where (t.x.scale?.canShow(span.from) ?? true) && (t.x.scale?.canShow(span.to) ?? true) {
            let left = max(t.plot.minX, min(t.px(span.from), t.px(span.to)))
            let right = min(t.plot.maxX, max(t.px(span.from), t.px(span.to)))
            guard right > left else { continue }
            context.canvas.fill(
                Rect(x: left, y: t.plot.minY, width: right - left, height: t.plot.height),
                Color(hex: 0x7F7F7F, alpha: 0.13))
        }
    }

    static func spanLabels(_ spans: [ShadedSpan], _ context: ChartContext, _ t: PlotTransform) {
        for span in spans where !span.label.isEmpty {
            let middle = (t.px(span.from) + t.px(span.to)) / 2
            context.optionalLabel(
                span.label, Theme.annotation, at: Point(x: middle, y: t.plot.minY + 3),
                within: t.plot, .center, .top, backed: true)
        }
    }

    /// Draws the lines across the plot and labels them; vertical lines' labels go in `labelStrip`
    /// (a band reserved above the plot) when given, else at the plot's top.
    static func thresholds(
        _ lines: [ThresholdLine], _ context: ChartContext, _ t: PlotTransform, labelStrip: Rect? = nil
    ) {
        let canvas = context.canvas
        for line in lines {
            switch line.orientation {
            case .horizontal:
                guard t.y.scale?.canShow(line.value) ?? false else { continue }
                let y = t.py(line.value)
                canvas.line(
                    from: Point(x: t.plot.minX, y: y), to: Point(x: t.plot.maxX, y: y), line.color, width: 1.4,
                    dash: [10, 3, 2, 3])
                if context.optionalLabel(
                    line.label, thresholdStyle(line), at: Point(x: t.plot.maxX - 4, y: y - 2),
                    within: t.plot, .right, .bottom, backed: true) == nil
                {
                    context.optionalLabel(
                        line.label, thresholdStyle(line), at: Point(x: t.plot.maxX - 4, y: y + 2),
                        within: t.plot, .right, .top, backed: true)
                }
            case .vertical:
                guard t.x.scale?.canShow(line.value) ?? false else { continue }
                let x = t.px(line.value)
                canvas.line(
                    from: Point(x: x, y: t.plot.minY), to: Point(x: x, y: t.plot.maxY), line.color, width: 1.4,
                    dash: [10, 3, 2, 3])
                // Right of the line, else left of it, in `labelStrip` when the chart reserved one
                // above the plot (so labels never cover data); lines close together (WARN +20 %,
                // FAIL +50 %) stack their labels rather than lose one.
                let style = thresholdStyle(line)
                let within = labelStrip ?? t.plot
                for row in 0..<3 {
                    let y = within.minY + 3 + Double(row) * style.size * 1.6
                    if context.optionalLabel(
                        line.label, style, at: Point(x: x + 4, y: y), within: within, .left, .top, backed: true) != nil
                        || context.optionalLabel(
                            line.label, style, at: Point(x: x - 4, y: y), within: within, .right, .top, backed: true)
                            != nil
                    {
                        break
                    }
                }
            }
        }
    }

    private static func thresholdStyle(_ line: ThresholdLine) -> TextStyle {
        TextStyle(size: Theme.annotation.size, bold: true, color: line.color)
    }

    static func changePoints(_ marks: [ChangePointMark], _ context: ChartContext, _ t: PlotTransform) {
        for mark in marks where t.x.scale?.canShow(mark.x) ?? true {
            let x = t.px(mark.x)
            context.canvas.line(
                from: Point(x: x, y: t.plot.minY), to: Point(x: x, y: t.plot.maxY), changePointColor, width: 1.2,
                dash: [3, 3])
            if !mark.label.isEmpty {
                context.optionalLabel(
                    mark.label, Theme.annotation, at: Point(x: x + 3, y: t.plot.minY + 3), within: t.plot, .left, .top,
                    backed: true)
            }
        }
    }

    static func anomalies(_ marks: [AnomalyMark], _ context: ChartContext, _ t: PlotTransform) {
        for mark in marks where t.canShow(x: mark.x, y: mark.y) {
            Marks.anomalyRing(context.canvas, at: t.point(mark.x, mark.y), color: anomalyColor)
        }
    }

    static func annotations(_ notes: [Annotation], _ context: ChartContext, _ t: PlotTransform) {
        for note in notes where t.canShow(x: note.x, y: note.y) {
            let anchor = t.point(note.x, note.y)
            context.canvas.circle(center: anchor, radius: 2.5, fill: Theme.noteColor)
            // Try above-right, above-left, below-right, below-left of the point.
            let placements: [(Double, Double, HorizontalAlignment, VerticalAlignment)] = [
                (8, -8, .left, .bottom), (-8, -8, .right, .bottom), (8, 8, .left, .top), (-8, 8, .right, .top),
            ]
            for (dx, dy, horizontal, vertical) in placements {
                let at = Point(x: anchor.x + dx, y: anchor.y + dy)
                let box = context.canvas.box(note.text, Theme.annotation, at: at, horizontal, vertical)
                guard context.fits(box, within: t.plot) else { continue }
                let corner = Point(x: dx > 0 ? box.minX : box.maxX, y: dy < 0 ? box.maxY : box.minY)
                context.canvas.line(from: anchor, to: corner, Theme.noteColor, width: 0.8)
                context.optionalLabel(
                    note.text, Theme.annotation, at: at, within: t.plot, horizontal, vertical, backed: true)
                break
            }
        }
    }
}
