import Foundation
import Units

/// Tick values and labels for one axis, fitted to its length: ticks are asked for at about one
/// per 70 points (x) or 40 points (y) and reduced until the measured labels no longer touch.
struct AxisTicks {
    var scale: Scale
    var values: [Double]
    var labels: [String]
    var unit: DisplayUnit?

    /// `extent` is the data range (already including thresholds); `measure` gives a label's
    /// extent along the axis (width for x, height for y).
    static func resolve(
        _ spec: AxisSpec, extent: ClosedRange<Double>, length: Double, vertical: Bool,
        formatter: UnitFormatter, measure: (String) -> Double
    ) -> AxisTicks {
        let spacing: Double = vertical ? 40 : 70
        // `length` is the plot's own size (points), never data: finite and below the canvas cap.
        let target = max(2, min(10, Int(length / spacing)))
        switch spec.scale {
        case .linear:
            return linear(spec, extent: extent, length: length, target: target, formatter: formatter, measure: measure)
        case .log10:
            return logarithmic(
                spec, extent: extent, length: length, target: target, formatter: formatter, measure: measure)
        case .percentile: return percentile(extent: extent, length: length, measure: measure)
        }
    }

    private static func linear(
        _ spec: AxisSpec, extent: ClosedRange<Double>, length: Double, target: Int,
        formatter: UnitFormatter, measure: (String) -> Double
    ) -> AxisTicks {
        var low = spec.domain?.lowerBound ?? extent.lowerBound
        var high = spec.domain?.upperBound ?? extent.upperBound
        if spec.includesZero, spec.domain == nil { low = min(low, 0); high = max(high, 0) }
        if high - low <= 0 {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad; high += pad
        } else if spec.domain == nil {
            // 3 % headroom so marks at the extremes (markers, rings) are not cut by the frame;
            // an end pinned at zero stays at zero.
            let pad = 0.03 * (high - low)
            if low != 0 { low -= pad }
            if high != 0 { high += pad }
        }
        var fallback: AxisTicks?
        // Fewer ticks first when labels crowd; a fixed domain drops ticks outside it, so more
        // ticks are tried too until at least two remain inside.
        let counts = Array(stride(from: target, through: 2, by: -1)) + Array((target + 1)...(target + 6))
        for count in counts {
            let values = ExtendedWilkinson.ticks(lower: low, upper: high, targetCount: count)
            let domainLow = spec.domain?.lowerBound ?? min(low, values.first ?? low)
            let domainHigh = spec.domain?.upperBound ?? max(high, values.last ?? high)
            let scale = Scale(kind: .linear, lower: domainLow, upper: domainHigh)
            let shown = values.filter {
                $0 >= domainLow - 1e-9 * abs(domainHigh - domainLow)
                    && $0 <= domainHigh + 1e-9 * abs(domainHigh - domainLow)
            }
            let labels = formatter.axisLabels(shown, spec.dimension)
            let ticks = AxisTicks(scale: scale, values: shown, labels: labels.labels, unit: labels.unit)
            guard shown.count >= 2 else { continue }
            if ticks.labelsFit(length: length, measure: measure) { return ticks }
            if fallback == nil || count < target { fallback = ticks }
        }
        guard let fallback else {
            let labels = formatter.axisLabels([low, high], spec.dimension)
            return AxisTicks(
                scale: Scale(kind: .linear, lower: low, upper: high), values: [low, high], labels: labels.labels,
                unit: labels.unit)
        }
        return fallback.thinned(length: length, measure: measure)
    }

