import Units

/// Every chart kind draws itself into a frame of a shared context. Chart kinds take plain data
/// structs (not MeshBench results), so `Reports` maps results into them.
public protocol Chart {
    func draw(in context: ChartContext, frame: Rect)
}

/// What a chart draws with: the canvas, the unit formatter and the record of placed text.
public final class ChartContext {
    public let canvas: Canvas
    public let formatter: UnitFormatter
    /// Every text box drawn so far; optional labels are skipped when they would overlap one.
    public private(set) var labels: [PlacedLabel] = []

    public init(canvas: Canvas, formatter: UnitFormatter = UnitFormatter()) {
        self.canvas = canvas
        self.formatter = formatter
    }

    /// Draws a label that the layout has already made room for.
    @discardableResult
    func label(
        _ text: String, _ style: TextStyle, at point: Point,
        _ horizontal: HorizontalAlignment = .left, _ vertical: VerticalAlignment = .baseline
    ) -> Rect {
        let box = canvas.box(text, style, at: point, horizontal, vertical)
        canvas.draw(text, style, in: box)
        labels.append(PlacedLabel(text: text, rect: box))
        return box
    }

    /// Draws a label only if it stays inside `bounds` and overlaps no label drawn before;
    /// returns its box, or nil when it was left out.
    @discardableResult
    /// `backed` lays a translucent white plate under the text so it stays legible over data.
    func optionalLabel(
        _ text: String, _ style: TextStyle, at point: Point, within bounds: Rect,
        _ horizontal: HorizontalAlignment = .left, _ vertical: VerticalAlignment = .baseline,
        backed: Bool = false
    ) -> Rect? {
        let box = canvas.box(text, style, at: point, horizontal, vertical)
        guard fits(box, within: bounds) else { return nil }
        if backed { canvas.fill(box.inset(by: -1), Color(hex: 0xFFFFFF, alpha: 0.8)) }
        canvas.draw(text, style, in: box)
        labels.append(PlacedLabel(text: text, rect: box))
        return box
    }

    /// True when `box` lies inside `bounds` and is clear of every placed label.
    func fits(_ box: Rect, within bounds: Rect) -> Bool {
        bounds.contains(box) && !labels.contains { $0.rect.intersects(box) }
    }

    func rotatedLabel(_ text: String, _ style: TextStyle, center: Point) {
        let box = canvas.drawRotated(text, style, center: center)
        labels.append(PlacedLabel(text: text, rect: box))
    }

    func measure(_ text: String, _ style: TextStyle) -> TextSize { canvas.measure(text, style) }
}

/// A drawn piece of text and the box it covers.
public struct PlacedLabel: Hashable, Sendable {
    public let text: String
    public let rect: Rect
}
