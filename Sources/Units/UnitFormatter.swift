/// Formats measurements for people: picks the display unit so the number lands in [1, 1000),
/// keeps a fixed number of significant digits (3 by default) and writes the unit after a
/// space ("1.23 ms", "456 KB", "12.3 k events/s"). Trailing zeros are kept ("1.50 ms") because
/// they carry the precision. Integer digits are never rounded away ("1,234 s"), and exact
/// counts are shown in full with thousands separators ("1,234,567").
public struct UnitFormatter: Sendable {
    public let significantDigits: Int

    public init(significantDigits: Int = 3) {
        self.significantDigits = max(1, significantDigits)
    }

    /// A single value with its own best unit, e.g. 1234 ns → "1.23 µs".
    public func format(_ baseValue: Double, _ dimension: Dimension) -> String {
        format(baseValue, in: unit(for: [baseValue], dimension), dimension)
    }

    /// A value in a unit chosen elsewhere (for a column or an axis), with the unit symbol.
    public func format(_ baseValue: Double, in unit: DisplayUnit, _ dimension: Dimension) -> String {
        let number = self.number(baseValue, in: unit, dimension)
        return unit.symbol.isEmpty ? number : number + " " + unit.symbol
    }

    /// Only the number, for table cells and tick labels whose header/title carries the unit.
    public func number(_ baseValue: Double, in unit: DisplayUnit, _ dimension: Dimension) -> String {
        let value = unit.convert(baseValue)
        if dimension.groupsThousands, value == value.rounded() {
            return NumberText.fixed(value, decimals: 0)
        }
        return NumberText.significant(value, significantDigits: significantDigits)
    }

    /// One display unit for a whole column or axis: the largest unit in which the largest
    /// magnitude is still ≥ 1 after rounding, so no entry reads "1000 µs" or "0.5 ms" at the top.
    public func unit(for baseValues: [Double], _ dimension: Dimension) -> DisplayUnit {
        let ladder = dimension.ladder
        let largest = baseValues.lazy.filter(\.isFinite).map(abs).max() ?? 0
        guard largest > 0 else { return ladder[0] }
        var chosen = 0
        for (index, unit) in ladder.enumerated() where largest / unit.baseUnitsPerUnit >= 1 {
            chosen = index
        }
        // 999.6 ns at 3 digits prints as "1000 ns": move up a rung when rounding carries.
        let display = ladder[chosen].convert(largest)
        let rounded = NumberText.roundedTo(
            display, decimals: NumberText.decimals(for: display, significantDigits: significantDigits))
        if rounded >= 1000, chosen + 1 < ladder.count { chosen += 1 }
        return ladder[chosen]
    }

    /// A column of values in one shared unit: the unit and the bare numbers.
    public func column(_ baseValues: [Double], _ dimension: Dimension) -> (unit: DisplayUnit, cells: [String]) {
        let unit = self.unit(for: baseValues, dimension)
        return (unit, baseValues.map { number($0, in: unit, dimension) })
    }

    /// A signed percentage such as a change against the baseline: 12.34 → "+12.3 %",
    /// −4.5 → "−4.50 %", 0 → "0 %".
    public func signedPercent(_ percent: Double) -> String {
        let body = NumberText.significant(percent, significantDigits: significantDigits)
        let sign = percent > 0 && body != "0" ? "+" : ""
        return sign + body + " %"
    }

    /// An exact count with thousands separators: 1234567 → "1,234,567".
    public func count(_ value: Int) -> String {
        NumberText.fixed(Double(value), decimals: 0)
    }

    /// Tick labels for an axis: one unit for all ticks (chosen from the largest), and numbers
    /// with just enough decimals to tell the ticks apart. `uniformDecimals` gives every label
    /// the same decimals (linear axes: "0.5, 1.0, 1.5"); log axes use each tick's own
    /// ("0.01, 0.1, 1, 10").
    public func axisLabels(_ baseTicks: [Double], _ dimension: Dimension, uniformDecimals: Bool = true) -> AxisLabels {
        let unit = self.unit(for: baseTicks, dimension)
        let display = baseTicks.map(unit.convert)
        let labels: [String]
        if uniformDecimals {
            let places = NumberText.decimalsToShowExactly(display)
            labels = display.map { NumberText.fixed($0, decimals: places) }
        } else {
            labels = display.map { NumberText.fixed($0, decimals: NumberText.decimalsToShowExactly([$0])) }
        }
        return AxisLabels(unit: unit, labels: labels)
    }
}

extension UnitFormatter {
    /// Labels for a log axis, in the unit of the ticks' geometric middle: a latency axis from
    /// 0.5 ms to 1 s reads 0.5 … 1000 ms, not 0.0005 … 1 s (the unit of the largest tick, right
    /// for a linear axis, leaves the lower decades as strings of zeros).
    public func logAxisLabels(_ baseTicks: [Double], _ dimension: Dimension) -> AxisLabels {
        let positive = baseTicks.filter { $0 > 0 && $0.isFinite }
        guard let low = positive.min(), let high = positive.max() else {
            return axisLabels(baseTicks, dimension, uniformDecimals: false)
        }
        let unit = self.unit(for: [(low * high).squareRoot()], dimension)
        let labels = baseTicks.map(unit.convert).map {
            NumberText.fixed($0, decimals: NumberText.decimalsToShowExactly([$0]))
        }
        return AxisLabels(unit: unit, labels: labels)
    }
}

/// Tick labels sharing one display unit; the axis title carries `unit.symbol`.
public struct AxisLabels: Hashable, Sendable {
    public let unit: DisplayUnit
    public let labels: [String]
}

extension Dimension {
    /// An axis or column title with its unit: "Latency (ms)"; bare counts get no parentheses.
    public func title(_ name: String, unit: DisplayUnit) -> String {
        unit.symbol.isEmpty ? name : "\(name) (\(unit.symbol))"
    }
}
