import CCairo

/// Path and paint primitives in points; chart code never calls Cairo directly for shapes.
extension Canvas {
    func setColor(_ color: Color) {
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
    }

    func setLine(width: Double, dash: [Double] = []) {
        cairo_set_line_width(cairo, width)
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cairo, dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        dash.withUnsafeBufferPointer { cairo_set_dash(cairo, $0.baseAddress, Int32($0.count), 0) }
    }

    func fill(_ rect: Rect, _ color: Color) {
        setColor(color)
        cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cairo)
    }

    func stroke(_ rect: Rect, _ color: Color, width: Double = 1) {
        setColor(color)
        setLine(width: width)
        cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(cairo)
    }

    func line(from start: Point, to end: Point, _ color: Color, width: Double = 1, dash: [Double] = []) {
        polyline([start, end], color, width: width, dash: dash)
    }

    func polyline(_ points: [Point], _ color: Color, width: Double, dash: [Double] = []) {
        guard let first = points.first, points.count >= 2 else { return }
        setColor(color)
        setLine(width: width, dash: dash)
        cairo_move_to(cairo, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(cairo, point.x, point.y) }
        cairo_stroke(cairo)
    }

    func fillPolygon(_ points: [Point], _ color: Color) {
        guard let first = points.first, points.count >= 3 else { return }
        setColor(color)
        cairo_move_to(cairo, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(cairo, point.x, point.y) }
        cairo_close_path(cairo)
        cairo_fill(cairo)
    }

    func circle(center: Point, radius: Double, fill: Color?, stroke: Color? = nil, strokeWidth: Double = 1) {
        cairo_new_path(cairo)
        cairo_arc(cairo, center.x, center.y, radius, 0, 2 * Double.pi)
        if let fill {
            setColor(fill)
            if stroke != nil { cairo_fill_preserve(cairo) } else { cairo_fill(cairo) }
        }
        if let stroke {
            setColor(stroke)
            setLine(width: strokeWidth)
            cairo_stroke(cairo)
        }
    }

    /// Runs `body` with drawing clipped to `rect`, so marks never spill over axes and labels.
    func clipped(to rect: Rect, _ body: () -> Void) {
        cairo_save(cairo)
        cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cairo)
        body()
        cairo_restore(cairo)
    }
}
