/// Benjamini–Hochberg adjusted p-values ("q-values") for controlling the false discovery rate when
/// many metrics are compared at once.
///
/// With m p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎: q₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎/j).
/// The running minimum from the largest p down makes q monotone in p; results are returned in
/// the input order. Same as R `p.adjust(p, "BH")` and statsmodels `multipletests(p, method='fdr_bh')`.
public enum BenjaminiHochberg {
    public static func adjust(_ pValues: [Double]) throws -> [Double] {
        for (index, p) in pValues.enumerated() {
            try Validate.inRange(p, 0, 1, function: "BenjaminiHochberg.adjust", argument: "pValues[\(index)]")
        }
        let m = Double(pValues.count)
        // Stable order so equal p-values are treated reproducibly.
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = [Double](repeating: 0, count: pValues.count)
        var runningMinimum = 1.0
        for rank in stride(from: order.count, to: 0, by: -1) {
            let index = order[rank - 1]
            runningMinimum = min(runningMinimum, m * pValues[index] / Double(rank))
            adjusted[index] = runningMinimum
        }
        return adjusted
    }
}
