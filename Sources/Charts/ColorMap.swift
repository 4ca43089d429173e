/// A sequential colour map from [0, 1] to colours. Viridis (van der Walt & Smith, 2015) is
/// perceptually uniform, readable by colour-blind viewers and monotone in lightness, so it
/// survives greyscale printing.
public struct ColorMap: Sendable {
    let stops: [Color]

    public init(stops: [Color]) {
        precondition(stops.count >= 2, "a colour map needs at least two stops")
        self.stops = stops
    }

    /// Viridis sampled at 11 evenly spaced points (viridisLite::viridis(11)), interpolated linearly.
    public static let viridis = ColorMap(
        stops: [
            0x440154, 0x482576, 0x414487, 0x35608D, 0x2A788E, 0x21908C,
            0x22A884, 0x43BF71, 0x7AD151, 0xBBDF27, 0xFDE725,
        ].map { Color(hex: $0) })

    /// The colour at `fraction` (clamped to [0, 1]).
    public func color(at fraction: Double) -> Color {
        let t = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let position = t * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        return stops[index].mixed(with: stops[index + 1], position - Double(index))
    }
}
