/// Several charts in a grid on one canvas (benchmark-graphs.png), row by row, under an optional
/// overall title; the page adds one shared source line.
public struct GridChart: Chart {
    public var title: String?
    public var columns: Int
    public var charts: [any Chart]

    public init(title: String? = nil, columns: Int, charts: [any Chart]) {
        self.title = title; self.columns = max(1, columns); self.charts = charts
    }

    public func draw(in context: ChartContext, frame: Rect) {
        guard !charts.isEmpty else {
            EmptyState(title: title ?? "", reason: "no charts in the grid").draw(in: context, frame: frame)
            return
        }
        var area = frame
        if let title, !title.isEmpty {
            area = ChartHeader(title: title, subtitle: nil).draw(in: context, frame: frame)
        }
        let columnCount = min(columns, charts.count)
        let rows = (charts.count + columnCount - 1) / columnCount
        let cellWidth = area.width / Double(columnCount)
        let cellHeight = area.height / Double(rows)
        for (index, chart) in charts.enumerated() {
            let cell = Rect(
                x: area.minX + Double(index % columnCount) * cellWidth,
                y: area.minY + Double(index / columnCount) * cellHeight,
                width: cellWidth, height: cellHeight)
            chart.draw(in: context, frame: cell)
            if index % columnCount > 0 {
                context.canvas.line(
                    from: Point(x: cell.minX, y: cell.minY + Theme.margin),
                    to: Point(x: cell.minX, y: cell.maxY - Theme.margin), Theme.gridColor)
            }
            if index / columnCount > 0 {
                context.canvas.line(
                    from: Point(x: cell.minX + Theme.margin, y: cell.minY),
                    to: Point(x: cell.maxX - Theme.margin, y: cell.minY), Theme.gridColor)
            }
        }
    }
}
