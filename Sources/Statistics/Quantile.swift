/// Sample quantiles by the one definition MeshBench uses everywhere: numpy's default `linear`
/// method (Hyndman & Fan type 7). With n sorted values x₀…xₙ₋₁ and h = (n − 1)·p, the quantile
/// interpolates between x⌊h⌋ and x⌊h⌋₊₁ with weight t = h − ⌊h⌋.
///
/// The interpolation reproduces numpy's `_lerp` bit for bit: a + (b − a)·t when t < 0.5 and
/// b − (b − a)·(1 − t) otherwise, so results equal `numpy.quantile(x, p)` exactly, not just closely.
public enum Quantile {
    /// The p-quantile of `values` (sorted internally; the input is not modified).
    public static func of(_ values: [Double], p: Double) throws -> Double {
        try of(values, ps: [p])[0]
    }

    /// Several quantiles of `values` from a single sort.
    public static func of(_ values: [Double], ps: [Double]) throws -> [Double] {
        try Validate.sample(values, atLeast: 1, function: "Quantile.of", argument: "values")
        return try ofSorted(RadixSort.sorted(values), ps: ps)
    }

    /// The p-quantile of an already ascending-sorted sample.
    public static func ofSorted(_ sorted: [Double], p: Double) throws -> Double {
        try ofSorted(sorted, ps: [p])[0]
    }

    /// Several quantiles of an already ascending-sorted sample. Throws if the sample is empty,
    /// not sorted, contains NaN/infinity, or a p lies outside [0, 1].
    public static func ofSorted(_ sorted: [Double], ps: [Double]) throws -> [Double] {
        let function = "Quantile.ofSorted"
        try Validate.sample(sorted, atLeast: 1, function: function, argument: "sorted")
        for index in sorted.indices.dropFirst() where sorted[index] < sorted[index - 1] {
            throw StatisticsError.invalidParameter(
                function: function, argument: "sorted[\(index)]", value: sorted[index],
                expected: "ascending order (≥ \(sorted[index - 1])); sort the sample first or call Quantile.of")
        }
        for (index, p) in ps.enumerated() {
            try Validate.inRange(p, 0, 1, function: function, argument: "ps[\(index)]")
        }
        return sorted.withUnsafeBufferPointer { buffer in ps.map { type7(buffer, p: $0) } }
    }

    /// Type-7 quantile without validation: `sorted` is non-empty, ascending and finite, p ∈ [0, 1].
    @inline(__always)
    static func type7(_ sorted: UnsafeBufferPointer<Double>, p: Double) -> Double {
        let last = sorted.count - 1
        let h = Double(last) * p
        if h >= Double(last) { return sorted[last] }
        let lowerIndex = h.rounded(.down)
        let t = h - lowerIndex
        let a = sorted[Int(lowerIndex)]
        let b = sorted[Int(lowerIndex) + 1]
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
