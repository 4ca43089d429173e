import Foundation

/// Folded stacks drawn as a flame graph (root at the bottom) or icicle (root at the top):
/// widths are sample shares, labels are drawn only where they fit (shortened with "…").
public struct FlameGraphChart: Chart {
    public enum Orientation: Hashable, Sendable { case flame, icicle }

    public var title: String
    public var subtitle: String?
    public var stacks: [FoldedStack]
    public var orientation: Orientation
    public var countNoun: String
    public var noDataReason: String

    public init(
        title: String, subtitle: String? = nil, stacks: [FoldedStack], orientation: Orientation = .icicle,
        countNoun: String = "samples", noDataReason: String = "no stacks were sampled"
    ) {
        self.title = title; self.subtitle = subtitle; self.stacks = stacks; self.orientation = orientation
        self.countNoun = countNoun; self.noDataReason = noDataReason
    }

    public func draw(in context: ChartContext, frame: Rect) {
        let root = FlameNode(stacks: stacks, rootName: "all")
        guard root.count > 0 else {
            EmptyState(title: title, reason: noDataReason).draw(in: context, frame: frame)
            return
        }
        let body = ChartHeader(title: title, subtitle: subtitle).draw(in: context, frame: frame)
            .inset(left: Theme.margin, bottom: Theme.margin, right: Theme.margin)
        let rowHeight = min(18, body.height / Double(root.depth))
        let labelled = rowHeight >= context.measure("Ag", Theme.annotation).height + 2
        drawNode(
            root, context, x: body.minX, width: body.width, level: 0, rowHeight: rowHeight, body: body,
            total: root.count, labelled: labelled)
    }

    private func drawNode(
        _ node: FlameNode, _ context: ChartContext, x: Double, width: Double, level: Int,
        rowHeight: Double, body: Rect, total: Int, labelled: Bool
    ) {
        guard width >= 0.5 else { return }
        let y =
            orientation == .icicle ? body.minY + Double(level) * rowHeight : body.maxY - Double(level + 1) * rowHeight
        let cell = Rect(x: x, y: y, width: width, height: rowHeight)
        context.canvas.fill(
            cell.inset(top: 0.5, left: 0, bottom: 0.5, right: min(1, width / 4)), FlameGraphChart.color(for: node.name))
        if labelled, width > 20 {
            let share = context.formatter.format(Double(node.count) / Double(total) * 100, .percent)
            let full =
                level == 0 ? "all \(context.formatter.count(node.count)) \(countNoun)" : "\(node.name) (\(share))"
            let text =
                context.canvas.fitting(full, Theme.annotation, maxWidth: width - 6)
                ?? context.canvas.fitting(node.name, Theme.annotation, maxWidth: width - 6)
            if let text, text.count > 2 || text == full {
                context.optionalLabel(
                    text, TextStyle(size: Theme.annotation.size, color: Theme.textColor),
                    at: Point(x: x + 3, y: cell.midY), within: cell, .left, .middle)
            }
        }
        var childX = x
        for child in node.sortedChildren {
            let childWidth = width * Double(child.count) / Double(node.count)
            drawNode(
                child, context, x: childX, width: childWidth, level: level + 1, rowHeight: rowHeight, body: body,
                total: total, labelled: labelled)
            childX += childWidth
        }
    }

    /// The classic warm flame colours, chosen from a hash of the name so a frame keeps its colour
    /// across graphs. Colour carries no data here; width does.
    static func color(for name: String) -> Color {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let a = Double(hash & 0xFF) / 255, b = Double((hash >> 8) & 0xFF) / 255, c = Double((hash >> 16) & 0xFF) / 255
        return Color(red: (205 + 50 * c) / 255, green: (80 + 150 * a) / 255, blue: (20 + 55 * b) / 255)
    }
}
