/// The title and subtitle lines at the top of a chart; returns the frame left below them.
struct ChartHeader {
    var title: String
    var subtitle: String?
    var notes: [String] = []

    func draw(in context: ChartContext, frame: Rect) -> Rect {
        var y = frame.minY + Theme.margin
        let width = frame.width - 2 * Theme.margin
        let lines: [(String, TextStyle)] =
            [(title, Theme.title)] + (subtitle.map { [($0, Theme.subtitle)] } ?? [])
            + notes.map { ($0, Theme.subtitle) }
        for (text, style) in lines where !text.isEmpty {
            guard let fitted = context.canvas.fitting(text, style, maxWidth: width) else { continue }
            let box = context.label(fitted, style, at: Point(x: frame.minX + Theme.margin, y: y), .left, .top)
            y = box.maxY + 2
        }
        return Rect(
            x: frame.minX, y: y + Theme.gap - 2, width: frame.width, height: max(0, frame.maxY - y - Theme.gap + 2))
    }
}
