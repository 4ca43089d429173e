import Units

/// A node of a graph chart; `value` colours it through the colour map (nil: not reached).
public struct GraphNode: Hashable, Sendable {
    public var label: String
    public var value: Double?
    public init(label: String, value: Double?) { self.label = label; self.value = value }
}

/// An undirected edge between node indices.
public struct GraphEdge: Hashable, Sendable {
    public var from: Int
    public var to: Int
    public init(from: Int, to: Int) { self.from = from; self.to = to }
}

/// A mesh topology: nodes coloured by a value (e.g. arrival time of a traced event) with a
/// colour bar, one marked node (the publisher), thin translucent edges. Readable at 100 nodes:
/// node size shrinks with the count and labels appear only where they fit.
public struct GraphChart: Chart {
    public var title: String
    public var subtitle: String?
    public var nodes: [GraphNode]
    public var edges: [GraphEdge]
    public var layout: GraphLayout
    public var valueTitle: String
    public var valueDimension: Dimension
    public var markedNode: Int?
    public var markedLabel: String
    public var colorMap: ColorMap
    public var noDataReason: String

    public init(
        title: String, subtitle: String? = nil, nodes: [GraphNode], edges: [GraphEdge], layout: GraphLayout,
        valueTitle: String, valueDimension: Dimension, markedNode: Int? = nil, markedLabel: String = "publisher",
        colorMap: ColorMap = .viridis, noDataReason: String = "no topology recorded"
    ) {
        self.title = title; self.subtitle = subtitle; self.nodes = nodes; self.edges = edges; self.layout = layout
        self.valueTitle = valueTitle; self.valueDimension = valueDimension; self.markedNode = markedNode
        self.markedLabel = markedLabel; self.colorMap = colorMap; self.noDataReason = noDataReason
    }

    static let unreachedColor = Color(hex: 0xBDBDBD)

    public func draw(in context: ChartContext, frame: Rect) {
        guard !nodes.isEmpty else {
            EmptyState(title: title, reason: noDataReason).draw(in: context, frame: frame)
            return
        }
        let canvas = context.canvas
        let body = ChartHeader(title: title, subtitle: subtitle).draw(in: context, frame: frame)
            .inset(left: Theme.margin, bottom: Theme.margin, right: Theme.margin)
        let values = nodes.compactMap(\.value).filter(\.isFinite)
        var legendEntries: [LegendEntry] = []
        if let markedNode, nodes.indices.contains(markedNode) {
            legendEntries.append(LegendEntry(name: markedLabel, swatch: .ring(Theme.textColor)))
        }
        if values.count < nodes.count {
            legendEntries.append(LegendEntry(name: "not reached", swatch: .marker(.circle, GraphChart.unreachedColor)))
        }
        let legend = Legend(entries: legendEntries)
        var (area, legendRect) = legend.reserve(context, in: body, placement: .below)
        var colorBar: (ColorBar, Rect)?
        if let low = values.min(), let high = values.max() {
            let bar = ColorBar(
                map: colorMap, range: low...(high > low ? high : low + 1), title: valueTitle, dimension: valueDimension)
            let barHeight = min(area.height - 20, 320)
            let width = bar.width(context, height: barHeight)
            colorBar = (bar, Rect(x: area.maxX - width, y: area.midY - barHeight / 2, width: width, height: barHeight))
            area = area.inset(right: width + Theme.gap * 2)
        }
        let radius = nodeRadius(count: nodes.count, side: min(area.width, area.height))
        let side = min(area.width, area.height) - 2 * radius - 4
        let square = Rect(x: area.midX - side / 2, y: area.midY - side / 2, width: side, height: side)
        let unit = layout.positions(nodeCount: nodes.count, edges: edges)
        let points = unit.map { Point(x: square.minX + $0.x * square.width, y: square.minY + $0.y * square.height) }

        let edgeAlpha = nodes.count > 40 ? 0.18 : 0.4
        for edge in edges where points.indices.contains(edge.from) && points.indices.contains(edge.to) {
            canvas.line(
                from: points[edge.from], to: points[edge.to], Color(hex: 0x555555, alpha: edgeAlpha),
                width: nodes.count > 40 ? 0.6 : 1)
        }
        let range = values.isEmpty ? 0...1 : values.min()!...max(values.max()!, values.min()! + 1e-12)
        for (index, node) in nodes.enumerated() {
            let color =
                node.value.map { colorMap.color(at: ($0 - range.lowerBound) / (range.upperBound - range.lowerBound)) }
                ?? GraphChart.unreachedColor
            canvas.circle(center: points[index], radius: radius, fill: color, stroke: .white, strokeWidth: 0.8)
        }
        if let markedNode, points.indices.contains(markedNode) {
            canvas.circle(
                center: points[markedNode], radius: radius + 3.5, fill: nil, stroke: Theme.textColor, strokeWidth: 2)
            let style = TextStyle(size: Theme.legend.size, bold: true)
            let anchor = points[markedNode]
            if context.optionalLabel(
                markedLabel, style, at: Point(x: anchor.x, y: anchor.y - radius - 6), within: area, .center, .bottom)
                == nil
            {
                context.optionalLabel(
                    markedLabel, style, at: Point(x: anchor.x, y: anchor.y + radius + 6), within: area, .center, .top)
            }
        }
        drawNodeLabels(context, points: points, radius: radius, area: area)
        if let (bar, rect) = colorBar { bar.draw(context, in: rect) }
        if let legendRect { legend.draw(context, in: legendRect, placement: .below) }
    }

    /// Node radius that keeps 100 nodes apart: about a third of the spacing a grid would give.
    func nodeRadius(count: Int, side: Double) -> Double {
        let spacing = side / Double(count).squareRoot()
        return min(9, max(2.5, spacing * 0.16))
    }

    /// A node's label beside it only when it overlaps no other label and no other node.
    private func drawNodeLabels(_ context: ChartContext, points: [Point], radius: Double, area: Rect) {
        let style = Theme.annotation
        let nodeBoxes = points.indices.map { index -> Rect in
            let r = index == markedNode ? radius + 5 : radius
            return Rect(x: points[index].x - r, y: points[index].y - r, width: 2 * r, height: 2 * r)
        }
        for (index, node) in nodes.enumerated() where !node.label.isEmpty && index != markedNode {
            let point = points[index]
            let outward = point.x >= area.midX
            let anchor = Point(x: point.x + (outward ? radius + 3 : -radius - 3), y: point.y)
            let box = context.canvas.box(node.label, style, at: anchor, outward ? .left : .right, .middle)
            let hitsNode = nodeBoxes.enumerated().contains { $0.offset != index && $0.element.intersects(box) }
            guard !hitsNode else { continue }
            context.optionalLabel(node.label, style, at: anchor, within: area, outward ? .left : .right, .middle)
        }
    }
}
