import Foundation

/// Data marks: lines, step lines, markers, bands and whiskers, drawn in plot coordinates.
enum Marks {
    /// A polyline broken wherever a point cannot be shown (NaN, ≤ 0 on a log axis).
    static func line(_ points: [Point?], _ canvas: Canvas, style: SeriesStyle, width: Double = 2) {
        for run in runs(points) { canvas.polyline(run, style.color, width: width, dash: style.dash) }
    }

    /// A step line: the value holds until the next point (hold-then-jump).
    static func stepLine(_ points: [Point?], _ canvas: Canvas, style: SeriesStyle, width: Double = 2) {
        for run in runs(points) {
            var stepped: [Point] = []
            for (index, point) in run.enumerated() {
                if index > 0 { stepped.append(Point(x: point.x, y: run[index - 1].y)) }
                stepped.append(point)
            }
            canvas.polyline(stepped, style.color, width: width, dash: style.dash)
        }
    }

    /// A filled band between lower and upper curves (confidence intervals).
    static func band(lower: [Point], upper: [Point], _ canvas: Canvas, color: Color) {
        guard lower.count >= 2, lower.count == upper.count else { return }
        canvas.fillPolygon(lower + upper.reversed(), color.withAlpha(0.18))
    }

    /// An error whisker from `from` to `to` with caps `capWidth` wide, across the whisker.
    static func whisker(
        from: Point, to: Point, _ canvas: Canvas, color: Color, capWidth: Double = 6, width: Double = 1.2
    ) {
        // A whisker of no length (e.g. lower whisker = q1) has no direction: a cap would be drawn
        // across the wrong axis, so nothing is drawn.
        guard abs(from.x - to.x) + abs(from.y - to.y) > 0.5 else { return }
        canvas.line(from: from, to: to, color, width: width)
        let vertical = abs(from.x - to.x) < abs(from.y - to.y)
        for end in [from, to] {
            let a = vertical ? Point(x: end.x - capWidth / 2, y: end.y) : Point(x: end.x, y: end.y - capWidth / 2)
            let b = vertical ? Point(x: end.x + capWidth / 2, y: end.y) : Point(x: end.x, y: end.y + capWidth / 2)
            canvas.line(from: a, to: b, color, width: width)
        }
    }

    /// A filled marker of `size` points with a thin white outline so overlapping markers separate.
    static func marker(_ shape: MarkerShape, _ canvas: Canvas, at center: Point, size: Double, color: Color) {
        let r = size / 2
        let outline = Color.white
        switch shape {
        case .circle:
            canvas.circle(center: center, radius: r, fill: color, stroke: outline, strokeWidth: 0.8)
        case .square:
            let square = [(-1.0, -1.0), (1, -1), (1, 1), (-1, 1)].map {
                Point(x: center.x + $0.0 * r * 0.85, y: center.y + $0.1 * r * 0.85)
            }
            polygon(square, canvas, color: color, outline: outline)
        case .triangleUp:
            polygon(
                [
                    Point(x: center.x, y: center.y - r * 1.1), Point(x: center.x + r, y: center.y + r * 0.8),
                    Point(x: center.x - r, y: center.y + r * 0.8),
                ], canvas, color: color, outline: outline)
        case .triangleDown:
            polygon(
                [
                    Point(x: center.x, y: center.y + r * 1.1), Point(x: center.x + r, y: center.y - r * 0.8),
                    Point(x: center.x - r, y: center.y - r * 0.8),
                ], canvas, color: color, outline: outline)
        case .diamond:
            polygon(
                [
                    Point(x: center.x, y: center.y - r * 1.15), Point(x: center.x + r, y: center.y),
                    Point(x: center.x, y: center.y + r * 1.15), Point(x: center.x - r, y: center.y),
                ], canvas, color: color, outline: outline)
        case .cross:
            canvas.line(
                from: Point(x: center.x - r, y: center.y - r), to: Point(x: center.x + r, y: center.y + r), color,
                width: 2)
            canvas.line(
                from: Point(x: center.x - r, y: center.y + r), to: Point(x: center.x + r, y: center.y - r), color,
                width: 2)
        case .plus:
            canvas.line(
                from: Point(x: center.x - r, y: center.y), to: Point(x: center.x + r, y: center.y), color, width: 2)
            canvas.line(
                from: Point(x: center.x, y: center.y - r), to: Point(x: center.x, y: center.y + r), color, width: 2)
        }
    }

    /// The anomaly mark: an open ring with a thick stroke, a shape no series uses.
    static func anomalyRing(_ canvas: Canvas, at center: Point, color: Color) {
        canvas.circle(center: center, radius: 6.5, fill: nil, stroke: color, strokeWidth: 2.2)
    }

    private static func polygon(_ points: [Point], _ canvas: Canvas, color: Color, outline: Color) {
        canvas.fillPolygon(points, color)
        canvas.polyline(points + [points[0]], outline, width: 0.8)
    }

    /// Consecutive drawable points.
    static func runs(_ points: [Point?]) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        for point in points {
            if let point, point.x.isFinite, point.y.isFinite {
                current.append(point)
            } else if !current.isEmpty {
                runs.append(current); current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