    private static func logarithmic(
        _ spec: AxisSpec, extent: ClosedRange<Double>, length: Double, target: Int,
        formatter: UnitFormatter, measure: (String) -> Double
    ) -> AxisTicks {
        var low = spec.domain?.lowerBound ?? extent.lowerBound
        var high = spec.domain?.upperBound ?? extent.upperBound
        if !(low > 0) { low = high > 0 ? high / 10 : 1 }
        if !(high > low) { low /= 2; high = max(high, low * 4) }
        if spec.domain == nil {
            // Pad by 4 % of the log span so extreme points do not sit on the frame.
            let span = log10(high) - log10(low)
            low = pow(10, log10(low) - 0.04 * span)
            high = pow(10, log10(high) + 0.04 * span)
        }
        // Data near the ends of Double (1e-320, 1.7e308) pads past them: keep both ends finite
        // and positive, so each decade is a whole number within ±324.
        low = min(max(low, .leastNormalMagnitude), .greatestFiniteMagnitude / 10)
        high = min(max(high, low), .greatestFiniteMagnitude)
        let scale = Scale(kind: .log10, lower: low, upper: high)
        guard let firstDecade = Int(exactly: floor(log10(low))), let lastDecade = Int(exactly: ceil(log10(high))) else {
            let labels = formatter.logAxisLabels([low, high], spec.dimension)
            return AxisTicks(scale: scale, values: [low, high], labels: labels.labels, unit: labels.unit)
        }
        func candidates(_ mantissas: [Double], decadeStep: Int) -> [Double] {
            stride(from: firstDecade, through: lastDecade, by: 1).flatMap { decade -> [Double] in
                guard (decade - firstDecade) % decadeStep == 0 || mantissas.count > 1 else { return [] }
                return mantissas.map { $0 * pow(10, Double(decade)) }
            }.filter { $0 >= low * (1 - 1e-9) && $0 <= high * (1 + 1e-9) }
        }
        var options: [[Double]] = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1, 3], [1]].map {
            candidates($0, decadeStep: 1)
        }
        options += (2...6).map { candidates([1], decadeStep: $0) }
        // Prefer the richest set with no more than `target` + 2 ticks whose labels fit.
        let usable = options.filter { $0.count >= 2 }
        var last: AxisTicks?
        for values in usable where values.count <= target + 2 {
            let labels = formatter.logAxisLabels(values, spec.dimension)
            let ticks = AxisTicks(scale: scale, values: values, labels: labels.labels, unit: labels.unit)
            last = ticks
            if ticks.labelsFit(length: length, measure: measure) { return ticks }
        }
        if let last { return last.thinned(length: length, measure: measure) }
        let values = [low, high]
        let labels = formatter.logAxisLabels(values, spec.dimension)
        return AxisTicks(scale: scale, values: values, labels: labels.labels, unit: labels.unit)
    }

    private static func percentile(
        extent: ClosedRange<Double>, length: Double, measure: (String) -> Double
    ) -> AxisTicks {
        // A ClosedRange holds no NaN, so `highest` is in [0.9, 1 − 1e-9]: 1 to 9 nines.
        let highest = min(max(extent.upperBound, 0.9), 1 - 1e-9)
        let nines = max(1, Int(ceil(-log10(1 - highest) - 1e-9)))
        let scale = Scale(kind: .percentile, lower: 0, upper: 1 - pow(10, -Double(nines)))
        let values = [0] + (1...nines).map { 1 - pow(10, -Double($0)) }
        let ticks = AxisTicks(scale: scale, values: values, labels: values.indices.map(percentileLabel), unit: nil)
        return ticks.labelsFit(length: length, measure: measure)
            ? ticks : ticks.thinned(length: length, measure: measure)
    }

    /// "0%", "90%", "99%", "99.9%", ... for 0 and n nines.
    static func percentileLabel(nines: Int) -> String {
        switch nines {
        case 0: return "0%"
        case 1: return "90%"
        case 2: return "99%"
        default: return "99." + String(repeating: "9", count: nines - 2) + "%"
        }
    }

    /// True when neighbouring labels keep at least 6 points between them along the axis.
    func labelsFit(length: Double, measure: (String) -> Double) -> Bool {
        let positions = values.map { scale.fraction($0) * length }
        for index in labels.indices.dropFirst() where !labels[index].isEmpty {
            guard let previous = labels[..<index].lastIndex(where: { !$0.isEmpty }) else { continue }
            let gap = positions[index] - positions[previous]
            if abs(gap) < (measure(labels[index]) + measure(labels[previous])) / 2 + 6 { return false }
        }
        return true
    }

    /// Keeps every k-th tick (smallest k that fits), for when even the sparsest nice set crowds.
    func thinned(length: Double, measure: (String) -> Double) -> AxisTicks {
        for keep in 2...max(2, values.count) {
            let indices = values.indices.filter { $0 % keep == 0 }
            let candidate = AxisTicks(
                scale: scale, values: indices.map { values[$0] },
                labels: indices.map { labels[$0] }, unit: unit)
            if candidate.labelsFit(length: length, measure: measure) { return candidate }
        }
        return AxisTicks(scale: scale, values: Array(values.prefix(1)), labels: Array(labels.prefix(1)), unit: unit)
    }
}
