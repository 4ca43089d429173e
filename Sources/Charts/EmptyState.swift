/// What a chart shows when it has nothing to plot: its title and "no data: <reason>" in the
/// middle, so an empty PNG is never mistaken for a broken one.
struct EmptyState {
    var title: String
    var reason: String

    func draw(in context: ChartContext, frame: Rect) {
        let body = ChartHeader(title: title, subtitle: nil).draw(in: context, frame: frame)
        let message =
            context.canvas.fitting(
                "no data: \(reason)", Theme.emptyMessage,
                maxWidth: body.width - 2 * Theme.margin) ?? "no data"
        context.canvas.stroke(
            body.inset(top: 0, left: Theme.margin, bottom: Theme.margin, right: Theme.margin),
            Theme.gridColor)
        context.label(message, Theme.emptyMessage, at: Point(x: body.midX, y: body.midY), .center, .middle)
    }
}
